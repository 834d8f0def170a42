"""The whiteboard on screen: zoom (Ctrl+wheel, Ctrl+=/-), pan (middle button or
Space+drag), rubber-band select, arrows/Tab between notes, F to fit."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPainter, QPixmap, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from ui.board import navigation, style
from ui.board.scene import BoardScene
from ui.graphics import show_scene

MIN_ZOOM, MAX_ZOOM = 0.04, 4.0
GRID_STEP = 40.0
PIXMAP_CACHE_KB = 48 * 1024  # note caches of a 1,000-note board fitted on a 1080p screen


class BoardCanvas(QGraphicsView):
    """Zoom (Ctrl+wheel, Ctrl+=/-), pan (middle button or Space+drag), rubber-band select,
    arrows/Tab between notes, F to fit."""

    zoom_changed = Signal(float)
    activated = Signal()  # Enter on a selection

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = scene  # keep a Python reference while the view uses it
        show_scene(self, scene)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Opportunities whiteboard")
        self.setAccessibleDescription(
            "Sticky notes grouped in frames. Arrow keys or Tab move between notes; "
            "the Notes list beside it shows the same content as text.")
        self.zoom_changed.connect(scene.set_zoom)
        self._space = False
        self._panning = False
        self.fit_on_next_show = True
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)  # else item caches thrash at 50 %

    # ----- zoom ---------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_center: bool = True) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current <= 0 or math.isclose(current, factor):
            return
        if anchor_center:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor / current, factor / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def fit_all(self) -> None:
        rect = self._scene.content_rect()
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def update_scene_rect(self) -> None:
        self.setSceneRect(self._scene.content_rect().adjusted(-2000, -2000, 2000, 2000))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * (1.15 ** steps)))
                self.scale(factor / self.zoom(), factor / self.zoom())
                self.zoom_changed.emit(self.zoom())
            event.accept()
            return
        super().wheelEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """The canvas and, from 35 % up, a dot every 40 units: one textured fill (a
        tile drawn once), not thousands of points built in Python on every repaint."""
        if self.zoom() < 0.35:
            painter.fillRect(rect, style.CANVAS)
            return
        painter.fillRect(rect, _grid_brush())

    # ----- pan ----------------------------------------------------------------
    def mousePressEvent(self, event: object) -> None:  # noqa: N802
        button = getattr(event, "button", lambda: None)()
        if button == Qt.MouseButton.MiddleButton or (self._space and
                                                     button == Qt.MouseButton.LeftButton):
            self._panning = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            # ScrollHandDrag pans on the left button: replay the press as a left press
            from PySide6.QtGui import QMouseEvent

            assert isinstance(event, QMouseEvent)
            fake = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                               Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                               event.modifiers())
            super().mousePressEvent(fake)
            return
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)  # type: ignore[arg-type]
        if self._panning:
            self._panning = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    # ----- keyboard -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_F and mods == Qt.KeyboardModifier.NoModifier:
            self.fit_all()
            return
        directions = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                      Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in directions and mods == Qt.KeyboardModifier.NoModifier:
            self.step(*directions[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._scene.selectedItems():
            self.activated.emit()
            return
        if key == Qt.Key.Key_Escape and self._scene.selectedItems():
            self._scene.clearSelection()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802
        """Tab walks the notes in reading order; past the last one it leaves the board."""
        if self.hasFocus() and self.cycle(1 if next_ else -1):
            return True
        return super().focusNextPrevChild(next_)

    def _current(self) -> QGraphicsItem | None:
        focus = self._scene.focusItem()
        if focus is not None and focus.isSelected():
            return focus
        selected = self._scene.selectedItems()
        return selected[0] if selected else None

    def cycle(self, direction: int) -> bool:
        items = navigation.reading_order(self._scene)
        if not items:
            return False
        current = self._current()
        if current is None:
            index = 0 if direction > 0 else len(items) - 1
        else:
            try:
                index = items.index(current) + direction
            except ValueError:
                index = 0
            if not 0 <= index < len(items):
                return False
        self.go_to(items[index])
        return True

    def step(self, dx: int, dy: int) -> None:
        current = self._current()
        if current is None:
            self.cycle(1)
            return
        target = navigation.nearest(self._scene.notes.values(), current, dx, dy)
        if target is not None:
            self.go_to(target)

    def go_to(self, item: QGraphicsItem) -> None:
        self._scene.select_only([item])
        self._scene.setFocusItem(item)
        self.ensureVisible(item, 60, 60)


@lru_cache(maxsize=1)
def _grid_brush() -> QBrush:
    """The canvas colour with one grid dot per ``GRID_STEP`` scene units (tiled by Qt)."""
    tile = QPixmap(int(GRID_STEP), int(GRID_STEP))
    tile.fill(style.CANVAS)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.GRID_DOT)
    painter.drawEllipse(QPointF(0.0, 0.0), 2.0, 2.0)
    painter.drawEllipse(QPointF(GRID_STEP, 0.0), 2.0, 2.0)
    painter.drawEllipse(QPointF(0.0, GRID_STEP), 2.0, 2.0)
    painter.drawEllipse(QPointF(GRID_STEP, GRID_STEP), 2.0, 2.0)
    painter.end()
    return QBrush(tile)
