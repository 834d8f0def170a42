"""How the kickoff tabs lay out their parts: a scrolling panel, two panes side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget


def scrolled(widget: QWidget, min_width: int = 0) -> QScrollArea:
    """``widget`` in a frameless scroll area that follows its width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    if min_width:
        scroll.setMinimumWidth(min_width)
    return scroll


def side_by_side(left: QWidget, right: QWidget, stretch: tuple[int, int] = (1, 1),
                 sizes: Sequence[int] = ()) -> QSplitter:
    """Two panes in a horizontal splitter that neither pane can be collapsed in."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    if sizes:
        splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter
