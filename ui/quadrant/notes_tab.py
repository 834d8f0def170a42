"""The Notes tab: a private note on the selected rep and each quadrant's care plan.

Notes never reach the projector. The tab shows and collects text; the view
decides what to store (``rep_note_committed``, ``care_plan_committed``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from keeper.quadrant.ops import REP_NOTE_MAX
from keeper.quadrant.rules import Quadrant
from ui import palette
from ui.quadrant.bars import ORDER
from ui.widgets import NoteEdit, heading


class NotesTab(QWidget):
    rep_note_committed = Signal()  # the rep note editor finished (read ``rep_note.text()``)
    care_plan_committed = Signal(str)  # text of the care plan for ``care_quadrant()``
    care_quadrant_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 6, 10, 10)
        self.rep_note_title = heading("Note on the selected rep", wrap=True)
        col.addWidget(self.rep_note_title)
        self.rep_note = QLineEdit()
        self.rep_note.setMaxLength(REP_NOTE_MAX)
        self.rep_note.setAccessibleName("Note on the selected rep")
        self.rep_note.setPlaceholderText("Select a rep on the board")
        self.rep_note.setToolTip("Private: never shown on the projector. Enter saves.")
        self.rep_note.editingFinished.connect(self.rep_note_committed)
        col.addWidget(self.rep_note)
        private = QLabel("Private to this screen: rep notes never go to the projector.")
        private.setStyleSheet(f"color: {palette.TEXT_MUTED_SLATE};")
        private.setWordWrap(True)
        col.addWidget(private)
        col.addWidget(heading("Care plan", wrap=True))
        self.care_box = QComboBox()
        self.care_box.setAccessibleName("Care plan for quadrant")
        for quadrant in ORDER:
            self.care_box.addItem(f"{quadrant.label} — {quadrant.axes.lower()}", quadrant.value)
        self.care_box.currentIndexChanged.connect(lambda _i: self.care_quadrant_changed.emit())
        col.addWidget(self.care_box)
        self.care_guidance = QLabel()
        self.care_guidance.setWordWrap(True)
        self.care_guidance.setStyleSheet(f"color: {palette.TEXT_MUTED_SLATE}; font-style: italic;")
        col.addWidget(self.care_guidance)
        self.care_note = NoteEdit("Care plan", "How we care for this group… (saved when you "
                                               "leave the box, or Ctrl+Enter)")
        self.care_note.committed.connect(self.care_plan_committed)
        col.addWidget(self.care_note, 1)

    def care_quadrant(self) -> Quadrant:
        return Quadrant(self.care_box.currentData())

    def show_rep(self, name: str | None, note: str, placed: bool, editable: bool,
                 quadrant: Quadrant | None) -> None:
        """The selected rep (``name`` ``None``: nobody); a placed rep's quadrant
        becomes the care plan shown, unless the Keeper is writing one."""
        self.rep_note_title.setText(f"Note on {name}" if name is not None
                                    else "Note on the selected rep")
        if not self.rep_note.hasFocus():
            self.rep_note.setText(note)
        self.rep_note.setEnabled(editable and placed)
        if name is None:
            hint = "Select a rep on the board"
        elif placed:
            hint = "A short private note on this rep (Enter saves)"
        else:
            hint = "Place the rep on the board first"
        self.rep_note.setPlaceholderText(hint)
        if placed and quadrant is not None and not self.care_note.hasFocus():
            index = self.care_box.findData(quadrant.value)
            if index >= 0 and index != self.care_box.currentIndex():
                self.care_box.blockSignals(True)
                self.care_box.setCurrentIndex(index)
                self.care_box.blockSignals(False)

    def show_care_plan(self, notes: dict[Quadrant, str]) -> None:
        quadrant = self.care_quadrant()
        self.care_guidance.setText(quadrant.guidance)
        self.care_note.set_saved(notes.get(quadrant, ""))
