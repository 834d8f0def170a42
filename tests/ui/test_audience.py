from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from keeper.contrast import (
    AUDIENCE_PALETTE,
    CONTROL_PALETTE,
    MIN_AUDIENCE_CONTRAST,
    MIN_CONTROL_CONTRAST,
    contrast_ratio,
)
from ui.audience.face import AudienceFace
from ui.audience.state import AudienceState
from ui.audience.window import AudienceWindow
from ui.audience_bus import AudienceBus

ROOT = Path(__file__).resolve().parents[2]
RUNNING = AudienceState(mode="timer", title="Pipeline review", subtitle="Keynote · Ava Chen",
                        digits="12:34", next_line="Next · 10:45  Coffee")


def test_contrast_helper_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFF", "#FFF") == pytest.approx(1.0)


@pytest.mark.parametrize("level", sorted(AUDIENCE_PALETTE))
def test_every_projector_colour_pair_reaches_7_to_1(level: str) -> None:
    colours = AUDIENCE_PALETTE[level]
    assert contrast_ratio(colours.digits, colours.background) >= MIN_AUDIENCE_CONTRAST
    assert contrast_ratio(colours.text, colours.background) >= MIN_AUDIENCE_CONTRAST


@pytest.mark.parametrize("level", sorted(CONTROL_PALETTE))
def test_control_countdown_colours_are_readable(level: str) -> None:
    colours = CONTROL_PALETTE[level]
    assert contrast_ratio(colours.digits, colours.background) >= MIN_CONTROL_CONTRAST


def test_warning_levels_look_different() -> None:
    digits = {AUDIENCE_PALETTE[k].digits for k in ("normal", "amber", "red", "overtime")}
    backgrounds = {AUDIENCE_PALETTE[k].background for k in ("normal", "amber", "red", "overtime")}
    assert len(digits) >= 3 and len(backgrounds) == 4


@pytest.mark.parametrize(("size", "digits"), [
    ((1920, 1080), "12:34"), ((1920, 1080), "+1:02:03"), ((1024, 768), "59:59"),
    ((3840, 2160), "00:05"), ((800, 600), "1:00:00"), ((1280, 1024), "1:59:59"),
    ((1280, 800), "+1:02:03"),
])
def test_digits_are_at_least_a_quarter_of_the_height(qtbot, size, digits) -> None:
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(*size)
    face.set_state(AudienceState(mode="timer", title="T", digits=digits))
    height = size[1]
    assert face.digits_pixel_size() >= 0.25 * height
    assert face.digit_glyph_height() >= 0.25 * height
    face.grab()  # paints without error at this size


def test_portrait_window_keeps_the_digits_inside_the_width(qtbot) -> None:
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(1080, 1920)
    face.set_state(AudienceState(mode="timer", title="T", digits="+12:34"))
    from PySide6.QtGui import QFontMetricsF

    assert QFontMetricsF(face._fonts["digits"]).horizontalAdvance("+12:34") <= 1080


def test_only_the_digits_are_repainted_on_a_tick(qtbot) -> None:
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(1280, 720)
    face.show()
    qtbot.waitExposed(face)
    face.set_state(RUNNING)
    qtbot.waitUntil(lambda: face.state == RUNNING and face.paint_count > 0)
    before = face.paint_count
    face.set_state(AudienceState(**{**RUNNING.__dict__, "digits": "12:33"}))
    qtbot.waitUntil(lambda: face.paint_count > before)
    assert face.last_paint_rect.height() < 0.6 * face.height()
    count = face.paint_count
    face.set_state(AudienceState(**{**RUNNING.__dict__, "digits": "12:33"}))  # no change
    QApplication.processEvents()
    assert face.paint_count == count


def test_window_never_takes_focus_and_has_no_controls(qtbot) -> None:
    control = QWidget()
    qtbot.addWidget(control)
    control.show()
    qtbot.waitExposed(control)
    control.activateWindow()
    window = AudienceWindow(AudienceBus(), control)
    qtbot.addWidget(window)
    window.place()
    qtbot.waitExposed(window)
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert QGuiApplication.focusWindow() is not window.windowHandle()
    focusable = [w for w in window.findChildren(QWidget)
                 if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert focusable == []
    # one screen: a normal, movable window, not full screen
    assert not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_presented_widget_replaces_the_timer_and_blackout_wins(qtbot) -> None:
    bus = AudienceBus()
    window = AudienceWindow(bus)
    qtbot.addWidget(window)
    window.set_state(RUNNING)
    bus.present("board", lambda parent: QLabel("Board without authors", parent))
    assert window.presenting == "board"
    window.set_state(AudienceState(mode="blackout"))
    assert window.presenting == "timer" and window.face.state.mode == "blackout"
    window.set_state(RUNNING)
    assert window.presenting == "board"
    bus.present_timer()
    assert window.presenting == "timer"


def test_a_failing_presented_widget_leaves_the_timer(qtbot) -> None:
    bus = AudienceBus()
    window = AudienceWindow(bus)
    qtbot.addWidget(window)

    def broken(parent):
        raise RuntimeError("boom")

    with qtbot.captureExceptions():
        bus.present("quadrant", broken)
    assert window.presenting == "timer"


def test_removing_the_only_screen_does_not_crash(qtbot) -> None:
    window = AudienceWindow(AudienceBus())
    qtbot.addWidget(window)
    window.place()
    window.on_screen_removed(QGuiApplication.primaryScreen())  # nothing left to move to
    window.on_screen_added(QGuiApplication.primaryScreen())
    QApplication.processEvents()
    assert window.isVisible()


TWO_SCREENS = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QApplication, QWidget
    from PySide6.QtGui import QGuiApplication
    app = QApplication(sys.argv)
    from ui.audience.window import AudienceWindow
    from ui.audience_bus import AudienceBus
    laptop, projector = QGuiApplication.screens()
    control = QWidget()
    control.setGeometry(100, 100, 800, 500)
    control.show()
    window = AudienceWindow(AudienceBus(), control)
    window.place()
    app.processEvents()
    out = {"first": [window.screen().name(), window.isFullScreen(),
                     window.geometry().getRect(),
                     bool(window.windowFlags() & 0x800)]}  # FramelessWindowHint
    window.on_screen_removed(projector)  # the projector is unplugged
    app.processEvents()
    out["unplugged"] = [window.geometry().getRect(), window.isFullScreen(), window.isVisible(),
                        laptop.geometry().contains(window.geometry().center())]
    window.on_screen_added(projector)  # and plugged back
    for _ in range(3):
        app.processEvents()
    out["replugged"] = [window.screen().name(), window.isFullScreen(),
                        window.geometry().getRect()]
    window.choose_screen("LAPTOP")
    app.processEvents()
    out["chosen"] = [window.screen().name(), window.geometry().getRect()]
    print(json.dumps(out))
""")


def test_two_screens_projector_by_default_and_survives_unplugging(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1280, "height": 800,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "PROJECTOR", "x": 1280, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 2},
    ]}))
    script = tmp_path / "two.py"
    script.write_text(TWO_SCREENS)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["first"] == ["PROJECTOR", True, [1280, 0, 1920, 1080], True]
    rect, full, visible, on_laptop = out["unplugged"]
    assert visible and on_laptop and not full  # one screen left: a movable window on it
    assert out["replugged"] == ["PROJECTOR", True, [1280, 0, 1920, 1080]]
    assert out["chosen"] == ["LAPTOP", [0, 0, 1280, 800]]


def test_break_screen_says_one_time_for_back_and_next(qtbot) -> None:
    from datetime import UTC, datetime

    from keeper.agenda.schedule import AgendaEntry
    from keeper.agenda.timer import Runner
    from keeper.clock import FakeClock
    from ui.runner.projected import Room, audience_state

    nine = datetime(2026, 11, 23, 20, 24, 30, tzinfo=UTC)
    clock = FakeClock(nine)
    entries = [AgendaEntry(1, "Coffee", kind="break", planned_minutes=15),
               AgendaEntry(2, "Forecast review", planned_minutes=30)]
    runner = Runner(entries, clock)
    runner.start()  # the break ends at 20:39:30
    state = audience_state(runner, Room(entries, [], {}, None, "", False), clock.now(),
                           runner.level())
    assert state.back_at == "Back at 20:40"
    assert state.next_line.startswith("Next · 20:40")
