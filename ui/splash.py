"""A window painted before anything heavy is imported, replaced by the main window."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class StartupWindow(QWidget):
    painted = Signal()  # once, after the first frame: heavy start-up work may begin

    def __init__(self, message: str) -> None:
        super().__init__()
        self._painted_once = False
        self.setWindowTitle("Keeper")
        self.message = message
        self.resize(1280, 800)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#F6F7F9"))
        painter.setPen(QColor("#1F2937"))
        title = QFont(self.font())
        title.setPointSize(28)
        title.setBold(True)
        painter.setFont(title)
        middle = self.rect().center().y()
        painter.drawText(QRect(0, middle - 60, self.width(), 50),
                         Qt.AlignmentFlag.AlignCenter, "Keeper")
        painter.setFont(self.font())
        painter.setPen(QColor("#4B5563"))
        painter.drawText(QRect(0, middle, self.width(), 30), Qt.AlignmentFlag.AlignCenter,
                         self.message)
        painter.end()
        if not self._painted_once:
            self._painted_once = True
            # Let the frame reach the screen before the event loop blocks on imports.
            QTimer.singleShot(30, self.painted.emit)
