"""The rest of the offsite day as data and undoable edits.

OKR postmortem (carried forward from the previous offsite, timeboxed in the
agenda), north-star questions, best-practice talks, reflections and gratitude,
Start / Stop / Continue feedback, the charter and the operating plan.

Loaders return plain frozen data for the views; every edit is an operation
(``apply``/``revert``, see :mod:`keeper.ops`) committed when made. The rules
(what to carry, how long a timebox is, whom to suggest, which pairs are
complete, how many tactics) come from :mod:`keeper.day_rules`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from keeper.agenda_ops import DeleteItems, InsertItems, SetOrder, agenda_items
from keeper.day_rules import (
    FEEDBACK_KINDS,
    TACTIC_STATUSES,
    FeedbackGrid,
    OkrSeed,
    PresenterSuggestion,
    feedback_grid,
    monthly_check_ins,
    okrs_to_carry,
    postmortem_minutes,
    suggest_presenters,
    tactic_flags,
)
from keeper.models import (
    AgendaItem,
    Attendance,
    Base,
    BestPractice,
    Charter,
    CheckIn,
    Cluster,
    Feedback,
    Offsite,
    Okr,
    OkrKind,
    Person,
    PlanInitiative,
    Question,
    Reflection,
    Role,
    Tactic,
    TacticUpdate,
)
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store import OffsiteStore
from keeper.text import clean_block, clean_line

AREA = "day"
OBJECTIVE_MAX = 1000
SHORT_MAX = 300
TEXT_MAX = 4000
TITLE_MAX = 200
REFLECTIONS_MAX = 2
QUESTIONS_MIN, QUESTIONS_MAX = 4, 5
PRESENTER_SLOTS = 3
CHECK_IN_MONTHS = 6
POSTMORTEM_TITLE = "OKR postmortem"
TALK_TITLE = "Best practice talk"
CHARTER_FIELDS = ("what_we_will_do", "what_went_wrong", "how_the_plan_fixes_it")


class DayError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


# =========================================================================== generic ops


def _table(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


@dataclass
class PutRow:
    """Create, change or remove the one row that matches ``match`` (a unique key).

    ``values=None`` removes the row. Undo puts back exactly what was there
    (the same id included), so later operations that refer to it stay valid.
    """

    model: type[Base]
    match: dict[str, Any]
    values: dict[str, Any] | None
    text: str = "Edit"
    _before: dict[str, Any] | None = None
    _new_id: dict[str, Any] = field(default_factory=dict)

    def _where(self, table: Table) -> list[Any]:
        return [table.c[k] == v for k, v in self.match.items()]

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            row = s.execute(select(table).where(*self._where(table))).first()
            self._before = dict(row._mapping) if row is not None else None
            if self.values is None:
                if row is not None:
                    s.execute(delete(table).where(*self._where(table)))
            elif row is not None:
                s.execute(update(table).where(*self._where(table)).values(**self.values))
            else:
                result = s.execute(insert(table).values(**self.match, **self.values,
                                                        **self._new_id))
                pk = result.inserted_primary_key
                if pk is not None:
                    names = [c.name for c in table.primary_key.columns]
                    self._new_id = {n: v for n, v in zip(names, pk, strict=False)
                                    if n not in self.match}
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            s.execute(delete(table).where(*self._where(table)))
            if self._before is not None:
                s.execute(insert(table).values(**self._before))
        store.session.expire_all()


@dataclass
class SetPositions:
    """Put rows of ``model`` in the order of ``ids`` (positions 0, 1, 2, …)."""

    model: type[Base]
    ids: list[int]
    text: str = "Reorder"
    _old: dict[int, int] = field(default_factory=dict)

    def _write(self, store: OffsiteStore, positions: Mapping[int, int]) -> None:
        table = _table(self.model)
        with store.edit() as s:
            for row_id, position in positions.items():
                s.execute(update(table).where(table.c.id == row_id).values(position=position))
        store.session.expire_all()

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        rows = store.session.execute(
            select(table.c.id, table.c.position).where(table.c.id.in_(self.ids)))
        self._old = {r.id: r.position for r in rows}
        self._write(store, {row_id: n for n, row_id in enumerate(self.ids) if row_id in self._old})

    def revert(self, store: OffsiteStore) -> None:
        self._write(store, self._old)


@dataclass
class _Staged:
    """An operation worked out step by step the first time it runs; redo replays the steps."""

    text: str = "Edit"
    _parts: list[Operation] | None = None

    def plan(self, store: OffsiteStore, run: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def apply(self, store: OffsiteStore) -> None:
        if self._parts is not None:
            for part in self._parts:
                part.apply(store)
            return
        parts: list[Operation] = []

        def run(op: Operation) -> Operation:
            op.apply(store)
            parts.append(op)
            return op

        try:
            self.plan(store, run)
        except Exception:
            for part in reversed(parts):
                part.revert(store)
            raise
        self._parts = parts

    def revert(self, store: OffsiteStore) -> None:
        for part in reversed(self._parts or []):
            part.revert(store)

    @property
    def changed(self) -> bool:
        return bool(self._parts)


def _next_position(store: OffsiteStore, model: type[Base], *where: Any) -> int:
    table = _table(model)
    positions = list(store.session.scalars(select(table.c.position).where(*where)))
    return max(positions, default=-1) + 1


def _text_or_none(value: object, max_len: int, *, block: bool = True) -> str | None:
    cleaned = clean_block(value, max_len) if block else clean_line(value, max_len)
    return cleaned or None


# =========================================================================== loading


@dataclass(frozen=True)
class DayPerson:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class OkrRow:
    id: int
    kind: str
    position: int
    objective: str
    target: str | None
    result: str | None
    hit: bool | None
    went_well: str | None
    went_badly: str | None
    on_the_floor: str | None
    agenda_item_id: int | None
    agenda_title: str | None
    agenda_minutes: int | None
    carried_from_id: int | None


@dataclass(frozen=True)
class QuestionRow:
    id: int
    position: int
    text: str
    answers: str | None


@dataclass(frozen=True)
class TalkSlot:
    """One of the best-practice talks: its agenda item and its presenter (if chosen)."""

    index: int
    agenda_item_id: int | None
    agenda_title: str | None
    agenda_minutes: int | None
    best_practice_id: int | None
    presenter_id: int | None
    presenter_name: str | None
    strength: str | None


@dataclass(frozen=True)
class ReflectionRow:
    id: int
    person_id: int
    position: int
    text: str


@dataclass(frozen=True)
class TacticRow:
    id: int
    position: int
    text: str
    status: str


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    cluster_id: int | None
    cluster_title: str | None
    title: str
    owner_id: int | None
    owner_name: str | None
    tactics: tuple[TacticRow, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class BigBet:
    cluster_id: int
    title: str
    initiative_id: int | None


@dataclass(frozen=True)
class CheckInRow:
    id: int
    date: dt.date
    notes: str | None
    statuses: dict[int, str]  # tactic id -> status recorded at this check-in

    @property
    def recorded(self) -> bool:
        return bool(self.statuses)


@dataclass
class DayData:
    """Everything the "Sessions & plan" view shows for one offsite."""

    offsite_id: int | None
    title: str = ""
    date: dt.date | None = None
    previous_id: int | None = None
    previous_title: str | None = None
    keeper_id: int | None = None
    people: list[DayPerson] = field(default_factory=list)
    review_okrs: list[OkrRow] = field(default_factory=list)
    next_okrs: list[OkrRow] = field(default_factory=list)
    to_carry: list[OkrSeed] = field(default_factory=list)
    minutes_per_okr: int = 15
    timebox_needed: bool = False
    questions: list[QuestionRow] = field(default_factory=list)
    talks: list[TalkSlot] = field(default_factory=list)
    suggestions: list[PresenterSuggestion] = field(default_factory=list)
    managers: list[DayPerson] = field(default_factory=list)
    reflections: dict[int, list[ReflectionRow]] = field(default_factory=dict)
    gratitude: dict[int, str] = field(default_factory=dict)
    feedback: dict[tuple[int, int, str], str] = field(default_factory=dict)
    grid: FeedbackGrid = field(default_factory=lambda: feedback_grid([], []))
    charter: dict[str, str] = field(default_factory=dict)
    big_bets: list[BigBet] = field(default_factory=list)
    initiatives: list[InitiativeRow] = field(default_factory=list)
    plan_flags: list[str] = field(default_factory=list)
    check_ins: list[CheckInRow] = field(default_factory=list)

    def name(self, person_id: int | None) -> str:
        for person in self.people:
            if person.id == person_id:
                return person.name
        return "—" if person_id is None else f"Person {person_id}"

    @property
    def questions_flag(self) -> str | None:
        return questions_flag(len(self.questions))

    def feedback_missing(self) -> int:
        """How many giver→receiver pairs still lack one of start/stop/continue."""
        return self.grid.pairs - self.grid.complete_pairs


def questions_flag(count: int) -> str | None:
    """The guide asks for 4 or 5 north-star questions."""
    if count < QUESTIONS_MIN:
        more = QUESTIONS_MIN - count
        return (f"{count} question{'s' if count != 1 else ''}: the guide asks for "
                f"{QUESTIONS_MIN}–{QUESTIONS_MAX}; add {more} more.")
    if count > QUESTIONS_MAX:
        return (f"{count} questions: the guide asks for {QUESTIONS_MIN}–{QUESTIONS_MAX}; "
                "an hour will not answer them all. Merge or drop some.")
    return None


def is_postmortem_title(title: str | None) -> bool:
    return (title or "").casefold().startswith(POSTMORTEM_TITLE.casefold())


def is_talk_title(title: str | None) -> bool:
    return (title or "").casefold().startswith(TALK_TITLE.casefold())


def attendees(store: OffsiteStore, offsite_id: int) -> list[DayPerson]:
    """The offsite's attendees: leaders, then managers, then others; by name."""
    rows = store.session.execute(
        select(Person.id, Person.name, Person.role)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.offsite_id == offsite_id)
    )
    order = {Role.LEADER.value: 0, Role.MANAGER.value: 1, Role.REP.value: 2}
    people = [DayPerson(r.id, r.name or f"Person {r.id}", r.role or "") for r in rows]
    return sorted(people, key=lambda p: (order.get(p.role, 3), p.name.casefold(), p.id))


