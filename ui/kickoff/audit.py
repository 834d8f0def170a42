"""Performance reality audit: reps × competencies as a heat map (self, manager or the gap),
the team gap per competency, and the largest gaps as training priorities for the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from ui import palette
from ui.kickoff.audit_model import MODES, HeatModel
from ui.kickoff.bars import DivergingBars, Legend
from ui.kickoff.competency_dialog import CompetencyDialog
from ui.kickoff.layout import scrolled, side_by_side
from ui.kickoff.widgets import Host, fmt, on_delete
from ui.widgets import button, heading, hint


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
        self.table.setStyleSheet(f"QTableView {{ gridline-color: {palette.SURFACE}; }}"
                                 "QTableView::item:selected {"
                                 f" border: 2px solid {palette.INK}; }}")
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
                item.setForeground(QColor(palette.GOOD))
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
                         "Adding a skills session"):
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
