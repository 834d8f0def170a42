"""Small widgets of the kickoff view: what a tab needs from the view, headings, buttons,
a message banner, text boxes that save when left, and number and date formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import (
    QKeyEvent,
)
from PySide6.QtWidgets import QWidget

from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore


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


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
