"""The runner's keys from every view of the real main window, whatever has the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from keeper.agenda.timer import TimerState
from keeper.clock import FakeClock
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.runner.view import RunnerView
from ui.views.registry import VIEWS

K = Qt.Key
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def shown_window(qtbot, clock: FakeClock) -> MainWindow:
    """The control window on screen at laptop size, no file open yet."""
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, demo_path: Path, clock: FakeClock, monkeypatch) -> Iterator[MainWindow]:
    answers = iter(["Back at 15:10", ""] * 40)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    w = shown_window(qtbot, clock)
    assert w.open_path(demo_path)
    for spec in VIEWS:
        assert w.views[spec.key] is not None  # every view built
    yield w
    w.close()


def runner_of(window: MainWindow) -> RunnerView:
    view = window.views["runner"]
    assert isinstance(view, RunnerView)
    return view


def checks(runner: RunnerView) -> dict[str, tuple[Callable[[], object], int]]:
    """What each command changes, and how many presses bring it back."""
    timer = runner.runner
    assert timer is not None
    return {
        "toggle": (lambda: runner.runner.state, 2),
        "next": (lambda: runner.runner.index, 1),  # then "previous" brings it back
        "plus": (lambda: runner.countdown.text(), 1),  # then "minus"
        "blackout": (lambda: runner.run_day.blackout, 2),
        "message": (lambda: runner.run_day.message, 2),
        "audience": (lambda: runner.audience_window.isVisible(), 2),
    }


BARE = {"toggle": K.Key_Space, "next": K.Key_N, "previous": K.Key_P, "plus": K.Key_Plus,
        "minus": K.Key_Minus, "blackout": K.Key_B, "message": K.Key_M, "audience": K.Key_A}
FKEYS = {"toggle": K.Key_F5, "next": K.Key_F7, "previous": K.Key_F6, "plus": K.Key_F9,
         "minus": K.Key_F8, "blackout": K.Key_F10, "message": K.Key_F11, "audience": K.Key_F12}
UNDO = {"next": "previous", "plus": "minus"}


def press_all(qtbot, runner: RunnerView, keys: dict[str, K], where: str) -> None:
    for name, (read, presses) in checks(runner).items():
        target = QApplication.focusWidget()
        assert target is not None, where
        before = read()
        qtbot.keyClick(target, keys[name])
        assert read() != before, f"{name} ({keys[name]!r}) did nothing with focus in {where}"
        if presses == 2:
            qtbot.keyClick(QApplication.focusWidget(), keys[name])
        else:
            qtbot.keyClick(QApplication.focusWidget(), keys[UNDO[name]])
        assert read() == before, f"{name} undone with focus in {where}"


def focus_in(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus())


def test_every_runner_key_works_from_every_view(qtbot, window: MainWindow) -> None:
    runner = runner_of(window)
    assert runner.runner is not None and runner.runner.state is TimerState.RUNNING
    for spec in VIEWS:
        window.show_view(spec.key)
        focus_in(qtbot, window.nav)  # the sections list: letters never jump to a view
        press_all(qtbot, runner, BARE, f"{spec.key}: sections list")
        assert window.nav.currentRow() == [s.key for s in VIEWS].index(spec.key)
        press_all(qtbot, runner, FKEYS, f"{spec.key}: sections list")
        # the view's own first control that takes the keyboard
        view = window.views[spec.key]
        first = view.nextInFocusChain()
        while first is not view and not (first.focusPolicy() & Qt.FocusPolicy.TabFocus
                                          and first.isVisible() and first.isEnabled()):
            first = first.nextInFocusChain()
        if first is view:
            continue
        focus_in(qtbot, first)
        press_all(qtbot, runner, FKEYS, f"{spec.key}: {type(first).__name__}")
        if not isinstance(first, TEXT_FIELDS):
            press_all(qtbot, runner, BARE, f"{spec.key}: {type(first).__name__}")


def test_bare_keys_type_in_a_text_field_and_f_keys_still_run_the_day(
        qtbot, window: MainWindow) -> None:
    runner = runner_of(window)
    window.show_view("board")
    line = window.views["board"].findChild(QLineEdit)
    assert line is not None
    focus_in(qtbot, line)
    index = runner.runner.index
    qtbot.keyClicks(line, "new pan b")
    assert line.text() == "new pan b"
    assert runner.runner.index == index and not runner.run_day.blackout
    qtbot.keyClick(line, K.Key_F7)
    assert runner.runner.index == index + 1
    assert line.hasFocus()


def test_escape_leaves_blackout_from_any_view_and_is_free_otherwise(
        qtbot, window: MainWindow) -> None:
    runner = runner_of(window)
    window.show_view("people")
    focus_in(qtbot, window.nav)
    qtbot.keyClick(window.nav, K.Key_B)
    assert runner.run_day.blackout
    assert runner.audience_window.face.state.mode == "blackout"
    qtbot.keyClick(window.nav, K.Key_Escape)
    assert not runner.run_day.blackout
    assert not runner.actions_by_key["escape"].isEnabled()  # Esc is the views' again


def test_each_key_has_one_meaning_in_the_menus(window: MainWindow) -> None:
    from ui.shortcut_sheet import menu_rows

    seen: dict[str, str] = {}
    for _title, rows in menu_rows(window.menuBar()):
        for keys, text in rows:
            for k in keys.split(" or "):
                assert k not in seen, f"{k} is both {seen[k]!r} and {text!r}"
                seen[k] = text
    assert "Ctrl+T" not in seen  # the board's Tidy
    assert seen["Space"] == "Start / pause"


def test_f1_sheet_lists_each_key_once_and_fits_a_laptop(qtbot, window: MainWindow) -> None:
    for key in ("runner", "board"):
        window.show_view(key)
        window.show_shortcuts()
        sheet = window.shortcut_sheet
        qtbot.waitExposed(sheet)
        html = sheet.text.text()
        assert html.count("<b>Space or F5</b>") == 1
        assert html.count("<b>N or F7</b>") == 1
        assert html.count("<b>Esc</b>") == 1 and "Ctrl+Z" in html
        assert html.count("<b>Enter</b>") == 1
        hint = sheet.sizeHint()
        assert hint.width() <= 1280 and hint.height() <= 760, hint
        sheet.close()


def test_a_restart_mid_session_opens_on_the_runner_counting_sessions_as_the_overview(
        qtbot, demo_path: Path, clock: FakeClock) -> None:

    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show_view("offsite")  # where the Keeper was when the app closed
    assert w.open_path(demo_path)
    assert VIEWS[w.nav.currentRow()].key == "runner"
    runner = runner_of(w)
    overview = w.views["offsite"].glance.day.value.text()  # "15 sessions"
    total = int(overview.split()[0])
    assert runner.position.text().endswith(f"of {total}")
    assert runner.position.text().split(" · ")[-1].startswith("Session ")
    w.close()


def test_the_runner_is_built_when_first_needed_and_its_keys_work_from_the_first_frame(
        qtbot, tmp_path: Path, clock: FakeClock) -> None:
    from keeper.store.files import new_file

    path = tmp_path / "team.keeper"  # the Keeper's own file, the day not begun
    new_file(path, clock=clock).close()
    w = shown_window(qtbot, clock)
    assert w.open_path(path)
    assert "runner" in w.views.missing()  # not built for a frame that does not show it
    focus_in(qtbot, w.nav)
    qtbot.keyClick(w.nav, Qt.Key.Key_Space)  # Space starts the day from the Offsite view
    runner = runner_of(w)
    assert runner.runner is not None and runner.runner.state is TimerState.RUNNING
    w.close()


def test_something_shown_on_the_projector_before_the_runner_is_built_reaches_it(
        qtbot, tmp_path: Path, clock: FakeClock) -> None:
    from keeper.store.files import new_file

    path = tmp_path / "team.keeper"
    new_file(path, clock=clock).close()
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    assert w.open_path(path)
    assert "runner" in w.views.missing()
    w.context.audience.present("ranking", lambda parent: QLabel("Ranking", parent))
    audience = runner_of(w).audience_window
    assert audience.presenting == "ranking"
    w.close()
