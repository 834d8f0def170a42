"""Agenda edits as undoable operations, plus the runner's (not undoable) writes.

Positions are kept dense (0, 1, 2, …) in agenda order across the offsite's
days. Every operation is applied in one transaction and reverted in one (see ``keeper.ops``).

Times: ``AgendaItem.actual_start/end`` are naive *local* times (the file's
convention); the timer records aware instants. ``entry_of`` makes the stored
times aware (local) so the schedule rules never mistake them for UTC, and
``record_actuals`` stores aware instants back as naive local times.
``RunnerState.deadline`` is naive UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.agenda.schedule import AgendaEntry, Drift, RebalancePreview
from keeper.agenda.templates import AgendaTemplate
from keeper.agenda.timer import Actuals, PersistedTimer, TimerState
from keeper.ops import Composite, Operation, SetFields, Tx
from keeper.store.models import AgendaItem, ContentTag, ItemKind, Meta, RunnerState
from keeper.store.offsite_file import OffsiteStore
from keeper.text import NOTE_MAX, clean_block, clean_line

MAX_MINUTES = 600
MAX_WARN_S = 3600
TITLE_MAX = 200
FORMAT_MAX = 32

# -- reading -----------------------------------------------------------------


def agenda_items(store: OffsiteStore, offsite_id: int) -> list[AgendaItem]:
    return list(
        store.session.scalars(
            select(AgendaItem)
            .where(AgendaItem.offsite_id == offsite_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def local_aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored naive local time as an aware one (aware values pass through)."""
    if moment is None:
        return None
    return moment.astimezone() if moment.tzinfo is None else moment


def local_naive(moment: dt.datetime | None) -> dt.datetime | None:
    """An aware instant as the naive local time the file stores."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def entry_of(item: AgendaItem) -> AgendaEntry:
    return AgendaEntry(
        id=item.id,
        title=item.title,
        kind=item.kind,
        planned_minutes=item.planned_minutes,
        protected=bool(item.protected),
        content_tag=item.content_tag,
        actual_start=local_aware(item.actual_start),
        actual_end=local_aware(item.actual_end),
        warn_amber_s=item.warn_amber_s,
        warn_red_s=item.warn_red_s,
    )


def days_of(items: Sequence[AgendaItem]) -> list[int]:
    return sorted({i.day for i in items}) or [1]


def runner_day(items: Sequence[AgendaItem], current_item_id: int | None) -> int:
    """The day the runner works on: the current item's, else the first not finished."""
    for item in items:
        if item.id == current_item_id:
            return item.day
    for day in days_of(items):
        if any(i.actual_end is None for i in items if i.day == day):
            return day
    return days_of(items)[-1]


# -- cleaning ----------------------------------------------------------------

_KINDS = set(ItemKind)
_TAGS = set(ContentTag)


def clean_item_values(values: dict[str, Any]) -> dict[str, Any]:
    """Typed-in or imported values made safe: text cleaned, numbers clamped.

    Unknown keys are dropped; a value that cannot be understood is dropped too,
    so the column keeps what it had.
    """
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "title":
            out[key] = clean_line(value, TITLE_MAX) or "Untitled"
        elif key == "notes":
            out[key] = clean_block(value, NOTE_MAX) or None
        elif key == "session_format":
            out[key] = clean_line(value, FORMAT_MAX) or None
        elif key == "kind":
            if str(value) in _KINDS:
                out[key] = str(value)
        elif key == "content_tag":
            if value in (None, ""):
                out[key] = None
            elif str(value) in _TAGS:
                out[key] = str(value)
        elif key == "planned_minutes":
            number = _int(value)
            if number is not None:
                out[key] = min(MAX_MINUTES, max(1, number))
        elif key in ("warn_amber_s", "warn_red_s"):
            number = _int(value)
            if number is not None:
                out[key] = min(MAX_WARN_S, max(0, number))
        elif key == "day":
            number = _int(value)
            if number is not None:
                out[key] = min(14, max(1, number))
        elif key == "protected":
            out[key] = bool(value)
        elif key == "presenter_id":
            out[key] = value if value is None or isinstance(value, int) else None
    return out


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(round(number))


# -- operations --------------------------------------------------------------


def _positions(session: Session, offsite_id: int) -> dict[int, int]:
    rows = session.execute(
        select(AgendaItem.id, AgendaItem.position).where(AgendaItem.offsite_id == offsite_id)
    )
    return {r.id: r.position for r in rows}


