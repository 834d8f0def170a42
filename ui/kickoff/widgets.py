"""Small widgets of the kickoff view: what a tab needs from the view, headings, buttons,
a message banner, text boxes that save when left, and number and date formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QWidget

from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore
from ui import palette


class Host(Protocol):
    """What the tabs need from the kickoff view."""

    @property
    def offsite_id(self) -> int | None: ...

    @property
    def editable(self) -> bool: ...

    @property
    def store(self) -> OffsiteStore: ...

    def start_import(self, kind: str) -> None: ...

    def run(self, make: Callable[[], Operation | None], what: str) -> bool: ...

    def say(self, text: str | None, kind: str = "error") -> None: ...

    def message(self) -> str: ...

    def today(self) -> dt.date: ...


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def button(text: str, slot: Callable[[], object], *, tip: str | None = None,
           shortcut: str | None = None, primary: bool = False,
           name: str | None = None, parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.clicked.connect(lambda _checked=False: slot())
    keys = ""
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    widget.setToolTip((tip or text.replace("&", "").rstrip("…")) + (f" ({keys})" if keys else ""))
    if primary:
        widget.setProperty("role", "primary")
    widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    return widget


def esc(text: object) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def fmt(value: float | None, digits: int = 1) -> str:
    """7 → '7', 7.25 → '7.3', None → '–'."""
    if value is None:
        return "–"
    if abs(value - round(value)) < 1e-9:
        return f"{value:.0f}"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float | None) -> str:
    if value is None:
        return "–"
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:,.1f}{suffix}".replace(".0" + suffix, suffix)
    return f"{value:,.0f}"


class _KeyFilter(QObject):
    def __init__(self, widget: QWidget, keys: set[int], slot: Callable[[], object]) -> None:
        super().__init__(widget)
        self.keys, self.slot = keys, slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in self.keys \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.slot()
            return True
        return False


def on_delete(widget: QWidget, slot: Callable[[], object]) -> None:
    """Delete (or Backspace) on ``widget`` itself, not while typing in an editor inside it."""
    widget.installEventFilter(_KeyFilter(widget, {Qt.Key.Key_Delete, Qt.Key.Key_Backspace},
                                         slot))


class Banner(QLabel):
    """A message line: an error, a warning or good news; hidden when empty."""

    KINDS = {"warn": (palette.WARN_BG, palette.WARN_TEXT),
             "error": (palette.ERROR_BG, palette.ERROR_TEXT),
             "ok": (palette.GOOD_BG, palette.GOOD), "info": (palette.INFO_BG, palette.INFO_TEXT)}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName("Message")
        self.kind = ""
        self.hide()

    def say(self, text: str | None, kind: str = "error") -> None:
        if not text:
            self.kind = ""
            self.clear()
            self.hide()
            return
        self.kind = kind
        bg, fg = self.KINDS.get(kind, self.KINDS["info"])
        self.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; "
                           "padding: 6px 10px; font-weight: 600;")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class NoteEdit(QPlainTextEdit):
    """Multi-line text that saves when it loses focus or on Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, name: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder or f"{name}… (saved when you leave the box, "
                                               "or Ctrl+Enter)")
        self.setTabChangesFocus(True)
        self._saved = ""

    def set_saved(self, text: str | None) -> None:
        """Show stored text, unless the Keeper is typing here."""
        self._saved = text or ""
        if not self.hasFocus():
            self.setPlainText(self._saved)

    def commit(self) -> None:
        if self.toPlainText() != self._saved:
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit()
            return
        super().keyPressEvent(event)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
