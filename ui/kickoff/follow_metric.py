"""The follow-through's chosen metric: its name, horizon, target and unit, its measures,
and adding or deleting metrics."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
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
    QTableWidget,
    QTableWidgetItem,
)

from keeper import kickoff as ko
from keeper.kickoff.rules import HORIZONS
from ui.kickoff.follow_grid import HORIZON_TITLES
from ui.kickoff.widgets import Host, fmt, pydate, qdate
from ui.widgets import button


class MetricEditor:
    """The side panel of the success grid: the chosen metric and a new one."""

    host: Host
    data: ko.FollowThrough
    metric_id: int | None
    _filling: bool

    def _build_metric_editor(self) -> QGroupBox:
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
        return editor

    def _build_new_metric(self) -> QGroupBox:
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
        return new_box

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
            self.measure_date.setDate(qdate(default))
        finally:
            self._filling = was

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
        when, value = pydate(self.measure_date.date()), self.measure_value.text()
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
