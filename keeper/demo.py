"""The built-in demo: a believable team in the middle of its offsite day.

Two leadership offsites in one file (spring and today) so that looking back
works: last offsite's quadrant placements and OKRs, today's agenda under way,
the opportunities board grouped and tallied with two big bets; and last
January's sales kickoff with every kickoff system filled in.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from keeper.agenda.templates import agenda_items, find_template
from keeper.clock import Clock
from keeper.day.rules import monthly_check_ins
from keeper.demo_day import place_day, utc_naive
from keeper.kickoff.demo import build_kickoff
from keeper.store.models import (
    Attendance,
    BestPractice,
    Charter,
    CheckIn,
    Cluster,
    Feedback,
    Initiative,
    Note,
    Offsite,
    Okr,
    OkrKind,
    Person,
    Placement,
    PlanInitiative,
    QuadrantNote,
    Question,
    Reflection,
    Role,
    RunnerState,
    Support,
    Tactic,
    TallyMode,
    TallySettings,
    TimerState,
)

PALETTE = [
    "#E4572E", "#17BEBB", "#FFC914", "#76B041", "#7D5BA6", "#2E86AB", "#F18F01", "#C73E1D",
]

KEEPER = ("Dana Whitfield", "dana.whitfield@northwind.example")
LEADERS = [
    ("Marcus Obi", "marcus.obi@northwind.example"),
    ("Priya Raman", "priya.raman@northwind.example"),
    ("Elena Fischer", "elena.fischer@northwind.example"),
]
MANAGERS = [
    ("Tommy Becker", ["Ava Chen", "Liam Novak", "Sofia Reyes", "Noah Patel", "Mia Kowalski",
                      "Ethan Brooks", "Zoe Adeyemi"]),
    ("Jane Alvarez", ["Lucas Silva", "Chloe Martin", "Mason Lee", "Isla Okafor", "Leo Rossi",
                      "Grace Kim"]),
    ("John Park", ["Owen Murphy", "Ella Nakamura", "Jack Wilson", "Aria Haddad", "Henry Dubois",
                   "Lily Schmidt", "Samuel Ortiz", "Nora Lindqvist"]),
    ("Jill Morgan", ["Caleb Wright", "Hannah Yilmaz", "Daniel Moreau", "Ruby Walsh",
                     "Arjun Mehta", "Maya Johansson", "Felix Andersen"]),
]

INITIATIVES = [
    "Improve the revenue mix of renewals and new business",
    "Fix the hiring process",
    "Win the mid-market",
    "Get more from our marketing channels",
]

# (cluster title, big bet initiative index or None, notes as (author index, text))
BOARD: list[tuple[str, int | None, list[tuple[int, str]]]] = [
    ("Renewals & expansion", 0, [
        (0, "Build a renewals pipeline 120 days out"),
        (3, "Upsell at renewal with usage data"),
        (5, "Grow renewals: QBRs for every top-50 account"),
        (7, "Reduce churn in year-one customers"),
        (2, "Expansion revenue playbook for account managers"),
        (6, "Renewal pipeline review every Monday"),
        (1, "Cross-sell analytics add-on to the installed base"),
    ]),
    ("Hiring & ramp", 1, [
        (1, "Fix the SDR hiring plan: hire ahead of need"),
        (4, "Structured interview loop for AEs"),
        (0, "Cut time-to-ramp for new AEs to 90 days"),
        (6, "Referral bonus for sales hires"),
        (3, "Onboarding bootcamp with certification"),
        (7, "Hire two front-line managers before Q1"),
    ]),
    ("Top of funnel", None, [
        (1, "Outbound sequences by persona"),
        (5, "More qualified leads at the top of the funnel"),
        (2, "SDR to AE ratio back to 2:1"),
        (7, "Prospecting blocks on every calendar"),
        (4, "Event follow-up within 48 hours"),
        (0, "Account-based plays for the top 100 targets"),
    ]),
    ("Coaching the middle", None, [
        (2, "Raise the floor: pair reps with top closers"),
        (6, "Weekly deal reviews on late-stage opps"),
        (3, "Call coaching with recorded demos"),
        (5, "Work smart, not just hard: time audits"),
        (0, "Manager 1:1 templates focused on skills"),
        (7, "Role-play objection handling every sprint"),
    ]),
    ("Forecast & hygiene", None, [
        (7, "Clean pipeline: close dates that mean something"),
        (1, "CRM hygiene score per team"),
        (4, "Forecast call with commit / best case"),
        (2, "Kill stale opportunities every Friday"),
    ]),
    ("Mid-market motion", None, [
        (3, "Dedicated mid-market pod"),
        (6, "Packaging for 50-500 seat companies"),
        (0, "Shorter contract for mid-market deals"),
        (5, "Territory split by segment, not geography"),
    ]),
    ("Partners", None, [
        (4, "Referral program with two implementation partners"),
        (7, "Co-sell with the cloud marketplace"),
        (1, "Partner-sourced pipeline target per quarter"),
        (2, "Reseller enablement kit"),
    ]),
]
UNGROUPED = [
    (2, "Celebrate small wins in the Friday stand-up 🎉"),
    (5, "Revisit discount approval levels"),
    (6, "Win/loss interviews every month"),
]


def _person(name: str, role: Role, email: str | None, colour: str | None = None,
            manager: Person | None = None) -> Person:
    return Person(name=name, role=role, email=email, colour=colour, manager=manager,
                  active=True)


def _local_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None)


def build_demo(session: Session, clock: Clock) -> Offsite:
    """Write the demo offsite into an empty file's ``session`` (the caller commits)."""
    rng = random.Random(20261123)
    now = clock.now()
    keeper = _person(KEEPER[0], Role.LEADER, KEEPER[1], PALETTE[0])
    leaders = [keeper] + [
        _person(n, Role.LEADER, e, PALETTE[i + 1]) for i, (n, e) in enumerate(LEADERS)
    ]
    managers: list[Person] = []
    reps: list[Person] = []
    for i, (name, team) in enumerate(MANAGERS):
        email = name.lower().replace(" ", ".") + "@northwind.example"
        manager = _person(name, Role.MANAGER, email, PALETTE[4 + i], manager=keeper)
        managers.append(manager)
        reps += [_person(rep, Role.REP, None, manager=manager) for rep in team]
    for leader in leaders[1:]:
        leader.manager = keeper
    session.add_all(leaders + managers + reps)
    session.flush()
    attendees = leaders + managers

    spring = _spring_offsite(session, now, keeper, attendees, rng)
    today = _todays_offsite(session, clock, keeper, attendees)
    _placements(session, spring, today, reps, rng)
    _board(session, today, attendees, rng, now)
    session.flush()
    _offsite_day(session, spring, today, attendees)
    build_kickoff(session, now, reps, attendees, rng, keeper=keeper)
    session.flush()
    return today


