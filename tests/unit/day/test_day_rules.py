"""Rules for OKR carry-forward, presenter rotation, the feedback grid and the plan."""

from __future__ import annotations

import datetime as dt

from keeper.day.rules import (
    OkrSeed,
    feedback_grid,
    monthly_check_ins,
    okrs_to_carry,
    postmortem_minutes,
    suggest_presenters,
    tactic_flags,
)


def test_carry_forward_skips_okrs_already_brought_in() -> None:
    seeds = [OkrSeed(1, "5 of 6 months above budget", "5/6"), OkrSeed(2, "SDR hiring", "8"),
             OkrSeed(3, "Renewals at 90%", None)]
    assert [s.id for s in okrs_to_carry(seeds, [2, None])] == [1, 3]
    assert okrs_to_carry(seeds, [1, 2, 3]) == []


def test_postmortem_timeboxes_stay_between_10_and_15_minutes() -> None:
    assert postmortem_minutes(4) == 15
    assert postmortem_minutes(5) == 12
    assert postmortem_minutes(8) == 10
    assert postmortem_minutes(1) == 15


def test_presenters_rotate_to_who_has_not_presented() -> None:
    managers = {1: "John", 2: "Jane", 3: "Jill", 4: "Tommy", 5: "Ana"}
    history = [(1, dt.date(2025, 11, 1)), (2, dt.date(2026, 5, 1)), (3, dt.date(2025, 11, 1)),
               (3, dt.date(2026, 5, 1)), (99, dt.date(2026, 5, 1))]
    chosen = suggest_presenters(managers, history)
    assert [s.name for s in chosen] == ["Ana", "Tommy", "John"]
    assert chosen[0].reason == "has not presented at an offsite in this file"
    assert "Nov 2025" in chosen[2].reason


def test_feedback_grid_shows_what_is_missing() -> None:
    given = [(1, 2, "start"), (1, 2, "stop"), (1, 2, "continue"), (1, 3, "start"),
             (2, 1, "stop"), (3, 3, "start"), (9, 1, "start")]
    grid = feedback_grid([1, 2, 3], given)
    assert grid.pairs == 6  # nobody gives feedback to themselves
    assert grid.complete_pairs == 1
    assert grid.cells[(1, 3)].missing == ("stop", "continue")
    assert grid.missing_for_giver(1) == [3]
    assert grid.missing_for_receiver(1) == [2, 3]


def test_tactic_flags_at_and_around_the_limits() -> None:
    flags = tactic_flags([(1, "Hiring", 6, True), (2, "Renewals", 7, True),
                          (3, "Mid-market", 10, False), (4, "Partners", 11, True)])
    messages = [f.message for f in flags]
    assert messages == [
        "Hiring: 6 tactics; the plan asks for 7–10",
        "Mid-market: no owner yet",
        "Partners: 11 tactics is more than 10; focus on the few that matter",
    ]


def test_monthly_check_ins_clamp_to_month_end() -> None:
    assert monthly_check_ins(dt.date(2026, 1, 31), 3) == [
        dt.date(2026, 2, 28), dt.date(2026, 3, 31), dt.date(2026, 4, 30)]
    assert monthly_check_ins(dt.date(2026, 11, 23), 2) == [dt.date(2026, 12, 23),
                                                            dt.date(2027, 1, 23)]
