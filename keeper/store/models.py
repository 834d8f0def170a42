"""SQLAlchemy 2.x typed models: the offsite as data.

The schema itself is created by the numbered migrations in
``keeper/store/migrations``; ``tests/unit/test_migrations.py`` checks that the
migrated file and these models agree column by column.

A column with a fixed vocabulary (a person's role, an item's kind, ...) reads and
writes its Python enum (``enum_column.StoredEnum``); the file holds the member's
value as plain text, as it always has, so no migration was needed.
"""

# No ``from __future__ import annotations`` here: each ``Mapped[...]`` is then an object when
# its class is made, and SQLAlchemy need not evaluate ~200 strings (~12 ms off every start).
import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from keeper.agenda.timer import TimerState
from keeper.quadrant.rules import Quadrant
from keeper.store.base import Base
from keeper.store.enum_column import StoredEnum
from keeper.store.kinds import (
    ContentTag,
    FeedbackKind,
    GoalLayer,  # noqa: F401 (re-exported)
    ItemKind,
    OffsiteKind,
    OkrKind,
    Role,
    TallyMode,
)


class Meta(Base):
    __tablename__ = "keeper_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Person(Base):
    """Someone in the sales organisation; persists across the file's offsites."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(StoredEnum(Role), default=Role.REP)
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(320))
    colour: Mapped[str | None] = mapped_column(String(9))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    manager: Mapped["Person | None"] = relationship(remote_side=[id])


class Offsite(Base):
    __tablename__ = "offsite"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OffsiteKind] = mapped_column(StoredEnum(OffsiteKind),
                                              default=OffsiteKind.LEADERSHIP)
    date: Mapped[dt.date | None] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(String(200))
    day_start: Mapped[dt.time] = mapped_column(Time, default=dt.time(9, 0))
    keeper_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    mix_rule: Mapped[str] = mapped_column(String(16), default="60/30/10")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    initiatives: Mapped[list["Initiative"]] = relationship(
        order_by="Initiative.position", cascade="all, delete-orphan", passive_deletes=True
    )
    agenda: Mapped[list["AgendaItem"]] = relationship(
        order_by="AgendaItem.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Initiative(Base):
    """One of the company's 3-5 initiatives for the period."""

    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))


class Attendance(Base):
    __tablename__ = "attendance"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    gratitude_note: Mapped[str | None] = mapped_column(Text)


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ItemKind] = mapped_column(StoredEnum(ItemKind), default=ItemKind.SESSION)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=30)
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    content_tag: Mapped[ContentTag | None] = mapped_column(StoredEnum(ContentTag))
    session_format: Mapped[str | None] = mapped_column(String(32))
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    warn_amber_s: Mapped[int] = mapped_column(Integer, default=120)
    warn_red_s: Mapped[int] = mapped_column(Integer, default=30)
    actual_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[dt.datetime | None] = mapped_column(DateTime)


class RunnerState(Base):
    """The running timer, persisted so that a restart resumes it.

    ``deadline`` is a wall-clock instant (UTC) so it survives a restart;
    ``remaining_s`` holds the time left while paused.
    """

    __tablename__ = "runner_state"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    state: Mapped[TimerState] = mapped_column(StoredEnum(TimerState), default=TimerState.IDLE)
    deadline: Mapped[dt.datetime | None] = mapped_column(DateTime)
    remaining_s: Mapped[float | None] = mapped_column(Float)
    message: Mapped[str | None] = mapped_column(Text)
    blackout: Mapped[bool] = mapped_column(Boolean, default=False)


class Cluster(Base):
    """A named frame on the whiteboard that holds notes."""

    __tablename__ = "cluster"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    width: Mapped[float] = mapped_column(Float, default=400.0)
    height: Mapped[float] = mapped_column(Float, default=300.0)
    big_bet: Mapped[bool] = mapped_column(Boolean, default=False)
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="SET NULL")
    )


class Note(Base):
    """A sticky note: one opportunity written by one leader."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="SET NULL"), index=True
    )
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Support(Base):
    """One person's support for a note or a cluster (``dots`` in dot voting)."""

    __tablename__ = "support"
    __table_args__ = (UniqueConstraint("person_id", "note_id", "cluster_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"))
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("cluster.id", ondelete="CASCADE"))
    dots: Mapped[int] = mapped_column(Integer, default=1)


