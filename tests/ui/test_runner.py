from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton, QWidget

from keeper.agenda.ops import agenda_items, load_runner_state
from keeper.agenda.timer import TimerState
from keeper.changes import Changes
from keeper.clock import FakeClock
from keeper.store.offsite_file import OffsiteStore
from tests.ui.showing import shown
from ui.context import AppContext
from ui.runner.view import RunnerView


def open_view(qtbot, path: Path, clock: FakeClock) -> tuple[RunnerView, AppContext]:
    context = AppContext(clock=clock)
    context.set_store(OffsiteStore.open(path))
    view = shown(qtbot, RunnerView(context), 1100, 760)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: view.hasFocus())
    return view, context


@pytest.fixture
def runner(qtbot, demo_path: Path, clock: FakeClock):
    view, context = open_view(qtbot, demo_path, clock)
    yield view
    view.shutdown()
    context.set_store(None)


def key(qtbot, view: RunnerView, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view, k, modifier)


def test_demo_day_resumes_running_with_the_right_time(runner: RunnerView) -> None:
    # the demo is 23 minutes into a 60-minute session
    assert runner.title.text() == "Opportunities brainstorm"
    assert runner.countdown.text() == "37:00"
    assert runner.runner.state is TimerState.RUNNING
    assert "Running 14 min late" in runner.drift_line.text()
    assert "projected end" in runner.drift_line.text()


def test_keyboard_drives_the_runner(qtbot, runner: RunnerView, clock: FakeClock) -> None:
    key(qtbot, runner, Qt.Key.Key_Space)  # pause
    assert runner.runner.state is TimerState.PAUSED
    assert runner.audience_window.face.state.status == "Paused"
    clock.advance(90)
    runner.tick()
    assert runner.countdown.text() == "37:00"  # paused time does not run
    key(qtbot, runner, Qt.Key.Key_Space)  # resume
    clock.advance(60)
    runner.tick()
    assert runner.countdown.text() == "36:00"
    key(qtbot, runner, Qt.Key.Key_Plus)
    assert runner.countdown.text() == "37:00"
    key(qtbot, runner, Qt.Key.Key_Equal)
    assert runner.countdown.text() == "38:00"
    key(qtbot, runner, Qt.Key.Key_Minus)
    assert runner.countdown.text() == "37:00"
    key(qtbot, runner, Qt.Key.Key_N)  # next session, keeps running
    assert runner.title.text() == "Situational mapping"
    assert runner.countdown.text() == "1:00:00"
    assert runner.runner.state is TimerState.RUNNING
    clock.advance(5)
    runner.tick()
    assert runner.countdown.text() == "59:55"
    key(qtbot, runner, Qt.Key.Key_P)  # back to the brainstorm where it was left
    assert runner.title.text() == "Opportunities brainstorm"
    assert runner.countdown.text() == "37:00"
    key(qtbot, runner, Qt.Key.Key_R)  # reset: planned length, not started
    assert runner.countdown.text() == "1:00:00"
    assert runner.runner.state is TimerState.IDLE


def test_next_records_actual_times_in_the_file(qtbot, runner: RunnerView,
                                               clock: FakeClock) -> None:
    store = runner.context.store
    offsite = runner.context.offsite
    clock.advance(120)
    key(qtbot, runner, Qt.Key.Key_N)
    store.session.expire_all()
    items = {i.title: i for i in agenda_items(store, offsite.id)}
    done = items["Opportunities brainstorm"]
    assert done.actual_end == clock.now().astimezone().replace(tzinfo=None)
    assert items["Situational mapping"].actual_start == done.actual_end
    saved = load_runner_state(store, offsite.id)
    assert saved.timer.item_id == items["Situational mapping"].id
    assert saved.timer.state is TimerState.RUNNING


def test_blackout_message_and_escape(qtbot, runner: RunnerView, monkeypatch) -> None:
    face = runner.audience_window.face
    key(qtbot, runner, Qt.Key.Key_B)
    assert face.state.mode == "blackout" and runner.preview.state.mode == "blackout"
    key(qtbot, runner, Qt.Key.Key_Escape)
    assert face.state.mode == "timer"
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Back at 13:15 \x00\u202e🎉", True))
    key(qtbot, runner, Qt.Key.Key_M)
    assert face.state.message == "Back at 13:15 \u202e🎉"
    store = runner.context.store
    store.session.expire_all()
    assert load_runner_state(store, runner.context.offsite.id).message == face.state.message


