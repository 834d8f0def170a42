"""The three goal layers (outcome, performance, development) and the links that carry them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.day.edits import SetPositions
from keeper.kickoff.fields import SkoError, next_position, one_line
from keeper.kickoff.rules import GoalLinkError, GoalNode, check_link, goal_tree, unlinked_goals
from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.store.models import Goal, GoalLayer, GoalLink
from keeper.store.offsite_file import OffsiteStore

LAYERS = (GoalLayer.OUTCOME, GoalLayer.PERFORMANCE, GoalLayer.DEVELOPMENT)
LAYER_TITLES = {"outcome": "Outcome goals", "performance": "Performance goals",
                "development": "Development goals"}
LAYER_HINTS = {"outcome": "revenue, pipeline, expansion",
               "performance": "activities: calls, meetings, proposals",
               "development": "skills each rep will demonstrate"}


@dataclass(frozen=True)
class GoalRow:
    id: int
    layer: str
    position: int
    text: str
    target: str | None


@dataclass
class Goals:
    goals: list[GoalRow] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)  # (parent, child)
    tree: list[GoalNode] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def layer(self, layer: str) -> list[GoalRow]:
        return [g for g in self.goals if g.layer == layer]

    def by_id(self, goal_id: int) -> GoalRow | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def parents(self, goal_id: int) -> set[int]:
        return {p for p, c in self.links if c == goal_id}

    def children(self, goal_id: int) -> set[int]:
        return {c for p, c in self.links if p == goal_id}

    def connected(self, goal_id: int) -> set[int]:
        """Everything that carries this goal (below) and that it carries (above)."""
        found = {goal_id}
        frontier = [goal_id]
        while frontier:
            nxt = [c for g in frontier for c in self.children(g) if c not in found]
            found.update(nxt)
            frontier = nxt
        frontier = [goal_id]
        while frontier:
            nxt = [p for g in frontier for p in self.parents(g) if p not in found]
            found.update(nxt)
            frontier = nxt
        return found


def load_goals(store: OffsiteStore, offsite_id: int) -> Goals:
    rows = list(store.session.scalars(select(Goal).where(Goal.offsite_id == offsite_id)))
    rows.sort(key=lambda g: (LAYERS.index(g.layer) if g.layer in LAYERS else 9, g.position, g.id))
    goals = [GoalRow(g.id, g.layer, g.position, g.text, g.target) for g in rows]
    ids = {g.id for g in goals}
    links = sorted((p, c) for p, c in store.session.execute(
        select(GoalLink.parent_id, GoalLink.child_id)) if p in ids and c in ids)
    triples = [(g.id, g.layer, g.text) for g in goals if g.layer in LAYERS]
    return Goals(goals, links, goal_tree(triples, links), unlinked_goals(triples, links))


def add_goal(store: OffsiteStore, offsite_id: int, layer: str, text: str,
             target: str | None = None) -> InsertRow:
    if layer not in LAYERS:
        raise SkoError(f"A goal is an outcome, performance or development goal, not {layer!r}.")
    clean = one_line(text, 1000)
    if not clean:
        raise SkoError("Write the goal first.")
    position = next_position(store, Goal, Goal.offsite_id == offsite_id, Goal.layer == layer)
    return InsertRow(Goal, {"offsite_id": offsite_id, "layer": layer, "position": position,
                            "text": clean, "target": one_line(target or "", 300) or None},
                     f"Add {layer} goal")


def edit_goal(goal_id: int, *, text: object = ..., target: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if text is not ...:
        clean = one_line(text, 1000)
        if not clean:
            raise SkoError("A goal cannot be empty; delete it instead.")
        values["text"] = clean
    if target is not ...:
        values["target"] = one_line(target or "", 300) or None
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(Goal, {"id": goal_id}, values, "Edit goal")


def delete_goal(goal_id: int) -> DeleteRows:
    """Delete a goal and its links (undo brings both back)."""
    return DeleteRows(Goal, [{"id": goal_id}], "Delete goal")


def reorder_goals(ids: Sequence[int]) -> SetPositions:
    return SetPositions(Goal, list(ids), "Reorder goals")


def _layers(store: OffsiteStore, *goal_ids: int) -> dict[int, str]:
    rows = store.session.scalars(select(Goal).where(Goal.id.in_(goal_ids)))
    found: dict[int, str] = {g.id: g.layer for g in rows}
    if len(found) != len(set(goal_ids)):
        raise SkoError("That goal is no longer in the file.")
    return found


def link_goals(store: OffsiteStore, parent_id: int, child_id: int) -> InsertRow:
    """``child`` carries ``parent`` (an activity carries revenue, a skill an activity)."""
    layers = _layers(store, parent_id, child_id)
    try:
        check_link(layers, parent_id, child_id)
    except GoalLinkError as exc:
        raise SkoError(str(exc)) from exc
    if store.session.get(GoalLink, (parent_id, child_id)) is not None:
        raise SkoError("These two goals are already linked.")
    return InsertRow(GoalLink, {"parent_id": parent_id, "child_id": child_id}, "Link goals")


def link_pair(store: OffsiteStore, a: int, b: int) -> InsertRow:
    """Link two goals whichever way round they were picked: the upper layer is carried."""
    layers = _layers(store, a, b)
    if a != b and LAYERS.index(layers[b]) < LAYERS.index(layers[a]):
        a, b = b, a
    return link_goals(store, a, b)


def unlink_goals(store: OffsiteStore, parent_id: int, child_id: int) -> DeleteRows:
    if store.session.get(GoalLink, (parent_id, child_id)) is None:
        raise SkoError("These two goals are not linked.")
    return DeleteRows(GoalLink, [{"parent_id": parent_id, "child_id": child_id}], "Unlink goals")
