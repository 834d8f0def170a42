from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from keeper.agenda.schedule import (
    AgendaEntry,
    Change,
    Share,
    content_mix,
    drift,
    minimum_minutes,
    plan,
    planned_vs_actual,
    rebalance,
    status_line,
)
from keeper.agenda.timer import Runner
from keeper.clock import FakeClock

DAY = date(2026, 11, 23)
NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def at(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2026, 11, 23, hh, mm, ss, tzinfo=UTC)


def agenda() -> list[AgendaEntry]:
    return [
        AgendaEntry(1, "Welcome", planned_minutes=15, content_tag="culture"),
        AgendaEntry(2, "Pipeline review", planned_minutes=60, content_tag="strategy"),
        AgendaEntry(3, "Coffee", kind="break", planned_minutes=15),
        AgendaEntry(4, "Keynote", planned_minutes=45, protected=True, content_tag="strategy"),
        AgendaEntry(5, "Role play", planned_minutes=60, content_tag="skills"),
        AgendaEntry(6, "Lunch", kind="lunch", planned_minutes=60),
        AgendaEntry(7, "Objection handling", planned_minutes=90, content_tag="skills"),
        AgendaEntry(8, "Territory plans", planned_minutes=30, content_tag="skills"),
        AgendaEntry(9, "Awards", planned_minutes=30, content_tag="culture"),
        AgendaEntry(10, "Open floor", planned_minutes=15),
    ]  # 420 minutes: 09:00 to 16:00


def started(
    items: list[AgendaEntry], **actuals: tuple[datetime, datetime | None]
) -> list[AgendaEntry]:
    """Give items (by id, as ``i3=(start, end)``) their actual times."""
    out = []
    for item in items:
        if f"i{item.id}" in actuals:
            start, end = actuals[f"i{item.id}"]
            item = replace(item, actual_start=start, actual_end=end)
        out.append(item)
    return out


# -- plan --------------------------------------------------------------------


