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
    """Beside the real file: a symlink to it names the same lock."""
    real = Path(path).resolve()
    return real.with_name(real.name + ".lock")


def identity_lock_path(path: Path) -> Path:
    """In Keeper's data folder, named by the file's device and inode: a hard link
    (another name, maybe in another folder) names the same lock."""
    from keeper.store import paths

    info = os.stat(path)
    folder = paths.data_dir() / "locks"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"


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

    def __init__(self, handles: list[IO[str]], path: Path) -> None:
        self._handles = handles
        self.path = path

    @classmethod
    def acquire(cls, db_path: Path) -> WriterLock | LockOwner:
        """Return the lock, or who holds it when another process does.

        Two locks, both needed to write: one beside the real file (seen by other
        users of a shared folder) and one by the file's identity (hard links).
        """
        handles: list[IO[str]] = []
        for path in (lock_path_for(db_path), identity_lock_path(db_path)):
            taken = _take(path)
            if isinstance(taken, LockOwner):
                for handle in handles:
                    _let_go(handle)
                return taken
            handles.append(taken)
        return cls(handles, lock_path_for(db_path))

    def release(self) -> None:
        for handle in self._handles:
            _let_go(handle)
        self._handles = []


def _take(path: Path) -> IO[str] | LockOwner:
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
    return handle


def _let_go(handle: IO[str]) -> None:
    try:
        handle.seek(0)
        handle.truncate()
    finally:
        handle.close()


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
