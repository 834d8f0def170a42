"""Small widgets shared by the "Sessions & plan" tabs: text boxes that save on
Ctrl+Enter, a dirty tracker for forms, list helpers and the tabs' look."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from keeper.day.rules import TACTIC_STATUSES
from ui import palette
from ui.widgets import GROUP_STYLE, ROLE_STYLE, button, hint

# Start/Stop/Continue grid: background, foreground per state
CELL_COLOURS = {
    "complete": (palette.CELL_COMPLETE_BG, palette.CELL_COMPLETE),
    "partial": (palette.CELL_PARTIAL_BG, palette.CELL_PARTIAL),
    "missing": (palette.CELL_MISSING_BG, palette.CELL_MISSING),
    "self": (palette.CELL_SELF_BG, palette.TEXT_DISABLED),
}
STATUS_COLOURS = {
    "not started": (palette.STATUS_NEUTRAL_BG, palette.TEXT_MUTED_SLATE),
    "on track": (palette.GOOD_CHIP_BG, palette.GOOD),
    "at risk": (palette.WARN_CHIP_BG, palette.WARN_TEXT),
    "off track": (palette.ERROR_CHIP_BG, palette.ERROR_TEXT),
    "done": (palette.DONE_BG, palette.INFO_TEXT),
}
for _status in TACTIC_STATUSES:  # a status added to the rules still gets a colour
    STATUS_COLOURS.setdefault(_status, (palette.STATUS_NEUTRAL_BG, palette.TEXT_MUTED_SLATE))

SAVE_KEYS = "Ctrl+Enter"  # as the tooltips and hints say it
SAVE_SHORTCUT = "Ctrl+Return"  # the key sequence
STYLE = GROUP_STYLE + ROLE_STYLE


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "field")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def move_buttons(move: Callable[[int], object], noun: str = "") -> tuple[QPushButton,
                                                                          QPushButton]:
    """▲ and ▼ that call ``move(-1)`` / ``move(1)`` (named "Move <noun> up" for screen readers)."""
    what = f"Move {noun} " if noun else "Move "
    up = button("▲", lambda: move(-1), tip="Move up (Alt+Up)", name=f"{what}up")
    down = button("▼", lambda: move(1), tip="Move down (Alt+Down)", name=f"{what}down")
    up.setFixedWidth(36)
    down.setFixedWidth(36)
    return up, down


def list_keys(widget: QWidget, delete: Callable[[], object],
              move: Callable[[int], object]) -> None:
    """In a list of entries: Delete deletes the selected one, Alt+Up / Alt+Down move it."""
    for keys, slot in (("Delete", delete), ("Alt+Up", lambda: move(-1)),
                       ("Alt+Down", lambda: move(1))):
        QShortcut(QKeySequence(keys), widget, slot,  # type: ignore[call-overload]
                  context=Qt.ShortcutContext.WidgetShortcut)


def read_only_table(table: QTableWidget, name: str, headers: Sequence[str],
                    stretch: int = 1) -> QTableWidget:
    """A table to read, not type in: no row numbers; column ``stretch`` takes the room
    left, the others fit their contents."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def deselect(*views: QAbstractItemView) -> None:
    """No current entry in ``views`` (without telling their listeners)."""
    for view in views:
        view.blockSignals(True)
        view.clearSelection()
        view.setCurrentIndex(QModelIndex())
        view.blockSignals(False)


def side_column(*items: QWidget | QHBoxLayout | tuple[QWidget, int] | int) -> QWidget:
    """The left side of a tab: ``items`` stacked (a ``(widget, stretch)`` pair stretches,
    a number is a gap in pixels)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 6, 0)
    for item in items:
        if isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QHBoxLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return holder


def save_row(*buttons: QWidget) -> QHBoxLayout:
    """"Ctrl+Enter saves" and the form's buttons, right-aligned."""
    return row(hint(f"{SAVE_KEYS} saves"), *buttons, stretch_at=1)


class TextBox(QPlainTextEdit):
    """Multi-line text: Ctrl+Enter submits, Tab moves on (a form, not a text editor)."""

    submitted = Signal()

    def __init__(self, placeholder: str = "", name: str = "", lines: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setAccessibleName(name or placeholder)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._lines = lines

    def sizeHint(self):  # noqa: N802, ANN201 - Qt override
        hint_size = super().sizeHint()
        hint_size.setHeight(self.fontMetrics().lineSpacing() * self._lines + 14)
        return hint_size

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str | None) -> None:
        """Replace the text unless it is the same (keeps the cursor and undo history)."""
        text = text or ""
        if self.toPlainText() != text:
            self.setPlainText(text)


class LineBox(QLineEdit):
    """One line: Enter and Ctrl+Enter submit."""

    submitted = Signal()

    def __init__(self, placeholder: str = "", name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(name or placeholder)
        self.returnPressed.connect(self.submitted.emit)

    def set_text(self, text: str | None) -> None:
        text = text or ""
        if self.text() != text:
            self.setText(text)


class DirtyTracker(QObject):
    """Knows whether a form holds edits not yet saved (loading doesn't count)."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._loading = 0

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.mark)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.mark)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self.mark)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.mark)

    def mark(self, *_args: object) -> None:
        if self._loading:
            return
        if not self._dirty:
            self._dirty = True
            self.changed.emit(True)

    def clear(self) -> None:
        if self._dirty:
            self._dirty = False
            self.changed.emit(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1


def fill_list(widget: QListWidget, rows: Sequence[tuple[int, str]], keep: int | None = None,
              decorate: Callable[[QListWidgetItem, int], None] | None = None,
              empty: str = "") -> None:
    """Refill ``widget`` with (id, text) rows, keeping the selection on ``keep`` (by id)."""
    widget.blockSignals(True)
    try:
        widget.clear()
        for row_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setToolTip(text)
            if decorate is not None:
                decorate(item, row_id)
            widget.addItem(item)
        if not rows and empty:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)
        select_id(widget, keep)
    finally:
        widget.blockSignals(False)


def select_id(widget: QListWidget, row_id: int | None) -> bool:
    for n in range(widget.count()):
        if widget.item(n).data(Qt.ItemDataRole.UserRole) == row_id:
            widget.setCurrentRow(n)
            return True
    return False


def current_id(widget: QListWidget) -> int | None:
    item = widget.currentItem()
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def ids_in(widget: QListWidget) -> list[int]:
    return [widget.item(n).data(Qt.ItemDataRole.UserRole) for n in range(widget.count())]


def moved(ids: list[int], row_id: int, step: int) -> list[int] | None:
    """``ids`` with ``row_id`` moved ``step`` places (None when it cannot move)."""
    if row_id not in ids:
        return None
    at = ids.index(row_id)
    to = at + step
    if not 0 <= to < len(ids):
        return None
    out = list(ids)
    out.insert(to, out.pop(at))
    return out


def chip(text: str, bg: str, fg: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 9px;"
                        " font-weight: 600;")
    return label


def row(*widgets: QWidget | None, stretch_at: int | None = None) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        if stretch_at == n:
            layout.addStretch(1)
        if widget is not None:
            layout.addWidget(widget)
    if stretch_at is not None and stretch_at >= len(widgets):
        layout.addStretch(1)
    return layout


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {palette.BORDER_FORM};")
    return line

