"""The agenda table model: one row per item, edits and drops handed to the view as callbacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from keeper.agenda.files import TAG_LABELS
from keeper.agenda.ops import entry_of
from keeper.store.models import AgendaItem, ItemKind
from ui import palette
from ui.agenda.colours import tag_colour
from ui.agenda.columns import (
    C_ACTUAL,
    C_AMBER,
    C_DAY,
    C_FORMAT,
    C_KIND,
    C_MIN,
    C_NOTES,
    C_PRESENTER,
    C_PROT,
    C_RED,
    C_START,
    C_TAG,
    C_TITLE,
    COLUMNS,
    FIELD,
    MIME,
)

Index = QModelIndex | QPersistentModelIndex


class AgendaModel(QAbstractTableModel):
    def __init__(self, on_edit: Callable[[AgendaItem, dict[str, Any]], None],
                 on_move: Callable[[list[int], int], None]) -> None:
        super().__init__()
        self.items: list[AgendaItem] = []
        self.ids: list[int] = []  # read once: an item deleted by an edit cannot be asked later
        self.starts: dict[int, dt.datetime] = {}
        self.people: dict[int, str] = {}
        self.read_only = True
        self._on_edit = on_edit
        self._on_move = on_move

    def set_items(self, items: list[AgendaItem], starts: dict[int, dt.datetime],
                  people: dict[int, str], read_only: bool) -> None:
        self.beginResetModel()
        self.items, self.starts, self.people, self.read_only = items, starts, people, read_only
        self.ids = [i.id for i in items]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _text(self, item: AgendaItem, column: int) -> str:
        if column == C_DAY:
            return str(item.day)
        if column == C_START:
            start = self.starts.get(item.id)
            return f"{start:%H:%M}" if start else ""
        if column == C_TITLE:
            return item.title
        if column == C_KIND:
            return item.kind.capitalize()
        if column == C_MIN:
            return str(item.planned_minutes)
        if column == C_PRESENTER:
            return self.people.get(item.presenter_id or -1, "")
        if column == C_TAG:
            is_session = item.kind == ItemKind.SESSION
            return TAG_LABELS.get(item.content_tag or "", "") if is_session else ""
        if column == C_FORMAT:
            return item.session_format or ""
        if column == C_AMBER:
            return str(item.warn_amber_s)
        if column == C_RED:
            return str(item.warn_red_s)
        if column == C_NOTES:
            return (item.notes or "").replace("\n", " ")
        if column == C_ACTUAL and item.actual_start is not None:
            end = f"{item.actual_end:%H:%M}" if item.actual_end else "now"
            return f"{item.actual_start:%H:%M}–{end}"
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "" if column == C_PROT and role == Qt.ItemDataRole.DisplayRole else (
                ("Protected" if item.protected else "Not protected") if column == C_PROT
                else self._text(item, column))
        if role == Qt.ItemDataRole.EditRole:
            field = FIELD.get(column)
            return getattr(item, field) if field else None
        if role == Qt.ItemDataRole.CheckStateRole and column == C_PROT:
            return Qt.CheckState.Checked if item.protected else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == C_NOTES and item.notes:
            return item.notes
        if role == Qt.ItemDataRole.ForegroundRole and column in (C_START, C_ACTUAL):
            return QColor(palette.TEXT_MUTED_COOL)
        if role == Qt.ItemDataRole.BackgroundRole and item.kind != ItemKind.SESSION:
            return QColor(palette.SURFACE_MUTED)
        if role == Qt.ItemDataRole.DecorationRole and column == C_TITLE:
            return QColor(tag_colour(entry_of(item)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (C_DAY, C_START, C_MIN,
                                                                     C_AMBER, C_RED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else base
        if self.read_only:
            return base
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == C_PROT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == C_PROT:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self._on_edit(item, {"protected": checked})
            return True
        if role != Qt.ItemDataRole.EditRole or column not in FIELD:
            return False
        field = FIELD[column]
        if getattr(item, field) == value:
            return False
        self._on_edit(item, {field: value})
        return True

    # -- drag to reorder ----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        ids = ",".join(str(self.ids[r]) for r in rows)
        data.setData(MIME, QByteArray(ids.encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return not self.read_only and data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if self.read_only or not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        ids = [int(x) for x in raw.split(",") if x.isdigit()]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        if ids:
            self._on_move(ids, row)
        return False  # the file is the truth: the table is rebuilt from it
