"""Check an offsite file without changing it, and the errors a file can cause.

Plain ``sqlite3`` only (no SQLAlchemy), so ``keeper check`` and the error
messages start as fast as the interpreter; ``offsite_file`` opens what passes.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from keeper.store.migrations import LATEST_VERSION
from keeper.store.read_access import read_uri

APPLICATION_ID = 0x4B455052  # "KEPR" in the SQLite header
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A problem with the offsite file, worded for the person using the app."""


class NotAKeeperFile(StoreError):
    pass


class CorruptFile(StoreError):
    pass


class NewerFile(StoreError):
    pass


class ReadOnlyError(StoreError):
    pass


class UpgradeFailed(StoreError):
    pass


class InconsistentFile(StoreError):
    pass


@dataclass(frozen=True)
class FileCheck:
    version: int
    integrity: str
    counts: dict[str, int]
    # (id, kind, title, date or "", is the file's default) for ``keeper check``
    offsites: tuple[tuple[int, str, str, str, bool], ...] = ()


DEFAULT_OFFSITE_KEY = "default_offsite"  # keeper_meta: the offsite the file opens on


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only (it holds assessments)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def probe(path: Path, *, full_check: bool = False) -> FileCheck:
    """Check ``path`` without modifying it; raise a ``StoreError`` subclass."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"There is no file at {path}.")
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise StoreError(f"Keeper cannot read {path}: {exc.strerror}.") from exc
    if not header.startswith(SQLITE_MAGIC):
        raise NotAKeeperFile(f"{path.name} is not a Keeper offsite file (it is not a database).")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotAKeeperFile(
            f"{path.name} is a database, but not a Keeper offsite file. It was left untouched."
        )
    try:
        conn = _ro_connect(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _check_identity(conn, path, version)
            pragma = "integrity_check" if full_check else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            integrity = "; ".join(str(r[0]) for r in rows[:5])
            counts: dict[str, int] = {}
            offsites: tuple[tuple[int, str, str, str, bool], ...] = ()
            if integrity == "ok" and version <= LATEST_VERSION:
                for table in ("offsite", "person", "agenda_item"):
                    counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                offsites = _offsites(conn) if full_check else ()
        finally:
            conn.close()
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(
            f"{path.name} is damaged and cannot be opened ({exc}). It was left untouched; "
            "use File ▸ Restore from backup to recover an earlier copy."
        ) from exc
    if integrity != "ok":
        raise CorruptFile(
            f"{path.name} is damaged ({integrity}). It was left untouched; "
            "use File ▸ Restore from backup to recover an earlier copy."
        )
    if version > LATEST_VERSION:
        raise NewerFile(
            f"{path.name} was written by a newer Keeper (file version {version}; "
            f"this Keeper reads up to version {LATEST_VERSION}). Update Keeper to open it. "
            "The file was not changed."
        )
    return FileCheck(version=version, integrity=integrity, counts=counts, offsites=offsites)


def _offsites(conn: sqlite3.Connection) -> tuple[tuple[int, str, str, str, bool], ...]:
    rows = conn.execute("SELECT id, kind, title, coalesce(date, '') FROM offsite "
                        "ORDER BY date DESC NULLS LAST, id DESC").fetchall()
    chosen = conn.execute("SELECT value FROM keeper_meta WHERE key = ?",
                          (DEFAULT_OFFSITE_KEY,)).fetchone()
    ids = {row[0] for row in rows}
    default = int(chosen[0]) if chosen and chosen[0].isdigit() and int(chosen[0]) in ids else (
        rows[0][0] if rows else None)  # as OffsiteStore.current_offsite chooses
    return tuple((i, kind, title, day, i == default) for i, kind, title, day in rows)


def _check_identity(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Keeper's mark in the header is not enough: the file must carry Keeper's tables
    and say the same version in both places (another program may have written it)."""
    if version == 0:
        return  # created, not yet migrated: nothing to compare
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"keeper_meta", "offsite", "person"} <= tables:
        raise NotAKeeperFile(
            f"{path.name} carries Keeper's mark but is not a Keeper offsite file (its tables "
            "are another program's). It was left untouched."
        )
    row = conn.execute("SELECT value FROM keeper_meta WHERE key = 'schema_version'").fetchone()
    stated = row[0] if row else None
    if stated != str(version) and version <= LATEST_VERSION:  # a newer file: NewerFile says
        raise InconsistentFile(
            f"{path.name} says it is version {version} in its header but "
            f"{stated or 'nothing'} in its keeper_meta table: another program has changed it. "
            "It was left untouched; open a backup or the program that changed it."
        )


def check_file(path: Path) -> FileCheck:
    """``keeper check``: version, counts, and SQLite's full integrity check."""
    return probe(Path(path), full_check=True)