def test_plan_runs_items_back_to_back_from_a_bare_time() -> None:
    slots = plan(agenda(), time(9, 0), on=DAY)
    assert [(s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in slots[:4]] == [
        ("09:00", "09:15"),
        ("09:15", "10:15"),
        ("10:15", "10:30"),
        ("10:30", "11:15"),
    ]
    assert slots[-1].end == datetime(2026, 11, 23, 16, 0)
    assert [s.item.id for s in slots] == list(range(1, 11))


def test_plan_from_a_datetime_keeps_its_zone() -> None:
    paris = timezone(timedelta(hours=1))
    slots = plan(agenda(), datetime(2026, 11, 23, 8, 30, tzinfo=paris))
    assert slots[-1].end == datetime(2026, 11, 23, 15, 30, tzinfo=paris)


def test_plan_of_a_bare_time_needs_a_date() -> None:
    with pytest.raises(TypeError):
        plan(agenda(), time(9, 0))


def test_empty_agenda() -> None:
    assert plan([], time(9), on=DAY) == []
    d = drift([], time(9), at(10, 0), None)
    assert d.late_s == 0
    assert content_mix([]).counted_minutes == 0
    assert rebalance([], 10).unrecovered_minutes == 10


# -- drift -------------------------------------------------------------------


def test_late_start_makes_the_day_late() -> None:
    items = started(agenda(), i1=(at(9, 5), None))
    d = drift(items, time(9, 0), at(9, 10), current_index=0, remaining_s=600)
    assert d.late_minutes == 5
    assert d.projected_end == at(16, 5)
    assert status_line(d) == "Running 5 min late · projected end 16:05"


def test_running_ahead() -> None:
    items = started(agenda(), i1=(at(9, 0), at(9, 12)), i2=(at(9, 12), None))
    d = drift(items, time(9, 0), at(9, 12), current_index=1, remaining_s=3600)
    assert d.text() == "Running 3 min ahead"
    assert status_line(d) == "Running 3 min ahead · projected end 15:57"


def test_overtime_and_pauses_make_the_day_later_every_second() -> None:
    items = started(agenda(), i1=(at(9, 0), None))
    over = drift(items, time(9, 0), at(9, 20), current_index=0, remaining_s=-300)
    assert over.late_minutes == 5
    paused_early = drift(items, time(9, 0), at(9, 5), current_index=0, remaining_s=600)
    paused_later = drift(items, time(9, 0), at(9, 17), current_index=0, remaining_s=600)
    assert paused_later.late_s - paused_early.late_s == 12 * 60


def test_a_day_that_began_before_midnight_is_still_that_day_after_it() -> None:
    evening = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # a late start: item 2 spans midnight
    items = started(agenda(), i1=(evening, evening + timedelta(minutes=15)),
                    i2=(evening + timedelta(minutes=15), None))
    now = evening + timedelta(minutes=75)  # 00:45 the next day, item 2 just ending
    d = drift(items, time(23, 30), now, current_index=1, remaining_s=0)
    assert d.text() == "On time"
    assert d.projected_end == evening + timedelta(minutes=420)


def test_before_the_day_starts_it_is_on_time_then_late_if_not_begun() -> None:
    early = drift(agenda(), time(9, 0), at(8, 30), current_index=0)
    assert status_line(early) == "On time · projected end 16:00"
    d = drift(agenda(), time(9, 0), at(9, 7), current_index=0)
    assert d.text() == "Running 7 min late"


def test_between_sessions_the_next_one_could_start_now() -> None:
    items = started(agenda(), i1=(at(9, 0), at(9, 10)))
    d = drift(items, time(9, 0), at(9, 10), current_index=1)
    assert d.text() == "Running 5 min ahead"


def test_rounding_to_whole_minutes() -> None:
    items = started(agenda(), i1=(at(9, 0), None))
    assert drift(items, time(9), at(9, 0, 29), 0, 900).text() == "On time"
    assert drift(items, time(9), at(9, 4, 30), 0, 900).text() == "Running 5 min late"
    assert drift(items, time(9), at(9, 0), 0, 900 - 89).text() == "Running 1 min ahead"


def test_finished_day_uses_the_last_actual_end_across_zones() -> None:
    paris = timezone(timedelta(hours=1))
    items = agenda()
    # SQLite returns naive datetimes; they are UTC
    items[-1] = replace(
        items[-1],
        actual_start=datetime(2026, 11, 23, 15, 0),
        actual_end=datetime(2026, 11, 23, 15, 20),
    )
    now = datetime(2026, 11, 23, 16, 30, tzinfo=paris)
    d = drift(items, time(9, 0), now, current_index=len(items))
    assert d.late_minutes == 20
    assert status_line(d) == "Running 20 min late · projected end 16:20"


def test_with_a_live_runner() -> None:
    clock = FakeClock(NINE)
    items = agenda()
    runner = Runner(items, clock)

    def mapped() -> list[AgendaEntry]:
        return [
            replace(i, actual_start=runner.actuals(i.id).start, actual_end=runner.actuals(i.id).end)
            for i in items
        ]

    def line() -> str:
        d = drift(mapped(), time(9), clock.now(), runner.index, runner.remaining_s())
        return status_line(d)

    clock.advance(180)
    runner.start()
    assert line() == "Running 3 min late · projected end 16:03"
    runner.adjust(-1)
    assert line() == "Running 2 min late · projected end 16:02"
    clock.advance(17 * 60)  # 3 minutes into overtime
    assert line() == "Running 5 min late · projected end 16:05"
    runner.next()
    clock.advance(50 * 60)
    runner.next(start=False)  # pipeline finishes 10 minutes early
    assert runner.actuals(2).end == at(10, 10)
    assert line() == "Running 5 min ahead · projected end 15:55"


# -- rebalance ---------------------------------------------------------------


def test_rebalance_spreads_the_overrun_in_proportion() -> None:
    items = started(agenda(), i1=(at(9, 0), at(9, 30)), i2=(at(9, 30), None))
    preview = rebalance(items, 20, from_index=2)
    assert preview.changes == [
        Change(5, 60, 55),
        Change(7, 90, 82),
        Change(8, 30, 27),
        Change(9, 30, 27),
        Change(10, 15, 14),
    ]
    assert preview.recovered_minutes == 20 and preview.unrecovered_minutes == 0
    assert sum(c.old_minutes - c.new_minutes for c in preview.changes) == 20


def test_rebalance_never_touches_protected_lunch_breaks_or_started_items() -> None:
    items = started(agenda(), i7=(at(9, 0), None))
    touched = {c.item_id for c in rebalance(items, 60).changes}
    assert touched.isdisjoint({3, 4, 6, 7})
    with_breaks = {c.item_id for c in rebalance(items, 60, include_breaks=True).changes}
    assert 3 in with_breaks and with_breaks.isdisjoint({4, 6, 7})


def test_rebalance_respects_the_minimum_and_reports_what_cannot_be_recovered() -> None:
    preview = rebalance(agenda(), 500, from_index=4)
    # room: 60→30, 90→45, 30→15, 30→15, 15→8 (5 min or half, whichever is more)
    assert preview.recovered_minutes == 30 + 45 + 15 + 15 + 7
    assert preview.unrecovered_minutes == 500 - 112
    assert {c.item_id: c.new_minutes for c in preview.changes} == {
        5: 30,
        7: 45,
        8: 15,
        9: 15,
        10: 8,
    }


def test_a_capped_item_hands_its_share_on() -> None:
    items = [
        AgendaEntry(1, "Long", planned_minutes=100),
        AgendaEntry(2, "Short", planned_minutes=12),
    ]
    preview = rebalance(items, 30, min_minutes=10)
    assert preview.changes == [Change(1, 100, 72), Change(2, 12, 10)]


def test_nothing_to_take_back() -> None:
    assert rebalance(agenda(), 0).changes == []
    assert rebalance(agenda(), -5).recovered_minutes == 0


def test_ties_go_to_the_earlier_item_deterministically() -> None:
    items = [AgendaEntry(i, f"S{i}", planned_minutes=30) for i in range(1, 4)]
    first = rebalance(items, 4)
    assert first == rebalance(items, 4)
    assert [c.new_minutes for c in first.changes] == [28, 29, 29]


@pytest.mark.parametrize(("planned", "floor"), [(60, 30), (8, 5), (3, 3), (15, 8), (10, 5)])
def test_minimum_minutes(planned: int, floor: int) -> None:
    assert minimum_minutes(planned) == floor


def test_rebalance_invariants_on_random_agendas() -> None:
    rng = random.Random(42)
    for _ in range(300):
        items = [
            AgendaEntry(
                i,
                f"S{i}",
                kind=rng.choice(["session"] * 6 + ["break", "lunch"]),
                planned_minutes=rng.randint(1, 120),
                protected=rng.random() < 0.15,
            )
            for i in range(rng.randint(0, 12))
        ]
        overrun = rng.randint(0, 150)
        preview = rebalance(items, overrun, include_breaks=rng.random() < 0.5)
        by_id = {i.id: i for i in items}
        cut = {c.item_id: c.old_minutes - c.new_minutes for c in preview.changes}
        assert sum(cut.values()) == preview.recovered_minutes
        assert preview.recovered_minutes + preview.unrecovered_minutes == overrun
        for change in preview.changes:
            item = by_id[change.item_id]
            assert change.old_minutes == item.planned_minutes
            assert (
                minimum_minutes(item.planned_minutes) <= change.new_minutes < item.planned_minutes
            )
            assert not item.protected and item.kind != "lunch"
        if preview.unrecovered_minutes:  # every candidate was cut to its floor
            for item in items:
                if item.id in cut:
                    assert item.planned_minutes - cut[item.id] == minimum_minutes(
                        item.planned_minutes
                    )
        # a longer item never gives less time back than a shorter one
        for a in items:
            for b in items:
                if a.id in cut and b.id in cut and a.planned_minutes > b.planned_minutes:
                    assert cut[a.id] >= cut[b.id]


# -- content mix -------------------------------------------------------------


def test_mix_against_60_30_10() -> None:
    report = content_mix(agenda())
    shares = {s.bucket: s for s in report.shares}
    assert report.counted_minutes == 330
    assert shares["skills"].minutes == 180
    assert shares["skills"].share == pytest.approx(180 / 330)
    assert shares["skills"].deviation == pytest.approx(180 / 330 - 0.60)
    assert shares["strategy"].deviation == pytest.approx(105 / 330 - 0.30)
    assert shares["culture"].deviation == pytest.approx(45 / 330 - 0.10)
    assert report.untagged_ids == [10] and report.untagged_minutes == 15
    assert report.excluded_minutes == 75  # coffee and lunch
    assert sum(s.share for s in report.shares) == pytest.approx(1.0)


@pytest.mark.parametrize("share,points,verdict", [
    (0.60, 0, "on target"), (0.6449, 4, "on target"), (0.6451, 5, "over"), (0.90, 30, "over"),
    (0.5551, -4, "on target"), (0.5549, -5, "under"), (0.0, -60, "under"),
])
def test_mix_share_within_five_points_is_on_target(share: float, points: int,
                                                   verdict: str) -> None:
    s = Share("skills", 0, share, 0.60)
    assert (s.points, s.verdict) == (points, verdict)


def test_mix_verdicts_of_the_sample_agenda() -> None:
    shares = {s.bucket: s for s in content_mix(agenda()).shares}
    assert {b: (s.points, s.verdict) for b, s in shares.items()} == {
        "skills": (-5, "under"), "strategy": (2, "on target"), "culture": (4, "on target")}


def test_mix_against_65_35() -> None:
    report = content_mix(agenda(), rule="65/35")
    shares = {s.bucket: s for s in report.shares}
    assert list(shares) == ["business", "culture"]
    assert shares["business"].minutes == 285
    assert shares["business"].deviation == pytest.approx(285 / 330 - 0.65)
    assert shares["culture"].share == pytest.approx(45 / 330)


def test_mix_of_a_tagged_break_still_excludes_it() -> None:
    items = [
        AgendaEntry(1, "Team lunch", kind="lunch", planned_minutes=60, content_tag="culture"),
        AgendaEntry(2, "Drills", planned_minutes=30, content_tag="skills"),
    ]
    report = content_mix(items)
    assert {s.bucket: s.share for s in report.shares} == {
        "skills": 1.0,
        "strategy": 0.0,
        "culture": 0.0,
    }
    assert report.excluded_minutes == 60


def test_unknown_mix_rule() -> None:
    with pytest.raises(KeyError):
        content_mix(agenda(), rule="50/50")


# -- planned vs actual -------------------------------------------------------


def test_planned_vs_actual_rows() -> None:
    items = started(agenda(), i1=(at(9, 5), at(9, 25)), i2=(at(9, 25), None))
    rows = planned_vs_actual(items, time(9, 0), at(9, 55))
    assert rows[0].planned_start == at(9, 0) and rows[0].planned_end == at(9, 15)
    assert rows[0].actual_minutes == 20 and rows[0].over_minutes == 5
    assert rows[1].actual_minutes == 30 and rows[1].over_minutes == -30  # in progress
    assert rows[2].actual_minutes is None and rows[2].over_minutes is None
    assert len(rows) == 10
