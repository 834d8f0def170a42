"""Import people (File ▸ Import people…, People ▸ Import…): preview new / changed /
unchanged / rejected people, then apply the whole import as one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.people.roster import ImportPlan, RosterError, RosterRow, plan_import
from keeper.people.roster_apply import ImportPeople
from keeper.store.models import Role

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _person(row: RosterRow) -> str:
    return f"{row.name} ({row.role})" + (f", reports to {row.manager}" if row.manager else "")


def _groups(plan: ImportPlan) -> list[tuple[str, list[str], bool]]:
    """(title, lines, expanded) for each kind of row the plan has."""
    groups = [
        ("New", [f"row {r.row} · {_person(r)}" for r in plan.accepted], True),
        ("Changed", [f"row {u.person.row} · {u.person.name} (by {u.matched_by}): "
                     + "; ".join(map(str, u.changes)) for u in plan.changed], True),
        ("Rejected", [f"row {r.row} · {r.reason}" for r in plan.rejected], True),
        ("Unchanged", [f"row {r.row} · {_person(r)}" for r in plan.unchanged], False),
    ]
    return [g for g in groups if g[1]]


def action_text(plan: ImportPlan) -> str:
    added, updated = len(plan.accepted), len(plan.changed)
    if added and updated:
        return f"Add {added}, update {updated}"
    if added:
        return f"Add {added}"
    return f"Update {updated}" if updated else "Nothing to import"


class ImportPreview(QDialog):
    """What the import will do to each row, before anything is written."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None,
                 offsite_title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import people from {plan.source.name}")
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            f"<b>{len(plan.accepted)}</b> new · <b>{len(plan.changed)}</b> changed · "
            f"<b>{len(plan.unchanged)}</b> unchanged · <b>{len(plan.rejected)}</b> rejected")
        layout.addWidget(self.summary)
        promoted = any(c.label == "role" and c.before == Role.REP
                       for u in plan.changed for c in u.changes)
        if offsite_title and (promoted or any(r.role != Role.REP for r in plan.accepted)):
            attend = QLabel(f"The new leaders and managers will attend {offsite_title}.")
            attend.setTextFormat(Qt.TextFormat.PlainText)
            attend.setWordWrap(True)
            layout.addWidget(attend)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Import preview")
        for title, lines, expanded in _groups(plan):
            group = QTreeWidgetItem(self.tree, [f"{title} ({len(lines)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for line in lines:
                child = QTreeWidgetItem(group, [line])
                child.setToolTip(0, line)
            group.setExpanded(expanded)
        layout.addWidget(self.tree)
        if plan.writes:
            layout.addWidget(QLabel("Edit ▸ Undo takes the whole import back in one step."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(action_text(plan),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(plan.writes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def group_lines(self) -> dict[str, list[str]]:
        """Each group's title (with its count) and its lines, as shown."""
        out: dict[str, list[str]] = {}
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            out[group.text(0)] = [group.child(i).text(0) for i in range(group.childCount())]
        return out


def import_people(window: MainWindow, source: Path | None = None) -> int:
    """Returns how many people were added or updated."""
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
    if preview.exec() != QDialog.DialogCode.Accepted or not plan.writes:
        return 0
    operation = ImportPeople(plan, offsite.id if offsite is not None else None)
    window.context.run(operation)
    added, updated = len(plan.accepted), len(plan.changed)
    window.statusBar().showMessage(f"Imported people: {added} added, {updated} updated.", 5000)
    return added + updated