class TallySettings(Base):
    """How the room's support is counted for one offsite."""

    __tablename__ = "tally_settings"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    mode: Mapped[TallyMode] = mapped_column(StoredEnum(TallyMode), default=TallyMode.SUPPORTERS)
    dots_per_person: Mapped[int] = mapped_column(Integer, default=3)
    cap_per_idea: Mapped[int | None] = mapped_column(Integer)
    keeper_counted: Mapped[bool] = mapped_column(Boolean, default=True)


class Placement(Base):
    """A rep on the skill (x) / motivation (y) board, both in 0..1."""

    __tablename__ = "placement"
    __table_args__ = (UniqueConstraint("offsite_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    skill: Mapped[float] = mapped_column(Float)
    motivation: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)


class QuadrantNote(Base):
    """The care plan for one quadrant at one offsite."""

    __tablename__ = "quadrant_note"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    quadrant: Mapped[Quadrant] = mapped_column(StoredEnum(Quadrant, 32), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")


# ----- schema 3: the rest of the offsite day (OKRs, questions, talks, feedback, plan) -----


class Okr(Base):
    """An OKR: set at one offsite (``next``), reviewed at the following one (``review``)."""

    __tablename__ = "okr"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[OkrKind] = mapped_column(StoredEnum(OkrKind), default=OkrKind.REVIEW)
    position: Mapped[int] = mapped_column(Integer, default=0)
    objective: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    hit: Mapped[bool | None] = mapped_column(Boolean)
    went_well: Mapped[str | None] = mapped_column(Text)
    went_badly: Mapped[str | None] = mapped_column(Text)
    on_the_floor: Mapped[str | None] = mapped_column(Text)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("okr.id", ondelete="SET NULL"))


class Question(Base):
    """A north-star question and the room's answers."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    answers: Mapped[str | None] = mapped_column(Text)


class BestPractice(Base):
    """A manager presenting a strength in a best-practice talk."""

    __tablename__ = "best_practice"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    presenter_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    strength: Mapped[str | None] = mapped_column(Text)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )


class Reflection(Base):
    __tablename__ = "reflection"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)


class Feedback(Base):
    """Start / Stop / Continue from one attendee to another. Never projected."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("offsite_id", "giver_id", "receiver_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    giver_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    receiver_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[FeedbackKind] = mapped_column(StoredEnum(FeedbackKind))
    text: Mapped[str] = mapped_column(Text)


class Charter(Base):
    """The narrative for the next period."""

    __tablename__ = "charter"

    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), primary_key=True
    )
    what_we_will_do: Mapped[str | None] = mapped_column(Text)
    what_went_wrong: Mapped[str | None] = mapped_column(Text)
    how_the_plan_fixes_it: Mapped[str | None] = mapped_column(Text)


class PlanInitiative(Base):
    """The operating plan's initiative for one big bet, with an owner."""

    __tablename__ = "plan_initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("cluster.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class Tactic(Base):
    __tablename__ = "tactic"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_initiative_id: Mapped[int] = mapped_column(
        ForeignKey("plan_initiative.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="not started")


class CheckIn(Base):
    """A monthly leadership check-in on the operating plan."""

    __tablename__ = "check_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    offsite_id: Mapped[int] = mapped_column(
        ForeignKey("offsite.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(64))  # "30-day checkpoint", …


class TacticUpdate(Base):
    """A tactic's status as recorded at one check-in (the history of the plan)."""

    __tablename__ = "tactic_update"
    __table_args__ = (UniqueConstraint("check_in_id", "tactic_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_in_id: Mapped[int] = mapped_column(ForeignKey("check_in.id", ondelete="CASCADE"))
    tactic_id: Mapped[int] = mapped_column(ForeignKey("tactic.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)


# The kickoff's tables live in their own module; every model is importable from here.
from keeper.store.kickoff_models import (  # noqa: E402, F401 (re-exported)
    Attainment,
    Competency,
    CompetencyRating,
    First30Plan,
    Goal,
    GoalLink,
    MetricMeasure,
    RecognitionTier,
    RepMetric,
    SkoLookBack,
    SkoObjective,
    SuccessMetric,
    SurveyRating,
    SurveyResponse,
)

