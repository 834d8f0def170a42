"""The base of every board edit: an operation recorded as small reversible steps.

Every operation follows the :class:`keeper.ops.Operation` protocol: ``apply``
runs its changes in **one** transaction and commits; ``revert`` undoes them in
one transaction. An operation works out its changes from the file the first
time it is applied and records them as small reversible steps; redo replays
the same steps (an inserted row gets its old id back, so later operations that
refer to it stay valid).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.geometry import cluster_bounds
from keeper.board.loading import BoardData, load_board
from keeper.ops import _pk_filter, _Snapshot, _snapshot, _table
from keeper.store.models import Base, Cluster, Note, Support
from keeper.store.offsite_file import OffsiteStore


class BoardError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


class _Step(Protocol):
    def do(self, s: Session) -> None: ...

    def undo(self, s: Session) -> None: ...


@dataclass
class _Update:
    table: Table
    key: dict[str, Any]
    values: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)

    def do(self, s: Session) -> None:
        cols = [self.table.c[k] for k in self.values]
        row = s.execute(select(*cols).where(*_pk_filter(self.table, self.key))).one_or_none()
        if row is None:
            raise BoardError("That item is no longer on the board.")
        self.old = dict(row._mapping)
        s.execute(update(self.table).where(*_pk_filter(self.table, self.key)).values(**self.values))

    def undo(self, s: Session) -> None:
        s.execute(update(self.table).where(*_pk_filter(self.table, self.key)).values(**self.old))


@dataclass
class _Insert:
    table: Table
    values: dict[str, Any]
    key: dict[str, Any] = field(default_factory=dict)

    def do(self, s: Session) -> None:
        values = {**self.values, **self.key}
        result = s.execute(insert(self.table).values(**values))
        if not self.key:
            pk = result.inserted_primary_key
            assert pk is not None
            self.key = {c.name: v for c, v in zip(self.table.primary_key.columns, pk, strict=True)}

    def undo(self, s: Session) -> None:
        s.execute(delete(self.table).where(*_pk_filter(self.table, self.key)))


@dataclass
class _Delete:
    """Delete one row; remembers it and whatever the database cascades, for undo."""

    table: Table
    key: dict[str, Any]
    snap: _Snapshot = field(default_factory=_Snapshot)

    def do(self, s: Session) -> None:
        self.snap = _Snapshot()
        _snapshot(s, self.table, _pk_filter(self.table, self.key), self.snap)
        s.execute(delete(self.table).where(*_pk_filter(self.table, self.key)))

    def undo(self, s: Session) -> None:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        for table, row in self.snap.inserts:
            ident = (table.name, tuple(row[c.name] for c in table.primary_key.columns))
            if ident not in seen:
                seen.add(ident)
                s.execute(insert(table).values(**row))
        for table, key, column, value in self.snap.nulled:
            s.execute(update(table).where(*_pk_filter(table, key)).values({column: value}))


class BoardOperation:
    """Base: subclasses implement ``_perform(session)`` by calling ``_do(session, step)``."""

    text = "Edit board"

    def __init__(self) -> None:
        self._steps: list[_Step] | None = None
        self._recording: list[_Step] = []

    def _perform(self, s: Session) -> None:
        raise NotImplementedError

    def _do(self, s: Session, step: _Step) -> None:
        step.do(s)
        self._recording.append(step)

    def _update(self, s: Session, model: type[Base], id_: int, **values: Any) -> None:
        self._do(s, _Update(_table(model), {"id": id_}, values))

    def _insert(self, s: Session, model: type[Base], **values: Any) -> int:
        step = _Insert(_table(model), values)
        self._do(s, step)
        return int(step.key["id"])

    def _delete(self, s: Session, model: type[Base], id_: int) -> None:
        self._do(s, _Delete(_table(model), {"id": id_}))

    def apply(self, store: OffsiteStore) -> None:
        try:
            with store.edit() as s:
                if self._steps is None:
                    self._recording = []
                    self._perform(s)
                    self._steps = self._recording
                else:
                    for step in self._steps:
                        step.do(s)
        except BaseException:
            if self._steps is None:
                self._recording = []
            raise
        finally:
            store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        if self._steps is None:
            return
        try:
            with store.edit() as s:
                for step in reversed(self._steps):
                    step.undo(s)
        finally:
            store.session.expire_all()


def load_fresh(s: Session, offsite_id: int) -> BoardData:
    """The board as this transaction sees it, changes not yet committed included."""
    s.flush()
    return load_board(s, offsite_id)


def offsite_of_note(s: Session, note_id: int) -> int:
    offsite_id = s.scalar(select(Note.offsite_id).where(Note.id == note_id))
    if offsite_id is None:
        raise BoardError("That note is no longer on the board.")
    return offsite_id


def offsite_of_cluster(s: Session, cluster_id: int) -> int:
    offsite_id = s.scalar(select(Cluster.offsite_id).where(Cluster.id == cluster_id))
    if offsite_id is None:
        raise BoardError("That group is no longer on the board.")
    return offsite_id


def fit_frame(op: BoardOperation, s: Session, data: BoardData, cluster_id: int) -> None:
    """Grow a cluster's stored frame to hold its notes (never shrinks it)."""
    c = data.cluster(cluster_id)
    if c is None:
        return
    x, y, w, h = cluster_bounds(
        (c.x, c.y, c.width, c.height), [(n.x, n.y) for n in data.notes_in(cluster_id)]
    )
    if (x, y, w, h) != (c.x, c.y, c.width, c.height):
        op._update(s, Cluster, cluster_id, x=x, y=y, width=w, height=h)


def write_supports(
    op: BoardOperation,
    s: Session,
    offsite_id: int,
    before: Sequence[tally.TallySupport],
    after: Sequence[tally.TallySupport],
) -> None:
    """Replace the rows of ``before`` that differ from ``after`` (one row per person/idea)."""

    def keyed(items: Iterable[tally.TallySupport]) -> dict[tuple[int, int | None, int | None], int]:
        return {(x.person_id, x.note_id, x.cluster_id): x.dots for x in items}

    old, new = keyed(before), keyed(after)
    table = _table(Support)
    for key, dots in old.items():
        if new.get(key) == dots:
            continue
        ids = s.scalars(
            select(Support.id).where(
                Support.offsite_id == offsite_id,
                Support.person_id == key[0],
                Support.note_id.is_(None) if key[1] is None else Support.note_id == key[1],
                Support.cluster_id.is_(None) if key[2] is None else Support.cluster_id == key[2],
            )
        ).all()
        for support_id in ids:
            op._do(s, _Delete(table, {"id": support_id}))
    for key, dots in new.items():
        if old.get(key) == dots:
            continue
        op._insert(
            s, Support, offsite_id=offsite_id, person_id=key[0], note_id=key[1],
            cluster_id=key[2], dots=dots,
        )

