"""The rest of the offsite day as data: carrying OKRs forward, timeboxes, presenters,
feedback completeness, the operating plan, and undo of every kind of edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from keeper import day as day_ops
from keeper.day import DayError, load_day
from keeper.day.rules import postmortem_minutes
from keeper.ops import Operation
from keeper.store.models import (
    AgendaItem,
    Attendance,
    BestPractice,
    Charter,
    CheckIn,
    Cluster,
    Feedback,
    Offsite,
    Okr,
    Person,
    PlanInitiative,
    Question,
    Reflection,
    Tactic,
    TacticUpdate,
)
from keeper.store.offsite_file import OffsiteStore

TABLES = (Okr, Question, BestPractice, Reflection, Feedback, Charter, PlanInitiative, Tactic,
          CheckIn, TacticUpdate, AgendaItem, Attendance)


def snapshot(store: OffsiteStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables this module edits, in a comparable form."""
    store.session.expire_all()
    out = {}
    for model in TABLES:
        table = model.__table__
        rows = store.session.execute(select(table)).all()
        out[table.name] = sorted(tuple(r) for r in rows)
    return out


@pytest.fixture
def store(demo_store: OffsiteStore) -> OffsiteStore:
    return demo_store


@pytest.fixture
def today(store: OffsiteStore) -> int:
    offsite = store.current_offsite()
    assert offsite is not None and offsite.title.startswith("Autumn")
    return offsite.id


def person(store: OffsiteStore, name: str) -> int:
    return store.session.scalars(select(Person.id).where(Person.name == name)).one()


def run(store: OffsiteStore, op: Operation | None) -> Operation:
    assert op is not None
    op.apply(store)
    store.session.expire_all()
    return op


def later_offsite(store: OffsiteStore, after: int, days: int = 180) -> int:
    """A new offsite after ``after``, attended by the same people."""
    base = store.session.get(Offsite, after)
    assert base is not None and base.date is not None
    with store.edit() as s:
        new = Offsite(title="Spring again", kind=base.kind, date=base.date + dt.timedelta(days),
                      created_at=dt.datetime(2027, 5, 1))
        s.add(new)
        s.flush()
        for pid in s.scalars(select(Attendance.person_id).where(Attendance.offsite_id == after)):
            s.add(Attendance(offsite_id=new.id, person_id=pid))
        new_id = new.id
    return new_id


# ----- OKRs ------------------------------------------------------------------------------


def test_demo_is_already_carried_and_timeboxed(store: OffsiteStore, today: int) -> None:
    data = load_day(store, today)
    assert data.previous_title == "Spring leadership offsite"
    assert [o.objective[:12] for o in data.review_okrs] == [
        "Five of six ", "Renewal rate", "Ramp new AEs", "Forecast acc"]
    assert data.to_carry == []
    assert day_ops.carry_forward_okrs(store, today) is None
    assert not data.timebox_needed


def test_carry_forward_brings_back_what_is_missing_once(store: OffsiteStore, today: int) -> None:
    data = load_day(store, today)
    removed = data.review_okrs[1]
    run(store, day_ops.delete_okr(removed.id))
    assert [s.objective for s in load_day(store, today).to_carry] == [removed.objective]

    op = run(store, day_ops.carry_forward_okrs(store, today))
    assert op.text == "Carry forward 1 OKR"
    okrs = load_day(store, today).review_okrs
    assert len(okrs) == 4
    carried = okrs[-1]  # appended after the ones already under review
    assert (carried.objective, carried.target, carried.carried_from_id) == (
        removed.objective, removed.target, removed.carried_from_id)
    assert carried.result is None and carried.hit is None
    # a second run does not duplicate
    assert day_ops.carry_forward_okrs(store, today) is None
    assert len(load_day(store, today).review_okrs) == 4


