"""Follow-through: the success grid and its measures, the 30/60/90-day
check-ins, each rep's first 30 days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow
from keeper.kickoff.fields import UNIT_MAX, SkoError, next_position, number, one_line, text_or_none
from keeper.kickoff.people import SkoPerson, kickoff_reps
from keeper.kickoff.rules import CHECKPOINTS, HORIZONS, metric_status
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import (
    CheckIn,
    First30Plan,
    MetricMeasure,
    Offsite,
    Person,
    Role,
    SuccessMetric,
)
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line

PLAN_FIELDS = ("week1_focus", "weeks2_3", "week4_review", "daily_habits")
PLAN_LABELS = {"week1_focus": "Week 1 focus", "weeks2_3": "Weeks 2–3 application",
               "week4_review": "Week 4 review", "daily_habits": "Daily habits"}
SUGGESTED_METRICS: tuple[tuple[str, str, float | None, str | None, bool], ...] = (
    ("0-7 days", "Satisfaction score (1-5)", 4.2, None, True),
    ("0-7 days", "Attendance at mandatory sessions", 95, "%", True),
    ("1-8 weeks", "Certification completion", 90, "%", True),
    ("1-8 weeks", "CRM feature adoption", 80, "%", True),
    ("2-12 months", "Q1 pipeline created", None, "$M", True),
    ("2-12 months", "Competitive win rate", None, "%", True),
)


@dataclass(frozen=True)
class MeasureRow:
    id: int
    measured_on: dt.date
    value: float


@dataclass(frozen=True)
class MetricRow:
    id: int
    horizon: str
    position: int
    name: str
    target: float | None
    unit: str | None
    higher_is_better: bool
    measures: tuple[MeasureRow, ...]

    @property
    def latest(self) -> float | None:
        return self.measures[-1].value if self.measures else None

    @property
    def status(self) -> str:
        return metric_status(self.target, self.latest, self.higher_is_better)


@dataclass(frozen=True)
class CheckpointRow:
    id: int
    date: dt.date
    label: str | None
    notes: str | None


@dataclass(frozen=True)
class PlanRow:
    person_id: int
    week1_focus: str | None
    weeks2_3: str | None
    week4_review: str | None
    daily_habits: str | None
    partner_id: int | None


@dataclass
class FollowThrough:
    date: dt.date | None = None
    metrics: list[MetricRow] = field(default_factory=list)
    check_ins: list[CheckpointRow] = field(default_factory=list)
    plans: dict[int, PlanRow] = field(default_factory=dict)
    reps: list[SkoPerson] = field(default_factory=list)

    def horizon(self, horizon: str) -> list[MetricRow]:
        return [m for m in self.metrics if m.horizon == horizon]


def load_follow_through(store: OffsiteStore, offsite_id: int) -> FollowThrough:
    offsite = store.session.get(Offsite, offsite_id)
    data = FollowThrough(date=offsite.date if offsite else None,
                         reps=kickoff_reps(store, offsite_id))
    measures: dict[int, list[MeasureRow]] = {}
    for m in store.session.scalars(
            select(MetricMeasure).join(SuccessMetric)
            .where(SuccessMetric.offsite_id == offsite_id)
            .order_by(MetricMeasure.measured_on, MetricMeasure.id)):
        measures.setdefault(m.metric_id, []).append(MeasureRow(m.id, m.measured_on, m.value))
    metrics = list(store.session.scalars(
        select(SuccessMetric).where(SuccessMetric.offsite_id == offsite_id)))
    metrics.sort(key=lambda m: (HORIZONS.index(m.horizon) if m.horizon in HORIZONS else 9,
                                m.position, m.id))
    data.metrics = [MetricRow(m.id, m.horizon, m.position, m.name, m.target, m.unit,
                              bool(m.higher_is_better), tuple(measures.get(m.id, [])))
                    for m in metrics]
    data.check_ins = [CheckpointRow(c.id, c.date, c.label, c.notes) for c in store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id)
        .order_by(CheckIn.date, CheckIn.id))]
    data.plans = {p.person_id: PlanRow(p.person_id, p.week1_focus, p.weeks2_3, p.week4_review,
                                       p.daily_habits, p.partner_id)
                  for p in store.session.scalars(
                      select(First30Plan).where(First30Plan.offsite_id == offsite_id))}
    return data


def _metric_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            clean = one_line(value, 500)
            if not clean:
                raise SkoError("A success metric needs a name.")
            out[key] = clean
        elif key == "horizon":
            if value not in HORIZONS:
                raise SkoError(f"The horizon is one of {', '.join(HORIZONS)}.")
            out[key] = value
        elif key == "target":
            if value is None or (isinstance(value, str) and not value.strip()):
                out[key] = None
            else:
                parsed = number(value)
                if parsed is None:
                    raise SkoError(f"The target must be a number, not {clean_line(value)[:30]!r}.")
                out[key] = parsed
        elif key == "unit":
            out[key] = one_line(value or "", UNIT_MAX) or None
        elif key == "higher_is_better":
            out[key] = bool(value)
    return out


def add_metric(store: OffsiteStore, offsite_id: int, horizon: str, name: str,
               target: object = None, unit: str | None = None,
               higher_is_better: bool = True) -> InsertRow:
    values = _metric_values({"horizon": horizon, "name": name, "target": target, "unit": unit,
                             "higher_is_better": higher_is_better})
    position = next_position(store, SuccessMetric, SuccessMetric.offsite_id == offsite_id,
                              SuccessMetric.horizon == horizon)
    return InsertRow(SuccessMetric, {"offsite_id": offsite_id, "position": position, **values},
                     f"Add metric {values['name'][:40]}")


def suggested_metrics(store: OffsiteStore, offsite_id: int) -> Composite:
    """The blueprint's success grid (those not there yet), one undo step."""
    have = {m.name.casefold() for m in store.session.scalars(
        select(SuccessMetric).where(SuccessMetric.offsite_id == offsite_id))}
    parts: list[Operation] = []
    positions: dict[str, int] = {}
    for horizon, name, target, unit, higher in SUGGESTED_METRICS:
        if name.casefold() in have:
            continue
        if horizon not in positions:
            positions[horizon] = next_position(store, SuccessMetric,
                                                SuccessMetric.offsite_id == offsite_id,
                                                SuccessMetric.horizon == horizon)
        parts.append(InsertRow(SuccessMetric, {
            "offsite_id": offsite_id, "horizon": horizon, "position": positions[horizon],
            "name": name, "target": target, "unit": unit, "higher_is_better": higher}))
        positions[horizon] += 1
    if not parts:
        raise SkoError("The suggested metrics are in the grid already.")
    return Composite(parts, "Add the suggested success metrics")