def previous_offsite(store: OffsiteStore, offsite_id: int) -> Offsite | None:
    offsite = store.session.get(Offsite, offsite_id)
    return store.previous_offsite(offsite) if offsite is not None else None


def _okr_rows(store: OffsiteStore, offsite_id: int, kind: str) -> list[OkrRow]:
    rows = store.session.execute(
        select(Okr, AgendaItem.title, AgendaItem.planned_minutes)
        .outerjoin(AgendaItem, AgendaItem.id == Okr.agenda_item_id)
        .where(Okr.offsite_id == offsite_id, Okr.kind == kind)
        .order_by(Okr.position, Okr.id)
    )
    return [
        OkrRow(o.id, o.kind, o.position, o.objective or "", o.target, o.result, o.hit,
               o.went_well, o.went_badly, o.on_the_floor, o.agenda_item_id, title, minutes,
               o.carried_from_id)
        for o, title, minutes in rows
    ]


def load_okrs(store: OffsiteStore, offsite_id: int, kind: str = OkrKind.REVIEW.value
              ) -> list[OkrRow]:
    return _okr_rows(store, offsite_id, kind)


def okrs_available_to_carry(store: OffsiteStore, offsite_id: int) -> list[OkrSeed]:
    previous = previous_offsite(store, offsite_id)
    if previous is None:
        return []
    seeds = [OkrSeed(o.id, o.objective, o.target) for o in _okr_rows(
        store, previous.id, OkrKind.NEXT.value)]
    carried = store.session.scalars(
        select(Okr.carried_from_id).where(Okr.offsite_id == offsite_id))
    return okrs_to_carry(seeds, carried)