def test_next_period_okrs_are_carried_into_the_following_offsite(
        store: OffsiteStore, today: int) -> None:
    run(store, day_ops.add_okr(store, today, {"objective": "Net revenue retention 110%",
                                              "target": "110%"}, kind="next"))
    run(store, day_ops.add_okr(store, today, {"objective": "Two new managers hired"},
                               kind="next"))
    following = later_offsite(store, today)
    assert store.previous_offsite(store.session.get(Offsite, following)).id == today
    data = load_day(store, following)
    assert [s.objective for s in data.to_carry] == ["Net revenue retention 110%",
                                                    "Two new managers hired"]
    run(store, day_ops.carry_forward_okrs(store, following))
    review = load_day(store, following).review_okrs
    assert [(o.objective, o.target, o.kind) for o in review] == [
        ("Net revenue retention 110%", "110%", "review"),
        ("Two new managers hired", None, "review")]
    assert day_ops.carry_forward_okrs(store, following) is None
    # the OKRs set today stay where they were set
    assert len(load_day(store, today).next_okrs) == 2


def test_no_previous_offsite_means_nothing_to_carry(store: OffsiteStore) -> None:
    spring = store.session.scalars(select(Offsite).order_by(Offsite.date)).first()
    assert spring is not None
    assert load_day(store, spring.id).previous_title is None
    assert day_ops.carry_forward_okrs(store, spring.id) is None


def postmortem_items(store: OffsiteStore, offsite_id: int) -> list[AgendaItem]:
    return [i for i in day_ops.agenda_items(store, offsite_id)
            if day_ops.is_postmortem_title(i.title)]


def test_timebox_adds_an_item_per_okr_and_undo_restores_the_agenda(
        store: OffsiteStore, today: int) -> None:
    run(store, day_ops.add_okr(store, today, {"objective": "Win rate 25%"}))
    before = snapshot(store)
    assert load_day(store, today).timebox_needed
    op = run(store, day_ops.timebox_okrs(today))
    okrs = load_day(store, today).review_okrs
    items = postmortem_items(store, today)
    assert len(items) == 5
    assert {i.planned_minutes for i in items} == {postmortem_minutes(5)} == {12}
    assert [i.id for i in items] == [o.agenda_item_id for o in okrs]  # in OKR order
    assert items[-1].title == "OKR postmortem 5: Win rate 25%"
    positions = [i.position for i in items]
    assert positions == list(range(positions[0], positions[0] + 5))  # one block
    assert not load_day(store, today).timebox_needed
    op.revert(store)
    assert snapshot(store) == before
    op.apply(store)  # redo
    assert [i.id for i in postmortem_items(store, today)] == [
        o.agenda_item_id for o in load_day(store, today).review_okrs]


@pytest.mark.parametrize("has_run", [False, True])
def test_timebox_removes_spare_items_that_have_not_run(store: OffsiteStore, today: int,
                                                       has_run: bool) -> None:
    if not has_run:  # planning before the day: nothing has run yet
        with store.edit():
            for item in postmortem_items(store, today):
                item.actual_start = item.actual_end = None
    okrs = load_day(store, today).review_okrs
    for okr in okrs[:2]:
        run(store, day_ops.delete_okr(okr.id))
    run(store, day_ops.timebox_okrs(today))
    items = postmortem_items(store, today)
    # what already ran stays in the agenda as a record of the day
    assert len(items) == (4 if has_run else 2)
    linked = {o.agenda_item_id for o in load_day(store, today).review_okrs}
    assert {i.planned_minutes for i in items if i.id in linked} == {15}  # 60/2, kept to 15
    assert not load_day(store, today).timebox_needed


def test_timebox_without_okrs_is_refused(store: OffsiteStore, today: int) -> None:
    for okr in load_day(store, today).review_okrs:
        run(store, day_ops.delete_okr(okr.id))
    with pytest.raises(DayError, match="no OKRs"):
        day_ops.timebox_okrs(today).apply(store)


def test_reorder_okrs(store: OffsiteStore, today: int) -> None:
    ids = [o.id for o in load_day(store, today).review_okrs]
    op = run(store, day_ops.reorder_okrs(list(reversed(ids))))
    assert [o.id for o in load_day(store, today).review_okrs] == list(reversed(ids))
    op.revert(store)
    assert [o.id for o in load_day(store, today).review_okrs] == ids


def test_empty_objective_is_refused(store: OffsiteStore, today: int) -> None:
    with pytest.raises(DayError, match="objective"):
        day_ops.add_okr(store, today, {"objective": " \n\t "})
    okr = load_day(store, today).review_okrs[0]
    with pytest.raises(DayError):
        day_ops.edit_okr(okr.id, {"objective": "\x00\x01"})


