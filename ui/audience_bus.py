"""What the audience window (projector) shows, decided by the control window.

The runner owns the audience window; other views ask it to present their
projector-safe widget (the board without authors, the quadrant without names).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

WidgetFactory = Callable[[QWidget | None], QWidget]


class AudienceBus(QObject):
    changed = Signal()  # what to present changed: timer or another view's widget
    session_changed = Signal()  # the runner moved to another session (or stopped)
    projector_note = Signal(str)  # what the control window says about the projector ("": ok)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = "timer"
        self.factory: WidgetFactory | None = None
        self.note = ""

    def set_projector_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.projector_note.emit(note)

    def present_timer(self) -> None:
        self.key, self.factory = "timer", None
        self.changed.emit()

    def present(self, key: str, factory: WidgetFactory) -> None:
        """Show ``factory(parent)``'s widget on the projector instead of the timer."""
        self.key, self.factory = key, factory
        self.changed.emit()
