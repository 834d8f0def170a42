"""The arrows from each rep's place at the previous offsite to today's, drawn as one layer.

Five hundred antialiased arrows cost ~100 ms to draw, so the layer keeps them in one
pixmap at the view's zoom: a full repaint copies it, and moving one rep redraws only
a thin band of small boxes along its old and new arrow (clearing them and drawing the
parts inside them of the few arrows that cross them). Each rep's arrow is a small
:class:`Arrow` record the scene keeps.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from keeper.quadrant.labels import segment_span
from ui.quadrant.geometry import ARROW_PAD_PX, DEFAULT_DOT, DOT_RADIUS, MARGIN, SIZE

PIECE_PX = 24  # a changed arrow is redrawn in boxes about this long (``Arrow.rects``)
MAX_PIECES = 24

CELL = 48.0  # scene units: the arrows' index buckets


class Arrow:
    """One rep's arrow: where it starts and ends (scene units), its colour, shown or not."""

    def __init__(self, layer: ArrowLayer, order: int) -> None:
        self._layer = layer
        self.order = order  # arrows overlap in this order, however they are redrawn
        self.start = QPointF()
        self.end = QPointF()
        self.colour = QColor(DEFAULT_DOT)
        self.visible = True
        self.cells: list[tuple[int, int]] = []  # where the layer's index holds it

    def isVisible(self) -> bool:  # noqa: N802  (the name QGraphicsItem callers expect)
        return self.visible

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        if visible != self.visible:
            self.visible = visible
            self._layer.changed(self.rects())

    def set_line(self, start: QPointF, end: QPointF, colour: QColor) -> None:
        if start == self.start and end == self.end and colour == self.colour:
            return
        before = self.rects()
        self.start, self.end, self.colour = QPointF(start), QPointF(end), QColor(colour)
        self._layer.moved(self)
        after = self.rects()
        if len(before) != len(after):
            self._layer.changed(before + after)
            return
        # A nudge barely moves the arrow: one box for each piece before and after.
        merged = []
        for old, new in zip(before, after, strict=True):
            both = old.united(new)
            if _area(both) <= 1.5 * (_area(old) + _area(new)):
                merged.append(both)
            else:
                merged += [old, new]
        self._layer.changed(merged)

    def rects(self) -> list[QRectF]:
        """A few small boxes that together cover the arrow (scene units): the box of a
        long diagonal arrow would hold dozens of other arrows, each to be drawn again."""
        k = max(self._layer.scale, 0.05)
        pad = ARROW_PAD_PX / k
        line = self.end - self.start
        pieces = max(1, min(MAX_PIECES, int(max(abs(line.x()), abs(line.y())) * k / PIECE_PX)))
        step = line / pieces
        return [QRectF(self.start + step * i, self.start + step * (i + 1)).normalized()
                .adjusted(-pad, -pad, pad, pad) for i in range(pieces)]


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height()