def edit_metric(metric_id: int, values: Mapping[str, Any]) -> SetFields:
    clean = _metric_values(values)
    if not clean:
        raise SkoError("Nothing to change.")
    return SetFields(SuccessMetric, {"id": metric_id}, clean, "Edit success metric")


def delete_metric(metric_id: int) -> DeleteRows:
    return DeleteRows(SuccessMetric, [{"id": metric_id}], "Delete success metric")


def add_measure(store: OffsiteStore, metric_id: int, measured_on: dt.date,
                value: object) -> InsertRow:
    metric = store.session.get(SuccessMetric, metric_id)
    if metric is None:
        raise SkoError("That metric is no longer in the file.")
    parsed = number(value)
    if parsed is None:
        raise SkoError(f"A measure is a number, not {clean_line(value)[:30]!r}.")
    if not isinstance(measured_on, dt.date):
        raise SkoError("A measure needs the date it was taken.")
    return InsertRow(MetricMeasure, {"metric_id": metric_id, "measured_on": measured_on,
                                     "value": parsed}, f"Measure {metric.name[:40]}")


def edit_measure(measure_id: int, *, measured_on: dt.date | None = None,
                 value: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if measured_on is not None:
        values["measured_on"] = measured_on
    if value is not ...:
        parsed = number(value)
        if parsed is None:
            raise SkoError(f"A measure is a number, not {clean_line(value)[:30]!r}.")
        values["value"] = parsed
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(MetricMeasure, {"id": measure_id}, values, "Edit measure")


def delete_measure(measure_id: int) -> DeleteRows:
    return DeleteRows(MetricMeasure, [{"id": measure_id}], "Delete measure")


def checkpoint_label(days: int) -> str:
    return f"{days}-day checkpoint"


def generate_checkpoints(store: OffsiteStore, offsite_id: int) -> Composite:
    """Check-ins 30, 60 and 90 days after the kickoff (those already there are kept)."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.date is None:
        raise SkoError("Set the kickoff's date first; the 30/60/90-day check-ins follow it.")
    have = {c.label for c in store.session.scalars(
        select(CheckIn).where(CheckIn.offsite_id == offsite_id))}
    parts: list[Operation] = [
        InsertRow(CheckIn, {"offsite_id": offsite_id, "label": checkpoint_label(days),
                            "date": offsite.date + dt.timedelta(days=days)})
        for days in CHECKPOINTS if checkpoint_label(days) not in have]
    if not parts:
        raise SkoError("The 30, 60 and 90-day check-ins are there already.")
    return Composite(parts, f"Add {len(parts)} check-in{'s' if len(parts) != 1 else ''}")


def edit_checkpoint(check_in_id: int, *, date: dt.date | None = None,
                    notes: object = ..., label: object = ...) -> SetFields:
    values: dict[str, Any] = {}
    if date is not None:
        values["date"] = date
    if notes is not ...:
        values["notes"] = text_or_none(notes)
    if label is not ...:
        values["label"] = one_line(label or "", 64) or None
    if not values:
        raise SkoError("Nothing to change.")
    return SetFields(CheckIn, {"id": check_in_id}, values, "Edit check-in")


def delete_checkpoint(check_in_id: int) -> DeleteRows:
    return DeleteRows(CheckIn, [{"id": check_in_id}], "Delete check-in")


def set_plan(store: OffsiteStore, offsite_id: int, person_id: int,
             values: Mapping[str, Any]) -> PutRow:
    """Change a rep's first-30-days plan (fields not given keep their text)."""
    person = store.session.get(Person, person_id)
    if person is None:
        raise SkoError("That rep is no longer in the file.")
    existing = store.session.scalars(select(First30Plan).where(
        First30Plan.offsite_id == offsite_id, First30Plan.person_id == person_id)).first()
    row: dict[str, Any] = {f: getattr(existing, f) if existing else None
                           for f in (*PLAN_FIELDS, "partner_id")}
    for key, value in values.items():
        if key in PLAN_FIELDS:
            row[key] = text_or_none(value)
        elif key == "partner_id":
            if value is not None:
                partner = store.session.get(Person, value)
                if partner is None:
                    raise SkoError("That accountability partner is no longer in the file.")
                if value == person_id:
                    raise SkoError(f"{person.name} cannot be their own accountability partner; "
                                   "pick another rep.")
                if partner.role != Role.REP:
                    raise SkoError(f"{partner.name} is not a rep; an accountability partner "
                                   "is a peer.")
            row[key] = value
        else:
            raise SkoError(f"A first-30-days plan has no field {key!r}.")
    empty = all(row[f] is None for f in (*PLAN_FIELDS, "partner_id"))
    return PutRow(First30Plan, {"offsite_id": offsite_id, "person_id": person_id},
                  None if empty else row, f"First 30 days of {person.name[:40]}")
