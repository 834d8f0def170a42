"""Export: the tally workbook and the offsite deck, plus the notes of gratitude for the deck.

The export itself runs off the UI thread (``ui.tasks.run_in_background``) from
the file on disk, opened read-only; every edit is already committed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from keeper.ops import SetFields
from keeper.people import directory
from keeper.store import paths
from keeper.store.models import Attendance
from keeper.store.offsite_file import StoreError
from keeper.text import clean_block
from ui import palette
from ui.context import AppContext
from ui.export.drafts import DRAFT_ROLE, DraftDelegate
from ui.tasks import run_in_background

GRATITUDE_MAX = 600


def _slug(title: str) -> str:
    text = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
    return re.sub(r"\s+", " ", text)[:60] or "Offsite"


class ExportView(QWidget):
    """Both files with Browse, the template and anonymity choices, Export, Open folder."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.running = False
        self.last_folder: Path | None = None
        self._loading = False

        intro = QLabel("Take the day home: a tally workbook and a deck you can send tonight. "
                       "Both are written from the saved file; the app stays usable meanwhile.")
        intro.setWordWrap(True)

        self.want_xlsx = QCheckBox("Tally &workbook")
        self.want_xlsx.setChecked(True)
        self.xlsx_path = QLineEdit()
        self.xlsx_path.setAccessibleName("Workbook file")
        self.xlsx_browse = QPushButton("Browse…")
        self.xlsx_browse.setAccessibleName("Choose the workbook file")
        self.xlsx_browse.clicked.connect(lambda: self._browse(
            self.xlsx_path, "Save the tally workbook", "Excel workbook (*.xlsx)", ".xlsx"))

        self.want_pptx = QCheckBox("Offsite &deck")
        self.want_pptx.setChecked(True)
        self.pptx_path = QLineEdit()
        self.pptx_path.setAccessibleName("Deck file")
        self.pptx_browse = QPushButton("Browse…")
        self.pptx_browse.setAccessibleName("Choose the deck file")
        self.pptx_browse.clicked.connect(lambda: self._browse(
            self.pptx_path, "Save the offsite deck", "PowerPoint deck (*.pptx)", ".pptx"))

        self.default_design = QRadioButton("Keeper's clean 16:9 design")
        self.default_design.setChecked(True)
        self.company_design = QRadioButton("Our company template:")
        self.template_path = QLineEdit()
        self.template_path.setAccessibleName("Company template file")
        self.template_path.setPlaceholderText("a .pptx with your company's layouts")
        self.template_browse = QPushButton("Browse…")
        self.template_browse.setAccessibleName("Choose the company template")
        self.template_browse.clicked.connect(self._browse_template)
        self.template_path.textEdited.connect(lambda _t: self.company_design.setChecked(True))

        self.names = QCheckBox("Show rep &names on the quadrant and reality-audit slides "
                               "(off: shares and anonymous rows only)")
        self.names.setChecked(False)

        self.export_button = QPushButton("&Export")
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setToolTip("Write the files (Ctrl+E)")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.open_folder = QPushButton("Open &folder")
        self.open_folder.setToolTip("Show the exported files")
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self.show_folder)
        self.feedback_button = QPushButton("&Private feedback files\u2026")
        self.feedback_button.setToolTip("Write each leader's Start/Stop/Continue feedback into a "
                                        "folder: one workbook per person, holding only what "
                                        "they received")
        self.feedback_button.clicked.connect(self.start_feedback_export)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName("Export result")

        files = QGroupBox("Files")
        grid = QFormLayout(files)
        grid.addRow(self.want_xlsx, self._row(self.xlsx_path, self.xlsx_browse))
        grid.addRow(self.want_pptx, self._row(self.pptx_path, self.pptx_browse))
        deck = QGroupBox("Deck")
        deck_box = QVBoxLayout(deck)
        deck_box.addWidget(self.default_design)
        deck_box.addWidget(self._row(self.company_design, self.template_path,
                                     self.template_browse))
        deck_box.addWidget(self.names)

        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.open_folder)
        actions.addStretch(1)

        self.gratitude = QTableWidget(0, 2)
        self.gratitude.setAccessibleName("Notes of gratitude")
        self.gratitude.setHorizontalHeaderLabels(["Leader", "Your note of gratitude"])
        self.gratitude.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.gratitude.horizontalHeader().setStretchLastSection(True)
        self.gratitude.verticalHeader().hide()
        self.gratitude.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.gratitude.itemChanged.connect(self._gratitude_edited)
        self.gratitude.setItemDelegateForColumn(1, DraftDelegate(self.gratitude))
        self._drafts_asked = 0  # drafts arriving for an earlier load are dropped
        self._committing = False
        thanks = QGroupBox("Notes of gratitude: one slide for each leader who attended")
        thanks_box = QVBoxLayout(thanks)
        hint = QLabel("Double-click (or F2) a note to write it. Where you write none, Keeper "
                      "drafts a thank-you from what that leader did today.")
        hint.setWordWrap(True)
        self.gratitude_warning = QLabel()
        self.gratitude_warning.setWordWrap(True)
        self.gratitude_warning.setAccessibleName("Notes of gratitude not written")
        self.gratitude_warning.setStyleSheet(f"color: {palette.WARN_EXPORT};")
        thanks_box.addWidget(hint)
        thanks_box.addWidget(self.gratitude_warning)
        thanks_box.addWidget(self.gratitude)

        private = QGroupBox("Private feedback")
        private_box = QHBoxLayout(private)
        private_hint = QLabel("Start/Stop/Continue feedback never goes into the workbook or "
                              "the deck. Hand it out separately: one file per leader.")
        private_hint.setWordWrap(True)
        private_box.addWidget(private_hint, 1)
        private_box.addWidget(self.feedback_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(files)
        layout.addWidget(deck)
        layout.addLayout(actions)
        layout.addWidget(private)
        layout.addWidget(self.result)
        layout.addWidget(thanks, 1)

        context.file_changed.connect(self.reload)
        context.data_changed.connect(self.reload)
        self.reload()

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
        return box

    # --- state -------------------------------------------------------------
    def reload(self, changes: Changes | None = None) -> None:
        if changes is not None:  # an edit: the gratitude notes may have changed
            if changes & Changes(offsite=True, people=True):
                if self._committing:  # inside the table's own commit: not under its editor
                    QTimer.singleShot(0, self._load_gratitude)
                else:
                    self._load_gratitude()
            return
        offsite = self.context.offsite
        store = self.context.store
        if store is not None and offsite is not None:
            folder = paths.default_export_folder(Path(store.path))
            stem = _slug(offsite.title)
            self.xlsx_path.setText(str(folder / f"{stem} tally.xlsx"))
            self.pptx_path.setText(str(folder / f"{stem} deck.pptx"))
        self.result.clear()
        self.open_folder.setEnabled(False)
        self._load_gratitude()
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self.context.store is not None and self.context.offsite is not None
        self.export_button.setEnabled(ready and not self.running)
        self.feedback_button.setEnabled(ready and not self.running)
        self.gratitude.setEnabled(ready and not self.context.read_only)

    def _load_gratitude(self) -> None:
        self._loading = True
        try:
            self.gratitude.setRowCount(0)
            self.gratitude_warning.hide()
            store, offsite = self.context.store, self.context.offsite
            if store is None or offsite is None:
                return
            rows = directory.gratitude_rows(store, offsite.id, offsite.keeper_id)
            missing = [row.name for row in rows if not (row.note or "").strip()]
            if missing:
                self.gratitude_warning.setText(
                    f"{len(missing)} of {len(rows)} notes are not written yet "
                    f"({', '.join(missing[:6])}{' …' if len(missing) > 6 else ''}): "
                    "their slides carry a thank-you drafted from the day until you write one.")
                self.gratitude_warning.show()
            for row in rows:
                r = self.gratitude.rowCount()
                self.gratitude.insertRow(r)
                who = QTableWidgetItem(row.name)
                who.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                note = QTableWidgetItem(row.note)
                note.setData(Qt.ItemDataRole.UserRole, row.person_id)
                note.setToolTip(f"Your note to {row.name} (shown on their slide)")
                self.gratitude.setItem(r, 0, who)
                self.gratitude.setItem(r, 1, note)
            if missing and store.path is not None:
                self._ask_for_drafts(store.path, offsite.id)
        finally:
            self._loading = False

    def _ask_for_drafts(self, path: Path, offsite_id: int) -> None:
        """Work out the drafted thank-yous off the UI thread; show them in the empty cells."""
        from exporters.gratitude import drafts
        from exporters.run import read_offsite

        self._drafts_asked += 1
        asked = self._drafts_asked

        def show(result: object) -> None:
            if asked != self._drafts_asked or not isinstance(result, dict):
                return  # the table was reloaded since: a newer request is on its way
            self._loading = True
            try:
                for r in range(self.gratitude.rowCount()):
                    item = self.gratitude.item(r, 1)
                    draft = result.get(item.data(Qt.ItemDataRole.UserRole))
                    if draft and not item.text():
                        item.setData(DRAFT_ROLE, draft)
                        item.setToolTip("Not written yet: the slide carries this draft "
                                        "from the day. Double-click (or F2) to edit it.")
            finally:
                self._loading = False

        run_in_background(self, lambda: drafts(read_offsite(path, offsite_id)), show,
                          lambda _exc: None)  # no drafts shown: the warning still says it

    def _gratitude_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        offsite = self.context.offsite
        if offsite is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        text = clean_block(item.text(), GRATITUDE_MAX) or None
        op = SetFields(Attendance, {"offsite_id": offsite.id, "person_id": person_id},
                       {"gratitude_note": text}, text="Edit note of gratitude")
        self._committing = True  # the table reloads after the editor has closed
        try:
            self.context.run(op)
        except Exception as exc:  # read-only file, or the row is gone
            self._show_error(f"The note was not saved: {exc}")
            QTimer.singleShot(0, self._load_gratitude)
        finally:
            self._committing = False

    # --- choosing files ----------------------------------------------------
    def _browse(self, edit: QLineEdit, caption: str, filter_: str, suffix: str) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, caption, edit.text(), filter_)
        if chosen:
            if not chosen.lower().endswith(suffix):
                chosen += suffix
            edit.setText(chosen)

    def _browse_template(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose your company's template",
                                                self.template_path.text(),
                                                "PowerPoint (*.pptx *.potx)")
        if chosen:
            self.template_path.setText(chosen)
            self.company_design.setChecked(True)

    # --- exporting ---------------------------------------------------------
    def export_job(self) -> tuple[Callable[[], object], list[Path]] | None:
        """The work to run and the files it writes, or None (with a message) if not ready."""
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            self._show_error("Open an offsite file first.")
            return None
        xlsx = Path(self.xlsx_path.text().strip()) if self.want_xlsx.isChecked() else None
        pptx = Path(self.pptx_path.text().strip()) if self.want_pptx.isChecked() else None
        if (xlsx and not xlsx.name) or (pptx and not pptx.name):
            self._show_error("Give each file a name, or untick it.")
            return None
        if xlsx is None and pptx is None:
            self._show_error("Tick the workbook, the deck, or both.")
            return None
        template = None
        if self.company_design.isChecked():
            if not self.template_path.text().strip():
                self._show_error("Choose your company's template, or use Keeper's design.")
                return None
            template = Path(self.template_path.text().strip())
        path, offsite_id = Path(store.path), offsite.id
        now, names = self.context.clock.now(), self.names.isChecked()

        def work() -> object:
            from exporters.run import export_files

            return export_files(path, xlsx=xlsx, pptx=pptx, template=template, names=names,
                                offsite_id=offsite_id, now=now)

        return work, [p for p in (xlsx, pptx) if p is not None]

    def feedback_job(self, folder: Path) -> Callable[[], object] | None:
        """The work that writes the private feedback files into ``folder``."""
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            self._show_error("Open an offsite file first.")
            return None
        path, offsite_id, now = Path(store.path), offsite.id, self.context.clock.now()

        def work() -> object:
            from exporters.run import export_files

            return export_files(path, feedback=folder, offsite_id=offsite_id, now=now)

        return work

    def start_feedback_export(self) -> None:
        """Ask for a folder, then write one private feedback workbook per person into it."""
        if self.running:
            return
        start = Path(self.xlsx_path.text().strip() or ".").expanduser().parent
        chosen = QFileDialog.getExistingDirectory(
            self, "Choose a folder for the private feedback files", str(start))
        if not chosen:
            return
        work = self.feedback_job(Path(chosen))
        if work is not None:
            self._start(work, Path(chosen) / "x")

    def start_export(self) -> None:
        if self.running:
            return
        job = self.export_job()
        if job is None:
            return
        work, targets = job
        self._start(work, targets[0])

    def _start(self, work: Callable[[], object], first_target: Path) -> None:
        self.running = True
        self.last_folder = first_target.expanduser().resolve().parent
        self.open_folder.setEnabled(False)
        self.progress.setRange(0, 0)  # busy
        self.progress.show()
        self.result.setStyleSheet("")
        self.result.setText("Exporting…")
        self._update_enabled()
        run_in_background(self, work, self._done, self._failed)

    def _finish(self) -> None:
        self.running = False
        self.progress.setRange(0, 1)
        self.progress.hide()
        self._update_enabled()

    def _done(self, lines: object) -> None:
        self._finish()
        written = [str(line) for line in lines] if isinstance(lines, list) else []
        self.result.setStyleSheet(f"color: {palette.GOOD_EXPORT};")
        self.result.setText("Exported.\n" + "\n".join(written))
        self.open_folder.setEnabled(True)
        self.open_folder.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        message = str(exc) if isinstance(exc, ValueError | OSError | StoreError) else (
            f"The export failed: {exc}")
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.result.setStyleSheet(f"color: {palette.ERROR_FORM};")
        self.result.setText(message)

    def show_folder(self) -> None:
        if self.last_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))
