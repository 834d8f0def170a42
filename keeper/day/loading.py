"""Everything the "Sessions & plan" view shows for one offsite, read in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from keeper.day.check_ins import CheckInRow, load_check_ins
from keeper.day.feedback import load_feedback
from keeper.day.okrs import OkrRow, load_okrs, okrs_available_to_carry, timebox_needed
from keeper.day.people import DayPerson, attendees
from keeper.day.plan import BigBet, InitiativeRow, load_charter, load_plan
from keeper.day.questions import QuestionRow, load_questions, questions_flag
from keeper.day.reflections import ReflectionRow, load_gratitude, load_reflections
from keeper.day.rules import (
    FeedbackGrid,
    OkrSeed,
    PresenterSuggestion,
    feedback_grid,
    postmortem_minutes,
    suggest_presenters,
)
from keeper.day.talks import TalkSlot, load_talks, presenter_candidates, presenter_history
from keeper.store.models import Offsite, OkrKind
from keeper.store.offsite_file import OffsiteStore


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
    data.review_okrs = load_okrs(store, offsite_id, OkrKind.REVIEW)
    data.next_okrs = load_okrs(store, offsite_id, OkrKind.NEXT)
    data.to_carry = okrs_available_to_carry(store, offsite_id)
    data.minutes_per_okr = postmortem_minutes(len(data.review_okrs))
    data.timebox_needed = bool(data.review_okrs) and timebox_needed(
        store, offsite_id, data.review_okrs)
    data.questions = load_questions(store, offsite_id)
    data.talks = load_talks(store, offsite_id, data.people)
    data.managers = presenter_candidates(data.people)
    data.suggestions = suggest_presenters({p.id: p.name for p in data.managers},
                                          presenter_history(store, offsite_id),
                                          count=len(data.managers))
    data.reflections = load_reflections(store, offsite_id)
    data.gratitude = load_gratitude(store, offsite_id)
    data.feedback = load_feedback(store, offsite_id)
    data.grid = feedback_grid([p.id for p in data.people], data.feedback.keys())
    data.charter = load_charter(store, offsite_id)
    data.big_bets, data.initiatives, data.plan_flags = load_plan(store, offsite_id, names)
    data.check_ins = load_check_ins(store, offsite_id)
    return data
