"""The day's slides on the projector (``keeper.day.slides`` says what is on them): large,
high contrast, and kept true to their row while they are up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from keeper.day.slides import Slide
from ui import palette

if TYPE_CHECKING:
    from ui.day.base import Host

BACKGROUND = QColor(palette.PROJECTOR_BG)
TEXT = QColor(palette.PROJECTOR_TEXT)  # 17.9:1 on the background, as the countdown
CAPTION = QColor(palette.PROJECTOR_CAPTION)  # 11:1


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


class SlideOnProjector:
    """The row a tab put on the projector, kept true as the Keeper edits it (the verdict
    decided, the wording fixed) for as long as it stays up. ``slide_of`` reads a row's
    slide from the tab's data (None: the row is gone or is not one to project)."""

    def __init__(self, host: Host, key: str, slide_of: Callable[[int], Slide | None]) -> None:
        self.host, self.key, self.slide_of = host, key, slide_of
        self.row_id: int | None = None
        self._shown: Slide | None = None

    def show(self, row_id: int | None) -> None:
        """Put ``row_id``'s slide on the projector (nothing when it has none)."""
        slide = self.slide_of(row_id) if row_id is not None else None
        if row_id is None or slide is None:
            return
        self.row_id, self._shown = row_id, slide
        self.host.present(self.key, lambda parent: TextSlide(
            slide.caption, slide.text, slide.lines, parent))

    def follow(self) -> None:
        """After the data changed: show the row's slide again if it is up and differs."""
        if self.row_id is None or self.host.presenting() != self.key:
            self.row_id = None
            return
        if self.slide_of(self.row_id) != self._shown:
            self.show(self.row_id)