def _write_order(tx: Tx, old: dict[int, int], order: Sequence[int]) -> None:
    """Positions 0, 1, 2, … in ``order``; only rows whose place changes are written."""
    for n, item_id in enumerate(order):
        if old.get(item_id) != n:
            tx.update(AgendaItem, item_id, {"position": n})


@dataclass
class SetOrder(Operation):
    """Put the offsite's items in ``order`` (ids); ids not listed keep their place at the end."""

    offsite_id: int
    order: list[int]
    text: str = "Reorder agenda"

    def perform(self, tx: Tx) -> None:
        old = _positions(tx.session, self.offsite_id)
        listed = [i for i in self.order if i in old]
        rest = sorted((i for i in old if i not in set(listed)), key=lambda i: old[i])
        _write_order(tx, old, listed + rest)


def move_item(
    store: OffsiteStore, offsite_id: int, item_ids: Sequence[int], to_index: int
) -> SetOrder:
    """The operation that moves ``item_ids`` (kept in their order) to ``to_index``.

    ``to_index`` counts in the agenda as it is now (before the move), like a
    drop position between rows.
    """
    order = [i.id for i in agenda_items(store, offsite_id)]
    moving = [i for i in order if i in set(item_ids)]
    before = sum(1 for i in order[: max(0, to_index)] if i in set(moving))
    rest = [i for i in order if i not in set(moving)]
    at = min(max(0, to_index - before), len(rest))
    new_order = rest[:at] + moving + rest[at:]
    text = "Move item" if len(moving) == 1 else f"Move {len(moving)} items"
    return SetOrder(offsite_id, new_order, text)


@dataclass
class InsertItems(Operation):
    """Insert items at ``at`` (an index in the current order); redo keeps their ids."""

    offsite_id: int
    at: int
    rows: list[dict[str, Any]]
    text: str = "Insert items"
    ids: list[int] = field(default_factory=list)

    def perform(self, tx: Tx) -> None:
        order = [i.id for i in agenda_items(tx.store, self.offsite_id)]
        old = _positions(tx.session, self.offsite_id)
        at = min(max(0, self.at), len(order))
        made: list[int] = []
        for n, values in enumerate(self.rows):
            clean = clean_item_values(values)
            clean.setdefault("title", "Untitled")
            key = tx.insert(AgendaItem, {**clean, "offsite_id": self.offsite_id,
                                         "position": at + n})
            made.append(key["id"])
        self.ids = made
        old.update({i: at + n for n, i in enumerate(made)})
        _write_order(tx, old, order[:at] + made + order[at:])


@dataclass
class DeleteItems(Operation):
    """Delete items (undo brings them back with their ids and places)."""

    offsite_id: int
    item_ids: list[int]
    text: str = "Delete items"

    def perform(self, tx: Tx) -> None:
        gone = set(self.item_ids)
        remaining = [i.id for i in agenda_items(tx.store, self.offsite_id) if i.id not in gone]
        for item_id in self.item_ids:
            tx.delete(AgendaItem, item_id)
        _write_order(tx, _positions(tx.session, self.offsite_id), remaining)


def update_item(item: AgendaItem, values: dict[str, Any], text: str | None = None) -> SetFields:
    clean = clean_item_values(values)
    return SetFields(AgendaItem, {"id": item.id}, clean, text or f"Edit {item.title[:40]}")


def template_rows(template: AgendaTemplate, day: int | None = None) -> list[dict[str, Any]]:
    return [
        {
            "title": t.title,
            "kind": t.kind,
            "planned_minutes": t.minutes,
            "content_tag": t.tag,
            "protected": t.protected,
            "session_format": t.session_format,
            "day": day if day is not None else t.day,
            "notes": t.notes,
            "warn_amber_s": 120,
            "warn_red_s": 30,
        }
        for t in template.items
    ]


def insert_from_template(
    offsite_id: int, template: AgendaTemplate, at: int, day: int | None = None
) -> InsertItems:
    return InsertItems(
        offsite_id, at, template_rows(template, day), f"Insert template “{template.name}”"
    )


def target_end_key(offsite_id: int, day: int) -> str:
    return f"runner.target_end.{offsite_id}.{day}"


def read_target_end(store: OffsiteStore, offsite_id: int, day: int) -> dt.datetime | None:
    """The day's end as it stood when time was last taken back (None: never)."""
    row = store.session.get(Meta, target_end_key(offsite_id, day))
    if row is None:
        return None
    try:
        return dt.datetime.fromisoformat(row.value)
    except ValueError:
        return None


@dataclass
class SetMeta(Operation):
    """Set (or with None remove) one ``keeper_meta`` value; undo puts the old one back."""

    key: str
    value: str | None
    text: str = "Edit"

    def perform(self, tx: Tx) -> None:
        tx.put(Meta, {"key": self.key}, None if self.value is None else {"value": self.value})


