"""The dialog that edits one note: its text and its author."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from keeper import board as bo
from ui import palette
from ui.board.widgets import add_people


class NoteDialog(QDialog):
    def __init__(self, data: bo.BoardData, note: bo.BoardNote, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit note")
        form = QFormLayout(self)
        self.text = QPlainTextEdit(note.text)
        self.text.setAccessibleName("Note text")
        self.author = QComboBox()
        self.author.setAccessibleName("Author")
        add_people(self.author, data.people)
        self.author.setCurrentIndex(max(0, self.author.findData(note.author_id)))
        form.addRow("&Text", self.text)
        form.addRow("&Author", self.author)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {palette.ERROR}")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ok(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText("A note cannot be empty; delete it instead.")
            return
        self.accept()