def _spring_offsite(session: Session, now: dt.datetime, keeper: Person,
                    attendees: list[Person], rng: random.Random) -> Offsite:
    template = find_template("sales-leadership-offsite")
    spring = Offsite(title="Spring leadership offsite", kind=template.kind,
                     date=(now - dt.timedelta(days=190)).date(), venue="Harbour Loft",
                     day_start=dt.time(9, 0), keeper_id=keeper.id,
                     created_at=_local_naive(now) - dt.timedelta(days=200))
    session.add(spring)
    session.flush()
    session.add_all(Initiative(offsite_id=spring.id, position=i, title=t)
                    for i, t in enumerate(INITIATIVES[:3]))
    session.add_all(Attendance(offsite_id=spring.id, person_id=p.id) for p in attendees)
    items = agenda_items(template, spring.id)
    assert spring.date is not None  # set just above
    start = dt.datetime.combine(spring.date, spring.day_start)
    for item in items:
        item.actual_start = start
        start += dt.timedelta(minutes=item.planned_minutes + rng.choice([0, 0, 1, 2, 4, -1]))
        item.actual_end = start
    session.add_all(items)
    return spring


def _todays_offsite(session: Session, clock: Clock, keeper: Person,
                    attendees: list[Person]) -> Offsite:
    template = find_template("sales-leadership-offsite")
    now_local = _local_naive(clock.now())
    planned = [it.planned_minutes for it in agenda_items(template, 0)]
    day = place_day(planned, now_local)
    offsite = Offsite(title="Autumn leadership offsite", kind=template.kind,
                      date=day.start.date(), venue="The Foundry, Warehouse District",
                      day_start=day.start.time(), keeper_id=keeper.id,
                      created_at=now_local - dt.timedelta(days=14))
    session.add(offsite)
    session.flush()
    session.add_all(Initiative(offsite_id=offsite.id, position=i, title=t)
                    for i, t in enumerate(INITIATIVES))
    gratitude = {
        "Tommy Becker": "Thank you for coaching every new rep through their first deals.",
        "Jill Morgan": "Your team's pipeline is the cleanest we have. Thanks for showing us how.",
    }
    session.add_all(Attendance(offsite_id=offsite.id, person_id=p.id,
                               gratitude_note=gratitude.get(p.name)) for p in attendees)
    items = agenda_items(template, offsite.id)
    talks = [it for it in items if it.title.startswith("Best practice talk")]
    presenters = {"Best practice talk 1": 2, "Best practice talk 2": 3, "Best practice talk 3": 0}
    managers = [p for p in attendees if p.role == Role.MANAGER]
    for talk in talks:
        talk.presenter_id = managers[presenters[talk.title]].id
    for item, (start, end) in zip(items, day.actuals, strict=True):
        item.actual_start, item.actual_end = start, end
    session.add_all(items)
    session.flush()
    session.add(RunnerState(
        offsite_id=offsite.id, state=TimerState(day.state), message=None, blackout=False,
        item_id=items[day.current].id if day.current is not None else None,
        deadline=utc_naive(day.deadline) if day.deadline is not None else None))
    return offsite


