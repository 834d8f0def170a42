"""The offsite: title, date, venue, start of day, the company's initiatives, who attends."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.overview import offsite_overview
from keeper.people import directory
from keeper.store.models import Attendance, Initiative, Offsite
from keeper.text import clean_line
from ui import palette
from ui.context import AppContext
from ui.throttle import Throttle
from ui.views.glance import GlanceRow

# What the glance cards count (the offsite and people refresh the whole view).
GLANCE_AREAS = Changes(agenda=True, runner=True, board=True, quadrant=True)
GLANCE_MS = 400

INITIATIVES_MIN, INITIATIVES_MAX = 3, 5


class OffsiteView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False

        self.switcher = QComboBox()
        self.switcher.setAccessibleName("Offsite shown")
        self.switcher.activated.connect(self._switch)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setAccessibleName("Title")
        self.title.editingFinished.connect(
            lambda: self._set("title", clean_line(self.title.text()) or "Untitled offsite")
        )
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.venue.editingFinished.connect(
            lambda: self._set("venue", clean_line(self.venue.text()) or None)
        )
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName("Date")
        self.date.setSpecialValueText("Not set: choose the date")  # shown at the minimum date
        self.date.editingFinished.connect(
            lambda: self._set("date", None if self.date.date() == self.date.minimumDate()
                              else self.date.date().toPython())
        )
        self.day_start = QTimeEdit()
        self.day_start.setDisplayFormat("HH:mm")
        self.day_start.setAccessibleName("Day starts at")
        self.day_start.editingFinished.connect(
            lambda: self._set("day_start", self.day_start.time().toPython())
        )

        self.keeper = QComboBox()
        self.keeper.setAccessibleName("Keeper of the offsite")
        self.keeper.setToolTip("Who facilitates: they get no gratitude slide of their own")
        self.keeper.activated.connect(
            lambda index: self._set("keeper_id", self.keeper.itemData(index))
        )

        form = QFormLayout()
        form.addRow("Offsite", self.switcher)
        form.addRow("&Title", self.title)
        form.addRow("&Date", self.date)
        form.addRow("Day &starts", self.day_start)
        form.addRow("&Venue", self.venue)
        form.addRow("&Keeper", self.keeper)

        self.initiatives = QListWidget()
        self.initiatives.setAccessibleName("Company initiatives")
        self.initiatives.itemChanged.connect(self._rename_initiative)
        self.initiative_hint = QLabel()
        add_init = QPushButton("Add initiative")
        add_init.clicked.connect(self.add_initiative)
        remove_init = QPushButton("Remove")
        remove_init.clicked.connect(self.remove_initiative)
        init_box = QGroupBox("The company's initiatives (3–5)")
        init_layout = QVBoxLayout(init_box)
        init_layout.addWidget(self.initiatives)
        buttons = QHBoxLayout()
        buttons.addWidget(self.initiative_hint, 1)
        buttons.addWidget(add_init)
        buttons.addWidget(remove_init)
        init_layout.addLayout(buttons)

        self.attendees = QListWidget()
        self.attendees.setAccessibleName("Who attends")
        self.attendees.itemChanged.connect(self._toggle_attendance)
        self.attendance_summary = QLabel()
        att_box = QGroupBox("Who attends")
        att_layout = QVBoxLayout(att_box)
        att_layout.addWidget(self.attendance_summary)
        att_layout.addWidget(self.attendees)

        self.editable = [self.title, self.venue, self.date, self.day_start, self.keeper,
                         add_init, remove_init,
                         self.initiatives, self.attendees]
        self.heading = QLabel()
        self.heading.setObjectName("offsiteHeading")
        self.heading.setStyleSheet("font-size: 20pt; font-weight: 700;"
                                   f" color: {palette.INK_STRONG};")
        self.subheading = QLabel()
        self.subheading.setStyleSheet(f"color: {palette.TEXT_MUTED_COOL}; font-size: 11pt;")
        self.glance = GlanceRow()
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(init_box, 1)
        columns.addLayout(left, 3)
        columns.addWidget(att_box, 2)
        page = QVBoxLayout(self)
        page.setContentsMargins(20, 16, 20, 16)
        page.setSpacing(12)
        page.addWidget(self.heading)
        page.addWidget(self.subheading)
        page.addWidget(self.glance)
        page.addLayout(columns, 1)

        self._glance_soon = Throttle(self._fill_glance, GLANCE_MS, self)
        context.file_changed.connect(self.refresh)
        context.data_changed.connect(self.reload)

    def reload(self, changes: Changes | None = None) -> None:
        """Everything (``None``: a file opened), or what ``changes`` touched."""
        if changes is None or changes & Changes(offsite=True, people=True):
            self.refresh()
        elif self.isVisible() and changes & GLANCE_AREAS:
            self._glance_soon()  # the room's phones send faster than an eye reads counts

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fill_glance()  # other views may have changed the counts meanwhile

    def _fill_glance(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        self.glance.show_overview(offsite_overview(store.session, offsite.id)
                         if store is not None and offsite is not None else None)

    # ----- reading ---------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        try:
            self._fill()
        finally:
            self._loading = False

    def _fill(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        self.switcher.clear()
        self.initiatives.clear()
        self.attendees.clear()
        self._fill_glance()
        if store is None or offsite is None:
            self.heading.setText("No offsite open")
            self.subheading.clear()
            return
        self.heading.setText(offsite.title)
        where = " · ".join(p for p in (
            f"{offsite.date:%A %d %B %Y}" if offsite.date else None, offsite.venue) if p)
        self.subheading.setText(where)
        for other in store.offsites():
            label = f"{other.title} ({other.date:%d %b %Y})" if other.date else other.title
            self.switcher.addItem(label, other.id)
        self.switcher.setCurrentIndex(self.switcher.findData(offsite.id))
        self.title.setText(offsite.title)
        self.venue.setText(offsite.venue or "")
        self.keeper.clear()
        self.keeper.addItem("(not set)", None)
        for person in directory.people(store, leaders_only=True, active_only=True,
                                       by_name=True):
            self.keeper.addItem(person.name, person.id)
        self.keeper.setCurrentIndex(max(0, self.keeper.findData(offsite.keeper_id)))
        if offsite.date:
            self.date.setDate(QDate(offsite.date.year, offsite.date.month, offsite.date.day))
        else:  # never a date the file does not hold (the demo's, or 1 Jan 2000)
            self.date.setDate(self.date.minimumDate())
        self.day_start.setTime(QTime(offsite.day_start.hour, offsite.day_start.minute))
        store.session.refresh(offsite)
        for initiative in offsite.initiatives:
            item = QListWidgetItem(initiative.title)
            item.setData(Qt.ItemDataRole.UserRole, initiative.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.initiatives.addItem(item)
        count = len(offsite.initiatives)
        ok = INITIATIVES_MIN <= count <= INITIATIVES_MAX
        self.initiative_hint.setText(
            f"{count} initiatives" + ("" if ok else " — the guide expects 3 to 5")
        )
        self.initiative_hint.setStyleSheet("" if ok else f"color: {palette.ERROR_FORM}")
        attending = directory.attending(store, offsite.id)
        for person in directory.people(store, leaders_only=True):
            item = QListWidgetItem(f"{person.name} — {person.role}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in attending
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.attendees.addItem(item)
        self.attendance_summary.setText(f"{len(attending)} attending")
        for widget in self.editable:
            widget.setEnabled(not self.context.read_only)

    # ----- editing ---------------------------------------------------------------
    def _set(self, field: str, value: object) -> None:
        offsite = self.context.offsite
        if self._loading or offsite is None or self.context.read_only:
            return
        if getattr(offsite, field) == value:
            return
        label = field.replace("_", " ")
        self.context.run(SetFields(Offsite, {"id": offsite.id}, {field: value},
                                   text=f"Change {label}"))

    def _switch(self, index: int) -> None:
        offsite_id = self.switcher.itemData(index)
        if offsite_id is not None and offsite_id != self.context.offsite_id:
            self.context.set_offsite(int(offsite_id))

    def add_initiative(self) -> None:
        offsite = self.context.offsite
        if offsite is None:
            return
        title, ok = QInputDialog.getText(self, "Add initiative", "Company initiative:")
        title = clean_line(title)
        if ok and title:
            position = len(offsite.initiatives)
            self.context.run(InsertRow(Initiative, {"offsite_id": offsite.id, "title": title,
                                                    "position": position},
                                       text="Add initiative"))

    def remove_initiative(self) -> None:
        item = self.initiatives.currentItem()
        if item is None:
            return
        self.context.run(DeleteRows(Initiative, [{"id": item.data(Qt.ItemDataRole.UserRole)}],
                                    text="Remove initiative"))

    def _rename_initiative(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        title = clean_line(item.text())
        if not title:
            self.refresh()
            return
        self.context.run(SetFields(Initiative, {"id": item.data(Qt.ItemDataRole.UserRole)},
                                   {"title": title}, text="Rename initiative"))

    def _toggle_attendance(self, item: QListWidgetItem) -> None:
        offsite = self.context.offsite
        if self._loading or offsite is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        key = {"offsite_id": offsite.id, "person_id": person_id}
        if item.checkState() == Qt.CheckState.Checked:
            self.context.run(InsertRow(Attendance, key, text="Mark attending"))
        else:
            self.context.run(DeleteRows(Attendance, [key], text="Mark not attending"))
