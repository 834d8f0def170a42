"""Rules for the rest of the offsite day: OKRs carried forward, presenter rotation,
the Start/Stop/Continue grid, and the operating plan's tactic counts. Pure: no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from keeper.dates import monthly_check_ins  # noqa: F401 (one rule, kept light for the demo)
from keeper.store.kinds import FeedbackKind

FEEDBACK_KINDS = tuple(FeedbackKind)  # start, stop, continue: the order shown
TACTICS_MIN, TACTICS_MAX = 7, 10
TACTIC_STATUSES = ("not started", "on track", "at risk", "off track", "done")


# ----- OKRs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OkrSeed:
    """An OKR set at the previous offsite, to be reviewed now."""

    id: int
    objective: str
    target: str | None


def okrs_to_carry(previous_next: Sequence[OkrSeed],
                  already_carried_from: Iterable[int | None]) -> list[OkrSeed]:
    """The previous offsite's OKRs not yet brought into this offsite's postmortem, in order."""
    done = {i for i in already_carried_from if i is not None}
    return [seed for seed in previous_next if seed.id not in done]


def postmortem_minutes(okr_count: int, hour: int = 60, low: int = 10, high: int = 15) -> int:
    """Minutes per OKR timebox: the guide's hour shared out, kept within 10-15 minutes."""
    if okr_count <= 0:
        return high
    return max(low, min(high, hour // okr_count))


# ----- best practices ---------------------------------------------------------------------


@dataclass(frozen=True)
class PresenterSuggestion:
    person_id: int
    name: str
    last_presented: dt.date | None
    times_presented: int

    @property
    def reason(self) -> str:
        if self.last_presented is None:
            return "has not presented at an offsite in this file"
        times = "once" if self.times_presented == 1 else f"{self.times_presented} times"
        return f"last presented {self.last_presented:%b %Y} ({times})"


def suggest_presenters(
    managers: Mapping[int, str],
    history: Iterable[tuple[int, dt.date | None]],
    count: int = 3,
) -> list[PresenterSuggestion]:
    """Rotate: managers who never presented first, then who presented longest ago.

    ``history`` holds (presenter id, offsite date) for earlier offsites' talks.
    """
    last: dict[int, dt.date | None] = {}
    times: dict[int, int] = {}
    for person_id, date in history:
        if person_id not in managers:
            continue
        times[person_id] = times.get(person_id, 0) + 1
        previous = last.get(person_id)
        if date is not None and (previous is None or date > previous):
            last[person_id] = date
        else:
            last.setdefault(person_id, previous)
    suggestions = [
        PresenterSuggestion(pid, name, last.get(pid), times.get(pid, 0))
        for pid, name in managers.items()
    ]
    suggestions.sort(key=lambda s: (
        s.times_presented > 0,
        s.last_presented or dt.date.min,
        s.times_presented,
        s.name.casefold(),
    ))
    return suggestions[:count]


# ----- Start / Stop / Continue --------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackCell:
    giver_id: int
    receiver_id: int
    kinds: frozenset[str]

    @property
    def complete(self) -> bool:
        return self.kinds >= set(FEEDBACK_KINDS)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(k for k in FEEDBACK_KINDS if k not in self.kinds)


@dataclass(frozen=True)
class FeedbackGrid:
    people: tuple[int, ...]
    cells: dict[tuple[int, int], FeedbackCell]

    @property
    def pairs(self) -> int:
        return len(self.cells)

    @property
    def complete_pairs(self) -> int:
        return sum(1 for c in self.cells.values() if c.complete)

    def missing_for_giver(self, giver_id: int) -> list[int]:
        """Whom ``giver_id`` still owes feedback (any of start/stop/continue missing)."""
        return [r for r in self.people
                if r != giver_id and not self.cells[(giver_id, r)].complete]

    def missing_for_receiver(self, receiver_id: int) -> list[int]:
        return [g for g in self.people
                if g != receiver_id and not self.cells[(g, receiver_id)].complete]


def feedback_grid(attendees: Sequence[int],
                  given: Iterable[tuple[int, int, str]]) -> FeedbackGrid:
    """Every attendee gives feedback to every other: which pairs are complete.

    ``given`` holds (giver, receiver, kind) for feedback with text.
    """
    people = tuple(dict.fromkeys(attendees))
    kinds: dict[tuple[int, int], set[str]] = {
        (g, r): set() for g in people for r in people if g != r
    }
    for giver, receiver, kind in given:
        if (giver, receiver) in kinds and kind in FEEDBACK_KINDS:
            kinds[(giver, receiver)].add(kind)
    cells = {pair: FeedbackCell(pair[0], pair[1], frozenset(k)) for pair, k in kinds.items()}
    return FeedbackGrid(people, cells)


# ----- operating plan --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFlag:
    initiative_id: int
    message: str


def tactic_flags(initiatives: Sequence[tuple[int, str, int, bool]]) -> list[PlanFlag]:
    """(id, title, tactic count, has owner) → flags: 7-10 tactics and an owner each."""
    flags: list[PlanFlag] = []
    for initiative_id, title, count, has_owner in initiatives:
        if count < TACTICS_MIN:
            flags.append(PlanFlag(initiative_id, f"{title}: {count} tactics; the plan asks for "
                                                 f"{TACTICS_MIN}–{TACTICS_MAX}"))
        elif count > TACTICS_MAX:
            flags.append(PlanFlag(initiative_id, f"{title}: {count} tactics is more than "
                                                 f"{TACTICS_MAX}; focus on the few that matter"))
        if not has_owner:
            flags.append(PlanFlag(initiative_id, f"{title}: no owner yet"))
    return flags
