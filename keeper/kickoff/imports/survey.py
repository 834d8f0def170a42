"""The attendee survey of the last kickoff: comments and rating columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from keeper.kickoff import ScopedReplace, number
from keeper.kickoff.imports.reading import (
    NOT_RATINGS,
    PARENS,
    TEXT_MAX,
    SkoImportError,
    bare_label,
    cell_text,
    header_label,
    report_lines,
    row_values,
    rows_or_read,
    shorten,
)
from keeper.people.roster import Rejection
from keeper.store.models import SurveyRating, SurveyResponse
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_block, clean_line

_RANGE = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|/)\s*(\d+(?:[.,]\d+)?)")

SURVEY_HEADERS: dict[str, tuple[str, ...]] = {
    "respondent": ("respondent", "name", "attendee", "rep", "who", "participant", "person"),
    "went_well": ("went well", "what went well", "went_well", "liked", "best part", "keep",
                  "highlights", "what worked"),
    "to_improve": ("to improve", "what to improve", "to_improve", "improve", "could improve",
                   "what could be better", "even better if", "improvements", "what didn't work"),
}


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
        lines += report_lines(self.rejected, self.warnings)
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
    rows = rows_or_read(path, rows)
    header = [str(c) for c in rows[0]]
    body = list(enumerate(rows[1:], start=2))
    cols: dict[str, int] = {}
    for index, cell in enumerate(header):
        label, bare = header_label(cell), bare_label(cell)
        for key, names in SURVEY_HEADERS.items():
            if key not in cols and (label in names or bare in names):
                cols[key] = index
                break
    for index, cell in enumerate(header):  # "What went well at the kickoff?"
        label = header_label(cell)
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
        label, bare = header_label(cell), bare_label(cell)
        if not label:
            if any(cell_text(r, index).strip() for _n, r in body):
                plan.warnings.append(f"column {index + 1} has no header and is ignored")
            continue
        if label in NOT_RATINGS or bare in NOT_RATINGS:
            continue
        filled = [cell_text(r, index) for _n, r in body if cell_text(r, index).strip()]
        if not filled or not any(number(v) is not None for v in filled):
            plan.warnings.append(f"column {clean_line(cell)[:40]!r} is ignored (not ratings)")
            continue
        question = clean_line(PARENS.sub(" ", clean_line(cell)), 200) or clean_line(cell, 200)
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
        respondent = clean_line(cell_text(row, cols.get("respondent"))) or None
        went_well = clean_block(cell_text(row, cols.get("went_well")), TEXT_MAX) or None
        to_improve = clean_block(cell_text(row, cols.get("to_improve")), TEXT_MAX) or None
        ratings: dict[str, float] = {}
        reason = None
        for column in plan.questions:
            raw = clean_line(cell_text(row, column.index))
            if not raw:
                continue
            value = number(raw)
            if value is None:
                reason = f"{column.question} {shorten(raw, 30)!r} is not a number"
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
                reason = f"duplicate: {shorten(respondent)} also answered on row {respondents[key]}"
            else:
                respondents[key] = number_
        if reason:
            plan.rejected.append(Rejection(number_, reason, row_values(row)))
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
