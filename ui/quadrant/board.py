"""The quadrant board: a QGraphicsView of skill (x) by motivation (y).

Drawing only; which quadrant a point is in, shares and flags come from
``keeper.quadrant.rules``. The static board (quadrant tints, names, care guidance,
axes) is drawn in ``drawBackground`` and cached by the view; reps are small
items that ignore the view's zoom, so moving one repaints only the few pixels
around it, its arrow and its quadrant count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from keeper.quadrant.rules import MIDPOINT, Quadrant, clamp
from ui.quadrant.labels import label_rect, place_labels

SIZE = 1000.0  # the board is SIZE x SIZE scene units; (0, 0) is low skill, high motivation
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN = 46.0, 46.0, 8.0
DOT_RADIUS = 7.0
ARROW_PAD_PX = 12.0
SMALL_STEP, BIG_STEP = 0.01, 0.05

FILL: dict[Quadrant, QColor] = {
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: QColor("#E5EFFA"),
    Quadrant.HIGH_HIGH: QColor("#E4F3E6"),
    Quadrant.LOW_LOW: QColor("#F1ECF5"),
    Quadrant.BREATHERS: QColor("#FDF0DE"),
}
ACCENT: dict[Quadrant, QColor] = {
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: QColor("#1A5FA8"),
    Quadrant.HIGH_HIGH: QColor("#23703A"),
    Quadrant.LOW_LOW: QColor("#5E3F86"),
    Quadrant.BREATHERS: QColor("#A64B00"),
}
DEFAULT_DOT = QColor("#546E7A")
INK = QColor("#1F2328")
MUTED = QColor("#4A5360")


def to_scene(skill: float, motivation: float) -> QPointF:
    return QPointF(clamp(skill) * SIZE, (1.0 - clamp(motivation)) * SIZE)


def from_scene(point: QPointF) -> tuple[float, float]:
    return clamp(point.x() / SIZE), clamp(1.0 - point.y() / SIZE)


def quadrant_rect(quadrant: Quadrant) -> QRectF:
    half = SIZE * MIDPOINT
    x = half if quadrant.high_skill else 0.0
    y = 0.0 if quadrant.high_motivation else half
    return QRectF(x, y, half, half)


def dot_colour(colour: str | None) -> QColor:
    result = QColor(colour) if colour else QColor()
    return result if result.isValid() else QColor(DEFAULT_DOT)


class PixelItem(QGraphicsItem):
    """An item drawn in screen pixels whatever the zoom, yet indexed in scene units.

    (``ItemIgnoresTransformations`` would do the same, but Qt then checks such items
    one by one on every repaint instead of through its BSP index: 500 reps made each
    drag frame test 1,000 bounding rectangles.)
    """

    def __init__(self) -> None:
        super().__init__()
        self._scale = 1.0
        self._bounds = QRectF()
        self._dirty = True

    def px_bounds(self) -> QRectF:
        raise NotImplementedError

    def paint_px(self, painter: QPainter) -> None:
        raise NotImplementedError

    def set_scale(self, scale: float) -> None:
        if scale > 0 and scale != self._scale:
            self.prepareGeometryChange()
            self._scale = scale
            self._dirty = True

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()
        self._dirty = True

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._dirty:
            px = self.px_bounds()
            k = 1.0 / self._scale
            self._bounds = QRectF(px.left() * k, px.top() * k, px.width() * k, px.height() * k)
            self._dirty = False
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        k = 1.0 / self._scale
        painter.scale(k, k)
        self.paint_px(painter)
        painter.scale(self._scale, self._scale)


class DotItem(PixelItem):
    """One rep: a dot and (where it fits) a name; draggable, selectable."""

    def __init__(self, rep_id: int, board: BoardScene) -> None:
        super().__init__()
        self.rep_id = rep_id
        self._board = board
        self._name = QStaticText("")
        self._name_width = 0.0
        self._colour = QColor(DEFAULT_DOT)
        self.label_side: str | None = "right"  # right, left, above, below or None (no room)
        self._drag_offset: QPointF | None = None
        self._press_pos = QPointF()
        self._scale = board.scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)

    def set_look(self, name: str, colour: QColor) -> None:
        text = name if len(name) <= 40 else name[:39] + "…"
        if text != self._name.text() or colour != self._colour:
            self.geometry_changed()
            self._name = QStaticText(text)
            self._name.setTextFormat(Qt.TextFormat.PlainText)
            self._name.prepare(font=self._board.name_font)
            self._name_width = self._board.name_metrics.horizontalAdvance(text)
            self._colour = colour
            self.setToolTip(text)
            self.update()

    def set_label_side(self, side: str | None) -> None:
        if side != self.label_side:
            self.geometry_changed()
            self.label_side = side
            self.update()

    @property
    def name(self) -> str:
        return self._name.text()

    @property
    def colour(self) -> QColor:
        return self._colour

    def label_size(self) -> tuple[float, float]:
        return self._name_width + 6, self._board.name_metrics.height() + 2

    def label_rect(self) -> QRectF:
        """The name's box relative to the dot's centre (in pixels)."""
        return label_rect(self.label_side or "right", *self.label_size(), DOT_RADIUS)

    def _shows_name(self) -> bool:
        return bool(self._name.text()) and (self.label_side is not None or self.isSelected())

    def px_bounds(self) -> QRectF:
        r = DOT_RADIUS + 3
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        if self._name.text():
            # The name may show while selected even without room: keep it in the rect.
            rect = rect.united(self.label_rect().adjusted(-1, -1, 1, 1))
        return rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = (DOT_RADIUS + 4) / self._scale  # a generous target for a mouse or a finger
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange,  # noqa: N802
                   value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(20 if value else 10)
        return super().itemChange(change, value)

    def paint_px(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        if self._shows_name():
            box = self.label_rect()
            painter.setPen(QPen(QColor("#111111"), 1.2) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 235 if selected else 205))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(INK)
            painter.setFont(self._board.name_font)
            painter.drawStaticText(QPointF(box.left() + 3, box.top() + 1), self._name)
        painter.setPen(QPen(QColor("#111111") if selected else QColor(255, 255, 255),
                            3.0 if selected else 1.5))
        painter.setBrush(self._colour)
        r = DOT_RADIUS + (1.5 if selected else 0)
        painter.drawEllipse(QPointF(0, 0), r, r)

    # --- dragging ----------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        scene = self.scene()
        if scene is not None and not (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            scene.clearSelection()
        self.setSelected(True)
        if self._board.editable:
            self._drag_offset = event.scenePos() - self.pos()
            self._press_pos = self.pos()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag_offset is None:
            return
        target = event.scenePos() - self._drag_offset
        self._board.move_dot(self, to_scene(*from_scene(target)))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag_offset is None:
            return
        self._drag_offset = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self.pos() != self._press_pos:
            self._board.dropped(self)


class GhostItem(PixelItem):
    """The rep's place at the previous offsite: a faded hollow dot."""

    def __init__(self) -> None:
        super().__init__()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self._colour = QColor(DEFAULT_DOT)

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def px_bounds(self) -> QRectF:
        r = DOT_RADIUS
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint_px(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self._colour)
        colour.setAlpha(110)
        fill = QColor(self._colour)
        fill.setAlpha(40)
        painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(0, 0), DOT_RADIUS - 1.5, DOT_RADIUS - 1.5)


