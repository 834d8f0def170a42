"""Schedule rules: planned times, drift, rebalancing, content mix. Pure, no Qt, no database.

Times of day: pass ``now`` in the venue's time zone (for example
``clock.now().astimezone()``); a bare ``time`` day start is placed on ``now``'s
date in ``now``'s zone (for drift: on the date the day began, :func:`began_on`).
Actual start and end may be in any zone (the runner records UTC); naive ones are
taken as UTC, as SQLite hands them back.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction

from keeper.store.kinds import ItemKind

SESSION, BREAK, LUNCH = ItemKind.SESSION, ItemKind.BREAK, ItemKind.LUNCH


@dataclass(frozen=True)
class AgendaEntry:
    """The schedule's view of an ``AgendaItem`` row (also fits ``timer.TimedItem``)."""

    id: int
    title: str
    kind: str = SESSION
    planned_minutes: int = 30
    protected: bool = False
    content_tag: str | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    warn_amber_s: int = 120
    warn_red_s: int = 30

    @property
    def started(self) -> bool:
        return self.actual_start is not None


@dataclass(frozen=True)
class Slot:
    item: AgendaEntry
    start: datetime
    end: datetime


def resolve_day_start(day_start: time | datetime, on: date | datetime) -> datetime:
    """A bare time goes on ``on``'s date (and, for a datetime, in its zone)."""
    if isinstance(day_start, datetime):
        return day_start
    if isinstance(on, datetime):
        return datetime.combine(on.date(), day_start, tzinfo=on.tzinfo)
    return datetime.combine(on, day_start)


def began_on(items: Sequence[AgendaEntry], now: datetime) -> datetime:
    """The moment whose date a bare-time day start goes on: the first actual start once the
    day has begun (a day that began before midnight is still that day after it), else now."""
    starts = [_aware(i.actual_start, now) for i in items if i.actual_start is not None]
    return min(starts) if starts else now


def plan(
    items: Sequence[AgendaEntry], day_start: time | datetime, on: date | datetime | None = None
) -> list[Slot]:
    """Planned start and end of each item, back to back from the day start."""
    if not isinstance(day_start, datetime):
        if on is None:
            raise TypeError("a bare time day start needs on= (the offsite's date or now)")
        day_start = resolve_day_start(day_start, on)
    slots: list[Slot] = []
    at = day_start
    for item in items:
        end = at + timedelta(minutes=item.planned_minutes)
        slots.append(Slot(item, at, end))
        at = end
    return slots


# -- drift -------------------------------------------------------------------


@dataclass(frozen=True)
class Drift:
    late_s: float  # negative: ahead of plan
    planned_end: datetime
    projected_end: datetime

    @property
    def late_minutes(self) -> int:
        """Whole minutes late, rounded half away from zero; negative when ahead."""
        return int(math.copysign(math.floor(abs(self.late_s) / 60 + 0.5), self.late_s))

    def text(self) -> str:
        minutes = self.late_minutes
        if minutes > 0:
            return f"Running {minutes} min late"
        if minutes < 0:
            return f"Running {-minutes} min ahead"
        return "On time"


def drift(
    items: Sequence[AgendaEntry],
    day_start: time | datetime,
    now: datetime,
    current_index: int | None,
    remaining_s: float | None = None,
) -> Drift:
    """How late the day runs, projecting the not-yet-run items at their planned length.

    ``current_index`` is the runner's item (``len(items)`` or None when the day
    is over or has not begun); ``remaining_s`` is its timer's remaining time,
    None to use its planned length. A started item ends no earlier than now
    (overtime); an item not yet started begins now, or at its planned start
    while nothing in the day has started yet.
    """
    on = began_on(items, now)
    slots = plan(items, day_start, on)
    start = resolve_day_start(day_start, on)
    if not slots:
        return Drift(0.0, start, start)
    planned_end = slots[-1].end
    if current_index is None or current_index >= len(items):
        ends = [_aware(i.actual_end, now) for i in items if i.actual_end is not None]
        if current_index is None and not ends:  # the day has not begun
            projected = max(now, start) + (planned_end - start)
        else:
            projected = max(ends) if ends else planned_end
        return Drift((projected - planned_end).total_seconds(), planned_end, projected)

    item = items[current_index]
    left = item.planned_minutes * 60.0 if remaining_s is None else remaining_s
    begins = now if any(i.started for i in items) else max(now, slots[current_index].start)
    current_end = begins + timedelta(seconds=max(0.0, left))
    later = sum(i.planned_minutes for i in items[current_index + 1 :])
    projected = current_end + timedelta(minutes=later)
    return Drift((projected - planned_end).total_seconds(), planned_end, projected)


