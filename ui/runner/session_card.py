"""The current session's card: title, details, the countdown in its warning colour, the controls."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from keeper.contrast import CONTROL_PALETTE, ScreenColours
from ui import palette
from ui.runner.actions import action_button
from ui.runner.text import ShownText

FLASH_MS = 900
FLASH_COLOURS = ScreenColours(background=palette.FLASH_BG, digits=palette.FLASH_INK,
                              text=palette.FLASH_INK)


class CountdownDigits(QWidget):
    """The control window's countdown, painted: a new second repaints it and asks no layout
    pass of the window (a QLabel's setText does, every second). Screen readers hear
    "Time left 37:00". It scales with the room it has and sets no minimum width."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("countdown")
        self._text = ""
        self.px = 120
        self.colours = CONTROL_PALETTE["normal"]
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Time left")

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, for callers)
        if text != self._text:
            old, self._text = self._text, text
            self.setAccessibleName(f"Time left {text}")  # the value, not just a label
            self.update(self._changed(old, text))

    def set_look(self, px: int, colours: ScreenColours) -> None:
        if (px, colours) != (self.px, self.colours):
            self.px, self.colours = px, colours
            self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self.px)
        font.setBold(True)
        return font

    def _changed(self, old: str, new: str) -> QRect:
        """Where ``old`` and ``new`` differ when both are drawn centred: only the changed
        digits of a new second (the whole box when the text's width changes)."""
        metrics = QFontMetricsF(self._font())
        width = metrics.horizontalAdvance(new)
        if len(old) != len(new) or width != metrics.horizontalAdvance(old):
            return self.rect()
        box = self._text_box()
        left = box.left() + (box.width() - width) / 2
        first = next(n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
        last = max(n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
        x0 = left + metrics.horizontalAdvance(new[:first])
        x1 = left + metrics.horizontalAdvance(new[:last + 1])
        top = box.top() + (box.height() - metrics.height()) / 2
        pad = self.px // 10 + 2  # a glyph's overhang and antialiasing
        return QRectF(x0, top, x1 - x0, metrics.height()).toAlignedRect().adjusted(
            -pad, -pad, pad, pad).intersected(self.rect())

    def _text_box(self) -> QRect:
        return self.rect().adjusted(18, 0, -18, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colours.background))
        painter.drawRoundedRect(QRectF(self.rect()), 12, 12)
        painter.setFont(self._font())
        painter.setPen(QColor(self.colours.digits))
        painter.drawText(self._text_box(), int(Qt.AlignmentFlag.AlignCenter), self._text)
        painter.end()


class SessionCard(QFrame):
    def __init__(self, actions: dict[str, QAction], shown: ShownText) -> None:
        super().__init__()
        self.setObjectName("card")
        self.shown = shown
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("muted")
        self.meta.setWordWrap(True)
        self.private_notes = QLabel()  # the Keeper's backstage notes: never projected
        self.private_notes.setObjectName("privateNotes")
        self.private_notes.setWordWrap(True)
        self.private_notes.setAccessibleName("Your notes for this session (not projected)")
        self.private_notes.hide()
        self.countdown = CountdownDigits()
        self.digits_px = 120
        self.palette_key = "normal"
        self.state_line = QLabel()
        self.state_line.setObjectName("stateLine")

        self.start_button = action_button(actions["toggle"], "Start", primary=True)
        self.start_button.setMinimumWidth(120)
        self.prev_button = action_button(actions["previous"], "◀  Previous")
        self.next_button = action_button(actions["next"], "Next  ▶")
        self.minus_button = action_button(actions["minus"], "−1 min")
        self.plus_button = action_button(actions["plus"], "+1 min")
        self.reset_button = action_button(actions["reset"], "Reset")
        controls = QHBoxLayout()
        controls.setSpacing(8)
        for b in (self.prev_button, self.start_button, self.next_button):
            controls.addWidget(b)
        controls.addSpacing(12)
        for b in (self.minus_button, self.plus_button, self.reset_button):
            b.setMinimumWidth(0)
            controls.addWidget(b)
        controls.addStretch(1)

        card = QVBoxLayout(self)
        card.setContentsMargins(28, 22, 28, 22)
        card.setSpacing(6)
        card.addWidget(self.title)
        card.addWidget(self.meta)
        card.addWidget(self.private_notes)
        card.addWidget(self.countdown, 1)
        card.addWidget(self.state_line)
        card.addSpacing(10)
        card.addLayout(controls)

    @property
    def item_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that need a current session."""
        return (self.start_button, self.next_button, self.plus_button, self.minus_button,
                self.reset_button)

    def show_session(self, title: str, meta: str, state: str) -> None:
        self.shown.set("title", self.title, title)
        self.shown.set("meta", self.meta, meta)
        self.shown.set("state", self.state_line, state)

    def show_notes(self, notes: str | None) -> None:
        text = f"Your notes (not projected): {notes.strip()}" if notes and notes.strip() else ""
        if self.shown.changed("privateNotes", text):
            self.private_notes.setText(text)
            self.private_notes.setVisible(bool(text))

    def set_countdown(self, text: str, palette: str) -> None:
        """The digits, on the control palette's colours for ``palette`` (a warning level)."""
        self.palette_key = palette
        if self.shown.changed("countdownStyle", palette):
            self.countdown.set_look(self.digits_px,
                                    CONTROL_PALETTE.get(palette, CONTROL_PALETTE["normal"]))
        self.countdown.setText(text)

    def flash(self) -> None:
        """Instead of a chime on a machine without a player: the countdown lights up a moment."""
        self.countdown.set_look(self.digits_px, FLASH_COLOURS)
        self.shown.forget("countdownStyle")
        QTimer.singleShot(FLASH_MS, self, lambda: self.set_countdown(self.countdown.text(),
                                                                     self.palette_key))

    def set_digits_px(self, px: int) -> None:
        if px != self.digits_px:
            self.digits_px = px
            self.shown.forget("countdownStyle")
            self.set_countdown(self.countdown.text(), self.palette_key)
