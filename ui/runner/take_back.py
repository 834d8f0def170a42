"""Take the time back: preview which sessions get shorter and by how much; Apply changes them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.agenda import schedule


class TakeBackDialog(QDialog):
    """The rebalance preview: which sessions get shorter and by how much; Apply changes them."""

    def __init__(self, entries: list[schedule.AgendaEntry], overrun_minutes: int,
                 from_index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Take the time back")
        self.entries = entries
        self.overrun = overrun_minutes
        self.from_index = from_index
        self.preview = schedule.rebalance(entries, overrun_minutes, from_index)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.breaks = QCheckBox("Also shorten &breaks")
        self.breaks.toggled.connect(self._recompute)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Sessions that get shorter")
        self.table.setHorizontalHeaderLabels(["Session", "Planned", "New"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.breaks)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._fill()

    @classmethod
    def offer(cls, entries: list[schedule.AgendaEntry], overrun_minutes: int, from_index: int,
              parent: QWidget, on_apply: Callable[[schedule.RebalancePreview], None],
              ) -> TakeBackDialog:
        """Open the preview (window-modal, not blocking); Apply hands the preview to on_apply."""
        dialog = cls(entries, overrun_minutes, from_index, parent)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: on_apply(dialog.preview))
        dialog.open()
        return dialog

    def _recompute(self, include_breaks: bool) -> None:
        self.preview = schedule.rebalance(self.entries, self.overrun, self.from_index,
                                          include_breaks=include_breaks)
        self._fill()

    def _fill(self) -> None:
        titles = {e.id: e.title for e in self.entries}
        p = self.preview
        self.intro.setText(
            f"The day runs <b>{self.overrun} min</b> late. These sessions, not yet started and not "
            "protected, get shorter in proportion to their length (never below half, or 5 min). "
            "Lunch and protected sessions keep their time."
        )
        self.table.setRowCount(len(p.changes))
        for row, change in enumerate(p.changes):
            cells = (titles.get(change.item_id, "?"), f"{change.old_minutes} min",
                     f"{change.new_minutes} min  (−{change.old_minutes - change.new_minutes})")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        left = (f" {p.unrecovered_minutes} min cannot be taken back: the rest is at its minimum."
                if p.unrecovered_minutes else "")
        self.summary.setText(f"Takes back <b>{p.recovered_minutes} min</b>.{left} "
                             "Edit ▸ Undo puts the lengths back.")
        self.apply_button.setEnabled(bool(p.changes))
