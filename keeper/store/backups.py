"""Rotating, owner-only backup copies of offsite files in the user data dir.

Each file's copies live in ``<data dir>/backups/<name>-<key>/``, the key taken
from the file's resolved path; a copy is named ``<time>--<reason>.keeper``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from keeper.store import paths
from keeper.store.read_access import read_uri
from keeper.tables.atomic import replace_file

KEEP_PER_FILE = 10
KEEP_DAYS = 7
SUFFIX = ".keeper"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str
    size: int


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy of ``src`` at ``dest`` through SQLite's backup API.

    Written to a temporary file first and moved into place, so a failure
    never leaves a half-written ``dest``. The copy is readable by the owner only.
    """
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        # Its own read-only connection: backup() waits on a writer's transaction.
        source = sqlite3.connect(read_uri(src), uri=True, timeout=5)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        replace_file(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def backup_folder(path: Path, create: bool = True) -> Path:
    """The folder of ``path``'s backups, keyed by the file's resolved path.

    Two ``team.keeper`` files in different folders get different folders, so
    neither rotates the other's copies away nor restores into the other.
    """
    resolved = Path(path).resolve()
    key = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:12]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in resolved.stem)[:40]
    folder = paths.backup_dir() / f"{stem}-{key}"
    if create:
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _same_content(a: Path, b: Path) -> bool:
    # Past the 100-byte header (its change counters may differ), the pages are the content.
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        fa.seek(100)
        fb.seek(100)
        return fa.read() == fb.read()


def make_backup(path: Path, reason: str, *, only_if_changed: bool = False,
                now: datetime | None = None) -> Path:
    """Copy ``path`` into its backup folder; return the copy.

    With ``only_if_changed``, a copy identical to the newest backup is dropped
    and the newest is returned: opening a file ten times keeps its older copies.
    """
    now = now or datetime.now()
    folder = backup_folder(path)
    dest = folder / f"{now:%Y%m%d-%H%M%S-%f}--{reason}{SUFFIX}"
    newest = list_backups(path)
    copy_database(path, dest)
    if only_if_changed and newest and _same_content(dest, newest[0].path):
        dest.unlink()
        return newest[0].path
    rotate(path, now=now)
    return dest


def list_backups(path: Path) -> list[BackupInfo]:
    """Backups of ``path`` (this very file, wherever it lives), newest first."""
    found: list[BackupInfo] = []
    for candidate in backup_folder(path, create=False).glob(f"*{SUFFIX}"):
        parts = candidate.stem.split("--")
        if len(parts) != 2:
            continue
        try:
            taken = datetime.strptime(parts[0], "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(BackupInfo(candidate, taken, parts[1], candidate.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def rotate(path: Path, keep: int = KEEP_PER_FILE, now: datetime | None = None) -> None:
    """Keep the ``keep`` newest copies, the newest of each of the last 7 days, and every
    copy taken before a migration, a restore or a fresh demo (they are the way back)."""
    now = now or datetime.now()
    routine = [b for b in list_backups(path) if not b.reason.startswith("before-")]
    kept_days: set[date] = set()
    for index, info in enumerate(routine):
        day = info.taken.date()
        newest_of_day = day not in kept_days and now - info.taken <= timedelta(days=KEEP_DAYS)
        kept_days.add(day)
        if index >= keep and not newest_of_day:
            info.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class BackupSummary:
    people: int
    notes: int


def summarize(backup: Path) -> BackupSummary | None:
    """How many people and notes a backup holds (None if it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
        try:
            people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM note").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return BackupSummary(people, notes)


def restore(backup: Path, dest: Path) -> Path:
    """Replace the (closed) file ``dest`` by ``backup``; the replaced file is backed up first."""
    dest = Path(dest)
    saved = make_backup(dest, reason="before-restore") if dest.exists() else dest
    for leftover in (dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
        leftover.unlink(missing_ok=True)
    copy_database(backup, dest)
    return saved


def restore_beside(backup: Path, damaged: Path, now: datetime | None = None) -> Path:
    """Restore ``backup`` into a NEW file beside ``damaged``, which is kept as it is."""
    now = now or datetime.now()
    damaged = Path(damaged)
    dest = damaged.with_name(f"{damaged.stem} restored {now:%Y-%m-%d %H%M}{damaged.suffix}")
    number = 2
    while dest.exists():
        dest = damaged.with_name(
            f"{damaged.stem} restored {now:%Y-%m-%d %H%M} ({number}){damaged.suffix}")
        number += 1
    copy_database(backup, dest)
    return dest
