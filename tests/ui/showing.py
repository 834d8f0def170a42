"""Showing a widget the way every view test does: sized, shown and exposed."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, widget: W, width: int = 1280, height: int = 800) -> W:
    """``widget`` owned by ``qtbot``, resized, shown and exposed on the screen."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