def anchored_drift(d: Drift, target_end: dt.datetime | None) -> Drift:
    """Drift against the day's committed end.

    Taking time back shortens the plan, which moves the plan's own end earlier
    by as much as it recovered: measured against the plan alone the day would
    still read "16 min late". After a take-back the end the day was committed
    to (``target_end``) is the reference, unless the plan now ends later
    (sessions were added since), in which case the plan is.
    """
    if target_end is None:
        return d
    reference = max(d.planned_end, target_end.astimezone(d.planned_end.tzinfo)
                    if d.planned_end.tzinfo else target_end)
    return Drift((d.projected_end - reference).total_seconds(), reference, d.projected_end)


def apply_rebalance(
    preview: RebalancePreview,
    titles: dict[int, str] | None = None,
    anchor: tuple[int, int, dt.datetime] | None = None,
) -> Composite:
    """One undo step that sets the previewed lengths.

    ``anchor`` (offsite id, day, the end the day is committed to) is kept so
    that the drift reads against it afterwards (see ``anchored_drift``).
    """
    parts: list[Operation] = [
        SetFields(AgendaItem, {"id": c.item_id}, {"planned_minutes": c.new_minutes},
                  f"Shorten {(titles or {}).get(c.item_id, 'item')}")
        for c in preview.changes
    ]
    if anchor is not None:
        offsite_id, day, end = anchor
        parts.append(SetMeta(target_end_key(offsite_id, day), end.isoformat()))
    return Composite(parts, f"Take back {preview.recovered_minutes} min")


def replace_agenda(
    store: OffsiteStore, offsite_id: int, rows: list[dict[str, Any]], text: str = "Import agenda"
) -> Composite:
    """Replace the whole agenda (an import), as one undo step."""
    old = [i.id for i in agenda_items(store, offsite_id)]
    return Composite([DeleteItems(offsite_id, old), InsertItems(offsite_id, 0, rows)], text)


# -- the runner's writes (not undoable: they record what happened) ------------


def record_actuals(store: OffsiteStore, actuals: dict[int, Actuals]) -> bool:
    """Store the runner's actual times; True when anything changed."""
    changed = False
    with store.edit() as s:
        for item_id, got in actuals.items():
            item = s.get(AgendaItem, item_id)
            if item is None:
                continue
            start, end = local_naive(got.start), local_naive(got.end)
            if item.actual_start != start or item.actual_end != end:
                item.actual_start, item.actual_end = start, end
                changed = True
    return changed


@dataclass(frozen=True)
class SavedRunner:
    timer: PersistedTimer
    message: str | None = None
    blackout: bool = False


def load_runner_state(store: OffsiteStore, offsite_id: int) -> SavedRunner:
    row = store.session.get(RunnerState, offsite_id)
    if row is None:
        return SavedRunner(PersistedTimer(None, TimerState.IDLE))
    try:
        state = TimerState(row.state)
    except ValueError:
        state = TimerState.IDLE
    deadline = row.deadline.replace(tzinfo=dt.UTC) if row.deadline is not None else None
    timer = PersistedTimer(row.item_id, state, deadline, row.remaining_s)
    return SavedRunner(timer, row.message, bool(row.blackout))


def running_title(store: OffsiteStore, offsite_id: int) -> str:
    """The title of the session under way (running or paused), "" when none is: one query."""
    title = store.session.scalar(
        select(AgendaItem.title).join(RunnerState, RunnerState.item_id == AgendaItem.id)
        .where(RunnerState.offsite_id == offsite_id, RunnerState.state != TimerState.IDLE))
    return title or ""


def save_runner_state(store: OffsiteStore, offsite_id: int, saved: SavedRunner) -> None:
    timer = saved.timer
    deadline = timer.deadline
    if deadline is not None and deadline.tzinfo is not None:
        deadline = deadline.astimezone(dt.UTC).replace(tzinfo=None)
    values = {
        "item_id": timer.item_id,
        "state": TimerState(timer.state),
        "deadline": deadline,
        "remaining_s": timer.remaining_s,
        "message": clean_line(saved.message, 300) or None if saved.message else None,
        "blackout": saved.blackout,
    }
    with store.edit() as s:
        row = s.get(RunnerState, offsite_id)
        if row is None:
            s.add(RunnerState(offsite_id=offsite_id, **values))
        else:
            for key, value in values.items():
                setattr(row, key, value)


def ids(items: Iterable[AgendaItem]) -> list[int]:
    return [i.id for i in items]
