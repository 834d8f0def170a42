"""The one way to write an undoable edit: an operation recorded as small reversible steps.

The first time an operation is applied it works out its edit (``perform``) through a
:class:`Tx`, which records every write as a step (:class:`Update`, :class:`Insert`,
:class:`Delete`, :class:`ReplaceRows`). ``apply`` runs in ONE transaction and commits
once; ``revert`` undoes the steps in ONE transaction; redo replays the recorded steps
(an inserted row gets its old id back, so later operations that refer to it stay
valid). A failure anywhere rolls the whole transaction back: the file is as it was,
and the caller (the UI's undo stack) never sees the operation. Both return the
:class:`~keeper.changes.Changes` made, worked out from the tables the steps wrote.

The UI wraps each operation in a ``QUndoCommand``; the CLI and tests call them directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import CursorResult, Table, delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from keeper.changes import Changes, Row
from keeper.store.models import Base
from keeper.store.offsite_file import OffsiteStore

__all__ = [
    "Changes", "Composite", "Delete", "DeleteRows", "Insert", "InsertRow", "Operation",
    "OperationError", "ReplaceRows", "SetFields", "Step", "Tx", "Update", "next_position",
    "primary_key", "table_of",
]

Key = dict[str, Any]
GONE = "That item is no longer there."


class OperationError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


def table_of(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


def where_key(table: Table, key: Key) -> list[Any]:
    return [table.c[name] == value for name, value in key.items()]


def primary_key(obj: Base) -> Key:
    mapper = inspect(type(obj))
    names = [mapper.get_property_by_column(col).key for col in mapper.primary_key]
    return {name: getattr(obj, name) for name in names}


def _row(table: Table, key: Key) -> Row:
    """A row as :class:`Changes` names it: its id, or the tuple of its key's values."""
    return (table.name, key["id"] if set(key) == {"id"} else tuple(key.values()))


def _key(key: int | Key) -> Key:
    return {"id": key} if isinstance(key, int) else dict(key)


# --- steps: one write each, with its undo ------------------------------------------


class Step(Protocol):
    def do(self, s: Session) -> None: ...

    def undo(self, s: Session) -> None: ...

    def tables(self) -> set[str]: ...

    def rows(self) -> list[Row] | None:
        """The rows it writes, ``(table, id)``; None when not known row by row."""
        ...


@dataclass
class Update:
    """Change some columns of one row (by primary key); remembers the old values."""

    table: Table
    key: Key
    values: dict[str, Any]
    gone: str = GONE
    old: dict[str, Any] = field(default_factory=dict)

    def do(self, s: Session) -> None:
        cols = [self.table.c[k] for k in self.values]
        row = s.execute(select(*cols).where(*where_key(self.table, self.key))).one_or_none()
        if row is None:
            raise OperationError(self.gone)
        self.old = dict(row._mapping)
        s.execute(update(self.table).where(*where_key(self.table, self.key)).values(**self.values))

    def undo(self, s: Session) -> None:
        s.execute(update(self.table).where(*where_key(self.table, self.key)).values(**self.old))

    def tables(self) -> set[str]:
        return {self.table.name}

    def rows(self) -> list[Row]:
        return [_row(self.table, self.key)]


@dataclass
class Insert:
    """Create one row; ``key`` holds its primary key once done (redo reuses it)."""

    table: Table
    values: dict[str, Any]
    key: Key = field(default_factory=dict)

    def do(self, s: Session) -> None:
        result = cast(CursorResult[Any], s.execute(
            insert(self.table).values(**{**self.values, **self.key})))
        if not self.key:
            pk = result.inserted_primary_key
            assert pk is not None
            self.key = {c.name: v for c, v in zip(self.table.primary_key.columns, pk, strict=True)}

    def undo(self, s: Session) -> None:
        s.execute(delete(self.table).where(*where_key(self.table, self.key)))

    def tables(self) -> set[str]:
        return {self.table.name}

    def rows(self) -> list[Row]:
        return [_row(self.table, self.key)]


