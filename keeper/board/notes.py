"""Writing, editing, deleting and moving notes on the board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_
from sqlalchemy.orm import Session

from keeper.board.geometry import Rect, free_slot, note_rect
from keeper.board.operation import (
    BoardError,
    BoardOperation,
    fit_frame,
    load_fresh,
    offsite_of_note,
)
from keeper.board.placement import inbox_positions, shown_frames
from keeper.store.models import Note, Person
from keeper.text import clean_block


def split_notes(text: str) -> list[str]:
    """One note per non-empty line, each cleaned (control characters out, length capped)."""
    raw = "" if text is None else str(text)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_block(line) for line in raw.split("\n")]
    return [line for line in lines if line]


class AddNotes(BoardOperation):
    """Add one note per non-empty line of ``text`` by ``author_id``, in the inbox."""

    def __init__(
        self,
        offsite_id: int,
        author_id: int | None,
        text: str,
        now: dt.datetime,
        position: tuple[float, float] | None = None,
    ) -> None:
        super().__init__()
        if author_id is None:
            raise BoardError("Pick who wrote the note first.")
        self.lines = split_notes(text)
        if not self.lines:
            raise BoardError("An empty note was not added: type the opportunity first.")
        self.offsite_id, self.author_id, self.now = offsite_id, author_id, now
        self.position = position
        self.note_ids: list[int] = []
        count = len(self.lines)
        self.text = "Add note" if count == 1 else f"Add {count} notes"

    def _perform(self, s: Session) -> None:
        if s.get(Person, self.author_id) is None:
            raise BoardError("That person is no longer in the file.")
        if self.position is not None and len(self.lines) == 1:
            spots = [self.position]
        else:  # the loose notes and each group's extent: never every note on the board
            data = load_fresh(s, self.offsite_id, notes=[Note.cluster_id.is_(None)])
            frames = shown_frames(s, self.offsite_id, data.clusters)
            spots = inbox_positions(data.clusters, data.notes, len(self.lines), frames)
        self.note_ids = [
            self._insert(
                s, Note, offsite_id=self.offsite_id, author_id=self.author_id, text=line,
                cluster_id=None, x=x, y=y, created_at=self.now.replace(tzinfo=None),
            )
            for line, (x, y) in zip(self.lines, spots, strict=True)
        ]


class EditNote(BoardOperation):
    text = "Edit note"

    def __init__(self, note_id: int, text: str, author_id: int | None = None) -> None:
        super().__init__()
        self.note_id = note_id
        self.new_text = clean_block(text)
        if not self.new_text:
            raise BoardError("A note cannot be empty; delete it instead.")
        self.author_id = author_id

    def _perform(self, s: Session) -> None:
        values: dict[str, Any] = {"text": self.new_text}
        if self.author_id is not None:
            values["author_id"] = self.author_id
        self._update(s, Note, self.note_id, **values)


class DeleteNotes(BoardOperation):
    """Delete notes (their support goes with them, and comes back on undo)."""

    def __init__(self, note_ids: Sequence[int]) -> None:
        super().__init__()
        self.note_ids = list(dict.fromkeys(note_ids))
        if not self.note_ids:
            raise BoardError("Select the notes to delete.")
        n = len(self.note_ids)
        self.text = "Delete note" if n == 1 else f"Delete {n} notes"

    def _perform(self, s: Session) -> None:
        for note_id in self.note_ids:
            self._delete(s, Note, note_id)


@dataclass(frozen=True)
class NoteMove:
    note_id: int
    x: float
    y: float
    cluster_id: int | None


class MoveNotes(BoardOperation):
    """Move notes on the board and into/out of clusters; their support stays on them."""

    def __init__(self, moves: Sequence[NoteMove]) -> None:
        super().__init__()
        self.moves = list(moves)
        if not self.moves:
            raise BoardError("Nothing to move.")
        n = len(self.moves)
        self.text = "Move note" if n == 1 else f"Move {n} notes"

    def _perform(self, s: Session) -> None:
        offsite_id = offsite_of_note(s, self.moves[0].note_id)
        moving = {m.note_id for m in self.moves}
        joined = {m.cluster_id for m in self.moves if m.cluster_id is not None}
        data = load_fresh(s, offsite_id, notes=[
            or_(Note.id.in_(moving), Note.cluster_id.in_(joined))])
        known = {c.id for c in data.clusters}
        targets: set[int] = set()
        homes = {n.id: n.cluster_id for n in data.notes}
        placed: dict[int, list[Rect]] = {}  # per cluster: its notes that stay, and arrivals
        for move in self.moves:
            cluster_id = move.cluster_id if move.cluster_id in known else None
            x, y = move.x, move.y
            if cluster_id is not None and homes.get(move.note_id) != cluster_id:
                # A note joining a group lands in its nearest free place, never on a note.
                c = data.cluster(cluster_id)
                assert c is not None
                occupied = placed.setdefault(cluster_id, [
                    note_rect(n.x, n.y) for n in data.notes_in(cluster_id)
                    if n.id not in moving])
                x, y = free_slot((c.x, c.y, c.width, c.height), occupied, (x, y))
                occupied.append(note_rect(x, y))
            self._update(s, Note, move.note_id, x=x, y=y, cluster_id=cluster_id)
            if cluster_id is not None:
                targets.add(cluster_id)
        if targets:
            data = load_fresh(s, offsite_id, notes=[Note.cluster_id.in_(targets)])
            for cluster_id in sorted(targets):
                fit_frame(self, s, data, cluster_id)
