"""The quadrant board: a QGraphicsView of skill (x) by motivation (y).

Drawing only; which quadrant a point is in, shares and flags come from
``keeper.quadrant.rules``. The static board (quadrant tints, names, care guidance,
axes) is drawn in ``drawBackground`` and cached by the view; reps are small
items that ignore the view's zoom, so moving one repaints only the few pixels
around it, its arrow and its quadrant count.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from keeper.quadrant.labels import TextArea
from keeper.quadrant.rules import Quadrant
from ui import palette
from ui.quadrant.backdrop import QuadrantText, draw_backdrop, quadrant_texts
from ui.quadrant.geometry import (
    BIG_STEP,
    DOT_RADIUS,
    SIZE,
    SMALL_STEP,
)
from ui.quadrant.labels import box_of
from ui.quadrant.scene import BoardScene

__all__ = ["SIZE", "BoardScene", "BoardView"]


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
        self.setBackgroundBrush(QColor(palette.SURFACE))
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
        self.crowded: frozenset[Quadrant] = frozenset()  # quadrants shown without guidance
        # zoom, each quadrant's guidance lines (pixels), the reps lying on them
        self._crowders: tuple[float, dict[Quadrant, TextArea], dict[Quadrant, set[int]]] \
            | None = None
        self._texts: tuple[float, list[QuadrantText]] | None = None

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
        """Re-place the badges and names for the current zoom, off the quadrants' text
        (a quadrant's guidance is left out where reps lie on it)."""
        scale = self.transform().m11() or 1.0
        crowded = self._crowded(scale)
        if crowded != self.crowded:
            self.crowded = crowded
            self.resetCachedContent()
            self.viewport().update()
        text = [box for t in self.texts() for box in t.boxes(scale, t.quadrant not in crowded)]
        self.board.layout_labels(scale, text)

    def _crowded(self, scale: float) -> frozenset[Quadrant]:
        """The quadrants whose guidance a shown dot, ghost or arrow lies on. Each keeps
        the reps that crowd it, so after an edit only the reps it moved are looked at."""
        board = self.board
        moved = board.moved_since_layout()
        if moved is None or self._crowders is None or self._crowders[0] != scale:
            lines = {t.quadrant: TextArea([box_of(r) for r in t.body_boxes(scale)])
                     for t in self.texts()}
            self._crowders = (scale, lines, {q: set() for q in lines})
            moved = set(board.dots) | set(board.ghosts)
        _scale, lines, crowders = self._crowders
        for rep_id in moved:
            points = [(item.pos().x() * scale, item.pos().y() * scale)
                      for item in (board.dots.get(rep_id), board.ghosts.get(rep_id))
                      if item is not None and item.isVisible()]
            arrow = board.arrows.get(rep_id)
            segments = [((arrow.start.x() * scale, arrow.start.y() * scale),
                         (arrow.end.x() * scale, arrow.end.y() * scale))
                        ] if arrow is not None and arrow.isVisible() else []
            for quadrant, area in lines.items():
                if area.crossed(points, DOT_RADIUS, segments):
                    crowders[quadrant].add(rep_id)
                else:
                    crowders[quadrant].discard(rep_id)
        return frozenset(q for q, reps in crowders.items() if reps)

    # --- the static board ------------------------------------------------------
    def texts(self) -> list[QuadrantText]:
        """The quadrants' text laid out for the current zoom (kept until it changes)."""
        scale = self.transform().m11() or 1.0
        if self._texts is None or self._texts[0] != scale:
            self._texts = (scale, quadrant_texts(scale))
        return self._texts[1]

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor(palette.SURFACE))
        draw_backdrop(painter, self.texts(), self.transform().m11() or 1.0, self.crowded)

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
