"""The kickoff's reps, and everyone by name for the imports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from keeper.store.models import (
    Attainment,
    Competency,
    CompetencyRating,
    First30Plan,
    Person,
    RepMetric,
    Role,
)
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line


@dataclass(frozen=True)
class SkoPerson:
    id: int
    name: str
    manager_id: int | None
    manager: str


def kickoff_reps(store: OffsiteStore, offsite_id: int) -> list[SkoPerson]:
    """Active reps, and any rep with kickoff data, by name."""
    with_data: set[int] = set()
    for model in (Attainment, RepMetric, First30Plan):
        with_data |= set(store.session.scalars(
            select(model.person_id).where(model.offsite_id == offsite_id)))
    with_data |= set(store.session.scalars(
        select(CompetencyRating.person_id).join(Competency)
        .where(Competency.offsite_id == offsite_id)))
    names: dict[int, str] = dict(store.session.execute(
        select(Person.id, Person.name)).all())
    reps = store.session.execute(select(Person.id, Person.name, Person.manager_id, Person.active)
                                 .where(Person.role == Role.REP)).all()
    return sorted((SkoPerson(p.id, p.name, p.manager_id, names.get(p.manager_id or -1, ""))
                   for p in reps if p.active or p.id in with_data),
                  key=lambda p: (p.name.casefold(), p.id))


def rep_lookup(store: OffsiteStore) -> tuple[dict[str, list[Person]], dict[int, str]]:
    """Everyone by cleaned, case-folded name; and every id's name."""
    by_name: dict[str, list[Person]] = {}
    names: dict[int, str] = {}
    for person in store.session.scalars(select(Person)):
        by_name.setdefault(clean_line(person.name).casefold(), []).append(person)
        names[person.id] = person.name
    return by_name, names
