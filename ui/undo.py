"""QUndoCommand around a keeper operation: apply/revert commit to the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from keeper.ops import Operation

if TYPE_CHECKING:
    from ui.context import AppContext


class OperationCommand(QUndoCommand):
    def __init__(self, context: AppContext, operation: Operation, area: str) -> None:
        super().__init__(operation.text)
        self._context = context
        self._operation = operation
        self._area = area
        self._applied = True  # the context applied it before pushing, to catch errors

    def redo(self) -> None:
        store = self._context.store
        if self._applied:
            self._applied = False
            self._context.data_changed.emit(self._area)
            return
        if store is None:
            return
        self._operation.apply(store)
        self._context.data_changed.emit(self._area)

    def undo(self) -> None:
        store = self._context.store
        if store is None:
            return
        self._operation.revert(store)
        self._context.data_changed.emit(self._area)
