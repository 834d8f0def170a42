"""Bringing a loaded board up to date after an edit, reading only the rows the edit wrote.

An operation reports the rows it wrote (:attr:`keeper.changes.Changes.rows`). For an
edit of notes, groups and support, :func:`patch_board` re-reads those notes and
groups by id (and the offsite's support rows, a short list) and splices them into
the board already loaded, instead of reading the whole board again. Anything else
(people, attendance, tally settings, initiatives, an import) says "reload".
A test checks the patched board equals a fresh :func:`load_board` after random edits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.loading import (
    BoardCluster,
    BoardData,
    BoardNote,
    read_clusters,
    read_notes,
    read_supports,
)
from keeper.changes import TABLE_AREAS, Changes
from keeper.store.models import Cluster, Note

# The tables whose rows can be spliced in; a write to any other board table reloads.
PATCHABLE = frozenset({"note", "cluster", "support"})


@dataclass(frozen=True)
class BoardPatch:
    """What a patch changed: the notes and groups to redraw, and whether support moved."""

    data: BoardData
    notes: frozenset[int]
    clusters: frozenset[int]
    supports: bool


Item = TypeVar("Item", BoardNote, BoardCluster, tally.TallyNote)


def _splice(old: Sequence[Item], ids: set[int], fresh: Sequence[Item]) -> tuple[Item, ...]:
    """``old`` with the items of ``ids`` replaced by ``fresh`` (gone if missing), id order."""
    if not ids:
        return tuple(old)
    kept: list[Item] = [item for item in old if item.id not in ids]
    joined = kept + list(fresh)
    if fresh and kept and min(f.id for f in fresh) < kept[-1].id:
        joined.sort(key=lambda item: item.id)  # undo put back a row with an older id
    return tuple(joined)


def patch_board(session: Session, data: BoardData, changes: Changes) -> BoardPatch | None:
    """``data`` brought up to date with ``changes``; None when only a full load will do."""
    if changes.rows is None:
        return None
    tables = {table for table, _key in changes.rows}
    board_tables = {t for t in tables if "board" in TABLE_AREAS.get(t, ())}
    if board_tables - PATCHABLE or changes & Changes(people=True, offsite=True):
        return None
    note_ids = {int(i) for i in changes.rows_of("note")}
    cluster_ids = {int(i) for i in changes.rows_of("cluster")}
    offsite_id = data.offsite_id
    fresh_notes = read_notes(session, offsite_id, Note.id.in_(note_ids)) if note_ids else ()
    notes = _splice(data.notes, note_ids, fresh_notes)
    if not _same_people(data, note_ids, fresh_notes, notes):
        return None
    fresh_clusters = (read_clusters(session, offsite_id, Cluster.id.in_(cluster_ids))
                      if cluster_ids else ())
    supports = "support" in tables
    patched = BoardData(
        offsite_id, data.keeper_id,
        notes,
        _splice(data.clusters, cluster_ids, fresh_clusters),
        data.people,
        read_supports(session, offsite_id) if supports else data.supports,
        data.config, data.initiatives,
    )
    if "tally_notes" in data.__dict__:  # the tally's copy of the notes, spliced the same way
        patched.__dict__["tally_notes"] = list(_splice(data.tally_notes, note_ids, [
            tally.TallyNote(n.id, n.cluster_id, n.author_id, n.text) for n in fresh_notes]))
    return BoardPatch(patched, frozenset(note_ids), frozenset(cluster_ids), supports)


def _same_people(data: BoardData, note_ids: set[int], fresh: Sequence[BoardNote],
                 notes: Sequence[BoardNote]) -> bool:
    """False when the board's people may have changed: its people include every author,
    so a new author joins them and an author whose last note went may leave."""
    people = {p.id for p in data.people}
    if any(n.author_id is not None and n.author_id not in people for n in fresh):
        return False
    before = {n.author_id for n in data.notes if n.id in note_ids} - {None}
    after = {n.author_id for n in fresh}
    leaving = before - after
    return not leaving or leaving <= {n.author_id for n in notes}
