"""What every view shares: the open file, the offsite shown, the undo stack."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from keeper.changes import Changes
from keeper.clock import Clock, SystemClock
from ui.audience_bus import AudienceBus

if TYPE_CHECKING:  # the store stack loads when a file opens, not with the window
    from keeper.ops import Operation
    from keeper.store.models import Offsite
    from keeper.store.offsite_file import OffsiteStore
    from ui.runner.actions import WindowRunnerActions


class AppContext(QObject):
    """Views hold this and reload (``reload(changes)``) when it says something changed."""

    file_changed = Signal()  # another file (or offsite) is now shown
    data_changed = Signal(Changes)  # an edit happened: which areas it changed

    def __init__(self, parent: QObject | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock: Clock = clock or SystemClock()
        self.audience = AudienceBus(self)
        self.store: OffsiteStore | None = None
        self.offsite_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._batched: list[tuple[Operation, Changes]] | None = None  # inside ``batch()``
        # the main window's Run menu actions, which the runner view takes when it is built
        self.runner_actions: WindowRunnerActions | None = None

    @property
    def offsite(self) -> Offsite | None:
        if self.store is None or self.offsite_id is None:
            return None
        from keeper.store.models import Offsite

        return self.store.session.get(Offsite, self.offsite_id)

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    def set_store(self, store: OffsiteStore | None, offsite_id: int | None = None) -> None:
        old = self.store
        self.undo_stack.clear()
        self.store = store
        current = store.current_offsite() if store is not None else None
        self.offsite_id = offsite_id or (current.id if current else None)
        if old is not None and old is not store:
            old.close()
        self.file_changed.emit()

    def set_offsite(self, offsite_id: int) -> None:
        self.undo_stack.clear()
        self.offsite_id = offsite_id
        self.file_changed.emit()

    def run(self, operation: Operation) -> Changes:
        """THE way to make an undoable edit: apply ``operation`` now (one transaction,
        committed), push it on the undo stack, tell the views what changed."""
        if self.store is None:
            return Changes.NONE
        from ui.undo import OperationCommand

        self.store.ensure_writable()
        changes = operation.apply(self.store)  # raises before anything reaches the stack
        if self._batched is not None:
            self._batched.append((operation, changes))
        else:
            self.undo_stack.push(OperationCommand(self, operation, changes))
        return changes

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Edits run inside share one commit (the room's phones, arriving together).

        Each is still its own undo step; they reach the undo stack, and the views are
        told once, only after the commit: a failed commit leaves no step for an edit
        that is not in the file.
        """
        store = self.store
        if store is None or store.read_only or self._batched is not None:
            yield
            return
        from ui.undo import OperationCommand

        self._batched = []
        try:
            with store.batch():
                yield
            done = self._batched
        finally:
            self._batched = None
        told = Changes.NONE
        for operation, changes in done:
            self.undo_stack.push(OperationCommand(self, operation, changes, tell=False))
            told |= changes
        if told:
            self.data_changed.emit(told)

    def tell(self, changes: Changes) -> None:
        """Tell the views about a write that is not an undo step (the runner's times)."""
        self.data_changed.emit(changes)
