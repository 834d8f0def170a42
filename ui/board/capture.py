"""The capture bar: who is writing, the note line (Enter adds, a multi-line paste adds one
note per line), Add, and everyone's progress chips under them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.text import NOTE_MAX
from ui import palette
from ui.board.chips import show_progress
from ui.board.flow_layout import FlowLayout
from ui.board.widgets import add_people

CLEAR_NAME = "Clear the note text"


class CaptureLine(QLineEdit):
    """Enter adds a note; pasting several lines adds one note per line at once."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Type an opportunity and press Enter  (paste several lines for "
                                "several notes)")
        self.setAccessibleName("New note text")
        self.setClearButtonEnabled(True)
        for button in self.findChildren(QToolButton):  # the clear button has no text
            button.setAccessibleName(CLEAR_NAME)
            button.setToolTip(CLEAR_NAME)
        self.setMaxLength(NOTE_MAX)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit(self.text())
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if len(bo.split_notes(text)) > 1:
                self.submitted.emit(text)
                return
        super().keyPressEvent(event)


class CaptureBar(QFrame):
    """``submitted(text)`` on Enter or Add; the view turns the text into notes."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: object = None
        self.author = QComboBox()
        self.author.setAccessibleName("Author of the next note")
        self.author.setToolTip("Who wrote the note")
        self.author.setMinimumWidth(170)
        self.capture = CaptureLine()
        self.capture.submitted.connect(self.submitted)
        add = QPushButton("Add note")
        add.setToolTip("Add the note (Enter)")
        add.clicked.connect(lambda: self.submitted.emit(self.capture.text()))
        self.add_button = add
        capture_row = QHBoxLayout()
        capture_row.addWidget(QLabel("&Who"))
        capture_row.itemAt(0).widget().setBuddy(self.author)  # type: ignore[union-attr]
        capture_row.addWidget(self.author)
        capture_row.addWidget(self.capture, 1)
        capture_row.addWidget(add)
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        self.chips_summary = QLabel()
        self.chips_summary.setStyleSheet(f"color: {palette.TEXT_MUTED_BOARD}")
        self.setObjectName("captureBar")
        self.setStyleSheet(f"#captureBar {{ background: {palette.SURFACE};"
                           f" border-bottom: 1px solid {palette.BORDER_BOARD_LIGHT}; }}")
        cap_layout = QVBoxLayout(self)
        cap_layout.setContentsMargins(10, 8, 10, 8)
        cap_layout.addLayout(capture_row)
        chips_row = QHBoxLayout()
        chips_row.addWidget(self.chips_summary)
        chips_row.addWidget(self.chips_box, 1)
        cap_layout.addLayout(chips_row)

    def set_data(self, data: bo.BoardData) -> None:
        """The people to write as (the current one kept) and their progress."""
        progress = data.progress()
        shown = (data.people, tuple(sorted(progress.by_person.items())))
        if shown == self._shown:
            return  # the same people and counts: keep the widgets
        self._shown = shown
        current = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        add_people(self.author, data.people)
        index = self.author.findData(current)
        self.author.setCurrentIndex(index if index >= 0 else 0)
        self.author.blockSignals(False)
        show_progress(self.chips, self.chips_summary, data, self.write_as)

    def write_as(self, person_id: int) -> None:
        self.author.setCurrentIndex(max(0, self.author.findData(person_id)))
        self.focus_capture()

    def focus_capture(self) -> None:
        self.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.capture.selectAll()
