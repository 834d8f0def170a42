"""The agenda editor: sessions, breaks and lunch, in order, with computed start times.

Every edit is a keeper operation run through ``context.run`` (undoable); the
table, the content-mix bar and the day timeline are redrawn from the file
after each one. The pieces: ``model.AgendaModel`` and ``delegate.AgendaDelegate``
(the table), ``mix_bar.MixBar`` and ``timeline.DayTimeline`` (the charts),
``spreadsheets.AgendaSpreadsheets`` (import and export); the figures come
from ``keeper.agenda.rules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keeper.agenda import rules as agenda_rules
from keeper.agenda import schedule
from keeper.agenda.files import ImportResult
from keeper.agenda.ops import (
    DeleteItems,
    InsertItems,
    agenda_items,
    days_of,
    entry_of,
    insert_from_template,
    move_item,
    update_item,
)
from keeper.changes import Changes
from keeper.ops import SetFields
from keeper.people import directory
from keeper.store.models import AgendaItem, ItemKind, Offsite
from keeper.store.offsite_file import StoreError
from ui import palette
from ui.agenda.columns import C_DAY, C_NOTES, C_TITLE
from ui.agenda.delegate import AgendaDelegate
from ui.agenda.mix_bar import MixBar
from ui.agenda.model import AgendaModel
from ui.agenda.spreadsheets import AgendaSpreadsheets
from ui.agenda.timeline import DayTimeline
from ui.context import AppContext


class AgendaView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[AgendaItem] = []
        self.model = AgendaModel(self._edit, self._move)
        self.table = QTableView()
        self.table.setAccessibleName("Agenda")
        self.table.setModel(self.model)
        self.table.setItemDelegate(AgendaDelegate(self.model, self))
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

        self.spreadsheets = AgendaSpreadsheets(self, context, lambda: self.items,
                                               lambda: self.model.people, self._run)
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

        self.add_session = act("Add &session", lambda: self.add_item(ItemKind.SESSION),
                               "Ctrl+Shift+N")
        self.add_break = act("Add &break", lambda: self.add_item(ItemKind.BREAK), "Ctrl+Shift+B")
        self.add_lunch = act("Add &lunch", lambda: self.add_item(ItemKind.LUNCH))
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

        charts = QHBoxLayout()
        charts.setSpacing(24)
        charts.addLayout(_chart_column("Content mix", self.mix_rule, self.mix), 1)
        charts.addLayout(_chart_column("Planned and actual", self.day_box, self.timeline), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addLayout(charts)
        self.setStyleSheet(
            "QLabel#agendaSummary { font-size: 15px; font-weight: 600;"
            f" color: {palette.INK_STRONG}; }}"
            f"QLabel#section {{ color: {palette.TEXT_MUTED_COOL}; font-size: 12px;"
            " font-weight: 600; }"
        )
        context.file_changed.connect(self.refresh)
        context.data_changed.connect(self.reload)
        self.refresh()

    # ----- reading ---------------------------------------------------------------
    def reload(self, changes: Changes | None = None) -> None:
        if changes is None or changes & Changes(agenda=True, runner=True, people=True,
                                                offsite=True):
            self.refresh()

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
        people = directory.names(store)
        days = days_of(self.items)
        base = offsite.date or self.context.clock.now().astimezone().date()
        starts = agenda_rules.planned_starts(self.items, offsite.day_start, base)
        self.model.set_items(self.items, starts, people, self.context.read_only)
        self.table.setColumnHidden(C_DAY, len(days) < 2)
        self._select_ids(selected)

        entries = [entry_of(i) for i in self.items]
        rule = agenda_rules.effective_mix_rule(offsite.mix_rule)
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

        t = agenda_rules.totals(self.items, starts)
        self.summary.setText(
            f"{offsite.title} · {t.sessions} sessions, {t.others} breaks · "
            f"{t.minutes // 60} h {t.minutes % 60:02d} min"
            + (f" · starts {offsite.day_start:%H:%M}, ends {t.finish:%H:%M}" if t.finish else "")
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
            self.context.run(operation)
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

    def add_item(self, kind: ItemKind) -> None:
        offsite = self.context.offsite
        if offsite is None:
            return
        at = self._insert_at()
        op = InsertItems(offsite.id, at, [agenda_rules.new_item_row(kind, self.model.items, at)],
                         f"Add {kind}")
        self._run(op)
        if op.ids:
            self._select_ids(op.ids)
            if kind == ItemKind.SESSION:
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
        from keeper.agenda.templates import load_template, template_keys

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

    # ----- spreadsheets (ui/agenda/spreadsheets.py) ---------------------------------------
    def export_spreadsheet(self, path: Path | None = None) -> None:
        self.spreadsheets.export(path)

    def import_spreadsheet(self, path: Path | None = None) -> None:
        self.spreadsheets.import_file(path)

    def apply_import(self, result: ImportResult, how: str) -> None:
        self.spreadsheets.apply_import(result, how)


def _chart_column(title: str, control: QWidget, chart: QWidget) -> QVBoxLayout:
    """A chart under its section title, with its control at the right of the title."""
    head = QHBoxLayout()
    label = QLabel(title)
    label.setObjectName("section")
    head.addWidget(label)
    head.addStretch(1)
    head.addWidget(control)
    column = QVBoxLayout()
    column.addLayout(head)
    column.addWidget(chart)
    return column
