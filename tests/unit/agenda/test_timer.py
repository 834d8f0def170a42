from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from keeper.agenda.schedule import AgendaEntry
from keeper.agenda.timer import (
    Actuals,
    Countdown,
    PersistedTimer,
    Runner,
    TimerState,
    WarningLevel,
    format_remaining,
    ms_until_next_second_boundary,
    warning_level,
)
from keeper.clock import FakeClock

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def agenda() -> list[AgendaEntry]:
    return [
        AgendaEntry(1, "Welcome", planned_minutes=10),
        AgendaEntry(2, "Pipeline review", planned_minutes=45, warn_amber_s=300, warn_red_s=60),
        AgendaEntry(3, "Coffee", kind="break", planned_minutes=15),
    ]


# -- display and levels ------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [
        (754, "12:34"),
        (753.2, "12:34"),  # a countdown shows the second it is in, rounded up
        (300, "05:00"),
        (3723, "1:02:03"),
        (3600, "1:00:00"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-0.5, "00:00"),
        (-1, "+00:01"),
        (-83, "+01:23"),
        (-82.5, "+01:22"),
        (-3723, "+1:02:03"),
    ],
)
def test_format_remaining(remaining: float, shown: str) -> None:
    assert format_remaining(remaining) == shown


@pytest.mark.parametrize(
    ("remaining", "level"),
    [
        (121, WarningLevel.NORMAL),
        (120.5, WarningLevel.NORMAL),  # still shows 02:01
        (120, WarningLevel.AMBER),
        (31, WarningLevel.AMBER),
        (30.01, WarningLevel.AMBER),
        (30, WarningLevel.RED),
        (0.01, WarningLevel.RED),
        (0, WarningLevel.OVERTIME),
        (-90, WarningLevel.OVERTIME),
    ],
)
def test_default_warning_levels_change_with_the_shown_second(
    remaining: float, level: WarningLevel
) -> None:
    assert warning_level(remaining) is level


def test_per_session_thresholds() -> None:
    assert warning_level(299, amber_s=300, red_s=60) is WarningLevel.AMBER
    assert warning_level(299) is WarningLevel.NORMAL
    assert warning_level(60, amber_s=300, red_s=60) is WarningLevel.RED


def test_runner_uses_the_current_items_thresholds() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock, index=1)
    runner.start()
    clock.advance(45 * 60 - 300)
    assert runner.level() is WarningLevel.AMBER
    clock.advance(240)
    assert runner.level() is WarningLevel.RED
    clock.advance(60)
    assert runner.level() is WarningLevel.OVERTIME


@pytest.mark.parametrize(
    ("remaining", "ms"),
    [(59.3, 300), (60.0, 1000), (59.999, 999), (0.25, 250), (-0.25, 750), (-3.0, 1000)],
)
def test_ms_until_next_second_boundary(remaining: float, ms: int) -> None:
    assert ms_until_next_second_boundary(remaining) == ms


def test_waking_on_the_boundary_shows_the_next_second() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(0.123)
    seen = [runner.display()]
    for _ in range(700):  # 10 minutes and into overtime
        wait = runner.ms_until_next_second_boundary()
        assert wait is not None and 1 <= wait <= 1000
        clock.advance(wait / 1000)
        seen.append(runner.display())
    # each wake-up shows a new second, and none is skipped
    expected = [format_remaining(600 - s) for s in range(700 + 1)]
    assert seen == expected
    assert seen[600] == "00:00" and seen[601] == "+00:01"


def test_no_boundary_timer_when_not_running() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    assert runner.ms_until_next_second_boundary() is None
    runner.start()
    runner.pause()
    assert runner.ms_until_next_second_boundary() is None


# -- commands ----------------------------------------------------------------


def test_pause_and_resume_freeze_the_time_left() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    assert runner.state is TimerState.IDLE and runner.display() == "10:00"
    runner.start()
    clock.advance(90)
    runner.pause()
    clock.advance(3600)
    assert runner.state is TimerState.PAUSED
    assert runner.remaining_s() == 510
    runner.resume()
    clock.advance(10)
    assert runner.remaining_s() == 500
    assert runner.display() == "08:20"


def test_adjust_while_running_and_paused() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(100)
    runner.adjust(+1)
    assert runner.remaining_s() == 560
    runner.adjust(-1)
    runner.adjust(-1)
    assert runner.remaining_s() == 440
    runner.pause()
    runner.adjust(+1)
    clock.advance(30)
    assert runner.remaining_s() == 500
    runner.resume()
    clock.advance(20)
    assert runner.remaining_s() == 480


