"""Import placements from a spreadsheet: read it off the UI thread, preview, then place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keeper.quadrant.placement_import import (
    ImportPlacements,
    PlacementImportError,
    PlacementPlan,
    plan_placements,
    read_placement_rows,
)
from ui.context import AppContext
from ui.tasks import run_in_background


class PlacementPreview(QDialog):
    """What an import will place, and which rows are rejected, before writing."""

    def __init__(self, plan: PlacementPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import placements from {plan.source.name}")
        layout = QVBoxLayout(self)
        how = "from the column headers" if plan.scale_from_header else "detected from the values"
        summary = QLabel(
            f"<b>{len(plan.accepted)}</b> reps will be placed; <b>{len(plan.rejected)}</b> "
            f"rows are rejected. Scale <b>{plan.scale_label}</b> ({how})."
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setAccessibleName("Import report")
        lines = []
        for row in plan.accepted:
            moved = " (replaces today's placement)" if row.replaces else ""
            lines.append(f"+ row {row.row}: {row.name}: skill {row.raw[0]}, motivation "
                         f"{row.raw[1]} → {row.quadrant.label}{moved}")
        lines += [f"✗ row {r.row}: {r.reason}" for r in plan.rejected]
        lines += [f"! row {row}: {message}" for row, message in plan.warnings]
        text.setPlainText("\n".join(lines))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(f"Place {len(plan.accepted)}",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(plan.accepted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 440)


class PlacementImport:
    """The toolbar's import: ``start`` asks for a file and reads it in the background;
    ``review`` previews a plan and, if the Keeper agrees, runs it through ``run``."""

    def __init__(self, owner: QWidget, context: AppContext, button: QPushButton,
                 offsite_id: Callable[[], int | None],
                 run: Callable[[object, str], bool]) -> None:
        self._owner = owner
        self._context = context
        self._button = button
        self._offsite_id = offsite_id
        self._run = run
        button.clicked.connect(lambda: self.start())

    def start(self, path: Path | None = None) -> None:
        context = self._context
        if context.store is None or context.read_only or self._offsite_id() is None:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self._owner, "Import placements",
                                                  str(Path.home()),
                                                  "Spreadsheets (*.xlsx *.csv)")
            if not name:
                return
            path = Path(name)
        source = path
        self._button.setEnabled(False)

        def done(rows: object) -> None:
            self._button.setEnabled(not context.read_only)
            assert isinstance(rows, list)
            store, offsite_id = context.store, self._offsite_id()
            if store is None or offsite_id is None:
                return
            try:
                plan = plan_placements(store, offsite_id, source, rows=rows)
            except PlacementImportError as exc:
                failed(exc)
                return
            self.review(plan)

        def failed(exc: BaseException) -> None:
            self._button.setEnabled(not context.read_only)
            QMessageBox.warning(self._owner, "Import placements", str(exc))

        run_in_background(self._owner, lambda: read_placement_rows(source), done, failed)

    def review(self, plan: PlacementPlan) -> bool:
        """Show the preview; place the accepted rows if the Keeper agrees."""
        if PlacementPreview(plan, self._owner).exec() != QDialog.DialogCode.Accepted:
            return False
        return self._run(ImportPlacements(plan, text=f"Import placements from "
                                                     f"{plan.source.name}"),
                         "Importing placements")
