"""Where things sit on a loaded board: the frames shown, where new notes land, which
frame holds a point, and the reading order of notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keeper.board.geometry import (
    GAP_X,
    GAP_Y,
    INBOX_COLUMNS,
    MARGIN,
    NOTE_H,
    NOTE_W,
    Rect,
    cluster_bounds,
    inbox_spot,
)
from keeper.board.loading import BoardCluster, BoardData, BoardNote
from keeper.store.models import Note


def shown_frames(session: Session, offsite_id: int,
                 clusters: Sequence[BoardCluster]) -> list[Rect]:
    """:func:`_frames` read from the database: each cluster's notes' extent (one grouped
    query), not every note."""
    extent = {r[0]: ((r[1], r[2]), (r[3], r[4])) for r in session.execute(
        select(Note.cluster_id, func.min(Note.x), func.min(Note.y), func.max(Note.x),
               func.max(Note.y))
        .where(Note.offsite_id == offsite_id, Note.cluster_id.is_not(None))
        .group_by(Note.cluster_id))}
    return [cluster_bounds((c.x, c.y, c.width, c.height), extent.get(c.id, ()))
            for c in clusters]


def reading_key(note: BoardNote) -> tuple[int, float, int]:
    """Sort key of a note as a person reads: by row (half a note high), then left to right."""
    return (round(note.y / (NOTE_H / 2)), note.x, note.id)


def reading_order(notes: Iterable[BoardNote]) -> list[BoardNote]:
    return sorted(notes, key=reading_key)


def _frames(data_clusters: Sequence[BoardCluster], notes: Sequence[BoardNote]) -> list[Rect]:
    by_cluster: dict[int, list[tuple[float, float]]] = {}
    for n in notes:
        if n.cluster_id is not None:
            by_cluster.setdefault(n.cluster_id, []).append((n.x, n.y))
    return [
        cluster_bounds((c.x, c.y, c.width, c.height), by_cluster.get(c.id, []))
        for c in data_clusters
    ]


def inbox_positions(
    clusters: Sequence[BoardCluster],
    notes: Sequence[BoardNote],
    count: int,
    frames: Sequence[Rect] | None = None,
) -> list[tuple[float, float]]:
    """Where new notes land: free slots of a grid right of the clusters (the inbox).

    ``frames`` (the clusters' frames as shown, when already known) spares reading every
    grouped note: then ``notes`` need only be the loose ones."""
    if frames is None:
        frames = _frames(clusters, notes)
    known = {c.id for c in clusters}
    loose = [n for n in notes if n.cluster_id not in known]
    if frames:
        x0 = max(r[0] + r[2] for r in frames) + MARGIN
        y0 = min(r[1] for r in frames)
    elif loose:
        x0, y0 = min(n.x for n in loose), min(n.y for n in loose)
    else:
        x0, y0 = 0.0, 0.0
    step_x, step_y = NOTE_W + GAP_X, NOTE_H + GAP_Y
    taken: set[tuple[int, int]] = set()
    for n in loose:
        col, row = round((n.x - x0) / step_x), round((n.y - y0) / step_y)
        if abs(n.x - (x0 + col * step_x)) < step_x / 2 and abs(n.y - (y0 + row * step_y)) < step_y:
            taken.add((col, row))
    result: list[tuple[float, float]] = []
    slot = 0
    while len(result) < count:
        col, row = slot % INBOX_COLUMNS, slot // INBOX_COLUMNS
        if (col, row) not in taken:
            result.append(inbox_spot(x0, y0, slot))
        slot += 1
    return result


def cluster_at(data: BoardData, x: float, y: float, ignore: Iterable[int] = ()) -> int | None:
    """The cluster whose frame contains the point (the smallest, if frames overlap)."""
    skip = set(ignore)
    best: tuple[float, int] | None = None
    frames = _frames(data.clusters, [n for n in data.notes if n.id not in skip])
    for c, (fx, fy, fw, fh) in zip(data.clusters, frames, strict=True):
        if fx <= x <= fx + fw and fy <= y <= fy + fh and (best is None or fw * fh < best[0]):
            best = (fw * fh, c.id)
    return best[1] if best else None