def test_help_overlay_opens_with_question_mark_and_f1(qtbot, runner: RunnerView) -> None:
    key(qtbot, runner, Qt.Key.Key_Question)
    assert runner.help_overlay.isVisible()
    qtbot.keyClick(runner.help_overlay, Qt.Key.Key_Escape)
    assert not runner.help_overlay.isVisible()
    key(qtbot, runner, Qt.Key.Key_F1)
    assert runner.help_overlay.isVisible()
    runner.resize(1000, 700)  # the overlay keeps covering the runner
    qtbot.waitUntil(lambda: runner.help_overlay.geometry() == runner.rect())
    qtbot.keyClick(runner.help_overlay, Qt.Key.Key_A)  # any key closes it
    assert not runner.help_overlay.isVisible()


def test_audience_window_opens_and_toggles_full_screen(qtbot, runner: RunnerView) -> None:
    window = runner.audience_window
    assert not window.isVisible()  # one screen: not opened by itself
    key(qtbot, runner, Qt.Key.Key_A)
    qtbot.waitExposed(window)
    assert window.isVisible() and not window.isFullScreen()
    assert QApplication.focusWidget() is runner  # the control window keeps the keyboard
    key(qtbot, runner, Qt.Key.Key_F)
    assert window.isFullScreen()
    key(qtbot, runner, Qt.Key.Key_F)
    assert not window.isFullScreen()
    assert window.face.state == runner.preview.state  # both follow the same signal


def test_overtime_counts_up_in_its_own_colour(qtbot, runner: RunnerView,
                                              clock: FakeClock) -> None:
    face = runner.audience_window.face
    clock.advance(37 * 60 - 100)
    runner.tick()
    assert face.state.level == "amber"
    clock.advance(80)
    runner.tick()
    assert face.state.level == "red"
    clock.advance(25)
    runner.tick()
    assert face.state.digits == "+00:05" and face.state.level == "overtime"
    assert face.colours().background != runner.audience_window.face.colours().digits
    assert "Over time" in runner.state_line.text()


def test_tick_is_rearmed_for_the_next_second_boundary(runner: RunnerView,
                                                      clock: FakeClock) -> None:
    clock.advance(0.25)
    runner.tick()
    assert runner._tick_timer.isActive()
    assert runner._tick_timer.isSingleShot()
    assert runner._tick_timer.interval() == 750
    runner.toggle_start()  # paused: nothing ticks every second
    assert not runner._tick_timer.isActive()


def test_restart_resumes_the_running_timer(qtbot, demo_path: Path, clock: FakeClock) -> None:
    view, context = open_view(qtbot, demo_path, clock)
    clock.advance(100)
    view.tick()
    assert view.countdown.text() == "35:20"
    view.shutdown()
    context.set_store(None)  # the app quits (or crashes after the last write)
    clock.jump_wall(45)  # and comes back 45 s later in a new process
    fresh = FakeClock(start=clock.now(), monotonic=5.0)
    again, context2 = open_view(qtbot, demo_path, fresh)
    assert again.runner.state is TimerState.RUNNING
    assert again.countdown.text() == "34:35"
    again.shutdown()
    context2.set_store(None)


def test_take_the_time_back_previews_then_applies_undoably(qtbot, runner: RunnerView) -> None:
    store, offsite = runner.context.store, runner.context.offsite
    before = {i.id: i.planned_minutes for i in agenda_items(store, offsite.id)}
    qtbot.mouseClick(runner.day_panel.take_back_button, Qt.MouseButton.LeftButton)
    dialog = runner._take_back_dialog
    assert dialog.isVisible()
    assert dialog.preview.requested_minutes == 14
    running = runner.runner.current.id  # "not yet started": the running session keeps its time
    assert running not in {c.item_id for c in dialog.preview.changes}
    assert dialog.table.rowCount() == len(dialog.preview.changes) > 0
    assert agenda_items(store, offsite.id)[10].planned_minutes == 60  # nothing changed yet
    dialog.accept()
    after = {i.id: i.planned_minutes for i in agenda_items(store, offsite.id)}
    assert sum(before.values()) - sum(after.values()) == dialog.preview.recovered_minutes
    assert "On time" in runner.drift_line.text() or "1 min" in runner.drift_line.text()
    assert runner.runner.state is TimerState.RUNNING  # the running session goes on
    runner.context.undo_stack.undo()
    assert {i.id: i.planned_minutes for i in agenda_items(store, offsite.id)} == before
    assert "14 min late" in runner.drift_line.text()


def test_run_menu_actions_show_their_shortcuts(runner: RunnerView) -> None:
    actions = [a for a in runner.menu_actions() if a is not None]
    shortcuts = {a.shortcut().toString() for a in actions}
    assert {"Space", "N", "P", "+", "-", "R", "B", "M", "F", "?"} <= shortcuts