def round_up_minute(moment: datetime) -> datetime:
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment


def clock_text(moment: datetime) -> str:
    """The one rule for every time of day the Keeper or the room reads ("Back at", "Next ·",
    "projected end", "later today"): the minute rounded up, so a time shown is never
    before the moment it stands for and two lines about one moment always agree."""
    return f"{round_up_minute(moment):%H:%M}"


def status_line(d: Drift) -> str:
    """``"Running 12 min late · projected end 17:42"``."""
    return f"{d.text()} · projected end {clock_text(d.projected_end)}"


def _aware(moment: datetime, like: datetime) -> datetime:
    """Make ``moment`` comparable with ``like`` (naive actual times are UTC)."""
    if like.tzinfo is None:
        return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(like.tzinfo)


# -- rebalance ---------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    item_id: int
    old_minutes: int
    new_minutes: int


@dataclass(frozen=True)
class RebalancePreview:
    changes: list[Change]  # only the items whose length changes, in agenda order
    requested_minutes: int
    recovered_minutes: int
    unrecovered_minutes: int


def minimum_minutes(planned: int, min_minutes: int = 5, min_fraction: float = 0.5) -> int:
    """The shortest an item may be cut to: the larger floor, never above its plan."""
    return min(planned, max(min_minutes, math.ceil(planned * min_fraction)))


def rebalance(
    items: Sequence[AgendaEntry],
    overrun_minutes: int,
    from_index: int = 0,
    *,
    include_breaks: bool = False,
    min_minutes: int = 5,
    min_fraction: float = 0.5,
) -> RebalancePreview:
    """Take the time back: cut ``overrun_minutes`` from items not yet started.

    Only items at ``from_index`` or later that have not started are cut;
    protected items and lunch never, breaks only with ``include_breaks``. Cuts
    are proportional to planned length, capped so no item goes below
    ``minimum_minutes``, in whole minutes (largest remainder, ties to the
    earlier item). The caller applies the preview.
    """
    wanted = max(0, overrun_minutes)
    pool = [
        item
        for item in items[from_index:]
        if not item.started
        and not item.protected
        and item.kind != LUNCH
        and (include_breaks or item.kind != BREAK)
    ]
    room = {
        i.id: i.planned_minutes - minimum_minutes(i.planned_minutes, min_minutes, min_fraction)
        for i in pool
    }
    pool = [i for i in pool if room[i.id] > 0]
    total = min(wanted, sum(room.values()))
    shares = _proportional_capped(pool, room, total)
    cuts = {i.id: math.floor(shares[i.id]) for i in pool}
    order = sorted(pool, key=lambda i: -(shares[i.id] - cuts[i.id]))  # stable: earlier first
    for item in order[: total - sum(cuts.values())]:
        cuts[item.id] += 1
    changes = [
        Change(i.id, i.planned_minutes, i.planned_minutes - cuts[i.id]) for i in pool if cuts[i.id]
    ]
    return RebalancePreview(changes, wanted, total, wanted - total)


def _proportional_capped(
    pool: Sequence[AgendaEntry], room: dict[int, int], total: int
) -> dict[int, Fraction]:
    """Split ``total`` in proportion to planned length; an item at its cap hands the rest on."""
    shares: dict[int, Fraction] = {}
    open_items = list(pool)
    left = Fraction(total)
    while open_items and left > 0:
        weight = sum(i.planned_minutes for i in open_items)
        capped = [i for i in open_items if left * i.planned_minutes / weight >= room[i.id]]
        if not capped:
            for i in open_items:
                shares[i.id] = left * i.planned_minutes / weight
            break
        for i in capped:
            shares[i.id] = Fraction(room[i.id])
            left -= room[i.id]
        done = {i.id for i in capped}
        open_items = [i for i in open_items if i.id not in done]
    return {i.id: shares.get(i.id, Fraction(0)) for i in pool}