class ArrowItem(QGraphicsItem):
    """From the previous offsite's place to today's, with a head at today's end."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1)
        # Antialiased lines are the costliest thing on the board, and a long arrow's
        # bounding box meets many small repaints its line never crosses: skip those.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._start = QPointF()
        self._end = QPointF()
        self._colour = QColor(DEFAULT_DOT)
        self._scale = 1.0

    def set_scale(self, scale: float) -> None:
        if scale != self._scale:
            self.prepareGeometryChange()
            self._scale = scale

    def set_line(self, start: QPointF, end: QPointF, colour: QColor) -> None:
        if start != self._start or end != self._end:
            self.prepareGeometryChange()
            self._start, self._end = QPointF(start), QPointF(end)
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        pad = ARROW_PAD_PX / max(self._scale, 0.05)  # the head and the pen, in pixels
        return QRectF(self._start, self._end).normalized().adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pad = ARROW_PAD_PX / max(self._scale, 0.05)
        if not _segment_meets(self._start, self._end,
                              option.exposedRect.adjusted(-pad, -pad, pad, pad)):  # type: ignore[attr-defined]
            return
        transform = painter.worldTransform()
        start, end = transform.map(self._start), transform.map(self._end)
        line = end - start
        length = (line.x() ** 2 + line.y() ** 2) ** 0.5
        if length < DOT_RADIUS * 2 + 4:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = QPointF(line.x() / length, line.y() / length)
        tip = end - unit * (DOT_RADIUS + 2.5)
        base = start + unit * (DOT_RADIUS - 1)
        colour = QColor(self._colour)
        colour.setAlpha(150)
        painter.setPen(QPen(colour, 1.6))
        painter.drawLine(base, tip - unit * 6)
        normal = QPointF(-unit.y(), unit.x())
        head = QPolygonF([tip, tip - unit * 9 + normal * 4.5, tip - unit * 9 - normal * 4.5])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(head)
        painter.restore()


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


class CountItem(PixelItem):
    """A quadrant's count and share, e.g. ``7 reps · 25%``; repaints only itself."""

    def __init__(self, quadrant: Quadrant) -> None:
        super().__init__()
        self.quadrant = quadrant
        self.setZValue(5)
        self.text = ""
        self._font = QFont()
        self._font.setPointSizeF(11)
        self._font.setBold(True)
        self._metrics = QFontMetricsF(self._font)
        self._width = 0.0

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.geometry_changed()
            self.text = text
            self._width = self._metrics.horizontalAdvance(text)

    def px_bounds(self) -> QRectF:
        # anchored at the item's position by its right edge (right quadrants) or left edge
        height = self._metrics.height() + 8
        width = self._width + 16
        y = 0.0 if self.quadrant.high_motivation else -height
        return QRectF(-width, y, width, height)

    def paint_px(self, painter: QPainter) -> None:
        if not self.text:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.px_bounds()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT[self.quadrant])
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(self._font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


def _title_fonts() -> tuple[QFont, QFont]:
    title = QFont()
    title.setPixelSize(15)
    title.setBold(True)
    axes = QFont()
    axes.setPixelSize(11)
    return title, axes


def title_rows(scale: float) -> list[QRectF]:
    """Where each quadrant's name and axes are drawn, in view pixels (names keep off)."""
    title_font, axes_font = _title_fonts()
    title, axes = QFontMetricsF(title_font), QFontMetricsF(axes_font)
    rows = []
    for quadrant in Quadrant:
        rect = quadrant_rect(quadrant)
        width = max(title.horizontalAdvance(quadrant.label), axes.horizontalAdvance(quadrant.axes))
        height = title.lineSpacing() + axes.lineSpacing()
        left = rect.left() * scale + 18 * scale
        top = (rect.top() + 16) * scale if quadrant.high_motivation else \
            (rect.bottom() - 16) * scale - height
        rows.append(QRectF(left, top, width, height))
    return rows


class BoardScene(QGraphicsScene):
    """Holds the rep items; the view decides what they show."""

    dot_dropped = Signal(int, float, float)  # rep id, skill, motivation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSceneRect(QRectF(-MARGIN_LEFT, -MARGIN, SIZE + MARGIN_LEFT + MARGIN,
                                 SIZE + MARGIN + MARGIN_BOTTOM))
        self.editable = True
        self.name_font = QFont()
        self.name_font.setPointSizeF(9.5)
        self.name_metrics = QFontMetricsF(self.name_font)
        self.dots: dict[int, DotItem] = {}
        self.ghosts: dict[int, GhostItem] = {}
        self.arrows: dict[int, ArrowItem] = {}
        self.counts: dict[Quadrant, CountItem] = {}
        self.previous: dict[int, QPointF] = {}
        self.scale = 1.0  # view pixels per scene unit, set by the view
        self.on_move: Callable[[int, float, float], None] | None = None
        for quadrant in Quadrant:
            item = CountItem(quadrant)
            rect = quadrant_rect(quadrant)
            x = rect.right() - 12
            y = rect.top() + 12 if quadrant.high_motivation else rect.bottom() - 12
            item.setPos(x, y)
            self.addItem(item)
            self.counts[quadrant] = item

    def dot(self, rep_id: int) -> DotItem:
        item = self.dots.get(rep_id)
        if item is None:
            item = DotItem(rep_id, self)
            self.addItem(item)
            self.dots[rep_id] = item
        return item

    def remove_dot(self, rep_id: int) -> None:
        for table in (self.dots, self.ghosts, self.arrows):
            item = table.pop(rep_id, None)  # type: ignore[attr-defined]
            if item is not None:
                self.removeItem(item)
        self.previous.pop(rep_id, None)

    def set_history(self, rep_id: int, point: QPointF | None, colour: QColor,
                    visible: bool) -> None:
        """Where the rep was at the previous offsite (``None``: not placed then)."""
        if point is None:
            for table in (self.ghosts, self.arrows):
                item = table.pop(rep_id, None)  # type: ignore[attr-defined]
                if item is not None:
                    self.removeItem(item)
            self.previous.pop(rep_id, None)
            return
        self.previous[rep_id] = QPointF(point)
        ghost = self.ghosts.get(rep_id)
        if ghost is None:
            ghost = self.ghosts[rep_id] = GhostItem()
            ghost.set_scale(self.scale)
            self.addItem(ghost)
            arrow = self.arrows[rep_id] = ArrowItem()
            arrow.set_scale(self.scale)
            self.addItem(arrow)
        arrow = self.arrows[rep_id]
        if ghost.pos() != point:
            ghost.setPos(point)
        ghost.set_colour(colour)
        ghost.setVisible(visible)
        dot = self.dots.get(rep_id)
        arrow.set_line(point, dot.pos() if dot else point, colour)
        arrow.setVisible(visible and dot is not None and dot.isVisible())

    def move_dot(self, dot: DotItem, point: QPointF) -> None:
        if dot.pos() == point:
            return
        dot.setPos(point)
        arrow = self.arrows.get(dot.rep_id)
        if arrow is not None:
            start = self.previous.get(dot.rep_id, point)
            arrow.set_line(start, point, dot.colour)
        if self.on_move is not None:
            self.on_move(dot.rep_id, *from_scene(point))

    def dropped(self, dot: DotItem) -> None:
        skill, motivation = from_scene(dot.pos())
        self.dot_dropped.emit(dot.rep_id, skill, motivation)

    def layout_labels(self, scale: float) -> None:
        """Give each visible name a side where it overlaps no other name, dot or count
        badge; a name with no room is hidden (its tooltip and the Reps list have it)."""
        if scale != self.scale:
            self.scale = scale
            for table in (self.arrows, self.ghosts, self.dots, self.counts):
                for item in table.values():  # type: ignore[attr-defined]
                    item.set_scale(scale)
        dots = [d for d in self.dots.values() if d.isVisible()]
        dots.sort(key=lambda d: (not d.isSelected(), d.pos().y(), d.pos().x()))
        centres = [QPointF(d.pos().x() * scale, d.pos().y() * scale) for d in dots]
        badges = [item.px_bounds().translated(item.pos().x() * scale, item.pos().y() * scale)
                  for item in self.counts.values()]
        sides = place_labels(centres, [d.label_size() for d in dots], DOT_RADIUS,
                             QRectF(0, 0, SIZE * scale, SIZE * scale),
                             badges + title_rows(scale))
        for dot, side in zip(dots, sides, strict=True):
            dot.set_label_side(side)

    def selected_rep(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, DotItem):
                return item.rep_id
        return None


