"""The reality audit's heat map as a table model: reps × competencies (self, manager or
the gap), then the reps' metrics."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from keeper import kickoff as ko
from keeper.kickoff.rules import heat_level
from ui import palette
from ui.kickoff.style import BANDS
from ui.kickoff.widgets import fmt

if TYPE_CHECKING:
    from ui.kickoff.audit import AuditTab

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
            return QColor(palette.SURFACE) if band == "metric" else QColor(BANDS[band][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(palette.INK) if band == "metric" else QColor(BANDS[band][1])
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
            return QColor(palette.TEXT_MUTED)
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
