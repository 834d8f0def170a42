"""Set-up shared by the app's QGraphicsViews (drawing only, no rules)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView


def show_scene(view: QGraphicsView, scene: QGraphicsScene) -> None:
    """Show ``scene`` in ``view`` with antialiased shapes and text.

    Qt trap (DESIGN.md): the view's owner must also keep a Python reference to the scene.
    """
    view.setScene(scene)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)


def still_view(view: QGraphicsView, background: QColor) -> None:
    """A view for the room to look at: no scroll bars, no frame, one plain background."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setBackgroundBrush(QBrush(background))
