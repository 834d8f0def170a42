"""Import quadrant placements from a spreadsheet (.xlsx or .csv).

Managers often place their reps before the offsite. Columns: rep, skill,
motivation (1–10 or 0–1), optionally manager and note. The plan is a preview
with a row-level report (as the roster import); applying it writes every
accepted row in one transaction, so nothing is ever half imported.

Scale: a column header may say it (``Skill (1-10)``, ``Motivation 0-1``);
otherwise the scale is detected from all skill and motivation values together
(:func:`keeper.quadrant.rules.detect_scale`: any value above 1 means 1–10). On 1–10,
values must lie in [1, 10]; on 0–1, in [0, 1]; others are rejected, not clamped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from keeper.ops import Operation, Tx
from keeper.people.roster import Rejection, RosterError
from keeper.quadrant.ops import REP_NOTE_MAX, PlaceMany
from keeper.quadrant.rules import Quadrant, Scale, detect_scale, quadrant_of, to_unit
from keeper.store.models import Person, Placement, Role
from keeper.store.offsite_file import OffsiteStore
from keeper.tables.reading import TableError, read_table
from keeper.text import clean_block, clean_line

HEADERS: dict[str, tuple[str, ...]] = {
    "rep": ("rep", "name", "rep name", "full name", "person", "employee", "seller",
            "account executive", "ae"),
    "skill": ("skill", "skills", "skill level", "skill score", "capability", "ability"),
    "motivation": ("motivation", "motivation level", "motivation score", "will", "drive",
                   "engagement"),
    "manager": ("manager", "reports to", "manager name", "line manager", "team"),
    "note": ("note", "notes", "comment", "comments", "remark"),
}
_PARENS = re.compile(r"\(.*?\)|\[.*?\]")
_TEN = re.compile(r"(^|\D)1\s*[-–—/to ]+\s*10(\D|$)|/\s*10\b|out of 10")
_UNIT = re.compile(r"(^|\D)0\s*[-–—/to ]+\s*1(\D|$)|/\s*1\b")


class PlacementImportError(RosterError):
    """The file cannot be read as placements at all (nothing was imported)."""


@dataclass(frozen=True)
class PlacementRow:
    row: int
    rep_id: int
    name: str
    skill: float  # on the board's 0..1 scale
    motivation: float
    raw: tuple[str, str]  # skill and motivation as written in the file
    note: str | None
    replaces: tuple[float, float] | None  # the rep's placement before the import, if any

    @property
    def quadrant(self) -> Quadrant:
        return quadrant_of(self.skill, self.motivation)


@dataclass
class PlacementPlan:
    source: Path
    offsite_id: int
    scale: Scale
    scale_from_header: bool
    accepted: list[PlacementRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def scale_label(self) -> str:
        return "1–10" if self.scale is Scale.ONE_TO_TEN else "0–1"

    def report(self) -> str:
        how = "from the column headers" if self.scale_from_header else "detected from the values"
        moved = sum(1 for r in self.accepted if r.replaces is not None)
        lines = [
            f"{len(self.accepted)} placements to import ({moved} replace an existing one), "
            f"{len(self.rejected)} rows rejected. Scale {self.scale_label}, {how}."
        ]
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        lines += [f"  row {row}: note: {text}" for row, text in self.warnings]
        return "\n".join(lines)


def _label(cell: object) -> str:
    return clean_line(_PARENS.sub(" ", clean_line(cell))).lower().rstrip(":")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = _label(cell)
        for key, names in HEADERS.items():
            if key not in found and label in names:
                found[key] = index
                break
    for index, cell in enumerate(header):  # "Skill score (1-10)", "Rep's motivation"
        words = set(re.findall(r"[a-z]+", clean_line(cell).lower()))
        for key in ("skill", "motivation"):
            if key not in found and index not in found.values() and key in words:
                found[key] = index
    missing = [key for key in ("rep", "skill", "motivation") if key not in found]
    if missing:
        raise PlacementImportError(
            "The first row must name the columns: Rep, Skill and Motivation are required "
            f"(missing: {', '.join(m.capitalize() for m in missing)})."
        )
    return found


def _header_scale(header: list[str], cols: dict[str, int]) -> Scale | None:
    scales = set()
    for key in ("skill", "motivation"):
        text = clean_line(header[cols[key]]).lower()
        if _TEN.search(text):
            scales.add(Scale.ONE_TO_TEN)
        elif _UNIT.search(text):
            scales.add(Scale.UNIT)
    return scales.pop() if len(scales) == 1 else None


def parse_score(text: str) -> float | None:
    """A number as people type it (``7``, ``0.7``, ``0,7``); ``None`` if it is not one."""
    value = clean_line(text).replace(" ", "")
    if not value:
        return None
    if "," in value and "." not in value:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _in_range(value: float, scale: Scale) -> bool:
    low, high = (1.0, 10.0) if scale is Scale.ONE_TO_TEN else (0.0, 1.0)
    return low <= value <= high


def read_placement_rows(path: Path) -> list[list[str]]:
    """The file's rows as text (safe to call off the UI thread: no database)."""
    try:
        return read_table(Path(path))
    except TableError as exc:
        raise PlacementImportError(str(exc)) from exc


