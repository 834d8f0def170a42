"""The rest of the offsite day, read into frozen data for the exports: OKR review,
north-star questions, best practices, reflections, Start/Stop/Continue feedback, the
charter and the operating plan with its check-ins. Rules are ``keeper.day.rules``'s."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.day import rules as day_rules
from keeper.store.models import (
    Attendance,
    BestPractice,
    Charter,
    CheckIn,
    Cluster,
    Feedback,
    Offsite,
    OffsiteKind,
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


@dataclass(frozen=True)
class OkrRow:
    objective: str
    target: str | None
    result: str | None
    hit: bool | None
    went_well: str | None
    went_badly: str | None
    on_the_floor: str | None

    @property
    def verdict(self) -> str:
        return "Not scored" if self.hit is None else ("Hit" if self.hit else "Missed")


@dataclass(frozen=True)
class QuestionRow:
    text: str
    answers: str | None


@dataclass(frozen=True)
class TalkRow:
    presenter: str
    strength: str | None


@dataclass(frozen=True)
class ReflectionRow:
    person: str
    text: str


@dataclass(frozen=True)
class FeedbackFrom:
    """What one giver wrote to one receiver."""

    giver: str
    start: str | None
    stop: str | None
    continue_: str | None


@dataclass(frozen=True)
class FeedbackFor:
    """One attendee's private sheet: the Start/Stop/Continue they received."""

    receiver: str
    received: tuple[FeedbackFrom, ...]
    givers_expected: int  # every other attendee gives feedback
    givers_complete: int  # … and this many gave all three


@dataclass(frozen=True)
class CharterText:
    what_we_will_do: str | None
    what_went_wrong: str | None
    how_the_plan_fixes_it: str | None

    @property
    def parts(self) -> tuple[tuple[str, str | None], ...]:
        return (("What we will do", self.what_we_will_do),
                ("What went wrong last time", self.what_went_wrong),
                ("How the plan fixes it", self.how_the_plan_fixes_it))

    @property
    def empty(self) -> bool:
        return not any((text or "").strip() for _, text in self.parts)


@dataclass(frozen=True)
class CheckInRow:
    date: dt.date
    label: str | None
    notes: str | None


@dataclass(frozen=True)
class TacticRow:
    text: str
    status: str
    at_check_in: tuple[str | None, ...]  # the status recorded at each check-in, in date order


