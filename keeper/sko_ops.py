"""The sales kickoff as data and undoable edits.

Loaders turn the kickoff's rows into the plain data of :mod:`keeper.sko_rules`
(tiers, ratings, goal links, survey answers) plus what the views show; every
edit is an operation (``apply``/``revert``, see :mod:`keeper.ops`) committed
when made. Edits that cannot be made raise :class:`SkoError` with a message
worded for the Keeper.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select

from keeper.agenda_ops import InsertItems, agenda_items, clean_item_values, entry_of
from keeper.day.edits import PutRow, SetPositions
from keeper.models import (
    AgendaItem,
    Attainment,
    Base,
    CheckIn,
    Competency,
    CompetencyRating,
    First30Plan,
    Goal,
    GoalLayer,
    GoalLink,
    ItemKind,
    MetricMeasure,
    Offsite,
    OffsiteKind,
    Person,
    RecognitionTier,
    RepMetric,
    Role,
    SkoLookBack,
    SkoObjective,
    SuccessMetric,
    SurveyRating,
    SurveyResponse,
)
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.schedule import MIX_RULES, MixReport, content_mix
from keeper.sko_rules import (
    CHECKPOINTS,
    DEFAULT_COMPETENCIES,
    DEFAULT_TIERS,
    HORIZONS,
    SESSION_FORMATS,
    GoalLinkError,
    GoalNode,
    Rating,
    SurveySummary,
    TeamGap,
    Tier,
    check_link,
    compensation_flags,
    goal_tree,
    metric_status,
    recognition,
    summarise_survey,
    team_gaps,
    training_priorities,
    unlinked_goals,
)
from keeper.store import OffsiteStore
from keeper.text import clean_block, clean_line

AREA = "kickoff"
NAME_MAX = 200
TEXT_MAX = 4000
UNIT_MAX = 32
RATING_MIN, RATING_MAX = 1.0, 10.0
ATTAINMENT_MAX = 5.0  # 500% of plan: anything above is a typing mistake
THRESHOLD_MAX = 5.0
MONEY_MAX = 1e13
TRAINING_MINUTES = 60
LAYERS = (GoalLayer.OUTCOME.value, GoalLayer.PERFORMANCE.value, GoalLayer.DEVELOPMENT.value)
LAYER_TITLES = {"outcome": "Outcome goals", "performance": "Performance goals",
                "development": "Development goals"}
LAYER_HINTS = {"outcome": "revenue, pipeline, expansion",
               "performance": "activities: calls, meetings, proposals",
               "development": "skills each rep will demonstrate"}
PLAN_FIELDS = ("week1_focus", "weeks2_3", "week4_review", "daily_habits")
PLAN_LABELS = {"week1_focus": "Week 1 focus", "weeks2_3": "Weeks 2–3 application",
               "week4_review": "Week 4 review", "daily_habits": "Daily habits"}
SUGGESTED_METRICS: tuple[tuple[str, str, float | None, str | None, bool], ...] = (
    ("0-7 days", "Satisfaction score (1-5)", 4.2, None, True),
    ("0-7 days", "Attendance at mandatory sessions", 95, "%", True),
    ("1-8 weeks", "Certification completion", 90, "%", True),
    ("1-8 weeks", "CRM feature adoption", 80, "%", True),
    ("2-12 months", "Q1 pipeline created", None, "$M", True),
    ("2-12 months", "Competitive win rate", None, "%", True),
)


class SkoError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


# =========================================================================== helpers


def _table(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _text(value: object, max_len: int = TEXT_MAX) -> str | None:
    return clean_block(value, max_len) or None


def _line(value: object, max_len: int = NAME_MAX) -> str:
    return clean_line(value, max_len)


def number(value: object) -> float | None:
    """A number as people type it (``7``, ``7.5``, ``7,5``, ``1 200``); None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    else:
        text = clean_line(value).replace(" ", "").replace("\u202f", "")
        if not text:
            return None
        decimal_comma = text.count(",") == 1 and "." not in text
        if decimal_comma and len(text.split(",")[1]) != 3:
            text = text.replace(",", ".")
        text = text.replace(",", "")
        try:
            result = float(text)
        except ValueError:
            return None
    return result if math.isfinite(result) else None


def check_rating(value: object, what: str = "A rating") -> float | None:
    """A 1–10 rating, or None for empty; anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = number(value)
    if parsed is None:
        raise SkoError(f"{what} must be a number from 1 to 10, not {clean_line(value)[:30]!r}.")
    if not RATING_MIN <= parsed <= RATING_MAX:
        raise SkoError(f"{what} must be from 1 to 10 (got {parsed:g}).")
    return parsed


def _next_position(store: OffsiteStore, model: type[Base], *where: Any) -> int:
    table = _table(model)
    positions = list(store.session.scalars(select(table.c.position).where(*where)))
    return max(positions, default=-1) + 1


def kickoff_of(store: OffsiteStore, offsite_id: int | None) -> Offsite | None:
    if offsite_id is None:
        return None
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.kind != OffsiteKind.KICKOFF.value:
        return None
    return offsite


def kickoffs(store: OffsiteStore) -> list[tuple[int, str, dt.date | None]]:
    """The file's kickoffs, newest first."""
    rows = store.session.execute(
        select(Offsite.id, Offsite.title, Offsite.date)
        .where(Offsite.kind == OffsiteKind.KICKOFF.value))
    return sorted(((r.id, r.title, r.date) for r in rows),
                  key=lambda r: (r[2] or dt.date.min, r[0]), reverse=True)


