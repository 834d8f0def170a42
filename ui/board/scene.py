"""The whiteboard's scene: one item per note and cluster kept in step with ``BoardData``,
selection helpers, and drags reported as moves (the view turns them into edits).

Qt trap (DESIGN.md): the scene keeps its default BSP index, and the view that
shows it keeps a Python reference to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent, QWidget

from keeper import board as bo
from keeper.board.geometry import cluster_bounds
from keeper.board.patch import BoardPatch
from keeper.board.tally import IdeaKind, TallyMode
from ui.board import style
from ui.board.cluster_item import ClusterItem
from ui.board.note_item import READABLE_LOD, NoteItem

ItemT = TypeVar("ItemT", NoteItem, ClusterItem)


class BoardScene(QGraphicsScene):
    """Holds one item per note and cluster and keeps them in step with ``BoardData``."""

    moved = Signal(object, object, object)  # note moves [(id, x, y)], cluster moves, drop point
    context_menu = Signal(object)  # screen position

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.notes: dict[int, NoteItem] = {}
        self.clusters: dict[int, ClusterItem] = {}
        self.data: bo.BoardData | None = None
        self.show_authors = True
        self._direct: dict[int, set[int]] = {}  # note -> who supports it directly
        self._counts: dict[int, int] = {}  # cluster -> its tally count
        self._press: dict[QGraphicsItem, QPointF] = {}
        self._hover: ClusterItem | None = None
        self._raised: list[QGraphicsItem] = []
        self._overview = False  # zoomed out below the readable zoom
        self.setBackgroundBrush(style.CANVAS)
        self.selectionChanged.connect(self._raise_selected)

    def _raise_selected(self) -> None:
        """Selected notes are drawn above the others (so a drag is never hidden)."""
        for item in self._raised:
            if item.scene() is self and not item.isSelected():
                item.setZValue(1)
        self._raised = [i for i in self.selectedItems() if isinstance(i, NoteItem)]
        for item in self._raised:
            item.setZValue(2)

    # ----- sync -------------------------------------------------------------------
    def set_data(self, data: bo.BoardData, show_authors: bool = True) -> None:
        """Bring every item in step with ``data`` (creating and dropping items as needed)."""
        self.data, self.show_authors = data, show_authors
        self._direct = _direct_support(data)
        self._counts = _cluster_counts(data)
        seen = {n.id for n in data.notes}
        self._sync_notes(data.notes)
        self._drop_others(self.notes, seen)
        self._sync_clusters(data, data.clusters)
        self._drop_others(self.clusters, {c.id for c in data.clusters})

    def patch(self, patch: BoardPatch) -> None:
        """Redraw only what an edit changed: its notes and groups, the groups its notes left
        or joined, and the notes and groups whose support count moved."""
        assert self.data is not None, "patch a board that was set"
        data = self.data = patch.data
        notes = {n.id: n for n in data.notes}
        touched_notes = set(patch.notes)
        clusters = set(patch.clusters)
        present = {c.id for c in data.clusters}
        # a group's count follows its notes and its own votes: recount when they change
        regrouped = any((i in self.clusters) != (i in present) for i in clusters)
        for note_id in patch.notes:
            item, new = self.notes.get(note_id), notes.get(note_id)
            was = (item.note.cluster_id, item.note.x, item.note.y) if item else None
            now = (new.cluster_id, new.x, new.y) if new else None
            if was == now:
                continue  # the text or author changed: its group's frame and count did not
            regrouped = regrouped or was is None or now is None or was[0] != now[0]
            clusters |= {x[0] for x in (was, now) if x is not None and x[0] is not None}
        if patch.supports:
            direct = _direct_support(data)
            touched_notes |= {i for i in direct.keys() | self._direct.keys()
                              if direct.get(i) != self._direct.get(i)}
            self._direct = direct
        if patch.supports or regrouped:
            before, self._counts = self._counts, _cluster_counts(data)
            clusters |= {i for i in self._counts if self._counts[i] != before.get(i)}
        for note_id in touched_notes - notes.keys():
            if note_id in self.notes:
                self.removeItem(self.notes.pop(note_id))
        self._sync_notes([notes[i] for i in sorted(touched_notes & notes.keys())])
        for cluster_id in clusters - present:
            if cluster_id in self.clusters:
                self.removeItem(self.clusters.pop(cluster_id))
        self._sync_clusters(data, [c for c in data.clusters if c.id in clusters])

    def _sync_notes(self, notes: Iterable[bo.BoardNote]) -> None:
        assert self.data is not None
        people = {p.id: p for p in self.data.people}
        for n in notes:
            item = self.notes.get(n.id)
            if item is None:
                item = self.notes[n.id] = self._place(NoteItem(n))
            item.update_from(n, people.get(n.author_id or -1), len(self._direct.get(n.id, ())),
                             self.show_authors)

    def _sync_clusters(self, data: bo.BoardData, clusters: Sequence[bo.BoardCluster]) -> None:
        if not clusters:
            return
        wanted = {c.id for c in clusters}
        members: dict[int, list[bo.BoardNote]] = {i: [] for i in wanted}
        for n in data.notes:
            if n.cluster_id in wanted:
                members[n.cluster_id].append(n)  # type: ignore[index]
        initiatives = {i.id: i.title for i in data.initiatives}
        unit = "dot" if data.config.mode is TallyMode.DOTS else "supporter"
        for c in clusters:
            item = self.clusters.get(c.id)
            if item is None:
                item = self.clusters[c.id] = self._place(ClusterItem(c))
                item.projector = not self.interactive
            inside = members[c.id]
            item.members = [self.notes[n.id] for n in inside]
            frame = cluster_bounds((c.x, c.y, c.width, c.height), [(n.x, n.y) for n in inside])
            sub = (f"{_plural(len(inside), 'note')}  \u00b7  "
                   f"{_plural(self._counts.get(c.id, 0), unit)}")
            item.update_from(c, frame, sub, initiatives.get(c.initiative_id or -1, ""))

    def set_zoom(self, zoom: float) -> None:
        """Zoomed out, the frames are small on screen and show only a title and a count:
        Qt keeps each as a pixmap then, so a repaint copies 40 small images instead of
        laying out 40 titles. Zoomed in they are large, and are drawn directly."""
        overview = zoom < READABLE_LOD
        if overview == self._overview:
            return
        self._overview = overview
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if overview
                else QGraphicsItem.CacheMode.NoCache)
        for item in self.clusters.values():
            item.setCacheMode(mode)

    def _place(self, item: ItemT) -> ItemT:
        """Add a new item; on the projector's board it cannot be selected or moved."""
        if not self.interactive:
            item.setFlags(QGraphicsItem.GraphicsItemFlag(0))
        if self._overview and isinstance(item, ClusterItem):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(item)
        return item

    def _drop_others(self, items: dict[int, ItemT], keep: set[int]) -> None:
        for gone in set(items) - keep:
            self.removeItem(items.pop(gone))

    def content_rect(self) -> QRectF:
        rect = self.itemsBoundingRect()
        return rect.adjusted(-40, -40, 40, 40) if not rect.isEmpty() else QRectF(0, 0, 800, 600)

    # ----- selection helpers ------------------------------------------------------
    def selected_note_ids(self) -> list[int]:
        return [i.note.id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def selected_cluster_ids(self) -> list[int]:
        return [i.cluster.id for i in self.selectedItems() if isinstance(i, ClusterItem)]

    def selected_idea(self) -> tuple[IdeaKind, int] | None:
        """The one selected note or cluster, None unless exactly one is selected."""
        items = self.selectedItems()
        if len(items) != 1:
            return None
        item = items[0]
        if isinstance(item, NoteItem):
            return (IdeaKind.NOTE, item.note.id)
        if isinstance(item, ClusterItem):
            return (IdeaKind.CLUSTER, item.cluster.id)
        return None

    def select_only(self, items: Iterable[QGraphicsItem]) -> None:
        self.clearSelection()
        for item in items:
            item.setSelected(True)

    # ----- drag and drop ----------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        self._press = {i: i.pos() for i in self.selectedItems()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if not self._press or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        dragging_notes = any(isinstance(i, NoteItem) for i in self._press) and not any(
            isinstance(i, ClusterItem) for i in self.selectedItems())
        target = self.cluster_item_at(event.scenePos()) if dragging_notes else None
        if target is not self._hover:
            if self._hover is not None:
                self._hover.set_highlight(False)
            if target is not None:
                target.set_highlight(True)
            self._hover = target

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._hover is not None:
            self._hover.set_highlight(False)
            self._hover = None
        press, self._press = self._press, {}
        self.finish_drag(press, event.scenePos())

    def finish_drag(self, start: dict[QGraphicsItem, QPointF], drop: QPointF) -> None:
        """Report which items a drag moved (the view turns this into one undoable edit)."""
        note_moves: list[tuple[int, float, float]] = []
        cluster_moves: list[tuple[int, float, float]] = []
        for item, before in start.items():
            if item.scene() is not self or item.pos() == before:
                continue
            if isinstance(item, NoteItem):
                note_moves.append((item.note.id, item.pos().x(), item.pos().y()))
            elif isinstance(item, ClusterItem):
                delta = item.pos() - before
                cluster_moves.append((item.cluster.id, delta.x(), delta.y()))
        if note_moves or cluster_moves:
            self.moved.emit(note_moves, cluster_moves, drop)

    def cluster_item_at(self, point: QPointF) -> ClusterItem | None:
        best: ClusterItem | None = None
        for item in self.clusters.values():
            frame = item.sceneBoundingRect()
            if frame.contains(point) and (
                best is None or frame.width() * frame.height()
                < best.sceneBoundingRect().width() * best.sceneBoundingRect().height()
            ):
                best = item
        return best

    def contextMenuEvent(self, event: object) -> None:  # noqa: N802
        pos = getattr(event, "scenePos", lambda: QPointF())()
        item = self.itemAt(pos, QTransform())
        if item is not None and not item.isSelected():
            self.select_only([item])
        self.context_menu.emit(getattr(event, "screenPos", lambda: None)())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _direct_support(data: bo.BoardData) -> dict[int, set[int]]:
    direct: dict[int, set[int]] = {}
    for s in data.supports:
        if s.note_id is not None:
            direct.setdefault(s.note_id, set()).add(s.person_id)
    return direct


def _cluster_counts(data: bo.BoardData) -> dict[int, int]:
    return {e.id: e.count for e in data.entries() if e.kind is IdeaKind.CLUSTER}
