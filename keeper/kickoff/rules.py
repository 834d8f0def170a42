"""Sales kickoff rules: recognition tiers, the reality audit's gaps and training priorities,
the compensation flag, goal links, survey summary. Pure: no database."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from keeper.store.kinds import GoalLayer

DEFAULT_COMPETENCIES = (
    "Discovery questioning",
    "Objection handling",
    "Competitive differentiation",
    "Value articulation",
    "Negotiation and closing",
    "Pipeline management",
    "Prospecting",
    "Product knowledge",
)
DEFAULT_TIERS = (("President's Club", 1.0), ("Chairman's Club", 1.25))
HORIZONS = ("0-7 days", "1-8 weeks", "2-12 months")
CHECKPOINTS = (30, 60, 90)
SESSION_FORMATS = ("keynote", "role-play", "breakout", "success-story panel")

COMPENSATION_ADVICE = (
    "Compensation in the kickoff: sales people react strongly to new comp plans and the "
    "hallway talk defocuses them. Tell the team before the kickoff that a separate "
    "compensation call will be held within two weeks of it, and take this session out."
)
_COMP_WORDS = re.compile(
    r"\b(comp|compensation|comp plans?|commissions?|ote|accelerators?|quota relief|"
    r"pay ?plans?|incentive plans?|bonus(es)?|payouts?|spiffs?)\b",
    re.IGNORECASE,
)


# ----- recognition --------------------------------------------------------------------------


@dataclass(frozen=True)
class Tier:
    id: int
    name: str
    threshold: float  # share of plan, 1.0 = 100%


def tier_for(attainment: float, tiers: Sequence[Tier]) -> Tier | None:
    """The highest tier whose threshold the attainment reaches (at the threshold counts).

    Compared in whole basis points so that 1.2499999 (a float read from a spreadsheet
    as 124.99999%) is not mistaken for 125%, and 1.25 exactly is.
    """
    reached = [t for t in tiers if round(attainment * 10000) >= round(t.threshold * 10000)]
    return max(reached, key=lambda t: t.threshold, default=None)


def recognition(attainments: Mapping[int, float], tiers: Sequence[Tier]) -> dict[int, list[int]]:
    """Tier id → person ids in it, highest attainment first. Each person is in one tier."""
    by_tier: dict[int, list[int]] = {t.id: [] for t in tiers}
    for person_id, value in sorted(attainments.items(), key=lambda kv: (-kv[1], kv[0])):
        tier = tier_for(value, tiers)
        if tier is not None:
            by_tier[tier.id].append(person_id)
    return by_tier


# ----- performance reality audit --------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    person_id: int
    competency_id: int
    self_rating: float | None
    manager_rating: float | None

    @property
    def gap(self) -> float | None:
        """Self-assessment minus actual (the manager's rating): positive = over-confident."""
        if self.self_rating is None or self.manager_rating is None:
            return None
        return self.self_rating - self.manager_rating


@dataclass(frozen=True)
class TeamGap:
    competency_id: int
    name: str
    self_mean: float | None
    manager_mean: float | None
    gap: float | None
    rated: int


def team_gaps(ratings: Iterable[Rating], competencies: Mapping[int, str]) -> list[TeamGap]:
    """Per competency: mean self, mean manager rating, mean gap over reps rated on both."""
    grouped: dict[int, list[Rating]] = defaultdict(list)
    for rating in ratings:
        grouped[rating.competency_id].append(rating)
    result = []
    for cid, name in competencies.items():
        rows = grouped.get(cid, [])
        selfs = [r.self_rating for r in rows if r.self_rating is not None]
        managers = [r.manager_rating for r in rows if r.manager_rating is not None]
        gaps = [g for r in rows if (g := r.gap) is not None]
        result.append(TeamGap(
            cid, name,
            statistics.fmean(selfs) if selfs else None,
            statistics.fmean(managers) if managers else None,
            statistics.fmean(gaps) if gaps else None,
            len(gaps),
        ))
    return result


def training_priorities(gaps: Sequence[TeamGap], count: int = 3) -> list[TeamGap]:
    """Largest over-confidence first (self above actual); ties → lower actual rating first."""
    ranked = [g for g in gaps if g.gap is not None and g.gap > 0]
    ranked.sort(key=lambda g: (-(g.gap or 0.0), g.manager_mean or 0.0, g.name.casefold()))
    return ranked[:count]


def heat_level(value: float | None) -> str:
    """A 1-10 rating as a heat-map band: 'strong' ≥ 8, 'ok' ≥ 6, 'develop' below, '' missing."""
    if value is None:
        return ""
    if value >= 8:
        return "strong"
    return "ok" if value >= 6 else "develop"


GAP_BAND = 2.0  # points on the 1-10 scale: a gap this big, either way, is worth talking about


def gap_level(gap: float | None) -> str:
    """Self minus manager rating as a band: 'over' at +2 or more (over-confident: a training
    need), 'under' at -2 or less, 'near' between, '' when either rating is missing."""
    if gap is None:
        return ""
    if gap >= GAP_BAND:
        return "over"
    return "under" if gap <= -GAP_BAND else "near"


# ----- agenda --------------------------------------------------------------------------------


def is_compensation_session(title: str, notes: str | None = None) -> bool:
    return bool(_COMP_WORDS.search(title) or (notes and _COMP_WORDS.search(notes)))


def compensation_flags(items: Iterable[tuple[int, str, str | None]]) -> list[tuple[int, str]]:
    """(item id, title, notes) → (item id, advice) for sessions about compensation."""
    return [(item_id, COMPENSATION_ADVICE) for item_id, title, notes in items
            if is_compensation_session(title, notes)]


# ----- goal architecture ------------------------------------------------------------------------

LAYER_ORDER: dict[str, int] = {layer: n for n, layer in enumerate(GoalLayer)}  # top to bottom


@dataclass(frozen=True)
class GoalNode:
    id: int
    layer: str
    text: str
    children: tuple[GoalNode, ...] = ()


class GoalLinkError(ValueError):
    pass


def check_link(layers: Mapping[int, str], parent_id: int, child_id: int) -> None:
    """A link goes one layer down: outcome ← performance ← development."""
    if parent_id == child_id:
        raise GoalLinkError("A goal cannot carry itself.")
    parent, child = layers[parent_id], layers[child_id]
    if LAYER_ORDER[child] != LAYER_ORDER[parent] + 1:
        raise GoalLinkError(
            f"A {child} goal cannot carry a {parent} goal: revenue (outcome) goals are "
            "carried by activity (performance) goals, and those by skill (development) goals."
        )


def goal_tree(goals: Sequence[tuple[int, str, str]],
              links: Iterable[tuple[int, int]]) -> list[GoalNode]:
    """Each outcome goal with the performance goals that carry it and their skills."""
    by_id = {gid: (layer, text) for gid, layer, text in goals}
    children: dict[int, list[int]] = defaultdict(list)
    for parent, child in links:
        if parent in by_id and child in by_id:
            children[parent].append(child)

    def build(gid: int, depth: int) -> GoalNode:
        layer, text = by_id[gid]
        kids = () if depth > 2 else tuple(build(c, depth + 1) for c in sorted(children[gid]))
        return GoalNode(gid, layer, text, kids)

    return [build(gid, 0) for gid, layer, _ in goals if layer == GoalLayer.OUTCOME]


def unlinked_goals(goals: Sequence[tuple[int, str, str]],
                   links: Iterable[tuple[int, int]]) -> list[str]:
    """Messages for goals not connected: outcomes nothing carries, activities/skills carrying
    nothing."""
    links = list(links)
    carried = {p for p, _ in links}
    carrying = {c for _, c in links}
    messages = []
    for gid, layer, text in goals:
        if layer == GoalLayer.OUTCOME and gid not in carried:
            messages.append(f"No activity goal carries “{text}”.")
        elif layer == GoalLayer.PERFORMANCE and gid not in carrying:
            messages.append(f"“{text}” is not linked to an outcome goal.")
        elif layer == GoalLayer.PERFORMANCE and gid not in carried:
            messages.append(f"No skill goal supports “{text}”.")
        elif layer == GoalLayer.DEVELOPMENT and gid not in carrying:
            messages.append(f"“{text}” is not linked to an activity goal.")
    return messages


# ----- look back: survey -------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveySummary:
    responses: int
    averages: dict[str, float]
    rated: dict[str, int]
    went_well_themes: list[tuple[str, int]]
    to_improve_themes: list[tuple[str, int]]


def summarise_survey(
    responses: Sequence[tuple[str | None, str | None]],
    ratings: Iterable[tuple[str, float]],
    top: int = 5,
) -> SurveySummary:
    """Counts, average per rating question, and the most frequent themes of the comments."""
    from keeper.board.clustering import suggest_clusters

    values: dict[str, list[float]] = defaultdict(list)
    for question, value in ratings:
        values[question].append(value)

    def themes(texts: list[str]) -> list[tuple[str, int]]:
        numbered = [(n, t) for n, t in enumerate(texts) if t and t.strip()]
        counts = Counter({s.title: len(s.note_ids) for s in suggest_clusters(numbered)
                          if len(s.note_ids) > 1})
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]

    return SurveySummary(
        responses=len(responses),
        averages={q: round(statistics.fmean(v), 2) for q, v in values.items()},
        rated={q: len(v) for q, v in values.items()},
        went_well_themes=themes([w or "" for w, _ in responses]),
        to_improve_themes=themes([i or "" for _, i in responses]),
    )


def revenue_share(goal: float | None, actual: float | None) -> float | None:
    """Actual revenue as a share of the goal (1.0 = exactly on goal); None unless both are
    recorded and the goal is not zero."""
    if not goal or actual is None:
        return None
    return actual / goal


def revenue_verdict(goal: float | None, actual: float | None) -> str:
    """'met' at 100% of goal or more, 'missed' below, '' when not recorded."""
    share = revenue_share(goal, actual)
    if share is None:
        return ""
    return "met" if share >= 1 else "missed"


def revenue_against_goal(goal: float | None, actual: float | None) -> str:
    share = revenue_share(goal, actual)
    if share is None or goal is None or actual is None:
        return "Revenue against goal: not recorded"
    return (f"Revenue {actual:,.0f} against a goal of {goal:,.0f}: {share:.0%} "
            f"({revenue_verdict(goal, actual)})")


# ----- follow-through ---------------------------------------------------------------------------


def metric_status(target: float | None, latest: float | None, higher_is_better: bool = True) -> str:
    """'met', 'behind' or 'no data' for a success-grid metric's latest measure."""
    if target is None or latest is None:
        return "no data"
    met = latest >= target if higher_is_better else latest <= target
    return "met" if met else "behind"