# =========================================================================== one transaction


@dataclass
class ScopedReplace:
    """Rewrite a scope of rows (an import) in one transaction; undo restores it exactly.

    ``scopes`` are (model, where) pairs, parents before children. The first
    ``apply`` runs ``write`` and remembers the rows before and after; redo puts
    the "after" rows back with the same ids, so later edits stay valid.
    """

    scopes: list[tuple[type[Base], Callable[[], list[Any]]]]
    write: Callable[[Any], None]
    text: str = "Import"
    _before: list[list[dict[str, Any]]] | None = None
    _after: list[list[dict[str, Any]]] | None = None

    def _snapshot(self, session: Any) -> list[list[dict[str, Any]]]:
        return [[dict(r._mapping) for r in session.execute(select(_table(m)).where(*where()))]
                for m, where in self.scopes]

    def _restore(self, store: OffsiteStore, rows: list[list[dict[str, Any]]]) -> None:
        with store.edit() as s:
            for model, where in reversed(self.scopes):
                s.execute(delete(_table(model)).where(*where()))
            for (model, _where), saved in zip(self.scopes, rows, strict=True):
                if saved:
                    s.execute(insert(_table(model)), saved)
        store.session.expire_all()

    def apply(self, store: OffsiteStore) -> None:
        if self._after is not None:
            self._restore(store, self._after)
            return
        with store.edit() as s:
            self._before = self._snapshot(s)
            self.write(s)
            s.flush()
            self._after = self._snapshot(s)
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        if self._before is not None:
            self._restore(store, self._before)


# =========================================================================== people


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
            select(model.person_id).where(model.offsite_id == offsite_id)))  # type: ignore[attr-defined]
    with_data |= set(store.session.scalars(
        select(CompetencyRating.person_id).join(Competency)
        .where(Competency.offsite_id == offsite_id)))
    people = list(store.session.scalars(select(Person).where(Person.role == Role.REP.value)))
    names = {p.id: p.name for p in store.session.scalars(select(Person))}
    reps = [p for p in people if p.active or p.id in with_data]
    return sorted((SkoPerson(p.id, p.name, p.manager_id, names.get(p.manager_id or -1, ""))
                   for p in reps), key=lambda p: (p.name.casefold(), p.id))


def rep_lookup(store: OffsiteStore) -> tuple[dict[str, list[Person]], dict[int, str]]:
    """Everyone by cleaned, case-folded name; and every id's name."""
    by_name: dict[str, list[Person]] = {}
    names: dict[int, str] = {}
    for person in store.session.scalars(select(Person)):
        by_name.setdefault(clean_line(person.name).casefold(), []).append(person)
        names[person.id] = person.name
    return by_name, names


# =========================================================================== look back


@dataclass(frozen=True)
class ObjectiveRow:
    id: int
    position: int
    text: str
    hit: bool | None


@dataclass(frozen=True)
class ResponseRow:
    id: int
    respondent: str | None
    went_well: str | None
    to_improve: str | None
    ratings: dict[str, float]


@dataclass
class LookBack:
    revenue_goal: float | None = None
    revenue_actual: float | None = None
    outside_factors: str = ""
    objectives: list[ObjectiveRow] = field(default_factory=list)
    responses: list[ResponseRow] = field(default_factory=list)
    summary: SurveySummary | None = None
    questions: list[str] = field(default_factory=list)
    scales: dict[str, float] = field(default_factory=dict)  # question → top of its scale

    @property
    def revenue_share(self) -> float | None:
        if not self.revenue_goal or self.revenue_actual is None:
            return None
        return self.revenue_actual / self.revenue_goal


def load_look_back(store: OffsiteStore, offsite_id: int) -> LookBack:
    data = LookBack()
    row = store.session.get(SkoLookBack, offsite_id)
    if row is not None:
        data.revenue_goal, data.revenue_actual = row.revenue_goal, row.revenue_actual
        data.outside_factors = row.outside_factors or ""
    data.objectives = [ObjectiveRow(o.id, o.position, o.text, o.hit) for o in store.session.scalars(
        select(SkoObjective).where(SkoObjective.offsite_id == offsite_id)
        .order_by(SkoObjective.position, SkoObjective.id))]
    responses = list(store.session.scalars(
        select(SurveyResponse).where(SurveyResponse.offsite_id == offsite_id)
        .order_by(SurveyResponse.id)))
    ratings: dict[int, dict[str, float]] = {r.id: {} for r in responses}
    questions: list[str] = []
    for response_id, question, value in store.session.execute(
            select(SurveyRating.response_id, SurveyRating.question, SurveyRating.value)
            .join(SurveyResponse).where(SurveyResponse.offsite_id == offsite_id)
            .order_by(SurveyRating.id)):
        ratings[response_id][question] = value
        if question not in questions:
            questions.append(question)
    data.responses = [ResponseRow(r.id, r.respondent, r.went_well, r.to_improve, ratings[r.id])
                      for r in responses]
    data.questions = questions
    for question in questions:
        data.scales[question] = rating_scale_max(
            r[question] for r in ratings.values() if question in r)
    if responses:
        data.summary = summarise_survey(
            [(r.went_well, r.to_improve) for r in responses],
            [(q, v) for r in ratings.values() for q, v in r.items()])
    return data


