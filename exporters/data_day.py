"""The rest of the offsite day for the exports, read through keeper's own loaders
(:mod:`keeper.day`): OKR review, north-star questions, best-practice talks, reflections,
Start/Stop/Continue feedback, the charter, and the operating plan with its check-ins.
The rows are keeper's; only the feedback is regrouped here, per receiver."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from keeper.day import rules as day_rules
from keeper.day.check_ins import CheckInRow, load_check_ins
from keeper.day.feedback import load_feedback
from keeper.day.okrs import OkrRow, load_okrs
from keeper.day.people import attendees
from keeper.day.plan import CHARTER_FIELDS, InitiativeRow, TacticRow, load_charter, load_plan
from keeper.day.questions import QuestionRow, load_questions
from keeper.day.reflections import ReflectionRow, load_reflections
from keeper.day.talks import TalkSlot, load_talks
from keeper.store.models import Offsite, OffsiteKind, OkrKind, Role
from keeper.store.offsite_file import OffsiteStore

CHARTER_LABELS = dict(zip(CHARTER_FIELDS, ("What we will do", "What went wrong last time",
                                           "How the plan fixes it"), strict=True))


@dataclass(frozen=True)
class FeedbackFrom:
    """What one giver wrote to one receiver."""

    giver: str
    start: str | None
    stop: str | None
    continue_: str | None


@dataclass(frozen=True)
class FeedbackFor:
    """One attendee's private file: the Start/Stop/Continue they received."""

    receiver: str
    received: tuple[FeedbackFrom, ...]
    givers_expected: int  # every other attendee gives feedback
    givers_complete: int  # … and this many gave all three


@dataclass(frozen=True)
class DayExport:
    okrs: tuple[OkrRow, ...]  # the review of last period's OKRs
    questions: tuple[QuestionRow, ...]
    talks: tuple[TalkSlot, ...]  # the talk slots someone filled
    reflections: tuple[tuple[str, ReflectionRow], ...]  # (person, reflection), by person
    feedback: tuple[FeedbackFor, ...]
    feedback_pairs: int
    feedback_complete: int
    charter: Mapping[str, str]  # keeper.day.plan.CHARTER_FIELDS -> text ("" unwritten)
    plan: tuple[InitiativeRow, ...]
    check_ins: tuple[CheckInRow, ...]

    @property
    def plan_flags(self) -> tuple[str, ...]:
        return tuple(f for p in self.plan for f in p.flags)

    @property
    def charter_parts(self) -> tuple[tuple[str, str | None], ...]:
        return tuple((CHARTER_LABELS[f], self.charter.get(f) or None) for f in CHARTER_FIELDS)

    @property
    def charter_empty(self) -> bool:
        return not any((self.charter.get(f) or "").strip() for f in CHARTER_FIELDS)

    def at_check_ins(self, tactic: TacticRow) -> tuple[str | None, ...]:
        """The status recorded for ``tactic`` at each check-in, in date order."""
        return tuple(c.statuses.get(tactic.id) for c in self.check_ins)


def gather_day(store: OffsiteStore, offsite: Offsite, name: Mapping[int, str]) -> DayExport:
    oid = offsite.id
    reflections = [(name.get(pid, "?"), r) for pid, rows in load_reflections(store, oid).items()
                   for r in rows]
    reflections.sort(key=lambda pr: pr[0].casefold())
    talks = tuple(t for t in load_talks(store, oid) if t.best_practice_id is not None)
    feedback, pairs, complete = _feedback(store, offsite, name)
    _, plan, _ = load_plan(store, oid, name)
    return DayExport(
        tuple(load_okrs(store, oid, OkrKind.REVIEW)), tuple(load_questions(store, oid)),
        talks, tuple(reflections), feedback, pairs, complete, load_charter(store, oid),
        tuple(plan), tuple(load_check_ins(store, oid)))


def _feedback(store: OffsiteStore, offsite: Offsite, name: Mapping[int, str]) -> tuple[
        tuple[FeedbackFor, ...], int, int]:
    given = load_feedback(store, offsite.id)
    # a leadership offsite: every leader gives to every other; a kickoff: only what was given
    people = [p.id for p in attendees(store, offsite.id) if p.role != Role.REP]
    if offsite.kind != OffsiteKind.LEADERSHIP:
        people = [pid for pid in people if any(r == pid for _, r, _ in given)]
    people.sort(key=lambda pid: name.get(pid, "?").casefold())
    texts: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for (g, r, kind), text in given.items():
        if text.strip():
            texts[(g, r)][kind] = text
    grid = day_rules.feedback_grid(
        people, ((g, r, k) for (g, r), kinds in texts.items() for k in kinds))
    sheets = []
    for receiver in people:
        givers = sorted((g for (g, r) in texts if r == receiver),
                        key=lambda g: name.get(g, "?").casefold())
        received = tuple(FeedbackFrom(name.get(g, "?"), texts[(g, receiver)].get("start"),
                                      texts[(g, receiver)].get("stop"),
                                      texts[(g, receiver)].get("continue")) for g in givers)
        others = len(people) - 1
        missing = len(grid.missing_for_receiver(receiver))
        sheets.append(FeedbackFor(name.get(receiver, "?"), received, others, others - missing))
    return tuple(sheets), grid.pairs, grid.complete_pairs
