"""Sessions & plan: the rest of the offsite day, one tab per session of the guide.

OKR postmortem, north-star questions, best practices, reflections and gratitude,
Start / Stop / Continue, charter and operating plan. Data and edits come from
``keeper.day``; each edit runs through ``context.run`` (committed, undoable).
This view never presents anything to the audience display (the feedback above
all is private).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from keeper.day import DayData, DayError, load_day
from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore
from ui import palette
from ui.audience_bus import WidgetFactory
from ui.context import AppContext
from ui.day.base import Tab
from ui.day.feedback_tab import FeedbackTab
from ui.day.okr_tab import OkrTab
from ui.day.plan_tab import PlanTab
from ui.day.questions_tab import QuestionsTab
from ui.day.reflections_tab import ReflectionsTab
from ui.day.talks_tab import TalksTab
from ui.day.widgets import STYLE
from ui.widgets import Banner, hint

log = logging.getLogger(__name__)
RELOAD_ON = Changes(day=True, agenda=True, board=True, people=True, offsite=True)
MESSAGE_MS = {"ok": 6000, "info": 6000, "warn": 10000, "error": 12000}


class DayView(QWidget):
    """A tab per session; Alt+1…6 switch tabs, Ctrl+Enter saves the entry being typed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = DayData(None)
        self.setStyleSheet(STYLE)

        self.header = QLabel()
        self.header.setStyleSheet(f"font-size: 13pt; font-weight: 600; color: {palette.INK};")
        self.header.setWordWrap(True)
        self.subheader = hint("")
        self.message = Banner()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.show_message(None))

        self.okr = OkrTab(self)
        self.questions = QuestionsTab(self)
        self.talks = TalksTab(self)
        self.reflections = ReflectionsTab(self)
        self.feedback = FeedbackTab(self)
        self.plan = PlanTab(self)
        self.tabs_list: list[Tab] = [self.okr, self.questions, self.talks, self.reflections,
                                     self.feedback, self.plan]
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sessions")
        self.tabs.setDocumentMode(True)
        for n, tab in enumerate(self.tabs_list, 1):
            scroll = QScrollArea()  # a small window scrolls a tab instead of growing the window
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(tab)
            at = self.tabs.addTab(scroll, f"{n}  {tab.title.replace('&', '&&')}")
            self.tabs.setTabToolTip(at, f"{tab.title} (Alt+{n})")
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda i=at: self.show_tab(i),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._tab_index = 0
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        context.file_changed.connect(self._on_file_changed)
        context.data_changed.connect(self.reload)
        self.reload()

    # ----- the host interface for the tabs -------------------------------------------
    @property
    def editable(self) -> bool:
        return not self.context.read_only and self.data.offsite_id is not None

    def present(self, key: str, factory: WidgetFactory) -> None:
        self.context.audience.present(key, factory)

    def presenting(self) -> str:
        """What the projector shows: "timer", or the key of a presented widget."""
        return self.context.audience.key

    def store_for_ops(self) -> OffsiteStore:
        store = self.context.store
        if store is None:
            raise DayError("Open an offsite file first.")
        return store

    def run(self, operation: Operation | None, what: str) -> bool:
        """Apply an edit (committed, undoable); a refused edit is explained, not raised."""
        if operation is None:
            return False
        try:
            self.context.run(operation)
        except DayError as exc:
            self.say(str(exc), "error")
            self.reload()
            return False
        except Exception as exc:  # read-only file, a full disk: say so, keep the view true
            log.exception("day edit failed")
            QMessageBox.warning(self, what, f"{what} failed: {exc}")
            self.reload()
            return False
        return True

    def say(self, text: str | None, kind: str = "warn") -> None:
        self.message.show_message(text, kind)
        self._message_timer.stop()
        if text:
            self._message_timer.start(MESSAGE_MS.get(kind, 8000))

    # ----- loading -------------------------------------------------------------------
    def _on_file_changed(self) -> None:
        for tab in self.tabs_list:
            _reset(tab)
        self.say(None)
        self.reload()

    def reload(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes & RELOAD_ON:
            return
        store = self.context.store
        try:
            self.data = load_day(store, self.context.offsite_id) if store else DayData(None)
        except Exception:  # a damaged file must not take the window down
            log.exception("could not load the offsite day")
            self.data = DayData(None)
        if self.data.offsite_id is None:
            self.header.setText("Sessions & plan")
            self.subheader.setText("Open or create an offsite file to capture the day.")
        else:
            date = f" · {self.data.date:%A %d %B %Y}" if self.data.date else ""
            self.header.setText(f"{self.data.title}{date}")
            read_only = " · read-only" if self.context.read_only else ""
            self.subheader.setText(
                f"{len(self.data.people)} attendees · the OKRs, questions, talks, reflections, "
                f"feedback and plan of the day{read_only}")
        editable = self.editable
        for tab in self.tabs_list:
            try:
                tab.show_data(self.data, editable)
            except Exception:
                log.exception("could not show %s", tab.title)

    # ----- tabs ----------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        widget = self.tabs_list[index] if 0 <= index < len(self.tabs_list) else None
        if widget is not None:
            widget.setFocus()
            widget.focusNextChild()

    def _tab_changed(self, index: int) -> None:
        if 0 <= self._tab_index < len(self.tabs_list):
            self.tabs_list[self._tab_index].save_pending()
        self._tab_index = index

    def save_pending(self) -> None:
        for tab in self.tabs_list:
            tab.save_pending()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        if self.editable:
            self.save_pending()  # leaving the view keeps what was typed
        super().hideEvent(event)

    def shutdown(self) -> None:
        if self.editable:
            self.save_pending()

    def shortcut_help(self) -> str:
        rows = [
            ("Alt+1 … Alt+6", "Sessions & plan: switch tab"),
            ("Ctrl+Enter", "Save the entry being typed"),
            ("Alt+Up / Alt+Down", "Move the selected OKR, question or tactic"),
            ("Delete", "Delete the selected OKR, question, initiative or tactic"),
            ("Alt+M", "Feedback: save and go to the next missing pair"),
            ("Alt+X", "Reflections: save and go to the next person"),
            ("Alt+R", "Plan: record the selected check-in"),
        ]
        return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)


def _reset(tab: Tab) -> None:
    """Forget what a tab had selected (another file or offsite is shown)."""
    for name in ("editing_id", "person_id", "giver_id", "receiver_id", "selected"):
        if hasattr(tab, name):
            setattr(tab, name, None)
    for value in vars(tab).values():
        clear = getattr(value, "clear", None)
        if value.__class__.__name__ == "DirtyTracker" and callable(clear):
            clear()
