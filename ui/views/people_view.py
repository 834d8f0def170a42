"""People: the leaders, managers and reps of the file (they persist across offsites)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.people import directory
from keeper.people.directory import PersonRow
from keeper.people.fields import EMAIL_MAX, email_problem, uncut_line
from keeper.store.models import Person, Role
from keeper.text import clean_line
from ui import palette
from ui.context import AppContext
from ui.table_model import ColumnsTableModel

COLUMNS = ("Name", "Role", "Manager", "Email")
_Index = QModelIndex | QPersistentModelIndex


class PeopleModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonRow] = []
        self.names: dict[int, str] = {}

    def set_people(self, people: list[PersonRow]) -> None:
        self.beginResetModel()
        self.people = people
        self.names = {p.id: p.name for p in people}
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.people)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        person = self.people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (
                person.name,
                person.role.capitalize(),
                self.names.get(person.manager_id or -1, ""),
                person.email or "",
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and person.colour:
            return QColor(person.colour)
        return None


class PersonDialog(QDialog):
    def __init__(self, people: list[PersonRow], person: PersonRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit person" if person else "Add person")
        form = QFormLayout(self)
        self.name = QLineEdit(person.name if person else "")
        self.name.setMaxLength(200)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.capitalize(), role)
        if person:
            self.role.setCurrentIndex(self.role.findData(person.role))
        self.manager = QComboBox()
        self.manager.addItem("(none)", None)
        for other in people:
            if (person is None or other.id != person.id) and other.role != Role.REP:
                self.manager.addItem(other.name, other.id)
        if person and person.manager_id:
            self.manager.setCurrentIndex(max(0, self.manager.findData(person.manager_id)))
        self.email = QLineEdit(person.email or "" if person else "")
        self.email.setMaxLength(EMAIL_MAX + 1)  # one over, so an over-long address is refused
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("&Manager", self.manager)
        form.addRow("&Email", self.email)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {palette.ERROR_FORM}")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not clean_line(self.name.text()):
            self.error.setText("A name is required.")
            return
        problem = email_problem(uncut_line(self.email.text()))
        if problem:
            self.error.setText(problem[0].upper() + problem[1:] + ".")
            return
        self.accept()

    def values(self) -> dict[str, object]:
        return {
            "name": clean_line(self.name.text()),
            "role": self.role.currentData(),
            "manager_id": self.manager.currentData(),
            "email": uncut_line(self.email.text()) or None,
        }


class PeopleView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PeopleModel()
        self.table = QTableView()
        self.table.setAccessibleName("People")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.summary = QLabel()
        add = QPushButton("&Add person…")
        add.clicked.connect(self.add_person)
        edit = QPushButton("&Edit…")
        edit.clicked.connect(self.edit_selected)
        remove = QPushButton("&Remove")
        remove.clicked.connect(self.remove_selected)
        imp = QPushButton("&Import from spreadsheet…")
        imp.clicked.connect(self._import)
        self.buttons = [add, edit, remove, imp]
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)

        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        for button in self.buttons:
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        context.file_changed.connect(self.refresh)
        context.data_changed.connect(self.reload)

    def reload(self, changes: Changes | None = None) -> None:
        if changes is None or changes.people:
            self.refresh()

    def refresh(self) -> None:
        store = self.context.store
        people = directory.people(store) if store else []
        self.model.set_people(people)
        counts = {role: sum(1 for p in people if p.role == role) for role in Role}
        self.summary.setText(
            f"{counts[Role.LEADER]} leaders · {counts[Role.MANAGER]} managers · "
            f"{counts[Role.REP]} reps"
        )
        for button in self.buttons:
            button.setEnabled(not self.context.read_only)

    def selected_people(self) -> list[PersonRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.people[r] for r in rows]

    def add_person(self) -> None:
        dialog = PersonDialog(self.model.people, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self.context.run(InsertRow(Person, {**values, "active": True},
                                       text=f"Add {values['name']}"))

    def edit_selected(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1 or self.context.read_only:
            return
        person = chosen[0]
        dialog = PersonDialog(self.model.people, person, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.run(SetFields(Person, {"id": person.id}, dialog.values(),
                                       text=f"Edit {person.name}"))

    def remove_selected(self) -> None:
        chosen = self.selected_people()
        if not chosen or self.context.read_only:
            return
        names = ", ".join(p.name for p in chosen[:5]) + ("…" if len(chosen) > 5 else "")
        answer = QMessageBox.question(
            self, "Remove people",
            f"Remove {names}? Their notes stay on the board without an author. "
            "Edit ▸ Undo brings them back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.run(DeleteRows(Person, [{"id": p.id} for p in chosen],
                                        text=f"Remove {names}"))

    def _import(self) -> None:
        from ui.people_import import import_people

        window = self.window()
        import_people(window)  # type: ignore[arg-type]
