"""The quadrant view's toolbar: the manager filter, history, import, projector, names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from keeper.quadrant.ops import BoardData
from ui import palette

ALL_MANAGERS = -1
NO_MANAGER = -2


class QuadrantToolbar(QWidget):
    """``filter_changed`` when another manager is chosen; ``manager_filter`` is
    ``None`` (everyone), a manager id, or ``NO_MANAGER`` (reps without one)."""

    filter_changed = Signal()

    def __init__(self, host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager_filter: int | None = None

        def shortcut(keys: str, slot: object) -> None:  # active anywhere in the view
            QShortcut(QKeySequence(keys), host, slot,  # type: ignore[call-overload]
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.manager_box = QComboBox()
        self.manager_box.setAccessibleName("Show reps of manager")
        self.manager_box.setToolTip("Show one manager's reps (Ctrl+M)")
        self.manager_box.currentIndexChanged.connect(self._on_filter)
        shortcut("Ctrl+M", self.manager_box.setFocus)
        self.history_box = QCheckBox("Show last offsite")
        self.history_box.setChecked(True)
        self.history_box.setToolTip("Faded dots and arrows: where each rep was at the "
                                    "previous offsite (Ctrl+H)")
        shortcut("Ctrl+H", self.history_box.toggle)
        self.import_button = QPushButton("&Import placements…")
        self.import_button.setToolTip("Place reps from a spreadsheet: rep, skill, motivation "
                                      "(1–10 or 0–1), optional manager and note")
        self.project_button = QPushButton("Show on &projector")
        self.project_button.setToolTip("Dots, counts and shares on the audience screen; "
                                       "no names, no notes (Ctrl+Shift+P)")
        shortcut("Ctrl+Shift+P", self.project_button.click)
        self.names_box = QCheckBox("&Names on projector")
        self.names_box.setToolTip("Off by default. Turns itself off when the session changes "
                                  "or another file opens. Notes never go to the projector.")
        self.names_box.setStyleSheet(f"QCheckBox:checked {{ color: {palette.BREATHER};"
                                     " font-weight: 600; }")

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Manager")
        label.setBuddy(self.manager_box)
        row.addWidget(label)
        row.addWidget(self.manager_box)
        row.addSpacing(8)
        row.addWidget(self.history_box)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.project_button)
        row.addWidget(self.names_box)

    # --- the manager filter --------------------------------------------------------
    def fill_managers(self, data: BoardData) -> None:
        """The managers with their number of placed reps; keeps the choice if it still exists."""
        box = self.manager_box
        box.blockSignals(True)
        box.clear()
        box.addItem(f"All managers ({len(data.current)} placed)", ALL_MANAGERS)
        teams: dict[int | None, int] = {}
        for p in data.current.values():
            teams[p.manager_id] = teams.get(p.manager_id, 0) + 1
        for manager_id, name in sorted(data.managers.items(), key=lambda m: m[1].casefold()):
            box.addItem(f"{name} ({teams.get(manager_id, 0)})", manager_id)
        if None in teams:
            box.addItem(f"No manager ({teams[None]})", NO_MANAGER)
        wanted = {None: ALL_MANAGERS}.get(self.manager_filter, self.manager_filter)
        index = box.findData(wanted)
        if index < 0:
            self.manager_filter, index = None, 0
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def in_filter(self, manager_id: int | None) -> bool:
        if self.manager_filter is None:
            return True
        if self.manager_filter == NO_MANAGER:
            return manager_id is None
        return manager_id == self.manager_filter

    def filter_name(self) -> str:
        return "all reps" if self.manager_filter is None else self.manager_box.currentText()

    def _on_filter(self, _index: int) -> None:
        value = self.manager_box.currentData()
        self.manager_filter = None if value in (None, ALL_MANAGERS) else value
        self.filter_changed.emit()

    # --- history -------------------------------------------------------------------
    def show_history_of(self, previous_title: str, has_previous: bool) -> None:
        self.history_box.setEnabled(has_previous)
        if previous_title:
            self.history_box.setText(f"Show last offsite ({previous_title})")

    def set_names_checked(self, visible: bool) -> None:
        """Follow the projector state without echoing the change back."""
        if self.names_box.isChecked() != visible:
            self.names_box.blockSignals(True)
            self.names_box.setChecked(visible)
            self.names_box.blockSignals(False)
