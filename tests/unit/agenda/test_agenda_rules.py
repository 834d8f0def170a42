from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from keeper.agenda.rules import (
    DEFAULT_MIX_RULE,
    effective_mix_rule,
    new_item_row,
    planned_starts,
    ran_over,
    totals,
)
from keeper.agenda.schedule import PlannedVsActual
from keeper.store.models import AgendaItem

DAY = date(2026, 11, 23)


def item(item_id: int, minutes: int, day: int = 1, kind: str = "session") -> AgendaItem:
    return AgendaItem(id=item_id, title=f"Item {item_id}", kind=kind, planned_minutes=minutes,
                      day=day, position=item_id, protected=False, warn_amber_s=120,
                      warn_red_s=30)


def test_each_day_starts_again_at_the_day_start() -> None:
    items = [item(1, 30), item(2, 15, kind="break"), item(3, 45, day=2), item(4, 20, day=2)]
    starts = planned_starts(items, time(9, 0), DAY)
    assert {k: f"{v:%H:%M}" for k, v in starts.items()} == {
        1: "09:00", 2: "09:30", 3: "09:00", 4: "09:45"}


def test_totals_count_sessions_minutes_and_the_planned_finish() -> None:
    items = [item(1, 30), item(2, 15, kind="break"), item(3, 60, kind="lunch"), item(4, 20)]
    t = totals(items, planned_starts(items, time(9, 0), DAY))
    assert (t.sessions, t.others, t.minutes) == (2, 2, 125)
    assert t.finish == datetime(2026, 11, 23, 11, 5)
    empty = totals([], {})
    assert (empty.sessions, empty.minutes, empty.finish) == (0, 0, None)


def test_unknown_mix_rules_fall_back_to_the_default() -> None:
    assert effective_mix_rule("65/35") == "65/35"
    assert effective_mix_rule(None) == DEFAULT_MIX_RULE
    assert effective_mix_rule("50/50") == DEFAULT_MIX_RULE


@pytest.mark.parametrize(("kind", "title", "minutes", "protected"), [
    ("session", "New session", 30, False), ("break", "Break", 15, False),
    ("lunch", "Lunch", 60, True)])
def test_new_items_have_defaults_and_join_the_day_before_them(
        kind: str, title: str, minutes: int, protected: bool) -> None:
    items = [item(1, 30), item(2, 30, day=2)]
    row = new_item_row(kind, items, 2)
    assert (row["title"], row["planned_minutes"], row["protected"], row["day"]) == (
        title, minutes, protected, 2)
    assert (row["warn_amber_s"], row["warn_red_s"]) == (120, 30)
    assert new_item_row(kind, items, 0)["day"] == 1  # at the top: day 1
    assert new_item_row(kind, [], 0)["day"] == 1


def test_an_item_is_over_time_past_half_a_minute() -> None:
    start = datetime(2026, 11, 23, 9, 0)

    def row(actual: float | None) -> PlannedVsActual:
        return PlannedVsActual(1, "x", "session", start, start + timedelta(minutes=10), 10,
                               start if actual is not None else None, None, actual)

    assert not ran_over(row(None))
    assert not ran_over(row(10.5))
    assert ran_over(row(10.6))
