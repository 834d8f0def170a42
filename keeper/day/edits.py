"""Generic undoable edits the day (and the kickoff) build on: put one row by a unique
key, set positions, and a staged edit worked out step by step the first time it runs.

Each is a :class:`keeper.ops.Operation`: applied in one transaction, reverted in one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from keeper.ops import Operation, Tx, next_position, table_of
from keeper.store.models import Base
from keeper.store.offsite_file import OffsiteStore

__all__ = ["PutRow", "Run", "SetPositions", "Staged", "next_position"]


@dataclass
class PutRow(Operation):
    """Create, change or remove the one row that matches ``match`` (a unique key).

    ``values=None`` removes the row. Undo puts back exactly what was there
    (the same id included), so later operations that refer to it stay valid.
    """

    model: type[Base]
    match: dict[str, Any]
    values: dict[str, Any] | None
    text: str = "Edit"

    def perform(self, tx: Tx) -> None:
        tx.put(self.model, self.match, self.values)


@dataclass
class SetPositions(Operation):
    """Put rows of ``model`` in the order of ``ids`` (positions 0, 1, 2, …)."""

    model: type[Base]
    ids: list[int]
    text: str = "Reorder"

    def perform(self, tx: Tx) -> None:
        table = table_of(self.model)
        old = {r.id: r.position for r in tx.session.execute(
            select(table.c.id, table.c.position).where(table.c.id.in_(self.ids)))}
        for n, row_id in enumerate(self.ids):
            if row_id in old and old[row_id] != n:
                tx.update(self.model, row_id, {"position": n})


Run = Callable[[Operation], Operation]


@dataclass
class Staged(Operation):
    """An operation worked out step by step the first time it runs; redo replays the steps.

    ``plan(store, run)`` reads the file as the transaction sees it and calls ``run(op)``
    for each part; every part lands in the same transaction.
    """

    text: str = "Edit"

    def plan(self, store: OffsiteStore, run: Run) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def perform(self, tx: Tx) -> None:
        self.plan(tx.store, tx.run)

