"""Kickoff rules: tiers at and around thresholds, audit gaps, comp flag, goal links, survey."""

from __future__ import annotations

import pytest

from keeper.kickoff.rules import (
    GoalLinkError,
    Rating,
    Tier,
    check_link,
    compensation_flags,
    gap_level,
    goal_tree,
    heat_level,
    metric_status,
    recognition,
    revenue_against_goal,
    revenue_share,
    revenue_verdict,
    summarise_survey,
    team_gaps,
    tier_for,
    training_priorities,
    unlinked_goals,
)

TIERS = [Tier(1, "President's Club", 1.0), Tier(2, "Chairman's Club", 1.25)]


@pytest.mark.parametrize("attainment,expected", [
    (0.99, None), (0.9999, None), (1.0, "President's Club"), (1.2499, "President's Club"),
    (1.25, "Chairman's Club"), (1.25 - 1e-12, "Chairman's Club"), (1.7, "Chairman's Club"),
    (0.0, None),
])
def test_tier_at_and_around_thresholds(attainment: float, expected: str | None) -> None:
    tier = tier_for(attainment, TIERS)
    assert (tier.name if tier else None) == expected


def test_recognition_puts_each_person_in_one_tier_best_first() -> None:
    result = recognition({10: 1.1, 11: 1.3, 12: 0.8, 13: 1.25, 14: 1.0}, TIERS)
    assert result == {1: [10, 14], 2: [11, 13]}


def test_team_gaps_and_priorities() -> None:
    competencies = {1: "Discovery", 2: "Objection handling", 3: "Negotiation", 4: "Prospecting"}
    ratings = [
        Rating(100, 1, 8, 5), Rating(101, 1, 9, 6),        # discovery: +3
        Rating(100, 2, 7, 6), Rating(101, 2, 7, 6),        # objections: +1
        Rating(100, 3, 6, 7), Rating(101, 3, 5, 8),        # negotiation: under-confident
        Rating(100, 4, 8, None), Rating(101, 4, None, 4),  # no pair rated
    ]
    gaps = {g.name: g for g in team_gaps(ratings, competencies)}
    assert gaps["Discovery"].gap == pytest.approx(3.0)
    assert gaps["Negotiation"].gap == pytest.approx(-2.0)
    assert gaps["Prospecting"].gap is None and gaps["Prospecting"].rated == 0
    priorities = training_priorities(list(gaps.values()))
    assert [p.name for p in priorities] == ["Discovery", "Objection handling"]


def test_heat_levels() -> None:
    assert [heat_level(v) for v in (9, 8, 7.9, 6, 5.9, None)] == [
        "strong", "strong", "ok", "ok", "develop", ""]


@pytest.mark.parametrize("gap,band", [
    (3, "over"), (2, "over"), (1.99, "near"), (1, "near"), (0, "near"), (-1, "near"),
    (-1.99, "near"), (-2, "under"), (-4.5, "under"), (None, ""),
])
def test_gap_bands_at_and_around_two_points(gap: float | None, band: str) -> None:
    """Self minus manager: 2+ points either way is a band; the screen and both exports
    colour a cell by this one rule."""
    assert gap_level(gap) == band


@pytest.mark.parametrize("goal,actual,share,verdict", [
    (10_000_000, 10_000_000, 1.0, "met"), (100, 120, 1.2, "met"),
    (100, 99.99, 0.9999, "missed"), (100, 0, 0.0, "missed"),
    (None, 50, None, ""), (0, 50, None, ""), (100, None, None, ""),
])
def test_revenue_share_and_verdict(goal: float | None, actual: float | None,
                                   share: float | None, verdict: str) -> None:
    assert revenue_share(goal, actual) == (None if share is None else pytest.approx(share))
    assert revenue_verdict(goal, actual) == verdict


@pytest.mark.parametrize("title,notes,flagged", [
    ("New comp plan and accelerators", None, True),
    ("FY27 compensation overview", None, True),
    ("Q&A", "walk through commission changes", True),
    ("Competitive intelligence deep-dive", None, False),
    ("Company update", "comprehensive roadmap", False),
])
def test_compensation_flag(title: str, notes: str | None, flagged: bool) -> None:
    flags = compensation_flags([(7, title, notes)])
    assert bool(flags) == flagged
    if flagged:
        assert "within two weeks" in flags[0][1]


def test_goal_links_go_one_layer_down() -> None:
    layers = {1: "outcome", 2: "performance", 3: "development", 4: "outcome"}
    check_link(layers, 1, 2)
    check_link(layers, 2, 3)
    with pytest.raises(GoalLinkError):
        check_link(layers, 1, 3)
    with pytest.raises(GoalLinkError):
        check_link(layers, 2, 1)
    with pytest.raises(GoalLinkError):
        check_link(layers, 2, 2)


def test_goal_tree_shows_what_carries_revenue() -> None:
    goals = [(1, "outcome", "$2M Q1 pipeline"), (2, "performance", "240 discovery calls"),
             (3, "development", "4-question pain framework"), (4, "outcome", "Expansion $500k"),
             (5, "performance", "Orphan activity")]
    links = [(1, 2), (2, 3)]
    tree = goal_tree(goals, links)
    assert [n.text for n in tree] == ["$2M Q1 pipeline", "Expansion $500k"]
    assert tree[0].children[0].text == "240 discovery calls"
    assert tree[0].children[0].children[0].text == "4-question pain framework"
    messages = unlinked_goals(goals, links)
    assert "No activity goal carries “Expansion $500k”." in messages
    assert "“Orphan activity” is not linked to an outcome goal." in messages


def test_survey_summary_counts_averages_and_themes() -> None:
    responses = [
        ("Role-play sessions were great", "Too many slides in the keynote"),
        ("Loved the role play practice", "Keynote slides too long"),
        ("Role-plays with real deals", "Hotel wifi"),
        (None, None),
    ]
    ratings = [("Overall", 4), ("Overall", 5), ("Overall", 3), ("Content", 4.5)]
    summary = summarise_survey(responses, ratings)
    assert summary.responses == 4
    assert summary.averages == {"Overall": 4.0, "Content": 4.5}
    assert summary.rated["Overall"] == 3
    assert summary.went_well_themes and summary.went_well_themes[0][1] == 3


def test_revenue_and_metric_status() -> None:
    assert revenue_against_goal(10_000_000, 9_200_000) == (
        "Revenue 9,200,000 against a goal of 10,000,000: 92% (missed)")
    assert "not recorded" in revenue_against_goal(None, 5)
    assert revenue_against_goal(100, 100).endswith("100% (met)")
    assert metric_status(90, 92) == "met"
    assert metric_status(30, 35, higher_is_better=False) == "behind"
    assert metric_status(None, 1) == "no data"