def _wrap(text: str, width: float) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextWidth(width)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    static.setTextOption(option)
    return static


class BoardView(QGraphicsView):
    """The square board, fitted to the widget; arrow keys nudge the selected rep."""

    nudge_requested = Signal(int, float, float)  # rep id, dx, dy (board units)
    cycle_requested = Signal(int)  # +1 / -1: select the next / previous rep
    remove_requested = Signal(int)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("white"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Motivation and skill board")
        self.setAccessibleDescription(
            "Reps by skill (left to right) and motivation (bottom to top). Arrow keys move the "
            "selected rep, Shift+arrows in bigger steps; [ and ] select the previous or next "
            "rep. The Reps list beside the board lists everyone with their quadrant."
        )
        self.setToolTip(
            "Drag a rep to place them. Arrow keys nudge the selected rep (Shift: bigger "
            "steps); [ / ] select the previous / next rep; Delete takes them off the board."
        )
        self.guidance_visible = True
        self._badge_width = 110.0  # pixels kept free for the count badge on the title row

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 640)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fitInView(self.board.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.resetCachedContent()
        self.relayout()

    def relayout(self) -> None:
        """Re-place the names for the current zoom."""
        self.board.layout_labels(self.transform().m11() or 1.0)

    # --- the static board ------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for quadrant in Quadrant:
            painter.fillRect(quadrant_rect(quadrant), FILL[quadrant])
        scale = self.transform().m11() or 1.0
        for quadrant in Quadrant:
            self._draw_quadrant_text(painter, quadrant, scale)
        # Axes through the middle and the frame.
        painter.setPen(QPen(QColor("#8A94A3"), 2.0 / scale))
        half = SIZE * MIDPOINT
        painter.drawLine(QPointF(half, 0), QPointF(half, SIZE))
        painter.drawLine(QPointF(0, half), QPointF(SIZE, half))
        painter.setPen(QPen(QColor("#B8C0CC"), 1.0 / scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, SIZE, SIZE))
        self._draw_axis_labels(painter, scale)

    def _draw_quadrant_text(self, painter: QPainter, quadrant: Quadrant, scale: float) -> None:
        """Name, axes and care guidance on the quadrant's outer edge (top or bottom),
        leaving the title row's right end to the count badge."""
        rect = quadrant_rect(quadrant).adjusted(18, 16, -18, -16)
        title_font, axes_font = _title_fonts()
        title_font.setPixelSize(max(1, round(15 / scale)))
        axes_font.setPixelSize(max(1, round(11 / scale)))
        body_font = QFont()
        body_font.setPixelSize(max(1, round(11.5 / scale)))
        narrow = rect.width() - (self._badge_width + 14) / scale
        title = _wrap(quadrant.label, narrow)
        title.prepare(font=title_font)
        axes = _wrap(quadrant.axes, narrow)
        axes.prepare(font=axes_font)
        body = _wrap(quadrant.guidance if self.guidance_visible else "", rect.width())
        body.prepare(font=body_font)
        gap = 5 / scale
        head = title.size().height() + axes.size().height()
        x = rect.left()
        if quadrant.high_motivation:  # title row at the top, guidance under it
            head_y, body_y = rect.top(), rect.top() + head + gap
        else:  # title row at the bottom, guidance above it
            head_y = rect.bottom() - head
            body_y = head_y - gap - body.size().height()
        painter.setPen(ACCENT[quadrant])
        painter.setFont(title_font)
        painter.drawStaticText(QPointF(x, head_y), title)
        painter.setFont(axes_font)
        painter.drawStaticText(QPointF(x, head_y + title.size().height()), axes)
        painter.setPen(MUTED)
        painter.setFont(body_font)
        painter.drawStaticText(QPointF(x, body_y), body)

    def _draw_axis_labels(self, painter: QPainter, scale: float) -> None:
        font = QFont()
        font.setPixelSize(max(1, round(12 / scale)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(MUTED)
        below = QRectF(0, SIZE + 4, SIZE, MARGIN_BOTTOM - 8)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "low")
        painter.drawText(below, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "high")
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, "Skill  →")
        painter.save()
        painter.translate(-MARGIN_LEFT + 4, SIZE)
        painter.rotate(-90)
        left = QRectF(0, 0, SIZE, MARGIN_LEFT - 8)
        painter.drawText(left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "low")
        painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "high")
        painter.drawText(left, Qt.AlignmentFlag.AlignCenter, "Motivation  →")
        painter.restore()

    # --- keyboard ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        rep_id = self.board.selected_rep()
        steps = {
            Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1),
        }
        if key in steps:
            if rep_id is not None and self.board.editable:
                big = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                step = BIG_STEP if big else SMALL_STEP
                dx, dy = steps[key]  # type: ignore[index]
                self.nudge_requested.emit(rep_id, dx * step, dy * step)
            event.accept()
            return
        if key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft):
            self.cycle_requested.emit(1 if key == Qt.Key.Key_BracketRight else -1)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and rep_id is not None:
            if self.board.editable:
                self.remove_requested.emit(rep_id)
            event.accept()
            return
        super().keyPressEvent(event)

