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


def shown_face(qtbot, size: tuple[int, int]) -> AudienceFace:
    """A projector face on screen at ``size`` (laid out for it, as on the day)."""
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(*size)
    face.show()
    qtbot.waitExposed(face)
    return face


@pytest.mark.parametrize("size", [(360, 200), (1280, 720), (1920, 1080), (1024, 768)])
def test_the_digits_never_cover_the_subtitle_or_the_status_line(qtbot, size) -> None:
    from PySide6.QtGui import QFontMetricsF

    face = shown_face(qtbot, size)
    face.set_state(AudienceState(mode="timer", title="Best practice talk 2",
                                 subtitle="Keynote · Jill Morgan", digits="+1:02:03",
                                 status="Over time"))
    cells = face._cells("+1:02:03")
    for key in ("subtitle", "status"):
        assert not any(cell.intersects(face._rects[key]) for cell in cells), key
    ink = QFontMetricsF(face._fonts["digits"]).tightBoundingRect("0123456789:+")
    top = cells[0].top() + face._ink_baseline + ink.top()  # the glyphs' ink, in the face
    assert cells[0].top() <= top and top + ink.height() <= cells[0].bottom()
    face.grab()


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
    window.toggle_full_screen()  # F: a window on the projector, which fits it with its frame
    app.processEvents()
    area = projector.availableGeometry()
    out["windowed"] = [window.isFullScreen(), area.contains(window.frameGeometry()),
                       window.width() <= area.width() * 0.9]
    window.on_screen_removed(projector)  # the projector is unplugged
    app.processEvents()
    out["unplugged"] = [window.isVisible(), window.waiting_for]
    window.on_screen_added(projector)  # and plugged back: full screen again, by itself
    for _ in range(3):
        app.processEvents()
    out["replugged"] = [window.screen().name(), window.isFullScreen(),
                        window.geometry().getRect(), window.waiting_for]
    window.choose_screen("LAPTOP")
    app.processEvents()
    out["chosen"] = [window.screen().name(), window.geometry().getRect()]
    print(json.dumps(out))
""")


def run_on_two_screens(tmp_path: Path, source: str) -> dict:
    """Run ``source`` in a process whose Qt sees a laptop and a projector; its last line."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1280, "height": 800,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "PROJECTOR", "x": 1280, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 2},
    ]}))
    script = tmp_path / "two.py"
    script.write_text(source)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT), "KEEPER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_screens_projector_by_default_and_survives_unplugging(tmp_path: Path) -> None:
    out = run_on_two_screens(tmp_path, TWO_SCREENS)
    assert out["first"] == ["PROJECTOR", True, [1280, 0, 1920, 1080], True]
    assert out["windowed"] == [False, True, True]
    assert out["unplugged"] == [False, "PROJECTOR"]  # never over the control window: it waits
    assert out["replugged"] == ["PROJECTOR", True, [1280, 0, 1920, 1080], None]
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


UNPLUG_WHILE_RUNNING = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from PySide6.QtGui import QGuiApplication
    app = QApplication(sys.argv)
    from keeper.store.files import new_file
    from ui.context import AppContext
    from ui.main_window import MainWindow
    path = Path(sys.argv[0]).with_name("day.keeper")
    new_file(path, demo=True).close()
    window = MainWindow(context=AppContext())
    window.setGeometry(40, 40, 1200, 740)
    window.show()
    window.open_path(path)
    runner = window.views["runner"]
    audience = runner.audience_window
    laptop, projector = QGuiApplication.screens()
    app.processEvents()
    out = {"running": [audience.isVisible(), audience.screen().name(), audience.isFullScreen()]}
    window.show_view("board")
    audience.on_screen_removed(projector)
    app.processEvents()
    out["unplugged"] = [audience.isVisible(), window.projector_note.isVisibleTo(window),
                        window.projector_note.text(), runner.projector.preview_caption.text()]
    audience.on_screen_added(projector)
    for _ in range(3):
        app.processEvents()
    out["replugged"] = [audience.isVisible(), audience.screen().name(), audience.isFullScreen(),
                        window.projector_note.isVisibleTo(window)]
    window.close()
    print(json.dumps(out))
