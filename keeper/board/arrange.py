"""Tidying: one cluster's notes into a grid, or the whole board into rows without overlaps."""

from __future__ import annotations

import math

from sqlalchemy.orm import Session

from keeper.board.geometry import (
    MARGIN,
    MAX_ROW_WIDTH,
    frame_size,
    grid_positions,
    inbox_spot,
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
        data = load_fresh(s, offsite_of_cluster(s, self.cluster_id))
        c = data.cluster(self.cluster_id)
        assert c is not None
        notes = reading_order(data.notes_in(c.id))
        width, height = frame_size(len(notes))
        self._update(s, Cluster, c.id, width=width, height=height)
        for n, (nx, ny) in zip(notes, grid_positions(c.x, c.y, len(notes)), strict=True):
            if (nx, ny) != (n.x, n.y):
                self._update(s, Note, n.id, x=nx, y=ny)


class ArrangeBoard(BoardOperation):
    """Tidy every cluster and lay the frames out in rows without overlaps, biggest
    first; loose notes go in a grid to the right. Nothing changes group or votes."""

    text = "Arrange the board"

    def __init__(self, offsite_id: int) -> None:
        super().__init__()
        self.offsite_id = offsite_id

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, self.offsite_id)
        known = {c.id for c in data.clusters}
        groups = []
        for c in data.clusters:
            notes = reading_order(data.notes_in(c.id))
            groups.append((c, notes, frame_size(len(notes))))
        total = sum(w * h for _c, _n, (w, h) in groups)
        row_width = max(MAX_ROW_WIDTH, math.sqrt(total) * 1.6)
        x = y = row_h = 0.0
        right = 0.0
        for c, notes, (w, h) in groups:
            if x > 0 and x + w > row_width:
                x, y, row_h = 0.0, y + row_h + MARGIN, 0.0
            if (c.x, c.y, c.width, c.height) != (x, y, w, h):
                self._update(s, Cluster, c.id, x=x, y=y, width=w, height=h)
            for n, (nx, ny) in zip(notes, grid_positions(x, y, len(notes)), strict=True):
                if (n.x, n.y) != (nx, ny):
                    self._update(s, Note, n.id, x=nx, y=ny)
            right = max(right, x + w)
            x += w + MARGIN
            row_h = max(row_h, h)
        loose = [n for n in data.notes if n.cluster_id not in known]
        x0 = right + MARGIN if groups else 0.0
        for i, n in enumerate(loose):
            nx, ny = inbox_spot(x0, 0.0, i)
            if (n.x, n.y) != (nx, ny):
                self._update(s, Note, n.id, x=nx, y=ny)
