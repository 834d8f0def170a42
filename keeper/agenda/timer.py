"""The session countdown: pure rules, no Qt, no database.

Remaining time is always derived from a deadline (``deadline - now``), never
by counting ticks, so the display cannot drift however irregularly the UI
polls it.

Two clocks, one rule:

* While running inside one process the deadline is held on the *monotonic*
  clock, which is immune to NTP steps and to someone changing the laptop's
  clock mid-session.
* A *wall-clock* deadline (UTC) is kept alongside and is what gets persisted,
  because a monotonic reading means nothing to the next process.
* After a suspend the monotonic clock may have stood still while real time
  went on. When the wall clock has moved further than the monotonic clock by
  more than ``RESYNC_TOLERANCE_S`` we trust the wall clock (the room's time
  went on) and re-anchor the monotonic deadline. When the wall clock has moved
  *less* (it was set back), we trust the monotonic clock and re-anchor the
  wall deadline, so what gets persisted stays right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from keeper.clock import Clock

DEFAULT_AMBER_S = 120
DEFAULT_RED_S = 30
RESYNC_TOLERANCE_S = 2.0


class TimerState(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


class WarningLevel(StrEnum):
    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"
    OVERTIME = "overtime"


class TimedItem(Protocol):
    """What the runner needs of an agenda item (``schedule.AgendaEntry`` fits)."""

    @property
    def id(self) -> int: ...
    @property
    def planned_minutes(self) -> int: ...
    @property
    def warn_amber_s(self) -> int: ...
    @property
    def warn_red_s(self) -> int: ...
    @property
    def actual_start(self) -> datetime | None: ...
    @property
    def actual_end(self) -> datetime | None: ...


@dataclass(frozen=True)
class PersistedTimer:
    """Mirrors the ``runner_state`` columns.

    ``deadline`` (UTC wall clock) is set only when running; ``remaining_s`` when
    paused, or when idle with an adjusted length.
    """

    item_id: int | None
    state: TimerState
    deadline: datetime | None = None
    remaining_s: float | None = None


@dataclass(frozen=True)
class Actuals:
    start: datetime | None = None
    end: datetime | None = None


def shown_seconds(remaining_s: float) -> int:
    """The whole second on screen; the display and the colour both derive from it.

    Rounded up so that "00:00" appears exactly when the time is up.
    """
    return math.ceil(remaining_s)


def format_remaining(remaining_s: float) -> str:
    """``"12:34"``, ``"1:02:03"`` past an hour, ``"+01:23"`` in overtime."""
    shown = shown_seconds(remaining_s)
    if shown < 0:
        return "+" + _clock_face(-shown)
    return _clock_face(shown)


def _clock_face(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def warning_level(
    remaining_s: float, amber_s: int = DEFAULT_AMBER_S, red_s: int = DEFAULT_RED_S
) -> WarningLevel:
    shown = shown_seconds(remaining_s)
    if shown <= 0:
        return WarningLevel.OVERTIME
    if shown <= red_s:
        return WarningLevel.RED
    if shown <= amber_s:
        return WarningLevel.AMBER
    return WarningLevel.NORMAL


def ms_until_next_second_boundary(remaining_s: float) -> int:
    """Milliseconds until the shown second changes; always in 1..1000.

    Rounded up: firing a hair late shows the new second, firing early would
    show the old one again.
    """
    shown = shown_seconds(remaining_s)
    # to the microsecond first, so float noise (59.999 - 59 = 0.99900...02) is no extra ms
    return max(1, math.ceil(round((remaining_s - (shown - 1)) * 1000, 3)))


def _as_utc(moment: datetime) -> datetime:
    # SQLite DateTime columns hand back naive datetimes; ours are always UTC.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class Countdown:
    """One item's timer."""

    def __init__(self, duration_s: float, clock: Clock) -> None:
        self.duration_s = float(duration_s)
        self._clock = clock
        self._state = TimerState.IDLE
        self._held_s = self.duration_s  # remaining while idle or paused
        self._deadline_mono = 0.0
        self._deadline_wall = datetime.min.replace(tzinfo=UTC)

    @property
    def state(self) -> TimerState:
        return self._state

    def remaining_s(self) -> float:
        if self._state is not TimerState.RUNNING:
            return self._held_s
        self._resync()
        return self._deadline_mono - self._clock.monotonic()

    def start(self) -> None:
        """Start from idle or resume from paused; no-op while running."""
        if self._state is TimerState.RUNNING:
            return
        self._anchor(self._held_s)
        self._state = TimerState.RUNNING

    resume = start

    def pause(self) -> None:
        if self._state is TimerState.RUNNING:
            self._held_s = self.remaining_s()
            self._state = TimerState.PAUSED

    def adjust(self, seconds: float) -> None:
        """Add (or with a negative value take) time; may push into overtime."""
        if self._state is TimerState.RUNNING:
            self._resync()
            self._deadline_mono += seconds
            self._deadline_wall += timedelta(seconds=seconds)
        elif self._state is TimerState.PAUSED:
            self._held_s += seconds
        else:
            # A session that has not begun cannot begin in overtime.
            self._held_s = max(0.0, self._held_s + seconds)

    def reset(self) -> None:
        self._state = TimerState.IDLE
        self._held_s = self.duration_s

    def hold(self, remaining_s: float, state: TimerState) -> None:
        """Put the timer at ``remaining_s`` in ``state`` (running counts from now)."""
        self._held_s = remaining_s
        self._state = TimerState.IDLE
        if state is TimerState.RUNNING:
            self.start()
        else:
            self._state = state

    def to_persisted(self, item_id: int | None) -> PersistedTimer:
        if self._state is TimerState.RUNNING:
            self._resync()
            return PersistedTimer(item_id, self._state, deadline=self._deadline_wall)
        if self._state is TimerState.IDLE and self._held_s == self.duration_s:
            return PersistedTimer(item_id, self._state)
        return PersistedTimer(item_id, self._state, remaining_s=self._held_s)

    @classmethod
    def restore(cls, duration_s: float, clock: Clock, saved: PersistedTimer) -> Countdown:
        countdown = cls(duration_s, clock)
        state = TimerState(saved.state)
        if state is TimerState.RUNNING and saved.deadline is not None:
            countdown._state = TimerState.RUNNING
            countdown._deadline_wall = _as_utc(saved.deadline)
            left = (countdown._deadline_wall - clock.now()).total_seconds()
            countdown._deadline_mono = clock.monotonic() + left
        elif state is not TimerState.RUNNING and saved.remaining_s is not None:
            countdown._state = state
            countdown._held_s = saved.remaining_s
        elif state is TimerState.PAUSED:
            countdown._state = state
        return countdown

    def _anchor(self, remaining_s: float) -> None:
        self._deadline_mono = self._clock.monotonic() + remaining_s
        self._deadline_wall = _as_utc(self._clock.now()) + timedelta(seconds=remaining_s)

    def _resync(self) -> None:
        by_mono = self._deadline_mono - self._clock.monotonic()
        by_wall = (self._deadline_wall - _as_utc(self._clock.now())).total_seconds()
        if by_wall < by_mono - RESYNC_TOLERANCE_S:  # suspended: real time went on
            self._anchor(by_wall)
        elif by_wall > by_mono + RESYNC_TOLERANCE_S:  # wall clock set back
            self._anchor(by_mono)


