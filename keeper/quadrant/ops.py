"""The quadrant board's data and edits: placements of one offsite and the one before.

Loading maps ``Placement`` rows to :class:`keeper.quadrant.rules.RepPlacement`; the
rules (which quadrant, shares, flags, movement) stay in :mod:`keeper.quadrant.rules`.
Every edit is a :class:`keeper.ops.Operation`, one transaction, committed when made.
An edit finds its placement by (offsite, rep); undo puts a removed placement back
with its id, so redo and the edits after it find the same row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.ops import Operation, Tx
from keeper.quadrant.rules import Movement, Quadrant, RepPlacement, clamp, movements
from keeper.store.models import Offsite, Person, Placement, QuadrantNote, Role
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_block

REP_NOTE_MAX = 500
QUADRANT_NOTE_MAX = 2000


@dataclass(frozen=True)
class Rep:
    """A rep as the board shows it (names never leave the control view by default)."""

    id: int
    name: str
    manager_id: int | None
    manager_name: str
    colour: str | None  # the manager's colour, when the file has one
    active: bool


@dataclass
class BoardData:
    """Everything the quadrant view needs for one offsite."""

    offsite_id: int | None
    previous_offsite_id: int | None = None
    previous_title: str = ""
    reps: dict[int, Rep] = field(default_factory=dict)
    managers: dict[int, str] = field(default_factory=dict)
    current: dict[int, RepPlacement] = field(default_factory=dict)
    previous: dict[int, RepPlacement] = field(default_factory=dict)
    rep_notes: dict[int, str] = field(default_factory=dict)
    quadrant_notes: dict[Quadrant, str] = field(default_factory=dict)
    placement_ids: dict[int, int] = field(default_factory=dict)  # this offsite's: id -> rep

    def placements(self, manager_id: int | None = None) -> list[RepPlacement]:
        """Current placements, optionally of one manager's reps only."""
        return [p for p in self.current.values()
                if manager_id is None or p.manager_id == manager_id]

    def previous_placements(self, manager_id: int | None = None) -> list[RepPlacement]:
        return [p for p in self.previous.values()
                if manager_id is None or p.manager_id == manager_id]

    def movements(self, manager_id: int | None = None) -> list[Movement]:
        return movements(self.previous_placements(manager_id), self.placements(manager_id))

    def unplaced(self) -> list[Rep]:
        return sorted((r for r in self.reps.values() if r.id not in self.current and r.active),
                      key=lambda r: r.name.casefold())


