"""Start / Stop / Continue: everyone gives feedback to everyone else.

Private by design: nothing here is ever offered to the audience display.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from keeper import day as day_ops
from keeper.day import DayData
from keeper.day.rules import FEEDBACK_KINDS, FeedbackCell
from ui import palette
from ui.day.base import FormTab, Host
from ui.day.widgets import (
    CELL_COLOURS,
    SAVE_KEYS,
    TextBox,
    chip,
    field_label,
    row,
    save_row,
    side_column,
)
from ui.text_fit import fitting_label, short_name
from ui.widgets import Banner, button, heading, hint

KIND_LABELS = {"start": "Start", "stop": "Stop", "continue": "Continue"}
KIND_HINTS = {
    "start": "Start … e.g. managing your calendar better",
    "stop": "Stop … e.g. advocating for reps who break the rules",
    "continue": "Continue … e.g. coaching new reps through their first deals",
}


def cell_state(cell: FeedbackCell | None) -> str:
    if cell is None:
        return "self"
    if cell.complete:
        return "complete"
    return "partial" if cell.kinds else "missing"


class FeedbackTab(FormTab):
    title = "Start / Stop / Continue"
    private = True  # the view never presents this tab

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.giver_id: int | None = None
        self.receiver_id: int | None = None

        privacy = Banner(self)  # a parent now: shown without one, it opens as a window
        privacy.show_message("Private: feedback is never shown on the projector. Export it as "
                             "one sheet per person.", "info")
        self.counts = QLabel()
        self.counts.setStyleSheet(f"font-weight: 600; color: {palette.INK};")
        self.owing = hint("")
        self.grid = QTableWidget()
        self.grid.setAccessibleName("Feedback grid: givers in rows, receivers in columns")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.currentCellChanged.connect(lambda r, c, _r, _c: self._cell_picked(r, c))
        self.grid.cellActivated.connect(lambda _r, _c: self.boxes["start"].setFocus())
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Stretched sections report their new sizes one by one: fit once they all have.
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self._fit_headers)
        self.grid.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_later.start())
        self._names: list[str] = []
        self.grid.horizontalHeader().sectionClicked.connect(self.show_sheet_for_column)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setMinimumSize(360, 260)
        self.grid.setStyleSheet("QTableWidget {"
                                f" selection-background-color: {palette.SELECTION_FILL};"
                                f" selection-color: {palette.SELECTION_INK}; }}"
                                "QTableWidget::item:selected {"
                                f" border: 3px solid {palette.ACCENT}; }}")
        legend = row(chip("✓ complete", *CELL_COLOURS["complete"]),
                     chip("2/3 partial", *CELL_COLOURS["partial"]),
                     chip("— missing", *CELL_COLOURS["missing"]), stretch_at=3)

        left = side_column(
            heading("Who has given feedback to whom"),
            hint("Rows give, columns receive. Click a cell (or move to it and press Enter) to "
                 "type that pair's feedback; click a name at the top for that person's sheet."),
            self.counts, (self.grid, 1), legend, self.owing)

        # quick entry
        self.giver = QComboBox()
        self.giver.setAccessibleName("Feedback from")
        self.receiver = QComboBox()
        self.receiver.setAccessibleName("Feedback to")
        self.giver.activated.connect(lambda _n: self._pair_from_combos())
        self.receiver.activated.connect(lambda _n: self._pair_from_combos())
        self.pair_title = heading("")
        self.boxes = {k: TextBox(KIND_HINTS[k], f"{KIND_LABELS[k]} feedback", lines=3)
                      for k in FEEDBACK_KINDS}
        self.save_button = button("Save", self.save, primary=True, name="Save feedback")
        self.save_button.setToolTip(f"Save this pair's feedback ({SAVE_KEYS})")
        self.next_button = button("Save && next &missing", self.save_and_next_missing,
                                  shortcut="Alt+M", name="Save and go to the next missing pair",
                                  tip="Save, then go to the next pair still missing feedback")
        entry = QWidget()
        e_layout = QVBoxLayout(entry)
        e_layout.addLayout(row(field_label("&From", self.giver), self.giver,
                               field_label("&To", self.receiver), self.receiver, stretch_at=4))
        e_layout.addWidget(self.pair_title)
        e_layout.addWidget(hint("Empty a box and save to remove that feedback."))
        for kind in FEEDBACK_KINDS:
            e_layout.addWidget(field_label(f"&{KIND_LABELS[kind]}", self.boxes[kind]))
            e_layout.addWidget(self.boxes[kind])
        e_layout.addLayout(save_row(self.next_button, self.save_button))
        e_layout.addStretch(1)
        self.watch_form(entry, *self.boxes.values(), on_dirty=self._update_buttons)

        # per-person sheet
        self.sheet_person = QComboBox()
        self.sheet_person.setAccessibleName("Feedback for")
        self.sheet_person.activated.connect(lambda _n: self._show_sheet())
        self.sheet = QTextBrowser()
        self.sheet.setAccessibleName("Feedback sheet")
        self.sheet.setOpenLinks(False)
        sheet_box = QWidget()
        s_layout = QVBoxLayout(sheet_box)
        s_layout.addLayout(row(field_label("Feedback &for", self.sheet_person),
                               self.sheet_person, stretch_at=2))
        s_layout.addWidget(self.sheet, 1)

        self.right = QTabWidget()
        self.right.addTab(entry, "Quick entry")
        self.right.addTab(sheet_box, "Feedback for a person")
        self.right.setAccessibleName("Feedback entry and sheets")
        self.right.currentChanged.connect(lambda _n: self._show_sheet())
        right_box = QGroupBox()
        r_layout = QVBoxLayout(right_box)
        r_layout.setContentsMargins(4, 4, 4, 4)
        r_layout.addWidget(self.right)

        self.split(left, right_box, (3, 2), above=privacy)

    # ----- showing -----------------------------------------------------------------
    def _fit_headers(self) -> None:
        """Column headers as long as their column allows (full name, "Elena F.",
        "Elena", "EF"), the full name in the tooltip."""
        header = self.grid.horizontalHeader()
        metrics = header.fontMetrics()
        for column, name in enumerate(self._names[:self.grid.columnCount()]):
            room = header.sectionSize(column) - 12  # the header's own padding
            text = fitting_label(name, room, metrics.horizontalAdvance)
            item = self.grid.horizontalHeaderItem(column)
            if item is None:
                item = QTableWidgetItem()
                self.grid.setHorizontalHeaderItem(column, item)
            if item.text() != text:
                item.setText(text)
            item.setToolTip(name)

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        ids = [p.id for p in data.people]
        grid = data.grid
        complete = grid.complete_pairs
        partial = sum(1 for c in grid.cells.values() if c.kinds and not c.complete)
        missing = grid.pairs - complete - partial
        self.counts.setText(f"{complete} of {grid.pairs} pairs complete · {partial} partial · "
                            f"{missing} missing")
        owing = sorted(((len(grid.missing_for_giver(p.id)), p.name) for p in data.people),
                       key=lambda t: (-t[0], t[1]))
        owing_text = " · ".join(f"{name} {count}" for count, name in owing if count)
        self.owing.setText(f"Still to give: {owing_text}" if owing_text else
                           ("Everyone has given feedback to everyone." if data.people else
                            "No attendees yet."))
        self.grid.blockSignals(True)
        self.grid.setRowCount(len(ids))
        self.grid.setColumnCount(len(ids))
        self._names = [p.name for p in data.people]
        self.grid.setVerticalHeaderLabels([short_name(n) for n in self._names])
        self._fit_headers()
        for r, giver in enumerate(ids):
            for c, receiver in enumerate(ids):
                self._fill_cell(r, c, grid.cells.get((giver, receiver)))
        if self.giver_id in ids and self.receiver_id in ids:
            self.grid.setCurrentCell(ids.index(self.giver_id), ids.index(self.receiver_id))
        self.grid.blockSignals(False)
        for combo in (self.giver, self.receiver, self.sheet_person):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for person in data.people:
                combo.addItem(person.name, person.id)
            at = combo.findData(keep)
            combo.setCurrentIndex(at if at >= 0 else 0)
            combo.blockSignals(False)
        if self.giver_id not in ids or self.receiver_id not in ids:
            self.giver_id = self.receiver_id = None
            pair = self._first_missing()
            if pair is not None:
                self._set_pair(*pair)
        else:
            self._set_pair(self.giver_id, self.receiver_id)
        for box in self.boxes.values():
            box.setReadOnly(not editable)
        self._show_sheet()
        self._update_buttons()

    def _fill_cell(self, r: int, c: int, cell: FeedbackCell | None) -> None:
        state = cell_state(cell)
        bg, fg = CELL_COLOURS[state]
        if state == "self":
            text, tip = "", "Nobody gives feedback to themselves"
        elif state == "complete":
            text, tip = "✓", "Start, stop and continue given"
        elif state == "partial":
            assert cell is not None
            text = f"{len(cell.kinds)}/3"
            tip = "Missing: " + ", ".join(cell.missing)
        else:
            text, tip = "—", "No feedback yet"
        if cell is not None and self.data is not None:
            who = f"{self.data.name(cell.giver_id)} → {self.data.name(cell.receiver_id)}"
            tip = f"{who}: {tip}"
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setBackground(QBrush(QColor(bg)))
        item.setForeground(QBrush(QColor(fg)))
        item.setToolTip(tip)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, tip)
        item.setData(Qt.ItemDataRole.UserRole, state)
        if state == "self":
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.grid.setItem(r, c, item)

    def cell_state_at(self, giver_id: int, receiver_id: int) -> str:
        """The state the grid shows for a pair ("complete", "partial", "missing", "self")."""
        assert self.data is not None
        ids = [p.id for p in self.data.people]
        item = self.grid.item(ids.index(giver_id), ids.index(receiver_id))
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _first_missing(self, after: tuple[int, int] | None = None) -> tuple[int, int] | None:
        if self.data is None:
            return None
        ids = [p.id for p in self.data.people]
        pairs = [(g, r) for g in ids for r in ids if g != r]
        if not pairs:
            return None
        start = pairs.index(after) + 1 if after in pairs else 0
        for pair in pairs[start:] + pairs[:start]:
            if not self.data.grid.cells[pair].complete:
                return pair
        return None

    def _set_pair(self, giver_id: int, receiver_id: int) -> None:
        if self.data is None:
            return
        self.giver_id, self.receiver_id = giver_id, receiver_id
        for combo, value in ((self.giver, giver_id), (self.receiver, receiver_id)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        ids = [p.id for p in self.data.people]
        if giver_id in ids and receiver_id in ids:
            self.grid.blockSignals(True)
            self.grid.setCurrentCell(ids.index(giver_id), ids.index(receiver_id))
            self.grid.blockSignals(False)
        with self.tracker.loading():
            for kind, box in self.boxes.items():
                box.set_text(self.data.feedback.get((giver_id, receiver_id, kind), ""))
        self.tracker.clear()
        same = giver_id == receiver_id
        giver, receiver = self.data.name(giver_id), self.data.name(receiver_id)
        self.pair_title.setText("Choose two different people" if same else
                                f"{giver} → {receiver}")
        for box in self.boxes.values():
            box.setEnabled(not same)
        first = receiver.split(" ")[0]
        for kind, box in self.boxes.items():
            box.setAccessibleName(f"{KIND_LABELS[kind]}: {giver} to {receiver}")
            box.setPlaceholderText(f"{first}, you need to {kind} …")
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = (self.host.editable and self.giver_id is not None
               and self.giver_id != self.receiver_id)
        self.save_button.setEnabled(can and self.tracker.dirty)
        self.next_button.setEnabled(can)

    def _cell_picked(self, r: int, c: int) -> None:
        if self.data is None or not (0 <= r < len(self.data.people)
                                     and 0 <= c < len(self.data.people)) or r == c:
            return
        giver, receiver = self.data.people[r].id, self.data.people[c].id
        if (giver, receiver) == (self.giver_id, self.receiver_id):
            return
        self.save_pending()
        self._set_pair(giver, receiver)
        self.right.setCurrentIndex(0)

    def _pair_from_combos(self) -> None:
        giver, receiver = self.giver.currentData(), self.receiver.currentData()
        if giver is None or receiver is None:
            return
        self.save_pending()
        self._set_pair(int(giver), int(receiver))

    def show_sheet_for_column(self, column: int) -> None:
        if self.data is None or not 0 <= column < len(self.data.people):
            return
        self.save_pending()
        self.sheet_person.setCurrentIndex(max(self.sheet_person.findData(
            self.data.people[column].id), 0))
        self.right.setCurrentIndex(1)
        self._show_sheet()

    def _show_sheet(self) -> None:
        if self.data is None or self.right.currentIndex() != 1:
            return
        person_id = self.sheet_person.currentData()
        if person_id is None:
            self.sheet.setHtml("<p>No attendees yet.</p>")
            return
        self.sheet.setHtml(self.sheet_html(int(person_id)))

    def sheet_html(self, receiver_id: int) -> str:
        assert self.data is not None
        name = html.escape(self.data.name(receiver_id))
        parts = [f"<h2 style='margin:0'>Feedback for {name}</h2>"]
        waiting = []
        for person in self.data.people:
            if person.id == receiver_id:
                continue
            kinds = {k: self.data.feedback.get((person.id, receiver_id, k)) for k in
                     FEEDBACK_KINDS}
            if not any(kinds.values()):
                waiting.append(html.escape(person.name))
                continue
            parts.append(f"<h4 style='margin-bottom:2px'>From {html.escape(person.name)}</h4>"
                         "<ul style='margin-top:0'>")
            for kind in FEEDBACK_KINDS:
                text = kinds[kind]
                body = (html.escape(text).replace("\n", "<br>") if text else
                        f"<i style='color:{palette.CELL_MISSING}'>not given yet</i>")
                parts.append(f"<li><b>{KIND_LABELS[kind]}</b>: {body}</li>")
            parts.append("</ul>")
        if waiting:
            parts.append(f"<p style='color:{palette.TEXT_MUTED}'>"
                         f"Not yet from: {', '.join(waiting)}</p>")
        return "".join(parts)

    # ----- editing -----------------------------------------------------------------
    def save(self) -> bool:
        data = self.data
        if (data is None or data.offsite_id is None or not self.host.editable
                or self.giver_id is None or self.receiver_id is None
                or self.giver_id == self.receiver_id):
            return False
        texts: dict[str, str | None] = {k: b.text() for k, b in self.boxes.items()}
        self.tracker.clear()
        op = day_ops.set_feedback_pair(self.host.store_for_ops(), data.offsite_id,
                                       self.giver_id, self.receiver_id, texts)
        if op is None:
            return True
        return self.host.run(op, "Saving feedback")

    def save_and_next_missing(self) -> None:
        if not self.save():
            return
        pair = self._first_missing(
            (self.giver_id, self.receiver_id) if self.giver_id is not None
            and self.receiver_id is not None else None)
        if pair is None:
            self.host.say("Every pair is complete: everyone has heard from everyone.", "ok")
            return
        self._set_pair(*pair)
        self.boxes["start"].setFocus()
