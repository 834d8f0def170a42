"""Apply a roster import plan: add the new people, update the changed ones, in one transaction.

:class:`ImportPeople` is the whole import as one undo step: undo removes the people
it added and puts back what it changed; redo adds them again with the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from keeper.people.roster import ImportPlan
from keeper.store.models import Attendance, Person, Role
from keeper.store.offsite_file import OffsiteStore

_FIELDS = ("name", "role", "email", "manager_id")


@dataclass
class Applied:
    """What one application of a plan did: enough to undo it exactly."""

    created: list[int] = field(default_factory=list)
    attending: list[int] = field(default_factory=list)  # people this import made attend
    offsite_id: int | None = None
    before: dict[int, dict[str, Any]] = field(default_factory=dict)  # id → old fields


def apply_import(store: OffsiteStore, plan: ImportPlan, offsite_id: int | None = None,
                 ids: list[int] | None = None) -> Applied:
    """Add every new row and update every changed person in one transaction.

    With ``offsite_id``, the new leaders and managers, and reps promoted to either,
    attend that offsite (as everyone who is not a rep does when an offsite is made
    from a template). ``ids`` are the ids
    the new people had before (a redo), so later edits that name them still do."""
    applied = Applied()
    with store.edit() as session:
        by_name = {p.name.casefold(): p for p in session.scalars(select(Person))}
        updated: list[tuple[Person, str | None]] = []
        promoted: list[Person] = []
        for update in plan.changed:
            person = session.get(Person, update.person_id)
            if person is None:
                continue  # removed since the plan was made; nothing to update
            applied.before[person.id] = {key: getattr(person, key) for key in _FIELDS}
            row = update.person
            if person.role == Role.REP.value and row.role != Role.REP.value:
                promoted.append(person)
            person.name, person.role, person.email = row.name, row.role, row.email
            by_name[row.name.casefold()] = person
            if any(change.label == "manager" for change in update.changes):
                updated.append((person, row.manager))
        created: list[Person] = []
        for n, row in enumerate(plan.accepted):
            person = Person(name=row.name, role=row.role, email=row.email, active=True)
            if ids is not None and n < len(ids):
                person.id = ids[n]
            session.add(person)
            by_name[row.name.casefold()] = person
            created.append(person)
            updated.append((person, row.manager))
        session.flush()
        for person, manager in updated:
            boss = by_name.get(manager.casefold()) if manager else None
            person.manager_id = boss.id if boss is not None and boss is not person else None
        if offsite_id is not None:
            attends = set(session.scalars(select(Attendance.person_id)
                                          .where(Attendance.offsite_id == offsite_id)))
            newcomers = [p for p in created if p.role != Role.REP.value]
            newcomers += [p for p in promoted if p.id not in attends]
            session.add_all(Attendance(offsite_id=offsite_id, person_id=p.id) for p in newcomers)
            applied.attending = [p.id for p in newcomers]
            applied.offsite_id = offsite_id
        session.flush()
        applied.created = [p.id for p in created]
    return applied


def undo_import(store: OffsiteStore, applied: Applied) -> None:
    """Put the file back as it was before ``applied``, in one transaction."""
    with store.edit() as session:
        for person_id, values in applied.before.items():
            person = session.get(Person, person_id)
            if person is not None:
                for key, value in values.items():
                    setattr(person, key, value)
        session.flush()
        if applied.attending:
            session.execute(delete(Attendance).where(
                Attendance.offsite_id == applied.offsite_id,
                Attendance.person_id.in_(applied.attending)))
        if applied.created:
            session.execute(delete(Person).where(Person.id.in_(applied.created)))
    store.session.expire_all()


@dataclass
class ImportPeople:
    """The import as one undoable operation."""

    plan: ImportPlan
    offsite_id: int | None = None  # the offsite the new leaders and managers attend
    text: str = "Import people"
    applied: Applied = field(default_factory=Applied)

    @property
    def created(self) -> list[int]:
        return self.applied.created

    def apply(self, store: OffsiteStore) -> None:
        self.applied = apply_import(store, self.plan, self.offsite_id,
                                    self.applied.created or None)

    def revert(self, store: OffsiteStore) -> None:
        undo_import(store, self.applied)