def rating_scale_max(values: Iterable[float]) -> float:
    """The top of the survey's rating scale, as the answers show it (5, 10 or 100)."""
    top = max(values, default=0.0)
    if top <= 5:
        return 5.0
    return 10.0 if top <= 10 else 100.0


def set_look_back(offsite_id: int, *, revenue_goal: object = ..., revenue_actual: object = ...,
                  outside_factors: object = ...) -> PutRow:
    values: dict[str, Any] = {}
    for key, raw in (("revenue_goal", revenue_goal), ("revenue_actual", revenue_actual)):
        if raw is ...:
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            values[key] = None
            continue
        parsed = number(raw)
        label = "The revenue goal" if key == "revenue_goal" else "Actual revenue"
        if parsed is None:
            raise SkoError(f"{label} must be a number, not {clean_line(raw)[:30]!r}.")
        if parsed < 0 or parsed > MONEY_MAX:
            raise SkoError(f"{label} must be between 0 and {MONEY_MAX:,.0f}.")
        values[key] = parsed
    if outside_factors is not ...:
        values["outside_factors"] = _text(outside_factors)
    if not values:
        raise SkoError("Nothing to change.")
    return PutRow(SkoLookBack, {"offsite_id": offsite_id}, values, "Edit revenue against goal")


def add_objective(store: OffsiteStore, offsite_id: int, text: str,
                  hit: bool | None = None) -> InsertRow:
    clean = _line(text, 1000)
    if not clean:
        raise SkoError("Write the objective first.")
    position = _next_position(store, SkoObjective, SkoObjective.offsite_id == offsite_id)
    return InsertRow(SkoObjective, {"offsite_id": offsite_id, "position": position,
                                    "text": clean, "hit": hit}, "Add objective")


