"""A north-star question on the projector: the question alone, large, high contrast."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ui import palette

BACKGROUND = QColor(palette.PROJECTOR_BG)
TEXT = QColor(palette.PROJECTOR_TEXT)  # 17.9:1 on the background, as the countdown
CAPTION = QColor(palette.PROJECTOR_CAPTION)  # 11:1


class QuestionSlide(QWidget):
    def __init__(self, number: int, count: int, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = f"North-star question {number} of {count}"
        self.text = text
        self.setAccessibleName(f"{self.caption}: {text}")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        margin = self.width() * 0.07
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        caption_font = QFont(self.font())
        caption_font.setPixelSize(max(12, int(self.height() * 0.045)))
        painter.setFont(caption_font)
        painter.setPen(CAPTION)
        painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                         self.caption)
        body = area.adjusted(0, self.height() * 0.12, 0, 0)
        font = QFont(self.font())
        font.setBold(True)
        flags = (Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                 | Qt.TextFlag.TextWordWrap)
        size = max(14, int(self.height() * 0.09))
        while size > 14:  # the largest size at which the whole question fits
            font.setPixelSize(size)
            painter.setFont(font)
            if body.contains(painter.boundingRect(body, flags, self.text)):
                break
            size = int(size * 0.9)
        font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(body, flags, self.text)
        painter.end()
