"""Reflections (one or two per person) and the Keeper's gratitude note for each leader."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from keeper import day as day_ops
from keeper.day import REFLECTIONS_MAX, DayData, DayPerson
from ui import palette
from ui.day.base import FormTab, Host
from ui.day.widgets import (
    SAVE_KEYS,
    TextBox,
    current_id,
    field_label,
    fill_list,
    save_row,
    select_id,
    side_column,
)
from ui.widgets import button, heading, hint


class ReflectionsTab(FormTab):
    title = "Reflections & gratitude"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.person_id: int | None = None

        self.summary = hint("")
        self.people = QListWidget()
        self.people.setAccessibleName("Attendees")
        self.people.setSpacing(2)
        self.people.currentItemChanged.connect(lambda *_: self._picked())
        left = side_column(heading("Attendees"), self.summary, (self.people, 1))

        self.name = heading("")
        self.reflection_boxes = [
            TextBox("The reflection they found most important today", f"Reflection {n + 1}",
                    lines=3)
            for n in range(REFLECTIONS_MAX)
        ]
        self.gratitude = TextBox("The Keeper's note of gratitude (it goes on this leader's "
                                 "gratitude slide)", "Gratitude note", lines=5)
        self.save_button = button("Save", self.save, primary=True,
                                  name="Save reflections and gratitude")
        self.save_button.setToolTip(f"Save ({SAVE_KEYS})")
        self.next_button = button("Save && ne&xt", self.save_and_next,
                                  name="Save and go to the next person", shortcut="Alt+X",
                                  tip="Save and go to the next person")

        reflections = QGroupBox("Reflections from the day")
        r_layout = QVBoxLayout(reflections)
        r_layout.addWidget(hint("Ask everyone for one or two reflections they found most "
                                "important. Leave the second empty if there is only one."))
        for n, box in enumerate(self.reflection_boxes):
            r_layout.addWidget(field_label(f"Reflection &{n + 1}", box))
            r_layout.addWidget(box)
        gratitude = QGroupBox("Gratitude")
        g_layout = QVBoxLayout(gratitude)
        g_layout.addWidget(field_label("&Note of gratitude", self.gratitude))
        g_layout.addWidget(self.gratitude)
        self.gratitude_hint = hint("")
        g_layout.addWidget(self.gratitude_hint)

        self.editor = QWidget()
        e_layout = QVBoxLayout(self.editor)
        e_layout.setContentsMargins(6, 0, 0, 0)
        e_layout.addWidget(self.name)
        e_layout.addWidget(reflections)
        e_layout.addWidget(gratitude)
        e_layout.addLayout(save_row(self.next_button, self.save_button))
        e_layout.addStretch(1)
        self.watch_form(self.editor, *self.reflection_boxes, self.gratitude,
                        on_dirty=self._update_buttons)
        self.split(left, self.editor, (1, 3))

    def _line(self, person: DayPerson) -> str:
        assert self.data is not None
        count = len(self.data.reflections.get(person.id, []))
        note = "✓ note" if self.data.gratitude.get(person.id) else "no note"
        reflections = f"{count} reflection{'s' if count != 1 else ''}"
        return f"{person.name}\n    {reflections} · {note}"

    def _decorate(self, item: QListWidgetItem, person_id: int) -> None:
        assert self.data is not None
        done = bool(self.data.reflections.get(person_id)) and bool(
            self.data.gratitude.get(person_id))
        if not done:
            item.setForeground(QBrush(QColor(palette.WARN_TEXT)))

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        with_reflections = sum(1 for p in data.people if data.reflections.get(p.id))
        with_note = sum(1 for p in data.people if data.gratitude.get(p.id))
        total = len(data.people)
        self.summary.setText(f"Reflections from {with_reflections} of {total} · "
                             f"gratitude notes for {with_note} of {total}")
        fill_list(self.people, [(p.id, self._line(p)) for p in data.people], self.person_id,
                  self._decorate)
        for box in (*self.reflection_boxes, self.gratitude):
            box.setReadOnly(not editable)
        if self.person_id not in {p.id for p in data.people}:
            self.person_id = None
        if self.person_id is None and data.people:
            self.person_id = data.people[0].id
            select_id(self.people, self.person_id)
        if not self.tracker.dirty:
            self._load()
        self._update_buttons()

    def _load(self) -> None:
        data = self.data
        with self.tracker.loading():
            texts = [r.text for r in data.reflections.get(self.person_id, [])] if data and \
                self.person_id is not None else []
            for n, box in enumerate(self.reflection_boxes):
                box.set_text(texts[n] if n < len(texts) else "")
            self.gratitude.set_text(data.gratitude.get(self.person_id, "") if data and
                                    self.person_id is not None else "")
        self.tracker.clear()
        self.name.setText(data.name(self.person_id) if data and self.person_id is not None
                          else "No attendees yet: add them in the Offsite view.")
        is_keeper = data is not None and self.person_id is not None and \
            self.person_id == data.keeper_id
        self.gratitude.setEnabled(not is_keeper or bool(self.gratitude.text()))
        self.gratitude_hint.setText("You are the Keeper: the gratitude notes are yours to give."
                                    if is_keeper else
                                    "Shown on this leader's gratitude slide in the deck.")
        self.editor.setEnabled(self.person_id is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = self.host.editable and self.person_id is not None
        self.save_button.setEnabled(can and self.tracker.dirty)
        self.next_button.setEnabled(can)

    def _picked(self) -> None:
        person_id = current_id(self.people)
        if person_id is None or person_id == self.person_id:
            return
        self.save_pending()
        self.person_id = person_id
        self._load()

    def save(self) -> bool:
        data = self.data
        if not self.host.editable or data is None or data.offsite_id is None \
                or self.person_id is None:
            return False
        texts = [box.text() for box in self.reflection_boxes]
        self.tracker.clear()
        before = [r.text for r in data.reflections.get(self.person_id, [])]
        if [t.strip() for t in texts if t.strip()] == before and \
                self.gratitude.text().strip() == data.gratitude.get(self.person_id, ""):
            return True  # nothing changed: no empty undo step
        op = day_ops.set_reflections(data.offsite_id, self.person_id, texts,
                                     self.gratitude.text(), data.name(self.person_id))
        return self.host.run(op, "Saving reflections")

    def save_and_next(self) -> None:
        if not self.save() or self.data is None:
            return
        ids = [p.id for p in self.data.people]
        if self.person_id in ids:
            at = (ids.index(self.person_id) + 1) % len(ids)
            select_id(self.people, ids[at])
        self.reflection_boxes[0].setFocus()

