"""Rotating, owner-only backup copies of offsite files in the user data dir."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from keeper.store import paths
from keeper.tables.atomic import replace_file

KEEP_PER_FILE = 10
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
        source = sqlite3.connect(f"{Path(src).resolve().as_uri()}?mode=ro", uri=True, timeout=5)
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


def _stem(path: Path) -> str:
    return Path(path).stem.replace(" ", "_")


def make_backup(path: Path, reason: str) -> Path:
    folder = paths.backup_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{_stem(path)}--{stamp}--{reason}{SUFFIX}"
    copy_database(path, dest)
    rotate(path)
    return dest


def list_backups(path: Path) -> list[BackupInfo]:
    """Backups of ``path``, newest first."""
    folder = paths.backup_dir()
    found: list[BackupInfo] = []
    for candidate in folder.glob(f"{_stem(path)}--*{SUFFIX}"):
        parts = candidate.stem.split("--")
        if len(parts) != 3:
            continue
        try:
            taken = datetime.strptime(parts[1], "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(BackupInfo(candidate, taken, parts[2], candidate.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def rotate(path: Path, keep: int = KEEP_PER_FILE) -> None:
    # Backups taken before a migration are kept: they are the way back.
    routine = [b for b in list_backups(path) if not b.reason.startswith("before-v")]
    for old in routine[keep:]:
        old.path.unlink(missing_ok=True)


def restore(backup: Path, dest: Path) -> Path:
    """Replace the (closed) file ``dest`` by ``backup``; the replaced file is backed up first."""
    dest = Path(dest)
    saved = make_backup(dest, reason="before-restore") if dest.exists() else dest
    for leftover in (dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
        leftover.unlink(missing_ok=True)
    copy_database(backup, dest)
    return saved
