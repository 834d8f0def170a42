"""The OKR postmortem: last period's OKRs carried forward, reviewed, and timeboxed in
the agenda; and the OKRs set for the next period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from keeper.agenda.ops import DeleteItems, InsertItems, SetOrder, agenda_items
from keeper.day.edits import SetPositions, Staged, next_position
from keeper.day.fields import (
    OBJECTIVE_MAX,
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    DayError,
    required_text,
    text_or_none,
)
from keeper.day.people import previous_offsite
from keeper.day.rules import OkrSeed, okrs_to_carry, postmortem_minutes
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import AgendaItem, ContentTag, ItemKind, Okr, OkrKind
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line

POSTMORTEM_TITLE = "OKR postmortem"


@dataclass(frozen=True)
class OkrRow:
    id: int
    kind: str
    position: int
    objective: str
    target: str | None
    result: str | None
    hit: bool | None
    went_well: str | None
    went_badly: str | None
    on_the_floor: str | None
    agenda_item_id: int | None
    agenda_title: str | None
    agenda_minutes: int | None
    carried_from_id: int | None

    @property
    def verdict(self) -> str:
        """"Hit", "Missed" or "Not scored", as the review and the exports say it."""
        return "Not scored" if self.hit is None else ("Hit" if self.hit else "Missed")


def is_postmortem_title(title: str | None) -> bool:
    return (title or "").casefold().startswith(POSTMORTEM_TITLE.casefold())


def load_okrs(store: OffsiteStore, offsite_id: int, kind: str = OkrKind.REVIEW
              ) -> list[OkrRow]:
    rows = store.session.execute(
        select(Okr, AgendaItem.title, AgendaItem.planned_minutes)
        .outerjoin(AgendaItem, AgendaItem.id == Okr.agenda_item_id)
        .where(Okr.offsite_id == offsite_id, Okr.kind == kind)
        .order_by(Okr.position, Okr.id)
    )
    return [
        OkrRow(o.id, o.kind, o.position, o.objective or "", o.target, o.result, o.hit,
               o.went_well, o.went_badly, o.on_the_floor, o.agenda_item_id, title, minutes,
               o.carried_from_id)
        for o, title, minutes in rows
    ]


def okrs_available_to_carry(store: OffsiteStore, offsite_id: int) -> list[OkrSeed]:
    previous = previous_offsite(store, offsite_id)
    if previous is None:
        return []
    seeds = [OkrSeed(o.id, o.objective, o.target) for o in load_okrs(
        store, previous.id, OkrKind.NEXT)]
    carried = store.session.scalars(
        select(Okr.carried_from_id).where(Okr.offsite_id == offsite_id))
    return okrs_to_carry(seeds, carried)


def timebox_needed(store: OffsiteStore, offsite_id: int, review: Sequence[OkrRow]) -> bool:
    minutes = postmortem_minutes(len(review))
    linked = [o.agenda_item_id for o in review]
    if any(i is None for i in linked) or len(set(linked)) != len(linked):
        return True
    if any(o.agenda_minutes != minutes for o in review):
        return True
    spare = [i for i in agenda_items(store, offsite_id)
             if is_postmortem_title(i.title) and i.id not in set(linked) and i.actual_start is None]
    return bool(spare)


def clean_okr_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Typed-in OKR fields made safe; an empty objective is refused."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "objective":
            out[key] = required_text(value, OBJECTIVE_MAX, "An OKR needs an objective.")
        elif key in ("target", "result"):
            out[key] = text_or_none(value, SHORT_MAX, block=False)
        elif key in ("went_well", "went_badly", "on_the_floor"):
            out[key] = text_or_none(value, TEXT_MAX)
        elif key == "hit":
            out[key] = None if value is None else bool(value)
    return out


def carry_forward_okrs(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """Bring the previous offsite's "next" OKRs into this postmortem (None: nothing to carry)."""
    seeds = okrs_available_to_carry(store, offsite_id)
    if not seeds:
        return None
    start = next_position(store, Okr, Okr.offsite_id == offsite_id,
                           Okr.kind == OkrKind.REVIEW)
    parts: list[Operation] = [
        InsertRow(Okr, {"offsite_id": offsite_id, "kind": OkrKind.REVIEW,
                        "position": start + n, "objective": seed.objective,
                        "target": seed.target, "carried_from_id": seed.id}, "Carry OKR")
        for n, seed in enumerate(seeds)
    ]
    count = len(seeds)
    return Composite(parts, f"Carry forward {count} OKR{'s' if count != 1 else ''}")


