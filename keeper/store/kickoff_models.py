"""The sales kickoff's models (schema 4): look-back, audit, goals, recognition, follow-through.

Part of :mod:`keeper.store.models` (which re-exports every class here); split off so each
module stays short. Same ``Base``, so the mapper sees one schema.
"""

# No ``from __future__ import annotations`` here: each ``Mapped[...]`` is then an object when
# its class is made, and SQLAlchemy need not evaluate ~200 strings (~12 ms off every start).
import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from keeper.store.base import Base
from keeper.store.enum_column import StoredEnum
from keeper.store.kinds import GoalLayer

# ----- schema 4: sales kickoff (look-back, audit, goals, recognition, follow-through) -----


class SkoLookBack(Base):
    """Last kickoff's numbers: revenue against goal."""

    __tablename__ = "sko_look_back"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    revenue_goal: Mapped[float | None] = mapped_column(Float)
    revenue_actual: Mapped[float | None] = mapped_column(Float)
    outside_factors: Mapped[str | None] = mapped_column(Text)


class SkoObjective(Base):
    """An objective set for last kickoff's attendees, hit or missed."""

    __tablename__ = "sko_objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    hit: Mapped[bool | None] = mapped_column(Boolean)


class SurveyResponse(Base):
    """One attendee's answer to last kickoff's survey (imported)."""

    __tablename__ = "survey_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    respondent: Mapped[str | None] = mapped_column(String(200))
    went_well: Mapped[str | None] = mapped_column(Text)
    to_improve: Mapped[str | None] = mapped_column(Text)


class SurveyRating(Base):
    __tablename__ = "survey_rating"
    __table_args__ = (UniqueConstraint("response_id", "question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_response.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)


class Competency(Base):
    __tablename__ = "competency"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))


class CompetencyRating(Base):
    """A rep's self-rated confidence and the manager's rating (1-10) in one competency."""

    __tablename__ = "competency_rating"
    __table_args__ = (UniqueConstraint("person_id", "competency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competency_id: Mapped[int] = mapped_column(
        ForeignKey("competency.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    self_rating: Mapped[float | None] = mapped_column(Float)
    manager_rating: Mapped[float | None] = mapped_column(Float)


class RepMetric(Base):
    """A rep's performance metric for the period (win rate, deal velocity, …)."""

    __tablename__ = "rep_metric"
    __table_args__ = (UniqueConstraint("offsite_id", "person_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)


class Goal(Base):
    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    layer: Mapped[GoalLayer] = mapped_column(StoredEnum(GoalLayer))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)


class GoalLink(Base):
    """``child`` carries ``parent``: activities carry revenue, skills carry activities."""

    __tablename__ = "goal_link"

    parent_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True
    )
    child_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True
    )


class RecognitionTier(Base):
    __tablename__ = "recognition_tier"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    threshold: Mapped[float] = mapped_column(Float)  # share of plan: 1.0 = 100%


class Attainment(Base):
    __tablename__ = "attainment"
    __table_args__ = (UniqueConstraint("offsite_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    attainment: Mapped[float] = mapped_column(Float)  # share of plan: 1.25 = 125%


class SuccessMetric(Base):
    """A row of the SKO success grid."""

    __tablename__ = "success_metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    horizon: Mapped[str] = mapped_column(String(16))  # "0-7 days", "1-8 weeks", "2-12 months"
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    target: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(32))
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)


class MetricMeasure(Base):
    __tablename__ = "metric_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(
        ForeignKey("success_metric.id", ondelete="CASCADE"), index=True
    )
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)


class First30Plan(Base):
    """A rep's First 30 Days Execution Blueprint."""

    __tablename__ = "first30_plan"
    __table_args__ = (UniqueConstraint("offsite_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    week1_focus: Mapped[str | None] = mapped_column(Text)
    weeks2_3: Mapped[str | None] = mapped_column(Text)
    week4_review: Mapped[str | None] = mapped_column(Text)
    daily_habits: Mapped[str | None] = mapped_column(Text)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
