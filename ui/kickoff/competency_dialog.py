"""The reality audit's list of competencies: add, rename, reorder, remove, the defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from keeper import kickoff as ko
from ui import palette
from ui.kickoff.widgets import on_delete
from ui.widgets import button, hint

if TYPE_CHECKING:
    from ui.kickoff.audit import AuditTab


class CompetencyDialog(QDialog):
    """The competency list: add, rename (F2), remove (Delete), reorder (Alt+Up/Down)."""

    def __init__(self, tab: AuditTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.setWindowTitle("Competencies of the reality audit")
        layout = QVBoxLayout(self)
        layout.addWidget(hint("The audit rates each rep on these, 1 to 10. Rename with F2 or a "
                              "double-click; removing one removes its ratings (undo brings "
                              "them back)."))
        self.list = QListWidget()
        self.list.setAccessibleName("Competencies")
        self.list.itemChanged.connect(self._renamed)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New competency")
        self.new_name.setPlaceholderText("A new competency… (Enter adds it)")
        self.new_name.returnPressed.connect(self.add)
        row.addWidget(self.new_name, 1)
        row.addWidget(button("&Add", self.add, name="Add competency"))
        layout.addLayout(row)
        row = QHBoxLayout()
        self.up = button("Move &up", lambda: self.move(-1), shortcut="Alt+Up",
                         name="Move competency up")
        self.down = button("Move &down", lambda: self.move(1), shortcut="Alt+Down",
                           name="Move competency down")
        self.remove_button = button("&Remove", self.remove, name="Remove competency",
                                    tip="Remove the selected competency and its ratings "
                                        "(Delete in the list)")
        on_delete(self.list, self.remove)
        self.defaults = button("Add the &defaults", self.add_defaults,
                               tip="Add the eight default competencies that are missing")
        for widget in (self.up, self.down, self.remove_button, self.defaults):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {palette.ERROR_TEXT}; font-weight: 600;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 460)
        self._filling = False
        self.fill()

    def fill(self, select: int | None = None) -> None:
        self._filling = True
        current = select if select is not None else self.selected()
        self.list.clear()
        for competency in self.tab.audit.competencies:
            item = QListWidgetItem(competency.name)
            item.setData(Qt.ItemDataRole.UserRole, competency.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            if competency.id == current:
                self.list.setCurrentItem(item)
        self._filling = False

    def selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _after(self, ok: bool, select: int | None = None) -> None:
        self.message.setText("" if ok else self.tab.host.message())
        self.fill(select)

    def add(self) -> None:
        name = self.new_name.text()
        offsite_id = self.tab.host.offsite_id
        if offsite_id is None:
            return
        ok = self.tab.host.run(lambda: ko.add_competency(self.tab.host.store, offsite_id, name),
                               "Adding a competency")
        if ok:
            self.new_name.clear()
        self._after(ok)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        competency_id = item.data(Qt.ItemDataRole.UserRole)
        name = item.text()
        ok = self.tab.host.run(lambda: ko.rename_competency(self.tab.host.store, competency_id,
                                                            name), "Renaming a competency")
        self._after(ok, competency_id)

    def rename(self, competency_id: int, name: str) -> None:
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == competency_id:
                item.setText(name)  # itemChanged saves it

    def remove(self) -> None:
        competency_id = self.selected()
        if competency_id is not None:
            self._after(self.tab.host.run(lambda: ko.remove_competency(competency_id),
                                          "Removing a competency"))

    def move(self, step: int) -> None:
        competency_id = self.selected()
        offsite_id = self.tab.host.offsite_id
        if competency_id is None or offsite_id is None:
            return
        ok = self.tab.host.run(lambda: ko.move_competency(self.tab.host.store, offsite_id,
                                                          competency_id, step),
                               "Moving a competency")
        self._after(ok, competency_id)

    def add_defaults(self) -> None:
        offsite_id = self.tab.host.offsite_id
        if offsite_id is not None:
            self._after(self.tab.host.run(
                lambda: ko.default_competencies(self.tab.host.store, offsite_id),
                "Adding the default competencies"))
