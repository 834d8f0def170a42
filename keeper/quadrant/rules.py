"""Situational mapping: reps on a skill (x) / motivation (y) board.

Pure rules, no Qt and no database: the store maps ``Placement`` rows into the
plain :class:`RepPlacement` below.

Both axes are continuous in ``[0, 1]`` with the midpoint at ``0.5``.

Axis rule: a value **at or above 0.5 counts as high**, below 0.5 as low. A rep
dropped exactly on an axis therefore lands on the high side (the top or the
right quadrant); the centre point ``(0.5, 0.5)`` is high motivation, high skill.
Input outside ``[0, 1]`` is clamped; NaN is rejected with ``ValueError``.
"""

from __future__ import annotations

import enum
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

MIDPOINT = 0.5
ENABLEMENT_THRESHOLD = 0.5
RETENTION_THRESHOLD = 0.4
MOVE_THRESHOLD = 0.05  # a shift under 5% of an axis between offsites is noise, not a move


class Quadrant(enum.StrEnum):
    """The four personas, in the guide's order. Values are stored in ``quadrant_note``."""

    LOW_LOW = "low_motivation_low_skill"
    HIGH_MOTIVATION_LOW_SKILL = "high_motivation_low_skill"
    BREATHERS = "low_motivation_high_skill"
    HIGH_HIGH = "high_motivation_high_skill"

    @property
    def high_skill(self) -> bool:
        return self in (Quadrant.BREATHERS, Quadrant.HIGH_HIGH)

    @property
    def high_motivation(self) -> bool:
        return self in (Quadrant.HIGH_MOTIVATION_LOW_SKILL, Quadrant.HIGH_HIGH)

    @property
    def axes(self) -> str:
        """The guide's description, e.g. ``"High motivation, low skill"``."""
        motivation = "High" if self.high_motivation else "Low"
        skill = "high" if self.high_skill else "low"
        return f"{motivation} motivation, {skill} skill"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def guidance(self) -> str:
        return _GUIDANCE[self]


_LABELS: dict[Quadrant, str] = {
    Quadrant.LOW_LOW: "Difficult conversation",
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: "Coach and upskill",
    Quadrant.BREATHERS: "Breathers",
    Quadrant.HIGH_HIGH: "Top of the pack",
}

_GUIDANCE: dict[Quadrant, str] = {
    Quadrant.LOW_LOW: (
        "A difficult conversation. First find out if there is any hope: why are they "
        "here? It may have been a mis-hire. This is not a plan to fire people."
    ),
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: (
        "More hands-on management with a focus on coaching and upskilling; "
        "sales enablement to move them to high skill."
    ),
    Quadrant.BREATHERS: (
        "Burned out and in need of a breather from the grind. Motivational speeches "
        "won't make a dent: give them a paid vacation to rest up and recharge."
    ),
    Quadrant.HIGH_HIGH: (
        "Find what makes them successful: what do they do differently, where do we "
        "find people like them? Don't assume they're fine: retain them with a "
        "promotion path."
    ),
}


def _checked(value: float, name: str) -> float:
    if math.isnan(value):
        raise ValueError(f"{name} is not a number (NaN)")
    return value


def clamp(value: float) -> float:
    """``value`` limited to ``[0, 1]``; NaN raises ``ValueError``."""
    return min(1.0, max(0.0, float(_checked(value, "value"))))


def quadrant_of(skill: float, motivation: float) -> Quadrant:
    """The quadrant of a point; 0.5 counts as high on either axis (see module doc)."""
    high_skill = clamp(_checked(skill, "skill")) >= MIDPOINT
    high_motivation = clamp(_checked(motivation, "motivation")) >= MIDPOINT
    if high_motivation:
        return Quadrant.HIGH_HIGH if high_skill else Quadrant.HIGH_MOTIVATION_LOW_SKILL
    return Quadrant.BREATHERS if high_skill else Quadrant.LOW_LOW


def nudge(skill: float, motivation: float, dx: float, dy: float) -> tuple[float, float]:
    """Move a point by ``(dx, dy)``, kept on the board (clamped to ``[0, 1]``)."""
    return clamp(skill + dx), clamp(motivation + dy)


# --- importing scores -------------------------------------------------------


class Scale(enum.StrEnum):
    UNIT = "0-1"
    ONE_TO_TEN = "1-10"


