"""Monthly leadership check-ins of the operating plan: the dates, and recording each
tactic's status at one of them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import day as day_ops
from keeper.day import CheckInRow, DayData, DayError
from keeper.day.rules import TACTIC_STATUSES
from ui import palette
from ui.day.base import Host
from ui.day.widgets import STATUS_COLOURS, TextBox, field_label, read_only_table, row
from ui.widgets import button, hint


def status_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for status in TACTIC_STATUSES:
        combo.addItem(status.capitalize(), status)
        bg, fg = STATUS_COLOURS[status]
        at = combo.count() - 1
        combo.setItemData(at, QBrush(QColor(bg)), Qt.ItemDataRole.BackgroundRole)
        combo.setItemData(at, QBrush(QColor(fg)), Qt.ItemDataRole.ForegroundRole)
    return combo


class CheckInDialog(QDialog):
    """Record each tactic's status at one monthly check-in."""

    def __init__(self, data: DayData, check_in: CheckInRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_in = check_in
        self.setWindowTitle(f"Check-in {check_in.date:%d %b %Y}")
        self.table = read_only_table(QTableWidget(0, 3), "Tactic statuses at this check-in",
                                     ["Initiative", "Tactic", "Status"])
        self.combos: dict[int, QComboBox] = {}
        for initiative in data.initiatives:
            for tactic in initiative.tactics:
                r = self.table.rowCount()
                self.table.insertRow(r)
                self.table.setItem(r, 0, QTableWidgetItem(initiative.title))
                self.table.setItem(r, 1, QTableWidgetItem(tactic.text))
                combo = status_combo(f"Status of {tactic.text}")
                current = check_in.statuses.get(tactic.id, tactic.status)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                self.table.setCellWidget(r, 2, combo)
                self.combos[tactic.id] = combo
        self.notes = TextBox("What changed: the playing field, a dropped ball, a lost key "
                             "person…", "Check-in notes", lines=3)
        self.notes.set_text(check_in.notes)
        self.notes.submitted.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(hint("How is each tactic tracking? Saving sets each tactic's current "
                              "status too (unless a later check-in recorded it)."))
        layout.addWidget(self.table, 1)
        layout.addWidget(field_label("&Notes", self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def statuses(self) -> dict[int, str]:
        return {tid: str(combo.currentData()) for tid, combo in self.combos.items()}


class CheckInsBox(QGroupBox):
    """The check-in dates, generated monthly or added by hand, and recording one."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__("Monthly leadership check-ins", parent)
        self.host = host
        self.data: DayData | None = None
        self.check_in_dialog: CheckInDialog | None = None
        self.check_ins = QListWidget()
        self.check_ins.setAccessibleName("Monthly check-ins")
        self.check_ins.itemActivated.connect(lambda _i: self.open_check_in())
        self.generate_button = button("&Monthly dates", self.generate_check_ins,
                                      tip="Add a check-in each month for six months after the "
                                          "offsite", name="Generate monthly check-ins")
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd MMM yyyy")
        self.new_date.setAccessibleName("Date of a new check-in")
        self.add_date_button = button("Add", self.add_check_in, name="Add check-in date")
        self.record_button = button("&Record check-in…", self.open_check_in, shortcut="Alt+R",
                                    tip="Record each tactic's status at the selected check-in")
        self.delete_check_in_button = button("Delete", self.delete_check_in,
                                             name="Delete check-in")
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_ins, 1)
        layout.addLayout(row(self.generate_button, self.new_date, self.add_date_button,
                             stretch_at=3))
        layout.addLayout(row(self.record_button, self.delete_check_in_button, stretch_at=2))

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        self._fill(data)
        if data.date is not None and self.new_date.date() == QDate(2000, 1, 1):
            self.new_date.setDate(QDate(data.date.year, data.date.month, data.date.day))
        for widget in (self.generate_button, self.add_date_button):
            widget.setEnabled(editable)

    def _fill(self, data: DayData) -> None:
        keep = self.check_ins.currentItem()
        keep_id = keep.data(Qt.ItemDataRole.UserRole) if keep else None
        self.check_ins.clear()
        tactic_count = sum(len(i.tactics) for i in data.initiatives)
        next_open = next((c.id for c in data.check_ins if not c.recorded), None)
        for check_in in data.check_ins:
            if check_in.recorded:
                counts: dict[str, int] = {}
                for status in check_in.statuses.values():
                    counts[status] = counts.get(status, 0) + 1
                detail = ", ".join(f"{n} {s}" for s, n in counts.items())
                text = f"{check_in.date:%a %d %b %Y} · recorded: {detail}"
            else:
                text = f"{check_in.date:%a %d %b %Y} · not yet"
            if check_in.notes:
                text += f"\n    {check_in.notes.splitlines()[0][:80]}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, check_in.id)
            if not check_in.recorded:
                item.setForeground(QBrush(QColor(palette.TEXT_MUTED)))
            self.check_ins.addItem(item)
            if check_in.id == (keep_id or next_open):
                self.check_ins.setCurrentItem(item)
        if not data.check_ins:
            item = QListWidgetItem("No check-ins yet: press Monthly dates.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.check_ins.addItem(item)
        self.record_button.setEnabled(self.host.editable and bool(data.check_ins)
                                      and tactic_count > 0)
        self.delete_check_in_button.setEnabled(self.host.editable and bool(data.check_ins))

    def generate_check_ins(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        try:
            op = day_ops.generate_check_ins(self.host.store_for_ops(), self.data.offsite_id)
        except DayError as exc:
            self.host.say(str(exc), "error")
            return
        if op is None:
            self.host.say("The monthly check-ins are already in the plan.", "info")
            return
        self.host.run(op, "Adding check-ins")

    def add_check_in(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        date = self.new_date.date()
        value = dt.date(date.year(), date.month(), date.day())
        if any(c.date == value for c in self.data.check_ins):
            self.host.say(f"There is already a check-in on {value:%d %b %Y}.", "error")
            return
        self.host.run(day_ops.add_check_in(self.data.offsite_id, value), "Adding a check-in")

    def _selected_check_in(self) -> CheckInRow | None:
        item = self.check_ins.currentItem()
        check_in_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if self.data is None or check_in_id is None:
            return None
        return next((c for c in self.data.check_ins if c.id == check_in_id), None)

    def delete_check_in(self) -> None:
        check_in = self._selected_check_in()
        if check_in is not None:
            self.host.run(day_ops.delete_check_in(check_in.id), "Deleting the check-in")

    def open_check_in(self) -> CheckInDialog | None:
        check_in = self._selected_check_in()
        if check_in is None or self.data is None or not self.host.editable:
            self.host.say("Select a check-in date first.", "error")
            return None
        dialog = CheckInDialog(self.data, check_in, self)
        dialog.accepted.connect(lambda: self.record(check_in.id, dialog.statuses(),
                                                    dialog.notes.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.check_in_dialog = dialog
        dialog.open()
        return dialog

    def record(self, check_in_id: int, statuses: dict[int, str], notes: str | None) -> None:
        try:
            op = day_ops.record_check_in(self.host.store_for_ops(), check_in_id, statuses, notes)
        except DayError as exc:
            self.host.say(str(exc), "error")
            return
        if self.host.run(op, "Recording the check-in"):
            self.host.say(f"{op.text}: {len(statuses)} tactics.", "ok")