def test_no_file_shows_an_empty_runner(qtbot, clock: FakeClock) -> None:
    view = RunnerView(AppContext(clock=clock))
    qtbot.addWidget(view)
    assert view.title.text() == "No offsite open"
    view.toggle_start()
    view.next_item()
    assert view.audience_window.face.state.mode == "idle"
    view.shutdown()


def test_both_windows_agree_on_the_next_start_after_a_minute_on_an_unstarted_session(
        qtbot, runner: RunnerView, clock: FakeClock) -> None:
    key(qtbot, runner, Qt.Key.Key_R)  # the brainstorm over again: not started
    key(qtbot, runner, Qt.Key.Key_Plus)  # and a minute longer
    assert runner.runner.state is TimerState.IDLE
    assert runner.countdown.text() == "1:01:00"
    expected = f"{clock.now().astimezone() + timedelta(minutes=61):%H:%M}  Situational mapping"
    control = runner.day_panel.next_line.text()
    projector = runner.audience_window.face.state.next_line
    assert control.startswith(expected)
    assert projector == f"Next · {expected}"
    assert runner.preview.state.next_line == projector


def test_projector_screen_and_sound_are_remembered(qtbot, demo_path: Path,
                                                   clock: FakeClock) -> None:
    view, context = open_view(qtbot, demo_path, clock)
    box = view.projector.screen_box
    laptop = box.findData("LAPTOP")
    assert laptop > 0
    box.setCurrentIndex(laptop)  # the Keeper picks the laptop screen from the list
    box.activated.emit(laptop)
    assert view.sound.breaks.isChecked() and not view.sound.sessions.isChecked()  # defaults
    view.sound.sessions.setChecked(True)
    view.sound.breaks.setChecked(False)
    view.shutdown()
    context.set_store(None)

    again, context2 = open_view(qtbot, demo_path, clock)
    try:
        assert again.sound.sessions.isChecked() and not again.sound.breaks.isChecked()
        assert again.audience_window.preferred_screen == "LAPTOP"
        assert again.projector.screen_box.currentData() == "LAPTOP"
    finally:
        again.shutdown()
        context2.set_store(None)


def test_the_projector_shows_progress_time_of_day_and_the_wrap_up_cue(
        qtbot, runner: RunnerView, clock: FakeClock) -> None:
    face = runner.audience_window.face
    first = face.state.progress
    assert 0 < first < 1  # 23 minutes into a 60-minute session
    assert face.state.clock == f"{clock.now().astimezone():%H:%M}"
    clock.advance(60)
    runner.tick()
    assert face.state.progress > first
    key(qtbot, runner, Qt.Key.Key_W)
    assert face.state.cue and runner.preview.state.cue
    key(qtbot, runner, Qt.Key.Key_N)  # the cue belonged to the session just left
    assert not face.state.cue


class FakeChime:
    def __init__(self, works: bool = True) -> None:
        self.works, self.played = works, 0

    def play(self) -> bool:
        self.played += int(self.works)
        return self.works


def test_the_chime_rings_when_a_break_ends_by_default_not_a_session(
        qtbot, runner: RunnerView, clock: FakeClock) -> None:
    chime = FakeChime()
    runner.sound.chime = chime
    clock.advance(37 * 60 + 1)  # the brainstorm (a session) runs out
    runner.tick()
    assert runner.runner.level().value == "overtime" and chime.played == 0
    key(qtbot, runner, Qt.Key.Key_N)
    key(qtbot, runner, Qt.Key.Key_N)  # on to the break after "Situational mapping"
    assert runner.runner.current.kind == "break"
    clock.advance(runner.runner.current.planned_minutes * 60 + 1)
    runner.tick()
    assert chime.played == 1
    clock.advance(5)
    runner.tick()
    assert chime.played == 1  # once, at zero


def test_test_chime_button_and_a_flash_where_nothing_can_play(qtbot, runner: RunnerView) -> None:
    button = next(b for b in runner.projector.findChildren(QPushButton)
                  if b.text() == "Test chime")
    runner.sound.chime = FakeChime()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert runner.sound.chime.played == 1
    runner.sound.chime = FakeChime(works=False)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert runner.countdown.colours.background == "#FFB627"  # lit instead
    qtbot.waitUntil(lambda: runner.countdown.colours.background != "#FFB627", timeout=3000)


