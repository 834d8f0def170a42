"""The one place that resolves user directories.

Nothing is created at import time; callers ask for a directory and it is
created (owner-only) on demand.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Keeper"
DATA_DIR_ENV = "KEEPER_DATA_DIR"


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return _ensure(Path(override))
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def backup_dir() -> Path:
    return _ensure(data_dir() / "backups")


def log_dir() -> Path:
    if os.environ.get(DATA_DIR_ENV):
        return _ensure(data_dir() / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def default_offsite_file() -> Path:
    """The name File ▸ New suggests first (and plain ``keeper`` opens, with no recent file)."""
    return data_dir() / "offsites.keeper"


def suggested_new_file() -> Path:
    """``offsites.keeper``, or ``offsites 2.keeper``… if taken: never an existing file."""
    first = default_offsite_file()
    candidate, number = first, 2
    while candidate.exists():
        candidate = first.with_name(f"{first.stem} {number}{first.suffix}")
        number += 1
    return candidate


def demo_file() -> Path:
    return data_dir() / "demo.keeper"


def recent_files_path() -> Path:
    return data_dir() / "recent.json"


def export_dir() -> Path:
    """Where exports go by default: the user's documents (or the override's exports/)."""
    if os.environ.get(DATA_DIR_ENV):
        return _ensure(data_dir() / "exports")
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def default_export_folder(offsite_file: Path) -> Path:
    """Beside the offsite file, unless the file lives in Keeper's own data folder."""
    folder = Path(offsite_file).resolve().parent
    inside_data = folder == data_dir().resolve() or data_dir().resolve() in folder.parents
    return export_dir() if inside_data else folder
