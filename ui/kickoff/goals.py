"""Goal architecture: outcome (revenue), performance (activities) and development (skills)
goals in three columns, linked so that a revenue goal shows what carries it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from ui import palette
from ui.kickoff.widgets import Host, on_delete
from ui.widgets import button, hint

HIGHLIGHT = QColor(palette.HIGHLIGHT)
FADED = QColor(palette.TEXT_DISABLED)
LAYER_SHORT = {"outcome": "outcome", "performance": "activity", "development": "skill"}


def _item_text(goal: ko.GoalRow) -> str:
    return goal.text + (f"\n   target: {goal.target}" if goal.target else "")


class GoalColumn(QGroupBox):
    def __init__(self, tab: GoalsTab, layer: str) -> None:
        super().__init__(ko.LAYER_TITLES[layer])
        self.tab = tab
        self.layer = layer
        col = QVBoxLayout(self)
        col.addWidget(hint(ko.LAYER_HINTS[layer].capitalize()))
        self.list = QListWidget()
        self.list.setAccessibleName(ko.LAYER_TITLES[layer])
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda cur, _prev: tab.select_item(self, cur))
        on_delete(self.list, tab.delete_selected)
        col.addWidget(self.list, 1)
        self.text = QLineEdit()
        self.text.setAccessibleName(f"New {layer} goal")
        self.text.setPlaceholderText(f"A new {LAYER_SHORT[layer]} goal… (Enter adds it)")
        self.text.returnPressed.connect(self.add)
        self.target = QLineEdit()
        self.target.setAccessibleName(f"Target of the new {layer} goal")
        self.target.setPlaceholderText("target (optional)")
        self.target.setMaximumWidth(130)
        self.target.returnPressed.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.target)
        self.add_button = button("Add", self.add, name=f"Add {layer} goal")
        row.addWidget(self.add_button)
        col.addLayout(row)

    def add(self) -> None:
        offsite_id = self.tab.host.offsite_id
        text, target = self.text.text(), self.target.text()
        if offsite_id is None:
            return
        if self.tab.host.run(lambda: ko.add_goal(self.tab.host.store, offsite_id, self.layer,
                                                 text, target), "Adding a goal"):
            self.text.clear()
            self.target.clear()
            self.text.setFocus()


class GoalsTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.Goals()
        self.selected: int | None = None
        self._filling = False

        self.columns = {layer: GoalColumn(self, layer) for layer in ko.LAYERS}
        row = QHBoxLayout()
        for layer in ko.LAYERS:
            row.addWidget(self.columns[layer], 1)

        self.carry = QLabel()
        self.carry.setWordWrap(True)
        self.carry.setTextFormat(Qt.TextFormat.RichText)
        self.carry.setAccessibleName("What carries the selected goal")
        self.carry.setStyleSheet(f"background: {palette.CARRY_BG};"
                                 f" border: 1px solid {palette.CARRY_BORDER}; "
                                 "border-radius: 4px; padding: 6px 8px;")

        detail = QGroupBox("Selected goal")
        form = QFormLayout(detail)
        self.edit_text = QLineEdit()
        self.edit_text.setAccessibleName("Goal text")
        self.edit_text.editingFinished.connect(self._save_text)
        self.edit_target = QLineEdit()
        self.edit_target.setAccessibleName("Goal target")
        self.edit_target.editingFinished.connect(self._save_target)
        form.addRow("&Goal", self.edit_text)
        form.addRow("&Target", self.edit_target)
        self.delete_button = button("Delete goal", self.delete_selected,
                                    tip="Delete the selected goal and its links (Delete)")
        form.addRow(self.delete_button)

        links = QGroupBox("Links")
        col = QVBoxLayout(links)
        up = QVBoxLayout()
        self.up_label = QLabel()
        self.up_label.setWordWrap(True)
        self.up_list = QListWidget()
        self.up_list.setAccessibleName("Goals the selected goal carries")
        self.up_list.itemChanged.connect(lambda item: self._toggle(item, upward=True))
        self.up_label.setBuddy(self.up_list)
        up.addWidget(self.up_label)
        up.addWidget(self.up_list, 1)
        down = QVBoxLayout()
        self.down_label = QLabel()
        self.down_label.setWordWrap(True)
        self.down_list = QListWidget()
        self.down_list.setAccessibleName("Goals that carry the selected goal")
        self.down_list.itemChanged.connect(lambda item: self._toggle(item, upward=False))
        self.down_label.setBuddy(self.down_list)
        down.addWidget(self.down_label)
        down.addWidget(self.down_list, 1)
        col.addLayout(up, 1)
        col.addLayout(down, 1)
        for widget in (self.up_list, self.down_list):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Unlinked goals")
        self.warnings.setStyleSheet(f"QListWidget {{ background: {palette.WARN_LIST_BG};"
                                    f" color: {palette.WARN_TEXT}; }}")
        self.warnings.setWordWrap(True)
        warn_box = QGroupBox("Not yet connected")
        wcol = QVBoxLayout(warn_box)
        wcol.addWidget(self.warnings)

        bottom = QHBoxLayout()
        bottom.addWidget(detail, 2)
        bottom.addWidget(links, 3)
        bottom.addWidget(warn_box, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row, 3)
        layout.addWidget(self.carry)
        layout.addLayout(bottom, 2)

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.data = ko.load_goals(self.host.store, offsite_id) if offsite_id else ko.Goals()
        if self.selected is not None and self.data.by_id(self.selected) is None:
            self.selected = None
        if self.selected is None:
            outcomes = self.data.layer("outcome")
            self.selected = outcomes[0].id if outcomes else None
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        editable = self.host.editable
        try:
            connected = self.data.connected(self.selected) if self.selected else set()
            for layer, column in self.columns.items():
                column.list.clear()
                for goal in self.data.layer(layer):
                    item = QListWidgetItem(_item_text(goal))
                    item.setData(Qt.ItemDataRole.UserRole, goal.id)
                    links = len(self.data.parents(goal.id) | self.data.children(goal.id))
                    item.setToolTip(f"{goal.text} — {links} link{'s' if links != 1 else ''}")
                    if self.selected is not None:
                        if goal.id in connected:
                            item.setBackground(HIGHLIGHT)
                            font = QFont(item.font())
                            font.setBold(True)
                            item.setFont(font)
                        else:
                            item.setForeground(FADED)
                    column.list.addItem(item)
                    if goal.id == self.selected:
                        column.list.setCurrentItem(item)
                for widget in (column.text, column.target, column.add_button):
                    widget.setEnabled(editable)
            self._fill_detail(editable)
            self.warnings.clear()
            for message in self.data.warnings:
                self.warnings.addItem("⚠ " + message)
            if not self.data.warnings:
                self.warnings.addItem("Every goal is connected.")
        finally:
            self._filling = False

    def _fill_detail(self, editable: bool) -> None:
        goal = self.data.by_id(self.selected) if self.selected is not None else None
        for widget in (self.edit_text, self.edit_target, self.delete_button):
            widget.setEnabled(editable and goal is not None)
        if not self.edit_text.hasFocus():
            self.edit_text.setText(goal.text if goal else "")
        if not self.edit_target.hasFocus():
            self.edit_target.setText((goal.target or "") if goal else "")
        self.up_list.clear()
        self.down_list.clear()
        if goal is None:
            self.carry.setText("Select a goal to see what carries it.")
            self.up_label.setText("")
            self.down_label.setText("")
            return
        index = ko.LAYERS.index(goal.layer) if goal.layer in ko.LAYERS else 0
        above = ko.LAYERS[index - 1] if index > 0 else None
        below = ko.LAYERS[index + 1] if index + 1 < len(ko.LAYERS) else None
        self._fill_links(self.up_list, self.up_label, above, self.data.parents(goal.id),
                         f"“{goal.text[:50]}” &carries these {above} goals:" if above else "",
                         editable)
        self._fill_links(self.down_list, self.down_label, below, self.data.children(goal.id),
                         f"These {below} goals ca&rry it:" if below else "", editable)
        self.carry.setText(self._carry_text(goal))

    def _fill_links(self, widget: QListWidget, label: QLabel, layer: str | None,
                    linked: set[int], text: str, editable: bool) -> None:
        label.setText(text)
        widget.setVisible(layer is not None)
        label.setVisible(layer is not None)
        if layer is None:
            return
        for other in self.data.layer(layer):
            item = QListWidgetItem(other.text)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if editable:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if other.id in linked
                               else Qt.CheckState.Unchecked)
            widget.addItem(item)
        if not self.data.layer(layer):
            widget.addItem(f"No {layer} goals yet: add one in its column.")

    def _carry_text(self, goal: ko.GoalRow) -> str:
        def names(ids: set[int]) -> str:
            rows = [g for g in self.data.goals if g.id in ids]
            return "; ".join(f"“{escape(g.text)}”" for g in rows) or "nothing yet"

        if goal.layer == "outcome":
            activities = self.data.children(goal.id)
            skills = {s for a in activities for s in self.data.children(a)}
            return (f"<b>{escape(goal.text)}</b> is carried by <b>{len(activities)}</b> "
                    f"activit{'y' if len(activities) == 1 else 'ies'} — {names(activities)} — "
                    f"and <b>{len(skills)}</b> skill{'s' if len(skills) != 1 else ''} — "
                    f"{names(skills)}.")
        if goal.layer == "performance":
            return (f"<b>{escape(goal.text)}</b> carries {names(self.data.parents(goal.id))}, "
                    f"supported by {names(self.data.children(goal.id))}.")
        activities = self.data.parents(goal.id)
        outcomes = {o for a in activities for o in self.data.parents(a)}
        return (f"<b>{escape(goal.text)}</b> supports {names(activities)}, towards "
                f"{names(outcomes)}.")

    # --- selection and editing ---------------------------------------------------------
    def select_item(self, column: GoalColumn, item: QListWidgetItem | None) -> None:
        if self._filling or item is None:
            return
        goal_id = item.data(Qt.ItemDataRole.UserRole)
        if goal_id is None or goal_id == self.selected:
            return
        self.select(goal_id)
        column.list.setFocus()

    def select(self, goal_id: int | None) -> None:
        self.selected = goal_id
        self._fill()

    def highlighted(self) -> set[int]:
        """The goals shown as connected to the selected one (for tests and the eye)."""
        found = set()
        for column in self.columns.values():
            for n in range(column.list.count()):
                item = column.list.item(n)
                if item.background().color() == HIGHLIGHT:
                    found.add(item.data(Qt.ItemDataRole.UserRole))
        return found

    def _toggle(self, item: QListWidgetItem, upward: bool) -> None:
        if self._filling or self.selected is None:
            return
        other = item.data(Qt.ItemDataRole.UserRole)
        if other is None:
            return
        parent, child = (other, self.selected) if upward else (self.selected, other)
        store = self.host.store
        if item.checkState() == Qt.CheckState.Checked:
            self.host.run(lambda: ko.link_goals(store, parent, child), "Linking goals")
        else:
            self.host.run(lambda: ko.unlink_goals(store, parent, child), "Unlinking goals")

    def link(self, parent: int, child: int) -> bool:
        return self.host.run(lambda: ko.link_goals(self.host.store, parent, child),
                             "Linking goals")

    def _save_text(self) -> None:
        goal = self.data.by_id(self.selected) if self.selected is not None else None
        if goal is None or self.edit_text.text() == goal.text:
            return
        text = self.edit_text.text()
        self.host.run(lambda: ko.edit_goal(goal.id, text=text), "Editing a goal")

    def _save_target(self) -> None:
        goal = self.data.by_id(self.selected) if self.selected is not None else None
        if goal is None or self.edit_target.text() == (goal.target or ""):
            return
        target = self.edit_target.text()
        self.host.run(lambda: ko.edit_goal(goal.id, target=target), "Editing a goal")

    def delete_selected(self) -> None:
        goal_id = self.selected
        if goal_id is not None and self.host.run(lambda: ko.delete_goal(goal_id),
                                                 "Deleting a goal"):
            self.selected = None