def edit_objective(objective_id: int, *, text: object = ..., hit: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if text is not ...:
        clean = _line(text, 1000)
        if not clean:
            raise SkoError("An objective cannot be empty; delete it instead.")
        values["text"] = clean
    if hit is not ...:
        if hit not in (True, False, None):
            raise SkoError("An objective is hit, missed or not yet known.")
        values["hit"] = hit
    if not values:
        raise SkoError("Nothing to change.")
    what = ("Mark objective " + ("hit" if hit else "missed" if hit is False else "not known")
            if "text" not in values else "Edit objective")
    return SetFields(SkoObjective, {"id": objective_id}, values, what)


def delete_objective(objective_id: int) -> DeleteRows:
    return DeleteRows(SkoObjective, [{"id": objective_id}], "Delete objective")


def reorder_objectives(ids: Sequence[int]) -> SetPositions:
    return SetPositions(SkoObjective, list(ids), "Reorder objectives")


def clear_survey(store: OffsiteStore, offsite_id: int) -> DeleteRows:
    ids = list(store.session.scalars(
        select(SurveyResponse.id).where(SurveyResponse.offsite_id == offsite_id)))
    return DeleteRows(SurveyResponse, [{"id": i} for i in ids], "Clear the survey")


# =========================================================================== reality audit


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


def gap_level(gap: float | None) -> str:
    """Self minus manager as a band: 'over' ≥ +2 (over-confident), 'under' ≤ −2, 'near'."""
    if gap is None:
        return ""
    if gap >= 2:
        return "over"
    return "under" if gap <= -2 else "near"


def load_competencies(store: OffsiteStore, offsite_id: int) -> list[CompetencyRow]:
    return [CompetencyRow(c.id, c.position, c.name) for c in store.session.scalars(
        select(Competency).where(Competency.offsite_id == offsite_id)
        .order_by(Competency.position, Competency.id))]


def load_audit(store: OffsiteStore, offsite_id: int, priorities: int = 3) -> Audit:
    audit = Audit(competencies=load_competencies(store, offsite_id),
                  reps=kickoff_reps(store, offsite_id))
    for r in store.session.scalars(
            select(CompetencyRating).join(Competency).where(Competency.offsite_id == offsite_id)):
        audit.ratings[(r.person_id, r.competency_id)] = Rating(
            r.person_id, r.competency_id, r.self_rating, r.manager_rating)
    for m in store.session.scalars(select(RepMetric).where(RepMetric.offsite_id == offsite_id)
                                   .order_by(RepMetric.id)):
        audit.metrics[(m.person_id, m.name)] = m.value
        if m.name not in audit.metric_names:
            audit.metric_names.append(m.name)
    audit.gaps = team_gaps(audit.ratings.values(), {c.id: c.name for c in audit.competencies})
    audit.priorities = training_priorities(audit.gaps, priorities)
    return audit


def _check_competency_name(store: OffsiteStore, offsite_id: int, name: str,
                           except_id: int | None = None) -> str:
    clean = _line(name)
    if not clean:
        raise SkoError("A competency needs a name.")
    for other in load_competencies(store, offsite_id):
        if other.id != except_id and other.name.casefold() == clean.casefold():
            raise SkoError(f"“{clean}” is already in the list.")
    return clean


def default_competencies(store: OffsiteStore, offsite_id: int) -> Composite:
    """The eight default competencies (those missing are added, at the end)."""
    have = {c.name.casefold() for c in load_competencies(store, offsite_id)}
    start = _next_position(store, Competency, Competency.offsite_id == offsite_id)
    missing = [n for n in DEFAULT_COMPETENCIES if n.casefold() not in have]
    if not missing:
        raise SkoError("The default competencies are all in the list already.")
    parts: list[Operation] = [
        InsertRow(Competency, {"offsite_id": offsite_id, "position": start + n, "name": name})
        for n, name in enumerate(missing)]
    return Composite(parts, "Add the default competencies")


def add_competency(store: OffsiteStore, offsite_id: int, name: str) -> InsertRow:
    clean = _check_competency_name(store, offsite_id, name)
    position = _next_position(store, Competency, Competency.offsite_id == offsite_id)
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
    clean = _line(name)
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


def training_session_rows(priority: TeamGap) -> list[dict[str, Any]]:
    self_mean = f"{priority.self_mean:.1f}" if priority.self_mean is not None else "–"
    manager_mean = f"{priority.manager_mean:.1f}" if priority.manager_mean is not None else "–"
    return [{
        "title": training_title(priority.name),
        "kind": ItemKind.SESSION.value,
        "planned_minutes": TRAINING_MINUTES,
        "content_tag": "skills",
        "session_format": "role-play",
        "notes": (f"Training priority from the reality audit: reps rate themselves {self_mean} "
                  f"on average, their managers {manager_mean} (gap +{priority.gap or 0:.1f}, "
                  f"{priority.rated} reps)."),
        "warn_amber_s": 120,
        "warn_red_s": 30,
    }]


def training_title(name: str) -> str:
    return clean_line(f"Skills lab: {name}", 200)


def training_in_agenda(store: OffsiteStore, offsite_id: int) -> set[str]:
    """Competency names that already have a skills-lab session in the agenda."""
    prefix = "skills lab: "
    return {i.title[len(prefix):].casefold() for i in agenda_items(store, offsite_id)
            if i.title.casefold().startswith(prefix)}


def add_training_session(store: OffsiteStore, offsite_id: int, priority: TeamGap) -> InsertItems:
    """A skills session for a training priority, after the agenda's last skills session
    of the first day (else at the end of day 1)."""
    if priority.name.casefold() in training_in_agenda(store, offsite_id):
        raise SkoError(f"The agenda already has a skills lab on {priority.name}.")
    items = agenda_items(store, offsite_id)
    first_day = min((i.day for i in items), default=1)
    day_items = [n for n, i in enumerate(items) if i.day == first_day]
    skills = [n for n in day_items if items[n].content_tag == "skills"
              and items[n].kind == ItemKind.SESSION.value]
    if skills:
        at = skills[-1] + 1
    elif day_items:
        at = day_items[-1] + 1
    else:
        at = len(items)
    rows = training_session_rows(priority)
    rows[0]["day"] = first_day
    return InsertItems(offsite_id, at, rows, f"Add a skills lab on {priority.name[:40]}")


# =========================================================================== goals


@dataclass(frozen=True)
class GoalRow:
    id: int
    layer: str
    position: int
    text: str
    target: str | None


@dataclass
class Goals:
    goals: list[GoalRow] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)  # (parent, child)
    tree: list[GoalNode] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def layer(self, layer: str) -> list[GoalRow]:
        return [g for g in self.goals if g.layer == layer]

    def by_id(self, goal_id: int) -> GoalRow | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def parents(self, goal_id: int) -> set[int]:
        return {p for p, c in self.links if c == goal_id}

    def children(self, goal_id: int) -> set[int]:
        return {c for p, c in self.links if p == goal_id}

    def connected(self, goal_id: int) -> set[int]:
        """Everything that carries this goal (below) and that it carries (above)."""
        found = {goal_id}
        frontier = [goal_id]
        while frontier:
            nxt = [c for g in frontier for c in self.children(g) if c not in found]
            found.update(nxt)
            frontier = nxt
        frontier = [goal_id]
        while frontier:
            nxt = [p for g in frontier for p in self.parents(g) if p not in found]
            found.update(nxt)
            frontier = nxt
        return found


def load_goals(store: OffsiteStore, offsite_id: int) -> Goals:
    rows = list(store.session.scalars(select(Goal).where(Goal.offsite_id == offsite_id)))
    rows.sort(key=lambda g: (LAYERS.index(g.layer) if g.layer in LAYERS else 9, g.position, g.id))
    goals = [GoalRow(g.id, g.layer, g.position, g.text, g.target) for g in rows]
    ids = {g.id for g in goals}
    links = sorted((p, c) for p, c in store.session.execute(
        select(GoalLink.parent_id, GoalLink.child_id)) if p in ids and c in ids)
    triples = [(g.id, g.layer, g.text) for g in goals if g.layer in LAYERS]
    return Goals(goals, links, goal_tree(triples, links), unlinked_goals(triples, links))


