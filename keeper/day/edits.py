"""Generic undoable edits the day (and the kickoff) build on: put one row by a unique
key, set positions, and a staged edit worked out step by step the first time it runs.

Each follows the :class:`keeper.ops.Operation` protocol (``apply``/``revert``, each committed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from keeper.ops import Operation, _table
from keeper.store.models import Base
from keeper.store.offsite_file import OffsiteStore


@dataclass
class PutRow:
    """Create, change or remove the one row that matches ``match`` (a unique key).

    ``values=None`` removes the row. Undo puts back exactly what was there
    (the same id included), so later operations that refer to it stay valid.
    """

    model: type[Base]
    match: dict[str, Any]
    values: dict[str, Any] | None
    text: str = "Edit"
    _before: dict[str, Any] | None = None
    _new_id: dict[str, Any] = field(default_factory=dict)

    def _where(self, table: Table) -> list[Any]:
        return [table.c[k] == v for k, v in self.match.items()]

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            row = s.execute(select(table).where(*self._where(table))).first()
            self._before = dict(row._mapping) if row is not None else None
            if self.values is None:
                if row is not None:
                    s.execute(delete(table).where(*self._where(table)))
            elif row is not None:
                s.execute(update(table).where(*self._where(table)).values(**self.values))
            else:
                result = s.execute(insert(table).values(**self.match, **self.values,
                                                        **self._new_id))
                pk = result.inserted_primary_key
                if pk is not None:
                    names = [c.name for c in table.primary_key.columns]
                    self._new_id = {n: v for n, v in zip(names, pk, strict=False)
                                    if n not in self.match}
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        with store.edit() as s:
            s.execute(delete(table).where(*self._where(table)))
            if self._before is not None:
                s.execute(insert(table).values(**self._before))
        store.session.expire_all()


@dataclass
class SetPositions:
    """Put rows of ``model`` in the order of ``ids`` (positions 0, 1, 2, …)."""

    model: type[Base]
    ids: list[int]
    text: str = "Reorder"
    _old: dict[int, int] = field(default_factory=dict)

    def _write(self, store: OffsiteStore, positions: Mapping[int, int]) -> None:
        table = _table(self.model)
        with store.edit() as s:
            for row_id, position in positions.items():
                s.execute(update(table).where(table.c.id == row_id).values(position=position))
        store.session.expire_all()

    def apply(self, store: OffsiteStore) -> None:
        table = _table(self.model)
        rows = store.session.execute(
            select(table.c.id, table.c.position).where(table.c.id.in_(self.ids)))
        self._old = {r.id: r.position for r in rows}
        self._write(store, {row_id: n for n, row_id in enumerate(self.ids) if row_id in self._old})

    def revert(self, store: OffsiteStore) -> None:
        self._write(store, self._old)


@dataclass
class Staged:
    """An operation worked out step by step the first time it runs; redo replays the steps."""

    text: str = "Edit"
    _parts: list[Operation] | None = None

    def plan(self, store: OffsiteStore, run: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def apply(self, store: OffsiteStore) -> None:
        if self._parts is not None:
            for part in self._parts:
                part.apply(store)
            return
        parts: list[Operation] = []

        def run(op: Operation) -> Operation:
            op.apply(store)
            parts.append(op)
            return op

        try:
            self.plan(store, run)
        except Exception:
            for part in reversed(parts):
                part.revert(store)
            raise
        self._parts = parts

    def revert(self, store: OffsiteStore) -> None:
        for part in reversed(self._parts or []):
            part.revert(store)

    @property
    def changed(self) -> bool:
        return bool(self._parts)


def next_position(store: OffsiteStore, model: type[Base], *where: Any) -> int:
    table = _table(model)
    positions = list(store.session.scalars(select(table.c.position).where(*where)))
    return max(positions, default=-1) + 1
