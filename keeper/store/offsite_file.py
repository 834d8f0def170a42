"""Open, create, copy and lock the offsite file (checking it first: ``probe``).

One SQLite file holds a team's offsites. It is opened through SQLAlchemy with
WAL, foreign keys and a busy timeout; every edit is committed when made.
A file is checked *read-only* before anything writes to it, so a corrupt,
foreign or newer file is refused without being touched.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from keeper.store import backups
from keeper.store.lock import LockOwner, WriterLock
from keeper.store.migrations import LATEST_VERSION, MigrationFailed, apply_migrations
from keeper.store.models import Meta, Offsite
from keeper.store.probe import (  # noqa: F401 (the file's errors, named from here too)
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    DEFAULT_OFFSITE_KEY,
    CorruptFile,
    FileCheck,
    InconsistentFile,
    NewerFile,
    NotAKeeperFile,
    ReadOnlyError,
    StoreError,
    UpgradeFailed,
    check_file,
    create_private_file,
    probe,
)
from keeper.store.read_access import in_read_only_place, read_query
from keeper.store.vocabulary import check_vocabularies

# An edit waits this long for another program's lock, then fails with a message:
# the window must not freeze for the whole BUSY_TIMEOUT_MS in front of the room.
EDIT_BUSY_TIMEOUT_MS = 750


def _initialise(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        apply_migrations(conn, 0)
    finally:
        conn.close()


def _migrate(path: Path, current: int) -> Path:
    backup = backups.make_backup(path, reason=f"before-v{LATEST_VERSION}")
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        apply_migrations(conn, current)
    except MigrationFailed as exc:
        raise UpgradeFailed(
            f"{path.name} could not be upgraded from version {current} to {LATEST_VERSION} "
            f"(step {exc.step.name}: {exc.reason}); the file was left as it was, and a copy "
            f"is at {backup}."
        ) from exc
    finally:
        conn.close()
    return backup


def _make_engine(path: Path, read_only: bool) -> Engine:
    # URL.create, never string formatting: '?', '#', '%' in a file name stay part of the name.
    if read_only:
        query = read_query(path) if in_read_only_place(path) else {"mode": "ro"}
        url = URL.create("sqlite", database=path.resolve().as_uri(),
                         query={**query, "uri": "true"})
    else:
        url = URL.create("sqlite", database=str(path))
    timeout_ms = BUSY_TIMEOUT_MS if read_only else EDIT_BUSY_TIMEOUT_MS
    # hide_parameters: an error must never carry a row's values (feedback, assessments).
    engine = create_engine(url, hide_parameters=True,
                           connect_args={"timeout": timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
            # FULL: an acknowledged edit survives a power cut, not only a crash.
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    return engine


class OffsiteStore:
    """An open offsite file: one session, committed after every edit."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        lock: WriterLock | None,
        held_by: LockOwner | None,
        migrated_backup: Path | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.session = Session(engine, expire_on_commit=False)
        self._lock = lock
        self.held_by = held_by
        self.migrated_backup = migrated_backup
        self.changes_since_backup = 0
        self.cannot_write = False  # the file or its folder is read-only
        self._batches = 0  # open ``batch()`` blocks

    # ----- opening -------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> OffsiteStore:
        path = Path(path)
        if path.exists():
            raise StoreError(f"{path} already exists; choose another name.")
        create_private_file(path)
        try:
            _initialise(path)
        except Exception:
            path.unlink(missing_ok=True)
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, backup: bool = True) -> OffsiteStore:
        """Open ``path`` (upgraded if older; a backup made first if it changed since the
        last one, unless ``backup`` is False: a file made a moment ago from a template)."""
        path = Path(path)
        check = probe(path)
        cannot_write = in_read_only_place(path)
        read_only = read_only or cannot_write
        lock: WriterLock | None = None
        held_by: LockOwner | None = None
        if not read_only:
            taken = WriterLock.acquire(path)
            if isinstance(taken, LockOwner):
                held_by, read_only = taken, True
            else:
                lock = taken
        try:
            migrated: Path | None = None
            if check.version < LATEST_VERSION:
                if read_only:
                    why = (f" ({held_by.describe()} has it open)." if held_by
                           else " (the file or its folder is read-only)." if cannot_write
                           else ".")
                    raise StoreError(f"{path.name} needs an upgrade to version "
                                     f"{LATEST_VERSION}, but it is open read-only{why}")
                migrated = _migrate(path, check.version)
            engine = _make_engine(path, read_only)
            store = cls(path, engine, lock, held_by, migrated)
            store.cannot_write = cannot_write
            try:
                check_vocabularies(store.session)
                store.session.rollback()  # end the read: no snapshot held from here
            except BaseException:
                store.session.close()
                engine.dispose()
                raise
            if backup and not read_only:
                backups.make_backup(path, reason="open", only_if_changed=True)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return store

    @property
    def read_only(self) -> bool:
        return self._lock is None

    def close(self) -> None:
        self.session.close()
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # ----- editing -------------------------------------------------------
    def read_only_reason(self) -> str:
        """Why the file is open read-only, for the banner and messages ("" if it is not)."""
        if not self.read_only:
            return ""
        if self.held_by is not None:
            return f"{self.held_by.describe()} has it open"
        if self.cannot_write:
            return "the file or its folder is read-only"
        return "it was opened read-only"

    def ensure_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} is open read-only: {self.read_only_reason()}.")

    def commit(self) -> None:
        """Commit the session now; every edit calls this."""
        self.ensure_writable()
        try:
            self.session.commit()
        except Exception:
            self.session.rollback()
            raise
        self.changes_since_backup += 1

    @contextlib.contextmanager
    def edit(self) -> Iterator[Session]:
        """``with store.edit() as s: ...`` commits on exit, rolls back on error.

        Inside :meth:`batch` an edit is a savepoint instead: an error rolls back that
        edit alone, and the batch commits them all at once.
        """
        self.ensure_writable()
        if self._batches:
            with self.session.begin_nested():
                yield self.session
            return
        try:
            yield self.session
        except BaseException:
            self.session.rollback()
            raise
        self.commit()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Edits made inside share one transaction and one commit (one flush to disk).

        For many small edits arriving at once (the room's phones): each stays its own
        savepoint, so a failing one leaves the others, and nothing is on disk (nor
        should be acknowledged) until the batch has committed.
        """
        self.ensure_writable()
        if self._batches:
            yield
            return
        connection = self.session.connection()
        if not connection.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            # pysqlite opens a transaction only before a write; without this the first
            # savepoint's RELEASE would commit on its own.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        self._batches += 1
        try:
            yield
        except BaseException:
            self.session.rollback()
            raise
        finally:
            self._batches -= 1
        self.commit()

    # ----- queries -------------------------------------------------------
    def offsites(self) -> list[Offsite]:
        return list(self.session.scalars(select(Offsite).order_by(Offsite.date, Offsite.id)))

    def current_offsite(self) -> Offsite | None:
        """The offsite the file opens on: the one chosen for it (``set_default_offsite``),
        else the newest (by date, then creation)."""
        chosen = self.session.get(Meta, DEFAULT_OFFSITE_KEY)
        if chosen is not None and chosen.value.isdigit():
            offsite = self.session.get(Offsite, int(chosen.value))
            if offsite is not None:
                return offsite
        return self.session.scalars(
            select(Offsite).order_by(Offsite.date.desc().nulls_last(), Offsite.id.desc())
        ).first()

    def set_default_offsite(self, offsite_id: int) -> None:
        """Open the file on this offsite from now on (within an edit; committed by it)."""
        self.session.merge(Meta(key=DEFAULT_OFFSITE_KEY, value=str(offsite_id)))

    def previous_offsite(self, offsite: Offsite) -> Offsite | None:
        stmt = select(Offsite).where(Offsite.id != offsite.id, Offsite.kind == offsite.kind)
        if offsite.date is not None:
            stmt = stmt.where(Offsite.date < offsite.date)
        else:
            stmt = stmt.where(Offsite.id < offsite.id)
        return self.session.scalars(
            stmt.order_by(Offsite.date.desc().nulls_last(), Offsite.id.desc())
        ).first()

    def count(self, model: type) -> int:
        return self.session.scalar(select(func.count()).select_from(model)) or 0

    # ----- copies --------------------------------------------------------
    def save_as(self, dest: Path) -> Path:
        """A consistent copy at ``dest`` (SQLite backup API); returns ``dest``."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise StoreError("Choose a different file name to save a copy.")
        backups.copy_database(self.path, dest)
        return dest

    def backup_if_changed(self) -> Path | None:
        if self.read_only or self.changes_since_backup == 0:
            return None
        self.changes_since_backup = 0
        return backups.make_backup(self.path, reason="auto")
