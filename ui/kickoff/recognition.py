"""Recognition: the tiers (names and thresholds editable), plan attainment (typed or
imported), and the reps in each tier."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from ui import palette
from ui.kickoff.bars import BarRow, ValueBars
from ui.kickoff.layout import side_by_side
from ui.kickoff.widgets import Host
from ui.widgets import button, hint

TIER_COLOURS = (palette.ACCENT, palette.PURPLE, palette.WARN, palette.GOOD_STRONG)


class RecognitionTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.Recognition()
        self._filling = False

        tiers = QGroupBox("Tiers")
        col = QVBoxLayout(tiers)
        col.addWidget(hint("A rep is in the highest tier whose threshold their attainment "
                           "reaches (exactly 100% counts). Double-click to rename or change a "
                           "threshold."))
        self.tier_table = QTableWidget(0, 3)
        self.tier_table.setAccessibleName("Recognition tiers")
        self.tier_table.setHorizontalHeaderLabels(["Tier", "Threshold (% of plan)", "Reps"])
        self.tier_table.verticalHeader().hide()
        self.tier_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tier_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tier_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.tier_table.itemChanged.connect(self._tier_edited)
        col.addWidget(self.tier_table)
        row = QHBoxLayout()
        self.tier_name = QLineEdit()
        self.tier_name.setAccessibleName("New tier name")
        self.tier_name.setPlaceholderText("New tier, e.g. Circle of Excellence")
        self.tier_threshold = QLineEdit()
        self.tier_threshold.setAccessibleName("New tier threshold")
        self.tier_threshold.setPlaceholderText("150%")
        self.tier_threshold.setMaximumWidth(80)
        self.tier_threshold.returnPressed.connect(self.add_tier)
        self.tier_name.returnPressed.connect(self.add_tier)
        self.add_tier_button = button("Add tier", self.add_tier)
        self.delete_tier_button = button("Delete tier", self.delete_tier,
                                         tip="Delete the selected tier")
        self.default_button = button("Default tiers", self.default_tiers,
                                     tip="President's Club at 100% and Chairman's Club at 125%")
        for widget in (self.tier_name, self.tier_threshold):
            row.addWidget(widget, 1 if widget is self.tier_name else 0)
        row.addWidget(self.add_tier_button)
        col.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.delete_tier_button)
        row.addWidget(self.default_button)
        row.addStretch(1)
        col.addLayout(row)

        attainment = QGroupBox("Plan attainment")
        col2 = QVBoxLayout(attainment)
        row = QHBoxLayout()
        row.addWidget(hint("Type 112%, 1.12 or 112; empty clears it."), 1)
        self.import_button = button("&Import attainment…",
                                    lambda: self.host.start_import("attainment"),
                                    tip="Rep and attainment (112%, 1.12 or 112) from .xlsx or "
                                        ".csv", shortcut="Ctrl+Shift+I")
        row.addWidget(self.import_button)
        col2.addLayout(row)
        self.attain_table = QTableWidget(0, 3)
        self.attain_table.setAccessibleName("Plan attainment per rep")
        self.attain_table.setHorizontalHeaderLabels(["Rep", "Attainment", "Tier"])
        self.attain_table.verticalHeader().hide()
        self.attain_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.attain_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 100)
        header.resizeSection(2, 150)
        self.attain_table.itemChanged.connect(self._attainment_edited)
        col2.addWidget(self.attain_table, 1)

        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(tiers)
        lcol.addWidget(attainment, 1)

        right = QGroupBox("Reps per tier")
        rcol = QVBoxLayout(right)
        self.tier_bars = ValueBars("Reps per tier")
        rcol.addWidget(self.tier_bars)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Reps in each tier")
        self.tree.setHeaderLabels(["Rep", "Attainment"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 100)
        rcol.addWidget(self.tree, 1)

        splitter = side_by_side(left, right, (1, 1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.data = ko.load_recognition(self.host.store, offsite_id) if offsite_id \
            else ko.Recognition()
        editable = self.host.editable
        self._filling = True
        try:
            self._fill_tiers(editable)
            self._fill_attainment(editable)
            self._fill_tree()
        finally:
            self._filling = False
        for widget in (self.tier_name, self.tier_threshold, self.add_tier_button,
                       self.delete_tier_button, self.default_button, self.import_button):
            widget.setEnabled(editable)

    def _fill_tiers(self, editable: bool) -> None:
        table = self.tier_table
        table.setRowCount(len(self.data.tiers))
        table.setFixedHeight(table.horizontalHeader().height() + 6
                             + max(2, len(self.data.tiers)) * table.verticalHeader()
                             .defaultSectionSize())
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        for row, tier in enumerate(reversed(self.data.tiers)):
            name = QTableWidgetItem(tier.name)
            threshold = QTableWidgetItem(f"{tier.threshold * 100:g}%")
            count = QTableWidgetItem(str(len(self.data.by_tier.get(tier.id, []))))
            for item in (name, threshold, count):
                item.setData(Qt.ItemDataRole.UserRole, tier.id)
                item.setFlags(flags | (Qt.ItemFlag.ItemIsEditable
                                       if editable and item is not count else flags))
            threshold.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 0, name)
            table.setItem(row, 1, threshold)
            table.setItem(row, 2, count)

    def _fill_attainment(self, editable: bool) -> None:
        reps = sorted(self.data.reps, key=lambda r: (-self.data.attainment.get(r.id, -1.0),
                                                     r.name.casefold()))
        table = self.attain_table
        table.setRowCount(len(reps))
        for row, rep in enumerate(reps):
            value = self.data.attainment.get(rep.id)
            tier = self.data.tier_of(rep.id)
            name = QTableWidgetItem(rep.name)
            name.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            share = QTableWidgetItem("" if value is None else _percent(value))
            share.setData(Qt.ItemDataRole.UserRole, rep.id)
            share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            share.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                           | (Qt.ItemFlag.ItemIsEditable if editable else Qt.ItemFlag.NoItemFlags))
            tier_item = QTableWidgetItem(tier.name if tier else ("below plan" if value is not None
                                                                 else ""))
            tier_item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            if tier is not None:
                font = QFont(tier_item.font())
                font.setBold(True)
                tier_item.setFont(font)
                tier_item.setForeground(QColor(self._colour(tier)))
            table.setItem(row, 0, name)
            table.setItem(row, 1, share)
            table.setItem(row, 2, tier_item)

    def _colour(self, tier: ko.Tier) -> str:
        index = [t.id for t in self.data.tiers].index(tier.id)
        return TIER_COLOURS[index % len(TIER_COLOURS)]

    def _fill_tree(self) -> None:
        names = {r.id: r.name for r in self.data.reps}
        self.tree.clear()
        rows = []
        for tier in reversed(self.data.tiers):
            members = self.data.by_tier.get(tier.id, [])
            rows.append(BarRow(f"{tier.name} (≥ {tier.threshold:.0%})", len(members),
                               f"{len(members)} rep{'s' if len(members) != 1 else ''}",
                               QColor(self._colour(tier))))
            node = QTreeWidgetItem([f"{tier.name} — {tier.threshold:.0%} of plan — "
                                    f"{len(members)} reps", ""])
            font = QFont(node.font(0))
            font.setBold(True)
            node.setFont(0, font)
            node.setForeground(0, QColor(self._colour(tier)))
            for person_id in members:
                QTreeWidgetItem(node, [names.get(person_id, "?"),
                                       _percent(self.data.attainment[person_id])])
            self.tree.addTopLevelItem(node)
            node.setExpanded(True)
        below = self.data.below
        rows.append(BarRow("Not in a tier", len(below), f"{len(below)} reps",
                           QColor(palette.TEXT_DISABLED)))
        node = QTreeWidgetItem([f"Not in a tier — {len(below)} reps", ""])
        for person_id in below:
            QTreeWidgetItem(node, [names.get(person_id, "?"),
                                   _percent(self.data.attainment[person_id])])
        self.tree.addTopLevelItem(node)
        top = max([r.value or 0 for r in rows] + [1])
        self.tier_bars.set_rows(rows, float(top))

    # --- editing ---------------------------------------------------------------------
    def selected_tier(self) -> int | None:
        item = self.tier_table.item(self.tier_table.currentRow(), 0) \
            if self.tier_table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add_tier(self) -> None:
        offsite_id = self.host.offsite_id
        name, threshold = self.tier_name.text(), self.tier_threshold.text()
        if offsite_id is None:
            return
        if self.host.run(lambda: ko.add_tier(self.host.store, offsite_id, name, threshold),
                         "Adding a tier"):
            self.tier_name.clear()
            self.tier_threshold.clear()

    def delete_tier(self) -> None:
        tier_id = self.selected_tier()
        if tier_id is not None:
            self.host.run(lambda: ko.delete_tier(tier_id), "Deleting a tier")

    def default_tiers(self) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is not None:
            self.host.run(lambda: ko.default_tiers(self.host.store, offsite_id),
                          "Adding the default tiers")

    def _tier_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        tier_id = item.data(Qt.ItemDataRole.UserRole)
        tier = next((t for t in self.data.tiers if t.id == tier_id), None)
        if tier is None:
            return
        text = item.text()
        if item.column() == 0 and text != tier.name:
            self.host.run(lambda: ko.edit_tier(self.host.store, tier_id, name=text),
                          "Renaming a tier")
        elif item.column() == 1 and ko.parse_share(text) != tier.threshold:
            self.host.run(lambda: ko.edit_tier(self.host.store, tier_id, threshold=text),
                          "Changing a threshold")

    def _attainment_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        rep_id = item.data(Qt.ItemDataRole.UserRole)
        offsite_id = self.host.offsite_id
        if rep_id is None or offsite_id is None:
            return
        text = item.text()
        old = self.data.attainment.get(rep_id)
        if (ko.parse_share(text) if text.strip() else None) == old:
            return
        self.host.run(lambda: ko.set_attainment(self.host.store, offsite_id, rep_id, text),
                      "Setting attainment")

    def set_attainment(self, rep_name: str, text: str) -> None:
        for row in range(self.attain_table.rowCount()):
            name = self.attain_table.item(row, 0)
            if name is not None and name.text() == rep_name:
                item = self.attain_table.item(row, 1)
                if item is not None:
                    item.setText(text)  # itemChanged saves it
                return
        raise KeyError(rep_name)


def _percent(share: float) -> str:
    """1.257 → '125.7%', 1.1 → '110%'."""
    return f"{share * 100:.1f}%".replace(".0%", "%")
