"""Where the room's reads and writes run: the one place the offsite file is used.

The server never touches the file itself: it hands a *job* (a function of a
:class:`Keep`) to a :class:`Desk` and awaits the result. In the app the desk is
``ui.room_bridge.QtDesk`` (jobs run on the UI thread, writes go through
``AppContext.run`` so they are undoable); tests and benches use
:class:`DirectDesk`, which runs jobs one at a time on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol, TypeVar

from keeper.clock import Clock
from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore

T = TypeVar("T")


class Keep(Protocol):
    """The open offsite as a job sees it."""

    store: OffsiteStore
    offsite_id: int
    clock: Clock

    def run(self, operation: Operation, area: str) -> None:
        """Apply ``operation`` (committed, undoable in the app); ``area`` names what changed."""
        ...


Job = Callable[[Keep], T]


class Desk(Protocol):
    def submit(self, job: Job[T]) -> Future[T]: ...


class NoOffsite(RuntimeError):
    """No file is open (the Keeper closed it): the room cannot read or write."""


class DirectKeep:
    def __init__(self, store: OffsiteStore, offsite_id: int, clock: Clock) -> None:
        self.store, self.offsite_id, self.clock = store, offsite_id, clock
        self.applied: list[Operation] = []

    def run(self, operation: Operation, area: str) -> None:
        self.store.ensure_writable()
        operation.apply(self.store)
        self.applied.append(operation)


class DirectDesk:
    """Jobs run one at a time on one worker thread, straight against a store."""

    def __init__(self, store: OffsiteStore, offsite_id: int, clock: Clock) -> None:
        self.keep = DirectKeep(store, offsite_id, clock)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-desk")

    def submit(self, job: Job[T]) -> Future[T]:
        return self._pool.submit(job, self.keep)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