def _cells(a: QPointF, b: QPointF) -> list[tuple[int, int]]:
    """The index cells the box of the segment a-b touches."""
    return [(i, j) for i in range(int(min(a.x(), b.x()) // CELL),
                                  int(max(a.x(), b.x()) // CELL) + 1)
            for j in range(int(min(a.y(), b.y()) // CELL), int(max(a.y(), b.y()) // CELL) + 1)]


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
        self._index: dict[tuple[int, int], set[Arrow]] = {}  # by cells of CELL scene units
        self._added = 0

    def add(self) -> Arrow:
        self._added += 1
        arrow = Arrow(self, self._added)
        self.arrows.append(arrow)
        self.moved(arrow)
        return arrow

    def remove(self, arrow: Arrow) -> None:
        self.arrows.remove(arrow)
        for cell in arrow.cells:
            self._index[cell].discard(arrow)
        self.changed(arrow.rects())

    def moved(self, arrow: Arrow) -> None:
        """Index ``arrow`` where it now is."""
        for cell in arrow.cells:
            self._index[cell].discard(arrow)
        arrow.cells = _cells(arrow.start, arrow.end)
        for cell in arrow.cells:
            self._index.setdefault(cell, set()).add(arrow)

    def near(self, box: QRectF) -> list[Arrow]:
        """The shown arrows that reach into ``box`` (their line, its antialiasing or their
        head may, from just outside), in the order they overlap."""
        pad = ARROW_PAD_PX / max(self.scale, 0.05)
        box = box.adjusted(-pad, -pad, pad, pad)
        found: set[Arrow] = set()
        for cell in _cells(box.topLeft(), box.bottomRight()):
            found |= self._index.get(cell, set())
        return sorted((a for a in found if a.visible and _crossing(a.start, a.end, box)),
                      key=lambda a: a.order)

    def set_scale(self, scale: float) -> None:
        if scale > 0 and scale != self.scale:
            self.scale = scale
            self._pixmap = None  # redrawn whole at the new zoom
            self.update()

    def changed(self, rects: list[QRectF]) -> None:
        if self._pixmap is not None:
            self._dirty += rects
        for rect in rects:
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
            for arrow in self.arrows:
                if arrow.visible:
                    _draw_arrow(painter, (arrow.start - origin) * k, (arrow.end - origin) * k,
                                arrow.colour)
            painter.end()
            return
        # Box by box: clear it, then draw the part inside it of each arrow that crosses it
        # (a plain rectangle clips fastest, and an antialiased line costs its length). A
        # later box that overlaps an earlier one clears and redraws the overlap whole.
        painter.setClipping(True)
        for region in regions:
            box = region.intersected(self._bounds)
            if box.isEmpty():
                continue
            px = self._to_px(box)
            painter.setClipRect(px)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            painter.fillRect(px, Qt.GlobalColor.transparent)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            within = QRectF(px).adjusted(-3, -3, 3, 3)
            for arrow in self.near(box):
                _draw_arrow(painter, (arrow.start - origin) * k, (arrow.end - origin) * k,
                            arrow.colour, within)
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


def _draw_arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor,
                within: QRectF | None = None) -> None:
    """An arrow between two points in pixels, its head at ``end``, clear of both dots;
    only its part inside ``within`` when given (the painter clips there already).
    Plain floats until the end: Qt's point arithmetic costs a microsecond a step."""
    x0, y0, x1, y1 = start.x(), start.y(), end.x(), end.y()
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5
    if length < DOT_RADIUS * 2 + 4:
        return
    ux, uy = dx / length, dy / length
    tip_x, tip_y = x1 - ux * (DOT_RADIUS + 2.5), y1 - uy * (DOT_RADIUS + 2.5)
    ax, ay = x0 + ux * (DOT_RADIUS - 1), y0 + uy * (DOT_RADIUS - 1)
    bx, by = tip_x - ux * 6, tip_y - uy * 6
    span = (0.0, 1.0) if within is None else _span(ax, ay, bx, by, within)
    faded = QColor(colour)
    faded.setAlpha(150)
    if span is not None:
        low, high = span
        painter.setPen(QPen(faded, 1.6))
        painter.drawLine(QPointF(ax + (bx - ax) * low, ay + (by - ay) * low),
                         QPointF(ax + (bx - ax) * high, ay + (by - ay) * high))
    back_x, back_y = tip_x - ux * 9, tip_y - uy * 9
    if within is None or (within.left() <= max(tip_x, back_x) + 5
                          and min(tip_x, back_x) - 5 <= within.right()
                          and within.top() <= max(tip_y, back_y) + 5
                          and min(tip_y, back_y) - 5 <= within.bottom()):
        nx, ny = -uy * 4.5, ux * 4.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(faded)
        painter.drawPolygon(QPolygonF([QPointF(tip_x, tip_y), QPointF(back_x + nx, back_y + ny),
                                       QPointF(back_x - nx, back_y - ny)]))


def _crossing(a: QPointF, b: QPointF, rect: QRectF) -> tuple[float, float] | None:
    """The part of the segment a-b inside ``rect``, as fractions of its length
    (Liang-Barsky clipping); ``None`` when it misses."""
    return _span(a.x(), a.y(), b.x(), b.y(), rect)


def _span(ax: float, ay: float, bx: float, by: float,
          rect: QRectF) -> tuple[float, float] | None:
    return segment_span((ax, ay), (bx, by), (rect.left(), rect.top(), rect.right(),
                                             rect.bottom()))