def add_goal(store: OffsiteStore, offsite_id: int, layer: str, text: str,
             target: str | None = None) -> InsertRow:
    if layer not in LAYERS:
        raise SkoError(f"A goal is an outcome, performance or development goal, not {layer!r}.")
    clean = _line(text, 1000)
    if not clean:
        raise SkoError("Write the goal first.")
    position = _next_position(store, Goal, Goal.offsite_id == offsite_id, Goal.layer == layer)
    return InsertRow(Goal, {"offsite_id": offsite_id, "layer": layer, "position": position,
                            "text": clean, "target": _line(target or "", 300) or None},
                     f"Add {layer} goal")


def edit_goal(goal_id: int, *, text: object = ..., target: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if text is not ...:
        clean = _line(text, 1000)
        if not clean:
            raise SkoError("A goal cannot be empty; delete it instead.")
        values["text"] = clean
    if target is not ...:
        values["target"] = _line(target or "", 300) or None
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(Goal, {"id": goal_id}, values, "Edit goal")


def delete_goal(goal_id: int) -> DeleteRows:
    """Delete a goal and its links (undo brings both back)."""
    return DeleteRows(Goal, [{"id": goal_id}], "Delete goal")


def reorder_goals(ids: Sequence[int]) -> SetPositions:
    return SetPositions(Goal, list(ids), "Reorder goals")


def _layers(store: OffsiteStore, *goal_ids: int) -> dict[int, str]:
    rows = store.session.scalars(select(Goal).where(Goal.id.in_(goal_ids)))
    found = {g.id: g.layer for g in rows}
    if len(found) != len(set(goal_ids)):
        raise SkoError("That goal is no longer in the file.")
    return found


def link_goals(store: OffsiteStore, parent_id: int, child_id: int) -> InsertRow:
    """``child`` carries ``parent`` (an activity carries revenue, a skill an activity)."""
    layers = _layers(store, parent_id, child_id)
    try:
        check_link(layers, parent_id, child_id)
    except GoalLinkError as exc:
        raise SkoError(str(exc)) from exc
    if store.session.get(GoalLink, (parent_id, child_id)) is not None:
        raise SkoError("These two goals are already linked.")
    return InsertRow(GoalLink, {"parent_id": parent_id, "child_id": child_id}, "Link goals")


def link_pair(store: OffsiteStore, a: int, b: int) -> InsertRow:
    """Link two goals whichever way round they were picked: the upper layer is carried."""
    layers = _layers(store, a, b)
    if a != b and LAYERS.index(layers[b]) < LAYERS.index(layers[a]):
        a, b = b, a
    return link_goals(store, a, b)


def unlink_goals(store: OffsiteStore, parent_id: int, child_id: int) -> DeleteRows:
    if store.session.get(GoalLink, (parent_id, child_id)) is None:
        raise SkoError("These two goals are not linked.")
    return DeleteRows(GoalLink, [{"parent_id": parent_id, "child_id": child_id}], "Unlink goals")


# =========================================================================== agenda check


@dataclass(frozen=True)
class SessionRow:
    id: int
    day: int
    title: str
    minutes: int
    content_tag: str | None
    session_format: str | None
    notes: str | None
    comp_advice: str | None


@dataclass
class AgendaCheck:
    sessions: list[SessionRow] = field(default_factory=list)
    mix: MixReport | None = None
    flags: dict[int, str] = field(default_factory=dict)


def load_agenda_check(store: OffsiteStore, offsite_id: int) -> AgendaCheck:
    offsite = store.session.get(Offsite, offsite_id)
    items = agenda_items(store, offsite_id)
    rule = offsite.mix_rule if offsite is not None and offsite.mix_rule in MIX_RULES else "60/30/10"
    flags = dict(compensation_flags((i.id, i.title, i.notes) for i in items
                                    if i.kind == ItemKind.SESSION.value))
    sessions = [SessionRow(i.id, i.day, i.title, i.planned_minutes, i.content_tag,
                           i.session_format, i.notes, flags.get(i.id))
                for i in items if i.kind == ItemKind.SESSION.value]
    return AgendaCheck(sessions, content_mix([entry_of(i) for i in items], rule), flags)


def set_session_format(store: OffsiteStore, item_id: int, session_format: str | None) -> SetFields:
    item = store.session.get(AgendaItem, item_id)
    if item is None:
        raise SkoError("That session is no longer in the agenda.")
    clean = clean_item_values({"session_format": session_format or ""})
    value = clean.get("session_format")
    known = {f.casefold(): f for f in SESSION_FORMATS}
    if value is not None:
        value = known.get(value.casefold(), value)
    return SetFields(AgendaItem, {"id": item_id}, {"session_format": value},
                     f"Format of {item.title[:40]}: {value or 'none'}")


def set_content_tag(store: OffsiteStore, item_id: int, tag: str | None) -> SetFields:
    item = store.session.get(AgendaItem, item_id)
    if item is None:
        raise SkoError("That session is no longer in the agenda.")
    clean = clean_item_values({"content_tag": tag})
    if "content_tag" not in clean:
        raise SkoError(f"A session is skills, strategy or culture, not {tag!r}.")
    return SetFields(AgendaItem, {"id": item_id}, clean,
                     f"Content of {item.title[:40]}: {clean['content_tag'] or 'none'}")


# =========================================================================== recognition


@dataclass
class Recognition:
    tiers: list[Tier] = field(default_factory=list)  # lowest threshold first
    reps: list[SkoPerson] = field(default_factory=list)
    attainment: dict[int, float] = field(default_factory=dict)
    by_tier: dict[int, list[int]] = field(default_factory=dict)

    def tier_of(self, person_id: int) -> Tier | None:
        for tier in self.tiers:
            if person_id in self.by_tier.get(tier.id, []):
                return tier
        return None

    @property
    def below(self) -> list[int]:
        placed = {p for ids in self.by_tier.values() for p in ids}
        return sorted((p for p in self.attainment if p not in placed),
                      key=lambda p: -self.attainment[p])


def load_recognition(store: OffsiteStore, offsite_id: int) -> Recognition:
    tiers = sorted((Tier(t.id, t.name, t.threshold) for t in store.session.scalars(
        select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id))),
        key=lambda t: (t.threshold, t.id))
    attainment = {pid: value for pid, value in store.session.execute(
        select(Attainment.person_id, Attainment.attainment)
        .where(Attainment.offsite_id == offsite_id))}
    return Recognition(tiers, kickoff_reps(store, offsite_id), attainment,
                       recognition(attainment, tiers))