def _placements(session: Session, spring: Offsite, today: Offsite, reps: list[Person],
                rng: random.Random) -> None:
    burned_out = {"Owen Murphy", "Chloe Martin"}  # high/high in spring, breathers now
    for rep in reps:
        skill = rng.uniform(0.15, 0.9)
        motivation = rng.uniform(0.2, 0.95)
        if rep.name in burned_out:
            skill, motivation = rng.uniform(0.7, 0.9), rng.uniform(0.7, 0.9)
        session.add(Placement(offsite_id=spring.id, person_id=rep.id,
                              skill=round(skill, 3), motivation=round(motivation, 3)))
        if rep.name in burned_out:
            new_skill, new_motivation = skill + rng.uniform(-0.05, 0.05), rng.uniform(0.15, 0.35)
        else:
            new_skill = skill + rng.uniform(-0.05, 0.2)
            new_motivation = motivation + rng.uniform(-0.2, 0.15)
        session.add(Placement(offsite_id=today.id, person_id=rep.id,
                              skill=round(min(max(new_skill, 0.02), 0.98), 3),
                              motivation=round(min(max(new_motivation, 0.02), 0.98), 3)))
    session.add_all([
        QuadrantNote(offsite_id=today.id, quadrant="high_motivation_low_skill",
                     note="Enablement first: weekly call coaching, pair with a top closer."),
        QuadrantNote(offsite_id=today.id, quadrant="low_motivation_high_skill",
                     note="Breathers: paid time off to recharge before Q1, not a pep talk."),
    ])


