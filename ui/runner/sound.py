"""The runner's chime settings: at the end of a break (on by default), at the end of a session
(off by default), a test; remembered across restarts. No player on this machine: a flash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui.runner.chime import Chime
from ui.settings import app_settings, read_bool

BREAK_KEY = "runner/chime_breaks"
SESSION_KEY = "runner/sound_at_zero"  # the older single setting: sessions now


class RunnerSound:
    def __init__(self, owner: QWidget, flash: Callable[[], None],
                 chime: Chime | None = None) -> None:
        self.chime = chime or Chime()
        self.flash = flash
        self.rung = 0  # how many times it rang (or flashed), for the tests and the bench
        self.breaks = self._toggle(owner, "Chime when a &break ends", BREAK_KEY, True)
        self.sessions = self._toggle(owner, "Chime when a &session ends", SESSION_KEY, False)
        self.test = QAction("&Test the chime", owner)
        self.test.setToolTip("Play the chime now, to check the room can hear it")
        self.test.triggered.connect(lambda _c=False: self.ring())

    @staticmethod
    def _toggle(owner: QWidget, text: str, key: str, default: bool) -> QAction:
        action = QAction(text, owner, checkable=True)
        action.setChecked(read_bool(key, default))
        action.toggled.connect(lambda on: app_settings().setValue(key, on))
        return action

    def at_zero(self, is_break: bool) -> None:
        """The countdown just reached zero."""
        if (self.breaks if is_break else self.sessions).isChecked():
            self.ring()

    def ring(self) -> None:
        self.rung += 1
        if not self.chime.play():
            self.flash()

    def actions(self) -> list[QAction]:
        return [self.breaks, self.sessions, self.test]
