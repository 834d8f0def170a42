"""Charter and operating plan: the narrative, one initiative per big bet with an owner and
7–10 tactics and each tactic's status; the monthly check-ins are in ``check_ins``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import day as day_ops
from keeper.day import CHARTER_FIELDS, DayData, DayError, InitiativeRow, TacticRow
from keeper.day.rules import TACTICS_MAX, TACTICS_MIN
from ui import palette
from ui.day.base import Host, Tab
from ui.day.check_ins import CheckInsBox, status_combo
from ui.day.widgets import (
    SAVE_KEYS,
    STATUS_COLOURS,
    DirtyTracker,
    LineBox,
    TextBox,
    field_label,
    list_keys,
    move_buttons,
    moved,
    row,
    save_row,
    side_column,
)
from ui.widgets import button, hint

CHARTER_LABELS = {
    "what_we_will_do": ("What we will &do", "What the sales team will be doing next period"),
    "what_went_wrong": ("What went &wrong", "How we fell short last time, plainly"),
    "how_the_plan_fixes_it": ("How the plan &fixes it", "Why the new plan gets it right"),
}
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_OWNER = -1
NO_BET = -1


class PlanTab(Tab):
    title = "Charter & plan"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.selected: tuple[str, int] | None = None  # ("initiative" | "tactic", id)
        self.charter_tracker = DirtyTracker(self)
        self.item_tracker = DirtyTracker(self)

        # ----- charter
        self.charter: dict[str, TextBox] = {}
        charter_box = QGroupBox("Charter")
        c_layout = QVBoxLayout(charter_box)
        c_layout.addWidget(hint("The narrative for the next period. Once agreed it is set in "
                                "stone; the plan below is what you revisit."))
        for key in CHARTER_FIELDS:
            label, placeholder = CHARTER_LABELS[key]
            box = TextBox(placeholder, label.replace("&", ""), lines=3)
            box.submitted.connect(self.save_charter)
            self.charter[key] = box
            c_layout.addWidget(field_label(label, box))
            c_layout.addWidget(box)
        self.charter_tracker.watch(*self.charter.values())
        self.charter_tracker.changed.connect(lambda _d: self._update_buttons())
        self.charter_save = button("Save charter", self.save_charter, primary=True)
        self.charter_save.setToolTip(f"Save the charter ({SAVE_KEYS})")
        c_layout.addLayout(save_row(self.charter_save))
        self.check_in_box = CheckInsBox(host)
        left = side_column((charter_box, 3), (self.check_in_box, 2))

        # ----- operating plan
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Initiative / tactic", "Status"])
        self.tree.setAccessibleName("Operating plan: initiatives and tactics")
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 2px 0; }")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_: self._picked())
        list_keys(self.tree, self.delete_selected, self.move)
        self.plan_summary = hint("")
        self.bets_button = button("Initiatives for &big bets", self.initiatives_for_bets,
                                  tip="One initiative for each big bet that has none",
                                  name="Create initiatives for big bets")
        self.add_initiative_button = button("Add &initiative", self.add_initiative,
                                            shortcut="Alt+I", tip="Add an initiative")
        self.delete_button = button("Delete", self.delete_selected, name="Delete selected",
                                    tip="Delete the selected initiative or tactic (Delete)")
        self.up_button, self.down_button = move_buttons(self.move)

        # editor: initiative or tactic
        self.initiative_title = LineBox("Initiative title", "Initiative title")
        self.bet = QComboBox()
        self.bet.setAccessibleName("Big bet")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.item_tracker.watch(self.initiative_title, self.bet, self.owner)
        self.initiative_title.submitted.connect(self.save_item)
        self.owner.activated.connect(lambda _n: self.save_item())
        self.bet.activated.connect(lambda _n: self.save_item())
        self.new_tactic = LineBox("Type a tactic and press Enter", "New tactic")
        self.new_tactic.submitted.connect(self.add_tactic)
        self.add_tactic_button = button("Add &tactic", self.add_tactic, name="Add tactic",
                                        shortcut="Alt+T", tip="Add the tactic to this initiative")
        initiative_page = QWidget()
        i_form = QFormLayout(initiative_page)
        i_form.setContentsMargins(0, 0, 0, 0)
        i_form.addRow(field_label("Tit&le", self.initiative_title), self.initiative_title)
        i_form.addRow(field_label("Big bet"), self.bet)
        i_form.addRow(field_label("&Owner", self.owner), self.owner)
        i_form.addRow(field_label("New tactic", self.new_tactic),
                      _hbox(self.new_tactic, self.add_tactic_button))

        self.tactic_text = LineBox("What the team will do", "Tactic")
        self.tactic_text.submitted.connect(self.save_item)
        self.item_tracker.watch(self.tactic_text)
        self.status = status_combo("Tactic status")
        self.status.activated.connect(lambda _n: self.set_status())
        tactic_page = QWidget()
        t_form = QFormLayout(tactic_page)
        t_form.setContentsMargins(0, 0, 0, 0)
        t_form.addRow(field_label("Tac&tic", self.tactic_text), self.tactic_text)
        t_form.addRow(field_label("&Status", self.status), self.status)
        empty_page = hint("Select an initiative to set its owner and add tactics, or a tactic "
                          "to change its status.")
        empty_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget()
        self.pages.addWidget(empty_page)
        self.pages.addWidget(initiative_page)
        self.pages.addWidget(tactic_page)
        self.pages.setSizePolicy(self.pages.sizePolicy().horizontalPolicy(),
                                 self.pages.sizePolicy().verticalPolicy())

        plan_box = QGroupBox("Operating plan")
        p_layout = QVBoxLayout(plan_box)
        p_layout.addWidget(hint(f"One initiative per big bet, an owner each, and "
                                f"{TACTICS_MIN}–{TACTICS_MAX} tactics."))
        p_layout.addWidget(self.plan_summary)
        p_layout.addLayout(row(self.bets_button, self.add_initiative_button, self.delete_button,
                               self.up_button, self.down_button, stretch_at=5))
        p_layout.addWidget(self.tree, 1)
        p_layout.addWidget(self.pages)

        self.split(left, plan_box)

    # ----- showing -----------------------------------------------------------------
    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        if not self.charter_tracker.dirty:
            with self.charter_tracker.loading():
                for key, box in self.charter.items():
                    box.set_text(data.charter.get(key))
        for box in self.charter.values():
            box.setReadOnly(not editable)
        self._fill_tree(data)
        self.check_in_box.show_data(data, editable)
        for widget in (self.bets_button, self.add_initiative_button, self.new_tactic,
                       self.add_tactic_button, self.owner, self.bet, self.status):
            widget.setEnabled(editable)
        self.initiative_title.setReadOnly(not editable)
        self.tactic_text.setReadOnly(not editable)
        self.bets_button.setEnabled(editable and any(b.initiative_id is None
                                                     for b in data.big_bets))
        self._load_selected()
        self._update_buttons()

    def _fill_tree(self, data: DayData) -> None:
        count = len(data.initiatives)
        tactics = sum(len(i.tactics) for i in data.initiatives)
        self.plan_summary.setText(f"{count} initiative{'s' if count != 1 else ''} · {tactics} "
                                  f"tactics · {len(data.big_bets)} big "
                                  f"bet{'s' if len(data.big_bets) != 1 else ''}")
        self.tree.blockSignals(True)
        self.tree.clear()
        keep: QTreeWidgetItem | None = None
        for bet in data.big_bets:
            if bet.initiative_id is None:
                item = QTreeWidgetItem([f"Big bet “{bet.title}”: no initiative yet", ""])
                item.setForeground(0, QBrush(QColor(palette.WARN_TEXT)))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(item)
        for initiative in data.initiatives:
            owner = initiative.owner_name or "no owner"
            label = f"{initiative.title}\nOwner: {owner} · {len(initiative.tactics)} tactics"
            if initiative.cluster_title and initiative.cluster_title != initiative.title:
                label += f" · big bet “{initiative.cluster_title}”"
            top = QTreeWidgetItem([label, ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, KIND_ROLE, "initiative")
            top.setData(0, ID_ROLE, initiative.id)
            self.tree.addTopLevelItem(top)
            for flag in initiative.flags:
                flag_item = QTreeWidgetItem([f"⚠ {flag}", ""])
                flag_item.setForeground(0, QBrush(QColor(palette.WARN_TEXT)))
                flag_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                top.addChild(flag_item)
            for n, tactic in enumerate(initiative.tactics, 1):
                child = QTreeWidgetItem([f"{n}. {tactic.text}", tactic.status])
                bg, fg = STATUS_COLOURS.get(tactic.status, STATUS_COLOURS["not started"])
                child.setBackground(1, QBrush(QColor(bg)))
                child.setForeground(1, QBrush(QColor(fg)))
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                child.setData(0, KIND_ROLE, "tactic")
                child.setData(0, ID_ROLE, tactic.id)
                child.setData(1, Qt.ItemDataRole.AccessibleTextRole, f"Status: {tactic.status}")
                top.addChild(child)
                if self.selected == ("tactic", tactic.id):
                    keep = child
            top.setExpanded(True)
            if self.selected == ("initiative", initiative.id):
                keep = top
        if keep is None and self.selected is not None:
            self.selected = None
        if keep is not None:
            self.tree.setCurrentItem(keep)
        self.tree.blockSignals(False)

    def _initiative(self, initiative_id: int | None) -> InitiativeRow | None:
        if self.data is None:
            return None
        return next((i for i in self.data.initiatives if i.id == initiative_id), None)

    def _tactic(self, tactic_id: int | None) -> tuple[InitiativeRow, TacticRow] | None:
        if self.data is None:
            return None
        for initiative in self.data.initiatives:
            for tactic in initiative.tactics:
                if tactic.id == tactic_id:
                    return initiative, tactic
        return None

    def _load_selected(self) -> None:
        data = self.data
        if data is None or self.selected is None:
            self.pages.setCurrentIndex(0)
            return
        kind, row_id = self.selected
        with self.item_tracker.loading():
            if kind == "initiative":
                initiative = self._initiative(row_id)
                if initiative is None:
                    self.pages.setCurrentIndex(0)
                    return
                self.initiative_title.set_text(initiative.title)
                self.owner.clear()
                self.owner.addItem("No owner yet", NO_OWNER)
                for person in data.people:
                    self.owner.addItem(person.name, person.id)
                self.owner.setCurrentIndex(max(self.owner.findData(
                    initiative.owner_id if initiative.owner_id is not None else NO_OWNER), 0))
                self.bet.clear()
                self.bet.addItem("Not tied to a big bet", NO_BET)
                for bet in data.big_bets:
                    self.bet.addItem(bet.title, bet.cluster_id)
                self.bet.setCurrentIndex(max(self.bet.findData(
                    initiative.cluster_id if initiative.cluster_id is not None else NO_BET), 0))
                self.pages.setCurrentIndex(1)
            else:
                found = self._tactic(row_id)
                if found is None:
                    self.pages.setCurrentIndex(0)
                    return
                _initiative, tactic = found
                self.tactic_text.set_text(tactic.text)
                self.status.setCurrentIndex(max(self.status.findData(tactic.status), 0))
                self.pages.setCurrentIndex(2)
        self.item_tracker.clear()

    def _update_buttons(self) -> None:
        editable = self.host.editable
        self.charter_save.setEnabled(editable and self.charter_tracker.dirty)
        selected = self.selected is not None
        for widget in (self.delete_button, self.up_button, self.down_button):
            widget.setEnabled(editable and selected)

    def _picked(self) -> None:
        item = self.tree.currentItem()
        kind = item.data(0, KIND_ROLE) if item else None
        selected = (kind, int(item.data(0, ID_ROLE))) if item and kind else None
        if selected == self.selected:
            return
        self.save_pending_item()
        self.selected = selected
        self._load_selected()
        self._update_buttons()

    # ----- charter -----------------------------------------------------------------
    def save_charter(self) -> bool:
        if self.data is None or self.data.offsite_id is None or not self.host.editable:
            return False
        values = {k: b.text() for k, b in self.charter.items()}
        self.charter_tracker.clear()
        if all((values[k].strip()) == (self.data.charter.get(k) or "") for k in values):
            return True
        return self.host.run(day_ops.set_charter(self.data.offsite_id, values),
                             "Saving the charter")

    def save_pending(self) -> None:
        if self.charter_tracker.dirty:
            self.save_charter()
        self.save_pending_item()

    # ----- plan --------------------------------------------------------------------
    def save_pending_item(self) -> None:
        if self.item_tracker.dirty:
            self.save_item()

    def save_item(self) -> bool:
        if self.selected is None or not self.host.editable:
            return False
        kind, row_id = self.selected
        self.item_tracker.clear()
        try:
            if kind == "initiative":
                initiative = self._initiative(row_id)
                if initiative is None:
                    return False
                owner = self.owner.currentData()
                bet = self.bet.currentData()
                values: dict[str, Any] = {
                    "title": self.initiative_title.text(),
                    "owner_id": None if owner in (None, NO_OWNER) else int(owner),
                    "cluster_id": None if bet in (None, NO_BET) else int(bet),
                }
                if (values["title"].strip() == initiative.title
                        and values["owner_id"] == initiative.owner_id
                        and values["cluster_id"] == initiative.cluster_id):
                    return True
                op: Any = day_ops.edit_initiative(row_id, values)
            else:
                found = self._tactic(row_id)
                if found is None or self.tactic_text.text().strip() == found[1].text:
                    return True
                op = day_ops.edit_tactic(row_id, text=self.tactic_text.text())
        except DayError as exc:
            self.host.say(str(exc), "error")
            self._load_selected()
            return False
        return self.host.run(op, "Saving the plan")

    def set_status(self) -> None:
        if self.selected is None or self.selected[0] != "tactic":
            return
        found = self._tactic(self.selected[1])
        status = str(self.status.currentData())
        if found is None or found[1].status == status:
            return
        self.save_pending_item()
        self.host.run(day_ops.edit_tactic(self.selected[1], status=status), "Setting status")

    def add_initiative(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        self.save_pending()
        op = day_ops.add_initiative(self.host.store_for_ops(), self.data.offsite_id,
                                    "New initiative")
        if self.host.run(op, "Adding an initiative"):
            self.selected = ("initiative", op.key["id"])
            self.host.reload()
            self.initiative_title.setFocus()
            self.initiative_title.selectAll()

    def initiatives_for_bets(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        op = day_ops.initiatives_for_big_bets(self.host.store_for_ops(), self.data.offsite_id)
        if op is None:
            self.host.say("Every big bet already has an initiative.", "info")
            return
        self.host.run(op, "Adding initiatives")

    def _initiative_of_selection(self) -> int | None:
        if self.selected is None:
            return None
        kind, row_id = self.selected
        if kind == "initiative":
            return row_id
        found = self._tactic(row_id)
        return found[0].id if found else None

    def add_tactic(self) -> None:
        initiative_id = self._initiative_of_selection()
        if initiative_id is None:
            self.host.say("Select the initiative the tactic belongs to.", "error")
            return
        try:
            op = day_ops.add_tactic(self.host.store_for_ops(), initiative_id,
                                    self.new_tactic.text())
        except DayError as exc:
            self.host.say(str(exc), "error")
            return
        if self.host.run(op, "Adding a tactic"):
            self.new_tactic.clear()
            self.new_tactic.setFocus()

    def delete_selected(self) -> None:
        if self.selected is None or not self.host.editable:
            return
        kind, row_id = self.selected
        self.item_tracker.clear()
        self.selected = None
        op = day_ops.delete_initiative(row_id) if kind == "initiative" else \
            day_ops.delete_tactic(row_id)
        self.host.run(op, "Deleting")

    def move(self, step: int) -> None:
        if self.selected is None or self.data is None or not self.host.editable:
            return
        kind, row_id = self.selected
        if kind == "initiative":
            order = moved([i.id for i in self.data.initiatives], row_id, step)
            op: Any = day_ops.SetPositions(day_ops.PlanInitiative, order,
                                           "Reorder initiatives") if order else None
        else:
            found = self._tactic(row_id)
            order = moved([t.id for t in found[0].tactics], row_id, step) if found else None
            op = day_ops.reorder_tactics(order) if order else None
        if op is not None:
            self.host.run(op, "Reordering")

    # ----- check-ins -----------------------------------------------------------------
def _hbox(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    holder.setLayout(row(*widgets))
    return holder
