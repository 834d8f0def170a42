"""The preview of what another view has put on the projector (the board, the quadrant,
a question, the room's join screen): the audience window's own widget, painted small.

Painted from the very widget the room sees, so the preview can never show more than
the projector (no author, no rep's name) nor something else.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from ui import palette


class PresentedPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName("Preview of the projector")
        self.source: QWidget | None = None
        self._picture = QPixmap()

    def show_widget(self, widget: QWidget, size: QSize) -> None:
        """Paint ``widget`` as the projector shows it at ``size``, scaled to this preview."""
        self.source = widget
        if widget.size() != size:  # a hidden audience window has not laid it out yet
            widget.resize(size)
        scale = min(self.width() / max(1, size.width()), self.height() / max(1, size.height()))
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(QColor(palette.PROJECTOR_BG))
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate((self.width() - size.width() * scale) / 2,
                          (self.height() - size.height() * scale) / 2)
        painter.scale(scale, scale)
        widget.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren
                      | QWidget.RenderFlag.DrawWindowBackground)
        painter.end()
        self._picture = picture
        self.update()

    def forget(self) -> None:
        self.source = None
        self._picture = QPixmap()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        if self._picture.isNull():
            painter.fillRect(self.rect(), QColor(palette.PROJECTOR_BG))
        else:
            painter.drawPixmap(0, 0, self._picture)
        painter.end()
