from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from keeper.agenda import schedule
from keeper.agenda.runner import (
    LATE_COLOUR,
    ON_TIME_COLOUR,
    back_at,
    drift_colour,
    drift_index,
    is_late,
    next_start,
    outlook,
    runner_drift,
    status_word,
)
from keeper.agenda.schedule import AgendaEntry, Drift
from keeper.agenda.timer import Runner, TimerState, WarningLevel
from keeper.clock import FakeClock

NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def agenda() -> list[AgendaEntry]:
    return [AgendaEntry(n, f"Item {n}", planned_minutes=10 * n) for n in range(1, 9)]


def test_drift_index_none_before_the_day_then_current_then_past_the_end() -> None:
    clock = FakeClock(NINE)
    items = agenda()
    runner = Runner(items, clock)
    assert drift_index(runner, items) is None  # nothing started, nothing running
    runner.start()
    assert drift_index(runner, items) == 0
    runner.next()
    runner.pause()
    assert drift_index(runner, items) == 1
    finished = Runner(items, clock, len(items))
    assert drift_index(finished, items) == len(items)


def test_an_item_started_earlier_counts_as_begun_even_when_idle() -> None:
    items = agenda()
    items[0] = AgendaEntry(1, "Item 1", planned_minutes=10, actual_start=NINE,
                           actual_end=NINE + timedelta(minutes=12))
    runner = Runner(items, FakeClock(NINE), 1)
    assert runner.state is TimerState.IDLE
    assert drift_index(runner, items) == 1


def test_runner_drift_reads_against_the_committed_end_after_a_take_back() -> None:
    clock = FakeClock(NINE + timedelta(minutes=15))
    items = agenda()
    runner = Runner(items, clock)
    runner.start()  # starts 15 min after the day start: the day runs 15 min late
    plain = runner_drift(runner, items, time(9, 0), clock.now(), None)
    assert plain is not None and plain.late_minutes == 15 and is_late(plain)
    committed = plain.planned_end + timedelta(minutes=15)
    anchored = runner_drift(runner, items, time(9, 0), clock.now(), committed)
    assert anchored is not None and anchored.late_minutes == 0 and not is_late(anchored)
    assert runner_drift(runner, [], time(9, 0), clock.now(), None) is None


def test_late_from_one_whole_minute_and_its_colour() -> None:
    def d(late_s: float) -> Drift:
        return Drift(late_s, NINE, NINE + timedelta(seconds=late_s))

    assert not is_late(d(29)) and drift_colour(d(29)) == ON_TIME_COLOUR
    assert is_late(d(31)) and drift_colour(d(31)) == LATE_COLOUR
    assert drift_colour(d(-600)) == ON_TIME_COLOUR


def test_next_start_and_break_return_rounded_up_to_the_minute() -> None:
    clock = FakeClock(NINE + timedelta(seconds=20))
    items = [AgendaEntry(1, "Coffee", kind="break", planned_minutes=15), *agenda()[1:]]
    runner = Runner(items, clock)
    runner.start()
    assert next_start(runner, clock.now()) == NINE + timedelta(minutes=15, seconds=20)
    assert back_at(runner, clock.now()) == NINE + timedelta(minutes=16)
    clock.advance(16 * 60)  # the break has run out: "Welcome back", not a time
    assert back_at(runner, clock.now()) is None
    assert next_start(runner, clock.now()) == clock.now()
    on_the_minute = NINE + timedelta(minutes=5)
    assert schedule.round_up_minute(on_the_minute) == on_the_minute


def test_status_word() -> None:
    assert status_word(TimerState.PAUSED, WarningLevel.OVERTIME) == "Paused"
    assert status_word(TimerState.IDLE, WarningLevel.NORMAL) == "Starting soon"
    assert status_word(TimerState.RUNNING, WarningLevel.OVERTIME) == "Over time"
    assert status_word(TimerState.RUNNING, WarningLevel.AMBER) == ""


def test_outlook_lists_the_next_and_five_more_back_to_back() -> None:
    clock = FakeClock(NINE)
    items = agenda()
    runner = Runner(items, clock)
    idle = outlook(runner, items, clock.now())
    assert idle.next is not None and idle.next.start == NINE + timedelta(minutes=10)
    runner.start()
    clock.advance(4 * 60)
    view = outlook(runner, items, clock.now())
    assert view.next is not None
    assert (view.next.entry.id, view.next.start) == (2, NINE + timedelta(minutes=10))
    assert [u.entry.id for u in view.later] == [3, 4, 5, 6, 7]
    assert view.later[0].start == NINE + timedelta(minutes=30)
    assert view.later[1].start == NINE + timedelta(minutes=60)


def test_outlook_at_the_end_of_the_day() -> None:
    clock = FakeClock(NINE)
    items = agenda()
    last = Runner(items, clock, len(items) - 1)
    assert outlook(last, items, clock.now()).next is None
    done = Runner(items, clock, len(items))
    assert outlook(done, items, clock.now()).later == ()


def test_an_unstarted_session_with_an_added_minute_moves_what_comes_next() -> None:
    """The control window's "Up next" and the projector's "Next · HH:MM" are one time."""
    clock = FakeClock(NINE + timedelta(seconds=20))
    items = agenda()
    runner = Runner(items, clock)
    runner.adjust(1)  # the Keeper gives the first session a minute before it starts
    assert runner.state is TimerState.IDLE
    ahead = outlook(runner, items, clock.now())
    assert ahead.next is not None
    assert ahead.next.start == NINE + timedelta(minutes=11, seconds=20)
    assert ahead.next.start == next_start(runner, clock.now())
    assert ahead.later[0].start == ahead.next.start + timedelta(minutes=20)
    runner.adjust(-3)  # and takes three back: eight minutes in all
    shorter = outlook(runner, items, clock.now()).next
    assert shorter is not None and shorter.start == NINE + timedelta(minutes=8, seconds=20)


def test_every_time_shown_rounds_up_to_the_minute_so_two_lines_about_one_moment_agree() -> None:
    ends = NINE + timedelta(minutes=15, seconds=20)
    assert schedule.clock_text(ends) == "09:16"
    assert schedule.clock_text(NINE) == "09:00"  # on the minute: as it is
    drift = Drift(20.0, NINE + timedelta(minutes=15), ends)
    assert schedule.status_line(drift).endswith("projected end 09:16")


def test_position_counts_sessions_only_and_take_back_skips_the_begun_item() -> None:
    from keeper.agenda.runner import position_text, take_back_from

    clock = FakeClock(NINE)
    items = [AgendaEntry(1, "Welcome", planned_minutes=10),
             AgendaEntry(2, "Coffee", kind="break", planned_minutes=15),
             AgendaEntry(3, "Forecast", planned_minutes=30),
             AgendaEntry(4, "Lunch", kind="lunch", planned_minutes=60)]
    runner = Runner(items, clock)
    assert position_text(runner, items) == "Session 1 of 2"
    assert take_back_from(runner) == 0  # not begun: it may still be shortened
    runner.start()
    assert take_back_from(runner) == 1  # running: only what comes after
    runner.next()
    assert position_text(runner, items) == "Break · 1 of 2 sessions done"
    runner.next()
    assert position_text(runner, items) == "Session 2 of 2"
    runner.next()
    runner.next()
    assert position_text(runner, items) == "2 of 2 sessions done"