@dataclass
class _Snapshot:
    """A deleted row and what the database deleted (cascade) or nulled with it."""

    inserts: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    nulled: list[tuple[Table, Key, str, Any]] = field(default_factory=list)

    def take(self, s: Session, table: Table, where: list[Any]) -> None:
        rows = [dict(r._mapping) for r in s.execute(select(table).where(*where))]
        self.inserts += [(table, row) for row in rows]
        if not rows:
            return
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is not table:
                    continue
                child_where = [fk.parent.in_([row[fk.column.name] for row in rows])]
                if fk.ondelete == "CASCADE":
                    self.take(s, child, child_where)
                elif fk.ondelete == "SET NULL":
                    pk_cols = list(child.primary_key.columns)
                    for r in s.execute(select(*pk_cols, fk.parent).where(*child_where)):
                        key = {c.name: r._mapping[c.name] for c in pk_cols}
                        self.nulled.append((child, key, fk.parent.name, r._mapping[fk.parent.name]))


@dataclass
class Delete:
    """Delete one row; remembers it and whatever the database cascades, for undo."""

    table: Table
    key: Key
    snap: _Snapshot = field(default_factory=_Snapshot)

    def do(self, s: Session) -> None:
        self.snap = _Snapshot()
        self.snap.take(s, self.table, where_key(self.table, self.key))
        s.execute(delete(self.table).where(*where_key(self.table, self.key)))

    def undo(self, s: Session) -> None:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        for table, row in self.snap.inserts:
            ident = (table.name, tuple(row[c.name] for c in table.primary_key.columns))
            if ident not in seen:
                seen.add(ident)
                s.execute(insert(table).values(**row))
        for table, key, column, value in self.snap.nulled:
            s.execute(update(table).where(*where_key(table, key)).values({column: value}))

    def tables(self) -> set[str]:
        return ({self.table.name} | {t.name for t, _ in self.snap.inserts}
                | {t.name for t, *_ in self.snap.nulled})

    def rows(self) -> list[Row]:
        pk = [(t, {c.name: row[c.name] for c in t.primary_key.columns})
              for t, row in self.snap.inserts]
        return ([_row(self.table, self.key)] + [_row(t, key) for t, key in pk]
                + [_row(t, key) for t, key, *_ in self.snap.nulled])


Scope = tuple[Table, Callable[[], list[Any]]]


@dataclass
class ReplaceRows:
    """Rows of some scopes (table, where), parents first, rewritten from ``before`` to ``after``.

    Recorded by code that wrote the rows itself (an import); do/undo put back one side.
    """

    scopes: list[Scope]
    before: list[list[dict[str, Any]]]
    after: list[list[dict[str, Any]]]

    @staticmethod
    def snapshot(s: Session, scopes: list[Scope]) -> list[list[dict[str, Any]]]:
        return [[dict(r._mapping) for r in s.execute(select(t).where(*where()))]
                for t, where in scopes]

    def _write(self, s: Session, rows: list[list[dict[str, Any]]]) -> None:
        for table, where in reversed(self.scopes):
            s.execute(delete(table).where(*where()))
        for (table, _where), saved in zip(self.scopes, rows, strict=True):
            if saved:
                s.execute(insert(table), saved)

    def do(self, s: Session) -> None:
        self._write(s, self.after)

    def undo(self, s: Session) -> None:
        self._write(s, self.before)

    def tables(self) -> set[str]:
        return {table.name for table, _ in self.scopes}

    def rows(self) -> None:
        return None


# --- the transaction an operation records its steps in --------------------------------

Op = TypeVar("Op", bound="Operation")