def _timebox_needed(store: OffsiteStore, offsite_id: int, review: Sequence[OkrRow]) -> bool:
    minutes = postmortem_minutes(len(review))
    linked = [o.agenda_item_id for o in review]
    if any(i is None for i in linked) or len(set(linked)) != len(linked):
        return True
    if any(o.agenda_minutes != minutes for o in review):
        return True
    spare = [i for i in agenda_items(store, offsite_id)
             if is_postmortem_title(i.title) and i.id not in set(linked) and i.actual_start is None]
    return bool(spare)


def talk_items(store: OffsiteStore, offsite_id: int) -> list[AgendaItem]:
    return [i for i in agenda_items(store, offsite_id) if is_talk_title(i.title)]


def presenter_history(store: OffsiteStore, offsite_id: int) -> list[tuple[int, dt.date | None]]:
    """(presenter, offsite date) of best-practice talks at offsites before this one."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None:
        return []
    stmt = (select(BestPractice.presenter_id, Offsite.date)
            .join(Offsite, Offsite.id == BestPractice.offsite_id)
            .where(Offsite.id != offsite_id))
    if offsite.date is not None:
        stmt = stmt.where((Offsite.date < offsite.date) | (Offsite.date.is_(None)
                                                          & (Offsite.id < offsite_id)))
    else:
        stmt = stmt.where(Offsite.id < offsite_id)
    return [(pid, date) for pid, date in store.session.execute(stmt)]


def presenter_candidates(people: Sequence[DayPerson]) -> list[DayPerson]:
    """Managers present best practices; a file without managers falls back to all but reps."""
    managers = [p for p in people if p.role == Role.MANAGER.value]
    return managers or [p for p in people if p.role != Role.REP.value]


def load_talks(store: OffsiteStore, offsite_id: int,
               people: Sequence[DayPerson] | None = None) -> list[TalkSlot]:
    names = {p.id: p.name for p in (people or [])}
    items = talk_items(store, offsite_id)
    rows = list(store.session.scalars(
        select(BestPractice).where(BestPractice.offsite_id == offsite_id)
        .order_by(BestPractice.position, BestPractice.id)))
    count = max(PRESENTER_SLOTS, len(items), max((r.position + 1 for r in rows), default=0))
    by_slot: dict[int, BestPractice] = {}
    for row in rows:
        by_slot.setdefault(row.position, row)
    slots = []
    for n in range(count):
        item = items[n] if n < len(items) else None
        row = by_slot.get(n)
        presenter = row.presenter_id if row else None
        name = names.get(presenter) if presenter is not None else None
        if presenter is not None and name is None:
            person = store.session.get(Person, presenter)
            name = person.name if person else None
        slots.append(TalkSlot(
            n, item.id if item else None, item.title if item else None,
            item.planned_minutes if item else None, row.id if row else None, presenter, name,
            row.strength if row else None))
    return slots


def load_feedback(store: OffsiteStore, offsite_id: int) -> dict[tuple[int, int, str], str]:
    rows = store.session.execute(
        select(Feedback.giver_id, Feedback.receiver_id, Feedback.kind, Feedback.text)
        .where(Feedback.offsite_id == offsite_id))
    return {(g, r, k): t for g, r, k, t in rows if t}


def load_grid(store: OffsiteStore, offsite_id: int) -> FeedbackGrid:
    people = [p.id for p in attendees(store, offsite_id)]
    return feedback_grid(people, load_feedback(store, offsite_id).keys())


def feedback_for(store: OffsiteStore, offsite_id: int, receiver_id: int
                 ) -> list[tuple[str, dict[str, str]]]:
    """"Feedback for Tommy": each giver (attendee order) and their start/stop/continue."""
    texts = load_feedback(store, offsite_id)
    sheet = []
    for person in attendees(store, offsite_id):
        if person.id == receiver_id:
            continue
        kinds = {k: texts[(person.id, receiver_id, k)] for k in FEEDBACK_KINDS
                 if (person.id, receiver_id, k) in texts}
        sheet.append((person.name, kinds))
    return sheet


def load_plan(store: OffsiteStore, offsite_id: int, names: Mapping[int, str]
              ) -> tuple[list[BigBet], list[InitiativeRow], list[str]]:
    clusters = {c.id: c for c in store.session.scalars(
        select(Cluster).where(Cluster.offsite_id == offsite_id))}
    plan = list(store.session.scalars(
        select(PlanInitiative).where(PlanInitiative.offsite_id == offsite_id)
        .order_by(PlanInitiative.position, PlanInitiative.id)))
    tactics: dict[int, list[TacticRow]] = {p.id: [] for p in plan}
    for t in store.session.scalars(
            select(Tactic).where(Tactic.plan_initiative_id.in_(list(tactics)))
            .order_by(Tactic.position, Tactic.id)):
        tactics[t.plan_initiative_id].append(TacticRow(t.id, t.position, t.text, t.status))
    raw_flags = tactic_flags([(p.id, p.title, len(tactics[p.id]), p.owner_id is not None)
                              for p in plan])
    flags: dict[int, list[str]] = {}
    for flag in raw_flags:
        flags.setdefault(flag.initiative_id, []).append(flag.message)
    initiatives = [
        InitiativeRow(
            p.id, p.cluster_id, clusters[p.cluster_id].title if p.cluster_id in clusters else None,
            p.title, p.owner_id, names.get(p.owner_id) if p.owner_id is not None else None,
            tuple(tactics[p.id]), tuple(flags.get(p.id, [])))
        for p in plan
    ]
    by_cluster = {p.cluster_id: p.id for p in plan if p.cluster_id is not None}
    bets = [BigBet(c.id, c.title, by_cluster.get(c.id))
            for c in sorted(clusters.values(), key=lambda c: (c.y, c.x, c.id)) if c.big_bet]
    messages = [f"Big bet “{b.title}” has no initiative yet" for b in bets
                if b.initiative_id is None]
    messages += [f.message for f in raw_flags]
    return bets, initiatives, messages


def load_check_ins(store: OffsiteStore, offsite_id: int) -> list[CheckInRow]:
    rows = list(store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id)
        .order_by(CheckIn.date, CheckIn.id)))
    statuses: dict[int, dict[int, str]] = {r.id: {} for r in rows}
    for update_row in store.session.scalars(
            select(TacticUpdate).where(TacticUpdate.check_in_id.in_(list(statuses)))):
        statuses[update_row.check_in_id][update_row.tactic_id] = update_row.status
    return [CheckInRow(r.id, r.date, r.notes, statuses[r.id]) for r in rows]


def load_day(store: OffsiteStore, offsite_id: int | None) -> DayData:
    """One offsite's OKRs, questions, talks, reflections, feedback, charter and plan."""
    data = DayData(offsite_id)
    if offsite_id is None:
        return data
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None:
        return data
    data.title, data.date, data.keeper_id = offsite.title, offsite.date, offsite.keeper_id
    previous = store.previous_offsite(offsite)
    if previous is not None:
        data.previous_id, data.previous_title = previous.id, previous.title
    data.people = attendees(store, offsite_id)
    names = {p.id: p.name for p in data.people}
    data.review_okrs = _okr_rows(store, offsite_id, OkrKind.REVIEW.value)
    data.next_okrs = _okr_rows(store, offsite_id, OkrKind.NEXT.value)
    data.to_carry = okrs_available_to_carry(store, offsite_id)
    data.minutes_per_okr = postmortem_minutes(len(data.review_okrs))
    data.timebox_needed = bool(data.review_okrs) and _timebox_needed(
        store, offsite_id, data.review_okrs)
    data.questions = [QuestionRow(q.id, q.position, q.text, q.answers) for q in
                      store.session.scalars(select(Question)
                                            .where(Question.offsite_id == offsite_id)
                                            .order_by(Question.position, Question.id))]
    data.talks = load_talks(store, offsite_id, data.people)
    data.managers = presenter_candidates(data.people)
    data.suggestions = suggest_presenters({p.id: p.name for p in data.managers},
                                          presenter_history(store, offsite_id),
                                          count=len(data.managers))
    for r in store.session.scalars(select(Reflection).where(Reflection.offsite_id == offsite_id)
                                   .order_by(Reflection.position, Reflection.id)):
        data.reflections.setdefault(r.person_id, []).append(
            ReflectionRow(r.id, r.person_id, r.position, r.text))
    data.gratitude = {pid: note for pid, note in store.session.execute(
        select(Attendance.person_id, Attendance.gratitude_note)
        .where(Attendance.offsite_id == offsite_id)) if note}
    data.feedback = load_feedback(store, offsite_id)
    data.grid = feedback_grid([p.id for p in data.people], data.feedback.keys())
    charter = store.session.get(Charter, offsite_id)
    data.charter = {f: (getattr(charter, f) or "") if charter else "" for f in CHARTER_FIELDS}
    data.big_bets, data.initiatives, data.plan_flags = load_plan(store, offsite_id, names)
    data.check_ins = load_check_ins(store, offsite_id)
    return data


# =========================================================================== OKRs


def clean_okr_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Typed-in OKR fields made safe; an empty objective is refused."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "objective":
            text = clean_block(value, OBJECTIVE_MAX)
            if not text:
                raise DayError("An OKR needs an objective.")
            out[key] = text
        elif key in ("target", "result"):
            out[key] = _text_or_none(value, SHORT_MAX, block=False)
        elif key in ("went_well", "went_badly", "on_the_floor"):
            out[key] = _text_or_none(value, TEXT_MAX)
        elif key == "hit":
            out[key] = None if value is None else bool(value)
    return out


def carry_forward_okrs(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """Bring the previous offsite's "next" OKRs into this postmortem (None: nothing to carry)."""
    seeds = okrs_available_to_carry(store, offsite_id)
    if not seeds:
        return None
    start = _next_position(store, Okr, Okr.offsite_id == offsite_id,
                           Okr.kind == OkrKind.REVIEW.value)
    parts: list[Operation] = [
        InsertRow(Okr, {"offsite_id": offsite_id, "kind": OkrKind.REVIEW.value,
                        "position": start + n, "objective": seed.objective,
                        "target": seed.target, "carried_from_id": seed.id}, "Carry OKR")
        for n, seed in enumerate(seeds)
    ]
    count = len(seeds)
    return Composite(parts, f"Carry forward {count} OKR{'s' if count != 1 else ''}")


def add_okr(store: OffsiteStore, offsite_id: int, values: Mapping[str, Any],
            kind: str = OkrKind.REVIEW.value) -> InsertRow:
    if kind not in {k.value for k in OkrKind}:
        raise DayError(f"Unknown OKR kind {kind!r}.")
    clean = clean_okr_values({"objective": values.get("objective"), **values})
    position = _next_position(store, Okr, Okr.offsite_id == offsite_id, Okr.kind == kind)
    text = "Add OKR for next period" if kind == OkrKind.NEXT.value else "Add OKR"
    return InsertRow(Okr, {"offsite_id": offsite_id, "kind": kind, "position": position,
                           **clean}, text)


def edit_okr(okr_id: int, values: Mapping[str, Any]) -> SetFields:
    return SetFields(Okr, {"id": okr_id}, clean_okr_values(values), "Edit OKR")


def delete_okr(okr_id: int) -> DeleteRows:
    return DeleteRows(Okr, [{"id": okr_id}], "Delete OKR")


def reorder_okrs(okr_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Okr, list(okr_ids), "Reorder OKRs")


def _short(text: str, limit: int = 60) -> str:
    text = clean_line(text, 10 * limit)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def postmortem_title(number: int, objective: str) -> str:
    return clean_line(f"{POSTMORTEM_TITLE} {number}: {_short(objective)}", TITLE_MAX)


@dataclass
class TimeboxOkrs(_Staged):
    """One agenda timebox per reviewed OKR, of ``postmortem_minutes`` each.

    Reuses the OKR's own item, then spare "OKR postmortem …" items; inserts what
    is missing after the last postmortem item (or before the north-star
    questions); removes spare postmortem items that have not run; puts the
    postmortem items in OKR order in the places they hold.
    """

    offsite_id: int = 0
    text: str = "Timebox OKRs in the agenda"

    def plan(self, store: OffsiteStore, run: Any) -> None:
        okrs = _okr_rows(store, self.offsite_id, OkrKind.REVIEW.value)
        if not okrs:
            raise DayError("There are no OKRs to review yet: carry them forward or add one.")
        minutes = postmortem_minutes(len(okrs))
        items = agenda_items(store, self.offsite_id)
        by_id = {i.id: i for i in items}
        chosen: dict[int, int] = {}
        used: set[int] = set()
        for okr in okrs:
            if okr.agenda_item_id in by_id and okr.agenda_item_id not in used:
                chosen[okr.id] = okr.agenda_item_id
                used.add(okr.agenda_item_id)
        spare = [i for i in items if is_postmortem_title(i.title) and i.id not in used]
        for okr in okrs:
            if okr.id not in chosen and spare:
                item = spare.pop(0)
                chosen[okr.id] = item.id
                used.add(item.id)
        missing = [okr for okr in okrs if okr.id not in chosen]
        if missing:
            block = [n for n, i in enumerate(items) if i.id in used or is_postmortem_title(i.title)]
            if block:
                at = block[-1] + 1
            else:
                anchor = next((n for n, i in enumerate(items)
                               if "north-star" in i.title.casefold()), None)
                at = anchor if anchor is not None else min(1, len(items))
            day = items[min(at, len(items) - 1)].day if items else 1
            rows = [{"title": postmortem_title(0, o.objective), "kind": "session",
                     "planned_minutes": minutes, "content_tag": "strategy", "day": day}
                    for o in missing]
            inserted = run(InsertItems(self.offsite_id, at, rows, "Insert OKR timeboxes"))
            for okr, item_id in zip(missing, inserted.ids, strict=True):
                chosen[okr.id] = item_id
                used.add(item_id)
        surplus = [i.id for i in spare if i.actual_start is None]
        if surplus:
            run(DeleteItems(self.offsite_id, surplus, "Remove spare OKR timeboxes"))
        items = agenda_items(store, self.offsite_id)
        by_id = {i.id: i for i in items}
        for number, okr in enumerate(okrs, start=1):
            item = by_id[chosen[okr.id]]
            values: dict[str, Any] = {}
            title = postmortem_title(number, okr.objective)
            if item.title != title:
                values["title"] = title
            if item.planned_minutes != minutes:
                values["planned_minutes"] = minutes
            if values:
                run(SetFields(AgendaItem, {"id": item.id}, values, "Timebox OKR"))
            if okr.agenda_item_id != item.id:
                run(SetFields(Okr, {"id": okr.id}, {"agenda_item_id": item.id}, "Link OKR"))
        order = [i.id for i in agenda_items(store, self.offsite_id)]
        wanted = [chosen[o.id] for o in okrs]
        slots = [n for n, item_id in enumerate(order) if item_id in set(wanted)]
        new_order = list(order)
        for slot, item_id in zip(slots, wanted, strict=True):
            new_order[slot] = item_id
        if new_order != order:
            run(SetOrder(self.offsite_id, new_order, "Order OKR timeboxes"))


def timebox_okrs(offsite_id: int) -> TimeboxOkrs:
    return TimeboxOkrs(offsite_id=offsite_id)


# =========================================================================== questions


def add_question(store: OffsiteStore, offsite_id: int, text: str,
                 answers: str | None = None) -> InsertRow:
    clean = clean_block(text, OBJECTIVE_MAX)
    if not clean:
        raise DayError("Type the question first.")
    position = _next_position(store, Question, Question.offsite_id == offsite_id)
    return InsertRow(Question, {"offsite_id": offsite_id, "position": position, "text": clean,
                                "answers": _text_or_none(answers, TEXT_MAX)}, "Add question")


def edit_question(question_id: int, text: str | None = None,
                  answers: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if text is not None:
        clean = clean_block(text, OBJECTIVE_MAX)
        if not clean:
            raise DayError("A question cannot be empty; delete it instead.")
        values["text"] = clean
    if answers is not None:
        values["answers"] = _text_or_none(answers, TEXT_MAX)
    if not values:
        raise DayError("Nothing to change.")
    return SetFields(Question, {"id": question_id}, values, "Edit question")


def delete_question(question_id: int) -> DeleteRows:
    return DeleteRows(Question, [{"id": question_id}], "Delete question")


def reorder_questions(question_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Question, list(question_ids), "Reorder questions")


# =========================================================================== best practices


def set_presenter(store: OffsiteStore, offsite_id: int, slot: int,
                  person_id: int | None) -> Composite:
    """Choose (or clear) the manager for talk ``slot``; the agenda item gets the presenter too."""
    talks = load_talks(store, offsite_id)
    if not 0 <= slot < len(talks):
        raise DayError(f"There is no best-practice talk {slot + 1}.")
    talk = talks[slot]
    parts: list[Operation] = []
    if person_id is not None:
        person = store.session.get(Person, person_id)
        if person is None:
            raise DayError("That person is not in this file any more.")
        for other in talks:
            if other.index != slot and other.presenter_id == person_id:
                raise DayError(f"{person.name} already presents talk {other.index + 1}; "
                               "choose a different manager so more voices are heard.")
        if talk.best_practice_id is not None:
            parts.append(SetFields(BestPractice, {"id": talk.best_practice_id},
                                   {"presenter_id": person_id,
                                    "agenda_item_id": talk.agenda_item_id}))
        else:
            parts.append(InsertRow(BestPractice, {
                "offsite_id": offsite_id, "presenter_id": person_id, "position": slot,
                "agenda_item_id": talk.agenda_item_id}))
        text = f"Choose {person.name} for talk {slot + 1}"
    else:
        if talk.best_practice_id is not None:
            parts.append(DeleteRows(BestPractice, [{"id": talk.best_practice_id}]))
        text = f"Clear presenter of talk {slot + 1}"
    if talk.agenda_item_id is not None:
        parts.append(SetFields(AgendaItem, {"id": talk.agenda_item_id},
                               {"presenter_id": person_id}))
    return Composite(parts, text)


def set_strength(store: OffsiteStore, offsite_id: int, slot: int, strength: str) -> SetFields:
    talks = load_talks(store, offsite_id)
    if not 0 <= slot < len(talks) or talks[slot].best_practice_id is None:
        raise DayError("Choose the presenter first, then the strength they present.")
    return SetFields(BestPractice, {"id": talks[slot].best_practice_id},
                     {"strength": _text_or_none(strength, SHORT_MAX, block=False)},
                     f"Strength for talk {slot + 1}")


# =========================================================================== reflections


def add_reflection(store: OffsiteStore, offsite_id: int, person_id: int, text: str) -> InsertRow:
    clean = clean_block(text, TEXT_MAX)
    if not clean:
        raise DayError("Type the reflection first.")
    existing = list(store.session.scalars(select(Reflection.position).where(
        Reflection.offsite_id == offsite_id, Reflection.person_id == person_id)))
    if len(existing) >= REFLECTIONS_MAX:
        raise DayError(f"Each person shares one or two reflections; edit one of the "
                       f"{len(existing)} instead.")
    return InsertRow(Reflection, {"offsite_id": offsite_id, "person_id": person_id,
                                  "position": max(existing, default=-1) + 1, "text": clean},
                     "Add reflection")


def edit_reflection(reflection_id: int, text: str) -> Operation:
    clean = clean_block(text, TEXT_MAX)
    if not clean:
        return DeleteRows(Reflection, [{"id": reflection_id}], "Delete reflection")
    return SetFields(Reflection, {"id": reflection_id}, {"text": clean}, "Edit reflection")


def delete_reflection(reflection_id: int) -> DeleteRows:
    return DeleteRows(Reflection, [{"id": reflection_id}], "Delete reflection")


@dataclass
class SetReflections(_Staged):
    """One person's reflections (at most two, in order) and gratitude note, as one undo step.

    Empty texts are dropped; ``gratitude=None`` leaves the note alone.
    """

    offsite_id: int = 0
    person_id: int = 0
    texts: list[str] = field(default_factory=list)
    gratitude: str | None = None
    text: str = "Reflections and gratitude"

    def plan(self, store: OffsiteStore, run: Any) -> None:
        wanted = [t for t in (clean_block(x, TEXT_MAX) for x in self.texts) if t]
        if len(wanted) > REFLECTIONS_MAX:
            raise DayError(f"Each person shares one or two reflections, not {len(wanted)}.")
        existing = list(store.session.scalars(
            select(Reflection).where(Reflection.offsite_id == self.offsite_id,
                                     Reflection.person_id == self.person_id)
            .order_by(Reflection.position, Reflection.id)))
        for n, old in enumerate(existing):
            if n >= len(wanted):
                run(delete_reflection(old.id))
            elif old.text != wanted[n] or old.position != n:
                run(SetFields(Reflection, {"id": old.id}, {"text": wanted[n], "position": n}))
        for n in range(len(existing), len(wanted)):
            run(InsertRow(Reflection, {"offsite_id": self.offsite_id,
                                       "person_id": self.person_id, "position": n,
                                       "text": wanted[n]}))
        if self.gratitude is not None:
            note = _text_or_none(self.gratitude, TEXT_MAX)
            row = store.session.get(Attendance, (self.offsite_id, self.person_id))
            if row is None or (row.gratitude_note or None) != note:
                run(set_gratitude(self.offsite_id, self.person_id, note))


def set_reflections(offsite_id: int, person_id: int, texts: Sequence[str],
                    gratitude: str | None = None, name: str = "") -> SetReflections:
    label = f"Reflections and gratitude for {name}" if name else "Reflections and gratitude"
    return SetReflections(offsite_id=offsite_id, person_id=person_id, texts=list(texts),
                          gratitude=gratitude, text=label)


def set_gratitude(offsite_id: int, person_id: int, note: str | None) -> PutRow:
    return PutRow(Attendance, {"offsite_id": offsite_id, "person_id": person_id},
                  {"gratitude_note": _text_or_none(note, TEXT_MAX)}, "Edit gratitude note")


# =========================================================================== feedback


def set_feedback(offsite_id: int, giver_id: int, receiver_id: int, kind: str,
                 text: str | None) -> PutRow:
    """Set (or, with empty text, clear) one start/stop/continue from giver to receiver."""
    if giver_id == receiver_id:
        raise DayError("Feedback goes to someone else in the room, not to yourself.")
    if kind not in FEEDBACK_KINDS:
        raise DayError(f"Feedback is start, stop or continue, not {kind!r}.")
    clean = _text_or_none(text, TEXT_MAX)
    match = {"offsite_id": offsite_id, "giver_id": giver_id, "receiver_id": receiver_id,
             "kind": kind}
    return PutRow(Feedback, match, None if clean is None else {"text": clean},
                  f"{'Clear' if clean is None else 'Set'} {kind} feedback")


def set_feedback_pair(store: OffsiteStore, offsite_id: int, giver_id: int, receiver_id: int,
                      texts: Mapping[str, str | None]) -> Composite | None:
    """The quick entry: all three texts of one giver→receiver pair as one undo step.

    Returns None when nothing changes.
    """
    current = {k: t for (g, r, k), t in load_feedback(store, offsite_id).items()
               if g == giver_id and r == receiver_id}
    parts: list[Operation] = []
    for kind in FEEDBACK_KINDS:
        if kind not in texts:
            continue
        op = set_feedback(offsite_id, giver_id, receiver_id, kind, texts[kind])
        new = op.values["text"] if op.values else None
        if new != current.get(kind):
            parts.append(op)
    if not parts:
        return None
    names = dict(store.session.execute(
        select(Person.id, Person.name).where(Person.id.in_([giver_id, receiver_id]))).all())
    return Composite(parts, f"Feedback {names.get(giver_id, '?')} → {names.get(receiver_id, '?')}")


# =========================================================================== charter


def set_charter(offsite_id: int, values: Mapping[str, str | None]) -> PutRow:
    clean = {k: _text_or_none(v, TEXT_MAX) for k, v in values.items() if k in CHARTER_FIELDS}
    if not clean:
        raise DayError("Nothing to change in the charter.")
    return PutRow(Charter, {"offsite_id": offsite_id}, clean, "Edit charter")


# =========================================================================== operating plan


def add_initiative(store: OffsiteStore, offsite_id: int, title: str,
                   cluster_id: int | None = None, owner_id: int | None = None) -> InsertRow:
    clean = clean_line(title, TITLE_MAX)
    if not clean:
        raise DayError("An initiative needs a title.")
    position = _next_position(store, PlanInitiative, PlanInitiative.offsite_id == offsite_id)
    return InsertRow(PlanInitiative, {"offsite_id": offsite_id, "position": position,
                                      "title": clean, "cluster_id": cluster_id,
                                      "owner_id": owner_id}, "Add initiative")


def initiatives_for_big_bets(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """One initiative per big bet that has none, titled like the bet (None: all have one)."""
    bets, _initiatives, _flags = load_plan(store, offsite_id, {})
    missing = [b for b in bets if b.initiative_id is None]
    if not missing:
        return None
    start = _next_position(store, PlanInitiative, PlanInitiative.offsite_id == offsite_id)
    parts: list[Operation] = [
        InsertRow(PlanInitiative, {"offsite_id": offsite_id, "position": start + n,
                                   "title": clean_line(b.title, TITLE_MAX) or "Initiative",
                                   "cluster_id": b.cluster_id})
        for n, b in enumerate(missing)
    ]
    return Composite(parts, f"Add initiative{'s' if len(parts) != 1 else ''} for big bets")


def edit_initiative(initiative_id: int, values: Mapping[str, Any]) -> SetFields:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "title":
            title = clean_line(value, TITLE_MAX)
            if not title:
                raise DayError("An initiative needs a title.")
            clean[key] = title
        elif key in ("owner_id", "cluster_id"):
            clean[key] = value if value is None or isinstance(value, int) else None
    if not clean:
        raise DayError("Nothing to change.")
    text = "Set owner" if set(clean) == {"owner_id"} else "Edit initiative"
    return SetFields(PlanInitiative, {"id": initiative_id}, clean, text)


def delete_initiative(initiative_id: int) -> DeleteRows:
    return DeleteRows(PlanInitiative, [{"id": initiative_id}], "Delete initiative")


def _status(status: str) -> str:
    if status not in TACTIC_STATUSES:
        raise DayError(f"A tactic's status is one of: {', '.join(TACTIC_STATUSES)}.")
    return status


def add_tactic(store: OffsiteStore, initiative_id: int, text: str,
               status: str = TACTIC_STATUSES[0]) -> InsertRow:
    clean = clean_line(text, SHORT_MAX)
    if not clean:
        raise DayError("Type the tactic first.")
    position = _next_position(store, Tactic, Tactic.plan_initiative_id == initiative_id)
    return InsertRow(Tactic, {"plan_initiative_id": initiative_id, "position": position,
                              "text": clean, "status": _status(status)}, "Add tactic")


def edit_tactic(tactic_id: int, text: str | None = None, status: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if text is not None:
        clean = clean_line(text, SHORT_MAX)
        if not clean:
            raise DayError("A tactic cannot be empty; delete it instead.")
        values["text"] = clean
    if status is not None:
        values["status"] = _status(status)
    if not values:
        raise DayError("Nothing to change.")
    label = f"Mark tactic {status}" if set(values) == {"status"} else "Edit tactic"
    return SetFields(Tactic, {"id": tactic_id}, values, label)


def delete_tactic(tactic_id: int) -> DeleteRows:
    return DeleteRows(Tactic, [{"id": tactic_id}], "Delete tactic")


def reorder_tactics(tactic_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Tactic, list(tactic_ids), "Reorder tactics")


def generate_check_ins(store: OffsiteStore, offsite_id: int,
                       months: int = CHECK_IN_MONTHS) -> Composite | None:
    """Monthly check-ins after the offsite date (those already there are kept)."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.date is None:
        raise DayError("Set the offsite's date first; check-ins follow it monthly.")
    have = set(store.session.scalars(select(CheckIn.date).where(CheckIn.offsite_id == offsite_id)))
    dates = [d for d in monthly_check_ins(offsite.date, months) if d not in have]
    if not dates:
        return None
    parts: list[Operation] = [InsertRow(CheckIn, {"offsite_id": offsite_id, "date": d})
                              for d in dates]
    return Composite(parts, f"Add {len(dates)} monthly check-in{'s' if len(dates) != 1 else ''}")


def add_check_in(offsite_id: int, date: dt.date) -> InsertRow:
    return InsertRow(CheckIn, {"offsite_id": offsite_id, "date": date}, "Add check-in")


def edit_check_in(check_in_id: int, date: dt.date | None = None,
                  notes: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if date is not None:
        values["date"] = date
    if notes is not None:
        values["notes"] = _text_or_none(notes, TEXT_MAX)
    if not values:
        raise DayError("Nothing to change.")
    return SetFields(CheckIn, {"id": check_in_id}, values, "Edit check-in")


def delete_check_in(check_in_id: int) -> DeleteRows:
    return DeleteRows(CheckIn, [{"id": check_in_id}], "Delete check-in")


def record_check_in(store: OffsiteStore, check_in_id: int, statuses: Mapping[int, str],
                    notes: str | None = None) -> Composite:
    """Record each tactic's status at a check-in; a tactic's current status follows its
    latest recorded check-in."""
    check_in = store.session.get(CheckIn, check_in_id)
    if check_in is None:
        raise DayError("That check-in is no longer in the file.")
    later = set(store.session.scalars(
        select(TacticUpdate.tactic_id).join(CheckIn, CheckIn.id == TacticUpdate.check_in_id)
        .where(CheckIn.offsite_id == check_in.offsite_id, CheckIn.date > check_in.date)))
    parts: list[Operation] = []
    for tactic_id, status in statuses.items():
        _status(status)
        parts.append(PutRow(TacticUpdate, {"check_in_id": check_in_id, "tactic_id": tactic_id},
                            {"status": status}))
        if tactic_id not in later:
            parts.append(SetFields(Tactic, {"id": tactic_id}, {"status": status}))
    if notes is not None:
        parts.append(SetFields(CheckIn, {"id": check_in_id},
                               {"notes": _text_or_none(notes, TEXT_MAX)}))
    return Composite(parts, f"Record check-in {check_in.date:%d %b %Y}")

