"""File menu dialogs: new, open, save as, restore (import people: ui/people_import.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from keeper.store import paths
from keeper.store.probe import StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = "Keeper offsite files (*.keeper);;All files (*)"


def _with_suffix(name: str) -> Path:
    path = Path(name)
    return path if path.suffix else path.with_suffix(".keeper")


def new_file(window: MainWindow) -> None:
    choice = window.ask_new_offsite("New offsite file")
    if choice is None:
        return
    name, _ = QFileDialog.getSaveFileName(
        window, "New offsite file", str(paths.suggested_new_file()), FILE_FILTER
    )
    if not name:
        return
    path = _with_suffix(name)
    if path.exists():
        QMessageBox.warning(window, "New offsite file",
                            f"{path} already exists. Choose a new name; nothing was overwritten.")
        return
    from keeper.store.files import new_file as create

    try:
        store = create(path, template_name=choice.template, title=choice.title or None,
                       date=choice.date)
    except (StoreError, OSError) as exc:
        QMessageBox.warning(window, "New offsite file", f"Could not create {path}: {exc}")
        return
    store.close()
    window.open_path(path)


def new_offsite_here(window: MainWindow) -> None:
    store = window.context.store
    if store is None or store.read_only:
        return
    choice = window.ask_new_offsite("New offsite in this file")
    if choice is None:
        return
    from keeper.agenda.templates import load_template
    from keeper.store.files import add_offsite_from_template

    offsite_id = add_offsite_from_template(
        store, load_template(choice.template), title=choice.title or None, date=choice.date
    )
    window.context.set_offsite(offsite_id)


def open_file(window: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(window, "Open offsite file", str(paths.data_dir()),
                                          FILE_FILTER)
    if name:
        window.open_path(Path(name))


def save_as(window: MainWindow) -> None:
    store = window.context.store
    if store is None:
        return
    name, _ = QFileDialog.getSaveFileName(window, "Save a copy as", str(store.path.parent),
                                          FILE_FILTER)
    if not name:
        return
    dest = _with_suffix(name)
    try:
        store.save_as(dest)
    except (StoreError, OSError) as exc:
        QMessageBox.warning(window, "Save As", f"Could not save to {dest}: {exc}")
        return
    window.open_path(dest)


def restore_backup(window: MainWindow) -> None:
    from ui.restore import restore_open_file

    restore_open_file(window)
