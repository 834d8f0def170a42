"""Kickoff imports from a spreadsheet (.xlsx or .csv): preview, row report, all or nothing.

Three files come from outside the room:

* **Attendee survey** of the last kickoff: an optional respondent, *what went
  well*, *what to improve*, and any number of numeric rating columns (the
  header may give the scale: ``Overall (1-5)``; otherwise 0–10).
* **Reality audit**: rep, competency, self rating, manager rating (1–10), one
  row per rep and competency; or *wide*, one column per competency
  (``Discovery questioning (self)``, ``… (manager)``; unmarked columns are read
  as self ratings unless told otherwise or a *Rater* column says so); plus any
  numeric per-rep metric columns (win rate, deal velocity, …).
* **Plan attainment**: rep and attainment as ``112%``, ``1.12`` or ``112``.

Planning reads and checks every row and writes nothing; the report says why
each rejected row is rejected. Applying writes every accepted row in one
transaction (one undo step), so nothing is ever half imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from keeper.models import (
    Attainment,
    Competency,
    CompetencyRating,
    Person,
    RepMetric,
    Role,
    SurveyRating,
    SurveyResponse,
)
from keeper.roster import Rejection, RosterError, read_rows
from keeper.sko_ops import (
    ATTAINMENT_MAX,
    RATING_MAX,
    RATING_MIN,
    ScopedReplace,
    load_competencies,
    number,
    rep_lookup,
)
from keeper.sko_rules import DEFAULT_COMPETENCIES
from keeper.store import OffsiteStore
from keeper.text import clean_block, clean_line

TEXT_MAX = 2000
_PARENS = re.compile(r"\(.*?\)|\[.*?\]")
_RANGE = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|/)\s*(\d+(?:[.,]\d+)?)")
_WORDS = re.compile(r"[^\w]+")

REP_HEADERS = ("rep", "name", "rep name", "full name", "person", "employee", "seller",
               "account executive", "ae", "salesperson", "sales rep")
MANAGER_HEADERS = ("manager", "reports to", "manager name", "line manager", "team")
SURVEY_HEADERS: dict[str, tuple[str, ...]] = {
    "respondent": ("respondent", "name", "attendee", "rep", "who", "participant", "person"),
    "went_well": ("went well", "what went well", "went_well", "liked", "best part", "keep",
                  "highlights", "what worked"),
    "to_improve": ("to improve", "what to improve", "to_improve", "improve", "could improve",
                   "what could be better", "even better if", "improvements", "what didn't work"),
}
NOT_RATINGS = ("id", "#", "no", "number", "timestamp", "date", "time", "email", "e-mail",
               "submitted", "submitted at", "response id")
COMPETENCY_HEADERS = ("competency", "competence", "skill", "skill area", "area", "capability")
SELF_HEADERS = ("self", "self rating", "self-rating", "self assessment", "self-assessment",
                "confidence", "self confidence", "self score", "rep rating")
MANAGER_RATING_HEADERS = ("manager rating", "manager score", "manager's rating",
                          "manager assessment", "mgr rating", "actual", "assessed",
                          "manager's score")
RATER_HEADERS = ("rater", "rated by", "source", "assessment", "rating by", "who rated")
ATTAINMENT_HEADERS = ("attainment", "plan attainment", "quota attainment", "% of plan",
                      "percent of plan", "% to plan", "attained", "achievement",
                      "attainment %", "% attainment", "quota %")
SELF_WORDS = ("self", "confidence", "self-rating", "rep")
MANAGER_WORDS = ("manager", "mgr", "actual", "manager's")


class SkoImportError(RosterError):
    """The file cannot be read as this import at all (nothing was imported)."""


def read_sheet(path: Path) -> list[list[str]]:
    """The file's rows as text (safe off the UI thread: no database)."""
    try:
        return read_rows(Path(path))
    except RosterError as exc:
        raise SkoImportError(str(exc)) from exc


def _label(cell: object) -> str:
    return clean_line(cell).lower().rstrip(":").strip()


def _bare(cell: object) -> str:
    """A header without its parentheses: 'Overall (1-5)' → 'overall'."""
    return clean_line(_PARENS.sub(" ", clean_line(cell))).lower().rstrip(":").strip()


