"""One author's notes, read without the whole board (what a phone shows after each note)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.board.loading import BoardNote
from keeper.store.models import Note


def notes_by(session: Session, offsite_id: int, author_id: int) -> list[BoardNote]:
    """``author_id``'s notes on the offsite's board, oldest first."""
    return [BoardNote(r.id, r.text, r.author_id, r.cluster_id, r.x, r.y)
            for r in session.execute(
                select(Note.id, Note.text, Note.author_id, Note.cluster_id, Note.x, Note.y)
                .where(Note.offsite_id == offsite_id, Note.author_id == author_id)
                .order_by(Note.id))]
