"""Where the room's reads and writes run: the one place the offsite file is used.

The server never touches the file itself: it hands a *job* (a function of a
:class:`Keep`) to a :class:`Desk` and awaits the result. ``submit`` is for
writes (and the checks that must agree with them): in the app they run on the
UI thread through ``AppContext.run``, so they are undoable. ``read`` is for what
the phones are shown: in the app it runs on :class:`Reader`, a read-only
connection on its own thread, so sixty phones reloading never hold up the
window. Tests use :class:`DirectDesk`, which runs both on one worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
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

    def run(self, operation: Operation) -> None:
        """Apply ``operation`` (committed, undoable in the app, the views told what changed)."""
        ...


Job = Callable[[Keep], T]


class Desk(Protocol):
    def submit(self, job: Job[T]) -> Future[T]: ...

    def read(self, job: Job[T]) -> Future[T]: ...


class NoOffsite(RuntimeError):
    """No file is open (the Keeper closed it): the room cannot read or write."""


class DirectKeep:
    def __init__(self, store: OffsiteStore, offsite_id: int, clock: Clock) -> None:
        self.store, self.offsite_id, self.clock = store, offsite_id, clock
        self.applied: list[Operation] = []

    def run(self, operation: Operation) -> None:
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

    read = submit

    def close(self) -> None:
        self._pool.shutdown(wait=True)


class _ReadKeep:
    def __init__(self, store: OffsiteStore, offsite_id: int, clock: Clock) -> None:
        self.store, self.offsite_id, self.clock = store, offsite_id, clock

    def run(self, operation: Operation) -> None:
        raise RuntimeError("a read job tried to write")  # a bug, never a phone's doing


class Reader:
    """Read jobs on one thread with a read-only connection to the open file.

    ``where()`` says which file and offsite, asked at each job (the Keeper may open
    another). Each job starts a fresh read transaction: it sees every committed edit.
    """

    def __init__(self, where: Callable[[], tuple[Path, int] | None], clock: Clock) -> None:
        self._where, self._clock = where, clock
        self._store: OffsiteStore | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-reader")

    def read(self, job: Job[T]) -> Future[T]:
        return self._pool.submit(self._run, job)

    def _run(self, job: Job[T]) -> T:
        where = self._where()
        if where is None:
            raise NoOffsite()
        path, offsite_id = where
        if self._store is None or self._store.path != path:
            self._drop()
            self._store = OffsiteStore.open(path, read_only=True)
        self._store.session.rollback()  # end the last snapshot: see the newest commits
        return job(_ReadKeep(self._store, offsite_id, self._clock))

    def _drop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        self._pool.submit(self._drop)
        self._pool.shutdown(wait=True)
