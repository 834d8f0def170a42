"""The Reps tab: the accessible list of the board (every rep, their quadrant, history)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keeper.quadrant.ops import BoardData, Rep
from keeper.quadrant.rules import Quadrant, RepPlacement
from ui.quadrant.geometry import ACCENT
from ui.table_model import ColumnsTableModel

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Rep", "Manager", "Quadrant", "Skill", "Motivation", "Last offsite")
Row = tuple[int, tuple[str, ...], Quadrant | None]


def rep_row(rep: Rep, placed: RepPlacement | None, before: RepPlacement | None) -> Row | None:
    """The list's row for ``rep``; ``None`` for an inactive rep who is not on the board."""
    if placed is None and not rep.active:
        return None
    quadrant = placed.quadrant if placed else None
    return (rep.id, (
        rep.name, rep.manager_name,
        quadrant.label if quadrant else "Not placed",
        f"{placed.skill * 100:.0f}%" if placed else "–",
        f"{placed.motivation * 100:.0f}%" if placed else "–",
        before.quadrant.label if before else "–",
    ), quadrant)


class RepListModel(ColumnsTableModel):
    """Rows sorted by name; ``update_row`` changes one rep's row in place."""

    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self._index: dict[int, int] = {}

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._index = {rep_id: n for n, (rep_id, _v, _q) in enumerate(rows)}
        self.endResetModel()

    def update_row(self, row: Row) -> bool:
        """Replace the row of ``row``'s rep; ``False`` if that rep has no row."""
        at = self._index.get(row[0], -1)
        if at < 0:
            return False
        if self.rows[at] != row:
            self.rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
        return True

    def row_total(self) -> int:
        return len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        rep_id, values, quadrant = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and quadrant:
            return ACCENT[quadrant]
        if role == Qt.ItemDataRole.UserRole:
            return rep_id
        return None

    def row_of(self, rep_id: int) -> int:
        return self._index.get(rep_id, -1)


class RepsTab(QWidget):
    """The table and its two buttons; the view connects the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        self.model = RepListModel()
        self.table = QTableView()
        self.table.setAccessibleName("Reps and their quadrants")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)
        # Fixed widths: ResizeToContents reads every cell of 500 rows on each change.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 110, 150, 60, 80, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        col.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.place_button = QPushButton("Place in the &centre")
        self.place_button.setToolTip("Put the selected rep in the middle of the board; then "
                                     "move them with the arrow keys")
        self.remove_button = QPushButton("&Take off the board")
        row.addWidget(self.place_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        col.addLayout(row)

    def fill(self, data: BoardData, in_filter: Callable[[int | None], bool]) -> None:
        """Every rep whose manager passes ``in_filter``, sorted by name."""
        rows = []
        for rep in sorted(data.reps.values(), key=lambda r: r.name.casefold()):
            if not in_filter(rep.manager_id):
                continue
            row = rep_row(rep, data.current.get(rep.id), data.previous.get(rep.id))
            if row is not None:
                rows.append(row)
        self.model.set_rows(rows)

    def selected_rep(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()][0] if rows else None

    def select(self, rep_id: int) -> None:
        """Select ``rep_id``'s row (or nothing) without telling the selection listeners."""
        row = self.model.row_of(rep_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row < 0:
            selection.clearSelection()
        else:
            selection.select(self.model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        selection.blockSignals(False)
        self.table.viewport().update()
