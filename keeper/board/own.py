"""One person's part of the board, read without the whole board (a phone's notes and vote)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.loading import BoardData, BoardNote, load_slice, read_supports, tally_config
from keeper.store.models import Cluster, Note, Offsite, Support, TallySettings


def notes_by(session: Session, offsite_id: int, author_id: int) -> list[BoardNote]:
    """``author_id``'s notes on the offsite's board, oldest first."""
    return [BoardNote(r.id, r.text, r.author_id, r.cluster_id, r.x, r.y)
            for r in session.execute(
                select(Note.id, Note.text, Note.author_id, Note.cluster_id, Note.x, Note.y)
                .where(Note.offsite_id == offsite_id, Note.author_id == author_id)
                .order_by(Note.id))]


@dataclass(frozen=True)
class Ballot:
    """What one person's vote is checked against: the tally rule and their own support."""

    config: tally.TallyConfig
    mine: tuple[tally.TallySupport, ...]
    idea_exists: bool


def ballot(session: Session, offsite_id: int, person_id: int,
           idea: tuple[tally.IdeaKind, int]) -> Ballot:
    """The rule, ``person_id``'s supports and whether ``idea`` is on this board (a few
    small queries: a phone's vote is checked without loading the whole board)."""
    offsite = session.get(Offsite, offsite_id)
    config = tally_config(session.get(TallySettings, offsite_id),
                          offsite.keeper_id if offsite else None)
    model = Cluster if idea[0] is tally.IdeaKind.CLUSTER else Note
    exists = session.scalar(select(model.id).where(model.id == idea[1],
                                                   model.offsite_id == offsite_id))
    return Ballot(config, supports_of(session, offsite_id, person_id), exists is not None)


def supports_of(session: Session, offsite_id: int,
                person_id: int) -> tuple[tally.TallySupport, ...]:
    """``person_id``'s own support on the offsite's board."""
    return read_supports(session, offsite_id, Support.person_id == person_id)


def voting_board(session: Session, offsite_id: int) -> BoardData:
    """The board as the room votes on it: every group and note and the tally rule, no
    support and no people (shared by every phone; each adds its own :func:`supports_of`)."""
    return load_slice(session, offsite_id, supports=None)


def cluster_count(session: Session, offsite_id: int) -> int:
    return session.scalar(
        select(func.count(Cluster.id)).where(Cluster.offsite_id == offsite_id)) or 0