def test_minus_a_minute_can_push_into_overtime_but_not_before_start() -> None:
    clock = FakeClock(T0)
    runner = Runner([AgendaEntry(1, "Short", planned_minutes=1)], clock)
    runner.adjust(-1)
    runner.adjust(-1)
    assert runner.remaining_s() == 0  # idle: a session cannot begin in overtime
    runner.adjust(+2)
    runner.start()
    clock.advance(30)
    runner.adjust(-2)
    assert runner.display() == "+00:30"
    assert runner.level() is WarningLevel.OVERTIME


def test_overtime_counts_up_after_zero() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(600)
    assert runner.display() == "00:00" and runner.overtime_s() == 0
    clock.advance(83)
    assert runner.display() == "+01:23"
    assert runner.overtime_s() == 83
    assert runner.state is TimerState.RUNNING  # the timer does not stop itself


def test_reset_starts_the_item_over() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    runner.adjust(3)
    clock.advance(200)
    runner.reset()
    assert runner.state is TimerState.IDLE
    assert runner.remaining_s() == 600
    assert runner.actuals(1).start is None
    clock.advance(5)
    runner.start()
    assert runner.actuals(1).start == T0 + timedelta(seconds=205)


def test_start_is_idempotent_and_keeps_the_first_actual_start() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(60)
    runner.start()
    runner.pause()
    clock.advance(60)
    runner.resume()
    assert runner.remaining_s() == 540
    assert runner.actuals(1).start == T0


def test_next_records_actual_start_and_end_and_hands_over_while_running() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(11 * 60)
    runner.next()
    assert runner.actuals(1).start == T0
    assert runner.actuals(1).end == T0 + timedelta(minutes=11)
    assert runner.current is not None and runner.current.id == 2
    assert runner.state is TimerState.RUNNING
    assert runner.actuals(2).start == T0 + timedelta(minutes=11)
    assert runner.display() == "45:00"


def test_next_when_paused_leaves_the_next_item_idle() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(60)
    runner.pause()
    clock.advance(60)
    runner.next()
    assert runner.actuals(1).end == T0 + timedelta(minutes=2)
    assert runner.state is TimerState.IDLE
    assert runner.actuals(2).start is None
    clock.advance(60)
    runner.start()
    assert runner.actuals(2).start == T0 + timedelta(minutes=3)


def test_skipping_an_item_that_never_started_records_nothing() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.next()
    assert runner.actuals(1).start is None and runner.actuals(1).end is None


def test_next_past_the_last_item_finishes_the_day() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock, index=2)
    runner.start()
    clock.advance(900)
    runner.next()
    assert runner.finished and runner.current is None
    assert runner.actuals(3).end == T0 + timedelta(minutes=15)
    assert runner.state is TimerState.IDLE
    runner.start()
    assert runner.state is TimerState.IDLE
    assert runner.to_persisted() == PersistedTimer(None, TimerState.IDLE)


def test_previous_undoes_next() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(60)
    runner.pause()
    clock.advance(60)  # a paused minute does not count
    runner.resume()
    clock.advance(120)  # 7 minutes left
    runner.next()
    clock.advance(5)
    runner.previous()
    assert runner.current is not None and runner.current.id == 1
    assert runner.actuals(1) == Actuals(T0, None)
    assert runner.actuals(2).start is None  # the accidental start is forgotten
    assert runner.state is TimerState.RUNNING
    assert runner.remaining_s() == 420
    runner.previous()  # already first
    assert runner.index == 0


def test_previous_after_a_restart_reopens_paused_with_what_was_left() -> None:
    clock = FakeClock(T0)
    items = [
        AgendaEntry(
            1, "Welcome", planned_minutes=10, actual_start=T0, actual_end=T0 + timedelta(minutes=7)
        ),
        AgendaEntry(2, "Pipeline", planned_minutes=45),
    ]
    runner = Runner.restore(items, clock, PersistedTimer(2, TimerState.IDLE))
    runner.previous()
    assert runner.state is TimerState.PAUSED
    assert runner.remaining_s() == 180
    assert runner.actuals(1).end is None


# -- time stays right ------------------------------------------------------


def test_no_drift_over_an_eight_hour_day_of_irregular_ticks() -> None:
    clock = FakeClock(T0)
    runner = Runner([AgendaEntry(1, "The day", planned_minutes=8 * 60)], clock)
    rng = random.Random(20261123)
    runner.start()
    start_mono = clock.monotonic()
    steps: list[float] = []
    elapsed = 0.0
    while elapsed < 8 * 3600 + 120:
        step = rng.choice([rng.uniform(0.001, 0.05), rng.uniform(0.2, 1.7), rng.uniform(2, 9)])
        clock.advance(step)
        steps.append(step)
        elapsed += step
        remaining = runner.remaining_s()
        assert remaining == (start_mono + 8 * 3600) - clock.monotonic()
        assert remaining == pytest.approx(8 * 3600 - elapsed, abs=1e-6)
        assert runner.display() == format_remaining(remaining)
    assert len(steps) > 5000
    assert runner.remaining_s() == pytest.approx(8 * 3600 - math.fsum(steps), abs=1e-6)
    assert runner.display().startswith("+")


