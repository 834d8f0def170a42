"""Small widget helpers shared by the board's panels: headings, hints, colour dots,
a frameless scroll area, and the people picker."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.ops import Operation
from ui.board import style

RunOp = Callable[[Operation], bool]  # applies an edit (undoable); False when refused


def colour_icon(colour: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(0, 0, size, size)
    p.end()
    return QIcon(pix)


def clear_layout(layout: QVBoxLayout | QGridLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())  # type: ignore[arg-type]


def scroll_area(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it to its width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def add_people(combo: QComboBox, people: Iterable[bo.BoardPerson]) -> None:
    """One entry per person: their colour dot and name, their id as the item data."""
    for p in people:
        combo.addItem(colour_icon(style.person_colour(p.colour, p.id)), p.name, p.id)
