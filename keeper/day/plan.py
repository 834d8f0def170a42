"""The charter and the operating plan: an initiative per big bet, its owner and tactics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow, SetPositions, next_position
from keeper.day.fields import (
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    DayError,
    require_changes,
    required_text,
    text_or_none,
)
from keeper.day.rules import TACTIC_STATUSES, tactic_flags
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import Charter, Cluster, PlanInitiative, Tactic
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line

CHARTER_FIELDS = ("what_we_will_do", "what_went_wrong", "how_the_plan_fixes_it")


@dataclass(frozen=True)
class TacticRow:
    id: int
    position: int
    text: str
    status: str


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    cluster_id: int | None
    cluster_title: str | None
    title: str
    owner_id: int | None
    owner_name: str | None
    tactics: tuple[TacticRow, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class BigBet:
    cluster_id: int
    title: str
    initiative_id: int | None


def load_plan(store: OffsiteStore, offsite_id: int, names: Mapping[int, str]
              ) -> tuple[list[BigBet], list[InitiativeRow], list[str]]:
    clusters = {c.id: c for c in store.session.scalars(
        select(Cluster).where(Cluster.offsite_id == offsite_id))}
    plan = list(store.session.scalars(
        select(PlanInitiative).where(PlanInitiative.offsite_id == offsite_id)
        .order_by(PlanInitiative.position, PlanInitiative.id)))
    tactics: dict[int, list[TacticRow]] = {p.id: [] for p in plan}
    for t in store.session.scalars(
            select(Tactic).where(Tactic.plan_initiative_id.in_(list(tactics)))
            .order_by(Tactic.position, Tactic.id)):
        tactics[t.plan_initiative_id].append(TacticRow(t.id, t.position, t.text, t.status))
    raw_flags = tactic_flags([(p.id, p.title, len(tactics[p.id]), p.owner_id is not None)
                              for p in plan])
    flags: dict[int, list[str]] = {}
    for flag in raw_flags:
        flags.setdefault(flag.initiative_id, []).append(flag.message)
    initiatives = [
        InitiativeRow(
            p.id, p.cluster_id, clusters[p.cluster_id].title if p.cluster_id in clusters else None,
            p.title, p.owner_id, names.get(p.owner_id) if p.owner_id is not None else None,
            tuple(tactics[p.id]), tuple(flags.get(p.id, [])))
        for p in plan
    ]
    by_cluster = {p.cluster_id: p.id for p in plan if p.cluster_id is not None}
    bets = [BigBet(c.id, c.title, by_cluster.get(c.id))
            for c in sorted(clusters.values(), key=lambda c: (c.y, c.x, c.id)) if c.big_bet]
    messages = [f"Big bet “{b.title}” has no initiative yet" for b in bets
                if b.initiative_id is None]
    messages += [f.message for f in raw_flags]
    return bets, initiatives, messages


def load_charter(store: OffsiteStore, offsite_id: int) -> dict[str, str]:
    """Each charter field's text ("" where none is written)."""
    charter = store.session.get(Charter, offsite_id)
    return {f: (getattr(charter, f) or "") if charter else "" for f in CHARTER_FIELDS}


def set_charter(offsite_id: int, values: Mapping[str, str | None]) -> PutRow:
    clean = {k: text_or_none(v, TEXT_MAX) for k, v in values.items() if k in CHARTER_FIELDS}
    if not clean:
        raise DayError("Nothing to change in the charter.")
    return PutRow(Charter, {"offsite_id": offsite_id}, clean, "Edit charter")


def add_initiative(store: OffsiteStore, offsite_id: int, title: str,
                   cluster_id: int | None = None, owner_id: int | None = None) -> InsertRow:
    clean = required_text(title, TITLE_MAX, "An initiative needs a title.", block=False)
    position = next_position(store, PlanInitiative, PlanInitiative.offsite_id == offsite_id)
    return InsertRow(PlanInitiative, {"offsite_id": offsite_id, "position": position,
                                      "title": clean, "cluster_id": cluster_id,
                                      "owner_id": owner_id}, "Add initiative")


def initiatives_for_big_bets(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """One initiative per big bet that has none, titled like the bet (None: all have one)."""
    bets, _initiatives, _flags = load_plan(store, offsite_id, {})
    missing = [b for b in bets if b.initiative_id is None]
    if not missing:
        return None
    start = next_position(store, PlanInitiative, PlanInitiative.offsite_id == offsite_id)
    parts: list[Operation] = [
        InsertRow(PlanInitiative, {"offsite_id": offsite_id, "position": start + n,
                                   "title": clean_line(b.title, TITLE_MAX) or "Initiative",
                                   "cluster_id": b.cluster_id})
        for n, b in enumerate(missing)
    ]
    return Composite(parts, f"Add initiative{'s' if len(parts) != 1 else ''} for big bets")


def edit_initiative(initiative_id: int, values: Mapping[str, Any]) -> SetFields:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "title":
            clean[key] = required_text(value, TITLE_MAX, "An initiative needs a title.",
                                       block=False)
        elif key in ("owner_id", "cluster_id"):
            clean[key] = value if value is None or isinstance(value, int) else None
    require_changes(clean)
    text = "Set owner" if set(clean) == {"owner_id"} else "Edit initiative"
    return SetFields(PlanInitiative, {"id": initiative_id}, clean, text)


def delete_initiative(initiative_id: int) -> DeleteRows:
    return DeleteRows(PlanInitiative, [{"id": initiative_id}], "Delete initiative")


def tactic_status(status: str) -> str:
    if status not in TACTIC_STATUSES:
        raise DayError(f"A tactic's status is one of: {', '.join(TACTIC_STATUSES)}.")
    return status


def add_tactic(store: OffsiteStore, initiative_id: int, text: str,
               status: str = TACTIC_STATUSES[0]) -> InsertRow:
    clean = required_text(text, SHORT_MAX, "Type the tactic first.", block=False)
    position = next_position(store, Tactic, Tactic.plan_initiative_id == initiative_id)
    return InsertRow(Tactic, {"plan_initiative_id": initiative_id, "position": position,
                              "text": clean, "status": tactic_status(status)}, "Add tactic")


def edit_tactic(tactic_id: int, text: str | None = None, status: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = required_text(
            text, SHORT_MAX, "A tactic cannot be empty; delete it instead.", block=False)
    if status is not None:
        values["status"] = tactic_status(status)
    require_changes(values)
    label = f"Mark tactic {status}" if set(values) == {"status"} else "Edit tactic"
    return SetFields(Tactic, {"id": tactic_id}, values, label)


def delete_tactic(tactic_id: int) -> DeleteRows:
    return DeleteRows(Tactic, [{"id": tactic_id}], "Delete tactic")


def reorder_tactics(tactic_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Tactic, list(tactic_ids), "Reorder tactics")