def test_the_platform_player_is_chosen_and_the_chime_is_shipped() -> None:
    import wave

    from ui.runner.chime import Chime, chime_path, player_command

    path = chime_path()
    with wave.open(str(path)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 0.3 <= seconds <= 2.0
    found = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    assert player_command("linux", found.get, path) == ["/usr/bin/paplay", str(path)]
    assert player_command("linux", {"aplay": "/bin/aplay"}.get, path) == [
        "/bin/aplay", "-q", str(path)]
    assert player_command("darwin", found.get, path) == ["/usr/bin/afplay", str(path)]
    assert player_command("linux", {}.get, path) is None
    assert not Chime("linux", {}.get).available and not Chime("linux", {}.get).play()


def test_private_notes_show_to_the_keeper_and_never_on_the_projector(
        qtbot, runner: RunnerView) -> None:
    notes = runner.run_day.items[runner.runner.index].notes
    assert notes  # the brainstorm's facilitation notes, from the template
    assert notes in runner.card.private_notes.text()
    assert runner.card.private_notes.isVisible()
    for face in (runner.audience_window.face, runner.preview):
        shown = " ".join(str(v) for v in face.state.__dict__.values())
        assert notes not in shown and "Your notes" not in shown
    key(qtbot, runner, Qt.Key.Key_N)
    key(qtbot, runner, Qt.Key.Key_N)  # a break: no notes
    assert not runner.card.private_notes.isVisible()


def test_runner_buttons_are_reached_by_tab_pressed_by_enter_and_named_as_labelled(
        qtbot, runner: RunnerView) -> None:
    assert runner.start_button.text() == "Pause"
    assert runner.start_button.accessibleName() == "Pause"  # not "Start / pause"
    assert runner.countdown.accessibleName() == f"Time left {runner.countdown.text()}"
    reached = set()
    runner.setFocus()
    for _ in range(40):  # Tab walks the page, never skipping a runner button
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    for button in (*runner.card.item_buttons, runner.projector.show_audience,
                   runner.projector.blackout_button, runner.day_panel.take_back_button):
        if button.isEnabled():
            assert button in reached, button.text()
    runner.projector.show_audience.setFocus()
    shown = runner.audience_window.isVisible()
    qtbot.keyClick(runner.projector.show_audience, Qt.Key.Key_Return)
    assert runner.audience_window.isVisible() != shown
    assert runner.projector.show_audience.accessibleName() in (
        "Show audience window", "Hide audience window")
    key(qtbot, runner, Qt.Key.Key_Space)  # pause: the button and its name say Resume
    assert runner.start_button.accessibleName() == "Resume"


def test_arrow_keys_on_the_projector_box_open_it_instead_of_moving_the_projector(
        qtbot, runner: RunnerView, monkeypatch) -> None:
    box = runner.projector.screen_box
    opened = []
    monkeypatch.setattr(box, "showPopup", lambda: opened.append(True))
    box.setFocus()
    before = (box.currentIndex(), runner.audience_window.preferred_screen)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert (box.currentIndex(), runner.audience_window.preferred_screen) == before
    assert opened  # the list opens: the Keeper picks a screen on purpose


class Swatch(QWidget):
    """A presented widget of one colour, as another view's projector widget would be."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.colour))
        painter.end()


def _preview_colour(runner: RunnerView) -> str:
    preview = runner.projector.preview_stack.currentWidget()
    image = preview.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def test_the_preview_shows_what_another_view_put_on_the_projector(
        qtbot, runner: RunnerView) -> None:  # noqa: ANN001
    projector = runner.projector
    swatches: list[Swatch] = []

    def make(parent: QWidget | None) -> Swatch:
        swatches.append(Swatch("#ff00aa", parent))
        return swatches[-1]

    assert projector.preview_stack.currentWidget() is runner.preview  # the countdown
    runner.context.audience.present("board", make)
    qtbot.waitUntil(lambda: projector.preview_stack.currentWidget() is projector.presented)
    assert projector.presented.source is runner.audience_window.presented_widget
    assert _preview_colour(runner) == "#ff00aa"
    swatches[-1].colour = "#00aa55"  # its data changed: the preview follows
    runner.context.tell(Changes(board=True))
    qtbot.waitUntil(lambda: _preview_colour(runner) == "#00aa55", timeout=2000)
    runner.hide()  # another view is shown: nothing is painted for a preview nobody sees
    swatches[-1].colour = "#3355ff"
    runner.context.tell(Changes(board=True))
    qtbot.wait(400)
    assert projector.presented.source is None
    runner.show()  # and it is up to date when the runner shows again
    assert _preview_colour(runner) == "#3355ff"
    key(qtbot, runner, Qt.Key.Key_B)  # blackout covers whatever is presented
    assert projector.preview_stack.currentWidget() is runner.preview
    key(qtbot, runner, Qt.Key.Key_Escape)
    assert projector.preview_stack.currentWidget() is projector.presented
    key(qtbot, runner, Qt.Key.Key_T)  # the timer back on the projector, and in the preview
    qtbot.waitUntil(lambda: projector.preview_stack.currentWidget() is runner.preview)