def _finite(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a number between 0 and 1, not {value!r}")
    return clamp(number)


@dataclass(frozen=True)
class PlacementRow:
    """One stored placement as read: ``placement`` is ``None`` for a damaged row."""

    id: int
    offsite_id: int
    rep_id: int
    placement: RepPlacement | None
    note: str


def read_placements(store: OffsiteStore, offsite_id: int | None = None,
                    ids: Iterable[int] | None = None) -> list[PlacementRow]:
    """The placements of one offsite, or the ones with these ids (an edit's rows), by rep
    (manager = the rep's manager now)."""
    query = (select(Placement.id, Placement.offsite_id, Placement.person_id, Person.manager_id,
                    Placement.skill, Placement.motivation, Placement.note)
             .join(Person, Person.id == Placement.person_id).order_by(Placement.person_id))
    if offsite_id is not None:
        query = query.where(Placement.offsite_id == offsite_id)
    if ids is not None:
        query = query.where(Placement.id.in_(list(ids)))
    result = []
    for row_id, offsite, person_id, manager_id, skill, motivation, note in \
            store.session.execute(query):
        damaged = skill is None or motivation is None or math.isnan(skill) \
            or math.isnan(motivation)  # skipped rather than breaking the board
        placement = None if damaged else RepPlacement(person_id, manager_id, skill, motivation)
        result.append(PlacementRow(row_id, offsite, person_id, placement, note or ""))
    return result


def load_placements(store: OffsiteStore, offsite_id: int) -> list[RepPlacement]:
    """The offsite's placements as rule objects (manager = the rep's manager now)."""
    return [row.placement for row in read_placements(store, offsite_id)
            if row.placement is not None]


def load_board(store: OffsiteStore, offsite_id: int | None) -> BoardData:
    """Reps, this offsite's and the previous offsite's placements, and the notes."""
    data = BoardData(offsite_id)
    if offsite_id is None:
        return data
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None:
        return data
    people = {row.id: row for row in store.session.execute(
        select(Person.id, Person.name, Person.role, Person.manager_id, Person.colour,
               Person.active))}
    placed_ids = set(store.session.scalars(
        select(Placement.person_id).where(Placement.offsite_id == offsite_id)))
    for person in people.values():
        if person.role != Role.REP and person.id not in placed_ids:
            continue
        manager = people.get(person.manager_id) if person.manager_id else None
        data.reps[person.id] = Rep(
            id=person.id, name=person.name or f"Rep {person.id}", manager_id=person.manager_id,
            manager_name=manager.name if manager else "",
            colour=(manager.colour if manager else None) or person.colour,
            active=bool(person.active),
        )
        if manager is not None:
            data.managers[manager.id] = manager.name
    rows = read_placements(store, offsite_id)
    data.current = {r.rep_id: r.placement for r in rows if r.placement is not None}
    data.placement_ids = {r.id: r.rep_id for r in rows}
    previous = store.previous_offsite(offsite)
    if previous is not None:
        data.previous_offsite_id = previous.id
        data.previous_title = previous.title
        data.previous = {p.rep_id: p for p in load_placements(store, previous.id)
                         if p.rep_id in data.reps}
    data.rep_notes = {r.rep_id: r.note for r in rows if r.note}
    data.quadrant_notes = load_quadrant_notes(store, offsite_id)
    return data


def load_quadrant_notes(store: OffsiteStore, offsite_id: int) -> dict[Quadrant, str]:
    """The care plans of one offsite, by quadrant."""
    quadrant_notes: dict[Quadrant, str] = {}
    for quadrant, note in store.session.execute(
            select(QuadrantNote.quadrant, QuadrantNote.note).where(
                QuadrantNote.offsite_id == offsite_id)):
        try:
            quadrant_notes[Quadrant(quadrant)] = note or ""
        except ValueError:
            continue  # a quadrant name from a newer Keeper: ignore it
    return quadrant_notes


# --- operations ----------------------------------------------------------------


def _placement(offsite_id: int, rep_id: int) -> dict[str, Any]:
    return {"offsite_id": offsite_id, "person_id": rep_id}


def _current(tx: Tx, offsite_id: int, rep_id: int) -> Placement | None:
    return tx.session.scalars(select(Placement).where(
        Placement.offsite_id == offsite_id, Placement.person_id == rep_id)).first()


@dataclass
class PlaceRep(Operation):
    """Put a rep on the board at (skill, motivation) or move them there."""

    offsite_id: int
    rep_id: int
    skill: float
    motivation: float
    text: str = "Place rep"

    def __post_init__(self) -> None:
        self.skill = _finite(self.skill, "skill")
        self.motivation = _finite(self.motivation, "motivation")

    def perform(self, tx: Tx) -> None:
        tx.put(Placement, _placement(self.offsite_id, self.rep_id),
               {"skill": self.skill, "motivation": self.motivation})


@dataclass
class RemovePlacement(Operation):
    """Take a rep off this offsite's board (their note goes too; undo brings both back)."""

    offsite_id: int
    rep_id: int
    text: str = "Remove from board"

    def perform(self, tx: Tx) -> None:
        tx.put(Placement, _placement(self.offsite_id, self.rep_id), None)


@dataclass
class SetRepNote(Operation):
    """The short private note on one placed rep (never shown on the projector)."""

    offsite_id: int
    rep_id: int
    note: str
    text: str = "Edit rep note"

    def __post_init__(self) -> None:
        self.note = clean_block(self.note, REP_NOTE_MAX)

    def perform(self, tx: Tx) -> None:
        if _current(tx, self.offsite_id, self.rep_id) is None:
            raise ValueError("Place the rep on the board before writing a note about them.")
        tx.put(Placement, _placement(self.offsite_id, self.rep_id), {"note": self.note or None})


@dataclass
class SetQuadrantNote(Operation):
    """The care plan for one quadrant at one offsite."""

    offsite_id: int
    quadrant: Quadrant
    note: str
    text: str = "Edit care plan"

    def __post_init__(self) -> None:
        self.quadrant = Quadrant(self.quadrant)
        self.note = clean_block(self.note, QUADRANT_NOTE_MAX)

    def perform(self, tx: Tx) -> None:
        tx.put(QuadrantNote, {"offsite_id": self.offsite_id, "quadrant": self.quadrant},
               {"note": self.note})


@dataclass
class PlaceMany(Operation):
    """Several placements written in one transaction (an import): all or nothing.

    ``values`` maps rep id to ``(skill, motivation, note)``; a ``None`` note keeps
    the note already on the board.
    """

    offsite_id: int
    values: dict[int, tuple[float, float, str | None]]
    text: str = "Import placements"

    def __post_init__(self) -> None:
        self.values = {
            rep_id: (_finite(skill, "skill"), _finite(motivation, "motivation"),
                     clean_block(note, REP_NOTE_MAX) if note else None)
            for rep_id, (skill, motivation, note) in self.values.items()
        }

    def perform(self, tx: Tx) -> None:
        for rep_id, (skill, motivation, note) in self.values.items():
            values: dict[str, Any] = {"skill": skill, "motivation": motivation}
            if note is not None:
                values["note"] = note
            tx.put(Placement, _placement(self.offsite_id, rep_id), values)
