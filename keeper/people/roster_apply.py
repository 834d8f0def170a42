"""Apply a roster import plan: add the new people, update the changed ones, in one transaction.

:class:`ImportPeople` is the whole import as one undo step: undo removes the people
it added and puts back what it changed; redo adds them again with the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.ops import Operation, Tx
from keeper.people.roster import ImportPlan
from keeper.store.models import Attendance, Person, Role
from keeper.store.offsite_file import OffsiteStore

_FIELDS = ("name", "role", "email", "manager_id")


@dataclass
class Applied:
    """What one application of a plan did (the undo is the operation's recorded steps)."""

    created: list[int] = field(default_factory=list)
    attending: list[int] = field(default_factory=list)  # people this import made attend
    offsite_id: int | None = None
    before: dict[int, dict[str, Any]] = field(default_factory=dict)  # id → old fields


def apply_import(store: OffsiteStore, plan: ImportPlan, offsite_id: int | None = None) -> Applied:
    """Add every new row and update every changed person in one transaction.

    With ``offsite_id``, the new leaders and managers, and reps promoted to either,
    attend that offsite (as everyone who is not a rep does when an offsite is made
    from a template)."""
    op = ImportPeople(plan, offsite_id)
    op.apply(store)
    return op.result


@dataclass
class ImportPeople(Operation):
    """The import as one undoable operation (steps of :mod:`keeper.ops`, one transaction)."""

    plan: ImportPlan
    offsite_id: int | None = None  # the offsite the new leaders and managers attend
    text: str = "Import people"
    result: Applied = field(default_factory=Applied)

    @property
    def created(self) -> list[int]:
        return self.result.created

    def perform(self, tx: Tx) -> None:
        result = Applied(offsite_id=self.offsite_id)
        session = tx.session
        by_name = {p.name.casefold(): p.id for p in session.scalars(select(Person))}
        managers: list[tuple[int, str | None]] = []
        promoted: list[int] = []
        for update in self.plan.changed:
            person = session.get(Person, update.person_id)
            if person is None:
                continue  # removed since the plan was made; nothing to update
            result.before[person.id] = {key: getattr(person, key) for key in _FIELDS}
            row = update.person
            if person.role == Role.REP and row.role != Role.REP:
                promoted.append(person.id)
            tx.update(Person, person.id, {"name": row.name, "role": row.role, "email": row.email})
            by_name[row.name.casefold()] = person.id
            if any(change.label == "manager" for change in update.changes):
                managers.append((person.id, row.manager))
        for row in self.plan.accepted:
            person_id = tx.insert(Person, {"name": row.name, "role": row.role,
                                           "email": row.email, "active": True})["id"]
            by_name[row.name.casefold()] = person_id
            result.created.append(person_id)
            if row.manager:
                managers.append((person_id, row.manager))
        for person_id, manager in managers:
            boss = by_name.get(manager.casefold()) if manager else None
            tx.update(Person, person_id, {"manager_id": boss if boss != person_id else None})
        if self.offsite_id is not None:
            attends = set(session.scalars(select(Attendance.person_id)
                                          .where(Attendance.offsite_id == self.offsite_id)))
            newcomers = [person_id for person_id, row in zip(result.created, self.plan.accepted,
                                                             strict=True)
                         if row.role != Role.REP]
            newcomers += [p for p in promoted if p not in attends]
            for person_id in newcomers:
                tx.insert(Attendance, {"offsite_id": self.offsite_id, "person_id": person_id})
            result.attending = newcomers
        self.result = result
