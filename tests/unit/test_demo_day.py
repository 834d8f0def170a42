"""The demo's day keeps plausible hours whenever it is opened, with the session whose slot
holds now under way and nothing shown that the clock contradicts."""

from __future__ import annotations

import datetime as dt

import pytest

from keeper.agenda.templates import agenda_items, find_template
from keeper.demo_day import place_day

ITEMS = agenda_items(find_template("sales-leadership-offsite"), 0)
PLANNED = [item.planned_minutes for item in ITEMS]
ON = dt.date(2026, 11, 23)


def _at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(ON, dt.time(hour, minute))


def _running(hour: int, minute: int) -> str:
    day = place_day(PLANNED, _at(hour, minute))
    assert day.state == "running" and day.current is not None
    return ITEMS[day.current].title


@pytest.mark.parametrize(("hour", "minute", "title"), [
    (10, 20, "OKR postmortem 4"),
    (13, 40, "Opportunities brainstorm"),
    (16, 1, "Best practice talk 2"),
    (21, 0, "Dinner: Start / Stop / Continue"),
])
def test_the_session_under_way_is_the_one_whose_slot_holds_now(hour: int, minute: int,
                                                               title: str) -> None:
    assert _running(hour, minute) == title


def test_in_office_hours_the_day_starts_at_nine() -> None:
    for hour in range(9, 19):
        assert place_day(PLANNED, _at(hour, 30)).start == _at(9, 0)


def test_every_minute_of_the_day_gives_plausible_hours_and_a_consistent_runner() -> None:
    for minutes in range(24 * 60):
        now = _at(0, 0) + dt.timedelta(minutes=minutes, seconds=30)
        day = place_day(PLANNED, now)
        assert day.start.date() == ON, now  # the demo's offsite is always today
        assert _at(9, 0) <= day.start <= _at(11, 15), now
        ends = [end for _start, end in day.actuals if end is not None]
        assert all(end <= _at(22, 0) for end in ends), now
        assert all(end <= now for end in ends), now  # nothing done in the future
        done = [(s, e) for s, e in day.actuals if e is not None]
        for (_s1, e1), (s2, _e2) in zip(done, done[1:], strict=False):
            assert e1 == s2, now  # back to back: no gap, no overlap
        if day.state == "running":
            assert day.current is not None and day.deadline is not None
            start, end = day.actuals[day.current]
            assert start is not None and start <= now < day.deadline and end is None, now
            assert len(done) == day.current, now  # every earlier item done, no later one
            assert day.deadline <= _at(22, 0), now
        else:
            assert day.deadline is None
            assert (not done) or len(done) == len(PLANNED), now  # not begun, or all done


def test_earlier_sessions_show_a_little_realistic_drift() -> None:
    day = place_day(PLANNED, _at(13, 40))
    assert day.current is not None
    start = day.actuals[day.current][0]
    assert start is not None
    planned = _at(9, 0) + dt.timedelta(minutes=sum(PLANNED[:day.current]))
    assert dt.timedelta(minutes=5) <= start - planned <= dt.timedelta(minutes=20)
    lengths = {(e - s) for s, e in day.actuals[:day.current] if s and e}
    assert len(lengths) > 3  # not every session ran exactly to plan


def test_at_night_the_day_waits_at_nine_without_projecting_past_the_clock() -> None:
    day = place_day(PLANNED, _at(2, 0))
    assert (day.start, day.state, day.current) == (_at(9, 0), "idle", 0)
    assert all(actual == (None, None) for actual in day.actuals)


def test_late_in_the_evening_the_day_is_done() -> None:
    day = place_day(PLANNED, _at(23, 0))
    assert (day.state, day.current) == ("idle", None)
    last_end = day.actuals[-1][1]
    assert last_end is not None and last_end < _at(21, 0)


def test_early_in_the_morning_the_day_waits_at_nine() -> None:
    day = place_day(PLANNED, _at(8, 55))
    assert (day.start, day.state, day.current) == (_at(9, 0), "idle", 0)
    assert all(actual == (None, None) for actual in day.actuals)