# ----- questions ----------------------------------------------------------------------------


def test_questions_flag_fewer_than_four_or_more_than_five(store: OffsiteStore,
                                                          today: int) -> None:
    assert load_day(store, today).questions_flag is None  # the demo has 4
    run(store, day_ops.add_question(store, today, "Q5", "A5"))
    assert load_day(store, today).questions_flag is None
    run(store, day_ops.add_question(store, today, "Q6"))
    assert "6 questions" in (load_day(store, today).questions_flag or "")
    for q in load_day(store, today).questions[:4]:
        run(store, day_ops.delete_question(q.id))
    assert "add 2 more" in (load_day(store, today).questions_flag or "")


# ----- best practices -------------------------------------------------------------------------


def test_suggestions_rotate_from_earlier_offsites(store: OffsiteStore, today: int) -> None:
    data = load_day(store, today)
    # spring: Jane, John (and Marcus, a leader); Jill and Tommy never presented
    assert [s.name for s in data.suggestions[:2]] == ["Jill Morgan", "Tommy Becker"]
    assert data.suggestions[0].reason == "has not presented at an offsite in this file"
    assert data.suggestions[2].reason.startswith("last presented")
    # at the following offsite, today's presenters (John, Jill, Tommy) come after Jane
    following = later_offsite(store, today)
    ranked = [s.name for s in load_day(store, following).suggestions]
    assert ranked[0] == "Jane Alvarez"
    assert set(ranked[1:]) == {"John Park", "Jill Morgan", "Tommy Becker"}
    assert ranked.index("John Park") > 0
    # and there, the talks start empty
    assert all(t.presenter_id is None for t in load_day(store, following).talks)


def test_choosing_presenters_links_the_agenda(store: OffsiteStore, today: int) -> None:
    jane, tommy = person(store, "Jane Alvarez"), person(store, "Tommy Becker")
    talks = load_day(store, today).talks
    assert [t.presenter_name for t in talks] == ["John Park", "Jill Morgan", "Tommy Becker"]
    with pytest.raises(DayError, match="already presents talk 3"):
        day_ops.set_presenter(store, today, 0, tommy)
    before = snapshot(store)
    op = run(store, day_ops.set_presenter(store, today, 0, jane))
    talk = load_day(store, today).talks[0]
    assert talk.presenter_id == jane
    assert store.session.get(AgendaItem, talk.agenda_item_id).presenter_id == jane
    assert load_day(store, today).talks[0].strength == "Managing Gen Z reps"  # the slot's
    strength = run(store, day_ops.set_strength(store, today, 0, "Forecast hygiene"))
    clear = run(store, day_ops.set_presenter(store, today, 0, None))
    talk = load_day(store, today).talks[0]
    assert talk.presenter_id is None and talk.best_practice_id is None
    assert store.session.get(AgendaItem, talk.agenda_item_id).presenter_id is None
    with pytest.raises(DayError, match="presenter first"):
        day_ops.set_strength(store, today, 0, "x")
    for done in (clear, strength, op):
        done.revert(store)
    assert snapshot(store) == before


# ----- reflections and gratitude ---------------------------------------------------------------


def test_reflections_one_or_two_and_gratitude(store: OffsiteStore, today: int) -> None:
    marcus = person(store, "Marcus Obi")
    before = snapshot(store)
    op = run(store, day_ops.set_reflections(today, marcus, ["First", "", "Second"],
                                            "Thank you, Marcus."))
    data = load_day(store, today)
    assert [r.text for r in data.reflections[marcus]] == ["First", "Second"]
    assert data.gratitude[marcus] == "Thank you, Marcus."
    op.revert(store)
    assert snapshot(store) == before
    with pytest.raises(DayError, match="one or two"):
        day_ops.set_reflections(today, marcus, ["a", "b", "c"]).apply(store)
    assert snapshot(store) == before
    jane = person(store, "Jane Alvarez")  # has two already
    with pytest.raises(DayError, match="one or two"):
        day_ops.add_reflection(store, today, jane, "A third")
    run(store, day_ops.set_reflections(today, jane, ["Only one now"]))
    assert [r.text for r in load_day(store, today).reflections[jane]] == ["Only one now"]


