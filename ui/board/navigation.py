"""Where the keyboard goes on the whiteboard: Tab in reading order, arrows to the nearest note."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QGraphicsItem

from ui.board.note_item import NOTE_H, NoteItem
from ui.board.scene import BoardScene


def reading_order(scene: BoardScene) -> list[QGraphicsItem]:
    """Clusters and their notes in reading order, then loose notes."""
    clusters = sorted(scene.clusters.values(), key=lambda c: (round(c.y() / 200), c.x()))
    items: list[QGraphicsItem] = []
    for c in clusters:
        items.append(c)
        items += sorted(c.members, key=lambda n: (round(n.y() / (NOTE_H / 2)), n.x()))
    clustered = {id(n) for c in clusters for n in c.members}
    items += sorted((n for n in scene.notes.values() if id(n) not in clustered),
                    key=lambda n: (round(n.y() / (NOTE_H / 2)), n.x()))
    return items


def nearest(notes: Iterable[NoteItem], current: QGraphicsItem, dx: int,
            dy: int) -> QGraphicsItem | None:
    """The note closest to ``current`` in the direction (dx, dy), favouring straight lines."""
    origin = current.sceneBoundingRect().center()
    best: tuple[float, QGraphicsItem] | None = None
    for item in notes:
        if item is current:
            continue
        delta = item.sceneBoundingRect().center() - origin
        along = delta.x() * dx + delta.y() * dy
        across = abs(delta.x() * dy) + abs(delta.y() * dx)
        if along <= 1:
            continue
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, item)
    return best[1] if best is not None else None
