"""The agenda's computed figures: start times over several days, totals, new-item defaults.

Pure rules over ``AgendaItem`` rows (read, never written); the agenda view
only shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from keeper.agenda import schedule
from keeper.agenda.ops import days_of, entry_of
from keeper.agenda.timer import DEFAULT_AMBER_S, DEFAULT_RED_S
from keeper.store.models import AgendaItem, ItemKind

DEFAULT_MIX_RULE = "60/30/10"
OVERRUN_TOLERANCE_MIN = 0.5  # the timeline marks an item over time past half a minute

# kind -> (title, minutes, protected)
NEW_ITEM_DEFAULTS: dict[str, tuple[str, int, bool]] = {
    ItemKind.SESSION: ("New session", 30, False),
    ItemKind.BREAK: ("Break", 15, False),
    ItemKind.LUNCH: ("Lunch", 60, True),
}


def planned_starts(items: Sequence[AgendaItem], day_start: dt.time | dt.datetime,
                   on: dt.date) -> dict[int, dt.datetime]:
    """Each item's planned start: every day runs back to back from the day start."""
    starts: dict[int, dt.datetime] = {}
    for day in days_of(items):
        day_items = [i for i in items if i.day == day]
        for slot in schedule.plan([entry_of(i) for i in day_items], day_start, on):
            starts[slot.item.id] = slot.start
    return starts


@dataclass(frozen=True)
class AgendaTotals:
    sessions: int
    others: int  # breaks and lunch
    minutes: int
    finish: dt.datetime | None  # the planned end of the last item


def totals(items: Sequence[AgendaItem], starts: dict[int, dt.datetime]) -> AgendaTotals:
    sessions = sum(1 for i in items if i.kind == ItemKind.SESSION)
    last = items[-1] if items else None
    finish = (starts[last.id] + dt.timedelta(minutes=last.planned_minutes)
              if last is not None and starts else None)
    return AgendaTotals(sessions, len(items) - sessions,
                        sum(i.planned_minutes for i in items), finish)


def effective_mix_rule(rule: str | None) -> str:
    """The offsite's content-mix rule, or the default when it names none we know."""
    return rule if rule in schedule.MIX_RULES else DEFAULT_MIX_RULE


def new_item_row(kind: str, items: Sequence[AgendaItem], at: int) -> dict[str, Any]:
    """The values of an item added at row ``at``: it joins the day of the item before it."""
    title, minutes, protected = NEW_ITEM_DEFAULTS[kind]
    day = items[at - 1].day if 0 < at <= len(items) else 1
    return {"title": title, "kind": kind, "planned_minutes": minutes, "protected": protected,
            "day": day, "warn_amber_s": DEFAULT_AMBER_S, "warn_red_s": DEFAULT_RED_S}


def ran_over(row: schedule.PlannedVsActual) -> bool:
    """Whether the timeline marks an item as having run over its planned length."""
    return (row.over_minutes or 0) > OVERRUN_TOLERANCE_MIN
