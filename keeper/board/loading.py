"""Reading one offsite's board into plain frozen values, and the views the tally rules need."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.colours import distinct_colours
from keeper.store.kinds import role_rank
from keeper.store.models import (
    Attendance,
    Cluster,
    Initiative,
    Note,
    Offsite,
    Person,
    Role,
    Support,
    TallySettings,
)
from keeper.text import clean_line


@dataclass(frozen=True)
class BoardPerson:
    id: int
    name: str
    colour: str | None
    initials: str
    is_keeper: bool = False


@dataclass(frozen=True)
class BoardNote:
    id: int
    text: str
    author_id: int | None
    cluster_id: int | None
    x: float
    y: float


@dataclass(frozen=True)
class BoardCluster:
    id: int
    title: str
    x: float
    y: float
    width: float
    height: float
    big_bet: bool
    initiative_id: int | None


@dataclass(frozen=True)
class BoardData:
    """Everything the board shows for one offsite, as plain values."""

    offsite_id: int
    keeper_id: int | None
    notes: tuple[BoardNote, ...]
    clusters: tuple[BoardCluster, ...]
    people: tuple[BoardPerson, ...]
    supports: tuple[tally.TallySupport, ...]
    config: tally.TallyConfig
    initiatives: tuple[tally.TallyInitiative, ...]

    # ----- views for the tally rules (computed once per load: the value is frozen) -----
    @cached_property
    def tally_notes(self) -> list[tally.TallyNote]:
        return [tally.TallyNote(n.id, n.cluster_id, n.author_id, n.text) for n in self.notes]

    @cached_property
    def tally_clusters(self) -> list[tally.TallyCluster]:
        return [
            tally.TallyCluster(c.id, c.title, c.big_bet, c.initiative_id) for c in self.clusters
        ]

    @cached_property
    def _entries(self) -> tuple[tally.Entry, ...]:
        return tuple(
            tally.tally(self.tally_notes, self.tally_clusters, self.supports, self.config))

    def entries(self) -> list[tally.Entry]:
        return list(self._entries)

    @cached_property
    def _ranking(self) -> tuple[tally.RankedEntry, ...]:
        return tuple(tally.rank(self._entries))

    def ranking(self) -> list[tally.RankedEntry]:
        return list(self._ranking)

    def big_bet_issues(self) -> list[tally.BigBetIssue]:
        return tally.check_big_bets(self.tally_clusters, self.initiatives)

    def progress(self, target: int = tally.NOTES_PER_PERSON) -> tally.NoteProgress:
        return tally.note_progress(self.tally_notes, [p.id for p in self.people], target)

    def person(self, person_id: int | None) -> BoardPerson | None:
        return next((p for p in self.people if p.id == person_id), None)

    def cluster(self, cluster_id: int | None) -> BoardCluster | None:
        return next((c for c in self.clusters if c.id == cluster_id), None)

    def note(self, note_id: int) -> BoardNote | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def notes_in(self, cluster_id: int) -> list[BoardNote]:
        return [n for n in self.notes if n.cluster_id == cluster_id]

    def supporters_of(self, kind: tally.IdeaKind, idea_id: int) -> dict[int, int]:
        """``{person: dots}`` placed directly on one note or cluster."""
        return {s.person_id: s.dots for s in self.supports if s.idea == (kind, idea_id)}


def initials(name: str) -> str:
    """Up to two letters: "Maya Johansson" -> "MJ", "Cher" -> "CH", "" -> "?"."""
    words = [w for w in clean_line(name).replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def tally_config(settings: TallySettings | None, keeper_id: int | None) -> tally.TallyConfig:
    if settings is None:
        return tally.TallyConfig(keeper_id=keeper_id)
    return tally.TallyConfig(
        mode=tally.TallyMode(settings.mode),
        dots_per_person=settings.dots_per_person,
        cap_per_idea=settings.cap_per_idea,
        keeper_counted=settings.keeper_counted,
        keeper_id=keeper_id,
    )


def board_people(session: Session, offsite_id: int) -> list[Person]:
    """Who writes notes and votes: the offsite's attendees (leaders first), plus any author."""
    offsite = session.get(Offsite, offsite_id)
    attending = set(
        session.scalars(select(Attendance.person_id).where(Attendance.offsite_id == offsite_id))
    )
    authors = set(
        session.scalars(
            select(Note.author_id).where(Note.offsite_id == offsite_id, Note.author_id.is_not(None))
        )
    )
    if not attending:  # nobody marked as attending yet: the active leaders and managers
        attending = set(
            session.scalars(
                select(Person.id).where(Person.active.is_(True), Person.role != Role.REP)
            )
        )
    wanted = attending | authors
    if offsite is not None and offsite.keeper_id is not None:
        wanted.add(offsite.keeper_id)
    people = session.scalars(select(Person).where(Person.id.in_(wanted))).all()
    keeper_id = offsite.keeper_id if offsite else None
    return sorted(
        people, key=lambda p: (p.id != keeper_id, role_rank(p.role), p.name.casefold(), p.id)
    )


