"""One import as one undoable transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from keeper.kickoff.fields import table_of
from keeper.ops import Operation, ReplaceRows, Tx
from keeper.store.models import Base


@dataclass
class ScopedReplace(Operation):
    """Rewrite a scope of rows (an import) in one transaction; undo restores it exactly.

    ``scopes`` are (model, where) pairs, parents before children. The first
    ``apply`` runs ``write`` and records the rows before and after as one step;
    redo puts the "after" rows back with the same ids, so later edits stay valid.
    """

    scopes: list[tuple[type[Base], Callable[[], list[Any]]]]
    write: Callable[[Any], None]
    text: str = "Import"

    def perform(self, tx: Tx) -> None:
        scopes = [(table_of(model), where) for model, where in self.scopes]
        before = ReplaceRows.snapshot(tx.session, scopes)
        self.write(tx.session)
        tx.session.flush()
        tx.done(ReplaceRows(scopes, before, ReplaceRows.snapshot(tx.session, scopes)))