def _board(session: Session, offsite: Offsite, attendees: list[Person],
           rng: random.Random, now: dt.datetime) -> None:
    session.add(TallySettings(offsite_id=offsite.id, mode=TallyMode.SUPPORTERS, dots_per_person=3,
                              keeper_counted=True))
    initiatives = list(offsite.initiatives) or list(
        session.query(Initiative).filter_by(offsite_id=offsite.id).order_by(Initiative.position)
    )
    created = _local_naive(now).replace(microsecond=0)
    supporters_by_cluster = [7, 6, 4, 5, 3, 3, 2]
    for c_index, (title, bet, notes) in enumerate(BOARD):
        col, row = c_index % 4, c_index // 4
        note_rows = (len(notes) + 1) // 2
        cluster = Cluster(offsite_id=offsite.id, title=title, x=col * 460.0, y=row * 560.0,
                          width=420.0, height=60.0 + note_rows * 110.0,
                          big_bet=bet is not None,
                          initiative_id=initiatives[bet].id if bet is not None else None)
        session.add(cluster)
        session.flush()
        for n, (author, text) in enumerate(notes):
            session.add(Note(offsite_id=offsite.id, author_id=attendees[author].id, text=text,
                             cluster_id=cluster.id, x=cluster.x + 20 + (n % 2) * 200,
                             y=cluster.y + 50 + (n // 2) * 110, created_at=created))
        for person in rng.sample(attendees, supporters_by_cluster[c_index]):
            session.add(Support(offsite_id=offsite.id, person_id=person.id,
                                cluster_id=cluster.id, dots=1))
    for n, (author, text) in enumerate(UNGROUPED):
        session.add(Note(offsite_id=offsite.id, author_id=attendees[author].id, text=text,
                         x=1860.0, y=40.0 + n * 120, created_at=created))


SPRING_OKRS = [
    ("Five of six months above budget on new business revenue", "5 of 6 months",
     "3 of 6 months", False,
     "Enterprise closed two large deals in March.",
     "Fell short on the SDR hiring plan; top of funnel dried up by May.",
     "AEs prospected for themselves and stopped running discovery properly."),
    ("Renewal rate at 92% or better", "92%", "93.5%", True,
     "QBRs for the top 50 accounts caught churn early.",
     "Mid-market renewals still arrive late in the quarter.",
     "CSMs and AEs started joint renewal calls 90 days out."),
    ("Ramp new AEs to quota in 120 days", "120 days", "141 days", False,
     "The bootcamp certification helped the April cohort.",
     "Managers had no time to shadow calls.",
     "New reps waited weeks for territory assignments."),
    ("Forecast accuracy within 10% at week 6", "±10%", "±7%", True,
     "Commit / best-case calls every Monday.",
     "Stale opportunities still inflate the pipeline.",
     "Reps clean their pipeline on Fridays now."),
]
QUESTIONS = [
    ("Why are we missing on staffing, and what can we do about it?",
     "Recruiting starts too late; hire ahead of need and share a sourcing budget."),
    ("How can we increase our top-of-funnel activities for renewals?",
     "Renewal pipeline 120 days out, owned jointly by AE and CSM."),
    ("The best reps have the most opportunities in the closing stage. "
     "How can we raise the floor for the rest?",
     "Pair reps with top closers; weekly late-stage deal reviews."),
    ("We work really hard but not always smart. How do we pair the two?",
     None),
]
REFLECTIONS = {
    "Marcus Obi": ["Hiring ahead of need is cheaper than missing a quarter."],
    "Jane Alvarez": ["The quadrant showed me two reps I had been treating the same way.",
                     "I want Jill's Friday pipeline clean-up in my team."],
    "Jill Morgan": ["Renewals are a pipeline, not an event."],
}
FEEDBACK = [
    ("Dana Whitfield", "Tommy Becker", "start", "Managing your calendar better: you keep "
     "rescheduling our 1:1s."),
    ("Dana Whitfield", "Tommy Becker", "stop", "Advocating for reps when you know they are "
     "breaking rules."),
    ("Dana Whitfield", "Tommy Becker", "continue", "Coaching new reps through their first deals."),
    ("Jane Alvarez", "Tommy Becker", "start", "Sharing your onboarding checklist with the team."),
    ("Jill Morgan", "Jane Alvarez", "continue", "Getting reps bought into the strategy."),
    ("John Park", "Jill Morgan", "stop", "Taking every forecast call yourself; let your reps "
     "present."),
]
PLAN = {
    "Renewals & expansion": ("Jill Morgan", [
        "Renewal pipeline built 120 days before every renewal date",
        "Joint AE/CSM renewal call at 90 days",
        "Usage review in every QBR for the top 50 accounts",
        "Expansion playbook for account managers",
        "Cross-sell offer for the analytics add-on",
        "Churn-risk score reviewed weekly",
        "Renewal forecast line in the Monday call",
        "Quarterly win-back campaign for churned logos",
    ]),
    "Hiring & ramp": ("Marcus Obi", [
        "Hire SDRs one quarter ahead of need",
        "Structured interview loop with scorecards",
        "Referral bonus for sales hires",
        "Bootcamp certification in the first 30 days",
        "Territory assigned before day one",
    ]),
}


def _offsite_day(session: Session, spring: Offsite, today: Offsite,
                 attendees: list[Person]) -> None:
    by_name = {p.name: p for p in attendees}
    okr_items = [i for i in today.agenda if i.title.startswith("OKR postmortem")]
    for n, (objective, target, result, hit, well, badly, floor) in enumerate(SPRING_OKRS):
        seed = Okr(offsite_id=spring.id, kind=OkrKind.NEXT, position=n,
                   objective=objective, target=target)
        session.add(seed)
        session.flush()
        session.add(Okr(offsite_id=today.id, kind=OkrKind.REVIEW, position=n,
                        objective=objective, target=target, result=result, hit=hit,
                        went_well=well, went_badly=badly, on_the_floor=floor,
                        agenda_item_id=okr_items[n].id if n < len(okr_items) else None,
                        carried_from_id=seed.id))
    for n, (text, answers) in enumerate(QUESTIONS):
        session.add(Question(offsite_id=today.id, position=n, text=text, answers=answers))
    for n, name in enumerate(["Jane Alvarez", "John Park", "Marcus Obi"]):
        session.add(BestPractice(offsite_id=spring.id, presenter_id=by_name[name].id,
                                 position=n, strength="Spring talk"))
    strengths = {"John Park": "Managing Gen Z reps", "Jill Morgan": "Clean pipelines and "
                 "forecast hygiene", "Tommy Becker": "Coaching new reps through first deals"}
    talks = [i for i in today.agenda if i.title.startswith("Best practice talk")]
    for n, talk in enumerate(talks):
        presenter = session.get(Person, talk.presenter_id) if talk.presenter_id else None
        if presenter is not None:
            session.add(BestPractice(offsite_id=today.id, presenter_id=presenter.id,
                                     position=n, strength=strengths.get(presenter.name),
                                     agenda_item_id=talk.id))
    for name, texts in REFLECTIONS.items():
        for n, text in enumerate(texts):
            session.add(Reflection(offsite_id=today.id, person_id=by_name[name].id,
                                   position=n, text=text))
    for giver, receiver, kind, text in FEEDBACK:
        session.add(Feedback(offsite_id=today.id, giver_id=by_name[giver].id,
                             receiver_id=by_name[receiver].id, kind=kind, text=text))
    session.add(Charter(
        offsite_id=today.id,
        what_we_will_do="Grow net revenue retention while we rebuild the top of the funnel: "
                        "renewals become a pipeline, and we hire ahead of need.",
        what_went_wrong="We missed the SDR hiring plan, the funnel dried up, and we hit budget "
                        "in only 3 of 6 months.",
        how_the_plan_fixes_it="Two big bets with owners, 7-10 tactics each, reviewed at a "
                              "monthly leadership check-in.",
    ))
    clusters = {c.title: c for c in session.query(Cluster).filter_by(offsite_id=today.id)}
    for n, (title, (owner, tactics)) in enumerate(PLAN.items()):
        initiative = PlanInitiative(offsite_id=today.id, cluster_id=clusters[title].id,
                                    position=n, title=title, owner_id=by_name[owner].id)
        session.add(initiative)
        session.flush()
        for m, text in enumerate(tactics):
            session.add(Tactic(plan_initiative_id=initiative.id, position=m, text=text,
                               status="on track" if m < 2 else "not started"))
    if today.date is not None:
        for date in monthly_check_ins(today.date, 6):
            session.add(CheckIn(offsite_id=today.id, date=date))
