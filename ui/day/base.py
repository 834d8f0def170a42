"""What every tab of the "Sessions & plan" view has: the view's data and a way to run edits."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from keeper.day import DayData
from keeper.ops import Operation
from keeper.store import OffsiteStore


class Host(Protocol):
    data: DayData

    @property
    def editable(self) -> bool: ...

    def run(self, operation: Operation | None, what: str, area: str = "day") -> bool: ...

    def say(self, text: str | None, kind: str = "warn") -> None: ...

    def reload(self) -> None: ...

    def store_for_ops(self) -> OffsiteStore: ...


class Tab(QWidget):
    title = ""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host

    def show_data(self, data: DayData, editable: bool) -> None:
        raise NotImplementedError

    def save_pending(self) -> None:
        """Save edits typed but not yet saved (switching tabs or records never loses them)."""
