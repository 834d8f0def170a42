"""The room's Qt glue: the server's jobs run on the UI thread, through the app's one edit path.

:class:`QtDesk` receives jobs from the server thread by a queued signal, runs
each on the UI thread against the open file (writes through
``AppContext.run``, so they are committed, on the board and undoable) and
hands back the result or the error. :class:`RoomController` opens and closes
the room, and tells the phones when the Keeper changed something.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from keeper.changes import Changes
from keeper.clock import Clock
from keeper.ops import Operation
from keeper.store.offsite_file import OffsiteStore, ReadOnlyError
from ui.context import AppContext
from ui.room.desk import Job, NoOffsite, Reader, T
from ui.room.devices import Room, RoomError
from ui.room.network import join_url, lan_addresses
from ui.room.reads import REMEMBERED_FROM
from ui.room.server import RoomServer

log = logging.getLogger(__name__)
PREFERRED_PORT = 8765


class _ContextKeep:
    """The open offsite as the room's jobs see it (read at each job: the file may change)."""

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self.clock: Clock = context.clock

    @property
    def store(self) -> OffsiteStore:
        if self._context.store is None or self._context.offsite_id is None:
            raise NoOffsite()
        return self._context.store

    @property
    def offsite_id(self) -> int:
        if self._context.offsite_id is None:
            raise NoOffsite()
        return self._context.offsite_id

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        return compute()  # the writes' checks read the file as it is now

    def run(self, operation: Operation) -> None:
        try:
            self.store.ensure_writable()
        except ReadOnlyError:
            raise RoomError("The offsite file is open read-only on the laptop: nothing can "
                            "be sent right now.", 503) from None
        self._context.run(operation)


class QtDesk(QObject):
    """Runs the server's jobs on the thread this object lives in (the UI thread).

    Jobs queue up and run in slices of about ``SLICE_S``; between slices the event
    loop paints and takes keys, so sixty phones at once never freeze the window.
    """

    SLICE_S = 0.008
    _wake = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keep = _ContextKeep(context)
        self._context = context
        self._reader: Reader | None = None
        self.longest_job_s = 0.0
        self._jobs: deque[tuple[Callable[[Any], Any], Future[Any]]] = deque()
        self._lock = threading.Lock()
        self._scheduled = False
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _where(context: AppContext) -> tuple[Path, int] | None:
        store, offsite_id = context.store, context.offsite_id
        return None if store is None or offsite_id is None else (store.path, offsite_id)

    def read(self, job: Job[T]) -> Future[T]:
        with self._lock:
            if self._reader is None:
                context = self._context
                self._reader = Reader(lambda: self._where(context), context.clock)
            reader = self._reader
        return reader.read(job)

    def forget(self, changes: Changes) -> None:
        """What the phones' reads remember and ``changes`` wrote is read afresh."""
        with self._lock:
            reader = self._reader
        if reader is None:
            return
        tables = None if changes.rows is None else {table for table, _id in changes.rows}
        stale = [key for key, source in REMEMBERED_FROM.items()
                 if tables is None or tables & source]
        if stale:
            reader.memo.forget(stale)

    def close_reader(self) -> None:
        with self._lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def submit(self, job: Job[T]) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            self._jobs.append((job, future))
            wake, self._scheduled = not self._scheduled, True
        if wake:
            self._wake.emit()
        return future

    @Slot()
    def _drain(self) -> None:
        self._run_batch()
        with self._lock:
            more = bool(self._jobs)
            self._scheduled = more
        if more:
            self._wake.emit()  # after the window has had its turn

    def _run_batch(self) -> None:
        """The waiting jobs, for up to a slice, in one transaction: one commit, one
        refresh. A phone hears back only once its edit is committed."""
        started = time.perf_counter()
        done: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            with self._context.batch():
                while time.perf_counter() - started < self.SLICE_S:
                    with self._lock:
                        if not self._jobs:
                            break
                        job, future = self._jobs.popleft()
                    if future.set_running_or_notify_cancel():
                        done.append((future, *self._run(job)))
        except Exception:  # noqa: BLE001 - the commit failed: none of it is in the file
            log.exception("room edits could not be saved")
            failed = RoomError("The laptop could not save that: try again.", 503)
            for future, _result, error in done:
                future.set_exception(error or failed)
            return
        for future, result, error in done:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)

    def _run(self, job: Callable[[Any], Any]) -> tuple[Any, BaseException | None]:
        started = time.perf_counter()
        try:
            return job(self.keep), None
        except Exception as e:  # noqa: BLE001 - handed back to the server thread
            return None, e
        finally:
            self.longest_job_s = max(self.longest_job_s, time.perf_counter() - started)


class RoomController(QObject):
    """Opens the room (server on the LAN addresses), keeps the phones in step, closes it."""

    devices_changed = Signal()  # someone joined, waits, was removed or sent something
    opened_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QObject | None = None,
                 hosts: Callable[[], list[str]] | None = None,
                 port: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.desk = QtDesk(context, self)
        self._hosts, self._port = hosts, port
        self.room: Room | None = None
        self.server: RoomServer | None = None
        context.data_changed.connect(self._keeper_changed)
        context.file_changed.connect(self._file_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def is_open(self) -> bool:
        return self.server is not None

    @property
    def url(self) -> str:
        assert self.server is not None
        return join_url(self.server.hosts[0], self.server.port)

    def open(self) -> None:
        """Start serving; raises :class:`RoomError` with a sentence when it cannot."""
        if self.server is not None:
            return
        hosts = (self._hosts or lan_addresses)()
        room = Room(self.context.clock)
        room.listen(self.devices_changed.emit)  # from the server thread: Qt queues it
        server: RoomServer | None = None
        for port in dict.fromkeys((PREFERRED_PORT if self._port is None else self._port, 0)):
            server = RoomServer(room, self.desk, hosts, port)
            try:
                server.start()
                break
            except RoomError:
                server = None
                if port == 0:
                    raise
        assert server is not None
        self.room, self.server = room, server
        log.info("room open on %s", ", ".join(f"{h}:{server.port}" for h in hosts))
        self.opened_changed.emit(True)

    @Slot()
    def close(self) -> None:
        if self.server is None:
            return
        self.server.stop()
        self.desk.close_reader()
        self.server, self.room = None, None
        log.info("room closed")
        self.opened_changed.emit(False)

    def _keeper_changed(self, changes: Changes) -> None:
        self.desk.forget(changes)
        if self.server is not None:
            self.server.notify()

    def _file_changed(self) -> None:
        self._keeper_changed(Changes.ALL)
