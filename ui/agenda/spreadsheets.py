"""Agenda import and export (.xlsx, .csv): files read and written off the UI thread.

Import shows the row report and asks whether to replace the agenda or add at
the end; either is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from keeper.agenda.files import AgendaFileError, ImportResult, export_agenda, import_agenda
from keeper.agenda.ops import InsertItems, replace_agenda
from keeper.people import directory
from keeper.store.models import AgendaItem
from ui.context import AppContext
from ui.tasks import run_in_background


class AgendaSpreadsheets:
    """Export and import for ``owner`` (the agenda view), whose edits go through ``run``."""

    def __init__(self, owner: QWidget, context: AppContext,
                 items: Callable[[], list[AgendaItem]], people: Callable[[], dict[int, str]],
                 run: Callable[[Any], None]) -> None:
        self.owner = owner
        self.context = context
        self._items = items
        self._people = people
        self._run = run
        self.last_import: ImportResult | None = None

    def export(self, path: Path | None = None) -> None:
        offsite = self.context.offsite
        if offsite is None:
            return
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self.owner, "Export agenda", f"{offsite.title} agenda.xlsx",
                "Excel workbook (*.xlsx);;CSV (*.csv)")
            if not name:
                return
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".xlsx")
        people = dict(self._people())
        title, start = offsite.title, offsite.day_start
        snapshot = [_detached(i) for i in self._items()]
        chosen = path
        run_in_background(
            self.owner, lambda: export_agenda(chosen, snapshot, people, start, title),
            lambda out: self._status(f"Agenda saved to {out}"),
            lambda exc: QMessageBox.warning(self.owner, "Export agenda", str(exc)),
        )

    def import_file(self, path: Path | None = None) -> None:
        store = self.context.store
        if store is None or self.context.offsite is None:
            return
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self.owner, "Import agenda", "", "Spreadsheets (*.xlsx *.csv);;All files (*)")
            if not name:
                return
            path = Path(name)
        people = directory.people(store)  # frozen rows: safe to read from the worker thread
        chosen = path
        run_in_background(
            self.owner, lambda: import_agenda(chosen, people),  # type: ignore[arg-type]
            lambda result: self._confirm_import(result),  # type: ignore[arg-type]
            lambda exc: QMessageBox.warning(
                self.owner, "Import agenda",
                str(exc) if isinstance(exc, AgendaFileError) else f"Cannot import: {exc}"),
        )

    def _confirm_import(self, result: ImportResult) -> None:
        self.last_import = result
        offsite, store = self.context.offsite, self.context.store
        if offsite is None or store is None:
            return
        box = QMessageBox(self.owner)
        box.setWindowTitle("Import agenda")
        box.setText(result.summary() + ".")
        lines = [f"Row {r.row}: {r.status}" + (f" — {r.message}" if r.message else "")
                 for r in result.report if r.status != "ok"]
        if lines:
            box.setDetailedText("\n".join(lines))
        replace = box.addButton("&Replace the agenda", QMessageBox.ButtonRole.AcceptRole)
        append = box.addButton("&Add at the end", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        if not result.rows:
            replace.setEnabled(False)
            append.setEnabled(False)
        box.exec()
        self.apply_import(result, "replace" if box.clickedButton() is replace else
                          "append" if box.clickedButton() is append else "cancel")

    def apply_import(self, result: ImportResult, how: str) -> None:
        """``how``: "replace" the agenda, "append" at the end, or "cancel"."""
        offsite, store = self.context.offsite, self.context.store
        if offsite is None or store is None or not result.rows or how == "cancel":
            return
        if how == "replace":
            self._run(replace_agenda(store, offsite.id, result.rows))
        else:
            self._run(InsertItems(offsite.id, len(self._items()), result.rows, "Import agenda"))

    def _status(self, text: str) -> None:
        window = self.owner.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)


def _detached(item: AgendaItem) -> AgendaItem:
    """A copy not bound to the session, safe to read from the export thread."""
    return AgendaItem(**{c.key: getattr(item, c.key) for c in AgendaItem.__table__.columns})
