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

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from keeper.clock import Clock
from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore

T = TypeVar("T")


class Memo:
    """What a desk's reads share until the Keeper changes it (the roster, the session).

    ``forget()`` comes after the commit that changed it. A value computed by a job that
    began before a ``forget()`` is not kept: it may have been read before that commit.
    """

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._generation = 0
        self._lock = threading.Lock()  # the reader's thread reads, the UI thread forgets

    def generation(self) -> int:
        return self._generation

    def get(self, key: str, compute: Callable[[], T], since: int | None = None) -> T:
        with self._lock:
            if key in self._values:
                return cast(T, self._values[key])
        value = compute()
        with self._lock:
            if since is None or since == self._generation:
                self._values[key] = value
        return value

    def forget(self, keys: Iterable[str] | None = None) -> None:
        """Forget ``keys`` (None: everything)."""
        with self._lock:
            self._generation += 1
            if keys is None:
                self._values.clear()
            else:
                for key in keys:
                    self._values.pop(key, None)


class Keep(Protocol):
    """The open offsite as a job sees it."""

    store: OffsiteStore
    offsite_id: int
    clock: Clock

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, or what it gave before if nothing it reads has changed since."""
        ...

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

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        return compute()  # tests write behind the desk's back: always read afresh


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
    def __init__(self, store: OffsiteStore, offsite_id: int, clock: Clock, memo: Memo,
                 since: int) -> None:
        self.store, self.offsite_id, self.clock = store, offsite_id, clock
        self._memo, self._since = memo, since

    def run(self, operation: Operation) -> None:
        raise RuntimeError("a read job tried to write")  # a bug, never a phone's doing

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        return self._memo.get(key, compute, self._since)


class Reader:
    """Read jobs on one thread with a read-only connection to the open file.

    ``where()`` says which file and offsite, asked at each job (the Keeper may open
    another). Each job starts a fresh read transaction: it sees every committed edit.
    """

    def __init__(self, where: Callable[[], tuple[Path, int] | None], clock: Clock) -> None:
        self._where, self._clock = where, clock
        self._store: OffsiteStore | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-reader")
        self.memo = Memo()  # forgotten by the owner when the roster or session changes

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
            self.memo.forget()
        since = self.memo.generation()  # before the snapshot it reads from
        self._store.session.rollback()  # end the last snapshot: see the newest commits
        return job(_ReadKeep(self._store, offsite_id, self._clock, self.memo, since))

    def _drop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        self._pool.submit(self._drop)
        self._pool.shutdown(wait=True)
