"""The agenda editor: sessions, breaks and lunch, in order, with computed start times.

Every edit is a keeper operation run through ``context.run`` (undoable); the
table, the content-mix bar and the day timeline are redrawn from the file
after each one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from keeper import schedule
from keeper.agenda_io import TAG_LABELS, AgendaFileError, ImportResult, export_agenda, import_agenda
from keeper.agenda_ops import (
    DeleteItems,
    InsertItems,
    agenda_items,
    days_of,
    entry_of,
    insert_from_template,
    move_item,
    replace_agenda,
    update_item,
)
from keeper.models import AgendaItem, ItemKind, Offsite, Person
from keeper.ops import SetFields
from keeper.store import StoreError
from ui.context import AppContext
from ui.tasks import run_in_background

_Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-keeper-agenda-ids"

COLUMNS = ("Day", "Start", "Title", "Kind", "Minutes", "Presenter", "Content", "Format",
           "Protected", "Amber (s)", "Red (s)", "Notes", "Actual")
C_DAY, C_START, C_TITLE, C_KIND, C_MIN, C_PRESENTER, C_TAG, C_FORMAT, C_PROT, C_AMBER, C_RED, \
    C_NOTES, C_ACTUAL = range(len(COLUMNS))
FIELD = {C_DAY: "day", C_TITLE: "title", C_KIND: "kind", C_MIN: "planned_minutes",
         C_PRESENTER: "presenter_id", C_TAG: "content_tag", C_FORMAT: "session_format",
         C_PROT: "protected", C_AMBER: "warn_amber_s", C_RED: "warn_red_s", C_NOTES: "notes"}
SPIN_RANGE = {C_DAY: (1, 14), C_MIN: (1, 600), C_AMBER: (0, 3600), C_RED: (0, 3600)}

BUCKET_COLOURS = {"skills": "#2563EB", "strategy": "#7C3AED", "culture": "#DB2777",
                  "business": "#4F46E5"}
BUCKET_NAMES = {"skills": "Skills application", "strategy": "Strategic alignment",
                "culture": "Motivation & culture", "business": "Business & training"}
SHORT_NAMES = {"skills": "Skills", "strategy": "Strategy", "culture": "Culture",
               "business": "Business"}
KIND_COLOURS = {"break": "#9CA3AF", "lunch": "#6B7280"}


def _tag_colour(entry: schedule.AgendaEntry) -> str:
    if entry.kind != ItemKind.SESSION.value:
        return KIND_COLOURS.get(entry.kind, "#9CA3AF")
    return BUCKET_COLOURS.get(entry.content_tag or "", "#D1D5DB")


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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
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
            return TAG_LABELS.get(item.content_tag or "", "") if item.kind == "session" else ""
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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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
            return QColor("#4B5563")
        if role == Qt.ItemDataRole.BackgroundRole and item.kind != ItemKind.SESSION.value:
            return QColor("#F3F4F6")
        if role == Qt.ItemDataRole.DecorationRole and column == C_TITLE:
            return QColor(_tag_colour(entry_of(item)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (C_DAY, C_START, C_MIN,
                                                                     C_AMBER, C_RED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
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

    def setData(self, index: _Index, value: object,  # noqa: N802
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
                        column: int, parent: _Index) -> bool:
        return not self.read_only and data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: _Index) -> bool:
        if self.read_only or not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        ids = [int(x) for x in raw.split(",") if x.isdigit()]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        if ids:
            self._on_move(ids, row)
        return False  # the file is the truth: the table is rebuilt from it


class AgendaDelegate(QStyledItemDelegate):
    def __init__(self, view: AgendaView) -> None:
        super().__init__(view)
        self.agenda = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: _Index) -> QWidget:
        column = index.column()
        if column == C_KIND:
            box = QComboBox(parent)
            for kind in ItemKind:
                box.addItem(kind.value.capitalize(), kind.value)
            return box
        if column == C_TAG:
            box = QComboBox(parent)
            box.addItem("(none)", None)
            for tag, label in TAG_LABELS.items():
                box.addItem(label, tag)
            return box
        if column == C_PRESENTER:
            box = QComboBox(parent)
            box.addItem("(nobody)", None)
            for pid, name in sorted(self.agenda.model.people.items(), key=lambda p: p[1]):
                box.addItem(name, pid)
            return box
        if column in SPIN_RANGE:
            spin = QSpinBox(parent)
            spin.setRange(*SPIN_RANGE[column])
            return spin
        editor = QLineEdit(parent)
        editor.setMaxLength(2000 if column == C_NOTES else 200)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class MixBar(QWidget):
    """The content mix as a horizontal stacked bar against the rule's target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: schedule.MixReport | None = None
        self.setMinimumHeight(92)
        self.setAccessibleName("Content mix")

    def set_report(self, report: schedule.MixReport | None) -> None:
        self.report = report
        if report is not None:
            parts = ", ".join(f"{BUCKET_NAMES.get(s.bucket, s.bucket)} {s.share:.0%} "
                              f"(target {s.target:.0%})" for s in report.shares)
            self.setAccessibleDescription(parts)
            self.setToolTip(parts)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 92)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        report = self.report
        w = self.width()
        label_w = 112
        bar_w = max(10, w - label_w - 8)
        small = QFont(self.font())
        small.setPixelSize(12)
        painter.setFont(small)
        if report is None or report.counted_minutes == 0:
            painter.setPen(QColor("#4B5563"))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter),
                             "Tag sessions (skills, strategy, culture) to see the content mix.")
            painter.end()
            return
        rows = (("This agenda", [(s.bucket, s.share) for s in report.shares]),
                (f"Target {report.rule}", [(s.bucket, s.target) for s in report.shares]))
        for n, (label, parts) in enumerate(rows):
            y = 6 + n * 30
            painter.setPen(QColor("#374151"))
            painter.drawText(QRectF(0, y, label_w, 22),
                             int(Qt.AlignmentFlag.AlignVCenter), label)
            x = float(label_w)
            for bucket, share in parts:
                width = bar_w * share
                if width <= 0:
                    continue
                rect = QRectF(x, y, width, 22)
                painter.fillRect(rect, QColor(BUCKET_COLOURS.get(bucket, "#9CA3AF")))
                if width > 34:
                    painter.setPen(QColor("#FFFFFF"))
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"{share:.0%}")
                x += width
        # legend
        x = float(label_w)
        y = 66
        for share in report.shares:
            painter.fillRect(QRectF(x, y + 5, 10, 10), QColor(BUCKET_COLOURS.get(share.bucket,
                                                                                 "#9CA3AF")))
            text = f"{SHORT_NAMES.get(share.bucket, share.bucket)} {share.minutes} min"
            painter.setPen(QColor("#374151"))
            painter.drawText(QRectF(x + 14, y, 260, 20), int(Qt.AlignmentFlag.AlignVCenter), text)
            x += 14 + painter.fontMetrics().horizontalAdvance(text) + 10
        painter.end()