# ----- feedback ---------------------------------------------------------------------------------


def test_feedback_completeness_follows_edits(store: OffsiteStore, today: int) -> None:
    elena, dana = person(store, "Elena Fischer"), person(store, "Dana Whitfield")
    data = load_day(store, today)
    assert data.grid.pairs == 8 * 7
    assert data.grid.complete_pairs == 1  # Dana → Tommy in the demo
    assert not data.grid.cells[(elena, dana)].kinds
    op = run(store, day_ops.set_feedback_pair(store, today, elena, dana, {
        "start": "Delegating the agenda", "stop": "Rescheduling 1:1s",
        "continue": "Running a calm offsite"}))
    grid = load_day(store, today).grid
    assert grid.cells[(elena, dana)].complete
    assert grid.complete_pairs == 2
    assert dana not in grid.missing_for_receiver(dana)
    assert elena not in grid.missing_for_receiver(dana)
    clear = run(store, day_ops.set_feedback_pair(store, today, elena, dana, {"stop": "  "}))
    cell = load_day(store, today).grid.cells[(elena, dana)]
    assert cell.missing == ("stop",)
    clear.revert(store)
    assert load_day(store, today).grid.cells[(elena, dana)].complete
    op.revert(store)
    assert load_day(store, today).grid.complete_pairs == 1
    # nothing changes: no operation
    assert day_ops.set_feedback_pair(store, today, elena, dana, {"start": ""}) is None
    sheet = dict(day_ops.feedback_for(store, today, person(store, "Tommy Becker")))
    assert sheet["Dana Whitfield"]["continue"].startswith("Coaching new reps")
    assert sheet["Jane Alvarez"] == {"start": "Sharing your onboarding checklist with the team."}


def test_feedback_refuses_self_and_unknown_kinds(store: OffsiteStore, today: int) -> None:
    dana = person(store, "Dana Whitfield")
    with pytest.raises(DayError, match="not to yourself"):
        day_ops.set_feedback(today, dana, dana, "start", "x")
    with pytest.raises(DayError, match="start, stop or continue"):
        day_ops.set_feedback(today, dana, person(store, "Jill Morgan"), "keep", "x")


# ----- operating plan ----------------------------------------------------------------------------


def plan(store: OffsiteStore, today: int) -> dict[str, day_ops.InitiativeRow]:
    return {i.title: i for i in load_day(store, today).initiatives}


def test_tactic_count_and_owner_flags(store: OffsiteStore, today: int) -> None:
    hiring = plan(store, today)["Hiring & ramp"]
    assert hiring.flags == ("Hiring & ramp: 5 tactics; the plan asks for 7–10",)
    assert plan(store, today)["Renewals & expansion"].flags == ()
    for n in range(2):
        run(store, day_ops.add_tactic(store, hiring.id, f"Tactic {n}"))
    assert plan(store, today)["Hiring & ramp"].flags == ()
    for n in range(4):
        run(store, day_ops.add_tactic(store, hiring.id, f"More {n}"))
    assert "more than 10" in plan(store, today)["Hiring & ramp"].flags[0]
    run(store, day_ops.edit_initiative(hiring.id, {"owner_id": None}))
    flags = plan(store, today)["Hiring & ramp"].flags
    assert any("no owner" in f for f in flags)
    assert any("no owner" in f for f in load_day(store, today).plan_flags)


def test_initiatives_for_big_bets(store: OffsiteStore, today: int) -> None:
    assert day_ops.initiatives_for_big_bets(store, today) is None
    cluster = store.session.scalars(select(Cluster).where(
        Cluster.offsite_id == today, Cluster.big_bet.is_(False))).first()
    assert cluster is not None
    with store.edit():
        cluster.big_bet = True
    data = load_day(store, today)
    assert any(cluster.title in m and "no initiative" in m for m in data.plan_flags)
    op = run(store, day_ops.initiatives_for_big_bets(store, today))
    made = plan(store, today)[cluster.title]
    assert made.cluster_id == cluster.id and made.owner_id is None
    assert "no initiative" not in " ".join(load_day(store, today).plan_flags)
    op.revert(store)
    assert cluster.title not in plan(store, today)


