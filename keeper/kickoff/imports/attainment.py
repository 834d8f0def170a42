"""Plan attainment per rep, as ``112%``, ``1.12`` or ``112``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from keeper.kickoff import ATTAINMENT_MAX, ScopedReplace, parse_share
from keeper.kickoff.imports.reading import (
    MANAGER_HEADERS,
    REP_HEADERS,
    SkoImportError,
    bare_label,
    cell_text,
    header_label,
    rep_finder,
    report_lines,
    row_values,
    rows_or_read,
    shorten,
)
from keeper.people.roster import Rejection
from keeper.store.models import Attainment
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line

ATTAINMENT_HEADERS = ("attainment", "plan attainment", "quota attainment", "% of plan",
                      "percent of plan", "% to plan", "attained", "achievement",
                      "attainment %", "% attainment", "quota %")


@dataclass(frozen=True)
class AttainmentRow:
    row: int
    rep_id: int
    name: str
    attainment: float  # share of plan
    raw: str
    replaces: float | None


@dataclass
class AttainmentPlan:
    source: Path
    offsite_id: int
    accepted: list[AttainmentRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def report(self) -> str:
        replaced = sum(1 for r in self.accepted if r.replaces is not None)
        lines = [f"{len(self.accepted)} attainments to import ({replaced} replace one already "
                 f"in the file), {len(self.rejected)} rows rejected."]
        lines += report_lines(self.rejected)
        return "\n".join(lines)


def plan_attainment(store: OffsiteStore, offsite_id: int, path: Path,
                    rows: list[list[str]] | None = None) -> AttainmentPlan:
    """Check every row of a plan-attainment file; nothing is written."""
    rows = rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = header_label(cell), bare_label(cell)
        if "rep" not in cols and (label in REP_HEADERS or bare in REP_HEADERS):
            cols["rep"] = index
        elif "attainment" not in cols and (label in ATTAINMENT_HEADERS
                                           or bare in ATTAINMENT_HEADERS or "attain" in label
                                           or "of plan" in label or "to plan" in label):
            cols["attainment"] = index
        elif "manager" not in cols and (label in MANAGER_HEADERS or bare in MANAGER_HEADERS):
            cols["manager"] = index
    missing = [k.capitalize() for k in ("rep", "attainment") if k not in cols]
    if missing:
        raise SkoImportError("The first row must name the columns: Rep and Attainment are "
                             f"required (missing: {', '.join(missing)}).")
    existing = {pid: value for pid, value in store.session.execute(
        select(Attainment.person_id, Attainment.attainment)
        .where(Attainment.offsite_id == offsite_id))}
    reps = rep_finder(store)
    plan = AttainmentPlan(source=Path(path), offsite_id=offsite_id)
    seen: dict[int, int] = {}
    for number_, row in enumerate(rows[1:], start=2):
        if not any(str(c).strip() for c in row):
            continue
        person, reason = reps.find(clean_line(cell_text(row, cols["rep"])),
                                   clean_line(cell_text(row, cols.get("manager"))))
        raw = clean_line(cell_text(row, cols["attainment"]))
        share = parse_share(raw) if raw else None  # 112%, 112 or 1.12
        if person is None:
            pass
        elif not raw:
            reason = "missing attainment"
        elif share is None:
            reason = f"attainment {shorten(raw, 20)!r} is not a number (write 112%, 1.12 or 112)"
        elif not 0 <= share <= ATTAINMENT_MAX:
            reason = (f"attainment {raw} ({share:.0%}) is out of range "
                      f"(0% to {ATTAINMENT_MAX:.0%} of plan)")
        elif person.id in seen:
            reason = f"duplicate: {shorten(person.name)} is also on row {seen[person.id]}"
        if reason or person is None or share is None:
            plan.rejected.append(Rejection(number_, reason or "unreadable row", row_values(row)))
            continue
        seen[person.id] = number_
        plan.accepted.append(AttainmentRow(number_, person.id, person.name, share, raw,
                                           existing.get(person.id)))
    return plan


def import_attainment(plan: AttainmentPlan) -> ScopedReplace:
    """The attainment import as one undoable operation (reps not in the file keep theirs)."""
    offsite_id = plan.offsite_id

    def write(session: Any) -> None:
        current = {a.person_id: a for a in session.scalars(
            select(Attainment).where(Attainment.offsite_id == offsite_id))}
        for row in plan.accepted:
            if row.rep_id in current:
                current[row.rep_id].attainment = row.attainment
            else:
                session.add(Attainment(offsite_id=offsite_id, person_id=row.rep_id,
                                       attainment=row.attainment))

    return ScopedReplace([(Attainment, lambda: [Attainment.offsite_id == offsite_id])],
                         write, f"Import attainment from {plan.source.name}")