def test_no_drift_across_pauses_and_adjustments() -> None:
    clock = FakeClock(T0)
    countdown = Countdown(8 * 3600, clock)
    rng = random.Random(7)
    expected = 8 * 3600.0
    countdown.start()
    for _ in range(3000):
        step = rng.uniform(0.01, 9.5)
        clock.advance(step)
        if countdown.state is TimerState.RUNNING:
            expected -= step
        roll = rng.random()
        if roll < 0.02:
            countdown.pause() if countdown.state is TimerState.RUNNING else countdown.resume()
        elif roll < 0.04:
            delta = rng.choice([-60, 60])
            countdown.adjust(delta)
            expected += delta
        assert countdown.remaining_s() == pytest.approx(expected, abs=1e-6)


# -- persistence and restarts ------------------------------------------------


def test_persisted_running_form_holds_a_utc_wall_deadline() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(60)
    runner.adjust(1)
    saved = runner.to_persisted()
    assert saved == PersistedTimer(1, TimerState.RUNNING, deadline=T0 + timedelta(minutes=11))
    assert saved.deadline is not None and saved.deadline.tzinfo is not None


def test_restart_while_running_resumes_from_the_wall_deadline() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(120)
    saved = runner.to_persisted()
    # the app is down for 5 minutes; the new process has its own monotonic origin
    later = FakeClock(T0 + timedelta(minutes=7), monotonic=3.5)
    items = [
        AgendaEntry(1, "Welcome", planned_minutes=10, actual_start=runner.actuals(1).start),
        *agenda()[1:],
    ]
    back = Runner.restore(items, later, saved)
    assert back.state is TimerState.RUNNING
    assert back.remaining_s() == 180
    later.advance(200)
    assert back.display() == "+00:20"
    back.next()
    assert back.actuals(1) == Actuals(T0, T0 + timedelta(seconds=620))


def test_restore_accepts_the_naive_utc_deadline_sqlite_returns() -> None:
    clock = FakeClock(T0)
    naive = (T0 + timedelta(minutes=4)).replace(tzinfo=None)
    countdown = Countdown.restore(600, clock, PersistedTimer(1, TimerState.RUNNING, naive))
    assert countdown.remaining_s() == 240


def test_restart_while_paused_keeps_the_remaining_time() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(75)
    runner.pause()
    saved = runner.to_persisted()
    assert saved == PersistedTimer(1, TimerState.PAUSED, remaining_s=525)
    later = FakeClock(T0 + timedelta(hours=2), monotonic=0.0)
    back = Runner.restore(agenda(), later, saved)
    assert back.state is TimerState.PAUSED
    assert back.display() == "08:45"


def test_restart_while_idle_keeps_an_adjusted_length() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock, index=1)
    assert runner.to_persisted() == PersistedTimer(2, TimerState.IDLE)
    runner.adjust(5)
    back = Runner.restore(agenda(), FakeClock(T0), runner.to_persisted())
    assert back.index == 1 and back.state is TimerState.IDLE
    assert back.remaining_s() == 50 * 60


def test_restore_of_an_unknown_item_starts_at_the_top() -> None:
    back = Runner.restore(agenda(), FakeClock(T0), PersistedTimer(99, TimerState.RUNNING, T0))
    assert back.index == 0 and back.state is TimerState.IDLE


def test_suspend_mid_session_trusts_the_wall_clock() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.advance(100)
    clock.jump_wall(300)  # lid closed: monotonic stood still, the room did not
    assert runner.remaining_s() == pytest.approx(200, abs=1e-6)
    clock.advance(50)  # after re-anchoring, monotonic drives it again
    assert runner.remaining_s() == pytest.approx(150, abs=1e-6)
    saved = runner.to_persisted()
    assert saved.deadline == T0 + timedelta(minutes=10)


def test_wall_clock_set_back_while_running_trusts_monotonic_and_fixes_the_deadline() -> None:
    clock = FakeClock(T0)
    runner = Runner(agenda(), clock)
    runner.start()
    clock.jump_wall(-3600)  # someone "fixes" the laptop's clock
    clock.advance(100)
    assert runner.remaining_s() == pytest.approx(500, abs=1e-6)
    saved = runner.to_persisted()
    assert saved.deadline == clock.now() + timedelta(seconds=500)
    back = Runner.restore(agenda(), FakeClock(clock.now(), monotonic=1.0), saved)
    assert back.remaining_s() == pytest.approx(500, abs=1e-6)


def test_small_wall_jitter_is_ignored() -> None:
    clock = FakeClock(T0)
    countdown = Countdown(600, clock)
    countdown.start()
    clock.advance(10)
    clock.jump_wall(1.5)  # an NTP nudge, within tolerance
    assert countdown.remaining_s() == 590
