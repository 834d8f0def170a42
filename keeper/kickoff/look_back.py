"""The look back: revenue against goal, last kickoff's objectives, the attendee survey."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow, SetPositions
from keeper.kickoff.fields import MONEY_MAX, SkoError, next_position, number, one_line, text_or_none
from keeper.kickoff.rules import (
    SurveySummary,
    revenue_against_goal,
    revenue_share,
    revenue_verdict,
    summarise_survey,
)
from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.store.models import SkoLookBack, SkoObjective, SurveyRating, SurveyResponse
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line


@dataclass(frozen=True)
class ObjectiveRow:
    id: int
    position: int
    text: str
    hit: bool | None


@dataclass(frozen=True)
class ResponseRow:
    id: int
    respondent: str | None
    went_well: str | None
    to_improve: str | None
    ratings: dict[str, float]


@dataclass
class LookBack:
    revenue_goal: float | None = None
    revenue_actual: float | None = None
    outside_factors: str = ""
    objectives: list[ObjectiveRow] = field(default_factory=list)
    responses: list[ResponseRow] = field(default_factory=list)
    summary: SurveySummary | None = None
    questions: list[str] = field(default_factory=list)
    scales: dict[str, float] = field(default_factory=dict)  # question → top of its scale

    @property
    def revenue_share(self) -> float | None:
        return revenue_share(self.revenue_goal, self.revenue_actual)

    @property
    def revenue_verdict(self) -> str:
        """'met', 'missed' or '' (not recorded): keeper.kickoff.rules.revenue_verdict."""
        return revenue_verdict(self.revenue_goal, self.revenue_actual)

    @property
    def revenue_text(self) -> str:
        """"Revenue 22,100,000 against a goal of 24,000,000: 92% (missed)", or what is missing."""
        return revenue_against_goal(self.revenue_goal, self.revenue_actual)

    @property
    def survey(self) -> SurveySummary:
        """The survey's summary; with no responses, an empty one."""
        return self.summary or summarise_survey([], [])


def load_look_back(store: OffsiteStore, offsite_id: int) -> LookBack:
    data = LookBack()
    row = store.session.get(SkoLookBack, offsite_id)
    if row is not None:
        data.revenue_goal, data.revenue_actual = row.revenue_goal, row.revenue_actual
        data.outside_factors = row.outside_factors or ""
    data.objectives = [ObjectiveRow(o.id, o.position, o.text, o.hit) for o in store.session.scalars(
        select(SkoObjective).where(SkoObjective.offsite_id == offsite_id)
        .order_by(SkoObjective.position, SkoObjective.id))]
    responses = list(store.session.scalars(
        select(SurveyResponse).where(SurveyResponse.offsite_id == offsite_id)
        .order_by(SurveyResponse.id)))
    ratings: dict[int, dict[str, float]] = {r.id: {} for r in responses}
    questions: list[str] = []
    for response_id, question, value in store.session.execute(
            select(SurveyRating.response_id, SurveyRating.question, SurveyRating.value)
            .join(SurveyResponse).where(SurveyResponse.offsite_id == offsite_id)
            .order_by(SurveyRating.id)):
        ratings[response_id][question] = value
        if question not in questions:
            questions.append(question)
    data.responses = [ResponseRow(r.id, r.respondent, r.went_well, r.to_improve, ratings[r.id])
                      for r in responses]
    data.questions = questions
    for question in questions:
        data.scales[question] = rating_scale_max(
            r[question] for r in ratings.values() if question in r)
    if responses:
        data.summary = summarise_survey(
            [(r.went_well, r.to_improve) for r in responses],
            [(q, v) for r in ratings.values() for q, v in r.items()])
    return data


def rating_scale_max(values: Iterable[float]) -> float:
    """The top of the survey's rating scale, as the answers show it (5, 10 or 100)."""
    top = max(values, default=0.0)
    if top <= 5:
        return 5.0
    return 10.0 if top <= 10 else 100.0


def set_look_back(offsite_id: int, *, revenue_goal: object = ..., revenue_actual: object = ...,
                  outside_factors: object = ...) -> PutRow:
    values: dict[str, Any] = {}
    for key, raw in (("revenue_goal", revenue_goal), ("revenue_actual", revenue_actual)):
        if raw is ...:
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            values[key] = None
            continue
        parsed = number(raw)
        label = "The revenue goal" if key == "revenue_goal" else "Actual revenue"
        if parsed is None:
            raise SkoError(f"{label} must be a number, not {clean_line(raw)[:30]!r}.")
        if parsed < 0 or parsed > MONEY_MAX:
            raise SkoError(f"{label} must be between 0 and {MONEY_MAX:,.0f}.")
        values[key] = parsed
    if outside_factors is not ...:
        values["outside_factors"] = text_or_none(outside_factors)
    if not values:
        raise SkoError("Nothing to change.")
    return PutRow(SkoLookBack, {"offsite_id": offsite_id}, values, "Edit revenue against goal")


def add_objective(store: OffsiteStore, offsite_id: int, text: str,
                  hit: bool | None = None) -> InsertRow:
    clean = one_line(text, 1000)
    if not clean:
        raise SkoError("Write the objective first.")
    position = next_position(store, SkoObjective, SkoObjective.offsite_id == offsite_id)
    return InsertRow(SkoObjective, {"offsite_id": offsite_id, "position": position,
                                    "text": clean, "hit": hit}, "Add objective")


def edit_objective(objective_id: int, *, text: object = ..., hit: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if text is not ...:
        clean = one_line(text, 1000)
        if not clean:
            raise SkoError("An objective cannot be empty; delete it instead.")
        values["text"] = clean
    if hit is not ...:
        if hit not in (True, False, None):
            raise SkoError("An objective is hit, missed or not yet known.")
        values["hit"] = hit
    if not values:
        raise SkoError("Nothing to change.")
    what = ("Mark objective " + ("hit" if hit else "missed" if hit is False else "not known")
            if "text" not in values else "Edit objective")
    return SetFields(SkoObjective, {"id": objective_id}, values, what)


def delete_objective(objective_id: int) -> DeleteRows:
    return DeleteRows(SkoObjective, [{"id": objective_id}], "Delete objective")


def reorder_objectives(ids: Sequence[int]) -> SetPositions:
    return SetPositions(SkoObjective, list(ids), "Reorder objectives")


def clear_survey(store: OffsiteStore, offsite_id: int) -> DeleteRows:
    ids = list(store.session.scalars(
        select(SurveyResponse.id).where(SurveyResponse.offsite_id == offsite_id)))
    return DeleteRows(SurveyResponse, [{"id": i} for i in ids], "Clear the survey")
