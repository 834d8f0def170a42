"""The offsite at a glance: what the Offsite view shows on its cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from keeper.agenda.rules import planned_starts, totals
from keeper.agenda.timer import TimerState
from keeper.store.models import (
    AgendaItem,
    Attendance,
    Cluster,
    Initiative,
    ItemKind,
    Note,
    Offsite,
    Placement,
    RunnerState,
)


@dataclass(frozen=True)
class Overview:
    sessions: int
    agenda_minutes: int
    planned_start: dt.datetime | None
    planned_finish: dt.datetime | None
    sessions_done: int
    running_item: str | None
    notes: int
    clusters: int
    big_bets: int
    reps_placed: int
    attending: int
    initiatives: int


def _count(session: Session, model: type, *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def offsite_overview(session: Session, offsite_id: int) -> Overview:
    offsite = session.get(Offsite, offsite_id)
    assert offsite is not None, offsite_id
    items = list(session.scalars(
        select(AgendaItem).where(AgendaItem.offsite_id == offsite_id)
        .order_by(AgendaItem.day, AgendaItem.position)))
    on = offsite.date or dt.date.today()
    starts = planned_starts(items, offsite.day_start, on) if items else {}
    agenda = totals(items, starts)
    runner = session.get(RunnerState, offsite_id)
    running = (session.get(AgendaItem, runner.item_id)
               if runner is not None and runner.item_id and runner.state != TimerState.IDLE
               else None)
    return Overview(
        sessions=agenda.sessions,
        agenda_minutes=agenda.minutes,
        planned_start=min(starts.values()) if starts else None,
        planned_finish=agenda.finish,
        sessions_done=sum(1 for i in items  # of the sessions counted above, not breaks
                          if i.actual_end is not None and i.kind == ItemKind.SESSION.value),
        running_item=running.title if running is not None else None,
        notes=_count(session, Note, Note.offsite_id == offsite_id),
        clusters=_count(session, Cluster, Cluster.offsite_id == offsite_id),
        big_bets=_count(session, Cluster, Cluster.offsite_id == offsite_id,
                        Cluster.big_bet.is_(True)),
        reps_placed=_count(session, Placement, Placement.offsite_id == offsite_id),
        attending=_count(session, Attendance, Attendance.offsite_id == offsite_id),
        initiatives=_count(session, Initiative, Initiative.offsite_id == offsite_id),
    )
