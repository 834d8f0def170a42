"""Restore from backup: over the open file, or into a new file beside one that won't open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
)

from keeper.store import backups
from keeper.store.offsite_file import NewerFile, StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RESTORE_BUTTON = "Restore from backup…"


def describe(info: backups.BackupInfo) -> str:
    """One line per copy: when, why, and what it holds, so the Keeper can tell them apart."""
    held = backups.summarize(info.path)
    what = (f"{held.people} people, {held.notes} notes" if held is not None
            else "cannot be read")
    return f"{info.taken:%a %d %b %H:%M:%S} — {info.reason} — {what}"


def choose_backup(window: MainWindow, path: Path, intro: str,
                  footer: str) -> backups.BackupInfo | None:
    found = backups.list_backups(path)
    if not found:
        QMessageBox.information(window, "Restore from backup",
                                f"There are no backups of {path.name} yet.")
        return None
    dialog = QDialog(window)
    dialog.setWindowTitle("Restore from backup")
    layout = QVBoxLayout(dialog)
    heading = QLabel(intro)
    heading.setWordWrap(True)
    layout.addWidget(heading)
    choices = QListWidget()
    choices.setAccessibleName("Backups")
    for info in found:
        choices.addItem(describe(info))
    choices.setCurrentRow(0)
    layout.addWidget(choices)
    layout.addWidget(QLabel(footer))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 360)
    if dialog.exec() != QDialog.DialogCode.Accepted or choices.currentRow() < 0:
        return None
    return found[choices.currentRow()]


def restore_open_file(window: MainWindow) -> None:
    """Replace the open file by a copy; the current file is backed up first."""
    store = window.context.store
    if store is None:
        if window.failed_path is not None:
            restore_beside(window, window.failed_path)
        else:
            QMessageBox.information(window, "Restore from backup",
                                    "Open the offsite file whose backup you want first.")
        return
    path = store.path
    chosen = choose_backup(window, path, f"Replace {path.name} with the copy taken at:",
                           "The current file is backed up first, so this can be undone.")
    if chosen is None:
        return
    window.context.set_store(None)
    try:
        backups.restore(chosen.path, path)
    except (OSError, StoreError) as exc:
        QMessageBox.warning(window, "Restore from backup", f"Could not restore: {exc}")
    window.open_path(path)


def restore_beside(window: MainWindow, damaged: Path) -> Path | None:
    """A copy of a file that won't open becomes a NEW file beside it; the damaged one stays."""
    chosen = choose_backup(
        window, damaged, f"{damaged.name} cannot be opened. Choose a copy to restore:",
        "The copy becomes a new file beside it; the damaged file is kept as it is.")
    if chosen is None:
        return None
    try:
        restored = backups.restore_beside(chosen.path, damaged)
    except (OSError, StoreError) as exc:
        QMessageBox.warning(window, "Restore from backup", f"Could not restore: {exc}")
        return None
    window.open_path(restored)
    return restored


def cannot_open(window: MainWindow, path: Path, exc: StoreError) -> None:
    """The "won't open" message; with the file's backups at hand, it offers to restore one."""
    if isinstance(exc, NewerFile) or not path.exists() or not backups.list_backups(path):
        QMessageBox.warning(window, "Cannot open this file", str(exc))
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open this file", str(exc),
                      QMessageBox.StandardButton.Close, window)
    offer = box.addButton(RESTORE_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(offer)
    box.exec()
    if box.clickedButton() is offer:
        restore_beside(window, path)