def _check_threshold(value: object) -> float:
    parsed = parse_share(value)
    if parsed is None:
        raise SkoError(f"A threshold is a share of plan such as 100% or 125%, "
                       f"not {clean_line(value)[:30]!r}.")
    if not 0 < parsed <= THRESHOLD_MAX:
        raise SkoError(f"A threshold must be above 0% and at most {THRESHOLD_MAX:.0%} of plan.")
    return parsed


def parse_share(value: object) -> float | None:
    """A share of plan as typed: ``125%``, ``125`` (a percentage above 5) or ``1.25``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed: float | None = float(value)
        percent = False
    else:
        text = clean_line(value)
        percent = text.endswith("%")
        parsed = number(text.rstrip("%").strip())
    if parsed is None or not math.isfinite(parsed):
        return None
    return parsed / 100 if percent or parsed > ATTAINMENT_MAX else parsed


def default_tiers(store: OffsiteStore, offsite_id: int) -> Composite:
    have = {t.name.casefold() for t in store.session.scalars(
        select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id))}
    parts: list[Operation] = [
        InsertRow(RecognitionTier, {"offsite_id": offsite_id, "name": name, "threshold": share})
        for name, share in DEFAULT_TIERS if name.casefold() not in have]
    if not parts:
        raise SkoError("The default tiers are there already.")
    return Composite(parts, "Add the default tiers")


def _check_tier_name(store: OffsiteStore, offsite_id: int, name: object,
                     except_id: int | None = None) -> str:
    clean = _line(name)
    if not clean:
        raise SkoError("A tier needs a name (for example President's Club).")
    for tier in store.session.scalars(
            select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id)):
        if tier.id != except_id and tier.name.casefold() == clean.casefold():
            raise SkoError(f"There is already a tier called “{clean}”.")
    return clean


def add_tier(store: OffsiteStore, offsite_id: int, name: str, threshold: object) -> InsertRow:
    clean = _check_tier_name(store, offsite_id, name)
    share = _check_threshold(threshold)
    return InsertRow(RecognitionTier, {"offsite_id": offsite_id, "name": clean,
                                       "threshold": share}, f"Add tier {clean[:40]}")


def edit_tier(store: OffsiteStore, tier_id: int, *, name: object = ...,
              threshold: object = ...) -> SetFields:
    tier = store.session.get(RecognitionTier, tier_id)
    if tier is None:
        raise SkoError("That tier is no longer in the file.")
    values: dict[str, Any] = {}
    if name is not ...:
        values["name"] = _check_tier_name(store, tier.offsite_id, name, except_id=tier_id)
    if threshold is not ...:
        values["threshold"] = _check_threshold(threshold)
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(RecognitionTier, {"id": tier_id}, values, f"Edit tier {tier.name[:40]}")


def delete_tier(tier_id: int) -> DeleteRows:
    return DeleteRows(RecognitionTier, [{"id": tier_id}], "Delete tier")


def check_attainment(value: object) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    share = parse_share(value)
    if share is None:
        raise SkoError(f"Attainment is a share of plan such as 112% or 1.12, "
                       f"not {clean_line(value)[:30]!r}.")
    if not 0 <= share <= ATTAINMENT_MAX:
        raise SkoError(f"Attainment must be from 0% to {ATTAINMENT_MAX:.0%} of plan "
                       f"(got {share:.0%}).")
    return share


def set_attainment(store: OffsiteStore, offsite_id: int, person_id: int,
                   value: object) -> PutRow:
    person = store.session.get(Person, person_id)
    if person is None:
        raise SkoError("That rep is no longer in the file.")
    share = check_attainment(value)
    return PutRow(Attainment, {"offsite_id": offsite_id, "person_id": person_id},
                  None if share is None else {"attainment": share},
                  f"Attainment of {person.name[:40]}")


# =========================================================================== follow-through


@dataclass(frozen=True)
class MeasureRow:
    id: int
    measured_on: dt.date
    value: float


@dataclass(frozen=True)
class MetricRow:
    id: int
    horizon: str
    position: int
    name: str
    target: float | None
    unit: str | None
    higher_is_better: bool
    measures: tuple[MeasureRow, ...]

    @property
    def latest(self) -> float | None:
        return self.measures[-1].value if self.measures else None

    @property
    def status(self) -> str:
        return metric_status(self.target, self.latest, self.higher_is_better)


@dataclass(frozen=True)
class CheckpointRow:
    id: int
    date: dt.date
    label: str | None
    notes: str | None


@dataclass(frozen=True)
class PlanRow:
    person_id: int
    week1_focus: str | None
    weeks2_3: str | None
    week4_review: str | None
    daily_habits: str | None
    partner_id: int | None


@dataclass
class FollowThrough:
    date: dt.date | None = None
    metrics: list[MetricRow] = field(default_factory=list)
    check_ins: list[CheckpointRow] = field(default_factory=list)
    plans: dict[int, PlanRow] = field(default_factory=dict)
    reps: list[SkoPerson] = field(default_factory=list)

    def horizon(self, horizon: str) -> list[MetricRow]:
        return [m for m in self.metrics if m.horizon == horizon]


def load_follow_through(store: OffsiteStore, offsite_id: int) -> FollowThrough:
    offsite = store.session.get(Offsite, offsite_id)
    data = FollowThrough(date=offsite.date if offsite else None,
                         reps=kickoff_reps(store, offsite_id))
    measures: dict[int, list[MeasureRow]] = {}
    for m in store.session.scalars(
            select(MetricMeasure).join(SuccessMetric)
            .where(SuccessMetric.offsite_id == offsite_id)
            .order_by(MetricMeasure.measured_on, MetricMeasure.id)):
        measures.setdefault(m.metric_id, []).append(MeasureRow(m.id, m.measured_on, m.value))
    metrics = list(store.session.scalars(
        select(SuccessMetric).where(SuccessMetric.offsite_id == offsite_id)))
    metrics.sort(key=lambda m: (HORIZONS.index(m.horizon) if m.horizon in HORIZONS else 9,
                                m.position, m.id))
    data.metrics = [MetricRow(m.id, m.horizon, m.position, m.name, m.target, m.unit,
                              bool(m.higher_is_better), tuple(measures.get(m.id, [])))
                    for m in metrics]
    data.check_ins = [CheckpointRow(c.id, c.date, c.label, c.notes) for c in store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id)
        .order_by(CheckIn.date, CheckIn.id))]
    data.plans = {p.person_id: PlanRow(p.person_id, p.week1_focus, p.weeks2_3, p.week4_review,
                                       p.daily_habits, p.partner_id)
                  for p in store.session.scalars(
                      select(First30Plan).where(First30Plan.offsite_id == offsite_id))}
    return data


def _metric_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            clean = _line(value, 500)
            if not clean:
                raise SkoError("A success metric needs a name.")
            out[key] = clean
        elif key == "horizon":
            if value not in HORIZONS:
                raise SkoError(f"The horizon is one of {', '.join(HORIZONS)}.")
            out[key] = value
        elif key == "target":
            if value is None or (isinstance(value, str) and not value.strip()):
                out[key] = None
            else:
                parsed = number(value)
                if parsed is None:
                    raise SkoError(f"The target must be a number, not {clean_line(value)[:30]!r}.")
                out[key] = parsed
        elif key == "unit":
            out[key] = _line(value or "", UNIT_MAX) or None
        elif key == "higher_is_better":
            out[key] = bool(value)
    return out


def add_metric(store: OffsiteStore, offsite_id: int, horizon: str, name: str,
               target: object = None, unit: str | None = None,
               higher_is_better: bool = True) -> InsertRow:
    values = _metric_values({"horizon": horizon, "name": name, "target": target, "unit": unit,
                             "higher_is_better": higher_is_better})
    position = _next_position(store, SuccessMetric, SuccessMetric.offsite_id == offsite_id,
                              SuccessMetric.horizon == horizon)
    return InsertRow(SuccessMetric, {"offsite_id": offsite_id, "position": position, **values},
                     f"Add metric {values['name'][:40]}")


def suggested_metrics(store: OffsiteStore, offsite_id: int) -> Composite:
    """The blueprint's success grid (those not there yet), one undo step."""
    have = {m.name.casefold() for m in store.session.scalars(
        select(SuccessMetric).where(SuccessMetric.offsite_id == offsite_id))}
    parts: list[Operation] = []
    positions: dict[str, int] = {}
    for horizon, name, target, unit, higher in SUGGESTED_METRICS:
        if name.casefold() in have:
            continue
        if horizon not in positions:
            positions[horizon] = _next_position(store, SuccessMetric,
                                                SuccessMetric.offsite_id == offsite_id,
                                                SuccessMetric.horizon == horizon)
        parts.append(InsertRow(SuccessMetric, {
            "offsite_id": offsite_id, "horizon": horizon, "position": positions[horizon],
            "name": name, "target": target, "unit": unit, "higher_is_better": higher}))
        positions[horizon] += 1
    if not parts:
        raise SkoError("The suggested metrics are in the grid already.")
    return Composite(parts, "Add the suggested success metrics")


