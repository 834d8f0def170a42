"""Kickoff operations: what the Keeper types is checked, saved at once and undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from keeper import kickoff as so
from keeper.agenda.ops import agenda_items
from keeper.agenda.templates import find_template
from keeper.ops import Operation
from keeper.store.files import add_offsite_from_template
from keeper.store.models import (
    AgendaItem,
    CheckIn,
    Competency,
    CompetencyRating,
    First30Plan,
    Goal,
    GoalLink,
    Person,
    Role,
)
from keeper.store.offsite_file import OffsiteStore


def _run(store: OffsiteStore, op: Operation | None) -> Operation:
    assert op is not None
    op.apply(store)
    return op


def _reps(store: OffsiteStore) -> list[Person]:
    return list(store.session.scalars(select(Person).where(Person.role == Role.REP.value)
                                      .order_by(Person.name)))


def test_kickoffs_and_kickoff_of(demo_store: OffsiteStore, kickoff: int) -> None:
    assert [title for _i, title, _d in so.kickoffs(demo_store)] == ["Sales kickoff 2026"]
    assert so.kickoff_of(demo_store, kickoff) is not None
    leadership = demo_store.current_offsite()
    assert leadership is not None and so.kickoff_of(demo_store, leadership.id) is None


def test_numbers_as_people_type_them() -> None:
    assert so.number("7,5") == 7.5
    assert so.number("1,200") == 1200
    assert so.number("24 000 000") == 24_000_000
    assert so.number("nan") is None and so.number("abc") is None and so.number("") is None
    assert so.parse_share("112%") == pytest.approx(1.12)
    assert so.parse_share("112") == pytest.approx(1.12)
    assert so.parse_share(1.12) == pytest.approx(1.12)


# ----- look back ---------------------------------------------------------------------------


def test_revenue_is_parsed_checked_and_undoable(demo_store: OffsiteStore, fresh: int) -> None:
    op = _run(demo_store, so.set_look_back(fresh, revenue_goal="24,000,000",
                                           revenue_actual="26000000"))
    data = so.load_look_back(demo_store, fresh)
    assert data.revenue_goal == 24_000_000 and data.revenue_share == pytest.approx(26 / 24)
    op.revert(demo_store)
    assert so.load_look_back(demo_store, fresh).revenue_goal is None
    with pytest.raises(so.SkoError, match="must be a number"):
        so.set_look_back(fresh, revenue_goal="lots")
    with pytest.raises(so.SkoError, match="between 0"):
        so.set_look_back(fresh, revenue_actual="-5")


def test_objectives_hit_missed_and_undo(demo_store: OffsiteStore, fresh: int) -> None:
    add = _run(demo_store, so.add_objective(demo_store, fresh, "  Three calls\x00 in week 1 "))
    objective = so.load_look_back(demo_store, fresh).objectives[0]
    assert objective.text == "Three calls in week 1" and objective.hit is None
    mark = _run(demo_store, so.edit_objective(objective.id, hit=False))
    assert so.load_look_back(demo_store, fresh).objectives[0].hit is False
    mark.revert(demo_store)
    assert so.load_look_back(demo_store, fresh).objectives[0].hit is None
    add.revert(demo_store)
    assert so.load_look_back(demo_store, fresh).objectives == []
    with pytest.raises(so.SkoError, match="Write the objective"):
        so.add_objective(demo_store, fresh, "   ")


def test_demo_look_back_summary(demo_store: OffsiteStore, kickoff: int) -> None:
    data = so.load_look_back(demo_store, kickoff)
    assert data.summary is not None and data.summary.responses == 10
    assert data.questions == ["Overall", "Content"] and data.scales == {"Overall": 5,
                                                                         "Content": 5}
    assert [o.hit for o in data.objectives] == [True, True, False]


# ----- reality audit ---------------------------------------------------------------------------


def test_fresh_kickoff_setup_adds_defaults_once(demo_store: OffsiteStore, fresh: int) -> None:
    _run(demo_store, so.setup_kickoff(demo_store, fresh))
    assert len(so.load_competencies(demo_store, fresh)) == 8
    assert [t.name for t in so.load_recognition(demo_store, fresh).tiers] == [
        "President's Club", "Chairman's Club"]
    assert so.setup_kickoff(demo_store, fresh) is None
    with pytest.raises(so.SkoError, match="already"):
        so.default_competencies(demo_store, fresh)


def test_competency_list_is_editable(demo_store: OffsiteStore, fresh: int) -> None:
    _run(demo_store, so.default_competencies(demo_store, fresh))
    names = lambda: [c.name for c in so.load_competencies(demo_store, fresh)]  # noqa: E731
    _run(demo_store, so.add_competency(demo_store, fresh, "Storytelling"))
    assert names()[-1] == "Storytelling"
    with pytest.raises(so.SkoError, match="already in the list"):
        so.add_competency(demo_store, fresh, "storytelling")
    with pytest.raises(so.SkoError, match="needs a name"):
        so.add_competency(demo_store, fresh, " \t")
    story = so.load_competencies(demo_store, fresh)[-1]
    rename = _run(demo_store, so.rename_competency(demo_store, story.id, "Executive storytelling"))
    assert names()[-1] == "Executive storytelling"
    rename.revert(demo_store)
    assert names()[-1] == "Storytelling"
    move = _run(demo_store, so.move_competency(demo_store, fresh, story.id, -9))
    assert names()[0] == "Storytelling"
    move.revert(demo_store)
    assert names()[-1] == "Storytelling"
    assert so.move_competency(demo_store, fresh, story.id, 1) is None  # already last


def test_removing_a_competency_takes_its_ratings_and_undo_brings_them_back(
        demo_store: OffsiteStore, kickoff: int) -> None:
    audit = so.load_audit(demo_store, kickoff)
    first = audit.competencies[0]
    before = {k: v for k, v in audit.ratings.items() if k[1] == first.id}
    assert len(before) == 28
    op = _run(demo_store, so.remove_competency(first.id))
    after = so.load_audit(demo_store, kickoff)
    assert first.id not in {c.id for c in after.competencies}
    assert not any(k[1] == first.id for k in after.ratings)
    op.revert(demo_store)
    restored = so.load_audit(demo_store, kickoff)
    assert {k: v for k, v in restored.ratings.items() if k[1] == first.id} == before
    assert restored.competencies[0] == first


def test_ratings_are_one_to_ten(demo_store: OffsiteStore, kickoff: int) -> None:
    audit = so.load_audit(demo_store, kickoff)
    rep, competency = audit.reps[0], audit.competencies[0]
    old = audit.rating(rep.id, competency.id)
    assert old is not None
    op = _run(demo_store, so.set_rating(demo_store, competency.id, rep.id, self_rating="3"))
    now = so.load_audit(demo_store, kickoff).rating(rep.id, competency.id)
    assert now is not None and now.self_rating == 3 and now.manager_rating == old.manager_rating
    op.revert(demo_store)
    assert so.load_audit(demo_store, kickoff).rating(rep.id, competency.id) == old
    for bad, message in (("0", "from 1 to 10"), ("11", "from 1 to 10"), ("high", "a number"),
                         ("10.5", "from 1 to 10")):
        with pytest.raises(so.SkoError, match=message):
            so.set_rating(demo_store, competency.id, rep.id, manager_rating=bad)
    clear = _run(demo_store, so.set_rating(demo_store, competency.id, rep.id, self_rating="",
                                           manager_rating=None))
    assert so.load_audit(demo_store, kickoff).rating(rep.id, competency.id) is None
    clear.revert(demo_store)
    assert so.load_audit(demo_store, kickoff).rating(rep.id, competency.id) == old


def test_audit_gaps_priorities_and_gap_bands(demo_store: OffsiteStore, kickoff: int) -> None:
    audit = so.load_audit(demo_store, kickoff)
    assert [p.name for p in audit.priorities] == [
        "Discovery questioning", "Competitive differentiation", "Objection handling"]
    assert audit.metric_names == ["Win rate %", "Deal velocity (days)", "Meetings per week"]
    assert [so.gap_level(g) for g in (3, 2, 1.9, 0, -2, None)] == [
        "over", "over", "near", "near", "under", ""]


def test_training_priority_goes_into_the_agenda(demo_store: OffsiteStore, kickoff: int) -> None:
    priority = so.load_audit(demo_store, kickoff).priorities[0]
    before = [i.id for i in agenda_items(demo_store, kickoff)]
    op = _run(demo_store, so.add_training_session(demo_store, kickoff, priority))
    items = agenda_items(demo_store, kickoff)
    new = next(i for i in items if i.id not in before)
    assert new.title == "Skills lab: Discovery questioning"
    assert (new.content_tag, new.session_format, new.day, new.planned_minutes) == (
        "skills", "role-play", 1, 60)
    previous = items[items.index(new) - 1]
    assert previous.title == "Deal review clinic using actual pipeline opportunities"
    with pytest.raises(so.SkoError, match="already has a skills lab"):
        so.add_training_session(demo_store, kickoff, priority)
    op.revert(demo_store)
    assert [i.id for i in agenda_items(demo_store, kickoff)] == before


# ----- goals ---------------------------------------------------------------------------------


def test_goal_links_are_checked_with_clear_messages(demo_store: OffsiteStore, fresh: int) -> None:
    ids = {}
    for layer, text in (("outcome", "Q1 revenue $6M"), ("performance", "240 discovery calls"),
                        ("development", "Pain framework")):
        op = _run(demo_store, so.add_goal(demo_store, fresh, layer, text, "target"))
        ids[layer] = op.key["id"]  # type: ignore[attr-defined]
    with pytest.raises(so.SkoError, match="cannot carry a outcome goal"):
        so.link_goals(demo_store, ids["outcome"], ids["development"])
    with pytest.raises(so.SkoError, match="cannot carry itself"):
        so.link_goals(demo_store, ids["outcome"], ids["outcome"])
    with pytest.raises(so.SkoError, match="outcome, performance or development"):
        so.add_goal(demo_store, fresh, "wish", "More")
    _run(demo_store, so.link_pair(demo_store, ids["performance"], ids["outcome"]))
    assert so.load_goals(demo_store, fresh).links == [(ids["outcome"], ids["performance"])]
    with pytest.raises(so.SkoError, match="already linked"):
        so.link_goals(demo_store, ids["outcome"], ids["performance"])
    _run(demo_store, so.link_goals(demo_store, ids["performance"], ids["development"]))
    goals = so.load_goals(demo_store, fresh)
    assert goals.warnings == []
    assert goals.connected(ids["outcome"]) == set(ids.values())
    tree = goals.tree[0]
    assert tree.children[0].children[0].text == "Pain framework"
    delete = _run(demo_store, so.delete_goal(ids["performance"]))
    goals = so.load_goals(demo_store, fresh)
    assert goals.links == [] and len(goals.warnings) == 2
    delete.revert(demo_store)
    assert len(so.load_goals(demo_store, fresh).links) == 2
    unlink = _run(demo_store, so.unlink_goals(demo_store, ids["outcome"], ids["performance"]))
    assert any("No activity goal carries" in w for w in so.load_goals(demo_store, fresh).warnings)
    unlink.revert(demo_store)
    with pytest.raises(so.SkoError, match="not linked"):
        so.unlink_goals(demo_store, ids["outcome"], ids["development"])
    assert demo_store.session.scalars(select(GoalLink)).first() is not None
    assert demo_store.session.get(Goal, ids["outcome"]) is not None


# ----- agenda ------------------------------------------------------------------------------------


def test_agenda_check_flags_compensation_and_sets_formats(demo_store: OffsiteStore,
                                                          kickoff: int) -> None:
    check = so.load_agenda_check(demo_store, kickoff)
    flagged = [s.title for s in check.sessions if s.comp_advice]
    assert flagged == ["New comp plan walkthrough"]
    assert "within two weeks" in check.flags[check.sessions[[s.title for s in check.sessions]
                                                            .index(flagged[0])].id]
    assert check.mix is not None and check.mix.rule == "60/30/10"
    session = next(s for s in check.sessions if s.session_format is None)
    op = _run(demo_store, so.set_session_format(demo_store, session.id, "Role-Play"))
    assert demo_store.session.get(AgendaItem, session.id).session_format == "role-play"
    op.revert(demo_store)
    assert demo_store.session.get(AgendaItem, session.id).session_format is None
    with pytest.raises(so.SkoError, match="skills, strategy or culture"):
        so.set_content_tag(demo_store, session.id, "fun")


# ----- recognition ---------------------------------------------------------------------------


def test_tiers_are_editable_and_reps_fall_in_one(demo_store: OffsiteStore, fresh: int) -> None:
    _run(demo_store, so.default_tiers(demo_store, fresh))
    reps = _reps(demo_store)
    for rep, value in zip(reps, ("100%", "1.2499", "125", "0.99"), strict=False):
        _run(demo_store, so.set_attainment(demo_store, fresh, rep.id, value))
    data = so.load_recognition(demo_store, fresh)
    president, chairman = data.tiers
    assert data.by_tier == {president.id: [reps[1].id, reps[0].id], chairman.id: [reps[2].id]}
    assert data.below == [reps[3].id]
    rename = _run(demo_store, so.edit_tier(demo_store, chairman.id, name="Chairman's Circle",
                                           threshold="120%"))
    data = so.load_recognition(demo_store, fresh)
    assert data.tiers[1].name == "Chairman's Circle" and data.tiers[1].threshold == 1.2
    assert data.by_tier[chairman.id] == [reps[2].id, reps[1].id]
    rename.revert(demo_store)
    assert so.load_recognition(demo_store, fresh).tiers[1].name == "Chairman's Club"
    with pytest.raises(so.SkoError, match="already a tier"):
        so.add_tier(demo_store, fresh, "president's club", "150%")
    with pytest.raises(so.SkoError, match="above 0%"):
        so.add_tier(demo_store, fresh, "Zero club", "0")
    with pytest.raises(so.SkoError, match="share of plan"):
        so.set_attainment(demo_store, fresh, reps[0].id, "lots")
    with pytest.raises(so.SkoError, match="from 0% to 500%"):
        so.set_attainment(demo_store, fresh, reps[0].id, "600%")


# ----- follow-through ---------------------------------------------------------------------------


def test_checkpoints_follow_the_kickoff_date(demo_store: OffsiteStore, fresh: int) -> None:
    op = _run(demo_store, so.generate_checkpoints(demo_store, fresh))
    rows = so.load_follow_through(demo_store, fresh).check_ins
    assert [(r.label, r.date) for r in rows] == [
        ("30-day checkpoint", dt.date(2027, 2, 25)), ("60-day checkpoint", dt.date(2027, 3, 27)),
        ("90-day checkpoint", dt.date(2027, 4, 26))]
    with pytest.raises(so.SkoError, match="there already"):
        so.generate_checkpoints(demo_store, fresh)
    notes = _run(demo_store, so.edit_checkpoint(rows[0].id, notes="Calls up 20%"))
    assert demo_store.session.get(CheckIn, rows[0].id).notes == "Calls up 20%"
    notes.revert(demo_store)
    op.revert(demo_store)
    assert so.load_follow_through(demo_store, fresh).check_ins == []
    undated = add_offsite_from_template(demo_store, find_template("sales-kickoff-2-days"), "Later")
    with pytest.raises(so.SkoError, match="date first"):
        so.generate_checkpoints(demo_store, undated)


def test_success_metrics_and_measures(demo_store: OffsiteStore, fresh: int) -> None:
    add = _run(demo_store, so.add_metric(demo_store, fresh, "1-8 weeks", "CRM adoption", "80",
                                         "%"))
    metric_id = add.key["id"]  # type: ignore[attr-defined]
    metric = so.load_follow_through(demo_store, fresh).metrics[0]
    assert (metric.status, metric.target, metric.unit) == ("no data", 80, "%")
    _run(demo_store, so.add_measure(demo_store, metric_id, dt.date(2027, 2, 25), "55"))
    second = _run(demo_store, so.add_measure(demo_store, metric_id, dt.date(2027, 3, 27), "82"))
    metric = so.load_follow_through(demo_store, fresh).metrics[0]
    assert [m.value for m in metric.measures] == [55, 82] and metric.status == "met"
    second.revert(demo_store)
    assert so.load_follow_through(demo_store, fresh).metrics[0].status == "behind"
    lower = _run(demo_store, so.edit_metric(metric_id, {"higher_is_better": False}))
    assert so.load_follow_through(demo_store, fresh).metrics[0].status == "met"
    lower.revert(demo_store)
    with pytest.raises(so.SkoError, match="horizon"):
        so.add_metric(demo_store, fresh, "someday", "X")
    with pytest.raises(so.SkoError, match="a number"):
        so.add_measure(demo_store, metric_id, dt.date(2027, 2, 1), "lots")
    suggested = _run(demo_store, so.suggested_metrics(demo_store, fresh))
    assert len(so.load_follow_through(demo_store, fresh).metrics) == 7
    suggested.revert(demo_store)
    assert len(so.load_follow_through(demo_store, fresh).metrics) == 1


def test_first_30_days_plan_and_partner(demo_store: OffsiteStore, fresh: int) -> None:
    reps = _reps(demo_store)
    me, partner = reps[0], reps[1]
    op = _run(demo_store, so.set_plan(demo_store, fresh, me.id,
                                      {"week1_focus": "Call Acme\r\nand Initech",
                                       "partner_id": partner.id}))
    plan = so.load_follow_through(demo_store, fresh).plans[me.id]
    assert plan.week1_focus == "Call Acme\nand Initech" and plan.partner_id == partner.id
    keep = _run(demo_store, so.set_plan(demo_store, fresh, me.id, {"daily_habits": "9-10 calls"}))
    plan = so.load_follow_through(demo_store, fresh).plans[me.id]
    assert plan.week1_focus == "Call Acme\nand Initech" and plan.daily_habits == "9-10 calls"
    keep.revert(demo_store)
    op.revert(demo_store)
    assert demo_store.session.scalars(select(First30Plan).where(
        First30Plan.offsite_id == fresh)).first() is None
    with pytest.raises(so.SkoError, match="own accountability partner"):
        so.set_plan(demo_store, fresh, me.id, {"partner_id": me.id})
    manager = demo_store.session.scalars(select(Person).where(
        Person.role == Role.MANAGER.value)).first()
    assert manager is not None
    with pytest.raises(so.SkoError, match="not a rep"):
        so.set_plan(demo_store, fresh, me.id, {"partner_id": manager.id})


def test_competency_rows_exist_for_demo(demo_store: OffsiteStore, kickoff: int) -> None:
    count = len(list(demo_store.session.scalars(
        select(CompetencyRating).join(Competency).where(Competency.offsite_id == kickoff))))
    assert count == 28 * 8
