"""The day's slides on the projector: a north-star question, or the OKR under review,
large and high contrast; what the room answers stays on the laptop."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from keeper.day.okrs import OkrRow
from ui import palette

BACKGROUND = QColor(palette.PROJECTOR_BG)
TEXT = QColor(palette.PROJECTOR_TEXT)  # 17.9:1 on the background, as the countdown
CAPTION = QColor(palette.PROJECTOR_CAPTION)  # 11:1
# The postmortem's three questions, asked of every OKR (keeper/day/okrs.py fields).
POSTMORTEM_PROMPTS = ("What went well?", "What didn't go well?",
                      "What happened on the sales floor?")


class TextSlide(QWidget):
    """A caption, one text as large as fits, and short lines under it (never cut)."""

    def __init__(self, caption: str, text: str, lines: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.text = text
        self.lines = list(lines)
        self.setAccessibleName(" ".join([f"{caption}: {text}", *self.lines]))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        margin = self.width() * 0.07
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        small = QFont(self.font())
        small.setPixelSize(max(12, int(self.height() * 0.045)))
        painter.setFont(small)
        painter.setPen(CAPTION)
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        painter.drawText(area, top_left, self.caption)
        wrap = Qt.TextFlag.TextWordWrap
        below = painter.boundingRect(area, top_left | wrap, "\n".join(self.lines)) \
            if self.lines else QRectF()
        if self.lines:  # the lines at the foot, as tall as they need
            foot = QRectF(area.left(), area.bottom() - below.height(), area.width(),
                          below.height())
            painter.drawText(foot, top_left | wrap, "\n".join(self.lines))
        body = area.adjusted(0, self.height() * 0.12, 0,
                             -(below.height() + self.height() * 0.04) if self.lines else 0)
        font = QFont(self.font())
        font.setBold(True)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | wrap
        size = max(14, int(self.height() * 0.09))
        while size > 14:  # the largest size at which the whole text fits
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


def question_slide(number: int, count: int, text: str,
                   parent: QWidget | None = None) -> TextSlide:
    """A north-star question alone: its answers stay on the laptop."""
    return TextSlide(f"North-star question {number} of {count}", text, parent=parent)


def okr_slide(number: int, count: int, okr: OkrRow, parent: QWidget | None = None
              ) -> TextSlide:
    """The OKR under review: its objective, target, result and verdict, and the
    postmortem's three questions; what the room says is typed on the laptop."""
    measures = [f"{label}: {value}" for label, value in
                (("Target", okr.target), ("Result", okr.result)) if value]
    lines = ["   ·   ".join(measures)] if measures else []
    lines.append("  ·  ".join(POSTMORTEM_PROMPTS))
    verdict = "" if okr.hit is None else f" · {okr.verdict}"  # not before the room decides
    return TextSlide(f"OKR postmortem {number} of {count}{verdict}", okr.objective, lines,
                     parent)
