"""Reading an offsite file without writing anything beside it.

A file in WAL mode is normally read with ``-wal``/``-shm`` side files; a file
being checked, refused, or kept on a read-only stick must not get them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def in_read_only_place(path: Path) -> bool:
    """The file or its folder cannot be written (0444, a read-only folder or USB stick).

    Permission bits count even for an administrator, who could write anyway: the
    owner marked the file read-only, so Keeper leaves it (and its folder) alone.
    """
    path = Path(path).resolve()
    write_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    try:
        if not os.stat(path).st_mode & write_bits or not os.stat(path.parent).st_mode & write_bits:
            return True
        if hasattr(os, "statvfs") and os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return True
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def read_query(path: Path) -> dict[str, str]:
    """URI options to read ``path`` without leaving ``-wal``/``-shm`` files beside it.

    With no ``-wal`` file no writer is mid-session, so the file is read as
    immutable (no locks, no side files); with one, SQLite's normal read-only mode.
    """
    wal = path.with_name(path.name + "-wal")
    return {"mode": "ro"} if wal.exists() else {"mode": "ro", "immutable": "1"}


def read_uri(path: Path) -> str:
    """A ``file:`` URI for sqlite3.connect(uri=True), read-only as ``read_query`` says."""
    query = "&".join(f"{k}={v}" for k, v in read_query(Path(path)).items())
    return f"{Path(path).resolve().as_uri()}?{query}"
