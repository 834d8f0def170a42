"""What every tab of the "Sessions & plan" view has: the view's data and a way to run edits,
and the two shapes most tabs share: a form that saves what was typed (``FormTab``) and a
list of records with an editor for the selected one (``RecordTab``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from keeper.day import DayData, DayError
from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore
from ui.audience_bus import WidgetFactory
from ui.day.widgets import SAVE_SHORTCUT, DirtyTracker, moved


class Host(Protocol):
    data: DayData

    @property
    def editable(self) -> bool: ...

    def run(self, operation: Operation | None, what: str) -> bool: ...

    def say(self, text: str | None, kind: str = "warn") -> None: ...

    def reload(self) -> None: ...

    def store_for_ops(self) -> OffsiteStore: ...

    def present(self, key: str, factory: WidgetFactory) -> None: ...

    def presenting(self) -> str: ...


class Tab(QWidget):
    title = ""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data: DayData | None = None

    def show_data(self, data: DayData, editable: bool) -> None:
        raise NotImplementedError

    def save_pending(self) -> None:
        """Save edits typed but not yet saved (switching tabs or records never loses them)."""

    def split(self, left: QWidget, right: QWidget, stretch: tuple[int, int] = (2, 3),
              above: QWidget | None = None) -> QSplitter:
        """The tab's body: ``left`` and ``right`` side by side (neither collapses), with
        an optional banner ``above`` them."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(splitter, 1)
        return splitter


class FormTab(Tab):
    """A tab whose form saves on Ctrl+Enter and never loses what was typed."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.tracker = DirtyTracker(self)

    def save(self) -> bool:
        raise NotImplementedError

    def save_pending(self) -> None:
        if self.tracker.dirty:
            self.save()

    def watch_form(self, editor: QWidget, *boxes: QWidget,
                   on_dirty: Callable[[], None] | None = None) -> None:
        """Typing in ``boxes`` marks the form unsaved (``on_dirty`` follows the state);
        Ctrl+Enter in a box or anywhere in ``editor`` saves."""
        self.tracker.watch(*boxes)
        if on_dirty is not None:
            self.tracker.changed.connect(lambda _dirty: on_dirty())
        for box in boxes:
            submitted = getattr(box, "submitted", None)
            if submitted is not None:
                submitted.connect(self.save)
        QShortcut(QKeySequence(SAVE_SHORTCUT), editor, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)


class RecordTab(FormTab):
    """A list of records (OKRs, questions) and an editor for ``editing_id``
    (``None``: a new record being typed)."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.editing_id: int | None = None

    def save_record(self, build: Callable[[], Any], what: str, focus: QWidget) -> bool:
        """Store the editor: ``build`` makes the add or edit operation (a ``DayError`` is
        shown and ``focus`` gets the cursor back); a new record stays selected."""
        if self.data is None or self.data.offsite_id is None or not self.host.editable:
            return False
        try:
            op = build()
        except DayError as exc:
            self.host.say(str(exc), "error")
            focus.setFocus()
            return False
        self.tracker.clear()
        is_new = self.editing_id is None
        if not self.host.run(op, what):
            return False
        if is_new:
            self.editing_id = op.key.get("id")
            self.host.reload()
        return True

    def delete_record(self, make: Callable[[int], Operation], what: str) -> None:
        if self.editing_id is None or not self.host.editable:
            return
        record_id, self.editing_id = self.editing_id, None
        self.tracker.clear()
        self.host.run(make(record_id), what)

    def move_record(self, ids: list[int], step: int,
                    reorder: Callable[[list[int]], Operation], what: str) -> None:
        """Move the record being edited ``step`` places among ``ids``."""
        if self.editing_id is None or not self.host.editable:
            return
        self.save_pending()
        order = moved(ids, self.editing_id, step)
        if order is not None:
            self.host.run(reorder(order), what)