# -- content mix -------------------------------------------------------------

MIX_RULES: dict[str, dict[str, float]] = {
    # skills application / strategic alignment / motivation & culture
    "60/30/10": {"skills": 0.60, "strategy": 0.30, "culture": 0.10},
    # business strategy and training / networking, recognition and team
    "65/35": {"business": 0.65, "culture": 0.35},
}
_BUCKET = {"65/35": {"skills": "business", "strategy": "business", "culture": "culture"}}
MIX_TOLERANCE_POINTS = 5  # a bucket less than 5 percentage points off its target is on target


@dataclass(frozen=True)
class Share:
    bucket: str
    minutes: int
    share: float
    target: float

    @property
    def deviation(self) -> float:
        """Share minus target, as a fraction (+0.05 is five points over)."""
        return self.share - self.target

    @property
    def points(self) -> int:
        """The deviation in whole percentage points (+7: seven points over the target)."""
        return round(self.deviation * 100)

    @property
    def verdict(self) -> str:
        """'on target' within MIX_TOLERANCE_POINTS of the target, else 'over' or 'under'."""
        if abs(self.points) < MIX_TOLERANCE_POINTS:
            return "on target"
        return "over" if self.points > 0 else "under"


@dataclass(frozen=True)
class MixReport:
    rule: str
    shares: list[Share]
    counted_minutes: int
    untagged_minutes: int  # sessions with no tag: not in the shares
    untagged_ids: list[int]
    excluded_minutes: int  # breaks and lunch


def content_mix(items: Sequence[AgendaEntry], rule: str = "60/30/10") -> MixReport:
    """Share of session minutes per content kind against a mix rule."""
    targets = MIX_RULES[rule]
    bucket_of = _BUCKET.get(rule, {tag: tag for tag in targets})
    minutes = dict.fromkeys(targets, 0)
    untagged: list[int] = []
    untagged_minutes = excluded = 0
    for item in items:
        if item.kind != SESSION:
            excluded += item.planned_minutes
        elif item.content_tag not in bucket_of:
            untagged.append(item.id)
            untagged_minutes += item.planned_minutes
        else:
            minutes[bucket_of[item.content_tag]] += item.planned_minutes
    counted = sum(minutes.values())
    shares = [
        Share(b, minutes[b], minutes[b] / counted if counted else 0.0, target)
        for b, target in targets.items()
    ]
    return MixReport(rule, shares, counted, untagged_minutes, untagged, excluded)


# -- planned vs actual -------------------------------------------------------


@dataclass(frozen=True)
class PlannedVsActual:
    item_id: int
    title: str
    kind: str
    planned_start: datetime
    planned_end: datetime
    planned_minutes: int
    actual_start: datetime | None
    actual_end: datetime | None
    actual_minutes: float | None  # None until started; in progress counts to now

    @property
    def over_minutes(self) -> float | None:
        if self.actual_minutes is None:
            return None
        return self.actual_minutes - self.planned_minutes


def planned_vs_actual(
    items: Sequence[AgendaEntry], day_start: time | datetime, now: datetime
) -> list[PlannedVsActual]:
    """One row per item for the timeline chart."""
    rows = []
    for slot in plan(items, day_start, now):
        item = slot.item
        minutes: float | None = None
        if item.actual_start is not None:
            end = item.actual_end if item.actual_end is not None else now
            span = _aware(end, now) - _aware(item.actual_start, now)
            minutes = span.total_seconds() / 60
        rows.append(
            PlannedVsActual(
                item.id,
                item.title,
                item.kind,
                slot.start,
                slot.end,
                item.planned_minutes,
                item.actual_start,
                item.actual_end,
                minutes,
            )
        )
    return rows
