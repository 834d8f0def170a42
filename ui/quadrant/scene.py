"""The quadrant board's scene: holds the rep items and lays out their names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene, QWidget

from keeper.quadrant.labels import Box, LabelLayout
from keeper.quadrant.rules import Quadrant
from ui.quadrant.arrows import Arrow, ArrowLayer
from ui.quadrant.geometry import (
    DOT_RADIUS,
    MARGIN,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    SIZE,
    from_scene,
    quadrant_rect,
)
from ui.quadrant.items import CountItem, DotItem, GhostItem
from ui.quadrant.labels import box_of


class BoardScene(QGraphicsScene):
    """Holds the rep items; the view decides what they show."""

    dot_dropped = Signal(int, float, float)  # rep id, skill, motivation
    labels_placed = Signal()  # after a layout: ``unlabelled`` is current

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
        self.arrows: dict[int, Arrow] = {}
        self.arrow_layer = ArrowLayer()
        self.addItem(self.arrow_layer)
        self.counts: dict[Quadrant, CountItem] = {}
        self.previous: dict[int, QPointF] = {}
        self.scale = 1.0  # view pixels per scene unit, set by the view
        self.on_move: Callable[[int, float, float], None] | None = None
        self.unlabelled: list[str] = []  # names with no room beside their dot
        self._layout: LabelLayout | None = None  # the names' last layout
        self._unplaced: set[int] = set()  # its names with no room, as last listed
        self._moved: set[int] | None = None  # since then (None: lay out all again)
        self._laid_out: tuple[float, list[Box], list[Box]] | None = None  # zoom, text, badges
        for quadrant in Quadrant:
            item = self.counts[quadrant] = CountItem(quadrant)
            item.setPos(self.badge_spots(quadrant, 1.0)[0][0])
            self.addItem(item)

    def dot(self, rep_id: int) -> DotItem:
        item = self.dots.get(rep_id)
        if item is None:
            item = DotItem(rep_id, self)
            self.addItem(item)
            self.dots[rep_id] = item
        return item

    def remove_dot(self, rep_id: int) -> None:
        for table in (self.dots, self.ghosts):
            item = table.pop(rep_id, None)  # type: ignore[attr-defined]
            if item is not None:
                self.removeItem(item)
        self._remove_arrow(rep_id)
        self.previous.pop(rep_id, None)

    def _remove_arrow(self, rep_id: int) -> None:
        arrow = self.arrows.pop(rep_id, None)
        if arrow is not None:
            self.arrow_layer.remove(arrow)

    def set_history(self, rep_id: int, point: QPointF | None, colour: QColor,
                    visible: bool) -> None:
        """Where the rep was at the previous offsite (``None``: not placed then)."""
        if point is None:
            ghost = self.ghosts.pop(rep_id, None)
            if ghost is not None:
                self.removeItem(ghost)
            self._remove_arrow(rep_id)
            self.previous.pop(rep_id, None)
            return
        self.previous[rep_id] = QPointF(point)
        ghost = self.ghosts.get(rep_id)
        if ghost is None:
            ghost = self.ghosts[rep_id] = GhostItem()
            ghost.set_scale(self.scale)
            self.addItem(ghost)
        arrow = self.arrows.get(rep_id)
        if arrow is None:
            arrow = self.arrows[rep_id] = self.arrow_layer.add()
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

    def badge_spots(self, quadrant: Quadrant, scale: float) -> list[tuple[QPointF, bool]]:
        """Where a quadrant's count badge may go, best first: its outer right corner
        (beside the title), the inner corners, the middle of the inner edge;
        ``(anchor, hangs down)`` in scene units (the anchor is the badge's right end)."""
        rect = quadrant_rect(quadrant)
        width = self.counts[quadrant].px_bounds().width() / scale
        outer_y, inner_y = (rect.top() + 12, rect.bottom() - 12) if quadrant.high_motivation \
            else (rect.bottom() - 12, rect.top() + 12)
        down = quadrant.high_motivation
        right, left = rect.right() - 12, rect.left() + 12 + width
        return [(QPointF(right, outer_y), down), (QPointF(right, inner_y), not down),
                (QPointF(left, inner_y), not down),
                (QPointF((right + left) / 2, inner_y), not down)]

    def mark_moved(self, rep_ids: Iterable[int] | None) -> None:
        """The reps an edit moved, for the next layout (``None``: lay out every name)."""
        if rep_ids is None:
            self._moved = None
        elif self._moved is not None:
            self._moved |= set(rep_ids)

    def moved_since_layout(self) -> set[int] | None:
        """The reps moved since the names were last laid out (``None``: all of them)."""
        return None if self._moved is None or self._layout is None else set(self._moved)

    def layout_labels(self, scale: float, text: Sequence[QRectF] = ()) -> None:
        """Put each count badge where no dot covers it, then give each visible name a
        side where it overlaps no other name, dot, badge or quadrant ``text`` (view
        pixels); a name with no room is hidden and listed in ``unlabelled``. After an
        edit that moved a few reps (``mark_moved``) only their neighbourhood is redone."""
        if scale != self.scale:
            self.scale = scale
            self.arrow_layer.set_scale(scale)
            for table in (self.ghosts, self.dots, self.counts):
                for item in table.values():  # type: ignore[attr-defined]
                    item.set_scale(scale)
        text_boxes = [box_of(r) for r in text]
        layout, moved, laid_out = self._layout, self._moved, self._laid_out
        if layout is None or moved is None or laid_out is None \
                or laid_out[:2] != (scale, text_boxes):
            self._lay_out_all(scale, text_boxes)
            return
        changed: set[int] = set()
        for rep_id in moved:
            dot = self.dots.get(rep_id)
            if dot is None or not dot.isVisible():
                changed |= layout.move(rep_id, None)
            else:
                changed |= layout.move(
                    rep_id, (dot.pos().x() * scale, dot.pos().y() * scale), dot.label_size(),
                    dot.isSelected())
        if self._badge_boxes(layout, scale, text_boxes) != laid_out[2]:
            self._lay_out_all(scale, text_boxes)  # a badge moved or grew: names around it too
            return
        self._moved = set()
        self._show_sides(layout, changed)

    def _badge_boxes(self, layout: LabelLayout, scale: float, text: list[Box]) -> list[Box]:
        """Place the count badges off the dots in ``layout``; their boxes in pixels."""
        spots = {q: self.badge_spots(q, scale) for q in self.counts}
        candidates = [[box_of(self.counts[q].px_bounds(down).translated(p * scale))
                       for p, down in spots[q]] for q in self.counts]
        chosen = layout.badges(candidates, text)
        for (quadrant, item), index in zip(self.counts.items(), chosen, strict=True):
            item.place(*spots[quadrant][index])
        return [box_of(item.px_bounds().translated(item.pos() * scale))
                for item in self.counts.values()]

    def _lay_out_all(self, scale: float, text: list[Box]) -> None:
        dots = [d for d in self.dots.values() if d.isVisible()]
        dots.sort(key=lambda d: (d.pos().y(), d.pos().x()))
        placed = [(d.rep_id, (d.pos().x() * scale, d.pos().y() * scale), d.label_size())
                  for d in dots]
        bounds = (0.0, 0.0, SIZE * scale, SIZE * scale)
        layout = LabelLayout(DOT_RADIUS, bounds)
        layout.add_dots(placed)  # the badges go where no dot is, then the names around all
        badges = self._badge_boxes(layout, scale, text)
        layout.add_walls(badges + text)
        layout.place_all((), {d.rep_id for d in dots if d.isSelected()})
        self._layout, self._moved, self._laid_out = layout, set(), (scale, text, badges)
        self._show_sides(layout, {d.rep_id for d in dots}, everything=True)

    def _show_sides(self, layout: LabelLayout, rep_ids: set[int],
                    everything: bool = False) -> None:
        """Give the dots of ``rep_ids`` their sides; list the names with no room."""
        for dot in (self.dots[r] for r in rep_ids if r in self.dots):
            dot.set_label_side(layout.sides.get(dot.rep_id))
        if not everything and layout.unplaced == self._unplaced:
            return  # the same names without room: the list under the board stands
        self._unplaced = set(layout.unplaced)
        self.unlabelled = [self.dots[r].name for r in layout.unplaced
                           if r in self.dots and self.dots[r].name]
        self.labels_placed.emit()

    def selected_rep(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, DotItem):
                return item.rep_id
        return None
