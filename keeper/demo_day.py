"""Where the demo's day sits around the moment it is opened: plausible hours, now inside.

One rule for :mod:`keeper.demo` (building the demo) and :mod:`keeper.demo_file` (moving
the prebuilt one), so a copy stays the demo a build at that moment writes. Times are
local and naive, as agenda actual times are stored. The day starts at 09:00 and every
session runs a little long or short (``OVERRUN``); the session whose slot holds now is
the one under way, those before it are done at their actual times. By the local time
the demo is opened:

- before 09:00: today's day at 09:00, not begun (the runner waits on the welcome): an
  earlier start would put lunch before 10:00;
- 09:00 until a quarter hour before the 09:00 day ends (~19:35): the session whose slot
  holds now;
- then until ~21:35: a day that started later (on a quarter hour, 09:15-11:00) whose
  dinner is under way 15-30 minutes from its end, so the day never ends after 22:00;
- from then to midnight: the 09:00 day, finished (every item done at its actual time).

A session under way always has time left (never "Over time"): an overrun that now
falls inside is left out, the next session having just started instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

DAY_START = dt.time(9, 0)
LATEST_END = dt.time(22, 0)
DINNER_LEFT = dt.timedelta(minutes=30)  # an evening opening finds dinner this far from its end
QUARTER = 15
# Minutes each item ran over (or short) its plan, by position: the morning runs long (the
# welcome waits for latecomers, the postmortems overrun), lunch gives a little back; items
# past the end of this list run to plan.
OVERRUN = (4, 3, 2, 3, 2, 3, 0, 2, -5, 3, 2, 0, 1, 0, 2, 1, 0, 4)


@dataclass(frozen=True)
class DemoDay:
    """The day's start, each item's actual (start, end), and the runner: the index of the
    item under way (or waiting, when ``state`` is ``"idle"``), None once the day is done."""

    start: dt.datetime
    actuals: tuple[tuple[dt.datetime | None, dt.datetime | None], ...]
    current: int | None
    state: str
    deadline: dt.datetime | None  # local, naive: when the item under way runs out


def _walk(start: dt.datetime, planned: Sequence[int], now: dt.datetime) -> DemoDay:
    """The day from ``start`` as it stands at ``now`` (not begun when now is before it)."""
    if now < start:
        return DemoDay(start, tuple((None, None) for _ in planned), 0 if planned else None,
                       "idle", None)
    actuals: list[tuple[dt.datetime | None, dt.datetime | None]] = []
    cursor = start
    for index, minutes in enumerate(planned):
        plan_end = cursor + dt.timedelta(minutes=minutes)
        over = OVERRUN[index] if index < len(OVERRUN) else 0
        end = plan_end + dt.timedelta(minutes=over)
        if now < min(end, plan_end):
            actuals.append((cursor, None))
            actuals += [(None, None)] * (len(planned) - index - 1)
            return DemoDay(start, tuple(actuals), index, "running", plan_end)
        if now < end:  # now falls in its overrun: it ended on time, the next one is on
            end = plan_end
        actuals.append((cursor, end))
        cursor = end
    return DemoDay(start, tuple(actuals), None, "idle", None)


def _length(planned: Sequence[int]) -> dt.timedelta:
    overrun = sum(OVERRUN[:len(planned)])
    return dt.timedelta(minutes=sum(planned) + overrun)


def place_day(planned: Sequence[int], now: dt.datetime) -> DemoDay:
    """The demo's day for agenda items of ``planned`` minutes, opened at local ``now``."""
    today = now.date()
    usual = dt.datetime.combine(today, DAY_START)
    length = _length(planned)
    if now + DINNER_LEFT / 2 < usual + length:  # before 09:00 too: the day not begun
        return _walk(usual, planned, now)
    later = now + DINNER_LEFT - length
    later = later.replace(minute=later.minute - later.minute % QUARTER, second=0,
                          microsecond=0)
    if later + length <= dt.datetime.combine(today, LATEST_END) and later.date() == today:
        return _walk(later, planned, now)
    return _walk(usual, planned, now)


def utc_naive(local: dt.datetime) -> dt.datetime:
    """A local naive moment as the naive UTC a runner deadline is stored in."""
    return local.astimezone(dt.UTC).replace(tzinfo=None)
