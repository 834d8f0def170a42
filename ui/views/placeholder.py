"""Shown for a view whose module is not part of this build."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext


class Placeholder(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None, message: str) -> None:
        super().__init__(parent)
        self.context = context
        label = QLabel(message)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
