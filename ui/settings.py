"""The app's own settings (window, last view, projector choice) in the user data dir."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from keeper.store import paths


def app_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)


def read_bool(key: str, default: bool = False) -> bool:
    value = app_settings().value(key, default)
    return value in (True, "true", "1", 1) if not isinstance(value, bool) else value
