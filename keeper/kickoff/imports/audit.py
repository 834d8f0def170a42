"""The reality audit: self and manager ratings per rep and competency, per-rep metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from keeper.kickoff import ScopedReplace, load_competencies, number
from keeper.kickoff.imports.audit_columns import (
    COMPETENCY_HEADERS,
    FIELD_WORDS,
    MANAGER,
    MANAGER_RATING_HEADERS,
    RATER_HEADERS,
    SELF,
    SELF_HEADERS,
    match_competency,
    rater_of,
    rater_value,
    rating_problem,
)
from keeper.kickoff.imports.reading import (
    MANAGER_HEADERS,
    NOT_RATINGS,
    REP_HEADERS,
    SkoImportError,
    bare_label,
    cell_text,
    header_label,
    normalise,
    rep_finder,
    report_lines,
    row_values,
    rows_or_read,
    shorten,
)
from keeper.kickoff.rules import DEFAULT_COMPETENCIES
from keeper.people.roster import Rejection
from keeper.store.models import Competency, CompetencyRating, RepMetric
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line


@dataclass(frozen=True)
class AuditRow:
    row: int
    rep_id: int
    name: str
    ratings: dict[tuple[str, str], float]  # (competency name, field) → 1–10
    metrics: dict[str, float]


@dataclass
class AuditPlan:
    source: Path
    offsite_id: int
    layout: str  # "long" or "wide"
    competencies: list[str] = field(default_factory=list)  # names, in the kickoff's order
    new_competencies: list[str] = field(default_factory=list)  # defaults the import adds
    metric_names: list[str] = field(default_factory=list)
    column_notes: list[str] = field(default_factory=list)
    accepted: list[AuditRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def rating_count(self) -> int:
        return sum(len(r.ratings) for r in self.accepted)

    @property
    def reps(self) -> int:
        return len({r.rep_id for r in self.accepted})

    def report(self) -> str:
        metrics = f" and {len(self.metric_names)} metrics" if self.metric_names else ""
        lines = [f"{self.rating_count} ratings{metrics} for {self.reps} reps to import, "
                 f"{len(self.rejected)} rows rejected ({self.layout} layout)."]
        if self.new_competencies:
            lines.append("Adds the default competencies: " + ", ".join(self.new_competencies))
        lines += [f"  {note}" for note in self.column_notes]
        lines += report_lines(self.rejected, self.warnings)
        return "\n".join(lines)


def plan_audit(store: OffsiteStore, offsite_id: int, path: Path,
               rows: list[list[str]] | None = None, unmarked: str = SELF) -> AuditPlan:
    """Check every row of a reality audit; nothing is written.

    ``unmarked``: what a wide competency column without (self)/(manager) holds.
    """
    if unmarked not in (SELF, MANAGER):
        raise ValueError(unmarked)
    rows = rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(str(c).strip() for c in r)]
    existing = [c.name for c in load_competencies(store, offsite_id)]
    names = existing or list(DEFAULT_COMPETENCIES)

    def numeric_column(index: int) -> bool:
        filled = [cell_text(r, index) for _n, r in body if cell_text(r, index).strip()]
        return bool(filled) and sum(number(v) is not None for v in filled) * 2 >= len(filled)

    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = header_label(cell), bare_label(cell)
        for key, options in (("rep", REP_HEADERS), ("competency", COMPETENCY_HEADERS),
                             ("self", SELF_HEADERS), ("manager_rating", MANAGER_RATING_HEADERS),
                             ("rater", RATER_HEADERS)):
            if key not in cols and (label in options or bare in options):
                cols[key] = index
                break
        else:
            if "manager" not in cols and (label in MANAGER_HEADERS or bare in MANAGER_HEADERS):
                cols["manager"] = index
    if "rep" not in cols:
        raise SkoImportError("The first row must name the columns; a 'Rep' column is required.")
    long = "competency" in cols
    if long and "manager" in cols and "manager_rating" not in cols and numeric_column(
            cols["manager"]):
        cols["manager_rating"] = cols.pop("manager")  # "Manager" holding numbers: the rating
    plan = AuditPlan(source=Path(path), offsite_id=offsite_id, layout="long" if long else "wide",
                     competencies=names,
                     new_competencies=[] if existing else list(DEFAULT_COMPETENCIES))
    if long and "self" not in cols and "manager_rating" not in cols:
        raise SkoImportError("A file with a 'Competency' column needs a 'Self rating' and/or a "
                             "'Manager rating' column.")

    used = set(cols.values())
    wide: list[tuple[int, str, str | None]] = []  # (column, competency, field or None: unmarked)
    metric_cols: list[tuple[int, str]] = []
    for index, cell in enumerate(header):
        if index in used:
            continue
        label = clean_line(cell)
        if not label:
            if any(cell_text(r, index).strip() for _n, r in body):
                plan.warnings.append(f"column {index + 1} has no header and is ignored")
            continue
        if header_label(cell) in NOT_RATINGS:
            continue
        rater, rest = rater_of(label)
        competency = None
        if not long and rest:  # an unmarked "Pipeline" column is a metric, not a competency
            competency = (match_competency(rest, names) if rater is not None
                          else next((n for n in names if normalise(n) == rest), None))
        if competency is not None:
            wide.append((index, competency, rater))
            continue
        if rater is not None and not long:
            plan.warnings.append(f"column {label[:40]!r} looks like a rating but names no "
                                 "competency in the list; add the competency first")
            continue
        if numeric_column(index):
            metric_cols.append((index, clean_line(label, 200)))
        else:
            plan.warnings.append(f"column {label[:40]!r} is ignored (not numbers)")
    plan.metric_names = [name for _i, name in metric_cols]
    if not long and not wide:
        raise SkoImportError(
            "No competency columns found. Use a 'Competency' column with 'Self rating' and "
            "'Manager rating', or one column per competency (e.g. 'Discovery questioning "
            "(self)').")
    if wide:
        described = []
        for _index, competency, rater in wide:
            kind = FIELD_WORDS[rater or unmarked]
            described.append(f"{competency} ({kind}{'' if rater else ', unmarked'})")
        plan.column_notes.append("Competency columns: " + "; ".join(described))
    if metric_cols:
        plan.column_notes.append("Metric columns: " + ", ".join(plan.metric_names))

    reps = rep_finder(store)
    set_by: dict[tuple[int, str, str], int] = {}  # (rep, competency, field) → row
    metric_by: dict[tuple[int, str], tuple[float, int]] = {}
    for number_, row in body:
        values = row_values(row)
        person, reason = reps.find(clean_line(cell_text(row, cols["rep"])),
                                   clean_line(cell_text(row, cols.get("manager"))))
        ratings: dict[tuple[str, str], float] = {}
        metrics: dict[str, float] = {}
        if person is not None and long:
            raw_competency = clean_line(cell_text(row, cols["competency"]))
            competency = match_competency(raw_competency, names)
            if not raw_competency:
                reason = "missing competency"
            elif competency is None:
                reason = (f"unknown competency {shorten(raw_competency)!r} "
                          "(add it to the list first, or check the spelling)")
            else:
                for key, field_ in (("self", SELF), ("manager_rating", MANAGER)):
                    raw = clean_line(cell_text(row, cols.get(key)))
                    if not raw:
                        continue
                    reason = rating_problem(raw, FIELD_WORDS[field_])
                    if reason:
                        break
                    ratings[(competency, field_)] = number(raw) or 0.0
        elif person is not None:
            row_rater = rater_value(cell_text(row, cols.get("rater"))) if "rater" in cols else None
            if "rater" in cols and row_rater is None and any(r is None for _i, _c, r in wide):
                raw = clean_line(cell_text(row, cols["rater"]))
                reason = (f"rater {shorten(raw, 20)!r} is neither self nor manager" if raw
                          else "missing rater (self or manager)")
            for index, competency, rater in wide:
                if reason:
                    break
                raw = clean_line(cell_text(row, index))
                if not raw:
                    continue
                field_ = rater or row_rater or unmarked
                problem = rating_problem(raw, f"{competency} ({FIELD_WORDS[field_]})")
                if problem:
                    reason = problem
                    break
                ratings[(competency, field_)] = number(raw) or 0.0
        if person is not None and not reason:
            for index, name in metric_cols:
                raw = clean_line(cell_text(row, index))
                if not raw:
                    continue
                value = number(raw.rstrip("%"))
                if value is None:
                    reason = f"{shorten(name, 30)} {shorten(raw, 20)!r} is not a number"
                    break
                metrics[name] = value
        if person is not None and not reason and not ratings and not metrics:
            reason = "no ratings or metrics on this row"
        if person is not None and not reason:
            for (competency, field_) in ratings:
                earlier = set_by.get((person.id, competency, field_))
                if earlier is not None:
                    reason = (f"duplicate: {shorten(person.name)}'s {FIELD_WORDS[field_]} of "
                              f"{competency} is also on row {earlier}")
                    break
        if person is not None and not reason:
            for name, value in metrics.items():
                earlier_metric = metric_by.get((person.id, name))
                if earlier_metric is not None and earlier_metric[0] != value:
                    reason = (f"duplicate: {shorten(person.name)}'s {name} is "
                              f"{earlier_metric[0]:g} on row {earlier_metric[1]}")
                    break
        if reason or person is None:
            plan.rejected.append(Rejection(number_, reason or "unreadable row", values))
            continue
        for (competency, field_) in ratings:
            set_by[(person.id, competency, field_)] = number_
        for name, value in metrics.items():
            metric_by.setdefault((person.id, name), (value, number_))
        plan.accepted.append(AuditRow(number_, person.id, person.name, ratings, metrics))
    return plan


def import_audit(plan: AuditPlan) -> ScopedReplace:
    """The audit import as one undoable operation: ratings and metrics are set for the
    reps in the file (others are kept); the default competencies are added if the list
    was empty."""
    offsite_id = plan.offsite_id

    def write(session: Any) -> None:
        ids = {c.name: c.id for c in session.scalars(
            select(Competency).where(Competency.offsite_id == offsite_id))}
        position = len(ids)
        for name in plan.new_competencies:
            if name not in ids:
                competency = Competency(offsite_id=offsite_id, position=position, name=name)
                session.add(competency)
                session.flush()
                ids[name] = competency.id
                position += 1
        current = {(r.person_id, r.competency_id): r for r in session.scalars(
            select(CompetencyRating).where(CompetencyRating.competency_id.in_(ids.values())))}
        metrics = {(m.person_id, m.name): m for m in session.scalars(
            select(RepMetric).where(RepMetric.offsite_id == offsite_id))}
        for row in plan.accepted:
            for (name, field_), value in row.ratings.items():
                if name not in ids:
                    continue  # renamed or removed since the preview
                key = (row.rep_id, ids[name])
                rating = current.get(key)
                if rating is None:
                    rating = CompetencyRating(person_id=row.rep_id, competency_id=ids[name])
                    session.add(rating)
                    current[key] = rating
                setattr(rating, field_, value)
            for name, value in row.metrics.items():
                metric = metrics.get((row.rep_id, name))
                if metric is None:
                    metric = RepMetric(offsite_id=offsite_id, person_id=row.rep_id, name=name,
                                       value=value)
                    session.add(metric)
                    metrics[(row.rep_id, name)] = metric
                else:
                    metric.value = value

    competencies = select(Competency.id).where(Competency.offsite_id == offsite_id)
    return ScopedReplace(
        [(Competency, lambda: [Competency.offsite_id == offsite_id]),
         (CompetencyRating, lambda: [CompetencyRating.competency_id.in_(competencies)]),
         (RepMetric, lambda: [RepMetric.offsite_id == offsite_id])],
        write, f"Import audit from {plan.source.name}")
