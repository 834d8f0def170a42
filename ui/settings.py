"""The app's own settings (window, last view, projector choice) in the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from keeper.store import paths


def _private(path: Path) -> Path:
    """Create ``path`` owner-only; QSettings keeps an existing file's permissions."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # a window.ini left by an older Keeper
    return path


def app_settings() -> QSettings:
    return QSettings(str(_private(paths.data_dir() / "window.ini")), QSettings.Format.IniFormat)


def read_bool(key: str, default: bool = False) -> bool:
    value = app_settings().value(key, default)
    return value in (True, "true", "1", 1) if not isinstance(value, bool) else value