class Runner:
    """Walks the agenda: one countdown for the current item, actual times recorded.

    ``index == len(items)`` means the day is finished (``current`` is None).
    """

    def __init__(self, items: Sequence[TimedItem], clock: Clock, index: int = 0) -> None:
        if not 0 <= index <= len(items):
            raise IndexError(index)
        self.items = list(items)
        self._clock = clock
        self._index = index
        self._actuals = {i.id: Actuals(i.actual_start, i.actual_end) for i in self.items}
        self._left_with: dict[int, float] = {}  # remaining when an item was left by next()
        self._countdown = self._fresh_countdown()

    # -- reading -----------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> TimedItem | None:
        return self.items[self._index] if self._index < len(self.items) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def state(self) -> TimerState:
        return self._countdown.state

    def remaining_s(self) -> float:
        return self._countdown.remaining_s()

    def overtime_s(self) -> float:
        return max(0.0, -self.remaining_s())

    def display(self) -> str:
        return format_remaining(self.remaining_s())

    def progress(self) -> float:
        """The share of the current item gone, 0 to 1 (added minutes move it back)."""
        if self.current is None:
            return 1.0
        remaining = self.remaining_s()
        total = max(self._countdown.duration_s, remaining, 1.0)
        return min(1.0, max(0.0, 1.0 - remaining / total))

    def level(self) -> WarningLevel:
        item = self.current
        if item is None:
            return WarningLevel.NORMAL
        return warning_level(self.remaining_s(), item.warn_amber_s, item.warn_red_s)

    def ms_until_next_second_boundary(self) -> int | None:
        """Delay for a single-shot UI timer; None when nothing is counting."""
        if self.state is not TimerState.RUNNING:
            return None
        return ms_until_next_second_boundary(self.remaining_s())

    def actuals(self, item_id: int) -> Actuals:
        return self._actuals.get(item_id, Actuals())

    def all_actuals(self) -> dict[int, Actuals]:
        return dict(self._actuals)

    # -- commands ----------------------------------------------------------

    def start(self) -> None:
        item = self.current
        if item is None:
            return
        if self._actuals[item.id].start is None:
            self._actuals[item.id] = Actuals(self._clock.now(), None)
        else:
            self._actuals[item.id] = Actuals(self._actuals[item.id].start, None)
        self._countdown.start()

    def pause(self) -> None:
        self._countdown.pause()

    def resume(self) -> None:
        self.start()

    def adjust(self, minutes: float) -> None:
        """+1 / −1 minute buttons: ``adjust(1)``, ``adjust(-1)``."""
        if self.current is not None:
            self._countdown.adjust(minutes * 60)

    def reset(self) -> None:
        """Start the current item over: planned length, idle, not yet begun."""
        item = self.current
        if item is None:
            return
        self._actuals[item.id] = Actuals()
        self._left_with.pop(item.id, None)
        self._countdown = self._fresh_countdown()

    def next(self, start: bool | None = None) -> None:
        """End the current item and move on.

        The next item starts at once if ``start`` is true, or (when None) if the
        timer was running: pressing Next mid-session hands straight over.
        """
        item = self.current
        if item is None:
            return
        keep_running = self.state is TimerState.RUNNING if start is None else start
        began = self._actuals[item.id].start
        if began is not None:
            self._actuals[item.id] = Actuals(began, self._clock.now())
            self._left_with[item.id] = self.remaining_s()
        self._index += 1
        self._countdown = self._fresh_countdown()
        if keep_running:
            self.start()

    def previous(self, start: bool | None = None) -> None:
        """Go back one item, undoing Next.

        The item being left counts as not begun again. The item returned to is
        reopened with the time it had left when it was ended, running if
        ``start`` (None: if the timer was running) and it had begun.
        """
        if self._index == 0:
            return
        keep_running = self.state is TimerState.RUNNING if start is None else start
        leaving = self.current
        if leaving is not None:
            self._actuals[leaving.id] = Actuals()
            self._left_with.pop(leaving.id, None)
        self._index -= 1
        item = self.items[self._index]
        self._countdown = self._fresh_countdown()
        done = self._actuals[item.id]
        if done.start is None:
            return
        self._actuals[item.id] = Actuals(done.start, None)
        left = self._left_with.get(item.id)
        if left is None and done.end is not None:  # ended before a restart
            left = self._countdown.duration_s - (done.end - done.start).total_seconds()
        if left is None:
            left = self._countdown.duration_s
        self._countdown.hold(left, TimerState.RUNNING if keep_running else TimerState.PAUSED)

    # -- persistence -------------------------------------------------------

    def to_persisted(self) -> PersistedTimer:
        item = self.current
        return self._countdown.to_persisted(item.id if item else None)

    @classmethod
    def restore(cls, items: Sequence[TimedItem], clock: Clock, saved: PersistedTimer) -> Runner:
        """Rebuild after a restart; actual times come from the items themselves."""
        ids = [i.id for i in items]
        if saved.item_id is None or saved.item_id not in ids:
            finished = saved.item_id is None and bool(items) and items[-1].actual_end is not None
            return cls(items, clock, len(items) if finished else 0)
        runner = cls(items, clock, ids.index(saved.item_id))
        runner._countdown = Countdown.restore(runner._countdown.duration_s, clock, saved)
        return runner

    def _fresh_countdown(self) -> Countdown:
        item = self.current
        return Countdown(item.planned_minutes * 60 if item else 0, self._clock)
