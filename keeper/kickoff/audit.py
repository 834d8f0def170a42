"""The reality audit: competencies, self and manager ratings, per-rep metrics, gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from keeper.day.edits import PutRow, SetPositions
from keeper.kickoff.fields import SkoError, check_rating, next_position, number, one_line
from keeper.kickoff.people import SkoPerson, kickoff_reps
from keeper.kickoff.rules import (
    DEFAULT_COMPETENCIES,
    Rating,
    TeamGap,
    team_gaps,
    training_priorities,
)
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import Competency, CompetencyRating, Person, RepMetric
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line


@dataclass(frozen=True)
class CompetencyRow:
    id: int
    position: int
    name: str


@dataclass
class Audit:
    competencies: list[CompetencyRow] = field(default_factory=list)
    reps: list[SkoPerson] = field(default_factory=list)
    ratings: dict[tuple[int, int], Rating] = field(default_factory=dict)  # (rep, competency)
    metric_names: list[str] = field(default_factory=list)
    metrics: dict[tuple[int, str], float] = field(default_factory=dict)  # (rep, name)
    gaps: list[TeamGap] = field(default_factory=list)
    priorities: list[TeamGap] = field(default_factory=list)

    def rating(self, rep_id: int, competency_id: int) -> Rating | None:
        return self.ratings.get((rep_id, competency_id))

    @property
    def rated_reps(self) -> int:
        return len({rep for rep, _c in self.ratings})


def load_competencies(store: OffsiteStore, offsite_id: int) -> list[CompetencyRow]:
    return [CompetencyRow(c.id, c.position, c.name) for c in store.session.scalars(
        select(Competency).where(Competency.offsite_id == offsite_id)
        .order_by(Competency.position, Competency.id))]


def load_audit(store: OffsiteStore, offsite_id: int, priorities: int = 3) -> Audit:
    audit = Audit(competencies=load_competencies(store, offsite_id),
                  reps=kickoff_reps(store, offsite_id))
    for r in store.session.execute(
            select(CompetencyRating.person_id, CompetencyRating.competency_id,
                   CompetencyRating.self_rating, CompetencyRating.manager_rating)
            .join(Competency).where(Competency.offsite_id == offsite_id)):
        audit.ratings[(r.person_id, r.competency_id)] = Rating(
            r.person_id, r.competency_id, r.self_rating, r.manager_rating)
    for m in store.session.execute(
            select(RepMetric.person_id, RepMetric.name, RepMetric.value)
            .where(RepMetric.offsite_id == offsite_id).order_by(RepMetric.id)):
        audit.metrics[(m.person_id, m.name)] = m.value
        if m.name not in audit.metric_names:
            audit.metric_names.append(m.name)
    audit.gaps = team_gaps(audit.ratings.values(), {c.id: c.name for c in audit.competencies})
    audit.priorities = training_priorities(audit.gaps, priorities)
    return audit


def _check_competency_name(store: OffsiteStore, offsite_id: int, name: str,
                           except_id: int | None = None) -> str:
    clean = one_line(name)
    if not clean:
        raise SkoError("A competency needs a name.")
    for other in load_competencies(store, offsite_id):
        if other.id != except_id and other.name.casefold() == clean.casefold():
            raise SkoError(f"“{clean}” is already in the list.")
    return clean


def default_competencies(store: OffsiteStore, offsite_id: int) -> Composite:
    """The eight default competencies (those missing are added, at the end)."""
    have = {c.name.casefold() for c in load_competencies(store, offsite_id)}
    start = next_position(store, Competency, Competency.offsite_id == offsite_id)
    missing = [n for n in DEFAULT_COMPETENCIES if n.casefold() not in have]
    if not missing:
        raise SkoError("The default competencies are all in the list already.")
    parts: list[Operation] = [
        InsertRow(Competency, {"offsite_id": offsite_id, "position": start + n, "name": name})
        for n, name in enumerate(missing)]
    return Composite(parts, "Add the default competencies")


def add_competency(store: OffsiteStore, offsite_id: int, name: str) -> InsertRow:
    clean = _check_competency_name(store, offsite_id, name)
    position = next_position(store, Competency, Competency.offsite_id == offsite_id)
    return InsertRow(Competency, {"offsite_id": offsite_id, "position": position, "name": clean},
                     f"Add competency {clean[:40]}")


def rename_competency(store: OffsiteStore, competency_id: int, name: str) -> SetFields:
    row = store.session.get(Competency, competency_id)
    if row is None:
        raise SkoError("That competency is no longer in the file.")
    clean = _check_competency_name(store, row.offsite_id, name, except_id=competency_id)
    return SetFields(Competency, {"id": competency_id}, {"name": clean},
                     f"Rename competency to {clean[:40]}")


def remove_competency(competency_id: int) -> DeleteRows:
    """Remove a competency and its ratings (undo brings both back)."""
    return DeleteRows(Competency, [{"id": competency_id}], "Remove competency")


def reorder_competencies(ids: Sequence[int]) -> SetPositions:
    return SetPositions(Competency, list(ids), "Reorder competencies")


def move_competency(store: OffsiteStore, offsite_id: int, competency_id: int,
                    step: int) -> SetPositions | None:
    order = [c.id for c in load_competencies(store, offsite_id)]
    if competency_id not in order:
        return None
    index = order.index(competency_id)
    target = max(0, min(len(order) - 1, index + step))
    if target == index:
        return None
    order.insert(target, order.pop(index))
    return reorder_competencies(order)


def set_rating(store: OffsiteStore, competency_id: int, person_id: int, *,
               self_rating: object = ..., manager_rating: object = ...) -> PutRow:
    """Set a rep's self and/or manager rating (1–10; empty clears it)."""
    if store.session.get(Competency, competency_id) is None:
        raise SkoError("That competency is no longer in the file.")
    person = store.session.get(Person, person_id)
    if person is None:
        raise SkoError("That rep is no longer in the file.")
    existing = store.session.scalars(select(CompetencyRating).where(
        CompetencyRating.person_id == person_id,
        CompetencyRating.competency_id == competency_id)).first()
    values = {"self_rating": existing.self_rating if existing else None,
              "manager_rating": existing.manager_rating if existing else None}
    if self_rating is not ...:
        values["self_rating"] = check_rating(self_rating, "A self rating")
    if manager_rating is not ...:
        values["manager_rating"] = check_rating(manager_rating, "A manager rating")
    gone = values["self_rating"] is None and values["manager_rating"] is None
    return PutRow(CompetencyRating, {"person_id": person_id, "competency_id": competency_id},
                  None if gone else values, f"Rate {person.name[:40]}")


def set_rep_metric(offsite_id: int, person_id: int, name: str, value: object) -> PutRow:
    clean = one_line(name)
    if not clean:
        raise SkoError("A metric needs a name.")
    if value is None or (isinstance(value, str) and not value.strip()):
        return PutRow(RepMetric, {"offsite_id": offsite_id, "person_id": person_id,
                                  "name": clean}, None, f"Clear {clean[:40]}")
    parsed = number(value)
    if parsed is None:
        raise SkoError(f"{clean} must be a number, not {clean_line(value)[:30]!r}.")
    return PutRow(RepMetric, {"offsite_id": offsite_id, "person_id": person_id, "name": clean},
                  {"value": parsed}, f"Set {clean[:40]}")
