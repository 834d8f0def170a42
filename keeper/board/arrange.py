"""Tidying: one cluster's notes into a grid, or the whole board into rows without overlaps."""

from __future__ import annotations

from sqlalchemy.orm import Session

from keeper.board.geometry import (
    GAP_X,
    GAP_Y,
    INBOX_COLUMNS,
    NOTE_H,
    NOTE_W,
    frame_size,
    grid_positions,
    inbox_spot,
    pack_frames,
)
from keeper.board.operation import BoardOperation, load_fresh, offsite_of_cluster
from keeper.board.placement import reading_order
from keeper.store.models import Cluster, Note


class TidyCluster(BoardOperation):
    """Lay a cluster's notes out in a grid and fit the frame to them."""

    text = "Tidy group"

    def __init__(self, cluster_id: int) -> None:
        super().__init__()
        self.cluster_id = cluster_id

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, offsite_of_cluster(s, self.cluster_id),
                          notes=[Note.cluster_id == self.cluster_id])
        c = data.cluster(self.cluster_id)
        assert c is not None
        notes = reading_order(data.notes_in(c.id))
        width, height = frame_size(len(notes))
        self._update(s, Cluster, c.id, width=width, height=height)
        for n, (nx, ny) in zip(notes, grid_positions(c.x, c.y, len(notes)), strict=True):
            if (nx, ny) != (n.x, n.y):
                self._update(s, Note, n.id, x=nx, y=ny)


class ArrangeBoard(BoardOperation):
    """Tidy every cluster and pack the frames in rows without overlaps or wasted space,
    shaped for a laptop screen (``geometry.pack_frames``), the loose notes' grid packed
    with them. Nothing changes group or votes."""

    text = "Arrange the board"

    def __init__(self, offsite_id: int, aspect: float = 1.6) -> None:
        super().__init__()
        self.offsite_id = offsite_id
        self.aspect = aspect if aspect > 0 else 1.6  # the screen's width over its height

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, self.offsite_id)
        known = {c.id for c in data.clusters}
        groups = []
        for c in data.clusters:
            notes = reading_order(data.notes_in(c.id))
            groups.append((c, notes, frame_size(len(notes))))
        loose = [n for n in data.notes if n.cluster_id not in known]
        sizes = [size for _c, _n, size in groups]
        if loose:  # the loose notes' grid is packed like one more frame
            columns = min(INBOX_COLUMNS, len(loose))
            rows = -(-len(loose) // INBOX_COLUMNS)
            sizes.append((columns * (NOTE_W + GAP_X) - GAP_X, rows * (NOTE_H + GAP_Y) - GAP_Y))
        spots = pack_frames(sizes, self.aspect)
        for (c, notes, (w, h)), (x, y) in zip(groups, spots, strict=False):
            if (c.x, c.y, c.width, c.height) != (x, y, w, h):
                self._update(s, Cluster, c.id, x=x, y=y, width=w, height=h)
            for n, (nx, ny) in zip(notes, grid_positions(x, y, len(notes)), strict=True):
                if (n.x, n.y) != (nx, ny):
                    self._update(s, Note, n.id, x=nx, y=ny)
        if loose:
            x0, y0 = spots[-1]
            for i, n in enumerate(loose):
                nx, ny = inbox_spot(x0, y0, i)
                if (n.x, n.y) != (nx, ny):
                    self._update(s, Note, n.id, x=nx, y=ny)
