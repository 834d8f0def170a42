"""Run the day: the Keeper's controls, the countdown, what's next, the drift.

The timer rules are ``keeper.agenda.timer.Runner`` (and ``keeper.agenda.runner`` for
the day around it); this view only asks them what to show. A single-shot timer
is re-armed each tick for the next second boundary
(``Runner.ms_until_next_second_boundary``), and remaining time always comes
from the clock, so a busy UI thread can delay a repaint but never make the
countdown wrong. Every command writes the runner state (and actual times) to
the file, so a restart resumes the running timer.

The page is put together from ``SessionCard`` (the countdown and its controls),
``ProjectorPanel`` (preview and screen choice), ``DayPanel`` (up next, drift),
``HelpOverlay`` and ``TakeBackDialog``; ``actions.SHORTCUTS`` is the key table.
``RunDay`` holds the day being run and reads and writes the file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from keeper.agenda import runner as runner_rules
from keeper.agenda import schedule
from keeper.agenda.timer import Runner, TimerState, WarningLevel
from keeper.changes import Changes
from keeper.store.models import ItemKind
from ui.audience.state import AudienceState
from ui.audience.window import AudienceWindow
from ui.context import AppContext
from ui.runner.actions import action_button, make_actions, menu_order
from ui.runner.day_panel import DayPanel
from ui.runner.help_overlay import HelpOverlay
from ui.runner.projected import Room, audience_state
from ui.runner.projector_panel import ProjectorPanel
from ui.runner.run_day import RunDay
from ui.runner.session_card import SessionCard
from ui.runner.sound import RunnerSound
from ui.runner.style import RUNNER_STYLE
from ui.runner.take_back import TakeBackDialog
from ui.runner.text import ShownText, meta_text, start_text, state_text
from ui.settings import app_settings
from ui.throttle import Throttle

SLOW_REFRESH_MS = 15_000  # the drift line and "later today" while nothing counts
DAY_PANEL_S = 10  # how often they are recomputed while a session counts down


class RunnerView(QWidget):
    """The control window's runner page; owns the audience window."""

    audience_state = Signal(object)  # AudienceState, for the projector and the preview

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = context.clock
        self.run_day = RunDay(context)
        self._last_state: AudienceState | None = None
        self._last_level: WarningLevel | None = None
        self._shown = ShownText()
        self._day_panel_at = -DAY_PANEL_S  # clock.monotonic() second of the last day panel
        self._closed = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Run the day")

        self._tick_timer = QTimer(self)
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self.tick)
        self._slow_timer = QTimer(self)
        self._slow_timer.setInterval(SLOW_REFRESH_MS)
        self._slow_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._slow_timer.timeout.connect(self.tick)

        self.audience_window = AudienceWindow(context.audience, control=self)
        self.audience_state.connect(self.audience_window.set_state)
        self._build()
        self.audience_state.connect(self.preview.set_state)
        self.audience_state.connect(lambda _state: self.projector.follow_presented())
        # what another view presents changes with its data: its preview follows, calmly,
        # after that widget has reloaded (its own slot comes later in the signal's list)
        self._repaint_presented = Throttle(
            lambda: QTimer.singleShot(0, self.projector, self.projector.repaint_presented),
            300, self)
        context.data_changed.connect(self._presented_data_changed)

        context.file_changed.connect(self.load)
        context.data_changed.connect(self.reload)
        self.projector.fill_screens()
        self.load()

    def _presented_data_changed(self, _changes: object) -> None:
        self._repaint_presented()

    @property
    def runner(self) -> Runner | None:
        return self.run_day.runner

    # ----- building ------------------------------------------------------------
    def commands(self) -> dict[str, Callable[[], object]]:
        """Each runner key's command (``actions.SHORTCUTS``), by key."""
        return {
            "toggle": self.toggle_start, "next": self.next_item, "previous": self.previous_item,
            "plus": lambda: self.adjust(1), "minus": lambda: self.adjust(-1),
            "reset": self.reset_item, "blackout": self.toggle_blackout,
            "message": self.ask_message, "timer": self.context.audience.present_timer,
            "wrapup": self.toggle_wrap_up,
            "fullscreen": lambda: self.projector.toggle_full_screen(),
            "audience": lambda: self.projector.toggle_window(),
            "takeback": self.take_time_back, "help": self.show_help,
        }

    def command(self, key: str) -> None:
        self.commands()[key]()

    def flash(self) -> None:
        self.card.flash()

    def _build(self) -> None:
        shared = self.context.runner_actions
        if shared is not None:  # the main window's: the Run menu and its keys
            self.actions_by_key: dict[str, QAction] = shared.actions
            self.sound = shared.sound
        else:
            self.actions_by_key = make_actions(self, self.commands(), self.leave_blackout)
            self.sound = RunnerSound(self, self.flash)
        saved_screen = app_settings().value("runner/screen", "")
        self.audience_window.choose_screen(saved_screen if isinstance(saved_screen, str) else None)

        self.card = SessionCard(self.actions_by_key, self._shown)
        self.projector = ProjectorPanel(self.audience_window, self.context.audience,
                                        self.actions_by_key, self._shown)
        self.projector.add_button(action_button(self.sound.test, "Test chime"))
        self.day_panel = DayPanel(self.actions_by_key, self._shown)
        # what tests, the bench and the Run menu read
        self.title, self.countdown = self.card.title, self.card.countdown
        self.state_line, self.start_button = self.card.state_line, self.card.start_button
        self.drift_line = self.day_panel.drift_line
        self.preview = self.projector.preview

        # -- header: day, position, audience screen
        self.day_box = QComboBox()
        self.day_box.setAccessibleName("Day to run")
        self.day_box.activated.connect(lambda i: self.set_day(self.day_box.itemData(i)))
        self.position = QLabel()
        self.position.setObjectName("muted")
        header = QHBoxLayout()
        header.addWidget(self.day_box)
        header.addWidget(self.position)
        header.addStretch(1)
        header.addWidget(QLabel("Projector:"))
        header.addWidget(self.projector.screen_box)
        header.addWidget(self.projector.show_audience)

        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self.card, 1)
        top.addWidget(self.projector)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(top, 1)
        layout.addWidget(self.day_panel)
        self.setStyleSheet(RUNNER_STYLE)
        self.help_overlay = HelpOverlay(self)

    # ----- the Run menu and F1 help ---------------------------------------------
    def menu_actions(self) -> list[QAction | None]:
        """Actions for the main window's Run menu (None: a separator)."""
        return menu_order(self.actions_by_key, self.sound.actions())

    def show_help(self) -> None:
        self.help_overlay.open_overlay()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        width = self.projector.fit_width(self.width())
        self.card.set_digits_px(max(44, min(120, (self.width() - width - 100) // 6,
                                            self.height() // 6)))
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self._take_focus)

    def _take_focus(self) -> None:
        if self.isVisible() and not self.help_overlay.isVisible():
            focus = QApplication.focusWidget()
            if focus is None or not self.isAncestorOf(focus):
                self.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- loading -------------------------------------------------------------
    def load(self) -> None:
        """Read the agenda and the saved runner state: a running timer goes on running."""
        if self._closed:
            return
        self._tick_timer.stop()
        self.run_day.load()
        if self.runner is not None:
            self._last_level = self.runner.level()
            if len(QGuiApplication.screens()) >= 2 and not self.audience_window.isVisible():
                self.audience_window.place()
        self.refresh_all()

    def reload(self, changes: Changes | None = None) -> None:
        """``None`` (a file opened): ``load``; an agenda edit keeps the running timer."""
        if changes is None:
            self.load()
            return
        if self._closed:
            return
        if changes.offsite:
            self.run_day.read_offsite()
        if (changes & Changes(agenda=True, people=True, offsite=True)
                and self.context.store is not None
                and self.run_day.reload_keeping_timer()):
            self._runner_rebuilt()
            self.refresh_all()

    def set_day(self, day: int) -> None:
        if self.run_day.set_day(day):
            self._runner_rebuilt()
            self.refresh_all()

    def _runner_rebuilt(self) -> None:
        if self.runner is not None:
            self._last_level = self.runner.level()

    # ----- commands ------------------------------------------------------------
    def _command(self, change: str) -> None:
        """After a command: show it (the projector at once), re-arm the tick, then save."""
        if change == "session":
            self.run_day.cue = False  # the wrap-up cue was for the session just left
        if change == "time":
            self._day_panel_at = -DAY_PANEL_S
            self.tick()
        else:
            self.refresh_all()
        self.audience_window.repaint_now()  # the room sees a key press within a frame
        self.run_day.persist()
        if change == "session":
            self.context.audience.session_changed.emit()

    def toggle_start(self) -> None:
        runner = self.runner
        if runner is None or runner.finished:
            return
        if runner.state is TimerState.RUNNING:
            runner.pause()
        else:
            runner.start()
        self._command("state")

    def next_item(self) -> None:
        if self.runner is None or self.runner.finished:
            return
        self.runner.next()
        self._command("session")

    def previous_item(self) -> None:
        if self.runner is None or self.runner.index == 0:
            return
        self.runner.previous()
        self._command("session")

    def adjust(self, minutes: int) -> None:
        if self.runner is None or self.runner.finished:
            return
        self.runner.adjust(minutes)
        self._command("time")

    def reset_item(self) -> None:
        if self.runner is None or self.runner.finished:
            return
        self.runner.reset()
        self._command("time")

    def toggle_blackout(self) -> None:
        self.run_day.blackout = not self.run_day.blackout
        self._command("screen")

    def toggle_wrap_up(self) -> None:
        self.run_day.cue = not self.run_day.cue
        self._command("screen")

    def leave_blackout(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.close_overlay()
            return
        if self.run_day.blackout:
            self.run_day.blackout = False
            self._command("screen")

    def set_message(self, text: str) -> None:
        from keeper.text import clean_line

        self.run_day.message = clean_line(text, 300)
        self._command("screen")

    def ask_message(self) -> None:
        text, ok = QInputDialog.getText(
            self, "Message on the projector",
            "A line for the room (empty to clear), e.g. “Back at 13:15”:",
            text=self.run_day.message,
        )
        if ok:
            self.set_message(text)

    def take_time_back(self) -> None:
        runner = self.runner
        if runner is None or self.context.read_only:
            return
        late = self.run_day.drift()
        minutes = late.late_minutes if late is not None else 0
        if minutes <= 0:
            line = self.day_panel.drift_line
            line.setText(line.text() + " · nothing to take back")
            return
        self._take_back_dialog = TakeBackDialog.offer(  # tests reach it
            self.run_day.entries, minutes, runner_rules.take_back_from(runner), self,
            self.apply_take_back)

    def apply_take_back(self, preview: schedule.RebalancePreview) -> None:
        if preview.changes:
            self.context.run(self.run_day.take_back(preview))

    # ----- showing -------------------------------------------------------------
    def refresh_all(self) -> None:
        self._shown.clear()
        self._day_panel_at = -DAY_PANEL_S
        days, day = self.run_day.days, self.run_day.day
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for d in days:
            self.day_box.addItem(f"Day {d}", d)
        self.day_box.setCurrentIndex(max(0, days.index(day)) if day in days
                                     else 0)
        self.day_box.setVisible(len(days) > 1)
        self.day_box.blockSignals(False)
        self.projector.blackout_button.setChecked(self.run_day.blackout)
        self.actions_by_key["escape"].setEnabled(self.run_day.blackout)
        self.projector.sync()
        self.tick()

    def tick(self) -> None:
        """Show the current second; re-arm for the next boundary while counting."""
        if self._closed:
            return
        runner = self.runner
        now = self.clock.now().astimezone()
        if runner is None:
            self._show_nothing()
            self._tick_timer.stop()
            self._slow_timer.stop()
            return
        item = runner.current
        level = runner.level()
        running = runner.state is TimerState.RUNNING
        if (running and item is not None and level is WarningLevel.OVERTIME
                and self._last_level is not WarningLevel.OVERTIME):
            self.sound.at_zero(item.kind != ItemKind.SESSION)
        self._last_level = level

        run = self.run_day
        total = len(run.entries)
        if item is None:
            self.card.show_notes(None)
            self.card.show_session(
                "The day is done" if total else "No agenda yet",
                "Thank you, everyone." if total else
                "Add sessions in the Agenda view, then come back to run them.", "")
            self._shown.set("position", self.position,
                            runner_rules.position_text(runner, run.entries))
            self.card.set_countdown("--:--", "normal")
        else:
            position = runner_rules.position_text(runner, run.entries)
            if run.offsite_title is not None:
                position = f"{run.offsite_title} · {position}"
            self._shown.set("position", self.position, position)
            self.card.show_session(item.title, meta_text(run.items[runner.index], run.people),
                                   state_text(runner, level))
            self.card.show_notes(run.items[runner.index].notes)
            palette = "break" if item.kind != ItemKind.SESSION else level.value
            self.card.set_countdown(runner.display(), palette)
        self._shown.set("startText", self.start_button, start_text(runner.state))
        self._set_enabled(item is not None, runner.index > 0)

        # while a session counts down, the drift and "later today" hold still (the next start
        # is the running deadline): recompute them every DAY_PANEL_S, at once after a command
        moment = int(self.clock.monotonic())
        if not running or moment - self._day_panel_at >= DAY_PANEL_S:
            self._day_panel_at = moment
            self.day_panel.show_day(run.drift(), runner_rules.outlook(runner, run.entries, now),
                                    runner.finished, run.message)
        room = Room(run.entries, run.items, run.people, run.offsite_title, run.message,
                    run.blackout, run.cue)
        self._emit_state(audience_state(runner, room, now, level))

        if running:
            delay = runner.ms_until_next_second_boundary()
            self._tick_timer.start(delay if delay is not None else 1000)
            if self._slow_timer.isActive():
                self._slow_timer.stop()
        else:
            self._tick_timer.stop()
            if not self._slow_timer.isActive():
                self._slow_timer.start()

    def _emit_state(self, state: AudienceState) -> None:
        if state != self._last_state:
            self._last_state = state
            self.audience_state.emit(state)

    def _set_enabled(self, has_item: bool, can_go_back: bool) -> None:
        if not self._shown.changed("enabled", (has_item, can_go_back, not self.context.read_only)):
            return
        for key in ("toggle", "next", "plus", "minus", "reset"):
            self.actions_by_key[key].setEnabled(has_item)
        for b in self.card.item_buttons:
            b.setEnabled(has_item)
        self.actions_by_key["previous"].setEnabled(can_go_back)
        self.card.prev_button.setEnabled(can_go_back)
        self.day_panel.take_back_button.setEnabled(not self.context.read_only)
        self.actions_by_key["takeback"].setEnabled(not self.context.read_only)

    def _show_nothing(self) -> None:
        self.card.show_session("No offsite open", "Open an offsite file to run its agenda.", "")
        self.card.set_countdown("--:--", "normal")
        self.day_panel.clear()
        self._shown.set("position", self.position, "")
        self._set_enabled(False, False)
        self._emit_state(AudienceState(mode="idle", title="Keeper"))

    def shutdown(self) -> None:
        """The control window is closing: save, stop ticking, take the projector window away."""
        if self._closed:
            return
        self._tick_timer.stop()
        self._slow_timer.stop()
        self.run_day.persist()
        self._closed = True
        self.projector.closed = True
        self.audience_window.dispose()
