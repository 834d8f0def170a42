"""Monthly check-ins on the operating plan: when they are, and each tactic's status at each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow
from keeper.day.fields import TEXT_MAX, DayError, require_changes, text_or_none
from keeper.day.plan import tactic_status
from keeper.day.rules import monthly_check_ins
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import CheckIn, Offsite, Tactic, TacticUpdate
from keeper.store.offsite_file import OffsiteStore

CHECK_IN_MONTHS = 6


@dataclass(frozen=True)
class CheckInRow:
    id: int
    date: dt.date
    notes: str | None
    statuses: dict[int, str]  # tactic id -> status recorded at this check-in
    label: str | None = None  # e.g. "30-day checkpoint" on a kickoff

    @property
    def recorded(self) -> bool:
        return bool(self.statuses)


def load_check_ins(store: OffsiteStore, offsite_id: int) -> list[CheckInRow]:
    rows = list(store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id)
        .order_by(CheckIn.date, CheckIn.id)))
    statuses: dict[int, dict[int, str]] = {r.id: {} for r in rows}
    for update_row in store.session.scalars(
            select(TacticUpdate).where(TacticUpdate.check_in_id.in_(list(statuses)))):
        statuses[update_row.check_in_id][update_row.tactic_id] = update_row.status
    return [CheckInRow(r.id, r.date, r.notes, statuses[r.id], r.label) for r in rows]


def generate_check_ins(store: OffsiteStore, offsite_id: int,
                       months: int = CHECK_IN_MONTHS) -> Composite | None:
    """Monthly check-ins after the offsite date (those already there are kept)."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.date is None:
        raise DayError("Set the offsite's date first; check-ins follow it monthly.")
    have = set(store.session.scalars(select(CheckIn.date).where(CheckIn.offsite_id == offsite_id)))
    dates = [d for d in monthly_check_ins(offsite.date, months) if d not in have]
    if not dates:
        return None
    parts: list[Operation] = [InsertRow(CheckIn, {"offsite_id": offsite_id, "date": d})
                              for d in dates]
    return Composite(parts, f"Add {len(dates)} monthly check-in{'s' if len(dates) != 1 else ''}")


def add_check_in(offsite_id: int, date: dt.date) -> InsertRow:
    return InsertRow(CheckIn, {"offsite_id": offsite_id, "date": date}, "Add check-in")


def edit_check_in(check_in_id: int, date: dt.date | None = None,
                  notes: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if date is not None:
        values["date"] = date
    if notes is not None:
        values["notes"] = text_or_none(notes, TEXT_MAX)
    require_changes(values)
    return SetFields(CheckIn, {"id": check_in_id}, values, "Edit check-in")


def delete_check_in(check_in_id: int) -> DeleteRows:
    return DeleteRows(CheckIn, [{"id": check_in_id}], "Delete check-in")


def record_check_in(store: OffsiteStore, check_in_id: int, statuses: Mapping[int, str],
                    notes: str | None = None) -> Composite:
    """Record each tactic's status at a check-in; a tactic's current status follows its
    latest recorded check-in."""
    check_in = store.session.get(CheckIn, check_in_id)
    if check_in is None:
        raise DayError("That check-in is no longer in the file.")
    later = set(store.session.scalars(
        select(TacticUpdate.tactic_id).join(CheckIn, CheckIn.id == TacticUpdate.check_in_id)
        .where(CheckIn.offsite_id == check_in.offsite_id, CheckIn.date > check_in.date)))
    parts: list[Operation] = []
    for tactic_id, status in statuses.items():
        tactic_status(status)
        parts.append(PutRow(TacticUpdate, {"check_in_id": check_in_id, "tactic_id": tactic_id},
                            {"status": status}))
        if tactic_id not in later:
            parts.append(SetFields(Tactic, {"id": tactic_id}, {"status": status}))
    if notes is not None:
        parts.append(SetFields(CheckIn, {"id": check_in_id},
                               {"notes": text_or_none(notes, TEXT_MAX)}))
    return Composite(parts, f"Record check-in {check_in.date:%d %b %Y}")