def edit_metric(metric_id: int, values: Mapping[str, Any]) -> SetFields:
    clean = _metric_values(values)
    if not clean:
        raise SkoError("Nothing to change.")
    return SetFields(SuccessMetric, {"id": metric_id}, clean, "Edit success metric")


def delete_metric(metric_id: int) -> DeleteRows:
    return DeleteRows(SuccessMetric, [{"id": metric_id}], "Delete success metric")


def add_measure(store: OffsiteStore, metric_id: int, measured_on: dt.date,
                value: object) -> InsertRow:
    metric = store.session.get(SuccessMetric, metric_id)
    if metric is None:
        raise SkoError("That metric is no longer in the file.")
    parsed = number(value)
    if parsed is None:
        raise SkoError(f"A measure is a number, not {clean_line(value)[:30]!r}.")
    if not isinstance(measured_on, dt.date):
        raise SkoError("A measure needs the date it was taken.")
    return InsertRow(MetricMeasure, {"metric_id": metric_id, "measured_on": measured_on,
                                     "value": parsed}, f"Measure {metric.name[:40]}")


def edit_measure(measure_id: int, *, measured_on: dt.date | None = None,
                 value: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if measured_on is not None:
        values["measured_on"] = measured_on
    if value is not ...:
        parsed = number(value)
        if parsed is None:
            raise SkoError(f"A measure is a number, not {clean_line(value)[:30]!r}.")
        values["value"] = parsed
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(MetricMeasure, {"id": measure_id}, values, "Edit measure")


def delete_measure(measure_id: int) -> DeleteRows:
    return DeleteRows(MetricMeasure, [{"id": measure_id}], "Delete measure")


def checkpoint_label(days: int) -> str:
    return f"{days}-day checkpoint"


def generate_checkpoints(store: OffsiteStore, offsite_id: int) -> Composite:
    """Check-ins 30, 60 and 90 days after the kickoff (those already there are kept)."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.date is None:
        raise SkoError("Set the kickoff's date first; the 30/60/90-day check-ins follow it.")
    have = {c.label for c in store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id))}
    parts: list[Operation] = [
        InsertRow(CheckIn, {"offsite_id": offsite_id, "label": checkpoint_label(days),
                            "date": offsite.date + dt.timedelta(days=days)})
        for days in CHECKPOINTS if checkpoint_label(days) not in have]
    if not parts:
        raise SkoError("The 30, 60 and 90-day check-ins are there already.")
    return Composite(parts, f"Add {len(parts)} check-in{'s' if len(parts) != 1 else ''}")


def edit_checkpoint(check_in_id: int, *, date: dt.date | None = None,
                    notes: object = ..., label: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if date is not None:
        values["date"] = date
    if notes is not ...:
        values["notes"] = _text(notes)
    if label is not ...:
        values["label"] = _line(label or "", 64) or None
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(CheckIn, {"id": check_in_id}, values, "Edit check-in")


def delete_checkpoint(check_in_id: int) -> DeleteRows:
    return DeleteRows(CheckIn, [{"id": check_in_id}], "Delete check-in")


def set_plan(store: OffsiteStore, offsite_id: int, person_id: int,
             values: Mapping[str, Any]) -> PutRow:
    """Change a rep's first-30-days plan (fields not given keep their text)."""
    person = store.session.get(Person, person_id)
    if person is None:
        raise SkoError("That rep is no longer in the file.")
    existing = store.session.scalars(select(First30Plan).where(
        First30Plan.offsite_id == offsite_id, First30Plan.person_id == person_id)).first()
    row: dict[str, Any] = {f: getattr(existing, f) if existing else None
                           for f in (*PLAN_FIELDS, "partner_id")}
    for key, value in values.items():
        if key in PLAN_FIELDS:
            row[key] = _text(value)
        elif key == "partner_id":
            if value is not None:
                partner = store.session.get(Person, value)
                if partner is None:
                    raise SkoError("That accountability partner is no longer in the file.")
                if value == person_id:
                    raise SkoError(f"{person.name} cannot be their own accountability partner; "
                                   "pick another rep.")
                if partner.role != Role.REP.value:
                    raise SkoError(f"{partner.name} is not a rep; an accountability partner "
                                   "is a peer.")
            row[key] = value
        else:
            raise SkoError(f"A first-30-days plan has no field {key!r}.")
    empty = all(row[f] is None for f in (*PLAN_FIELDS, "partner_id"))
    return PutRow(First30Plan, {"offsite_id": offsite_id, "person_id": person_id},
                  None if empty else row, f"First 30 days of {person.name[:40]}")


# =========================================================================== setting up


def setup_kickoff(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """What a fresh kickoff needs: the default competencies and tiers, when it has none."""
    parts: list[Operation] = []
    if not load_competencies(store, offsite_id):
        parts.append(default_competencies(store, offsite_id))
    has_tiers = store.session.scalars(
        select(RecognitionTier.id).where(RecognitionTier.offsite_id == offsite_id)).first()
    if has_tiers is None:
        parts.append(default_tiers(store, offsite_id))
    return Composite(parts, "Set up the kickoff") if parts else None
