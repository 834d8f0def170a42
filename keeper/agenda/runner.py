"""What the runner tells the room about the day: drift, what starts when, break return times.

Pure rules over a ``timer.Runner`` and the day's ``schedule.AgendaEntry`` list;
the runner view only turns them into text and colours. Times are aware
datetimes in the venue's zone (``clock.now().astimezone()``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from keeper.agenda import schedule
from keeper.agenda.ops import anchored_drift
from keeper.agenda.timer import Runner, TimerState, WarningLevel

LATER_COUNT = 5  # how many sessions after "up next" the runner lists
LATE_COLOUR = "#A3161A"  # the drift line when the day runs late (the control palette's red)
ON_TIME_COLOUR = "#166534"  # on time or ahead


def drift_index(runner: Runner, entries: Sequence[schedule.AgendaEntry]) -> int | None:
    """The item ``schedule.drift`` projects from: None before the day begins, past the end after."""
    if runner.finished:
        return len(entries)
    begun = runner.state is not TimerState.IDLE or any(e.started for e in entries)
    return runner.index if begun else None


def runner_drift(runner: Runner, entries: Sequence[schedule.AgendaEntry],
                 day_start: dt.time | dt.datetime, now: dt.datetime,
                 target_end: dt.datetime | None) -> schedule.Drift | None:
    """How late the day runs now, against its committed end after a take-back."""
    if not entries:
        return None
    index = drift_index(runner, entries)
    plain = schedule.drift(entries, day_start, now, index,
                           runner.remaining_s() if index is not None else None)
    return anchored_drift(plain, target_end)


def is_late(drift: schedule.Drift) -> bool:
    """A day is late from one whole minute behind plan."""
    return drift.late_minutes > 0


def drift_colour(drift: schedule.Drift) -> str:
    return LATE_COLOUR if is_late(drift) else ON_TIME_COLOUR


def next_start(runner: Runner, now: dt.datetime) -> dt.datetime:
    """When the item after the current one starts if the timer is kept (overtime: now).

    The one rule for both the control window and the projector. A current item
    not yet started counts at the length its timer holds: the planned length plus
    any minutes the Keeper added or took, since that changed the session's length.
    """
    return now + dt.timedelta(seconds=max(0.0, runner.remaining_s()))


def back_at(runner: Runner, now: dt.datetime) -> dt.datetime | None:
    """The minute a break ends (rounded up), None once it has run out."""
    if runner.remaining_s() <= 0:
        return None
    return schedule.round_up_minute(next_start(runner, now))


def take_back_from(runner: Runner) -> int:
    """The first item "Take the time back" may shorten: the ones not yet started, so the
    current item counts only while its timer has never run."""
    item = runner.current
    if item is None:
        return runner.index
    begun = runner.state is not TimerState.IDLE or runner.actuals(item.id).start is not None
    return runner.index + 1 if begun else runner.index


def position_text(runner: Runner, entries: Sequence[schedule.AgendaEntry]) -> str:
    """"Session 9 of 15" counting sessions only, as the Offsite overview counts them; on a
    break or lunch, how many of the day's sessions are done."""
    sessions = [n for n, e in enumerate(entries) if e.kind == schedule.SESSION]
    total = len(sessions)
    if runner.finished:
        return f"{total} of {total} sessions done" if entries else ""
    before = sum(1 for n in sessions if n < runner.index)
    current = entries[runner.index]
    if current.kind == schedule.SESSION:
        return f"Session {before + 1} of {total}"
    return f"{current.kind.capitalize()} · {before} of {total} sessions done"


def status_word(state: TimerState, level: WarningLevel) -> str:
    """The one word the projector shows under the digits ("" while simply running)."""
    if state is TimerState.PAUSED:
        return "Paused"
    if state is TimerState.IDLE:
        return "Starting soon"
    return "Over time" if level is WarningLevel.OVERTIME else ""


@dataclass(frozen=True)
class Upcoming:
    start: dt.datetime
    entry: schedule.AgendaEntry


@dataclass(frozen=True)
class Outlook:
    """What comes after the current item, with the times it would start."""

    next: Upcoming | None
    later: tuple[Upcoming, ...]


def outlook(runner: Runner, entries: Sequence[schedule.AgendaEntry], now: dt.datetime,
            later_count: int = LATER_COUNT) -> Outlook:
    """The next item and up to ``later_count`` after it, back to back from the current end
    (``next_start``, as the projector shows it)."""
    if runner.finished:
        return Outlook(None, ())
    start = next_start(runner, now)
    upcoming = list(entries[runner.index + 1:])
    if not upcoming:
        return Outlook(None, ())
    first = Upcoming(start, upcoming[0])
    at = start + dt.timedelta(minutes=upcoming[0].planned_minutes)
    later: list[Upcoming] = []
    for entry in upcoming[1:1 + later_count]:
        later.append(Upcoming(at, entry))
        at += dt.timedelta(minutes=entry.planned_minutes)
    return Outlook(first, tuple(later))
