"""Who is in the room: the offsite's attendees, and the offsite before this one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from keeper.store.kinds import role_rank
from keeper.store.models import Attendance, Offsite, Person
from keeper.store.offsite_file import OffsiteStore


@dataclass(frozen=True)
class DayPerson:
    id: int
    name: str
    role: str


def attendees(store: OffsiteStore, offsite_id: int) -> list[DayPerson]:
    """The offsite's attendees: leaders, then managers, then others; by name."""
    rows = store.session.execute(
        select(Person.id, Person.name, Person.role)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.offsite_id == offsite_id)
    )
    people = [DayPerson(r.id, r.name or f"Person {r.id}", r.role or "") for r in rows]
    return sorted(people, key=lambda p: (role_rank(p.role), p.name.casefold(), p.id))


def attendee(store: OffsiteStore, offsite_id: int, person_id: int) -> DayPerson | None:
    """One attendee, or None when ``person_id`` is not attending (one indexed lookup)."""
    row = store.session.execute(
        select(Person.id, Person.name, Person.role)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.offsite_id == offsite_id, Person.id == person_id)).first()
    return None if row is None else DayPerson(row.id, row.name or f"Person {row.id}",
                                              row.role or "")


def has_attendees(store: OffsiteStore, offsite_id: int) -> bool:
    return store.session.scalar(
        select(Attendance.person_id).where(Attendance.offsite_id == offsite_id).limit(1)
    ) is not None


def previous_offsite(store: OffsiteStore, offsite_id: int) -> Offsite | None:
    offsite = store.session.get(Offsite, offsite_id)
    return store.previous_offsite(offsite) if offsite is not None else None
