"""Best practices: three managers, thirty minutes each, each presenting a named strength."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import day as day_ops
from keeper.day import DayData, DayError, TalkSlot
from ui import palette
from ui.day.base import Host, Tab
from ui.day.widgets import LineBox, field_label, read_only_table, row
from ui.widgets import button, heading, hint

NOBODY = -1


class TalkCard(QGroupBox):
    """One talk: presenter, the strength the Keeper names, and its agenda slot."""

    def __init__(self, tab: TalksTab, index: int) -> None:
        super().__init__(f"Talk {index + 1}")
        self.tab = tab
        self.index = index
        self.presenter = QComboBox()
        self.presenter.setAccessibleName(f"Presenter of talk {index + 1}")
        self.presenter.setMinimumContentsLength(18)
        self.presenter.activated.connect(lambda _n: self._chosen())
        self.strength = LineBox("e.g. Managing Gen Z reps", f"Strength presented in talk "
                                                            f"{index + 1}")
        self.strength.submitted.connect(self._save_strength)
        self.strength.editingFinished.connect(self._save_strength)
        self.agenda = hint("")
        self.reason = hint("")
        self.ask = QLabel()
        self.ask.setWordWrap(True)
        self.ask.setStyleSheet(f"color: {palette.INK_QUOTE}; font-style: italic;")
        self.clear_button = button("Clear", lambda: tab.choose(index, None),
                                   name=f"Clear presenter of talk {index + 1}",
                                   tip="No presenter for this talk yet")
        layout = QVBoxLayout(self)
        layout.addWidget(self.agenda)
        layout.addWidget(field_label(f"Presenter ({index + 1})", self.presenter))
        layout.addLayout(row(self.presenter, self.clear_button, stretch_at=None))
        layout.addWidget(self.reason)
        layout.addWidget(field_label("Strength", self.strength))
        layout.addWidget(self.strength)
        layout.addWidget(self.ask)
        layout.addStretch(1)
        self.slot: TalkSlot | None = None

    def show_slot(self, slot: TalkSlot, data: DayData, editable: bool) -> None:
        self.slot = slot
        self.agenda.setText(f"Agenda: {slot.agenda_title} · {slot.agenda_minutes} min"
                            if slot.agenda_title else "No “Best practice talk” item in the "
                                                      "agenda for this talk.")
        reasons = {s.person_id: s.reason for s in data.suggestions}
        chosen_elsewhere = {t.presenter_id for t in data.talks
                            if t.index != slot.index and t.presenter_id is not None}
        self.presenter.blockSignals(True)
        self.presenter.clear()
        self.presenter.addItem("Choose a manager…", NOBODY)
        for person in data.managers:
            label = person.name
            if person.id in chosen_elsewhere:
                label += "  (presents another talk)"
            self.presenter.addItem(label, person.id)
            self.presenter.setItemData(self.presenter.count() - 1, reasons.get(person.id, ""),
                                       Qt.ItemDataRole.ToolTipRole)
        at = self.presenter.findData(slot.presenter_id if slot.presenter_id is not None
                                     else NOBODY)
        if at < 0 and slot.presenter_id is not None:  # presenter no longer a manager attendee
            self.presenter.addItem(slot.presenter_name or "?", slot.presenter_id)
            at = self.presenter.count() - 1
        self.presenter.setCurrentIndex(max(at, 0))
        self.presenter.blockSignals(False)
        self.presenter.setEnabled(editable)
        self.clear_button.setEnabled(editable and slot.presenter_id is not None)
        self.reason.setText(reasons.get(slot.presenter_id, "") if slot.presenter_id else
                            "Pick a manager: the rotation below suggests who is due.")
        if not self.strength.hasFocus():
            self.strength.set_text(slot.strength)
        self.strength.setReadOnly(not editable or slot.presenter_id is None)
        first = (slot.presenter_name or "").split(" ")[0]
        if slot.presenter_id is not None and slot.strength:
            self.ask.setText(f"“{first}, compared to other managers, you're great at "
                             f"{slot.strength[0].lower() + slot.strength[1:]}. "
                             "Please show us how you do it.”")
        else:
            self.ask.setText("")

    def _chosen(self) -> None:
        person = self.presenter.currentData()
        self.tab.choose(self.index, None if person in (None, NOBODY) else int(person))

    def _save_strength(self) -> None:
        if self.slot is None or self.slot.presenter_id is None or self.strength.isReadOnly():
            return
        if (self.slot.strength or "") == self.strength.text().strip():
            return
        self.tab.set_strength(self.index, self.strength.text())


class TalksTab(Tab):
    title = "Best practices"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.data: DayData | None = None
        self.cards: list[TalkCard] = []
        self.cards_box = QGridLayout()
        self.cards_box.setHorizontalSpacing(10)

        self.suggestions = read_only_table(
            QTableWidget(0, 3), "Presenter rotation: suggested managers first",
            ["Manager", "Best-practice talks so far", "Today"])
        self.suggestions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.suggestions.cellActivated.connect(lambda r, _c: self._use_row(r))
        self.suggestions.cellDoubleClicked.connect(lambda r, _c: self._use_row(r))
        self.fill_button = button("&Use suggestions", self.use_suggestions, shortcut="Alt+U",
                                  tip="Fill the empty talks with the suggested managers")
        rotation = QGroupBox("Rotation: suggested presenters first")
        side_layout = QVBoxLayout(rotation)
        side_layout.addWidget(hint("The guide asks for different managers at each offsite: "
                                   "those who have not presented at an earlier offsite in this "
                                   "file come first, then those who presented longest ago. "
                                   "Enter or double-click puts a manager in the first empty "
                                   "talk."))
        side_layout.addWidget(self.suggestions, 1)
        side_layout.addLayout(row(self.fill_button, stretch_at=1))

        intro = hint("Choose three managers ahead of time to present for 30 minutes each. "
                     "Name the strength you want them to show: it is how the Keeper "
                     "introduces them.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Best-practice talks"))
        layout.addWidget(intro)
        layout.addLayout(self.cards_box)
        layout.addWidget(rotation, 1)

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        while len(self.cards) < len(data.talks):
            card = TalkCard(self, len(self.cards))
            self.cards_box.addWidget(card, 0, len(self.cards))
            self.cards.append(card)
        for card in self.cards[len(data.talks):]:
            card.hide()
        for card, slot in zip(self.cards, data.talks, strict=False):
            card.show()
            card.show_slot(slot, data, editable)
        today = {t.presenter_id: t.index for t in data.talks if t.presenter_id is not None}
        self.suggestions.setRowCount(len(data.suggestions))
        for r, suggestion in enumerate(data.suggestions):
            taken = suggestion.person_id in today
            cells = [suggestion.name, suggestion.reason,
                     f"talk {today[suggestion.person_id] + 1}" if taken else "—"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, suggestion.person_id)
                if taken:
                    item.setForeground(QBrush(QColor(palette.TEXT_MUTED)))
                elif c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.suggestions.setItem(r, c, item)
        empty = any(t.presenter_id is None for t in data.talks)
        self.fill_button.setEnabled(editable and empty and bool(data.suggestions))

    def choose(self, index: int, person_id: int | None) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        try:
            op = day_ops.set_presenter(self.host.store_for_ops(), self.data.offsite_id, index,
                                       person_id)
        except DayError as exc:
            self.host.say(str(exc), "error")
            self.host.reload()
            return
        self.host.run(op, "Choosing the presenter")
        if person_id is not None and index < len(self.cards):
            self.cards[index].strength.setFocus()

    def set_strength(self, index: int, text: str) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        try:
            op = day_ops.set_strength(self.host.store_for_ops(), self.data.offsite_id, index,
                                      text)
        except DayError as exc:
            self.host.say(str(exc), "error")
            return
        self.host.run(op, "Saving the strength")

    def _use_row(self, r: int) -> None:
        item = self.suggestions.item(r, 0)
        if self.data is None or item is None or not self.host.editable:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if any(t.presenter_id == person_id for t in self.data.talks):
            self.host.say(f"{self.data.name(person_id)} already presents today.", "info")
            return
        empty = next((t.index for t in self.data.talks if t.presenter_id is None), None)
        if empty is None:
            self.host.say("All talks have a presenter; clear one first.", "info")
            return
        self.choose(empty, person_id)

    def use_suggestions(self) -> None:
        if self.data is None:
            return
        chosen = {t.presenter_id for t in self.data.talks}
        pool = [s.person_id for s in self.data.suggestions if s.person_id not in chosen]
        for talk in self.data.talks:
            if talk.presenter_id is None and pool:
                self.choose(talk.index, pool.pop(0))