def _norm(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


def _nonblank(rows: Sequence[Sequence[object]]) -> bool:
    return any(any(str(c).strip() for c in r) for r in rows)


def _cell(row: Sequence[object], index: int | None) -> str:
    return str(row[index]) if index is not None and index < len(row) else ""


def _values(row: Sequence[object]) -> tuple[str, ...]:
    return tuple(clean_line(c, 80) for c in row)


def _short(text: str, limit: int = 40) -> str:
    clean = clean_line(text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _rows_or_read(path: Path, rows: list[list[str]] | None) -> list[list[str]]:
    if rows is None:
        rows = read_sheet(Path(path))
    if not rows or not _nonblank(rows):
        raise SkoImportError(f"{Path(path).name} is empty.")
    return rows


@dataclass
class _Reps:
    """Finds reps by name (a Manager column tells namesakes apart)."""

    by_name: dict[str, list[Person]]
    names: dict[int, str]

    def find(self, name: str, manager: str = "") -> tuple[Person | None, str | None]:
        if not name:
            return None, "missing rep name"
        candidates = self.by_name.get(name.casefold(), [])
        reps = [p for p in candidates if p.role == Role.REP.value]
        if len(reps) > 1 and manager:
            reps = [p for p in reps if self.names.get(p.manager_id or -1, "").casefold()
                    == manager.casefold()] or reps
        if not candidates:
            return None, f"unknown rep {_short(name)!r} (not in the file's people)"
        if not reps:
            return None, f"{_short(name)} is not a rep ({candidates[0].role})"
        if len(reps) > 1:
            return None, (f"{len(reps)} reps are called {_short(name)}; add a Manager column "
                          "to tell them apart")
        return reps[0], None


def _reps(store: OffsiteStore) -> _Reps:
    by_name, names = rep_lookup(store)
    return _Reps(by_name, names)


# =========================================================================== survey


@dataclass(frozen=True)
class SurveyRow:
    row: int
    respondent: str | None
    went_well: str | None
    to_improve: str | None
    ratings: dict[str, float]


@dataclass(frozen=True)
class RatingColumn:
    index: int
    question: str
    low: float
    high: float
    from_header: bool


@dataclass
class SurveyPlan:
    source: Path
    offsite_id: int
    questions: list[RatingColumn] = field(default_factory=list)
    accepted: list[SurveyRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    replaces: int = 0

    def report(self) -> str:
        scales = ", ".join(f"{q.question} ({q.low:g}–{q.high:g})" for q in self.questions)
        lines = [f"{len(self.accepted)} responses to import, {len(self.rejected)} rows rejected."
                 + (f" Replaces the {self.replaces} responses already in the file."
                    if self.replaces else "")]
        lines.append(f"Rating questions: {scales or 'none'}.")
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        lines += [f"  note: {w}" for w in self.warnings]
        return "\n".join(lines)


def _header_range(text: str) -> tuple[float, float] | None:
    found = _RANGE.search(text)
    if found:
        low = number(found.group(1))
        high = number(found.group(2))
        if low is not None and high is not None and high > low:
            return low, high
    if "%" in text or "percent" in text.lower():
        return 0.0, 100.0
    return None


def plan_survey(store: OffsiteStore, offsite_id: int, path: Path,
                rows: list[list[str]] | None = None) -> SurveyPlan:
    """Check every row of an attendee survey; nothing is written."""
    rows = _rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    body = list(enumerate(rows[1:], start=2))
    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = _label(cell), _bare(cell)
        for key, names in SURVEY_HEADERS.items():
            if key not in cols and (label in names or bare in names):
                cols[key] = index
                break
    for index, cell in enumerate(header):  # "What went well at the kickoff?"
        label = _label(cell)
        if index in cols.values():
            continue
        if "went_well" not in cols and ("went well" in label or "worked well" in label):
            cols["went_well"] = index
        elif "to_improve" not in cols and ("improve" in label or "better" in label):
            cols["to_improve"] = index
    plan = SurveyPlan(source=Path(path), offsite_id=offsite_id)
    used = set(cols.values())
    seen_questions: set[str] = set()
    for index, cell in enumerate(header):
        if index in used:
            continue
        label, bare = _label(cell), _bare(cell)
        if not label:
            if any(_cell(r, index).strip() for _n, r in body):
                plan.warnings.append(f"column {index + 1} has no header and is ignored")
            continue
        if label in NOT_RATINGS or bare in NOT_RATINGS:
            continue
        filled = [_cell(r, index) for _n, r in body if _cell(r, index).strip()]
        if not filled or not any(number(v) is not None for v in filled):
            plan.warnings.append(f"column {clean_line(cell)[:40]!r} is ignored (not ratings)")
            continue
        question = clean_line(_PARENS.sub(" ", clean_line(cell)), 200) or clean_line(cell, 200)
        base, n = question, 2
        while question.casefold() in seen_questions:
            question, n = f"{base} ({n})", n + 1
        seen_questions.add(question.casefold())
        scale = _header_range(clean_line(cell))
        low, high = scale or (0.0, 10.0)
        plan.questions.append(RatingColumn(index, question, low, high, scale is not None))
    if "went_well" not in cols and "to_improve" not in cols and not plan.questions:
        raise SkoImportError(
            "The first row must name the columns: 'Went well', 'To improve' and/or rating "
            "columns such as 'Overall (1-5)'.")
    respondents: dict[str, int] = {}
    for number_, row in body:
        if not any(str(c).strip() for c in row):
            continue
        respondent = clean_line(_cell(row, cols.get("respondent"))) or None
        went_well = clean_block(_cell(row, cols.get("went_well")), TEXT_MAX) or None
        to_improve = clean_block(_cell(row, cols.get("to_improve")), TEXT_MAX) or None
        ratings: dict[str, float] = {}
        reason = None
        for column in plan.questions:
            raw = clean_line(_cell(row, column.index))
            if not raw:
                continue
            value = number(raw)
            if value is None:
                reason = f"{column.question} {_short(raw, 30)!r} is not a number"
                break
            if not column.low <= value <= column.high:
                hint = "" if column.from_header else (
                    "; write the scale in the header, e.g. 'Overall (1-5)'")
                reason = (f"{column.question} {value:g} is out of range "
                          f"({column.low:g} to {column.high:g}{hint})")
                break
            ratings[column.question] = value
        if reason is None and not (went_well or to_improve or ratings):
            reason = "no answers (no comments and no ratings)"
        if reason is None and respondent:
            key = respondent.casefold()
            if key in respondents:
                reason = f"duplicate: {_short(respondent)} also answered on row {respondents[key]}"
            else:
                respondents[key] = number_
        if reason:
            plan.rejected.append(Rejection(number_, reason, _values(row)))
            continue
        plan.accepted.append(SurveyRow(number_, respondent, went_well, to_improve, ratings))
    plan.replaces = len(list(store.session.scalars(
        select(SurveyResponse.id).where(SurveyResponse.offsite_id == offsite_id))))
    return plan


def import_survey(plan: SurveyPlan) -> ScopedReplace:
    """The survey import as one undoable operation; it replaces the kickoff's survey."""
    offsite_id = plan.offsite_id

    def write(session: Any) -> None:
        for old in session.scalars(select(SurveyResponse)
                                   .where(SurveyResponse.offsite_id == offsite_id)):
            session.delete(old)
        session.flush()
        for row in plan.accepted:
            response = SurveyResponse(offsite_id=offsite_id, respondent=row.respondent,
                                      went_well=row.went_well, to_improve=row.to_improve)
            session.add(response)
            session.flush()
            session.add_all(SurveyRating(response_id=response.id, question=q, value=v)
                            for q, v in row.ratings.items())

    responses = select(SurveyResponse.id).where(SurveyResponse.offsite_id == offsite_id)
    return ScopedReplace(
        [(SurveyResponse, lambda: [SurveyResponse.offsite_id == offsite_id]),
         (SurveyRating, lambda: [SurveyRating.response_id.in_(responses)])],
        write, f"Import survey from {plan.source.name}")


# =========================================================================== audit

SELF, MANAGER = "self_rating", "manager_rating"
FIELD_WORDS = {SELF: "self rating", MANAGER: "manager rating"}


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
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        lines += [f"  note: {w}" for w in self.warnings]
        return "\n".join(lines)


def match_competency(label: str, names: Sequence[str]) -> str | None:
    """The competency a header or cell names: exact, then a unique prefix or word match."""
    wanted = _norm(label)
    if not wanted:
        return None
    normed = {name: _norm(name) for name in names}
    exact = [n for n, v in normed.items() if v == wanted]
    if exact:
        return exact[0]
    prefix = [n for n, v in normed.items() if v.startswith(wanted) or wanted.startswith(v)]
    if len(prefix) == 1:
        return prefix[0]
    words = set(wanted.split())
    covering = [n for n, v in normed.items() if words <= set(v.split())]
    return covering[0] if len(covering) == 1 else None


def _rater_of(text: str) -> tuple[str | None, str]:
    """('self_rating' | 'manager_rating' | None, the header without its rater words).

    ``Discovery (self)``, ``Discovery - manager``, ``Self: Discovery``, ``Discovery mgr``.
    """
    label = clean_line(text).lower()
    words = _norm(label).split()
    found: str | None = None
    if any(w in MANAGER_WORDS for w in words):
        found = MANAGER
    elif any(w in SELF_WORDS for w in words):
        found = SELF
    stripped = " ".join(w for w in _norm(_PARENS.sub(" ", label)).split()
                        if w not in MANAGER_WORDS and w not in SELF_WORDS
                        and w not in ("rating", "score"))
    return found, stripped


def _rater_value(text: str) -> str | None:
    label = _norm(text)
    if not label:
        return None
    words = set(label.split())
    if words & {"manager", "mgr", "actual", "leader"}:
        return MANAGER
    if words & {"self", "rep", "own", "me"}:
        return SELF
    return None


def plan_audit(store: OffsiteStore, offsite_id: int, path: Path,
               rows: list[list[str]] | None = None, unmarked: str = SELF) -> AuditPlan:
    """Check every row of a reality audit; nothing is written.

    ``unmarked``: what a wide competency column without (self)/(manager) holds.
    """
    if unmarked not in (SELF, MANAGER):
        raise ValueError(unmarked)
    rows = _rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(str(c).strip() for c in r)]
    existing = [c.name for c in load_competencies(store, offsite_id)]
    names = existing or list(DEFAULT_COMPETENCIES)

    def numeric_column(index: int) -> bool:
        filled = [_cell(r, index) for _n, r in body if _cell(r, index).strip()]
        return bool(filled) and sum(number(v) is not None for v in filled) * 2 >= len(filled)

    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = _label(cell), _bare(cell)
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
            if any(_cell(r, index).strip() for _n, r in body):
                plan.warnings.append(f"column {index + 1} has no header and is ignored")
            continue
        if _label(cell) in NOT_RATINGS:
            continue
        rater, rest = _rater_of(label)
        competency = None
        if not long and rest:  # an unmarked "Pipeline" column is a metric, not a competency
            competency = (match_competency(rest, names) if rater is not None
                          else next((n for n in names if _norm(n) == rest), None))
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

    reps = _reps(store)
    set_by: dict[tuple[int, str, str], int] = {}  # (rep, competency, field) → row
    metric_by: dict[tuple[int, str], tuple[float, int]] = {}
    for number_, row in body:
        values = _values(row)
        person, reason = reps.find(clean_line(_cell(row, cols["rep"])),
                                   clean_line(_cell(row, cols.get("manager"))))
        ratings: dict[tuple[str, str], float] = {}
        metrics: dict[str, float] = {}
        if person is not None and long:
            raw_competency = clean_line(_cell(row, cols["competency"]))
            competency = match_competency(raw_competency, names)
            if not raw_competency:
                reason = "missing competency"
            elif competency is None:
                reason = (f"unknown competency {_short(raw_competency)!r} "
                          "(add it to the list first, or check the spelling)")
            else:
                for key, field_ in (("self", SELF), ("manager_rating", MANAGER)):
                    raw = clean_line(_cell(row, cols.get(key)))
                    if not raw:
                        continue
                    reason = _rating_problem(raw, FIELD_WORDS[field_])
                    if reason:
                        break
                    ratings[(competency, field_)] = number(raw) or 0.0
        elif person is not None:
            row_rater = _rater_value(_cell(row, cols.get("rater"))) if "rater" in cols else None
            if "rater" in cols and row_rater is None and any(r is None for _i, _c, r in wide):
                raw = clean_line(_cell(row, cols["rater"]))
                reason = (f"rater {_short(raw, 20)!r} is neither self nor manager" if raw
                          else "missing rater (self or manager)")
            for index, competency, rater in wide:
                if reason:
                    break
                raw = clean_line(_cell(row, index))
                if not raw:
                    continue
                field_ = rater or row_rater or unmarked
                problem = _rating_problem(raw, f"{competency} ({FIELD_WORDS[field_]})")
                if problem:
                    reason = problem
                    break
                ratings[(competency, field_)] = number(raw) or 0.0
        if person is not None and not reason:
            for index, name in metric_cols:
                raw = clean_line(_cell(row, index))
                if not raw:
                    continue
                value = number(raw.rstrip("%"))
                if value is None:
                    reason = f"{_short(name, 30)} {_short(raw, 20)!r} is not a number"
                    break
                metrics[name] = value
        if person is not None and not reason and not ratings and not metrics:
            reason = "no ratings or metrics on this row"
        if person is not None and not reason:
            for (competency, field_) in ratings:
                earlier = set_by.get((person.id, competency, field_))
                if earlier is not None:
                    reason = (f"duplicate: {_short(person.name)}'s {FIELD_WORDS[field_]} of "
                              f"{competency} is also on row {earlier}")
                    break
        if person is not None and not reason:
            for name, value in metrics.items():
                earlier_metric = metric_by.get((person.id, name))
                if earlier_metric is not None and earlier_metric[0] != value:
                    reason = (f"duplicate: {_short(person.name)}'s {name} is "
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


def _rating_problem(raw: str, what: str) -> str | None:
    value = number(raw)
    if value is None:
        return f"{what} {_short(raw, 20)!r} is not a number"
    if not RATING_MIN <= value <= RATING_MAX:
        return f"{what} {value:g} is out of range (1 to 10)"
    return None


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


# =========================================================================== attainment


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
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        return "\n".join(lines)


def parse_attainment(raw: str) -> float | None:
    """``112%`` and ``112`` are percentages, ``1.12`` a share of plan (up to 5 = 500%)."""
    text = clean_line(raw).replace(" ", "")
    percent = text.endswith("%")
    value = number(text.rstrip("%"))
    if value is None:
        return None
    return value / 100 if percent or value > ATTAINMENT_MAX else value


def plan_attainment(store: OffsiteStore, offsite_id: int, path: Path,
                    rows: list[list[str]] | None = None) -> AttainmentPlan:
    """Check every row of a plan-attainment file; nothing is written."""
    rows = _rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = _label(cell), _bare(cell)
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
    reps = _reps(store)
    plan = AttainmentPlan(source=Path(path), offsite_id=offsite_id)
    seen: dict[int, int] = {}
    for number_, row in enumerate(rows[1:], start=2):
        if not any(str(c).strip() for c in row):
            continue
        person, reason = reps.find(clean_line(_cell(row, cols["rep"])),
                                   clean_line(_cell(row, cols.get("manager"))))
        raw = clean_line(_cell(row, cols["attainment"]))
        share = parse_attainment(raw) if raw else None
        if person is None:
            pass
        elif not raw:
            reason = "missing attainment"
        elif share is None:
            reason = f"attainment {_short(raw, 20)!r} is not a number (write 112%, 1.12 or 112)"
        elif not 0 <= share <= ATTAINMENT_MAX:
            reason = (f"attainment {raw} ({share:.0%}) is out of range "
                      f"(0% to {ATTAINMENT_MAX:.0%} of plan)")
        elif person.id in seen:
            reason = f"duplicate: {_short(person.name)} is also on row {seen[person.id]}"
        if reason or person is None or share is None:
            plan.rejected.append(Rejection(number_, reason or "unreadable row", _values(row)))
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
