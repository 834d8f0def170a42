"""Follow-through: the success grid by horizon (target, measures over time, met or
behind), the 30/60/90-day check-ins, and each rep's first-30-days plan."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from keeper.sko_rules import HORIZONS
from ui.kickoff.widgets import (
    ACCENT,
    STATUS_COLOURS,
    Host,
    NoteEdit,
    button,
    fmt,
    heading,
    hint,
    paint_sparkline,
)

HORIZON_TITLES = {"0-7 days": "Immediate · 0–7 days", "1-8 weeks": "Short term · 1–8 weeks",
                  "2-12 months": "Long term · 2–12 months"}
TREND_COLUMN = 5
SPARK_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _with_unit(value: float | None, unit: str | None) -> str:
    if value is None:
        return "–"
    if not unit:
        return fmt(value, 2)
    if unit.startswith("$") and len(unit) <= 3:
        return f"${fmt(value, 2)}{unit[1:]}"
    return f"{fmt(value, 2)}{unit}" if unit == "%" else f"{fmt(value, 2)} {unit}"


class SparkDelegate(QStyledItemDelegate):
    """Draws the measures of a metric as small bars with its target dashed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        data = index.data(SPARK_ROLE)
        if not data:
            return
        values, target, colour = data
        rect = QRectF(option.rect).adjusted(8, 5, -8, -5)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_sparkline(painter, rect, values, target, QColor(colour))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        return QSize(120, 36)


class FollowTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.FollowThrough()
        self.metric_id: int | None = None
        self.rep_id: int | None = None
        self._filling = False
        self.inner = QTabWidget()
        self.inner.setAccessibleName("Follow-through parts")
        self.inner.addTab(self._build_grid(), "Success &grid")
        self.inner.addTab(self._build_check_ins(), "30/60/90 &check-ins")
        self.inner.addTab(self._build_plans(), "First &30 days")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.inner)

    # ============================================================ success grid
    def _build_grid(self) -> QWidget:
        page = QWidget()
        self.grid = QTableWidget(0, 6)
        self.grid.setAccessibleName("Success grid")
        self.grid.setHorizontalHeaderLabels(["Metric", "Target", "Latest", "Status",
                                             "Measures", "Over time"])
        self.grid.verticalHeader().hide()
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setItemDelegateForColumn(TREND_COLUMN, SparkDelegate(self.grid))
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 84), (2, 84), (3, 80), (4, 76), (5, 150)):
            header.resizeSection(column, width)
        self.grid.verticalHeader().setDefaultSectionSize(38)
        self.grid.currentCellChanged.connect(lambda row, *_a: self._grid_selected(row))

        editor = QGroupBox("Selected metric")
        form = QFormLayout(editor)
        self.metric_name = QLineEdit()
        self.metric_name.setAccessibleName("Metric name")
        self.metric_name.editingFinished.connect(lambda: self._save_metric("name"))
        self.metric_horizon = QComboBox()
        self.metric_horizon.setAccessibleName("Metric horizon")
        for horizon in HORIZONS:
            self.metric_horizon.addItem(HORIZON_TITLES[horizon], horizon)
        self.metric_horizon.activated.connect(lambda _i: self._save_metric("horizon"))
        self.metric_target = QLineEdit()
        self.metric_target.setAccessibleName("Metric target")
        self.metric_target.editingFinished.connect(lambda: self._save_metric("target"))
        self.metric_unit = QLineEdit()
        self.metric_unit.setAccessibleName("Metric unit")
        self.metric_unit.setPlaceholderText("%, $M, calls…")
        self.metric_unit.setMaximumWidth(110)
        self.metric_unit.editingFinished.connect(lambda: self._save_metric("unit"))
        self.metric_higher = QCheckBox("Higher is better")
        self.metric_higher.clicked.connect(lambda _c: self._save_metric("higher_is_better"))
        target_row = QHBoxLayout()
        target_row.addWidget(self.metric_target, 1)
        unit_label = QLabel("&Unit")
        unit_label.setBuddy(self.metric_unit)
        target_row.addWidget(unit_label)
        target_row.addWidget(self.metric_unit)
        form.addRow("&Name", self.metric_name)
        form.addRow("&Horizon", self.metric_horizon)
        target_label = QLabel("&Target")
        target_label.setBuddy(self.metric_target)
        form.addRow(target_label, target_row)
        form.addRow("", self.metric_higher)
        self.measures = QTableWidget(0, 2)
        self.measures.setAccessibleName("Measures of the selected metric")
        self.measures.setHorizontalHeaderLabels(["Measured on", "Value"])
        self.measures.verticalHeader().hide()
        self.measures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.measures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.measures.itemChanged.connect(self._measure_edited)
        self.measures.setMaximumHeight(150)
        form.addRow("Measures", self.measures)
        measure_row = QHBoxLayout()
        self.measure_date = QDateEdit()
        self.measure_date.setCalendarPopup(True)
        self.measure_date.setDisplayFormat("d MMM yyyy")
        self.measure_date.setAccessibleName("Date of the new measure")
        self.measure_value = QLineEdit()
        self.measure_value.setAccessibleName("Value of the new measure")
        self.measure_value.setPlaceholderText("value (Enter adds)")
        self.measure_value.returnPressed.connect(self.add_measure)
        self.add_measure_button = button("Add measure", self.add_measure)
        self.delete_measure_button = button("Delete measure", self.delete_measure,
                                            tip="Delete the selected measure")
        measure_row.addWidget(self.measure_date)
        measure_row.addWidget(self.measure_value, 1)
        measure_row.addWidget(self.add_measure_button)
        form.addRow("", measure_row)
        form.addRow("", self.delete_measure_button)

        new_box = QGroupBox("New metric")
        new_form = QFormLayout(new_box)
        self.new_horizon = QComboBox()
        self.new_horizon.setAccessibleName("Horizon of the new metric")
        for horizon in HORIZONS:
            self.new_horizon.addItem(HORIZON_TITLES[horizon], horizon)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("Name of the new metric")
        self.new_name.setPlaceholderText("e.g. Knowledge quiz score at 30 days")
        self.new_target = QLineEdit()
        self.new_target.setAccessibleName("Target of the new metric")
        self.new_target.setPlaceholderText("target")
        self.new_name.returnPressed.connect(self.add_metric)
        self.new_target.returnPressed.connect(self.add_metric)
        new_form.addRow("Horizon", self.new_horizon)
        new_form.addRow("Metric", self.new_name)
        new_form.addRow("Target", self.new_target)
        row = QHBoxLayout()
        self.add_metric_button = button("Add metric", self.add_metric)
        self.delete_metric_button = button("Delete metric", self.delete_metric,
                                           tip="Delete the selected metric and its measures")
        self.suggest_button = button("Suggested metrics", self.suggest,
                                     tip="The blueprint's grid: satisfaction, attendance, "
                                         "certification, CRM adoption, pipeline, win rate")
        row.addWidget(self.add_metric_button)
        row.addWidget(self.delete_metric_button)
        row.addWidget(self.suggest_button)
        new_form.addRow(row)

        side = QWidget()
        scol = QVBoxLayout(side)
        scol.setContentsMargins(6, 0, 0, 0)
        scol.addWidget(editor)
        scol.addWidget(new_box)
        scol.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(side)
        scroll.setMinimumWidth(380)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(hint("Immediate, short-term and long-term measures of the kickoff. A "
                            "metric is met when its latest measure reaches the target."))
        lcol.addWidget(self.grid, 1)
        self.grid_summary = hint("")
        lcol.addWidget(self.grid_summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 480])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        return page

    # ============================================================ check-ins
    def _build_check_ins(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(heading("Check-ins after the kickoff"))
        top.addStretch(1)
        self.generate_button = button("Add 30/60/90-day check-ins", self.generate,
                                      tip="Check-ins 30, 60 and 90 days after the kickoff date",
                                      shortcut="Ctrl+Shift+K")
        top.addWidget(self.generate_button)
        layout.addLayout(top)
        layout.addWidget(hint("30 days: activity and early pipeline signals, skill "
                              "demonstration. 60 days: pipeline against target, win rate, deal "
                              "velocity. 90 days: revenue against goals, competencies year over "
                              "year, retention and engagement."))
        self.check_in_area = QWidget()
        self.check_in_layout = QVBoxLayout(self.check_in_area)
        self.check_in_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.check_in_area)
        layout.addWidget(scroll, 1)
        self.check_in_notes: dict[int, NoteEdit] = {}
        self.check_in_dates: dict[int, QDateEdit] = {}
        return page

    # ============================================================ first 30 days
    def _build_plans(self) -> QWidget:
        page = QWidget()
        self.rep_list = QListWidget()
        self.rep_list.setAccessibleName("Reps and their first-30-days plans")
        self.rep_list.currentItemChanged.connect(lambda cur, _p: self._rep_selected(cur))
        form_box = QGroupBox("First 30 days execution blueprint")
        box_col = QVBoxLayout(form_box)
        form = QFormLayout()
        box_col.addLayout(form)
        box_col.addStretch(1)
        self.plan_title = heading("")
        form.addRow(self.plan_title)
        self.plan_edits: dict[str, NoteEdit] = {}
        hints = {"week1_focus": "Specific prospects to contact with the new messaging",
                 "weeks2_3": "Pipeline deals to advance with the new frameworks",
                 "week4_review": "Metrics review and adjustment session",
                 "daily_habits": "2–3 micro-behaviours to practise every day"}
        for key in ko.PLAN_FIELDS:
            edit = NoteEdit(ko.PLAN_LABELS[key], hints[key] + "… (saved when you leave the box)")
            edit.setMaximumHeight(72)
            edit.committed.connect(lambda text, key=key: self.save_plan_field(key, text))
            self.plan_edits[key] = edit
            label = QLabel(ko.PLAN_LABELS[key])
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Accountability partner")
        self.partner_box.activated.connect(lambda _i: self.save_partner())
        partner_label = QLabel("Accountability &partner")
        partner_label.setBuddy(self.partner_box)
        form.addRow(partner_label, self.partner_box)
        self.partner_note = hint("")
        form.addRow("", self.partner_note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.rep_list.setMinimumWidth(300)
        splitter.addWidget(self.rep_list)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.plan_summary = hint("")
        layout.addWidget(self.plan_summary)
        layout.addWidget(splitter, 1)
        return page

    # ============================================================ loading
    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.data = ko.load_follow_through(self.host.store, offsite_id) if offsite_id \
            else ko.FollowThrough()
        self._filling = True
        try:
            self._fill_grid()
            self._fill_check_ins()
            self._fill_plans()
        finally:
            self._filling = False

    def _fill_grid(self) -> None:
        editable = self.host.editable
        rows: list[ko.MetricRow | str] = []
        for horizon in HORIZONS:
            metrics = self.data.horizon(horizon)
            rows.append(horizon)
            rows.extend(metrics)
        self.grid.clearSpans()
        self.grid.setRowCount(len(rows))
        selected_row = -1
        for row, entry in enumerate(rows):
            if isinstance(entry, str):
                item = QTableWidgetItem(HORIZON_TITLES[entry])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setBackground(QColor("#EEF2F6"))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                self.grid.setItem(row, 0, item)
                for column in range(1, 6):
                    self.grid.setItem(row, column, QTableWidgetItem(""))
                self.grid.setSpan(row, 0, 1, 6)
                continue
            metric = entry
            direction = "" if metric.higher_is_better else " (lower is better)"
            status_bg, status_fg = STATUS_COLOURS[metric.status]
            values = [metric.name + direction, _with_unit(metric.target, metric.unit),
                      _with_unit(metric.latest, metric.unit), metric.status,
                      str(len(metric.measures)), ""]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, metric.id)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 3:
                    item.setBackground(QColor(status_bg))
                    item.setForeground(QColor(status_fg))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == TREND_COLUMN:
                    colour = "#1E6B3E" if metric.status == "met" else (
                        "#B54708" if metric.status == "behind" else ACCENT.name())
                    item.setData(SPARK_ROLE, ([m.value for m in metric.measures], metric.target,
                                              colour))
                    history = ", ".join(f"{m.measured_on:%d %b}: {fmt(m.value, 2)}"
                                        for m in metric.measures)
                    item.setToolTip(history or "no measures yet")
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, history or "no measures")
                self.grid.setItem(row, column, item)
            if metric.id == self.metric_id:
                selected_row = row
        if selected_row < 0:
            first = next((n for n, e in enumerate(rows) if not isinstance(e, str)), -1)
            selected_row = first
        if selected_row >= 0:
            self.grid.setCurrentCell(selected_row, 0)
            item = self.grid.item(selected_row, 0)
            self.metric_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        else:
            self.metric_id = None
        met = sum(1 for m in self.data.metrics if m.status == "met")
        behind = sum(1 for m in self.data.metrics if m.status == "behind")
        self.grid_summary.setText(f"{met} met, {behind} behind, "
                                  f"{len(self.data.metrics) - met - behind} without data."
                                  if self.data.metrics else "No success metrics yet: add one "
                                  "or take the suggested grid.")
        for widget in (self.new_horizon, self.new_name, self.new_target, self.add_metric_button,
                       self.suggest_button):
            widget.setEnabled(editable)
        self._fill_metric_editor()

    def current_metric(self) -> ko.MetricRow | None:
        return next((m for m in self.data.metrics if m.id == self.metric_id), None)

    def _fill_metric_editor(self) -> None:
        metric = self.current_metric()
        editable = self.host.editable and metric is not None
        for widget in (self.metric_name, self.metric_horizon, self.metric_target,
                       self.metric_unit, self.metric_higher, self.measures, self.measure_date,
                       self.measure_value, self.add_measure_button, self.delete_measure_button,
                       self.delete_metric_button):
            widget.setEnabled(editable)
        was = self._filling
        self._filling = True
        try:
            if not self.metric_name.hasFocus():
                self.metric_name.setText(metric.name if metric else "")
            self.metric_horizon.setCurrentIndex(
                max(0, self.metric_horizon.findData(metric.horizon)) if metric else 0)
            if not self.metric_target.hasFocus():
                self.metric_target.setText(fmt(metric.target, 3) if metric and
                                           metric.target is not None else "")
            if not self.metric_unit.hasFocus():
                self.metric_unit.setText((metric.unit or "") if metric else "")
            self.metric_higher.setChecked(metric.higher_is_better if metric else True)
            measures = metric.measures if metric else ()
            self.measures.setRowCount(len(measures))
            for row, measure in enumerate(measures):
                date_item = QTableWidgetItem(f"{measure.measured_on:%d %b %Y}")
                date_item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                date_item.setData(Qt.ItemDataRole.UserRole, measure.id)
                value_item = QTableWidgetItem(fmt(measure.value, 3))
                value_item.setData(Qt.ItemDataRole.UserRole, measure.id)
                self.measures.setItem(row, 0, date_item)
                self.measures.setItem(row, 1, value_item)
            default = (measures[-1].measured_on + dt.timedelta(days=30)) if measures else (
                self.data.date or self.host.today())
            self.measure_date.setDate(_qdate(default))
        finally:
            self._filling = was

    def _grid_selected(self, row: int) -> None:
        if self._filling or row < 0:
            return
        item = self.grid.item(row, 0)
        metric_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if metric_id is not None and metric_id != self.metric_id:
            self.metric_id = metric_id
            self._fill_metric_editor()

    def select_metric(self, name: str) -> None:
        metric = next(m for m in self.data.metrics if m.name == name)
        for row in range(self.grid.rowCount()):
            item = self.grid.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == metric.id:
                self.grid.setCurrentCell(row, 0)
                return

    def _fill_check_ins(self) -> None:
        while self.check_in_layout.count():
            child = self.check_in_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.check_in_notes.clear()
        self.check_in_dates.clear()
        editable = self.host.editable
        self.generate_button.setEnabled(editable)
        if not self.data.check_ins:
            when = (f"from the kickoff date ({self.data.date:%d %b %Y})" if self.data.date
                    else "once the kickoff has a date (set it in the Offsite view)")
            self.check_in_layout.addWidget(hint(f"No check-ins yet. Add the 30, 60 and 90-day "
                                                f"check-ins {when}."))
        for check_in in self.data.check_ins:
            box = QGroupBox(check_in.label or "Check-in")
            form = QFormLayout(box)
            date = QDateEdit(_qdate(check_in.date))
            date.setCalendarPopup(True)
            date.setDisplayFormat("d MMM yyyy")
            date.setAccessibleName(f"Date of the {check_in.label or 'check-in'}")
            date.setEnabled(editable)
            date.editingFinished.connect(lambda cid=check_in.id, d=date: self.save_check_in_date(
                cid, _pydate(d.date())))
            notes = NoteEdit(f"Notes of the {check_in.label or 'check-in'}",
                             "What the numbers say, what changes… (saved when you leave the "
                             "box, or Ctrl+Enter)")
            notes.set_saved(check_in.notes)
            notes.setEnabled(editable)
            notes.setMaximumHeight(90)
            notes.committed.connect(lambda text, cid=check_in.id: self.save_check_in_notes(
                cid, text))
            delete = button("Delete", lambda cid=check_in.id: self.delete_check_in(cid),
                            name=f"Delete the {check_in.label or 'check-in'}")
            delete.setEnabled(editable)
            row = QHBoxLayout()
            row.addWidget(date)
            if self.data.date is not None:
                days = (check_in.date - self.data.date).days
                after = hint(f"{days} days after the kickoff")
                after.setWordWrap(False)
                row.addWidget(after)
            row.addStretch(1)
            row.addWidget(delete)
            form.addRow("Date", row)
            form.addRow("Notes", notes)
            self.check_in_layout.addWidget(box)
            self.check_in_notes[check_in.id] = notes
            self.check_in_dates[check_in.id] = date
        self.check_in_layout.addStretch(1)

    def _fill_plans(self) -> None:
        names = {r.id: r.name for r in self.data.reps}
        if self.rep_id is None or self.rep_id not in names:
            self.rep_id = self.data.reps[0].id if self.data.reps else None
        self.rep_list.clear()
        for rep in self.data.reps:
            plan = self.data.plans.get(rep.id)
            partner = names.get(plan.partner_id or -1) if plan else None
            mark = "✓ " if plan else "○ "
            item = QListWidgetItem(mark + rep.name + (f"  ·  with {partner}" if partner else ""))
            item.setData(Qt.ItemDataRole.UserRole, rep.id)
            self.rep_list.addItem(item)
            if rep.id == self.rep_id:
                self.rep_list.setCurrentItem(item)
        with_plan = sum(1 for r in self.data.reps if r.id in self.data.plans)
        without_partner = sum(1 for p in self.data.plans.values() if p.partner_id is None)
        self.plan_summary.setText(f"{with_plan} of {len(self.data.reps)} reps have a plan; "
                                  f"{without_partner} plan(s) without an accountability "
                                  "partner. Exported one sheet per rep.")
        self._fill_plan_form()

    def _fill_plan_form(self) -> None:
        editable = self.host.editable and self.rep_id is not None
        rep = next((r for r in self.data.reps if r.id == self.rep_id), None)
        plan = self.data.plans.get(self.rep_id) if self.rep_id is not None else None
        self.plan_title.setText(f"{rep.name}'s first 30 days" if rep else "Select a rep")
        for key, edit in self.plan_edits.items():
            edit.set_saved(getattr(plan, key) if plan else "")
            edit.setEnabled(editable)
        was = self._filling
        self._filling = True
        try:
            self.partner_box.clear()
            self.partner_box.addItem("— no partner yet —", None)
            for other in self.data.reps:
                if other.id != self.rep_id:
                    self.partner_box.addItem(other.name, other.id)
            partner_id = plan.partner_id if plan else None
            self.partner_box.setCurrentIndex(max(0, self.partner_box.findData(partner_id))
                                             if partner_id else 0)
        finally:
            self._filling = was
        self.partner_box.setEnabled(editable)
        note = ""
        if plan and plan.partner_id:
            back = self.data.plans.get(plan.partner_id)
            partner_name = next((r.name for r in self.data.reps if r.id == plan.partner_id), "")
            if back is None or back.partner_id != self.rep_id:
                note = f"{partner_name} has not named {rep.name if rep else ''} as partner yet."
            else:
                note = f"{partner_name} and {rep.name if rep else ''} check in on each other."
        self.partner_note.setText(note)

    def _rep_selected(self, item: QListWidgetItem | None) -> None:
        if self._filling or item is None:
            return
        rep_id = item.data(Qt.ItemDataRole.UserRole)
        if rep_id != self.rep_id:
            for edit in self.plan_edits.values():  # save what was typed for the previous rep
                if edit.hasFocus():
                    edit.commit()
            self.rep_id = rep_id
            self._fill_plan_form()

    def select_rep(self, name: str) -> None:
        for n in range(self.rep_list.count()):
            item = self.rep_list.item(n)
            rep = next(r for r in self.data.reps if r.id == item.data(Qt.ItemDataRole.UserRole))
            if rep.name == name:
                self.rep_list.setCurrentItem(item)
                return
        raise KeyError(name)

    # ============================================================ editing
    def _save_metric(self, key: str) -> None:
        metric = self.current_metric()
        if self._filling or metric is None:
            return
        value: object
        if key == "name":
            value = self.metric_name.text()
            if value == metric.name:
                return
        elif key == "horizon":
            value = self.metric_horizon.currentData()
            if value == metric.horizon:
                return
        elif key == "target":
            value = self.metric_target.text()
            if (ko.number(value) if value.strip() else None) == metric.target \
                    and (value.strip() == "" or ko.number(value) is not None):
                return
        elif key == "unit":
            value = self.metric_unit.text()
            if (value.strip() or None) == metric.unit:
                return
        else:
            value = self.metric_higher.isChecked()
        self.host.run(lambda: ko.edit_metric(metric.id, {key: value}), "Editing a metric")

    def add_metric(self) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is None:
            return
        horizon, name, target = (self.new_horizon.currentData(), self.new_name.text(),
                                 self.new_target.text())
        store = self.host.store
        if self.host.run(lambda: ko.add_metric(store, offsite_id, horizon, name, target),
                         "Adding a metric"):
            added = max((m for m in ko.load_follow_through(store, offsite_id).metrics),
                        key=lambda m: m.id, default=None)
            self.metric_id = added.id if added else None
            self.new_name.clear()
            self.new_target.clear()
            self.reload()

    def delete_metric(self) -> None:
        metric = self.current_metric()
        if metric is not None and self.host.run(lambda: ko.delete_metric(metric.id),
                                                "Deleting a metric"):
            self.metric_id = None
            self.reload()

    def suggest(self) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is not None:
            self.host.run(lambda: ko.suggested_metrics(self.host.store, offsite_id),
                          "Adding the suggested metrics")

    def add_measure(self) -> None:
        metric = self.current_metric()
        if metric is None:
            return
        when, value = _pydate(self.measure_date.date()), self.measure_value.text()
        if self.host.run(lambda: ko.add_measure(self.host.store, metric.id, when, value),
                         "Adding a measure"):
            self.measure_value.clear()

    def delete_measure(self) -> None:
        row = self.measures.currentRow()
        item = self.measures.item(row, 0) if row >= 0 else None
        if item is not None:
            measure_id = item.data(Qt.ItemDataRole.UserRole)
            self.host.run(lambda: ko.delete_measure(measure_id), "Deleting a measure")

    def _measure_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        measure_id = item.data(Qt.ItemDataRole.UserRole)
        text = item.text()
        self.host.run(lambda: ko.edit_measure(measure_id, value=text), "Editing a measure")

    def generate(self) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is not None:
            self.host.run(lambda: ko.generate_checkpoints(self.host.store, offsite_id),
                          "Adding check-ins")

    def save_check_in_notes(self, check_in_id: int, text: str) -> None:
        self.host.run(lambda: ko.edit_checkpoint(check_in_id, notes=text), "Saving notes")

    def save_check_in_date(self, check_in_id: int, date: dt.date) -> None:
        current = next((c for c in self.data.check_ins if c.id == check_in_id), None)
        if current is not None and current.date != date:
            self.host.run(lambda: ko.edit_checkpoint(check_in_id, date=date), "Moving a check-in")

    def delete_check_in(self, check_in_id: int) -> None:
        self.host.run(lambda: ko.delete_checkpoint(check_in_id), "Deleting a check-in")

    def save_plan_field(self, key: str, text: str) -> None:
        offsite_id, rep_id = self.host.offsite_id, self.rep_id
        if offsite_id is None or rep_id is None:
            return
        self.host.run(lambda: ko.set_plan(self.host.store, offsite_id, rep_id, {key: text}),
                      "Saving the plan")

    def save_partner(self) -> None:
        offsite_id, rep_id = self.host.offsite_id, self.rep_id
        if self._filling or offsite_id is None or rep_id is None:
            return
        partner = self.partner_box.currentData()
        plan = self.data.plans.get(rep_id)
        if (plan.partner_id if plan else None) == partner:
            return
        self.host.run(lambda: ko.set_plan(self.host.store, offsite_id, rep_id,
                                          {"partner_id": partner}), "Choosing a partner")
