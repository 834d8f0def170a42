"""Edits as small operation objects: ``apply`` and ``revert``, each committed.

The UI wraps each operation in a ``QUndoCommand``; the CLI and tests call
them directly. Operations work by primary key and re-read rows, so they stay
valid after other edits (and after undo re-creates a deleted row with its id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, delete, insert, inspect, select, update

from keeper.store.models import Base
from keeper.store.offsite_file import OffsiteStore


class Operation(Protocol):
    text: str

    def apply(self, store: OffsiteStore) -> None: ...

    def revert(self, store: OffsiteStore) -> None: ...


def _table(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _pk_filter(table: Table, key: dict[str, Any]) -> list[Any]:
    return [table.c[name] == value for name, value in key.items()]


def primary_key(obj: Base) -> dict[str, Any]:
    mapper = inspect(type(obj))
    return {col.key: getattr(obj, col.key) for col in mapper.primary_key}


@dataclass
class SetFields:
    """Change some columns of one row."""

    model: type[Base]
    key: dict[str, Any]
    values: dict[str, Any]
    text: str = "Edit"
    _old: dict[str, Any] = field(default_factory=dict)

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            row = s.execute(
                select(*[table.c[k] for k in self.values]).where(*_pk_filter(table, self.key))
            ).one()
            self._old = dict(row._mapping)
            s.execute(update(table).where(*_pk_filter(table, self.key)).values(**self.values))
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            s.execute(update(table).where(*_pk_filter(table, self.key)).values(**self._old))
        store.session.expire_all()


@dataclass
class InsertRow:
    """Create one row; after ``apply``, ``key`` holds its primary key."""

    model: type[Base]
    values: dict[str, Any]
    text: str = "Add"
    key: dict[str, Any] = field(default_factory=dict)

    def apply(self, store: OffsiteStore) -> None:
        values = dict(self.values)
        values.update(self.key)  # redo keeps the id that later operations refer to
        obj = self.model(**values)
        with store.edit() as s:
            s.add(obj)
            s.flush()
            self.key = primary_key(obj)

    def revert(self, store: OffsiteStore) -> None:
        DeleteRows(self.model, [self.key]).apply(store)


@dataclass
class _Snapshot:
    inserts: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    nulled: list[tuple[Table, dict[str, Any], str, Any]] = field(default_factory=list)


def _snapshot(session: Any, table: Table, where: list[Any], snap: _Snapshot) -> None:
    rows = [dict(r._mapping) for r in session.execute(select(table).where(*where))]
    for row in rows:
        snap.inserts.append((table, row))
    if not rows:
        return
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            values = [row[fk.column.name] for row in rows]
            child_where = [fk.parent.in_(values)]
            if fk.ondelete == "CASCADE":
                _snapshot(session, child, child_where, snap)
            elif fk.ondelete == "SET NULL":
                pk_cols = list(child.primary_key.columns)
                for r in session.execute(select(*pk_cols, fk.parent).where(*child_where)):
                    key = {c.name: r._mapping[c.name] for c in pk_cols}
                    snap.nulled.append((child, key, fk.parent.name, r._mapping[fk.parent.name]))


@dataclass
class DeleteRows:
    """Delete rows, remembering them and what the database cascades, for undo."""

    model: type[Base]
    keys: Sequence[dict[str, Any]]
    text: str = "Delete"
    _snap: _Snapshot = field(default_factory=_Snapshot)

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        snap = _Snapshot()
        with store.edit() as s:
            for key in self.keys:
                _snapshot(s, table, _pk_filter(table, key), snap)
                s.execute(delete(table).where(*_pk_filter(table, key)))
        self._snap = snap
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        with store.edit() as s:
            for table, row in self._snap.inserts:
                ident = (table.name, tuple(row[c.name] for c in table.primary_key.columns))
                if ident in seen:
                    continue
                seen.add(ident)
                s.execute(insert(table).values(**row))
            for table, key, column, value in self._snap.nulled:
                s.execute(update(table).where(*_pk_filter(table, key)).values({column: value}))
        store.session.expire_all()


@dataclass
class Composite:
    """Several operations as one undo step."""

    parts: list[Operation]
    text: str = "Edit"

    def apply(self, store: OffsiteStore) -> None:
        for part in self.parts:
            part.apply(store)

    def revert(self, store: OffsiteStore) -> None:
        for part in reversed(self.parts):
            part.revert(store)
