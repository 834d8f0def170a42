"""The new-offsite dialog: which template (each said in one line), the title and the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.agenda.templates import load_template, template_keys

DEFAULT_TEMPLATE = "sales-leadership-offsite"  # what most Keepers run: preselected


@dataclass(frozen=True)
class NewOffsite:
    template: str
    title: str
    date: dt.date


class NewOffsiteDialog(QDialog):
    """Enter on open makes a leadership offsite dated today; every choice is visible."""

    def __init__(self, parent: QWidget | None, today: dt.date,
                 heading: str = "New offsite") -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Start from:"))
        self.templates = QListWidget()
        self.templates.setAccessibleName("Agenda template")
        self.templates.setWordWrap(True)  # each template's line is read whole, never cut
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.templates.setSpacing(3)
        self._keys = template_keys()
        for key in self._keys:
            template = load_template(key)
            item = QListWidgetItem(f"{template.name} — {template.description}")
            item.setToolTip(template.description)
            self.templates.addItem(item)
        if DEFAULT_TEMPLATE in self._keys:
            self.templates.setCurrentRow(self._keys.index(DEFAULT_TEMPLATE))
        else:
            self.templates.setCurrentRow(0)
        layout.addWidget(self.templates)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("(the template's name)")
        form.addRow("&Title", self.title)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName("Date of the offsite")
        form.addRow("&Date", self.date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 300)
        self.templates.setFocus()

    def choice(self) -> NewOffsite:
        from keeper.text import clean_line

        key = self._keys[max(0, self.templates.currentRow())]
        return NewOffsite(key, clean_line(self.title.text()), self.date.date().toPython())


def ask_new_offsite(parent: QWidget | None, today: dt.date,
                    heading: str = "New offsite") -> NewOffsite | None:
    dialog = NewOffsiteDialog(parent, today, heading)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
