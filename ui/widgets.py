"""The small widgets every view builds its forms from: headings, hints, buttons, a
message banner, and a text box that saves when the Keeper leaves it.

Headings and hints carry their look (font, colour) with them, so they look the same in
any view; they, field labels and primary buttons also carry a ``role`` property that
``ROLE_STYLE`` (a view's style sheet) styles the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QWidget

from ui import palette

HEADING_PT = 11
GROUP_STYLE = f"""
QGroupBox {{ font-weight: 600; color: {palette.INK}; border: 1px solid {palette.BORDER_FORM};
            border-radius: 6px; margin-top: 14px; padding: 10px 8px 8px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""
ROLE_STYLE = f"""
QLabel[role="heading"] {{ font-weight: 600; color: {palette.INK}; font-size: {HEADING_PT}pt; }}
QLabel[role="hint"] {{ color: {palette.TEXT_MUTED}; }}
QLabel[role="field"] {{ color: {palette.INK}; font-weight: 600; }}
QPushButton[role="primary"] {{ background: {palette.ACCENT}; color: {palette.ON_ACCENT};
            border: none; border-radius: 4px; padding: 5px 14px; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {palette.ACCENT_DISABLED}; }}
QPushButton[role="primary"]:focus {{ outline: 2px solid {palette.FOCUS_RING}; }}
"""


def heading(text: str, *, wrap: bool = False) -> QLabel:
    """A section's title; ``wrap`` in a narrow panel, where a long one must not widen it."""
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setWordWrap(wrap)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(HEADING_PT)
    label.setFont(font)
    _ink(label, palette.INK)
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    _ink(label, palette.TEXT_MUTED)
    return label


def _ink(label: QLabel, colour: str) -> None:
    """The text colour, without a style sheet: the label looks the same in any view."""
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(pal)


def button(text: str, slot: Callable[[], object], *, tip: str | None = None,
           shortcut: str | None = None, primary: bool = False,
           name: str | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button calling ``slot``; its tooltip names its shortcut, its accessible name
    is ``name`` or its text."""
    widget = QPushButton(text, parent)
    widget.clicked.connect(lambda _checked=False: slot())
    keys = ""
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    plain = text.replace("&", "").rstrip("…")
    widget.setToolTip((tip or plain) + (f" ({keys})" if keys else ""))
    if primary:
        widget.setProperty("role", "primary")
    widget.setAccessibleName(name or plain)
    return widget


class Banner(QLabel):
    """A one-line message: a warning, an error, good news or information; hidden when
    empty. ``strong`` sets it in semibold."""

    KINDS = {"warn": (palette.WARN_BG, palette.WARN_TEXT),
             "error": (palette.ERROR_BG, palette.ERROR_TEXT),
             "ok": (palette.GOOD_BG, palette.GOOD),
             "info": (palette.INFO_BG, palette.INFO_TEXT)}

    def __init__(self, parent: QWidget | None = None, *, strong: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName("Message")
        self._weight = " font-weight: 600;" if strong else ""
        self.kind = ""
        self.hide()

    def show_message(self, text: str | None, kind: str = "warn") -> None:
        """Show ``text`` in the colours of ``kind``; no text hides the banner."""
        self.kind = kind if text else ""
        if not text:
            self.clear()
            self.hide()
            return
        bg, fg = self.KINDS.get(kind, self.KINDS["warn"])
        self.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px;"
                           f" padding: 6px 10px;{self._weight}")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class NoteEdit(QPlainTextEdit):
    """Multi-line text that saves when the Keeper leaves it, or on Ctrl+Enter:
    ``committed(text)`` when the text differs from what was last stored."""

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
