"""The quadrant board: a QGraphicsView of skill (x) by motivation (y).

Drawing only; which quadrant a point is in, shares and flags come from
``keeper.quadrant.rules``. The static board (quadrant tints, names, care guidance,
axes) is drawn in ``drawBackground`` and cached by the view; reps are small
items that ignore the view's zoom, so moving one repaints only the few pixels
around it, its arrow and its quadrant count.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from keeper.quadrant.rules import MIDPOINT, Quadrant
from ui.quadrant.geometry import (
    ACCENT,
    BIG_STEP,
    FILL,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MUTED,
    SIZE,
    SMALL_STEP,
    quadrant_rect,
    title_fonts,
)
from ui.quadrant.scene import BoardScene

__all__ = ["SIZE", "BoardScene", "BoardView"]


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
        title_font, axes_font = title_fonts()
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
