"""Single-writer lock beside an offsite file.

The operating system releases the lock when the process dies (even by
SIGKILL), so a stale lock never blocks anyone; the lock file only carries
who holds it, to tell the second process.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _try_os_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class WriterLock:
    """Held for as long as a process may write to the file."""

    def __init__(self, handle: IO[str], path: Path) -> None:
        self._handle: IO[str] | None = handle
        self.path = path

    @classmethod
    def acquire(cls, db_path: Path) -> WriterLock | LockOwner:
        """Return the lock, or who holds it when another process does."""
        path = lock_path_for(db_path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _try_os_lock(handle):
            owner = read_owner(path)
            handle.close()
            return owner or LockOwner("another user", "unknown host", 0, "unknown")
        owner = LockOwner(
            user=_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        # Windows locks byte 0; write after it so the owner can still be read.
        handle.seek(0)
        handle.truncate()
        handle.write(" " + json.dumps(owner.__dict__))
        handle.flush()
        return cls(handle, path)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
        finally:
            self._handle.close()
            self._handle = None


def read_owner(lock_path: Path) -> LockOwner | None:
    try:
        with open(lock_path, encoding="utf-8") as f:
            if sys.platform == "win32":
                f.seek(1)  # byte 0 is the locked byte
            data = json.loads(f.read().strip() or "null")
        return LockOwner(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown user"
