"""The items on the quadrant board: a rep's dot and name, the faded dot and arrow
from the previous offsite, and each quadrant's count badge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from keeper.quadrant.rules import Quadrant
from ui import palette
from ui.quadrant.geometry import (
    ACCENT,
    DEFAULT_DOT,
    DOT_RADIUS,
    INK,
    from_scene,
    to_scene,
)
from ui.quadrant.labels import label_rect

if TYPE_CHECKING:
    from ui.quadrant.scene import BoardScene


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
            painter.setPen(QPen(QColor(palette.INK_DOT_LABEL), 1.2) if selected
                           else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.DOT_LABEL_BG_SELECTED if selected
                                    else palette.DOT_LABEL_BG))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(INK)
            painter.setFont(self._board.name_font)
            painter.drawStaticText(QPointF(box.left() + 3, box.top() + 1), self._name)
        painter.setPen(QPen(QColor(palette.INK_DOT_LABEL) if selected else QColor(palette.SURFACE),
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


class CountItem(PixelItem):
    """A quadrant's count and share, e.g. ``7 reps · 25%``; repaints only itself."""

    def __init__(self, quadrant: Quadrant) -> None:
        super().__init__()
        self.quadrant = quadrant
        self.hang_down = quadrant.high_motivation
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

    def px_bounds(self, hang_down: bool | None = None) -> QRectF:
        """Anchored at the item's position by its right edge, hanging down from it
        (or standing on it) as the board placed it."""
        height = self._metrics.height() + 8
        width = self._width + 16
        down = self.hang_down if hang_down is None else hang_down
        return QRectF(-width, 0.0 if down else -height, width, height)

    def place(self, pos: QPointF, hang_down: bool) -> None:
        if hang_down != self.hang_down:
            self.geometry_changed()
            self.hang_down = hang_down
        if pos != self.pos():
            self.setPos(pos)

    def paint_px(self, painter: QPainter) -> None:
        if not self.text:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.px_bounds()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT[self.quadrant])
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor(palette.ON_ACCENT))
        painter.setFont(self._font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
