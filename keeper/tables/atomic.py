"""The one atomic writer: a temporary file beside the target, flushed, moved into place.

Every file Keeper writes whole (exports, the agenda file, backups, the recent
list) goes through :func:`replace_file`: the new bytes are fsynced before the
move and the folder after it, so after a power cut the path holds either the
old file or the complete new one. A failed write leaves any earlier file
untouched; for exports, a missing, read-only or locked destination gets an
:class:`ExportError` whose message names the path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


class ExportError(ValueError):
    """An export problem, worded for the person exporting."""


def check_destination(dest: Path) -> Path:
    """``dest`` resolved, or an ``ExportError`` saying why it cannot be written."""
    dest = Path(dest).expanduser()
    folder = dest.parent if str(dest.parent) else Path(".")
    if dest.name in ("", ".", ".."):
        raise ExportError(f"{dest} is not a file name.")
    if not folder.exists():
        raise ExportError(f"The folder {folder} does not exist. Choose another folder.")
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder. Choose another place to save.")
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder. Choose a file name.")
    return dest


def _folder_error(folder: Path, exc: OSError) -> ExportError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(
            f"Keeper cannot write to the folder {folder} (it is read-only or you lack "
            "permission). Choose another folder."
        )
    if exc.errno == errno.ENOSPC:
        return ExportError(f"The disk holding {folder} is full. Free some space or choose "
                           "another folder.")
    return ExportError(f"Keeper cannot write to the folder {folder}: {exc.strerror or exc}.")


def _fsync_folder(folder: Path) -> None:
    # Windows cannot open a folder; there NTFS journals the rename itself.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(tmp: Path, dest: Path) -> None:
    """Move the finished file ``tmp`` onto ``dest`` (same folder), durably.

    ``tmp``'s bytes reach the disk before the move, and the move itself
    (the folder's entry) after it. Raises ``OSError``; ``dest`` is then unchanged.
    """
    # Windows flushes only a handle open for writing; elsewhere reading is enough (and
    # works when the file already carries a read-only mode copied from ``dest``).
    fd = os.open(tmp, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, dest)
    _fsync_folder(Path(dest).parent)


def write_text(dest: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``dest`` atomically, owner-only if new; raises ``OSError``."""
    dest = Path(dest)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.stem}-", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        with contextlib.suppress(OSError):
            if dest.exists():
                os.chmod(tmp, stat.S_IMODE(dest.stat().st_mode))
        replace_file(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_atomically(dest: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` then move the result onto ``dest``; return ``dest``.

    The temporary file is in ``dest``'s folder (so the move is atomic) and is
    removed on any failure. A replaced file keeps its permission bits; a new
    one is private to the owner (it may hold people's assessments).
    """
    dest = check_destination(dest)
    folder = dest.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.stem}-", suffix=dest.suffix + ".tmp",
                                        dir=folder)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            write(tmp)
        except OSError as exc:
            raise _folder_error(folder, exc) from exc
        with contextlib.suppress(OSError):
            if dest.exists():
                os.chmod(tmp, stat.S_IMODE(dest.stat().st_mode))
        try:
            replace_file(tmp, dest)
        except OSError as exc:
            raise ExportError(
                f"Keeper could not replace {dest} ({exc.strerror or exc}). If it is open in "
                "another program, close it and export again."
            ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest
