"""Recognition: tiers of plan attainment, and each rep's attainment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow
from keeper.kickoff.fields import ATTAINMENT_MAX, THRESHOLD_MAX, SkoError, one_line, parse_share
from keeper.kickoff.people import SkoPerson, kickoff_reps
from keeper.kickoff.rules import DEFAULT_TIERS, Tier, recognition
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import Attainment, Person, RecognitionTier
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line


@dataclass
class Recognition:
    tiers: list[Tier] = field(default_factory=list)  # lowest threshold first
    reps: list[SkoPerson] = field(default_factory=list)
    attainment: dict[int, float] = field(default_factory=dict)
    by_tier: dict[int, list[int]] = field(default_factory=dict)

    def tier_of(self, person_id: int) -> Tier | None:
        for tier in self.tiers:
            if person_id in self.by_tier.get(tier.id, []):
                return tier
        return None

    @property
    def below(self) -> list[int]:
        placed = {p for ids in self.by_tier.values() for p in ids}
        return sorted((p for p in self.attainment if p not in placed),
                      key=lambda p: -self.attainment[p])


def load_recognition(store: OffsiteStore, offsite_id: int) -> Recognition:
    tiers = sorted((Tier(t.id, t.name, t.threshold) for t in store.session.scalars(
        select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id))),
        key=lambda t: (t.threshold, t.id))
    attainment = {pid: value for pid, value in store.session.execute(
        select(Attainment.person_id, Attainment.attainment)
        .where(Attainment.offsite_id == offsite_id))}
    return Recognition(tiers, kickoff_reps(store, offsite_id), attainment,
                       recognition(attainment, tiers))


def _check_threshold(value: object) -> float:
    parsed = parse_share(value)
    if parsed is None:
        raise SkoError(f"A threshold is a share of plan such as 100% or 125%, "
                       f"not {clean_line(value)[:30]!r}.")
    if not 0 < parsed <= THRESHOLD_MAX:
        raise SkoError(f"A threshold must be above 0% and at most {THRESHOLD_MAX:.0%} of plan.")
    return parsed


def default_tiers(store: OffsiteStore, offsite_id: int) -> Composite:
    have = {t.name.casefold() for t in store.session.scalars(
        select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id))}
    parts: list[Operation] = [
        InsertRow(RecognitionTier, {"offsite_id": offsite_id, "name": name, "threshold": share})
        for name, share in DEFAULT_TIERS if name.casefold() not in have]
    if not parts:
        raise SkoError("The default tiers are there already.")
    return Composite(parts, "Add the default tiers")


def _check_tier_name(store: OffsiteStore, offsite_id: int, name: object,
                     except_id: int | None = None) -> str:
    clean = one_line(name)
    if not clean:
        raise SkoError("A tier needs a name (for example President's Club).")
    for tier in store.session.scalars(
            select(RecognitionTier).where(RecognitionTier.offsite_id == offsite_id)):
        if tier.id != except_id and tier.name.casefold() == clean.casefold():
            raise SkoError(f"There is already a tier called “{clean}”.")
    return clean


def add_tier(store: OffsiteStore, offsite_id: int, name: str, threshold: object) -> InsertRow:
    clean = _check_tier_name(store, offsite_id, name)
    share = _check_threshold(threshold)
    return InsertRow(RecognitionTier, {"offsite_id": offsite_id, "name": clean,
                                       "threshold": share}, f"Add tier {clean[:40]}")


def edit_tier(store: OffsiteStore, tier_id: int, *, name: object = ...,
              threshold: object = ...) -> SetFields:
    tier = store.session.get(RecognitionTier, tier_id)
    if tier is None:
        raise SkoError("That tier is no longer in the file.")
    values: dict[str, Any] = {}
    if name is not ...:
        values["name"] = _check_tier_name(store, tier.offsite_id, name, except_id=tier_id)
    if threshold is not ...:
        values["threshold"] = _check_threshold(threshold)
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(RecognitionTier, {"id": tier_id}, values, f"Edit tier {tier.name[:40]}")


def delete_tier(tier_id: int) -> DeleteRows:
    return DeleteRows(RecognitionTier, [{"id": tier_id}], "Delete tier")


def check_attainment(value: object) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    share = parse_share(value)
    if share is None:
        raise SkoError(f"Attainment is a share of plan such as 112% or 1.12, "
                       f"not {clean_line(value)[:30]!r}.")
    if not 0 <= share <= ATTAINMENT_MAX:
        raise SkoError(f"Attainment must be from 0% to {ATTAINMENT_MAX:.0%} of plan "
                       f"(got {share:.0%}).")
    return share


def set_attainment(store: OffsiteStore, offsite_id: int, person_id: int,
                   value: object) -> PutRow:
    person = store.session.get(Person, person_id)
    if person is None:
        raise SkoError("That rep is no longer in the file.")
    share = check_attainment(value)
    return PutRow(Attainment, {"offsite_id": offsite_id, "person_id": person_id},
                  None if share is None else {"attainment": share},
                  f"Attainment of {person.name[:40]}")