class DayTimeline(QWidget):
    """Planned (top lane) against actual (bottom lane) for one day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[schedule.PlannedVsActual] = []
        self.entries: dict[int, schedule.AgendaEntry] = {}
        self.now: dt.datetime | None = None
        self.setMinimumHeight(92)
        self.setAccessibleName("Day timeline, planned against actual")

    def set_rows(self, rows: list[schedule.PlannedVsActual],
                 entries: list[schedule.AgendaEntry], now: dt.datetime) -> None:
        self.rows, self.now = rows, now
        self.entries = {e.id: e for e in entries}
        late = [r.over_minutes for r in rows if r.over_minutes is not None]
        self.setAccessibleDescription(
            f"{len(rows)} items; {sum(1 for r in rows if r.actual_start)} run so far"
            + (f"; {sum(late):+.0f} min against plan" if late else "")
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 92)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPixelSize(12)
        painter.setFont(small)
        if not self.rows or self.now is None:
            painter.end()
            return
        now = self.now

        def aware(moment: dt.datetime) -> dt.datetime:
            return moment.astimezone(now.tzinfo) if moment.tzinfo else moment.replace(
                tzinfo=now.tzinfo)

        start = aware(self.rows[0].planned_start)
        ends = [aware(self.rows[-1].planned_end)]
        for r in self.rows:
            if r.actual_start is not None:
                ends.append(aware(r.actual_end) if r.actual_end else now)
        starts = [start] + [aware(r.actual_start) for r in self.rows if r.actual_start]
        t0, t1 = min(starts), max(ends)
        span = max(60.0, (t1 - t0).total_seconds())
        label_w = 64
        width = max(10, self.width() - label_w - 8)

        def x_of(moment: dt.datetime) -> float:
            return label_w + width * (aware(moment) - t0).total_seconds() / span

        lanes = (("Planned", 6), ("Actual", 34))
        for name, y in lanes:
            painter.setPen(QColor("#374151"))
            painter.drawText(QRectF(0, y, label_w, 22), int(Qt.AlignmentFlag.AlignVCenter), name)
        for r in self.rows:
            entry = self.entries.get(r.item_id)
            colour = QColor(_tag_colour(entry) if entry else "#9CA3AF")
            a, b = x_of(r.planned_start), x_of(r.planned_end)
            painter.fillRect(QRectF(a, 6, max(1.0, b - a - 1), 22), colour)
            if r.actual_start is not None:
                end = r.actual_end if r.actual_end is not None else now
                a, b = x_of(r.actual_start), x_of(end)
                over = (r.over_minutes or 0) > 0.5
                painter.fillRect(QRectF(a, 34, max(1.0, b - a - 1), 22), colour)
                if over:
                    painter.fillRect(QRectF(a, 54, max(1.0, b - a - 1), 3), QColor("#B91C1C"))
        # hour ticks
        painter.setPen(QColor("#6B7280"))
        hour = t0.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
        while hour < t1:
            x = x_of(hour)
            painter.drawLine(int(x), 60, int(x), 64)
            painter.drawText(QRectF(x - 24, 64, 48, 18), int(Qt.AlignmentFlag.AlignCenter),
                             f"{hour:%H:%M}")
            hour += dt.timedelta(hours=1)
        if t0 <= now <= t1:
            painter.setPen(QPen(QColor("#B91C1C"), 2))
            x = x_of(now)
            painter.drawLine(int(x), 2, int(x), 60)
        painter.end()


class AgendaView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[AgendaItem] = []
        self.model = AgendaModel(self._edit, self._move)
        self.table = QTableView()
        self.table.setAccessibleName("Agenda")
        self.table.setModel(self.model)
        self.table.setItemDelegate(AgendaDelegate(self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(C_TITLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(C_TITLE, 280)
        header.setSectionResizeMode(C_NOTES, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel()
        self.summary.setObjectName("agendaSummary")
        self.mix_rule = QComboBox()
        self.mix_rule.setAccessibleName("Content mix rule")
        self.mix_rule.addItem("60/30/10 (skills / strategy / culture)", "60/30/10")
        self.mix_rule.addItem("65/35 (business / culture)", "65/35")
        self.mix_rule.activated.connect(self._set_mix_rule)
        self.mix = MixBar()
        self.timeline = DayTimeline()
        self.day_box = QComboBox()
        self.day_box.setAccessibleName("Day shown in the timeline")
        self.day_box.activated.connect(lambda _i: self.refresh())

        self.actions_list: list[QAction] = []

        def act(text: str, slot: Callable[[], object], shortcut: str | None = None,
                tip: str = "") -> QAction:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip or text.replace('&', '')}"
                              + (f" ({shortcut})" if shortcut else ""))
            action.triggered.connect(lambda _c=False: slot())
            self.addAction(action)
            self.actions_list.append(action)
            return action

        self.add_session = act("Add &session", lambda: self.add_item("session"), "Ctrl+Shift+N")
        self.add_break = act("Add &break", lambda: self.add_item("break"), "Ctrl+Shift+B")
        self.add_lunch = act("Add &lunch", lambda: self.add_item("lunch"))
        self.from_template = act("Insert from &template…", self.insert_template)
        self.delete = act("&Delete", self.delete_selected, "Del", "Delete the selected items")
        self.move_up = act("Move &up", lambda: self.move_selected(-1), "Ctrl+Up")
        self.move_down = act("Move dow&n", lambda: self.move_selected(1), "Ctrl+Down")
        self.import_action = act("&Import…", self.import_spreadsheet, None,
                                 "Import an agenda from .xlsx or .csv")
        self.export_action = act("E&xport…", self.export_spreadsheet, None,
                                 "Save the agenda as .xlsx or .csv")

        toolbar = QHBoxLayout()
        toolbar.setSpacing(6)
        for action in (self.add_session, self.add_break, self.add_lunch, self.from_template,
                       None, self.move_up, self.move_down, self.delete, None,
                       self.import_action, self.export_action):
            if action is None:
                toolbar.addSpacing(12)
                continue
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toolbar.addWidget(b)
        toolbar.addStretch(1)

        mix_head = QHBoxLayout()
        mix_title = QLabel("Content mix")
        mix_title.setObjectName("section")
        mix_head.addWidget(mix_title)
        mix_head.addStretch(1)
        mix_head.addWidget(self.mix_rule)
        mix_col = QVBoxLayout()
        mix_col.addLayout(mix_head)
        mix_col.addWidget(self.mix)
        line_head = QHBoxLayout()
        line_title = QLabel("Planned and actual")
        line_title.setObjectName("section")
        line_head.addWidget(line_title)
        line_head.addStretch(1)
        line_head.addWidget(self.day_box)
        line_col = QVBoxLayout()
        line_col.addLayout(line_head)
        line_col.addWidget(self.timeline)
        charts = QHBoxLayout()
        charts.setSpacing(24)
        charts.addLayout(mix_col, 1)
        charts.addLayout(line_col, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addLayout(charts)
        self.setStyleSheet(
            "QLabel#agendaSummary { font-size: 15px; font-weight: 600; color: #111827; }"
            "QLabel#section { color: #4B5563; font-size: 12px; font-weight: 600; }"
        )
        context.file_changed.connect(self.refresh)
        context.data_changed.connect(
            lambda area: self.refresh() if area in ("agenda", "runner", "people") else None
        )
        self.refresh()

    # ----- reading ---------------------------------------------------------------
    def refresh(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        selected = self.selected_ids()
        if store is None or offsite is None:
            self.items = []
            self.model.set_items([], {}, {}, True)
            self.summary.setText("No offsite open")
            self.mix.set_report(None)
            self.timeline.set_rows([], [], self.context.clock.now().astimezone())
            self._enable()
            return
        self.items = agenda_items(store, offsite.id)
        people = {p.id: p.name for p in store.session.scalars(select(Person).order_by(Person.name))}
        days = days_of(self.items)
        starts: dict[int, dt.datetime] = {}
        base = offsite.date or self.context.clock.now().astimezone().date()
        for day in days:
            day_items = [i for i in self.items if i.day == day]
            for slot in schedule.plan([entry_of(i) for i in day_items], offsite.day_start, base):
                starts[slot.item.id] = slot.start
        self.model.set_items(self.items, starts, people, self.context.read_only)
        self.table.setColumnHidden(C_DAY, len(days) < 2)
        self._select_ids(selected)

        entries = [entry_of(i) for i in self.items]
        rule = offsite.mix_rule if offsite.mix_rule in schedule.MIX_RULES else "60/30/10"
        self.mix_rule.setCurrentIndex(max(0, self.mix_rule.findData(rule)))
        self.mix.set_report(schedule.content_mix(entries, rule))

        chosen = self.day_box.currentData()
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for day in days:
            self.day_box.addItem(f"Day {day}", day)
        self.day_box.setCurrentIndex(max(0, self.day_box.findData(chosen)))
        self.day_box.setVisible(len(days) > 1)
        self.day_box.blockSignals(False)
        day = self.day_box.currentData() or days[0]
        day_entries = [entry_of(i) for i in self.items if i.day == day]
        now = self.context.clock.now().astimezone()
        start = offsite.day_start
        rows = schedule.planned_vs_actual(day_entries, dt.datetime.combine(
            base, start, tzinfo=now.tzinfo), now) if day_entries else []
        self.timeline.set_rows(rows, day_entries, now)

        total = sum(i.planned_minutes for i in self.items)
        sessions = sum(1 for i in self.items if i.kind == ItemKind.SESSION.value)
        end = max(starts.values(), default=None)
        last = self.items[-1] if self.items else None
        finish = (starts[last.id] + dt.timedelta(minutes=last.planned_minutes)
                  if last and end else None)
        self.summary.setText(
            f"{offsite.title} · {sessions} sessions, {len(self.items) - sessions} breaks · "
            f"{total // 60} h {total % 60:02d} min"
            + (f" · starts {offsite.day_start:%H:%M}, ends {finish:%H:%M}" if finish else "")
        )
        self._enable()

    def _enable(self) -> None:
        writable = not self.context.read_only and self.context.offsite is not None
        for action in self.actions_list:
            action.setEnabled(writable or action is self.export_action)
        self.mix_rule.setEnabled(writable)

    def selected_ids(self) -> list[int]:
        model = self.table.selectionModel()
        if model is None:
            return []
        rows = sorted({i.row() for i in model.selectedIndexes()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def _select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        model = self.table.selectionModel()
        for row, item_id in enumerate(self.model.ids):
            if item_id in ids:
                index = self.model.index(row, C_TITLE)
                model.select(index, model.SelectionFlag.Select | model.SelectionFlag.Rows)
                if item_id == ids[0]:
                    model.setCurrentIndex(index, model.SelectionFlag.NoUpdate)

    # ----- edits ----------------------------------------------------------------------
    def _run(self, operation: Any, select: list[int] | None = None) -> None:
        try:
            self.context.run(operation, "agenda")
        except StoreError as exc:
            QMessageBox.warning(self, "Agenda", str(exc))
            return
        if select:
            self._select_ids(select)

    def _edit(self, item: AgendaItem, values: dict[str, Any]) -> None:
        self._run(update_item(item, values), [item.id])

    def _move(self, ids: list[int], to_row: int) -> None:
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            return
        self._run(move_item(store, offsite.id, ids, to_row), ids)

    def move_selected(self, step: int) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        rows = [n for n, i in enumerate(self.model.ids) if i in ids]
        target = rows[0] - 1 if step < 0 else rows[-1] + 2
        if target < 0 or target > len(self.model.items):
            return
        self._move(ids, target)

    def _insert_at(self) -> int:
        ids = self.selected_ids()
        rows = [n for n, i in enumerate(self.model.ids) if i in ids]
        return rows[-1] + 1 if rows else len(self.model.items)

    def add_item(self, kind: str) -> None:
        offsite = self.context.offsite
        if offsite is None:
            return
        at = self._insert_at()
        day = self.model.items[at - 1].day if 0 < at <= len(self.model.items) else 1
        defaults = {"session": ("New session", 30, False), "break": ("Break", 15, False),
                    "lunch": ("Lunch", 60, True)}[kind]
        op = InsertItems(offsite.id, at, [{
            "title": defaults[0], "kind": kind, "planned_minutes": defaults[1],
            "protected": defaults[2], "day": day, "warn_amber_s": 120, "warn_red_s": 30,
        }], f"Add {kind}")
        self._run(op)
        if op.ids:
            self._select_ids(op.ids)
            if kind == "session":
                row = self.model.ids.index(op.ids[0])
                self.table.edit(self.model.index(row, C_TITLE))

    def delete_selected(self) -> None:
        offsite = self.context.offsite
        ids = self.selected_ids()
        if offsite is None or not ids:
            return
        self._run(DeleteItems(offsite.id, ids,
                              f"Delete {len(ids)} item" + ("s" if len(ids) > 1 else "")))

    def insert_template(self) -> None:
        from keeper.templates import load_template, template_keys

        offsite = self.context.offsite
        if offsite is None:
            return
        keys = template_keys()
        names = [load_template(k).name for k in keys]
        name, ok = QInputDialog.getItem(self, "Insert from template",
                                        "Insert the items of:", names, 0, False)
        if not ok:
            return
        template = load_template(keys[names.index(name)])
        self._run(insert_from_template(offsite.id, template, self._insert_at()))

    def _set_mix_rule(self, index: int) -> None:
        offsite = self.context.offsite
        rule = self.mix_rule.itemData(index)
        if offsite is None or rule == offsite.mix_rule:
            return
        self._run(SetFields(Offsite, {"id": offsite.id}, {"mix_rule": rule},
                            f"Content mix rule {rule}"))

    # ----- spreadsheets -----------------------------------------------------------------
    def export_spreadsheet(self, path: Path | None = None) -> None:
        offsite = self.context.offsite
        if offsite is None:
            return
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self, "Export agenda", f"{offsite.title} agenda.xlsx",
                "Excel workbook (*.xlsx);;CSV (*.csv)")
            if not name:
                return
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".xlsx")
        items = list(self.items)
        people = dict(self.model.people)
        title, start = offsite.title, offsite.day_start
        snapshot = [_detached(i) for i in items]
        run_in_background(
            self, lambda: export_agenda(path, snapshot, people, start, title),
            lambda out: self._status(f"Agenda saved to {out}"),
            lambda exc: QMessageBox.warning(self, "Export agenda", str(exc)),
        )

    def import_spreadsheet(self, path: Path | None = None) -> None:
        store = self.context.store
        if store is None or self.context.offsite is None:
            return
        if path is None:
            name, _f = QFileDialog.getOpenFileName(
                self, "Import agenda", "", "Spreadsheets (*.xlsx *.csv);;All files (*)")
            if not name:
                return
            path = Path(name)
        people = [_DetachedPerson(p.id, p.name) for p in store.session.scalars(select(Person))]
        chosen = path
        run_in_background(
            self, lambda: import_agenda(chosen, people),  # type: ignore[arg-type]
            lambda result: self._confirm_import(result),  # type: ignore[arg-type]
            lambda exc: QMessageBox.warning(
                self, "Import agenda",
                str(exc) if isinstance(exc, AgendaFileError) else f"Cannot import: {exc}"),
        )

    def _confirm_import(self, result: ImportResult) -> None:
        self.last_import = result
        offsite, store = self.context.offsite, self.context.store
        if offsite is None or store is None:
            return
        box = QMessageBox(self)
        box.setWindowTitle("Import agenda")
        box.setText(result.summary() + ".")
        lines = [f"Row {r.row}: {r.status}" + (f" — {r.message}" if r.message else "")
                 for r in result.report if r.status != "ok"]
        if lines:
            box.setDetailedText("\n".join(lines))
        replace = box.addButton("&Replace the agenda", QMessageBox.ButtonRole.AcceptRole)
        append = box.addButton("&Add at the end", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        if not result.rows:
            replace.setEnabled(False)
            append.setEnabled(False)
        box.exec()
        self.apply_import(result, "replace" if box.clickedButton() is replace else
                          "append" if box.clickedButton() is append else "cancel")

    def apply_import(self, result: ImportResult, how: str) -> None:
        offsite, store = self.context.offsite, self.context.store
        if offsite is None or store is None or not result.rows or how == "cancel":
            return
        if how == "replace":
            self._run(replace_agenda(store, offsite.id, result.rows))
        else:
            self._run(InsertItems(offsite.id, len(self.items), result.rows, "Import agenda"))

    def _status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)


class _DetachedPerson:
    def __init__(self, pid: int, name: str) -> None:
        self.id, self.name = pid, name


def _detached(item: AgendaItem) -> AgendaItem:
    """A copy not bound to the session, safe to read from the export thread."""
    return AgendaItem(**{c.key: getattr(item, c.key) for c in AgendaItem.__table__.columns})
