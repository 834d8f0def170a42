"""One import as one undoable transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from keeper.kickoff.fields import table_of
from keeper.store.models import Base
from keeper.store.offsite_file import OffsiteStore


@dataclass
class ScopedReplace:
    """Rewrite a scope of rows (an import) in one transaction; undo restores it exactly.

    ``scopes`` are (model, where) pairs, parents before children. The first
    ``apply`` runs ``write`` and remembers the rows before and after; redo puts
    the "after" rows back with the same ids, so later edits stay valid.
    """

    scopes: list[tuple[type[Base], Callable[[], list[Any]]]]
    write: Callable[[Any], None]
    text: str = "Import"
    _before: list[list[dict[str, Any]]] | None = None
    _after: list[list[dict[str, Any]]] | None = None

    def _snapshot(self, session: Any) -> list[list[dict[str, Any]]]:
        return [[dict(r._mapping) for r in session.execute(select(table_of(m)).where(*where()))]
                for m, where in self.scopes]

    def _restore(self, store: OffsiteStore, rows: list[list[dict[str, Any]]]) -> None:
        with store.edit() as s:
            for model, where in reversed(self.scopes):
                s.execute(delete(table_of(model)).where(*where()))
            for (model, _where), saved in zip(self.scopes, rows, strict=True):
                if saved:
                    s.execute(insert(table_of(model)), saved)
        store.session.expire_all()

    def apply(self, store: OffsiteStore) -> None:
        if self._after is not None:
            self._restore(store, self._after)
            return
        with store.edit() as s:
            self._before = self._snapshot(s)
            self.write(s)
            s.flush()
            self._after = self._snapshot(s)
        store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        if self._before is not None:
            self._restore(store, self._before)