def detect_scale(values: Iterable[float]) -> Scale:
    """``ONE_TO_TEN`` if any value is above 1, else ``UNIT``.

    Detect from a whole imported column: a single ``1`` is ambiguous (top of
    ``0-1``, bottom of ``1-10``).
    """
    return Scale.ONE_TO_TEN if any(_checked(v, "value") > 1 for v in values) else Scale.UNIT


def to_unit(value: float, scale: Scale | None = None) -> float:
    """Convert an imported score to ``[0, 1]``: on ``1-10``, 1 → 0.0 and 10 → 1.0.

    Without ``scale`` the value alone decides (see :func:`detect_scale`, so a
    lone ``1`` reads as ``0-1`` → 1.0). Out-of-scale values are clamped.
    """
    scale = scale or detect_scale([value])
    if scale is Scale.ONE_TO_TEN:
        return clamp((value - 1) / 9)
    return clamp(value)


def column_to_unit(values: Iterable[float], scale: Scale | None = None) -> list[float]:
    """Convert a column of scores, detecting the scale from the whole column."""
    items = list(values)
    scale = scale or detect_scale(items)
    return [to_unit(v, scale) for v in items]


# --- placements and shares --------------------------------------------------


@dataclass(frozen=True)
class RepPlacement:
    """A rep on the board. Coordinates are clamped to ``[0, 1]``; NaN is rejected."""

    rep_id: int
    manager_id: int | None
    skill: float
    motivation: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "skill", clamp(_checked(self.skill, "skill")))
        object.__setattr__(self, "motivation", clamp(_checked(self.motivation, "motivation")))

    @cached_property
    def quadrant(self) -> Quadrant:  # asked thousands of times per refresh: computed once
        return quadrant_of(self.skill, self.motivation)


@dataclass(frozen=True)
class QuadrantShares:
    """Counts and shares per quadrant. Shares sum to 1, or are all 0 when empty."""

    total: int
    counts: Mapping[Quadrant, int]
    shares: Mapping[Quadrant, float]
    rep_ids: Mapping[Quadrant, tuple[int, ...]]

    def percentages(self) -> dict[Quadrant, int]:
        """Whole percentages that add up to exactly 100 (largest remainder), or all 0."""
        return whole_percentages(self.counts)


def whole_percentages(counts: Mapping[Quadrant, int]) -> dict[Quadrant, int]:
    """Each quadrant's share of ``counts`` in whole percentages adding up to exactly 100
    (largest remainder), or all 0 when there is nobody."""
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(Quadrant, 0)
    exact = {q: 100 * counts[q] / total for q in Quadrant}
    result = {q: math.floor(v) for q, v in exact.items()}
    by_remainder = sorted(Quadrant, key=lambda q: result[q] - exact[q])
    for q in by_remainder[: 100 - sum(result.values())]:
        result[q] += 1
    return result


def _index(placements: Iterable[RepPlacement]) -> dict[int, RepPlacement]:
    index: dict[int, RepPlacement] = {}
    for p in placements:
        if p.rep_id in index:
            raise ValueError(f"rep {p.rep_id} is placed twice")
        index[p.rep_id] = p
    return index


def shares(placements: Iterable[RepPlacement]) -> QuadrantShares:
    """Counts and shares over all placements. A rep placed twice raises ``ValueError``."""
    index = _index(placements)
    ids: dict[Quadrant, list[int]] = {q: [] for q in Quadrant}
    for rep_id, p in sorted(index.items()):
        ids[p.quadrant].append(rep_id)
    counts = {q: len(ids[q]) for q in Quadrant}
    total = len(index)
    return QuadrantShares(
        total=total,
        counts=counts,
        shares={q: counts[q] / total if total else 0.0 for q in Quadrant},
        rep_ids={q: tuple(ids[q]) for q in Quadrant},
    )


def shares_by_manager(placements: Iterable[RepPlacement]) -> dict[int | None, QuadrantShares]:
    """:func:`shares` per manager id (``None`` for reps without a manager)."""
    groups: defaultdict[int | None, list[RepPlacement]] = defaultdict(list)
    for p in _index(placements).values():
        groups[p.manager_id].append(p)
    return {manager: shares(group) for manager, group in groups.items()}


# --- flags ------------------------------------------------------------------


