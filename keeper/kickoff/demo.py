"""The demo's sample sales kickoff: last January's SKO with every kickoff system filled in."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from keeper.agenda.templates import agenda_items, find_template
from keeper.kickoff.rules import CHECKPOINTS, DEFAULT_COMPETENCIES, DEFAULT_TIERS
from keeper.store.models import (
    AgendaItem,
    Attainment,
    Attendance,
    CheckIn,
    Competency,
    CompetencyRating,
    First30Plan,
    Goal,
    GoalLink,
    MetricMeasure,
    Offsite,
    Person,
    RecognitionTier,
    RepMetric,
    SkoLookBack,
    SkoObjective,
    SuccessMetric,
    SurveyRating,
    SurveyResponse,
)

SURVEY = [
    ("Role-play tournament with real objections", "Too many slides in the product keynote", 5, 4),
    ("Role plays on our own deals", "Keynotes ran long and over time", 4, 4),
    ("Deal review clinic was practical", "Hotel wifi kept dropping", 4, 3),
    ("Meeting the marketing team in person", "Comp plan announcement soured the mood", 4, 2),
    ("Discovery practice with real prospects", "Not enough time for questions", 5, 4),
    ("Competitive battle cards", "Keynote slides were too dense", 4, 3),
    ("The President's Club dinner", "Comp changes took over the hallway talk", 3, 2),
    ("Role-play feedback from managers", "Agenda printed too late", 5, 4),
    ("First 30 days plan", "More breaks please", 4, 4),
    ("Networking with other regions", "Long keynote on the second morning", 4, 3),
]
OBJECTIVES = [
    ("Every rep books 3 discovery calls with the new questions in week 1", True),
    ("Battle-card certification for all AEs within 30 days", True),
    ("Competitive win rate from 38% to 45% in Q1", False),
]
GOALS = {
    "outcome": [("Generate $2M in Q1 pipeline", "$2M"), ("Q1 new-business revenue", "$6.1M")],
    "performance": [("240 qualified discovery calls (20 per rep per month)", "240"),
                    ("15% meeting-to-opportunity conversion", "15%"),
                    ("2 proposals per rep per week", "2/week")],
    "development": [("Mastery of the 4-question pain framework", "certified by 30 days"),
                    ("Objection handling: price and timing", "manager sign-off"),
                    ("Competitive differentiation against the two main rivals", "battle cards")],
}
GOAL_LINKS = [(0, 0), (0, 1), (1, 2), (1, 1)]  # (outcome index, performance index)
SKILL_LINKS = [(0, 0), (1, 0), (1, 2), (2, 1)]  # (performance index, development index)
# horizon, name, target, unit, higher is better, the measures taken so far
SUCCESS_GRID: list[tuple[str, str, float, str | None, bool, list[float]]] = [
    ("0-7 days", "Satisfaction score (1-5)", 4.2, None, True, [4.1]),
    ("0-7 days", "Attendance at mandatory sessions", 95, "%", True, [97]),
    ("1-8 weeks", "Certification completion", 90, "%", True, [62, 88]),
    ("1-8 weeks", "CRM feature adoption", 80, "%", True, [55, 71]),
    ("2-12 months", "Q1 pipeline created", 2.0, "$M", True, [0.7, 1.4, 2.2]),
    ("2-12 months", "Competitive win rate", 45, "%", True, [39, 41, 43]),
]


def build_kickoff(session: Session, now: dt.datetime, reps: list[Person],
                  attendees: list[Person], rng: random.Random,
                  keeper: Person | None = None) -> Offsite:
    """The kickoff, run by ``keeper`` (who is thanked by no slide of her own deck)."""
    template = find_template("sales-kickoff-2-days")
    date = (now - dt.timedelta(days=300)).date()
    kickoff = Offsite(title="Sales kickoff 2026", kind=template.kind, date=date,
                      venue="Lakeside Conference Center", day_start=dt.time(9, 0),
                      keeper_id=keeper.id if keeper is not None else None,
                      created_at=now.astimezone().replace(tzinfo=None) - dt.timedelta(days=330))
    session.add(kickoff)
    session.flush()
    items = agenda_items(template, kickoff.id)
    items.insert(10, AgendaItem(offsite_id=kickoff.id, day=1, title="New comp plan walkthrough",
                                kind="session", planned_minutes=30, content_tag="culture",
                                session_format="keynote", protected=False, warn_amber_s=120,
                                warn_red_s=30))
    for position, item in enumerate(items):
        item.position = position
    session.add_all(items)
    session.add_all(Attendance(offsite_id=kickoff.id, person_id=p.id) for p in attendees + reps)

    session.add(SkoLookBack(offsite_id=kickoff.id, revenue_goal=24_000_000,
                            revenue_actual=22_100_000,
                            outside_factors="Two enterprise deals slipped to January."))
    session.add_all(SkoObjective(offsite_id=kickoff.id, position=n, text=t, hit=h)
                    for n, (t, h) in enumerate(OBJECTIVES))
    for n, (well, improve, overall, content) in enumerate(SURVEY):
        response = SurveyResponse(offsite_id=kickoff.id, respondent=reps[n].name,
                                  went_well=well, to_improve=improve)
        session.add(response)
        session.flush()
        session.add_all([SurveyRating(response_id=response.id, question="Overall", value=overall),
                         SurveyRating(response_id=response.id, question="Content",
                                      value=content)])
    _audit(session, kickoff, reps, rng)
    _goals(session, kickoff)
    for name, threshold in DEFAULT_TIERS:
        session.add(RecognitionTier(offsite_id=kickoff.id, name=name, threshold=threshold))
    for rep in reps:
        session.add(Attainment(offsite_id=kickoff.id, person_id=rep.id,
                               attainment=round(rng.uniform(0.62, 1.42), 3)))
    _follow_through(session, kickoff, reps, date)
    return kickoff


def _audit(session: Session, kickoff: Offsite, reps: list[Person], rng: random.Random) -> None:
    competencies = [Competency(offsite_id=kickoff.id, position=n, name=name)
                    for n, name in enumerate(DEFAULT_COMPETENCIES)]
    session.add_all(competencies)
    session.flush()
    overconfident = {"Discovery questioning": 2.4, "Competitive differentiation": 2.0,
                     "Objection handling": 1.1}
    for rep in reps:
        for competency in competencies:
            actual = rng.uniform(4, 9)
            bias = overconfident.get(competency.name, 0.3)
            self_rating = min(10.0, actual + bias + rng.uniform(-1, 1))
            session.add(CompetencyRating(competency_id=competency.id, person_id=rep.id,
                                         self_rating=round(self_rating),
                                         manager_rating=round(actual)))
        session.add_all([
            RepMetric(offsite_id=kickoff.id, person_id=rep.id, name="Win rate %",
                      value=round(rng.uniform(18, 52), 1)),
            RepMetric(offsite_id=kickoff.id, person_id=rep.id, name="Deal velocity (days)",
                      value=round(rng.uniform(35, 95))),
            RepMetric(offsite_id=kickoff.id, person_id=rep.id, name="Meetings per week",
                      value=round(rng.uniform(4, 14))),
        ])


def _goals(session: Session, kickoff: Offsite) -> None:
    made: dict[str, list[Goal]] = {}
    for layer, entries in GOALS.items():
        made[layer] = [Goal(offsite_id=kickoff.id, layer=layer, position=n, text=t, target=g)
                       for n, (t, g) in enumerate(entries)]
        session.add_all(made[layer])
    session.flush()
    session.add_all(GoalLink(parent_id=made["outcome"][o].id, child_id=made["performance"][p].id)
                    for o, p in GOAL_LINKS)
    session.add_all(GoalLink(parent_id=made["performance"][p].id,
                             child_id=made["development"][d].id) for p, d in SKILL_LINKS)


def _follow_through(session: Session, kickoff: Offsite, reps: list[Person],
                    date: dt.date) -> None:
    checkpoints = [date + dt.timedelta(days=d) for d in CHECKPOINTS]
    for n, (horizon, name, target, unit, higher, values) in enumerate(SUCCESS_GRID):
        metric = SuccessMetric(offsite_id=kickoff.id, horizon=horizon, position=n, name=name,
                               target=target, unit=unit, higher_is_better=higher)
        session.add(metric)
        session.flush()
        when = [date + dt.timedelta(days=7)] if horizon == "0-7 days" else checkpoints
        session.add_all(MetricMeasure(metric_id=metric.id, measured_on=d, value=v)
                        for d, v in zip(when, values, strict=False))
    notes = {30: "Discovery calls up 20%; certification lagging in two teams.",
             60: "Pipeline at 70% of the Q1 target; win rate creeping up.",
             90: "Q1 pipeline target met; keep the battle-card refreshers."}
    for days, day in zip(CHECKPOINTS, checkpoints, strict=True):
        session.add(CheckIn(offsite_id=kickoff.id, date=day, label=f"{days}-day checkpoint",
                            notes=notes[days]))
    for n, rep in enumerate(reps):
        partner = reps[(n + 1) % len(reps)] if n % 2 == 0 else reps[n - 1]
        session.add(First30Plan(
            offsite_id=kickoff.id, person_id=rep.id,
            week1_focus="Three conversations with top accounts using the new discovery "
                        "questions",
            weeks2_3="30-minute peer coaching with my partner; refine the opener",
            week4_review="Metrics review with my manager: calls, conversion, pipeline",
            daily_habits="Prospecting block 9-10; log next steps the same day",
            partner_id=partner.id,
        ))
