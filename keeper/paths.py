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
    return data_dir() / "offsites.keeper"


def demo_file() -> Path:
    return data_dir() / "demo.keeper"


def recent_files_path() -> Path:
    return data_dir() / "recent.json"