def plan_placements(store: OffsiteStore, offsite_id: int, path: Path,
                    scale: Scale | None = None,
                    rows: list[list[str]] | None = None) -> PlacementPlan:
    """Check every row; nothing is written. ``scale`` overrides detection; ``rows``
    are the file's rows when already read (see :func:`read_placement_rows`)."""
    if rows is None:
        rows = read_placement_rows(Path(path))
    if not rows or not any(any(str(c).strip() for c in r) for r in rows):
        raise PlacementImportError(f"{Path(path).name} is empty.")
    header = rows[0]
    cols = _columns(header)
    header_scale = _header_scale(header, cols)

    people = list(store.session.scalars(select(Person)))
    by_name: dict[str, list[Person]] = {}
    for person in people:
        by_name.setdefault(clean_line(person.name).casefold(), []).append(person)
    names = {p.id: p.name for p in people}
    existing = {
        pid: (skill, motivation) for pid, skill, motivation in store.session.execute(
            select(Placement.person_id, Placement.skill, Placement.motivation)
            .where(Placement.offsite_id == offsite_id))
    }

    def cell(row: list[str], key: str) -> str:
        index = cols.get(key)
        return str(row[index]) if index is not None and index < len(row) else ""

    # First pass: parse; the scale is decided from every readable number at once.
    parsed: list[tuple[int, list[str], float | None, float | None]] = []
    numbers: list[float] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(str(c).strip() for c in row):
            continue
        skill, motivation = parse_score(cell(row, "skill")), parse_score(cell(row, "motivation"))
        numbers += [v for v in (skill, motivation) if v is not None]
        parsed.append((number, row, skill, motivation))
    chosen = scale or header_scale or detect_scale(numbers)
    plan = PlacementPlan(source=Path(path), offsite_id=offsite_id, scale=chosen,
                         scale_from_header=scale is None and header_scale is not None)
    seen: dict[int, int] = {}
    limits = "1 to 10" if chosen is Scale.ONE_TO_TEN else "0 to 1"

    for number, row, skill, motivation in parsed:
        values = tuple(clean_line(c) for c in row)
        name = clean_line(cell(row, "rep"))
        manager = clean_line(cell(row, "manager"))
        note = clean_block(cell(row, "note"), REP_NOTE_MAX) or None
        reason = None
        candidates = by_name.get(name.casefold(), []) if name else []
        reps = [p for p in candidates if p.role == Role.REP]
        if len(reps) > 1 and manager:
            reps = [p for p in reps if names.get(p.manager_id or -1, "").casefold()
                    == manager.casefold()] or reps
        if not name:
            reason = "missing rep name"
        elif not candidates:
            reason = f"unknown rep {name!r} (not in the file's people)"
        elif not reps:
            reason = f"{name} is not a rep ({candidates[0].role})"
        elif len(reps) > 1:
            reason = f"{len(reps)} reps are called {name}; add a Manager column to tell them apart"
        elif not cell(row, "skill").strip():
            reason = "missing skill"
        elif not cell(row, "motivation").strip():
            reason = "missing motivation"
        elif skill is None:
            reason = f"skill {clean_line(cell(row, 'skill'))[:40]!r} is not a number"
        elif motivation is None:
            reason = f"motivation {clean_line(cell(row, 'motivation'))[:40]!r} is not a number"
        elif not _in_range(skill, chosen):
            reason = f"skill {skill:g} is out of range ({limits})"
        elif not _in_range(motivation, chosen):
            reason = f"motivation {motivation:g} is out of range ({limits})"
        elif reps[0].id in seen:
            reason = f"duplicate: {reps[0].name} is also on row {seen[reps[0].id]}"
        if reason or skill is None or motivation is None:
            plan.rejected.append(Rejection(number, reason or "unreadable row", values))
            continue
        person = reps[0]
        seen[person.id] = number
        actual_manager = names.get(person.manager_id or -1, "")
        if manager and actual_manager.casefold() != manager.casefold():
            plan.warnings.append((number, f"{person.name} reports to "
                                          f"{actual_manager or 'nobody'} in the file, "
                                          f"not {manager}; placed anyway"))
        plan.accepted.append(PlacementRow(
            row=number, rep_id=person.id, name=person.name,
            skill=to_unit(skill, chosen), motivation=to_unit(motivation, chosen),
            raw=(clean_line(cell(row, "skill")), clean_line(cell(row, "motivation"))),
            note=note, replaces=existing.get(person.id),
        ))
    return plan


@dataclass
class ImportPlacements(Operation):
    """The import as one undoable operation (one transaction)."""

    plan: PlacementPlan
    text: str = "Import placements"

    def perform(self, tx: Tx) -> None:
        tx.run(PlaceMany(
            self.plan.offsite_id,
            {r.rep_id: (r.skill, r.motivation, r.note) for r in self.plan.accepted},
            text=self.text,
        ))

    @property
    def count(self) -> int:
        return len(self.plan.accepted)
