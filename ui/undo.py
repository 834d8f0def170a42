"""QUndoCommand around a keeper operation: apply/revert commit to the file.

Each apply or revert reports the :class:`~keeper.changes.Changes` it made, and the
command passes them on through ``AppContext.data_changed`` so views reload only
what changed.

Merging (optional): an operation that has a ``merge_key`` attribute (any
hashable, not ``None``) and a ``merge(other) -> bool`` method can absorb the
next operation pushed with an equal key into one undo step, e.g. consecutive
arrow-key nudges of one rep. ``merge`` is called after ``other`` was applied;
it must make ``self.apply`` reach ``other``'s result while ``self.revert``
still goes back to the state before ``self`` (``Operation.absorb`` does both).
Operations without a merge key never merge (the default).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:  # the store stack loads when a file opens, not with the window
    from keeper.changes import Changes
    from keeper.ops import Operation
    from ui.context import AppContext

MERGEABLE_ID = 0x4B50  # one id for every mergeable command; mergeWith compares merge keys


def merge_key(operation: object) -> Hashable | None:
    key = getattr(operation, "merge_key", None)
    return key if key is not None and callable(getattr(operation, "merge", None)) else None


class OperationCommand(QUndoCommand):
    def __init__(self, context: AppContext, operation: Operation, changes: Changes,
                 tell: bool = True) -> None:
        super().__init__(operation.text)
        self._context = context
        self._operation = operation
        self._changes = changes  # what the context's apply made, told on the first redo
        self._applied = True  # the context applied it before pushing, to catch errors
        self._tell = tell  # False: the views are told by whoever pushed it (a batch)

    @property
    def operation(self) -> Operation:
        return self._operation

    def id(self) -> int:
        return MERGEABLE_ID if merge_key(self._operation) is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, OperationCommand):
            return False
        key = merge_key(self._operation)
        if key is None or key != merge_key(other._operation):
            return False
        if not self._operation.merge(other._operation):  # type: ignore[attr-defined]
            return False
        self.setText(self._operation.text)
        return True

    def redo(self) -> None:
        store = self._context.store
        if self._applied:
            self._applied = False
            if self._tell:
                self._context.data_changed.emit(self._changes)
            return
        if store is None:
            return
        self._context.data_changed.emit(self._operation.apply(store))

    def undo(self) -> None:
        store = self._context.store
        if store is None:
            return
        self._context.data_changed.emit(self._operation.revert(store))