def read_notes(session: Session, offsite_id: int, *where: Any) -> tuple[BoardNote, ...]:
    return tuple(
        BoardNote(*r)
        for r in session.execute(
            select(Note.id, Note.text, Note.author_id, Note.cluster_id, Note.x, Note.y)
            .where(Note.offsite_id == offsite_id, *where)
            .order_by(Note.id)
        )
    )


def read_clusters(session: Session, offsite_id: int, *where: Any) -> tuple[BoardCluster, ...]:
    return tuple(
        BoardCluster(*r)
        for r in session.execute(
            select(
                Cluster.id, Cluster.title, Cluster.x, Cluster.y, Cluster.width, Cluster.height,
                Cluster.big_bet, Cluster.initiative_id,
            )
            .where(Cluster.offsite_id == offsite_id, *where)
            .order_by(Cluster.id)
        )
    )


def read_supports(session: Session, offsite_id: int, *where: Any) -> tuple[tally.TallySupport, ...]:
    supports: list[tally.TallySupport] = []
    for r in session.execute(
        select(Support.person_id, Support.note_id, Support.cluster_id, Support.dots)
        .where(Support.offsite_id == offsite_id, *where)
        .order_by(Support.id)
    ):
        support = tally.TallySupport.stored(r.person_id, r.note_id, r.cluster_id, r.dots)
        if support is not None:  # a malformed row never breaks the board
            supports.append(support)
    return tuple(supports)


def _keeper_id(session: Session, offsite_id: int) -> int | None:
    return session.scalar(select(Offsite.keeper_id).where(Offsite.id == offsite_id))


def load_board(session: Session, offsite_id: int) -> BoardData:
    """Read the board of one offsite into plain values (a few fast queries)."""
    keeper_id = _keeper_id(session, offsite_id)
    persons = board_people(session, offsite_id)
    colours = distinct_colours([(p.id, p.colour) for p in persons])
    people = tuple(
        BoardPerson(p.id, p.name, colours[p.id], initials(p.name), p.id == keeper_id)
        for p in persons
    )
    initiatives = tuple(
        tally.TallyInitiative(r.id, r.title)
        for r in session.execute(
            select(Initiative.id, Initiative.title)
            .where(Initiative.offsite_id == offsite_id)
            .order_by(Initiative.position, Initiative.id)
        )
    )
    config = tally_config(session.get(TallySettings, offsite_id), keeper_id)
    return BoardData(
        offsite_id, keeper_id, read_notes(session, offsite_id), read_clusters(session, offsite_id),
        people, read_supports(session, offsite_id), config, initiatives,
    )


def load_slice(
    session: Session,
    offsite_id: int,
    *,
    notes: Sequence[Any] | None = (),
    supports: Sequence[Any] | None = None,
) -> BoardData:
    """The part of the board an edit reads: every cluster and the tally settings, the notes
    and supports matching the ``where`` clauses given (``()``: all of them; ``None``:
    none), and never the people or initiatives. An edit's cost then follows what it
    touches, not the board's size (a board of 1,000 notes loads in about 20 ms)."""
    keeper_id = _keeper_id(session, offsite_id)
    return BoardData(
        offsite_id, keeper_id,
        () if notes is None else read_notes(session, offsite_id, *notes),
        read_clusters(session, offsite_id), (),
        () if supports is None else read_supports(session, offsite_id, *supports),
        tally_config(session.get(TallySettings, offsite_id), keeper_id), (),
    )
