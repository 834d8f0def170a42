"""The Open Recent list, kept as JSON in the user data dir."""

from __future__ import annotations

import json
from pathlib import Path

from keeper.store import paths
from keeper.tables.atomic import write_text

MAX_RECENT = 8


def load_recent() -> list[Path]:
    try:
        raw = json.loads(paths.recent_files_path().read_text("utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(raw, list):
        return []
    return [Path(p) for p in raw if isinstance(p, str)][:MAX_RECENT]


def remember(path: Path) -> list[Path]:
    path = Path(path).resolve()
    items = [path] + [p for p in load_recent() if p != path]
    items = items[:MAX_RECENT]
    target = paths.recent_files_path()
    if target.exists():
        target.chmod(0o600)  # left 0644 by an older Keeper; the writer keeps the mode
    write_text(target, json.dumps([str(p) for p in items]))
    return items


def last_used_file() -> Path | None:
    """What plain ``keeper`` opens: the newest recent file that still exists, else
    ``offsites.keeper`` if there is one; None means show the demo."""
    for path in load_recent():
        if path.is_file():
            return path
    default = paths.default_offsite_file()
    return default if default.is_file() else None