""")


def test_unplugged_projector_hides_the_audience_and_the_control_window_says_so(
        tmp_path: Path) -> None:
    out = run_on_two_screens(tmp_path, UNPLUG_WHILE_RUNNING)
    assert out["running"] == [True, "PROJECTOR", True]
    visible, note_shown, note, caption = out["unplugged"]
    assert not visible and note_shown  # never a box over the control window
    assert note.startswith("Projector disconnected — the audience window will come back")
    assert caption == note
    assert out["replugged"] == [True, "PROJECTOR", True, False]


LONG = ("Lunch is in the atrium on the ground floor; please be back in your seats by 13:15 "
        "so that the pipeline review can start on time, and bring your forecast sheets")


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (384, 216)])
def test_a_long_message_wraps_to_three_lines_and_shrinks_never_cut(qtbot, size) -> None:
    face = shown_face(qtbot, size)
    assert face._rects["message"].width() > 0.8 * size[0]
    face.set_state(AudienceState(**{**RUNNING.__dict__, "message": LONG}))
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    rect = face._rects["message"]
    font = face.fitted_font("message", LONG, 3)
    metrics = QFontMetricsF(font)
    box = metrics.boundingRect(QRectF(0, 0, rect.width(), 1e6),
                               int(Qt.TextFlag.TextWordWrap), LONG)
    assert box.height() <= rect.height() and box.width() <= rect.width()
    assert round(box.height() / metrics.lineSpacing()) <= 3
    assert font.pixelSize() < face.font_for("message").pixelSize()  # shrunk to fit
    short = face.fitted_font("message", "Back at 13:15", 3)
    assert short.pixelSize() == face.font_for("message").pixelSize()  # a short one is not
    face.grab()


def test_secondary_lines_are_at_least_5_percent_of_the_height(qtbot) -> None:
    from PySide6.QtGui import QFontMetricsF

    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(1920, 1080)
    face.show()
    qtbot.waitExposed(face)
    for key, sample in (("title", "Pipeline review"), ("next", "Next · 10:45  Coffee"),
                        ("status", "Paused"), ("clock", "14:05")):
        height = QFontMetricsF(face.font_for(key)).tightBoundingRect(sample).height()
        assert height >= 0.05 * 1080, (key, height)


def test_overtime_is_red_digits_on_a_dark_screen_and_the_last_seconds_read_red() -> None:
    from keeper.contrast import parse_hex, relative_luminance

    for level in ("red", "overtime"):
        colours = AUDIENCE_PALETTE[level]
        r, g, b = parse_hex(colours.digits)
        assert r == 255 and g == b and g < 0.45 * r  # hue 0: red, not salmon or orange
        assert relative_luminance(colours.background) < 0.01  # dark, not a crimson screen


def test_progress_and_clock_repaint_their_own_bands(qtbot) -> None:
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(1280, 720)
    face.show()
    qtbot.waitExposed(face)
    state = AudienceState(**{**RUNNING.__dict__, "progress": 0.25, "clock": "10:41"})
    face.set_state(state)
    qtbot.waitUntil(lambda: face.dirty.isEmpty())
    before = face.paint_count
    face.set_state(AudienceState(**{**state.__dict__, "progress": 0.26, "digits": "12:33"}))
    qtbot.waitUntil(lambda: face.paint_count > before)
    painted = face.last_paint_region
    area = sum(r.width() * r.height() for r in painted)
    assert area < 0.5 * face.width() * face.height()
    assert not painted.intersects(face._rects["title"].toAlignedRect())
    image = face.grab().toImage()
    done = image.pixelColor(int(0.25 * 1280) - 4, 2).name().upper()
    left = image.pixelColor(int(0.27 * 1280) + 4, 2).name().upper()
    assert done == AUDIENCE_PALETTE["normal"].digits.upper() and left != done


def test_wrap_up_cue_flashes_then_stays(qtbot) -> None:
    face = AudienceFace()
    qtbot.addWidget(face)
    face.resize(1280, 720)
    face.show()
    face.set_state(AudienceState(**{**RUNNING.__dict__, "cue": True}))
    seen = set()
    qtbot.waitUntil(lambda: seen.add(face.cue_lit) or len(seen) == 2, timeout=3000)
    qtbot.waitUntil(lambda: not face._flash.isActive(), timeout=6000)
    assert face.cue_lit  # it stays on after flashing
    image = face.grab().toImage()
    centre = face._rects["status"].center()
    assert image.pixelColor(int(centre.x()), int(face._rects["status"].top()) + 3).name().upper() \
        == "#FFB627"
