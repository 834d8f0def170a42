"""The current session's card: title, details, the countdown in its warning colour, the controls."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from keeper.contrast import CONTROL_PALETTE
from ui.runner.actions import action_button
from ui.runner.text import ShownText

FLASH_MS = 900


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
        self.countdown = QLabel("00:00")
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Time left")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setMinimumHeight(90)
        # the digits scale with the room they have (set_digits_px), so the label never sets a
        # minimum width: the window stays usable on a small laptop screen
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
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

    def set_countdown(self, text: str, palette: str) -> None:
        """The digits, on the control palette's colours for ``palette`` (a warning level)."""
        self.palette_key = palette
        if self.shown.changed("countdownStyle", palette):
            colours = CONTROL_PALETTE.get(palette, CONTROL_PALETTE["normal"])
            self.countdown.setStyleSheet(
                f"QLabel#countdown {{ font-size: {self.digits_px}px; font-weight: 700;"
                f" color: {colours.digits};"
                f" background: {colours.background}; border-radius: 12px; padding: 0 18px; }}"
            )
        if self.shown.changed("countdown", text):
            self.countdown.setText(text)
            self.countdown.setAccessibleName(f"Time left {text}")  # the value, not just a label

    def flash(self) -> None:
        """Instead of a chime on a machine without a player: the countdown lights up a moment."""
        self.countdown.setStyleSheet(
            f"QLabel#countdown {{ font-size: {self.digits_px}px; font-weight: 700;"
            " color: #1A1200; background: #FFB627; border-radius: 12px; padding: 0 18px; }")
        self.shown.forget("countdownStyle")
        QTimer.singleShot(FLASH_MS, self, lambda: self.set_countdown(self.countdown.text(),
                                                                     self.palette_key))

    def set_digits_px(self, px: int) -> None:
        if px != self.digits_px:
            self.digits_px = px
            self.shown.forget("countdownStyle")
            self.set_countdown(self.countdown.text(), self.palette_key)
