"""The follow-through's check-ins 30, 60 and 90 days after the kickoff: date and notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from keeper import kickoff as ko
from ui.kickoff.layout import scrolled
from ui.kickoff.widgets import Host, pydate, qdate
from ui.widgets import NoteEdit, button, heading, hint


class CheckIns:
    """The 30/60/90-day check-ins page of the follow-through tab."""

    host: Host
    data: ko.FollowThrough
    _filling: bool

    def _build_check_ins(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(heading("Check-ins after the kickoff"))
        top.addStretch(1)
        self.generate_button = button("Add 30/60/90-day check-ins", self.generate,
                                      tip="Check-ins 30, 60 and 90 days after the kickoff date",
                                      shortcut="Ctrl+Shift+K")
        top.addWidget(self.generate_button)
        layout.addLayout(top)
        layout.addWidget(hint("30 days: activity and early pipeline signals, skill "
                              "demonstration. 60 days: pipeline against target, win rate, deal "
                              "velocity. 90 days: revenue against goals, competencies year over "
                              "year, retention and engagement."))
        self.check_in_area = QWidget()
        self.check_in_layout = QVBoxLayout(self.check_in_area)
        self.check_in_layout.setContentsMargins(0, 0, 0, 0)
        scroll = scrolled(self.check_in_area)
        layout.addWidget(scroll, 1)
        self.check_in_notes: dict[int, NoteEdit] = {}
        self.check_in_dates: dict[int, QDateEdit] = {}
        return page

    def _fill_check_ins(self) -> None:
        while self.check_in_layout.count():
            child = self.check_in_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.check_in_notes.clear()
        self.check_in_dates.clear()
        editable = self.host.editable
        self.generate_button.setEnabled(editable)
        if not self.data.check_ins:
            when = (f"from the kickoff date ({self.data.date:%d %b %Y})" if self.data.date
                    else "once the kickoff has a date (set it in the Offsite view)")
            self.check_in_layout.addWidget(hint(f"No check-ins yet. Add the 30, 60 and 90-day "
                                                f"check-ins {when}."))
        for check_in in self.data.check_ins:
            box = QGroupBox(check_in.label or "Check-in")
            form = QFormLayout(box)
            date = QDateEdit(qdate(check_in.date))
            date.setCalendarPopup(True)
            date.setDisplayFormat("d MMM yyyy")
            date.setAccessibleName(f"Date of the {check_in.label or 'check-in'}")
            date.setEnabled(editable)
            date.editingFinished.connect(lambda cid=check_in.id, d=date: self.save_check_in_date(
                cid, pydate(d.date())))
            notes = NoteEdit(f"Notes of the {check_in.label or 'check-in'}",
                             "What the numbers say, what changes… (saved when you leave the "
                             "box, or Ctrl+Enter)")
            notes.set_saved(check_in.notes)
            notes.setEnabled(editable)
            notes.setMaximumHeight(90)
            notes.committed.connect(lambda text, cid=check_in.id: self.save_check_in_notes(
                cid, text))
            delete = button("Delete", lambda cid=check_in.id: self.delete_check_in(cid),
                            name=f"Delete the {check_in.label or 'check-in'}")
            delete.setEnabled(editable)
            row = QHBoxLayout()
            row.addWidget(date)
            if self.data.date is not None:
                days = (check_in.date - self.data.date).days
                after = hint(f"{days} days after the kickoff")
                after.setWordWrap(False)
                row.addWidget(after)
            row.addStretch(1)
            row.addWidget(delete)
            form.addRow("Date", row)
            form.addRow("Notes", notes)
            self.check_in_layout.addWidget(box)
            self.check_in_notes[check_in.id] = notes
            self.check_in_dates[check_in.id] = date
        self.check_in_layout.addStretch(1)

    def generate(self) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is not None:
            self.host.run(lambda: ko.generate_checkpoints(self.host.store, offsite_id),
                          "Adding check-ins")

    def save_check_in_notes(self, check_in_id: int, text: str) -> None:
        self.host.run(lambda: ko.edit_checkpoint(check_in_id, notes=text), "Saving notes")

    def save_check_in_date(self, check_in_id: int, date: dt.date) -> None:
        current = next((c for c in self.data.check_ins if c.id == check_in_id), None)
        if current is not None and current.date != date:
            self.host.run(lambda: ko.edit_checkpoint(check_in_id, date=date), "Moving a check-in")

    def delete_check_in(self, check_in_id: int) -> None:
        self.host.run(lambda: ko.delete_checkpoint(check_in_id), "Deleting a check-in")
