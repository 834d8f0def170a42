"""A failed write to the offsite file, said in one sentence for the CLI and the window.

Light on purpose (no SQLAlchemy import): the GUI's error hook loads it at start.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def write_error_message(exc: BaseException, path: Path | None = None) -> str | None:
    """One sentence for a failed write to the file, or None if ``exc`` is not one.

    Worded from the database's own reason only: never the statement or its values.
    """
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy's DBAPIError wraps sqlite3's
    if not isinstance(orig, sqlite3.Error):
        return None
    reason = str(orig.args[0]) if orig.args else type(orig).__name__
    where = f"{path.name}: " if path is not None else ""
    if "locked" in reason or "busy" in reason:
        why = "another program is using the file"
    elif "full" in reason:
        why = "the disk is full"
    elif "readonly" in reason or "read-only" in reason:
        why = "the file or its folder is read-only"
    else:
        why = reason
    return f"{where}the change was NOT saved ({why}). Your earlier edits are safe in the file."