@dataclass(frozen=True)
class PlanRow:
    title: str
    big_bet: str | None  # the board cluster the initiative carries
    owner: str | None
    tactics: tuple[TacticRow, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class DayData:
    okrs: tuple[OkrRow, ...]
    questions: tuple[QuestionRow, ...]
    talks: tuple[TalkRow, ...]
    reflections: tuple[ReflectionRow, ...]
    feedback: tuple[FeedbackFor, ...]
    feedback_pairs: int
    feedback_complete: int
    charter: CharterText | None
    plan: tuple[PlanRow, ...]
    check_ins: tuple[CheckInRow, ...]

    @property
    def plan_flags(self) -> tuple[str, ...]:
        return tuple(f for p in self.plan for f in p.flags)


def gather_day(s: Session, offsite: Offsite, name: dict[int, str]) -> DayData:
    oid = offsite.id
    okrs = tuple(
        OkrRow(o.objective, o.target, o.result, o.hit, o.went_well, o.went_badly, o.on_the_floor)
        for o in s.scalars(select(Okr).where(Okr.offsite_id == oid,
                                             Okr.kind == OkrKind.REVIEW.value)
                           .order_by(Okr.position, Okr.id))
    )
    questions = tuple(QuestionRow(q.text, q.answers) for q in s.scalars(
        select(Question).where(Question.offsite_id == oid).order_by(Question.position,
                                                                    Question.id)))
    talks = tuple(TalkRow(name.get(b.presenter_id, "?"), b.strength) for b in s.scalars(
        select(BestPractice).where(BestPractice.offsite_id == oid)
        .order_by(BestPractice.position, BestPractice.id)))
    reflections = tuple(
        ReflectionRow(name.get(r.person_id, "?"), r.text) for r in s.scalars(
            select(Reflection).where(Reflection.offsite_id == oid)
            .order_by(Reflection.position, Reflection.id)))
    reflections = tuple(sorted(reflections, key=lambda r: r.person.casefold()))
    feedback, pairs, complete = _feedback(s, offsite, name)
    charter_row = s.get(Charter, oid)
    charter = (CharterText(charter_row.what_we_will_do, charter_row.what_went_wrong,
                           charter_row.how_the_plan_fixes_it) if charter_row else None)
    check_ins = tuple(CheckInRow(c.date, c.label, c.notes) for c in s.scalars(
        select(CheckIn).where(CheckIn.offsite_id == oid).order_by(CheckIn.date, CheckIn.id)))
    return DayData(okrs, questions, talks, reflections, feedback, pairs, complete, charter,
                   _plan(s, oid, name), check_ins)


def _feedback(s: Session, offsite: Offsite, name: dict[int, str]) -> tuple[
        tuple[FeedbackFor, ...], int, int]:
    rows = list(s.scalars(select(Feedback).where(Feedback.offsite_id == offsite.id)))
    people = {p.id: p for p in s.scalars(
        select(Person).join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.offsite_id == offsite.id))}
    # a leadership offsite: every leader gives to every other; a kickoff: only what was given
    attendees = [pid for pid, p in people.items() if p.role != Role.REP.value]
    if offsite.kind != OffsiteKind.LEADERSHIP.value:
        attendees = [pid for pid in attendees if any(f.receiver_id == pid for f in rows)]
    attendees.sort(key=lambda pid: name.get(pid, "?").casefold())
    texts: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for f in rows:
        if f.text and f.text.strip():
            texts[(f.giver_id, f.receiver_id)][f.kind] = f.text
    grid = day_rules.feedback_grid(
        attendees, ((g, r, k) for (g, r), kinds in texts.items() for k in kinds))
    sheets = []
    for receiver in attendees:
        givers = sorted((g for (g, r) in texts if r == receiver),
                        key=lambda g: name.get(g, "?").casefold())
        received = tuple(FeedbackFrom(name.get(g, "?"), texts[(g, receiver)].get("start"),
                                      texts[(g, receiver)].get("stop"),
                                      texts[(g, receiver)].get("continue")) for g in givers)
        others = len(attendees) - 1
        missing = len(grid.missing_for_receiver(receiver))
        sheets.append(FeedbackFor(name.get(receiver, "?"), received, others, others - missing))
    return tuple(sheets), grid.pairs, grid.complete_pairs


def _plan(s: Session, oid: int, name: dict[int, str]) -> tuple[PlanRow, ...]:
    initiatives = list(s.scalars(select(PlanInitiative).where(PlanInitiative.offsite_id == oid)
                                 .order_by(PlanInitiative.position, PlanInitiative.id)))
    if not initiatives:
        return ()
    ids = [i.id for i in initiatives]
    tactics: dict[int, list[Tactic]] = defaultdict(list)
    for t in s.scalars(select(Tactic).where(Tactic.plan_initiative_id.in_(ids))
                       .order_by(Tactic.position, Tactic.id)):
        tactics[t.plan_initiative_id].append(t)
    check_ids = list(s.scalars(select(CheckIn.id).where(CheckIn.offsite_id == oid)
                               .order_by(CheckIn.date, CheckIn.id)))
    recorded = {(u.check_in_id, u.tactic_id): u.status for u in s.scalars(
        select(TacticUpdate).where(TacticUpdate.check_in_id.in_(check_ids)))} if check_ids else {}
    clusters = {c.id: c.title for c in s.scalars(select(Cluster).where(Cluster.offsite_id == oid))}
    flags = day_rules.tactic_flags([(i.id, i.title, len(tactics[i.id]), i.owner_id is not None)
                                    for i in initiatives])
    return tuple(
        PlanRow(i.title, clusters.get(i.cluster_id) if i.cluster_id else None,
                name.get(i.owner_id) if i.owner_id else None,
                tuple(TacticRow(t.text, t.status,
                                tuple(recorded.get((c, t.id)) for c in check_ids))
                      for t in tactics[i.id]),
                tuple(f.message for f in flags if f.initiative_id == i.id))
        for i in initiatives
    )
