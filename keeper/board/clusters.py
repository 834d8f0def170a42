"""Clusters (groups of notes): create, accept a suggestion, rename, move, merge, dissolve.

Vote-keeping rules (what happens to support when notes are regrouped) are not
here: they come from :mod:`keeper.board.tally` (``merge_clusters``,
``dissolve_cluster``). This module only writes their result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.geometry import (
    HEADER,
    PAD,
    frame_size,
    free_spot,
    grid_positions,
    note_rect,
    union,
)
from keeper.board.operation import (
    BoardError,
    BoardOperation,
    load_fresh,
    offsite_of_cluster,
    write_supports,
)
from keeper.board.placement import _frames, reading_key, reading_order
from keeper.store.models import Cluster, Note
from keeper.text import clean_line

DEFAULT_CLUSTER_TITLE = "New group"


class MoveCluster(BoardOperation):
    """Move a cluster frame and every note in it by ``(dx, dy)``."""

    text = "Move group"

    def __init__(
        self, cluster_id: int, dx: float, dy: float, skip_notes: Iterable[int] = ()
    ) -> None:
        super().__init__()
        self.cluster_id, self.dx, self.dy = cluster_id, dx, dy
        self.skip = set(skip_notes)  # notes already placed by the same drag

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, offsite_of_cluster(s, self.cluster_id),
                          notes=[Note.cluster_id == self.cluster_id])
        c = data.cluster(self.cluster_id)
        assert c is not None
        self._update(s, Cluster, c.id, x=c.x + self.dx, y=c.y + self.dy)
        for n in data.notes_in(c.id):
            if n.id not in self.skip:
                self._update(s, Note, n.id, x=n.x + self.dx, y=n.y + self.dy)


class CreateCluster(BoardOperation):
    """A new named frame holding ``note_ids``, laid out in a grid.

    With ``origin`` the frame's top-left is there; otherwise it is placed at the
    selection's top-left (``near_notes``) or in free space. Support stays on the notes.
    """

    def __init__(
        self,
        offsite_id: int,
        note_ids: Sequence[int],
        title: str = DEFAULT_CLUSTER_TITLE,
        *,
        near_notes: bool = True,
        text: str = "Group notes",
    ) -> None:
        super().__init__()
        self.offsite_id = offsite_id
        self.note_ids = list(dict.fromkeys(note_ids))
        if not self.note_ids:
            raise BoardError("Select at least one note to group.")
        self.title = clean_line(title) or DEFAULT_CLUSTER_TITLE
        self.near_notes = near_notes
        self.text = text
        self.cluster_id: int | None = None

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, self.offsite_id,  # away from the notes: every note is in the way
                          notes=[Note.id.in_(self.note_ids)] if self.near_notes else ())
        notes = [n for n in data.notes if n.id in set(self.note_ids)]
        if not notes:
            raise BoardError("Those notes are no longer on the board.")
        notes = reading_order(notes)
        width, height = frame_size(len(notes))
        if self.near_notes:
            x = min(n.x for n in notes) - PAD
            y = min(n.y for n in notes) - HEADER
        else:
            moving = {n.id for n in notes}
            rest = [n for n in data.notes if n.id not in moving]
            known = {c.id for c in data.clusters}
            obstacles = _frames(data.clusters, rest)
            loose = union(note_rect(n.x, n.y) for n in rest if n.cluster_id not in known)
            if loose is not None:
                obstacles.append(loose)
            x, y = free_spot(obstacles, width, height)
        self.cluster_id = self._insert(
            s, Cluster, offsite_id=self.offsite_id, title=self.title, x=x, y=y,
            width=width, height=height, big_bet=False, initiative_id=None,
        )
        for n, (nx, ny) in zip(notes, grid_positions(x, y, len(notes)), strict=True):
            self._update(s, Note, n.id, cluster_id=self.cluster_id, x=nx, y=ny)


def accept_suggestion(offsite_id: int, title: str, note_ids: Sequence[int]) -> CreateCluster:
    """Accepting a grouping suggestion: a new cluster in free space with its notes."""
    name = clean_line(title) or DEFAULT_CLUSTER_TITLE
    return CreateCluster(
        offsite_id, note_ids, name, near_notes=False, text=f"Accept suggestion \u201c{name}\u201d"
    )


class RenameCluster(BoardOperation):
    text = "Rename group"

    def __init__(self, cluster_id: int, title: str) -> None:
        super().__init__()
        self.cluster_id = cluster_id
        self.title = clean_line(title)
        if not self.title:
            raise BoardError("A group needs a name.")

    def _perform(self, s: Session) -> None:
        self._update(s, Cluster, self.cluster_id, title=self.title)


class MergeClusters(BoardOperation):
    """Merge ``from_ids`` into ``into_id``: notes move into its frame, every vote is kept
    (``tally.merge_clusters``: one support per person on the merged cluster)."""

    def __init__(self, into_id: int, from_ids: Sequence[int]) -> None:
        super().__init__()
        self.into_id = into_id
        self.from_ids = [c for c in dict.fromkeys(from_ids) if c != into_id]
        if not self.from_ids:
            raise BoardError("Select two or more groups to merge.")
        self.text = f"Merge {len(self.from_ids) + 1} groups"

    def _perform(self, s: Session) -> None:
        offsite_id = offsite_of_cluster(s, self.into_id)
        data = load_fresh(s, offsite_id, supports=())
        target = data.cluster(self.into_id)
        assert target is not None
        sources = [c for c in self.from_ids if data.cluster(c) is not None]
        new_notes, new_supports = tally.merge_clusters(
            data.tally_notes, data.supports, self.into_id, sources
        )
        write_supports(self, s, offsite_id, data.supports, new_supports)
        moved = {n.id for n in new_notes if n.cluster_id == self.into_id}
        members = [n for n in data.notes if n.id in moved]
        # the target's own notes first, in reading order, then the incoming ones
        rank_of = {c: i for i, c in enumerate([self.into_id, *sources])}
        members.sort(key=lambda n: (rank_of.get(n.cluster_id or -1, 0), *reading_key(n)))
        width, height = frame_size(len(members))
        for n, (nx, ny) in zip(members, grid_positions(target.x, target.y, len(members)),
                               strict=True):
            self._update(s, Note, n.id, cluster_id=self.into_id, x=nx, y=ny)
        bet = target.big_bet or any(
            c.big_bet for c in data.clusters if c.id in sources
        )
        initiative = target.initiative_id or next(
            (c.initiative_id for c in data.clusters if c.id in sources and c.initiative_id), None
        )
        self._update(
            s, Cluster, self.into_id, width=width, height=height, big_bet=bet,
            initiative_id=initiative,
        )
        for cluster_id in sources:
            self._delete(s, Cluster, cluster_id)


class DissolveCluster(BoardOperation):
    """Remove a cluster's frame; its notes stay where they are, ungrouped.

    Votes on the cluster move to its notes by ``tally.dissolve_cluster`` (in
    supporters mode each former note gets the supporter; in dots mode the dots go
    to the first note). A cluster with votes and no notes is refused: its votes
    would be lost.
    """

    text = "Dissolve group"

    def __init__(self, cluster_id: int) -> None:
        super().__init__()
        self.cluster_id = cluster_id

    def _perform(self, s: Session) -> None:
        offsite_id = offsite_of_cluster(s, self.cluster_id)
        data = load_fresh(s, offsite_id, supports=())
        # the first former note in reading order gets a dissolved cluster's dots
        position = {n.id: reading_key(n) for n in data.notes}
        ordered = sorted(
            data.tally_notes,
            key=lambda n: (n.cluster_id != self.cluster_id, position[n.id]),
        )
        try:
            _notes, new_supports = tally.dissolve_cluster(
                ordered, data.supports, self.cluster_id, data.config.mode
            )
        except ValueError as exc:
            raise BoardError(
                "This group has votes and no notes, so dissolving it would lose them. "
                "Move a note into it first, or remove its votes."
            ) from exc
        write_supports(self, s, offsite_id, data.supports, new_supports)
        for n in data.notes_in(self.cluster_id):
            self._update(s, Note, n.id, cluster_id=None)
        self._delete(s, Cluster, self.cluster_id)