class Tx:
    """One open transaction: runs steps and records them for the operation being applied."""

    def __init__(self, store: OffsiteStore) -> None:
        self.store = store
        self.session = store.session
        self.steps: list[Step] = []
        self._recorded: list[Operation] = []

    def do(self, step: Step) -> None:
        step.do(self.session)
        self.done(step)

    def done(self, step: Step) -> None:
        """Record a step the caller's own code has already carried out."""
        self.steps.append(step)
        if self.session.identity_map:  # ORM objects read before the step see what it wrote
            self.session.expire_all()

    def update(self, model: type[Base], key: int | Key, values: dict[str, Any],
               gone: str = GONE) -> None:
        if values:  # nothing to write is not an edit
            self.do(Update(table_of(model), _key(key), dict(values), gone))

    def insert(self, model: type[Base], values: dict[str, Any]) -> Key:
        step = Insert(table_of(model), dict(values))
        self.do(step)
        return step.key

    def delete(self, model: type[Base], key: int | Key) -> None:
        self.do(Delete(table_of(model), _key(key)))

    def put(self, model: type[Base], match: Key, values: dict[str, Any] | None) -> None:
        """Create, change or (``values=None``) remove the one row matching ``match``."""
        table = table_of(model)
        row = self.session.execute(select(table).where(*where_key(table, match))).first()
        pk = None if row is None else {c.name: row._mapping[c.name]
                                       for c in table.primary_key.columns}
        if values is None:
            if pk is not None:
                self.delete(model, pk)
        elif pk is not None:
            self.update(model, pk, values)
        else:
            self.insert(model, {**match, **values})

    def run(self, op: Op) -> Op:
        """Apply ``op`` inside this transaction (recorded the first time, else replayed)."""
        if op._steps is not None:
            for step in op._steps:
                self.do(step)
            return op
        start = len(self.steps)
        self._recorded.append(op)
        op.perform(self)
        op._steps = self.steps[start:]
        return op

    def forget(self) -> None:
        """The transaction failed: operations recorded in it start afresh next time."""
        for op in self._recorded:
            op._steps = None


# --- the operation base ---------------------------------------------------------------


class Operation:
    """Base of every undoable edit: subclasses implement ``perform(tx)``."""

    text: str = "Edit"
    _steps: list[Step] | None = None

    def perform(self, tx: Tx) -> None:
        raise NotImplementedError

    def apply(self, store: OffsiteStore) -> Changes:
        tx = Tx(store)
        try:
            with store.edit():
                tx.run(self)
        except BaseException:
            tx.forget()
            raise
        finally:
            store.session.expire_all()
        return self.changes

    def revert(self, store: OffsiteStore) -> Changes:
        if self._steps is None:
            return Changes.NONE
        try:
            with store.edit() as s:
                for step in reversed(self._steps):
                    step.undo(s)
        finally:
            store.session.expire_all()
        return self.changes

    @property
    def applied(self) -> bool:
        return self._steps is not None

    @property
    def changed(self) -> bool:
        """True when applying it wrote anything."""
        return bool(self._steps)

    @property
    def changes(self) -> Changes:
        tables: set[str] = set()
        rows: set[Row] | None = set()
        for step in self._steps or ():
            tables |= step.tables()
            written = step.rows()
            rows = None if rows is None or written is None else rows | set(written)
        return Changes.of_tables(tables, rows)

    def absorb(self, other: Operation) -> None:
        """Take ``other`` (applied after this one) into this undo step (merging nudges)."""
        self._steps = [*(self._steps or []), *(other._steps or [])]


def next_position(store: OffsiteStore, model: type[Base], *where: Any) -> int:
    """One past the highest ``position`` of the rows of ``model`` matching ``where``."""
    table = table_of(model)
    positions = list(store.session.scalars(select(table.c.position).where(*where)))
    return max(positions, default=-1) + 1


# --- the generic edits ------------------------------------------------------------------


@dataclass
class SetFields(Operation):
    """Change some columns of one row."""

    model: type[Base]
    key: Key
    values: dict[str, Any]
    text: str = "Edit"

    def perform(self, tx: Tx) -> None:
        tx.update(self.model, self.key, self.values)


@dataclass
class InsertRow(Operation):
    """Create one row; after ``apply``, ``key`` holds its primary key."""

    model: type[Base]
    values: dict[str, Any]
    text: str = "Add"
    key: Key = field(default_factory=dict)

    def perform(self, tx: Tx) -> None:
        self.key = tx.insert(self.model, self.values)


@dataclass
class DeleteRows(Operation):
    """Delete rows, remembering them and what the database cascades, for undo."""

    model: type[Base]
    keys: Sequence[Key]
    text: str = "Delete"

    def perform(self, tx: Tx) -> None:
        for key in self.keys:
            tx.delete(self.model, key)


@dataclass
class Composite(Operation):
    """Several operations as one undo step, in one transaction: all of them or none."""

    parts: list[Operation]
    text: str = "Edit"

    def perform(self, tx: Tx) -> None:
        for part in self.parts:
            tx.run(part)