def test_tactics_reorder_status_and_check_ins(store: OffsiteStore, today: int) -> None:
    renewals = plan(store, today)["Renewals & expansion"]
    ids = [t.id for t in renewals.tactics]
    run(store, day_ops.reorder_tactics([ids[-1], *ids[:-1]]))
    assert [t.id for t in plan(store, today)["Renewals & expansion"].tactics][0] == ids[-1]
    with pytest.raises(DayError, match="status"):
        day_ops.edit_tactic(ids[0], status="sort of")
    run(store, day_ops.edit_tactic(ids[0], status="at risk"))
    check_ins = load_day(store, today).check_ins
    assert len(check_ins) == 6
    assert day_ops.generate_check_ins(store, today) is None
    first, second = check_ins[0], check_ins[1]
    run(store, day_ops.record_check_in(store, second.id, {ids[0]: "off track"}, "Lost an AE"))
    run(store, day_ops.record_check_in(store, first.id, {ids[0]: "on track", ids[1]: "done"}))
    data = load_day(store, today)
    statuses = {t.id: t.status for t in plan(store, today)["Renewals & expansion"].tactics}
    assert statuses[ids[0]] == "off track"  # the later check-in decides the current status
    assert statuses[ids[1]] == "done"
    assert data.check_ins[0].statuses == {ids[0]: "on track", ids[1]: "done"}
    assert data.check_ins[1].notes == "Lost an AE"
    for check_in in data.check_ins:
        run(store, day_ops.delete_check_in(check_in.id))
    op = run(store, day_ops.generate_check_ins(store, today))
    dates = [c.date for c in load_day(store, today).check_ins]
    assert dates[0] == dt.date(2026, 12, 23) and len(dates) == 6
    op.revert(store)
    assert load_day(store, today).check_ins == []


# ----- undo of every kind of edit --------------------------------------------------------------

Make = Callable[[OffsiteStore, int], Operation | None]


def _first_okr(s: OffsiteStore, t: int) -> int:
    return load_day(s, t).review_okrs[0].id


def _first_question(s: OffsiteStore, t: int) -> int:
    return load_day(s, t).questions[0].id


def _hiring(s: OffsiteStore, t: int) -> day_ops.InitiativeRow:
    return plan(s, t)["Hiring & ramp"]


def _timebox_after_delete(s: OffsiteStore, t: int) -> Operation:
    day_ops.delete_okr(_first_okr(s, t)).apply(s)  # 3 OKRs left: a spare item, 15 min each
    return day_ops.timebox_okrs(t)


OPS: dict[str, Make] = {
    "add okr": lambda s, t: day_ops.add_okr(s, t, {"objective": "New", "hit": True}),
    "add next okr": lambda s, t: day_ops.add_okr(s, t, {"objective": "Next"}, kind="next"),
    "edit okr": lambda s, t: day_ops.edit_okr(_first_okr(s, t), {
        "result": "4 of 6", "hit": True, "went_well": "A", "went_badly": "B",
        "on_the_floor": "C"}),
    "delete okr": lambda s, t: day_ops.delete_okr(_first_okr(s, t)),
    "timebox": lambda s, t: _timebox_after_delete(s, t),
    "add question": lambda s, t: day_ops.add_question(s, t, "Why?", "Because"),
    "edit question": lambda s, t: day_ops.edit_question(_first_question(s, t), "Q", "A"),
    "delete question": lambda s, t: day_ops.delete_question(_first_question(s, t)),
    "reorder questions": lambda s, t: day_ops.reorder_questions(
        [q.id for q in reversed(load_day(s, t).questions)]),
    "presenter": lambda s, t: day_ops.set_presenter(s, t, 1, person(s, "Jane Alvarez")),
    "clear presenter": lambda s, t: day_ops.set_presenter(s, t, 2, None),
    "strength": lambda s, t: day_ops.set_strength(s, t, 0, "Forecasting"),
    "add reflection": lambda s, t: day_ops.add_reflection(s, t, person(s, "Priya Raman"), "R"),
    "edit reflection": lambda s, t: day_ops.edit_reflection(
        load_day(s, t).reflections[person(s, "Marcus Obi")][0].id, "Changed"),
    "delete reflection": lambda s, t: day_ops.delete_reflection(
        load_day(s, t).reflections[person(s, "Marcus Obi")][0].id),
    "gratitude": lambda s, t: day_ops.set_gratitude(t, person(s, "John Park"), "Thanks"),
    "feedback": lambda s, t: day_ops.set_feedback(
        t, person(s, "John Park"), person(s, "Jill Morgan"), "start", "Listening"),
    "clear feedback": lambda s, t: day_ops.set_feedback(
        t, person(s, "John Park"), person(s, "Jill Morgan"), "stop", ""),
    "charter": lambda s, t: day_ops.set_charter(t, {"what_we_will_do": "More"}),
    "add initiative": lambda s, t: day_ops.add_initiative(s, t, "Mid-market"),
    "edit initiative": lambda s, t: day_ops.edit_initiative(
        _hiring(s, t).id, {"title": "Hiring", "owner_id": person(s, "Priya Raman")}),
    "delete initiative": lambda s, t: day_ops.delete_initiative(_hiring(s, t).id),
    "add tactic": lambda s, t: day_ops.add_tactic(s, _hiring(s, t).id, "Sourcing budget"),
    "edit tactic": lambda s, t: day_ops.edit_tactic(_hiring(s, t).tactics[0].id, "X", "done"),
    "delete tactic": lambda s, t: day_ops.delete_tactic(_hiring(s, t).tactics[0].id),
    "add check-in": lambda s, t: day_ops.add_check_in(t, dt.date(2027, 7, 1)),
    "edit check-in": lambda s, t: day_ops.edit_check_in(
        load_day(s, t).check_ins[0].id, notes="Moved"),
    "record check-in": lambda s, t: day_ops.record_check_in(
        s, load_day(s, t).check_ins[0].id,
        {tc.id: "at risk" for tc in _hiring(s, t).tactics}, "Notes"),
}


