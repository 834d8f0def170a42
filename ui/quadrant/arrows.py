"""The arrows from each rep's place at the previous offsite to today's, drawn as one layer.

Five hundred antialiased arrows cost ~100 ms to draw, so the layer keeps them in one
pixmap at the view's zoom: a full repaint copies it, and moving one rep redraws only
the strip its old and new arrow cover (clearing it and drawing the few arrows that
cross it). Each rep's arrow is a small :class:`Arrow` record the scene keeps.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.quadrant.geometry import ARROW_PAD_PX, DEFAULT_DOT, DOT_RADIUS, MARGIN, SIZE


class Arrow:
    """One rep's arrow: where it starts and ends (scene units), its colour, shown or not."""

    def __init__(self, layer: ArrowLayer) -> None:
        self._layer = layer
        self.start = QPointF()
        self.end = QPointF()
        self.colour = QColor(DEFAULT_DOT)
        self.visible = True

    def isVisible(self) -> bool:  # noqa: N802  (the name QGraphicsItem callers expect)
        return self.visible

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        if visible != self.visible:
            self.visible = visible
            self._layer.changed(self.rect())

    def set_line(self, start: QPointF, end: QPointF, colour: QColor) -> None:
        if start == self.start and end == self.end and colour == self.colour:
            return
        before = self.rect()
        self.start, self.end, self.colour = QPointF(start), QPointF(end), QColor(colour)
        self._layer.changed(before.united(self.rect()))

    def rect(self) -> QRectF:
        pad = ARROW_PAD_PX / max(self._layer.scale, 0.05)
        return QRectF(self.start, self.end).normalized().adjusted(-pad, -pad, pad, pad)


class ArrowLayer(QGraphicsItem):
    """All the arrows, in one pixmap at the current zoom (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1)
        # A dot's small repaint copies only the pixels it exposes, not the whole board.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.arrows: list[Arrow] = []
        self.scale = 1.0
        self._pixmap: QPixmap | None = None
        self._dirty: list[QRectF] = []
        self._bounds = QRectF(-MARGIN, -MARGIN, SIZE + 2 * MARGIN, SIZE + 2 * MARGIN)

    def add(self) -> Arrow:
        arrow = Arrow(self)
        self.arrows.append(arrow)
        return arrow

    def remove(self, arrow: Arrow) -> None:
        self.arrows.remove(arrow)
        self.changed(arrow.rect())

    def set_scale(self, scale: float) -> None:
        if scale > 0 and scale != self.scale:
            self.scale = scale
            self._pixmap = None  # redrawn whole at the new zoom
            self.update()

    def changed(self, rect: QRectF) -> None:
        if self._pixmap is not None:
            self._dirty.append(QRectF(rect))
        self.update(rect)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def _to_px(self, rect: QRectF) -> QRect:
        k, origin = self.scale, self._bounds.topLeft()
        return QRectF((rect.left() - origin.x()) * k, (rect.top() - origin.y()) * k,
                      rect.width() * k, rect.height() * k).toAlignedRect()

    def _render(self, regions: Iterable[QRectF] | None) -> None:
        """Draw the arrows into the pixmap: all of them, or only inside ``regions``."""
        k = self.scale
        if self._pixmap is None:
            size = self._to_px(self._bounds).size()
            self._pixmap = QPixmap(max(1, size.width()), max(1, size.height()))
            self._pixmap.fill(Qt.GlobalColor.transparent)
            regions = None
        painter = QPainter(self._pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        origin = self._bounds.topLeft()
        if regions is None:
            todo = [a for a in self.arrows if a.visible]
        else:
            boxes = [r.intersected(self._bounds) for r in regions]
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            for box in boxes:
                painter.fillRect(self._to_px(box), Qt.GlobalColor.transparent)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            clip = QRect()
            for box in boxes:
                clip = clip.united(self._to_px(box))
            painter.setClipRect(clip)
            todo = [a for a in self.arrows if a.visible
                    and any(_segment_meets(a.start, a.end, b) for b in boxes)]
        for arrow in todo:
            start = (arrow.start - origin) * k
            end = (arrow.end - origin) * k
            _draw_arrow(painter, start, end, arrow.colour)
        painter.end()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._pixmap is None:
            self._render(None)
            self._dirty = []
        elif self._dirty:
            dirty, self._dirty = self._dirty, []
            self._render(dirty)
        assert self._pixmap is not None
        exposed = option.exposedRect.intersected(self._bounds)  # type: ignore[attr-defined]
        source = self._to_px(exposed).intersected(self._pixmap.rect())
        if source.isEmpty():
            return
        transform = painter.worldTransform()
        top_left = transform.map(self._bounds.topLeft())
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(QPointF(round(top_left.x()) + source.x(),
                                   round(top_left.y()) + source.y()), self._pixmap, source)
        painter.restore()


def _draw_arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
    """An arrow between two points in pixels, its head at ``end``, clear of both dots."""
    line = end - start
    length = (line.x() ** 2 + line.y() ** 2) ** 0.5
    if length < DOT_RADIUS * 2 + 4:
        return
    unit = QPointF(line.x() / length, line.y() / length)
    tip = end - unit * (DOT_RADIUS + 2.5)
    base = start + unit * (DOT_RADIUS - 1)
    faded = QColor(colour)
    faded.setAlpha(150)
    painter.setPen(QPen(faded, 1.6))
    painter.drawLine(base, tip - unit * 6)
    normal = QPointF(-unit.y(), unit.x())
    head = QPolygonF([tip, tip - unit * 9 + normal * 4.5, tip - unit * 9 - normal * 4.5])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(faded)
    painter.drawPolygon(head)


def _segment_meets(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    """Whether the segment a-b crosses ``rect`` (Liang-Barsky clipping)."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    low, high = 0.0, 1.0
    for p, q in ((-dx, a.x() - rect.left()), (dx, rect.right() - a.x()),
                 (-dy, a.y() - rect.top()), (dy, rect.bottom() - a.y())):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
