"""The follow-through's success grid: metrics by horizon with target, measures over time
(sparklines) and met or behind; the editor of the chosen metric and its measures."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from keeper.kickoff.rules import HORIZONS
from ui import palette
from ui.kickoff.bars import paint_sparkline
from ui.kickoff.layout import scrolled, side_by_side
from ui.kickoff.style import ACCENT, STATUS_COLOURS
from ui.kickoff.widgets import Host, fmt
from ui.widgets import hint

HORIZON_TITLES = {"0-7 days": "Immediate · 0–7 days", "1-8 weeks": "Short term · 1–8 weeks",
                  "2-12 months": "Long term · 2–12 months"}
TREND_COLUMN = 5
SPARK_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


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


class SuccessGrid:
    """The success grid page of the follow-through tab: metrics by horizon, their measures."""

    host: Host
    data: ko.FollowThrough
    metric_id: int | None
    _filling: bool

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

        editor = self._build_metric_editor()
        new_box = self._build_new_metric()

        side = QWidget()
        scol = QVBoxLayout(side)
        scol.setContentsMargins(6, 0, 0, 0)
        scol.addWidget(editor)
        scol.addWidget(new_box)
        scol.addStretch(1)
        scroll = scrolled(side, 380)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(hint("Immediate, short-term and long-term measures of the kickoff. A "
                            "metric is met when its latest measure reaches the target."))
        lcol.addWidget(self.grid, 1)
        self.grid_summary = hint("")
        lcol.addWidget(self.grid_summary)
        splitter = side_by_side(left, scroll, (3, 2), [820, 480])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        return page

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
                item.setBackground(QColor(palette.SURFACE_SECTION))
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
                    colour = palette.GOOD_STRONG if metric.status == "met" else (
                        palette.WARN if metric.status == "behind" else ACCENT.name())
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







