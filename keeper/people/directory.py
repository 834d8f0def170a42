"""The file's people as the views read them: frozen rows, never live database objects.

One read model for every list of people the app shows (the People table, the
offsite's Keeper and attendee lists, the agenda's presenters, the export's
gratitude notes), so the UI never queries the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from keeper.store.models import Attendance, Person, Role
from keeper.store.offsite_file import OffsiteStore


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    email: str | None
    manager_id: int | None
    colour: str | None
    active: bool


@dataclass(frozen=True)
class GratitudeRow:
    """One attending leader or manager and the Keeper's note to them."""

    person_id: int
    name: str
    note: str


def people(store: OffsiteStore, *, leaders_only: bool = False, active_only: bool = False,
           by_name: bool = False) -> list[PersonRow]:
    """Everyone (or leaders and managers only), by role then name (or by name)."""
    query = select(Person.id, Person.name, Person.role, Person.email, Person.manager_id,
                   Person.colour, Person.active)
    if leaders_only:
        query = query.where(Person.role != Role.REP)
    if active_only:
        query = query.where(Person.active.is_(True))
    query = query.order_by(Person.name) if by_name else query.order_by(Person.role, Person.name)
    return [PersonRow(r.id, r.name, r.role, r.email, r.manager_id, r.colour, bool(r.active))
            for r in store.session.execute(query)]


def names(store: OffsiteStore) -> dict[int, str]:
    """Every person's name by id."""
    return {row.id: row.name for row in store.session.execute(select(Person.id, Person.name))}


def attendance(store: OffsiteStore, offsite_id: int) -> dict[int, str | None]:
    """The people ticked as attending the offsite: each id with the Keeper's note to them."""
    rows = store.session.execute(select(Attendance.person_id, Attendance.gratitude_note)
                                 .where(Attendance.offsite_id == offsite_id))
    return {person_id: note for person_id, note in rows}


def attending(store: OffsiteStore, offsite_id: int) -> set[int]:
    """The ids of the people ticked as attending the offsite."""
    return set(attendance(store, offsite_id))


def gratitude_rows(store: OffsiteStore, offsite_id: int,
                   keeper_id: int | None) -> list[GratitudeRow]:
    """Attending leaders and managers, by role then name, but the Keeper (who writes them)."""
    rows = store.session.execute(
        select(Person.id, Person.name, Attendance.gratitude_note)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.offsite_id == offsite_id, Person.role != Role.REP)
        .order_by(Person.role, Person.name))
    return [GratitudeRow(r.id, r.name, r.gratitude_note or "") for r in rows if r.id != keeper_id]
