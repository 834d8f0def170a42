"""File menu dialogs: new, open, save as, restore, import people."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from keeper.people.roster import ImportPeople, ImportPlan, RosterError, plan_import
from keeper.store import backups, paths
from keeper.store.models import Role
from keeper.store.offsite_file import StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = "Keeper offsite files (*.keeper);;All files (*)"


def _with_suffix(name: str) -> Path:
    path = Path(name)
    return path if path.suffix else path.with_suffix(".keeper")


def new_file(window: MainWindow) -> None:
    template = window.ask_template()
    if template is None:
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
        store = create(path, template_name=template)
    except (StoreError, OSError) as exc:
        QMessageBox.warning(window, "New offsite file", f"Could not create {path}: {exc}")
        return
    store.close()
    window.open_path(path)


def new_offsite_here(window: MainWindow) -> None:
    store = window.context.store
    if store is None or store.read_only:
        return
    template = window.ask_template()
    if template is None:
        return
    title, ok = QInputDialog.getText(window, "New offsite", "Title of the new offsite:")
    if not ok:
        return
    from keeper.agenda.templates import load_template
    from keeper.store.files import add_offsite_from_template
    from keeper.text import clean_line

    offsite_id = add_offsite_from_template(
        store, load_template(template), title=clean_line(title) or None
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
    store = window.context.store
    if store is None:
        return
    found = backups.list_backups(store.path)
    if not found:
        QMessageBox.information(window, "Restore from backup",
                                f"There are no backups of {store.path.name} yet.")
        return
    dialog = QDialog(window)
    dialog.setWindowTitle("Restore from backup")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(f"Replace {store.path.name} with the copy taken at:"))
    choices = QListWidget()
    choices.setAccessibleName("Backups")
    for info in found:
        choices.addItem(f"{info.taken:%a %d %b %H:%M:%S} — {info.reason} ({info.size // 1024} KB)")
    choices.setCurrentRow(0)
    layout.addWidget(choices)
    layout.addWidget(QLabel("The current file is backed up first, so this can be undone."))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or choices.currentRow() < 0:
        return
    chosen = found[choices.currentRow()]
    path = store.path
    window.context.set_store(None)
    try:
        backups.restore(chosen.path, path)
    except (OSError, StoreError) as exc:
        QMessageBox.warning(window, "Restore from backup", f"Could not restore: {exc}")
    window.open_path(path)


class ImportPreview(QDialog):
    """Shows what will be imported and which rows are rejected, before writing."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None,
                 offsite_title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import people from {plan.source.name}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"<b>{len(plan.accepted)}</b> people will be added; "
            f"<b>{len(plan.rejected)}</b> rows are rejected."
        ))
        if offsite_title and any(r.role != Role.REP.value for r in plan.accepted):
            attend = QLabel(f"The new leaders and managers will attend {offsite_title}.")
            attend.setTextFormat(Qt.TextFormat.PlainText)
            attend.setWordWrap(True)
            layout.addWidget(attend)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setAccessibleName("Import report")
        lines = [f"+ {r.name} ({r.role})" + (f", reports to {r.manager}" if r.manager else "")
                 for r in plan.accepted]
        lines += [f"✗ row {r.row}: {r.reason}" for r in plan.rejected]
        text.setPlainText("\n".join(lines))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            f"Import {len(plan.accepted)}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(plan.accepted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)


def import_people(window: MainWindow, source: Path | None = None) -> int:
    """Returns how many people were imported."""
    store = window.context.store
    if store is None or store.read_only:
        return 0
    if source is None:
        name, _ = QFileDialog.getOpenFileName(window, "Import people", str(Path.home()),
                                              "Spreadsheets (*.xlsx *.csv)")
        if not name:
            return 0
        source = Path(name)
    try:
        plan = plan_import(store, source)
    except RosterError as exc:
        QMessageBox.warning(window, "Import people", str(exc))
        return 0
    offsite = window.context.offsite
    preview = ImportPreview(plan, window, offsite.title if offsite is not None else None)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return 0
    operation = ImportPeople(plan, offsite.id if offsite is not None else None)
    window.context.run(operation, "people")
    window.statusBar().showMessage(f"Imported {len(operation.created)} people.", 5000)
    return len(operation.created)