def add_okr(store: OffsiteStore, offsite_id: int, values: Mapping[str, Any],
            kind: str = OkrKind.REVIEW) -> InsertRow:
    if kind not in set(OkrKind):
        raise DayError(f"Unknown OKR kind {kind!r}.")
    clean = clean_okr_values({"objective": values.get("objective"), **values})
    position = next_position(store, Okr, Okr.offsite_id == offsite_id, Okr.kind == kind)
    text = "Add OKR for next period" if kind == OkrKind.NEXT else "Add OKR"
    return InsertRow(Okr, {"offsite_id": offsite_id, "kind": kind, "position": position,
                           **clean}, text)


def edit_okr(okr_id: int, values: Mapping[str, Any]) -> SetFields:
    return SetFields(Okr, {"id": okr_id}, clean_okr_values(values), "Edit OKR")


def delete_okr(okr_id: int) -> DeleteRows:
    return DeleteRows(Okr, [{"id": okr_id}], "Delete OKR")


def reorder_okrs(okr_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Okr, list(okr_ids), "Reorder OKRs")


def _short(text: str, limit: int = 60) -> str:
    text = clean_line(text, 10 * limit)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def postmortem_title(number: int, objective: str) -> str:
    return clean_line(f"{POSTMORTEM_TITLE} {number}: {_short(objective)}", TITLE_MAX)


@dataclass
class TimeboxOkrs(Staged):
    """One agenda timebox per reviewed OKR, of ``postmortem_minutes`` each.

    Reuses the OKR's own item, then spare "OKR postmortem …" items; inserts what
    is missing after the last postmortem item (or before the north-star
    questions); removes spare postmortem items that have not run; puts the
    postmortem items in OKR order in the places they hold.
    """

    offsite_id: int = 0
    text: str = "Timebox OKRs in the agenda"

    def plan(self, store: OffsiteStore, run: Any) -> None:
        okrs = load_okrs(store, self.offsite_id, OkrKind.REVIEW)
        if not okrs:
            raise DayError("There are no OKRs to review yet: carry them forward or add one.")
        minutes = postmortem_minutes(len(okrs))
        items = agenda_items(store, self.offsite_id)
        by_id = {i.id: i for i in items}
        chosen: dict[int, int] = {}
        used: set[int] = set()
        for okr in okrs:
            if okr.agenda_item_id in by_id and okr.agenda_item_id not in used:
                chosen[okr.id] = okr.agenda_item_id
                used.add(okr.agenda_item_id)
        spare = [i for i in items if is_postmortem_title(i.title) and i.id not in used]
        for okr in okrs:
            if okr.id not in chosen and spare:
                item = spare.pop(0)
                chosen[okr.id] = item.id
                used.add(item.id)
        missing = [okr for okr in okrs if okr.id not in chosen]
        if missing:
            block = [n for n, i in enumerate(items) if i.id in used or is_postmortem_title(i.title)]
            if block:
                at = block[-1] + 1
            else:
                anchor = next((n for n, i in enumerate(items)
                               if "north-star" in i.title.casefold()), None)
                at = anchor if anchor is not None else min(1, len(items))
            day = items[min(at, len(items) - 1)].day if items else 1
            rows = [{"title": postmortem_title(0, o.objective), "kind": ItemKind.SESSION,
                     "planned_minutes": minutes, "content_tag": ContentTag.STRATEGY, "day": day}
                    for o in missing]
            inserted = run(InsertItems(self.offsite_id, at, rows, "Insert OKR timeboxes"))
            for okr, item_id in zip(missing, inserted.ids, strict=True):
                chosen[okr.id] = item_id
                used.add(item_id)
        surplus = [i.id for i in spare if i.actual_start is None]
        if surplus:
            run(DeleteItems(self.offsite_id, surplus, "Remove spare OKR timeboxes"))
        items = agenda_items(store, self.offsite_id)
        by_id = {i.id: i for i in items}
        for number, okr in enumerate(okrs, start=1):
            item = by_id[chosen[okr.id]]
            values: dict[str, Any] = {}
            title = postmortem_title(number, okr.objective)
            if item.title != title:
                values["title"] = title
            if item.planned_minutes != minutes:
                values["planned_minutes"] = minutes
            if values:
                run(SetFields(AgendaItem, {"id": item.id}, values, "Timebox OKR"))
            if okr.agenda_item_id != item.id:
                run(SetFields(Okr, {"id": okr.id}, {"agenda_item_id": item.id}, "Link OKR"))
        order = [i.id for i in agenda_items(store, self.offsite_id)]
        wanted = [chosen[o.id] for o in okrs]
        slots = [n for n, item_id in enumerate(order) if item_id in set(wanted)]
        new_order = list(order)
        for slot, item_id in zip(slots, wanted, strict=True):
            new_order[slot] = item_id
        if new_order != order:
            run(SetOrder(self.offsite_id, new_order, "Order OKR timeboxes"))


def timebox_okrs(offsite_id: int) -> TimeboxOkrs:
    return TimeboxOkrs(offsite_id=offsite_id)
