"""Run the day: the Keeper's controls, the countdown, what's next, the drift.

The timer rules are ``keeper.timer.Runner``; this view only asks it what to
show. A single-shot timer is re-armed each tick for the next second boundary
(``Runner.ms_until_next_second_boundary``), and remaining time always comes
from the clock, so a busy UI thread can delay a repaint but never make the
countdown wrong. Every command writes the runner state (and actual times) to
the file, so a restart resumes the running timer.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import schedule
from keeper.agenda_ops import (
    SavedRunner,
    agenda_items,
    anchored_drift,
    apply_rebalance,
    days_of,
    entry_of,
    load_runner_state,
    read_target_end,
    record_actuals,
    runner_day,
    save_runner_state,
)
from keeper.contrast import CONTROL_PALETTE
from keeper.models import AgendaItem, ItemKind, Person
from keeper.store import StoreError
from keeper.timer import PersistedTimer, Runner, TimerState, WarningLevel
from ui.audience.face import AudienceFace
from ui.audience.state import AudienceState
from ui.audience.window import AudienceWindow
from ui.context import AppContext

log = logging.getLogger(__name__)

TAG_NAMES = {"skills": "Skills application", "strategy": "Strategic alignment",
             "culture": "Motivation & culture"}
SLOW_REFRESH_MS = 15_000  # the drift line and "later today" while nothing counts


@dataclass(frozen=True)
class Shortcut:
    key: str
    keys: tuple[str, ...]
    text: str
    help: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("toggle", ("Space",), "&Start / pause", "Start, pause or resume the session"),
    Shortcut("next", ("N",), "&Next session", "End this session and go to the next"),
    Shortcut("previous", ("P",), "&Previous session", "Back to the previous session"),
    Shortcut("plus", ("+", "="), "Add a &minute", "One more minute"),
    Shortcut("minus", ("-",), "&Remove a minute", "One minute less"),
    Shortcut("reset", ("R",), "Rese&t session", "Start this session's timer over"),
    Shortcut("blackout", ("B",), "&Blackout", "Black projector (Esc to come back)"),
    Shortcut("message", ("M",), "&Message on screen…", "Show a line on the projector"),
    Shortcut("fullscreen", ("F",), "Audience &full screen", "Full screen ↔ window"),
    Shortcut("audience", ("A",), "Show &audience window", "Open or close the projector window"),
    Shortcut("timer", ("T",), "Projector shows the t&imer", "Back to the timer from a board"),
    Shortcut("takeback", ("Ctrl+T",), "Take the time &back…", "Shorten what's left"),
    Shortcut("help", ("?",), "Runner &help", "These shortcuts (also F1 in the runner)"),
)


def _fmt_minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _hhmm(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def _round_up_minute(moment: dt.datetime) -> dt.datetime:
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return moment


class HelpOverlay(QWidget):
    """Shortcuts over the runner; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Runner keyboard shortcuts")
        rows = "".join(
            f"<tr><td align=right style='padding:4px 18px 4px 0'><b>{' or '.join(s.keys)}</b>"
            f"</td><td style='padding:4px 0'>{s.help}</td></tr>"
            for s in SHORTCUTS
        )
        for keys, text in (("Esc", "Leave blackout, close this help"), ("F1", "This help")):
            rows += (f"<tr><td align=right style='padding:4px 18px 4px 0'><b>{keys}</b></td>"
                     f"<td style='padding:4px 0'>{text}</td></tr>")
        panel = QLabel(
            "<h2 style='margin:0 0 10px 0'>Running the day</h2>"
            f"<table cellspacing=0>{rows}</table>"
            "<p style='color:#4B5563'>Press any key to close.</p>"
        )
        panel.setTextFormat(Qt.TextFormat.RichText)
        panel.setObjectName("helpPanel")
        panel.setStyleSheet(
            "QLabel#helpPanel { background: #FFFFFF; color: #111827; border-radius: 12px;"
            " padding: 24px 32px; font-size: 15px; }"
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(17, 24, 39, 190))
        painter.end()

    def event(self, event: QEvent) -> bool:
        # while the overlay is up every key closes it, even the runner's shortcut keys
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_overlay()

    def open_overlay(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus()


class TakeBackDialog(QDialog):
    """The rebalance preview: which sessions get shorter and by how much; Apply changes them."""

    def __init__(self, entries: list[schedule.AgendaEntry], overrun_minutes: int,
                 from_index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Take the time back")
        self.entries = entries
        self.overrun = overrun_minutes
        self.from_index = from_index
        self.preview = schedule.rebalance(entries, overrun_minutes, from_index)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.breaks = QCheckBox("Also shorten &breaks")
        self.breaks.toggled.connect(self._recompute)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Sessions that get shorter")
        self.table.setHorizontalHeaderLabels(["Session", "Planned", "New"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.breaks)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._fill()

    def _recompute(self, include_breaks: bool) -> None:
        self.preview = schedule.rebalance(self.entries, self.overrun, self.from_index,
                                          include_breaks=include_breaks)
        self._fill()

    def _fill(self) -> None:
        titles = {e.id: e.title for e in self.entries}
        p = self.preview
        self.intro.setText(
            f"The day runs <b>{self.overrun} min</b> late. These sessions, not yet started and not "
            "protected, get shorter in proportion to their length (never below half, or 5 min). "
            "Lunch and protected sessions keep their time."
        )
        self.table.setRowCount(len(p.changes))
        for row, change in enumerate(p.changes):
            cells = (titles.get(change.item_id, "?"), f"{change.old_minutes} min",
                     f"{change.new_minutes} min  (−{change.old_minutes - change.new_minutes})")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        left = (f" {p.unrecovered_minutes} min cannot be taken back: the rest is at its minimum."
                if p.unrecovered_minutes else "")
        self.summary.setText(f"Takes back <b>{p.recovered_minutes} min</b>.{left} "
                             "Edit ▸ Undo puts the lengths back.")
        self.apply_button.setEnabled(bool(p.changes))


class RunnerView(QWidget):
    """The control window's runner page; owns the audience window."""

    audience_state = Signal(object)  # AudienceState, for the projector and the preview

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = context.clock
        self.runner: Runner | None = None
        self.items: list[AgendaItem] = []
        self.entries: list[schedule.AgendaEntry] = []
        self.day = 1
        self.days: list[int] = [1]
        self.people: dict[int, str] = {}
        self.message = ""
        self.blackout = False
        self.sound_at_zero = False
        self._last_state: AudienceState | None = None
        self._last_level: WarningLevel | None = None
        self._shown: dict[str, object] = {}
        self._closed = False
        self._countdown_palette = "normal"
        self._target_end: dt.datetime | None = None  # see agenda_ops.anchored_drift
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
        context.audience.changed.connect(self._update_projector_caption)

        context.file_changed.connect(self.load)
        context.data_changed.connect(self._on_data_changed)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_screens_changed)
        app.screenRemoved.connect(self._on_screens_changed)
        self._fill_screens()
        self.load()

    # ----- building ------------------------------------------------------------
    def _build(self) -> None:
        self.actions_by_key: dict[str, QAction] = {}
        slots = {
            "toggle": self.toggle_start, "next": self.next_item, "previous": self.previous_item,
            "plus": lambda: self.adjust(1), "minus": lambda: self.adjust(-1),
            "reset": self.reset_item, "blackout": self.toggle_blackout,
            "message": self.ask_message, "fullscreen": self.toggle_audience_full_screen,
            "audience": self.toggle_audience_window, "timer": self.context.audience.present_timer,
            "takeback": self.take_time_back, "help": self.show_help,
        }
        for spec in SHORTCUTS:
            action = QAction(spec.text, self)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{spec.help} ({' or '.join(spec.keys)})")
            slot = slots[spec.key]
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
            self.actions_by_key[spec.key] = action
        leave = QAction("Leave blackout", self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        leave.triggered.connect(self.leave_blackout)
        self.addAction(leave)
        self.actions_by_key["escape"] = leave
        self.sound_action = QAction("Sound at &zero", self, checkable=True)
        self.sound_action.toggled.connect(lambda on: setattr(self, "sound_at_zero", on))

        # -- header: day, position, audience screen
        self.day_box = QComboBox()
        self.day_box.setAccessibleName("Day to run")
        self.day_box.activated.connect(lambda i: self.set_day(self.day_box.itemData(i)))
        self.position = QLabel()
        self.position.setObjectName("muted")
        self.screen_box = QComboBox()
        self.screen_box.setAccessibleName("Projector screen")
        self.screen_box.setToolTip("Which screen shows the audience window")
        self.screen_box.activated.connect(self._screen_chosen)
        self.show_audience = QPushButton("Show audience window")
        self.show_audience.setCheckable(True)
        self.show_audience.setToolTip("Open or close the projector window (A)")
        self.show_audience.clicked.connect(lambda _c: self.toggle_audience_window())
        header = QHBoxLayout()
        header.addWidget(self.day_box)
        header.addWidget(self.position)
        header.addStretch(1)
        header.addWidget(QLabel("Projector:"))
        header.addWidget(self.screen_box)
        header.addWidget(self.show_audience)

        # -- the current session card
        self.card = QFrame()
        self.card.setObjectName("card")
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("muted")
        self.meta.setWordWrap(True)
        self.countdown = QLabel("00:00")
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Time left")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setMinimumHeight(90)
        # the digits scale with the room they have (resizeEvent), so the label never sets a
        # minimum width: the window stays usable on a small laptop screen
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self._countdown_px = 120
        self.state_line = QLabel()
        self.state_line.setObjectName("stateLine")

        def button(key: str, text: str, primary: bool = False) -> QPushButton:
            b = QPushButton(text)
            action = self.actions_by_key[key]
            b.setToolTip(action.toolTip())
            b.setAccessibleName(action.text().replace("&", ""))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False: action.trigger())
            b.setMinimumHeight(46)
            if primary:
                b.setObjectName("primary")
            return b

        self.start_button = button("toggle", "Start", primary=True)
        self.start_button.setMinimumWidth(120)
        self.prev_button = button("previous", "◀  Previous")
        self.next_button = button("next", "Next  ▶")
        self.minus_button = button("minus", "−1 min")
        self.plus_button = button("plus", "+1 min")
        self.reset_button = button("reset", "Reset")
        controls = QHBoxLayout()
        controls.setSpacing(8)
        for b in (self.prev_button, self.start_button, self.next_button):
            controls.addWidget(b)
        controls.addSpacing(12)
        for b in (self.minus_button, self.plus_button, self.reset_button):
            b.setMinimumWidth(0)
            controls.addWidget(b)
        controls.addStretch(1)

        card = QVBoxLayout(self.card)
        card.setContentsMargins(28, 22, 28, 22)
        card.setSpacing(6)
        card.addWidget(self.title)
        card.addWidget(self.meta)
        card.addWidget(self.countdown, 1)
        card.addWidget(self.state_line)
        card.addSpacing(10)
        card.addLayout(controls)

        # -- the preview
        self.preview = AudienceFace()
        self.preview.setFixedSize(192, 108)  # resizeEvent scales it between 192 and 384 wide
        self.preview.setAccessibleName("Preview of the projector")
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("muted")
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setMaximumWidth(384)
        side = QVBoxLayout()
        side.setSpacing(6)
        caption = QLabel("On the projector")
        caption.setObjectName("section")
        side.addWidget(caption)
        side.addWidget(self.preview)
        side.addWidget(self.preview_caption)
        self.blackout_button = button("blackout", "Blackout")
        self.blackout_button.setCheckable(True)
        self.message_button = button("message", "Message…")
        self.full_button = button("fullscreen", "Full screen")
        screen_row = QGridLayout()
        screen_row.setSpacing(6)
        for n, b in enumerate((self.blackout_button, self.message_button, self.full_button)):
            b.setMinimumHeight(36)
            screen_row.addWidget(b, n // 2, n % 2)
        side.addLayout(screen_row)
        side.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self.card, 1)
        top.addLayout(side)

        # -- the day: next, drift, later
        self.next_line = QLabel()
        self.next_line.setObjectName("nextLine")
        self.next_line.setWordWrap(True)
        self.drift_line = QLabel()
        self.drift_line.setObjectName("driftLine")
        self.drift_line.setAccessibleName("Schedule drift")
        self.take_back_button = button("takeback", "Take the time back…")
        self.take_back_button.setMinimumHeight(34)
        self.later = QLabel()
        self.later.setObjectName("later")
        self.later.setTextFormat(Qt.TextFormat.RichText)
        self.later.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message_line = QLabel()
        self.message_line.setObjectName("muted")
        self.message_line.setWordWrap(True)
        help_button = button("help", "Shortcuts  ?")
        help_button.setMinimumHeight(32)

        day = QGridLayout()
        day.setHorizontalSpacing(16)
        day.setVerticalSpacing(8)
        up_next = QLabel("Up next")
        up_next.setObjectName("section")
        day.addWidget(up_next, 0, 0)
        day.addWidget(self.next_line, 1, 0)
        day.addWidget(self.later, 2, 0)
        schedule_caption = QLabel("The day")
        schedule_caption.setObjectName("section")
        day.addWidget(schedule_caption, 0, 1)
        drift_row = QHBoxLayout()
        drift_row.addWidget(self.drift_line, 1)
        day.addLayout(drift_row, 1, 1)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.take_back_button)
        actions_row.addStretch(1)
        actions_row.addWidget(help_button)
        day.addLayout(actions_row, 2, 1, Qt.AlignmentFlag.AlignTop)
        day.addWidget(self.message_line, 3, 0, 1, 2)
        day.setColumnStretch(0, 3)
        day.setColumnStretch(1, 2)
        lower = QFrame()
        lower.setObjectName("lower")
        lower.setLayout(day)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(top, 1)
        layout.addWidget(lower)
        self.setStyleSheet(
            "QFrame#card { background: #FFFFFF; border: 1px solid #E5E7EB; border-radius: 14px; }"
            "QFrame#lower { background: #F9FAFB; border: 1px solid #E5E7EB; border-radius: 14px;"
            " padding: 10px; }"
            "QLabel#sessionTitle { font-size: 26px; font-weight: 600; color: #111827; }"
            "QLabel#muted { color: #4B5563; font-size: 13px; }"
            "QLabel#section { color: #4B5563; font-size: 12px; font-weight: 600;"
            " letter-spacing: 1px; text-transform: uppercase; }"
            "QLabel#stateLine { color: #374151; font-size: 14px; }"
            "QLabel#nextLine { color: #111827; font-size: 17px; font-weight: 600; }"
            "QLabel#driftLine { color: #111827; font-size: 17px; font-weight: 600; }"
            "QLabel#later { color: #374151; font-size: 13px; }"
            "QPushButton { font-size: 14px; padding: 6px 10px; }"
            "QPushButton#primary { font-size: 17px; font-weight: 600; background: #1D4ED8;"
            " color: white; border: none; border-radius: 8px; padding: 8px 22px; }"
            "QPushButton#primary:disabled { background: #9CA3AF; }"
        )
        self.help_overlay = HelpOverlay(self)

    # ----- the Run menu and F1 help ---------------------------------------------
    def menu_actions(self) -> list[QAction | None]:
        """Actions for the main window's Run menu (None: a separator)."""
        a = self.actions_by_key
        return [a["toggle"], a["next"], a["previous"], None, a["plus"], a["minus"], a["reset"],
                None, a["takeback"], None, a["audience"], a["fullscreen"], a["blackout"],
                a["message"], a["timer"], self.sound_action, None, a["help"]]

    def shortcut_help(self) -> str:
        rows = "".join(
            f"<tr><td><b>{' or '.join(s.keys)}</b></td><td>{s.help} (Run the day)</td></tr>"
            for s in SHORTCUTS
        )
        return rows + "<tr><td><b>Esc</b></td><td>Leave blackout (Run the day)</td></tr>"

    def show_help(self) -> None:
        self.help_overlay.open_overlay()

    def event(self, event: QEvent) -> bool:
        # F1 is the main window's shortcut too; inside the runner it opens the overlay.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_F1, Qt.Key.Key_Question)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_F1, Qt.Key.Key_Question):
            self.show_help()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        if self.help_overlay.isVisible():
            self.help_overlay.setGeometry(self.rect())
        width = max(192, min(384, int((self.width() - 40) * 0.34)))
        if width != self.preview.width():
            self.preview.setFixedSize(width, width * 9 // 16)
            self.preview_caption.setMaximumWidth(width)
        px = max(44, min(120, (self.width() - width - 100) // 6, self.height() // 6))
        if px != self._countdown_px:
            self._countdown_px = px
            self._shown.pop("countdownStyle", None)
            self._set_countdown(self.countdown.text(), self._countdown_palette)
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
        store, offsite = self.context.store, self.context.offsite
        self._tick_timer.stop()
        if store is None or offsite is None:
            self.runner, self.items, self.entries = None, [], []
            self.message, self.blackout = "", False
            self.refresh_all()
            return
        self.people = {p.id: p.name for p in store.session.query(Person)}
        saved = load_runner_state(store, offsite.id)
        self.message, self.blackout = saved.message or "", saved.blackout
        all_items = agenda_items(store, offsite.id)
        self.days = days_of(all_items)
        self.day = runner_day(all_items, saved.timer.item_id)
        self._build_runner(all_items, saved.timer)
        if len(QGuiApplication.screens()) >= 2 and not self.audience_window.isVisible():
            self.audience_window.place()
        self.refresh_all()

    def _build_runner(self, all_items: list[AgendaItem], saved: PersistedTimer | None) -> None:
        store, offsite = self.context.store, self.context.offsite
        self._target_end = (read_target_end(store, offsite.id, self.day)
                            if store is not None and offsite is not None else None)
        self.items = [i for i in all_items if i.day == self.day]
        self.entries = [entry_of(i) for i in self.items]
        ids = [e.id for e in self.entries]
        if saved is not None and saved.item_id in ids:
            self.runner = Runner.restore(self.entries, self.clock, saved)
        else:
            index = next((n for n, e in enumerate(self.entries) if e.actual_end is None),
                         len(self.entries))
            self.runner = Runner(self.entries, self.clock, index)
        self._last_level = self.runner.level()

    def _on_data_changed(self, area: str) -> None:
        if self._closed:
            return
        if area in ("agenda", "people") and self.context.store is not None:
            self._reload_keeping_timer()

    def _reload_keeping_timer(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            return
        saved = self.runner.to_persisted() if self.runner else None
        self.people = {p.id: p.name for p in store.session.query(Person)}
        all_items = agenda_items(store, offsite.id)
        self.days = days_of(all_items)
        if self.day not in self.days:
            self.day = self.days[0]
        self._build_runner(all_items, saved)
        self.refresh_all()

    def set_day(self, day: int) -> None:
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None or day == self.day:
            return
        if self.runner is not None and self.runner.state is TimerState.RUNNING:
            self.runner.pause()
        self._persist()
        self.day = day
        self._build_runner(agenda_items(store, offsite.id), None)
        self._persist()
        self.refresh_all()

    # ----- commands ------------------------------------------------------------
    def _command(self, change: str) -> None:
        """After a command: show it (the projector at once), re-arm the tick, then save."""
        if change == "time":
            self.tick()
        else:
            self.refresh_all()
        self.audience_window.repaint_now()  # the room sees a key press within a frame
        self._persist()
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
        self.blackout = not self.blackout
        self._command("screen")

    def leave_blackout(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.close_overlay()
            return
        if self.blackout:
            self.blackout = False
            self._command("screen")

    def set_message(self, text: str) -> None:
        from keeper.text import clean_line

        self.message = clean_line(text, 300)
        self._command("screen")

    def ask_message(self) -> None:
        text, ok = QInputDialog.getText(
            self, "Message on the projector",
            "A line for the room (empty to clear), e.g. “Back at 13:15”:", text=self.message,
        )
        if ok:
            self.set_message(text)

    def toggle_audience_window(self) -> None:
        window = self.audience_window
        if window.isVisible():
            window.hide()
        else:
            window.place()
        self._sync_audience_controls()

    def toggle_audience_full_screen(self) -> None:
        self.audience_window.toggle_full_screen()
        self._sync_audience_controls()

    def _screen_chosen(self, index: int) -> None:
        name = self.screen_box.itemData(index)
        self.audience_window.choose_screen(name)
        self._sync_audience_controls()

    def take_time_back(self) -> None:
        runner = self.runner
        if runner is None or self.context.read_only:
            return
        late = self._drift()
        minutes = late.late_minutes if late is not None else 0
        if minutes <= 0:
            self.drift_line.setText(self.drift_line.text() + " · nothing to take back")
            return
        dialog = TakeBackDialog(self.entries, minutes, runner.index, self)
        self._take_back_dialog = dialog  # tests reach it
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.apply_take_back(dialog.preview))
        dialog.open()

    def apply_take_back(self, preview: schedule.RebalancePreview) -> None:
        if not preview.changes:
            return
        titles = {e.id: e.title for e in self.entries}
        offsite = self.context.offsite
        late = self._drift()
        anchor = (offsite.id, self.day, late.planned_end) if offsite and late else None
        self.context.run(apply_rebalance(preview, titles, anchor), "agenda")

    # ----- saving --------------------------------------------------------------
    def _persist(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None or self.runner is None or store.read_only:
            return
        try:
            save_runner_state(store, offsite.id,
                              SavedRunner(self.runner.to_persisted(), self.message, self.blackout))
            if record_actuals(store, self.runner.all_actuals()):
                self.context.data_changed.emit("runner")
        except StoreError as exc:  # the day goes on even if the file cannot be written
            log.warning("runner state not saved: %s", exc)

    # ----- showing -------------------------------------------------------------
    def _drift(self) -> schedule.Drift | None:
        runner, offsite = self.runner, self.context.offsite
        if runner is None or offsite is None or not self.entries:
            return None
        now = self.clock.now().astimezone()
        begun = runner.state is not TimerState.IDLE or any(e.started for e in self.entries)
        if runner.finished:
            index: int | None = len(self.entries)
        elif not begun:
            index = None
        else:
            index = runner.index
        plain = schedule.drift(self.entries, offsite.day_start, now, index,
                               runner.remaining_s() if index is not None else None)
        return anchored_drift(plain, self._target_end)

    def _set(self, key: str, widget: QLabel | QPushButton, text: str) -> None:
        if self._shown.get(key) != text:
            self._shown[key] = text
            widget.setText(text)

    def refresh_all(self) -> None:
        self._shown.clear()
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for d in self.days:
            self.day_box.addItem(f"Day {d}", d)
        self.day_box.setCurrentIndex(max(0, self.days.index(self.day)) if self.day in self.days
                                     else 0)
        self.day_box.setVisible(len(self.days) > 1)
        self.day_box.blockSignals(False)
        self.blackout_button.setChecked(self.blackout)
        self._sync_audience_controls()
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
        remaining = runner.remaining_s()
        running = runner.state is TimerState.RUNNING
        if (running and self.sound_at_zero and level is WarningLevel.OVERTIME
                and self._last_level is not WarningLevel.OVERTIME):
            QApplication.beep()
        self._last_level = level

        total = len(self.entries)
        if item is None:
            self._set("title", self.title, "The day is done" if total else "No agenda yet")
            self._set("meta", self.meta, "Thank you, everyone." if total else
                      "Add sessions in the Agenda view, then come back to run them.")
            self._set("position", self.position, f"{total} of {total} done" if total else "")
            self._set_countdown("--:--", "normal")
            self._set("state", self.state_line, "")
        else:
            position = f"Session {runner.index + 1} of {total}"
            if self.context.offsite is not None:
                position = f"{self.context.offsite.title} · {position}"
            self._set("position", self.position, position)
            self._set("title", self.title, item.title)
            self._set("meta", self.meta, self._meta_text(runner.index))
            palette = "break" if item.kind != ItemKind.SESSION.value else level.value
            self._set_countdown(runner.display(), palette)
            self._set("state", self.state_line, self._state_text(runner, level))
        self._set("startText", self.start_button,
                  "Pause" if running else ("Resume" if runner.state is TimerState.PAUSED
                                           else "Start"))
        self._set_enabled(item is not None, runner.index > 0)

        self._show_day(runner, now, remaining)
        state = self._audience(runner, now, remaining, level)
        if state != self._last_state:
            self._last_state = state
            self.audience_state.emit(state)

        if running:
            delay = runner.ms_until_next_second_boundary()
            self._tick_timer.start(delay if delay is not None else 1000)
            if self._slow_timer.isActive():
                self._slow_timer.stop()
        else:
            self._tick_timer.stop()
            if not self._slow_timer.isActive():
                self._slow_timer.start()

    def _set_enabled(self, has_item: bool, can_go_back: bool) -> None:
        wanted = (has_item, can_go_back, not self.context.read_only)
        if self._shown.get("enabled") == wanted:
            return
        self._shown["enabled"] = wanted
        for key in ("toggle", "next", "plus", "minus", "reset"):
            self.actions_by_key[key].setEnabled(has_item)
        for b in (self.start_button, self.next_button, self.plus_button, self.minus_button,
                  self.reset_button):
            b.setEnabled(has_item)
        self.actions_by_key["previous"].setEnabled(can_go_back)
        self.prev_button.setEnabled(can_go_back)
        self.take_back_button.setEnabled(not self.context.read_only)
        self.actions_by_key["takeback"].setEnabled(not self.context.read_only)

    def _set_countdown(self, text: str, palette: str) -> None:
        self._countdown_palette = palette
        if self._shown.get("countdownStyle") != palette:
            self._shown["countdownStyle"] = palette
            colours = CONTROL_PALETTE.get(palette, CONTROL_PALETTE["normal"])
            self.countdown.setStyleSheet(
                f"QLabel#countdown {{ font-size: {self._countdown_px}px; font-weight: 700;"
                f" color: {colours.digits};"
                f" background: {colours.background}; border-radius: 12px; padding: 0 18px; }}"
            )
        self._set("countdown", self.countdown, text)

    def _meta_text(self, index: int) -> str:
        item = self.items[index]
        parts: list[str] = []
        if item.kind != ItemKind.SESSION.value:
            parts.append(item.kind.capitalize())
        elif item.content_tag:
            parts.append(TAG_NAMES.get(item.content_tag, item.content_tag))
        if item.session_format:
            parts.append(item.session_format.capitalize())
        parts.append(f"{item.planned_minutes} min planned")
        if item.presenter_id and item.presenter_id in self.people:
            parts.append(self.people[item.presenter_id])
        if item.protected:
            parts.append("protected")
        return " · ".join(parts)

    def _state_text(self, runner: Runner, level: WarningLevel) -> str:
        item = runner.current
        assert item is not None
        warn = (f"amber at {_fmt_minutes(item.warn_amber_s)} · "
                f"red at {_fmt_minutes(item.warn_red_s)}")
        if runner.state is TimerState.IDLE:
            return f"Ready · press Space to start · {warn}"
        if runner.state is TimerState.PAUSED:
            return f"Paused · Space resumes · {warn}"
        if level is WarningLevel.OVERTIME:
            return "Over time · N moves on, + adds a minute"
        return f"Running · {warn}"

    def _show_day(self, runner: Runner, now: dt.datetime, remaining: float) -> None:
        late = self._drift()
        drift_text = schedule.status_line(late) if late is not None else ""
        self._set("drift", self.drift_line, drift_text)
        if late is not None:
            colour = "#A3161A" if late.late_minutes > 0 else "#166534"
            if self._shown.get("driftColour") != colour:
                self._shown["driftColour"] = colour
                self.drift_line.setStyleSheet(f"color: {colour};")
        start = now + dt.timedelta(seconds=max(0.0, remaining)) if not runner.finished else now
        if runner.state is TimerState.IDLE and runner.current is not None:
            start = now + dt.timedelta(minutes=runner.current.planned_minutes)
        upcoming = self.entries[runner.index + 1:] if not runner.finished else []
        if upcoming:
            first = upcoming[0]
            self._set("next", self.next_line,
                      f"{_hhmm(start)}  {first.title} · {first.planned_minutes} min")
        else:
            self._set("next", self.next_line, "Nothing after this" if not runner.finished else "")
        rows = []
        at = start + dt.timedelta(minutes=upcoming[0].planned_minutes) if upcoming else start
        for entry in upcoming[1:6]:
            rows.append(f"<tr><td style='padding-right:12px'>{_hhmm(at)}</td>"
                        f"<td>{_html(entry.title)}</td></tr>")
            at += dt.timedelta(minutes=entry.planned_minutes)
        self._set("later", self.later, f"<table>{''.join(rows)}</table>" if rows else "")
        self._set("message", self.message_line,
                  f"Message on screen: “{self.message}”  (M to change)" if self.message
                  else "No message on screen (M to add one)")

    def _audience(self, runner: Runner, now: dt.datetime, remaining: float,
                  level: WarningLevel) -> AudienceState:
        if self.blackout:
            return AudienceState(mode="blackout")
        item = runner.current
        offsite = self.context.offsite
        if item is None:
            return AudienceState(mode="idle", title="Thank you" if self.entries else
                                 (offsite.title if offsite else "Keeper"),
                                 message=self.message)
        index = runner.index
        nxt = self.entries[index + 1] if index + 1 < len(self.entries) else None
        start_next = now + dt.timedelta(seconds=max(0.0, remaining))
        next_line = f"Next · {_hhmm(start_next)}  {nxt.title}" if nxt else "Last session of the day"
        status = {TimerState.PAUSED: "Paused", TimerState.IDLE: "Starting soon"}.get(
            runner.state, "Over time" if level is WarningLevel.OVERTIME else "")
        if item.kind != ItemKind.SESSION.value:
            back = _round_up_minute(start_next)
            back_at = f"Back at {_hhmm(back)}" if remaining > 0 else "Welcome back"
            return AudienceState(mode="break", title=item.title, digits=runner.display(),
                                 level=level.value, status=status if status != "Over time"
                                 else "", back_at=back_at, next_line=next_line,
                                 message=self.message)
        source = self.items[index]
        subtitle = " · ".join(p for p in (
            (source.session_format or "").capitalize(),
            self.people.get(source.presenter_id or -1, ""),
        ) if p)
        return AudienceState(mode="timer", title=item.title, subtitle=subtitle,
                             digits=runner.display(), level=level.value, status=status,
                             next_line=next_line, message=self.message)

    def _show_nothing(self) -> None:
        self._set("title", self.title, "No offsite open")
        self._set("meta", self.meta, "Open an offsite file to run its agenda.")
        self._set_countdown("--:--", "normal")
        for key, widget in (("state", self.state_line), ("next", self.next_line),
                            ("drift", self.drift_line), ("later", self.later),
                            ("position", self.position), ("message", self.message_line)):
            self._set(key, widget, "")
        self._set_enabled(False, False)
        state = AudienceState(mode="idle", title="Keeper")
        if state != self._last_state:
            self._last_state = state
            self.audience_state.emit(state)

    # ----- screens --------------------------------------------------------------
    def _on_screens_changed(self, _screen: object) -> None:
        if not self._closed:
            QTimer.singleShot(0, self._fill_screens)

    def _fill_screens(self) -> None:
        if self._closed:
            return
        box = self.screen_box
        chosen = self.audience_window.preferred_screen
        box.blockSignals(True)
        box.clear()
        box.addItem("Automatic (projector)", None)
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            box.addItem(f"{screen.name() or 'Screen'} · {size.width()}×{size.height()}",
                        screen.name())
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        self._sync_audience_controls()

    def _sync_audience_controls(self) -> None:
        window = self.audience_window
        visible = window.isVisible()
        self.show_audience.setChecked(visible)
        self.show_audience.setText("Hide audience window" if visible else "Show audience window")
        self.full_button.setText("Windowed" if visible and window.isFullScreen()
                                 else "Full screen")
        self._update_projector_caption()

    def _update_projector_caption(self) -> None:
        if self._closed:
            return
        window = self.audience_window
        if not window.isVisible():
            text = "The audience window is closed (A opens it)."
        else:
            screen = window.screen()
            where = screen.name() if screen is not None else "a screen"
            how = "full screen" if window.isFullScreen() else "in a window"
            text = f"Shown {how} on {where}."
        if self.context.audience.key != "timer":
            text += f" Presenting the {self.context.audience.key}; T shows the timer."
        self._set("caption", self.preview_caption, text)

    def shutdown(self) -> None:
        """The control window is closing: save, stop ticking, take the projector window away."""
        if self._closed:
            return
        self._tick_timer.stop()
        self._slow_timer.stop()
        self._persist()
        self._closed = True
        self.audience_window.dispose()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