@pytest.mark.parametrize("name", list(OPS))
def test_undo_and_redo(store: OffsiteStore, today: int, name: str) -> None:
    op = OPS[name](store, today)
    assert op is not None
    before = snapshot(store)
    op.apply(store)
    after = snapshot(store)
    assert after != before, f"{name} changed nothing"
    op.revert(store)
    assert snapshot(store) == before
    op.apply(store)
    assert snapshot(store) == after


# ----- bad input --------------------------------------------------------------------------

NASTY = [
    "Grow 🚀 revenue 👩🏽‍💼",
    "زيادة الإيرادات بنسبة ٢٠٪",  # RTL
    "line\x00with\x07control\x1bchars\ufffe",
    "=HYPERLINK(\"http://x\")",
    "x" * 100_000,
]


@pytest.mark.parametrize("text", NASTY)
def test_bad_input_is_stored_clean(store: OffsiteStore, today: int, text: str) -> None:
    dana, tommy = person(store, "Dana Whitfield"), person(store, "Tommy Becker")
    okr = run(store, day_ops.add_okr(store, today, {"objective": text, "target": text,
                                                    "on_the_floor": text}))
    question = run(store, day_ops.add_question(store, today, text, text))
    run(store, day_ops.set_feedback(today, dana, tommy, "start", text))
    run(store, day_ops.set_reflections(today, tommy, [text], text))
    run(store, day_ops.set_charter(today, {"what_went_wrong": text}))
    hiring = _hiring(store, today)
    run(store, day_ops.add_tactic(store, hiring.id, text))
    run(store, day_ops.edit_initiative(hiring.id, {"title": text}))
    data = load_day(store, today)
    initiative = next(i for i in data.initiatives if i.id == hiring.id)
    row = next(o for o in data.review_okrs if o.id == okr.key["id"])
    stored = [row.objective, row.target, row.on_the_floor,
              next(q for q in data.questions if q.id == question.key["id"]).answers,
              data.feedback[(dana, tommy, "start")], data.reflections[tommy][0].text,
              data.gratitude[tommy], data.charter["what_went_wrong"],
              initiative.tactics[-1].text, initiative.title]
    for value in stored:
        assert value
        assert not any(ch in value for ch in "\x00\x07\x1b\ufffe")
        assert len(value) <= day_ops.TEXT_MAX
    if text.startswith("=") or "🚀" in text or "٢٠" in text:
        assert row.objective == text  # kept exactly: text, never a formula
    assert len(row.target or "") <= day_ops.SHORT_MAX
