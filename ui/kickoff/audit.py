"""Performance reality audit: reps × competencies as a heat map (self, manager or the gap),
the team gap per competency, and the largest gaps as training priorities for the agenda."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from keeper.sko_rules import heat_level
from ui.kickoff.layout import scrolled, side_by_side
from ui.kickoff.widgets import (
    BANDS,
    DivergingBars,
    Host,
    Legend,
    button,
    fmt,
    heading,
    hint,
    on_delete,
)

_Index = QModelIndex | QPersistentModelIndex
MODES = (("self", "&Self rating"), ("manager", "&Manager rating"), ("gap", "&Gap (self − manager)"))


class HeatModel(QAbstractTableModel):
    """Rows: reps; columns: competencies, then the reps' metrics (not coloured)."""

    def __init__(self, tab: AuditTab) -> None:
        super().__init__()
        self.tab = tab
        self.audit = ko.Audit()
        self.mode = "self"
        self.editable = False

    @staticmethod
    def _shape(audit: ko.Audit) -> tuple[object, ...]:
        return (tuple(r.id for r in audit.reps), tuple(audit.competencies),
                tuple(audit.metric_names))

    def set_audit(self, audit: ko.Audit, mode: str, editable: bool) -> None:
        """Same reps and columns: repaint the cells (an open editor stays valid); else reset."""
        if self._shape(audit) == self._shape(self.audit) and self.rowCount() \
                and self.columnCount():
            self.audit, self.mode, self.editable = audit, mode, editable
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.audit, self.mode, self.editable = audit, mode, editable
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.audit.reps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid():
            return 0
        return len(self.audit.competencies) + len(self.audit.metric_names)

    def _is_competency(self, column: int) -> bool:
        return column < len(self.audit.competencies)

    def value(self, row: int, column: int) -> float | None:
        rep = self.audit.reps[row]
        if not self._is_competency(column):
            name = self.audit.metric_names[column - len(self.audit.competencies)]
            return self.audit.metrics.get((rep.id, name))
        rating = self.audit.rating(rep.id, self.audit.competencies[column].id)
        if rating is None:
            return None
        if self.mode == "self":
            return rating.self_rating
        if self.mode == "manager":
            return rating.manager_rating
        return rating.gap

    def band(self, row: int, column: int) -> str:
        if not self._is_competency(column):
            return "metric"
        value = self.value(row, column)
        return ko.gap_level(value) if self.mode == "gap" else heat_level(value)

    def text(self, row: int, column: int) -> str:
        value = self.value(row, column)
        if value is None:
            return "–"
        if self.mode == "gap" and self._is_competency(column):
            if abs(value) < 0.05:
                return "0"
            return f"{value:+.0f}" if value == round(value) else f"{value:+.1f}"
        return fmt(value)

    def describe(self, row: int, column: int) -> str:
        rep = self.audit.reps[row]
        if not self._is_competency(column):
            name = self.audit.metric_names[column - len(self.audit.competencies)]
            return f"{rep.name} — {name}: {self.text(row, column)}"
        competency = self.audit.competencies[column]
        rating = self.audit.rating(rep.id, competency.id)
        if rating is None:
            return f"{rep.name} — {competency.name}: not rated"
        gap = rating.gap
        gap_text = f" (gap {gap:+.1f})" if gap is not None else ""
        return (f"{rep.name} — {competency.name}: self {fmt(rating.self_rating)}, "
                f"manager {fmt(rating.manager_rating)}{gap_text}")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(row, column)
            return "" if value is None else fmt(value)
        band = self.band(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#FFFFFF") if band == "metric" else QColor(BANDS[band][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1F2328") if band == "metric" else QColor(BANDS[band][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(row, column)
        if role == Qt.ItemDataRole.FontRole and band not in ("metric", ""):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.audit.reps):
                return self.audit.reps[section].name
            return None
        if section >= self.columnCount():
            return None
        competency = self._is_competency(section)
        name = (self.audit.competencies[section].name if competency
                else self.audit.metric_names[section - len(self.audit.competencies)])
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(textwrap.wrap(name, 12, break_long_words=False)[:3])
        if role == Qt.ItemDataRole.ToolTipRole:
            return name if competency else f"{name} (metric)"
        if role == Qt.ItemDataRole.ForegroundRole and not competency:
            return QColor("#57606A")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.editable and (self.mode != "gap" or not self._is_competency(index.column())):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if str(value).strip() == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        return self.tab.set_cell(index.row(), index.column(), str(value))


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
        self.message.setStyleSheet("color: #9F1D2A; font-weight: 600;")
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


class AuditTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.audit = ko.Audit()
        self.mode = "self"
        self.dialog: CompetencyDialog | None = None

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel("Show:"))
        self.mode_group = QButtonGroup(self)
        for n, (key, label) in enumerate(MODES):
            radio = QRadioButton(label)
            radio.setProperty("mode", key)
            radio.setToolTip(f"Colour the heat map by {label.replace('&', '').lower()} "
                             f"(Ctrl+{n + 7})")
            self.mode_group.addButton(radio, n)
            toolbar.addWidget(radio)
            QShortcut(QKeySequence(f"Ctrl+{n + 7}"), self, radio.click,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.mode_group.button(0).setChecked(True)
        self.mode_group.idClicked.connect(lambda n: self.set_mode(MODES[n][0]))
        toolbar.addStretch(1)
        self.competencies_button = button("&Competencies…", self.edit_competencies,
                                          tip="Add, rename, remove or reorder the competencies")
        self.import_button = button("&Import audit…", lambda: self.host.start_import("audit"),
                                    tip="Rep, competency, self and manager rating (1–10), or "
                                        "one column per competency; plus metric columns",
                                    shortcut="Ctrl+Shift+I")
        toolbar.addWidget(self.competencies_button)
        toolbar.addWidget(self.import_button)

        self.model = HeatModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Heat map of reps by competency")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setShowGrid(True)
        self.table.setStyleSheet("QTableView { gridline-color: #FFFFFF; }"
                                 "QTableView::item:selected { border: 2px solid #1F2328; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(96)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom)
        on_delete(self.table, self.clear_current)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.legend = Legend()
        self.summary = hint("")
        self.summary.setAccessibleName("Audit summary")

        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.table, 1)
        col.addWidget(self.legend)
        col.addWidget(self.summary)

        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(8, 0, 4, 4)
        col.addWidget(heading("Team gap per competency"))
        col.addWidget(hint("Mean self rating minus mean manager rating, over reps rated on both."))
        self.gap_bars = DivergingBars()
        col.addWidget(self.gap_bars)
        col.addSpacing(8)
        col.addWidget(heading("Suggested training priorities"))
        col.addWidget(hint("The largest over-confidence first: where reps rate themselves "
                           "above what their managers see."))
        self.priorities = QListWidget()
        self.priorities.setAccessibleName("Suggested training priorities")
        self.priorities.setWordWrap(True)
        self.priorities.setMinimumHeight(70)
        self.priorities.setMaximumHeight(96)
        self.priorities.itemActivated.connect(lambda _item: self.add_to_agenda())
        col.addWidget(self.priorities)
        row = QHBoxLayout()
        self.agenda_button = button("&Add to agenda", self.add_to_agenda, primary=True,
                                    shortcut="Ctrl+Shift+A",
                                    tip="Insert a 60-minute skills session (role-play) on the "
                                        "selected priority into the kickoff agenda")
        row.addWidget(self.agenda_button)
        row.addStretch(1)
        col.addLayout(row)
        col.addStretch(1)
        scroll = scrolled(side, 330)
        splitter = side_by_side(left, scroll, (5, 2), [900, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.audit = ko.load_audit(self.host.store, offsite_id) if offsite_id else ko.Audit()
        self._show()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.fill()

    def _show(self) -> None:
        editable = self.host.editable
        current = self.table.currentIndex()
        self.model.set_audit(self.audit, self.mode, editable)
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._size_columns()
        self.legend.set_bands(["over", "near", "under", ""] if self.mode == "gap"
                              else ["strong", "ok", "develop", ""])
        rated = self.audit.rated_reps
        if not self.audit.reps:
            self.summary.setText("No reps in this file yet: import people (File ▸ Import "
                                 "people, Ctrl+I), then rate them here or import the audit.")
        else:
            self._describe(rated)
        self._fill_side(editable)

    def _describe(self, rated: int) -> None:
        self.summary.setText(
            f"{len(self.audit.reps)} reps × {len(self.audit.competencies)} competencies; "
            f"{rated} reps rated. Type a rating (1–10) into a cell to change it; "
            "Delete clears it." if self.mode != "gap" else
            f"{len(self.audit.reps)} reps × {len(self.audit.competencies)} competencies; "
            f"{rated} reps rated. The gap is self minus manager: positive is over-confident.")

    def _fill_side(self, editable: bool) -> None:
        order = {c.id: n for n, c in enumerate(self.audit.competencies)}
        gaps = sorted(self.audit.gaps, key=lambda g: (g.gap is None, -(g.gap or 0.0),
                                                      order.get(g.competency_id, 0)))
        self.gap_bars.set_rows([
            (g.name, g.gap, f"self {fmt(g.self_mean)}, manager {fmt(g.manager_mean)}, gap "
                            f"{'–' if g.gap is None else f'{g.gap:+.1f}'} ({g.rated} reps)")
            for g in gaps])
        in_agenda = ko.training_in_agenda(self.host.store, self.host.offsite_id) \
            if self.host.offsite_id else set()
        selected = self.selected_priority()
        self.priorities.clear()
        for n, gap in enumerate(self.audit.priorities, start=1):
            done = gap.name.casefold() in in_agenda
            item = QListWidgetItem(
                f"{n}. {gap.name}  {gap.gap or 0:+.1f}"
                + ("  ✓ in the agenda" if done else ""))
            item.setToolTip(f"Reps rate themselves {fmt(gap.self_mean)} on average, their "
                            f"managers {fmt(gap.manager_mean)} ({gap.rated} reps)")
            item.setData(Qt.ItemDataRole.UserRole, gap.competency_id)
            if done:
                item.setForeground(QColor("#1B5E20"))
            self.priorities.addItem(item)
            if gap.competency_id == selected or (selected is None and n == 1):
                self.priorities.setCurrentItem(item)
        if not self.audit.priorities:
            self.priorities.addItem("No over-confidence gap yet: rate reps on both self and "
                                    "manager to see priorities.")
        for widget in (self.competencies_button, self.import_button, self.agenda_button):
            widget.setEnabled(editable)
        self.agenda_button.setEnabled(editable and bool(self.audit.priorities))

    def _size_columns(self) -> None:
        """Each column as wide as its header's longest word (no word is ever broken)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        lines = 1
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            rows = text.split("\n")
            lines = max(lines, len(rows))
            widest = max(metrics.horizontalAdvance(r) for r in rows)
            header.resizeSection(column, max(58, min(124, widest + 16)))
        header.setFixedHeight(metrics.height() * lines + 14)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        for button_ in self.mode_group.buttons():
            if button_.property("mode") == mode and not button_.isChecked():
                button_.setChecked(True)
        self._show()

    # --- editing ---------------------------------------------------------------------
    def set_cell(self, row: int, column: int, text: str) -> bool:
        offsite_id = self.host.offsite_id
        if offsite_id is None or row >= len(self.audit.reps):
            return False
        rep = self.audit.reps[row]
        if column < len(self.audit.competencies):
            competency = self.audit.competencies[column]
            key = "self_rating" if self.mode == "self" else "manager_rating"
            if self.mode == "gap":
                return False
            return self.host.run(lambda: ko.set_rating(self.host.store, competency.id, rep.id,
                                                       **{key: text}),
                                 f"Rating {rep.name}")
        name = self.audit.metric_names[column - len(self.audit.competencies)]
        return self.host.run(lambda: ko.set_rep_metric(offsite_id, rep.id, name, text),
                             f"Metric of {rep.name}")

    def clear_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.mode != "gap":
            self.set_cell(index.row(), index.column(), "")

    def selected_priority(self) -> int | None:
        item = self.priorities.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add_to_agenda(self) -> None:
        offsite_id = self.host.offsite_id
        competency_id = self.selected_priority()
        priority = next((p for p in self.audit.priorities if p.competency_id == competency_id),
                        None)
        if offsite_id is None or priority is None:
            return
        if self.host.run(lambda: ko.add_training_session(self.host.store, offsite_id, priority),
                         "Adding a skills session", area="agenda"):
            self.host.say(f"Added “{ko.training_title(priority.name)}” (60 min, role-play) to "
                          "day 1 of the kickoff agenda. Ctrl+Z takes it out.", "ok")

    def edit_competencies(self) -> None:
        if self.dialog is None:
            self.dialog = CompetencyDialog(self)
        self.dialog.fill()
        if self.dialog.isVisible():
            self.dialog.activateWindow()
        else:
            self.dialog.show()