class FlagKind(enum.StrEnum):
    ENABLEMENT = "enablement"
    RETENTION = "retention"
    BREATHER = "breather"


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    message: str
    rep_ids: tuple[int, ...]


def _share_flag(
    result: QuadrantShares, quadrant: Quadrant, threshold: float, kind: FlagKind, advice: str
) -> Flag | None:
    if not result.total or result.shares[quadrant] < threshold:
        return None
    pct = result.percentages()[quadrant]
    message = (
        f"{result.counts[quadrant]} of {result.total} reps ({pct}%) are "
        f"{quadrant.axes.lower()}: {advice}"
    )
    return Flag(kind, message, result.rep_ids[quadrant])


def _breathers(current: Iterable[RepPlacement], previous: Iterable[RepPlacement]) -> Flag | None:
    before = _index(previous)
    ids = tuple(
        p.rep_id
        for p in sorted(_index(current).values(), key=lambda p: p.rep_id)
        if p.rep_id in before
        and before[p.rep_id].quadrant is Quadrant.HIGH_HIGH
        and not p.quadrant.high_motivation
    )
    if not ids:
        return None
    message = (
        f"{len(ids)} rep(s) were high motivation, high skill at the last offsite and now "
        "show low motivation: likely burned out and in need of a breather "
        "(a paid vacation to recharge), not a motivational speech."
    )
    return Flag(FlagKind.BREATHER, message, ids)


def flags(
    current: Iterable[RepPlacement],
    previous: Iterable[RepPlacement] = (),
    *,
    enablement_threshold: float = ENABLEMENT_THRESHOLD,
    retention_threshold: float = RETENTION_THRESHOLD,
) -> list[Flag]:
    """The guide's warnings. A share flag fires when the share is **at or above** its threshold.

    - enablement: many high motivation, low skill reps (the guide's 70% after aggressive hiring);
    - retention: many high motivation, high skill reps (the guide's 40%) need a promotion path;
    - breather: reps high/high at the previous offsite whose motivation is now low
      (landing in either low-motivation quadrant).
    """
    current = list(current)
    result = shares(current)
    found = [
        _share_flag(
            result,
            Quadrant.HIGH_MOTIVATION_LOW_SKILL,
            enablement_threshold,
            FlagKind.ENABLEMENT,
            "focus on sales enablement to move them to high skill.",
        ),
        _share_flag(
            result,
            Quadrant.HIGH_HIGH,
            retention_threshold,
            FlagKind.RETENTION,
            "is there a promotion path? Without one you risk losing your best people.",
        ),
        _breathers(current, previous),
    ]
    return [f for f in found if f is not None]


# --- movement between offsites ----------------------------------------------


@dataclass(frozen=True)
class Movement:
    """One rep between two offsites. ``before``/``after`` is ``None`` when absent then/now;
    ``dx``/``dy``/``distance`` are ``None`` unless the rep is on both boards."""

    rep_id: int
    before: Quadrant | None
    after: Quadrant | None
    dx: float | None
    dy: float | None
    distance: float | None

    @property
    def is_new(self) -> bool:
        return self.before is None

    @property
    def is_gone(self) -> bool:
        return self.after is None

    @property
    def changed_quadrant(self) -> bool:
        return self.before is not self.after

    @property
    def skill_trend(self) -> str:
        return trend(self.dx)

    @property
    def motivation_trend(self) -> str:
        return trend(self.dy)


def trend(delta: float | None) -> str:
    """'up' or 'down' for a shift of at least MOVE_THRESHOLD along an axis; '' for less,
    or when the rep is not on both boards."""
    if delta is None or abs(delta) < MOVE_THRESHOLD:
        return ""
    return "up" if delta > 0 else "down"


def movements(previous: Iterable[RepPlacement], current: Iterable[RepPlacement]) -> list[Movement]:
    """Every rep on either board, sorted by rep id."""
    before, after = _index(previous), _index(current)
    result = []
    for rep_id in sorted(before.keys() | after.keys()):
        old, new = before.get(rep_id), after.get(rep_id)
        if old is None or new is None:
            dx = dy = distance = None
        else:
            dx, dy = new.skill - old.skill, new.motivation - old.motivation
            distance = math.hypot(dx, dy)
        result.append(
            Movement(
                rep_id,
                old.quadrant if old else None,
                new.quadrant if new else None,
                dx,
                dy,
                distance,
            )
        )
    return result
