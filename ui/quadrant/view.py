"""The situational mapping session: reps on a motivation/skill board.

The control view shows names, notes and history; the projector gets
``AudienceQuadrant`` (dots, counts and shares; names only when the Keeper ticks
"Names on projector", which resets when the session or the file changes).
Rules (quadrants, shares, flags, movement) come from ``keeper.quadrant``; edits
are ``keeper.quadrant_ops`` operations run through ``context.run``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keeper.placement_import import (
    ImportPlacements,
    PlacementImportError,
    PlacementPlan,
    plan_placements,
    read_placement_rows,
)
from keeper.quadrant import (
    Flag,
    FlagKind,
    Movement,
    Quadrant,
    QuadrantShares,
    RepPlacement,
    flags,
    nudge,
    quadrant_of,
    shares,
    shares_by_manager,
)
from keeper.quadrant_ops import (
    AREA,
    REP_NOTE_MAX,
    BoardData,
    PlaceRep,
    RemovePlacement,
    SetQuadrantNote,
    SetRepNote,
    load_board,
)
from keeper.text import clean_block
from ui.context import AppContext
from ui.quadrant.audience import AudienceQuadrant, ProjectorState
from ui.quadrant.bars import ORDER, ManagerBars, ManagerRow, ShareBars, share_text
from ui.quadrant.board import ACCENT, BoardScene, BoardView, dot_colour, to_scene
from ui.tasks import run_in_background

log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex
ALL_MANAGERS = -1
NO_MANAGER = -2
COLUMNS = ("Rep", "Manager", "Quadrant", "Skill", "Motivation", "Last offsite")


class RepListModel(QAbstractTableModel):
    """The accessible list of the board: every rep, their quadrant and history."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[int, tuple[str, ...], Quadrant | None]] = []

    def set_rows(self, rows: list[tuple[int, tuple[str, ...], Quadrant | None]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        rep_id, values, quadrant = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and quadrant:
            return ACCENT[quadrant]
        if role == Qt.ItemDataRole.UserRole:
            return rep_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def row_of(self, rep_id: int) -> int:
        for row, (rid, _values, _q) in enumerate(self.rows):
            if rid == rep_id:
                return row
        return -1


class NoteEdit(QPlainTextEdit):
    """A multi-line note that commits when it loses focus or on Ctrl+Enter."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.committed.emit(self.toPlainText())
            return
        super().keyPressEvent(event)


class PlacementPreview(QDialog):
    """What an import will place, and which rows are rejected, before writing."""

    def __init__(self, plan: PlacementPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import placements from {plan.source.name}")
        layout = QVBoxLayout(self)
        how = "from the column headers" if plan.scale_from_header else "detected from the values"
        summary = QLabel(
            f"<b>{len(plan.accepted)}</b> reps will be placed; <b>{len(plan.rejected)}</b> "
            f"rows are rejected. Scale <b>{plan.scale_label}</b> ({how})."
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setAccessibleName("Import report")
        lines = []
        for row in plan.accepted:
            moved = " (replaces today's placement)" if row.replaces else ""
            lines.append(f"+ row {row.row}: {row.name}: skill {row.raw[0]}, motivation "
                         f"{row.raw[1]} → {row.quadrant.label}{moved}")
        lines += [f"✗ row {r.row}: {r.reason}" for r in plan.rejected]
        lines += [f"! row {row}: {message}" for row, message in plan.warnings]
        text.setPlainText("\n".join(lines))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(f"Place {len(plan.accepted)}",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(plan.accepted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 440)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600; color: #1F2328; margin-top: 6px;")
    return label


class QuadrantView(QWidget):
    """Place reps, see the shape of the team, keep the care plan, project it safely."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = BoardData(None)
        self.manager_filter: int | None = None  # None: everyone
        self.projector = ProjectorState(self)
        self._offsite_seen: tuple[object, int | None] | None = None
        self._live_quadrant: Quadrant | None = None

        self.scene = BoardScene(self)
        self.scene.dot_dropped.connect(self._on_drop)
        self.scene.on_move = self._on_live_move
        self.scene.selectionChanged.connect(self._on_board_selection)
        self.board = BoardView(self.scene, self)
        self.board.nudge_requested.connect(self.nudge)
        self.board.cycle_requested.connect(self.cycle_selection)
        self.board.remove_requested.connect(self.remove_rep)

        self._build_toolbar()
        self._build_side()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.board)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.toolbar)
        layout.addWidget(splitter, 1)

        context.file_changed.connect(self._on_file_changed)
        context.data_changed.connect(self._on_data_changed)
        context.audience.session_changed.connect(self.projector.reset_names)
        self.projector.names_changed.connect(self._on_names_changed)
        self._on_file_changed()

    # --- construction ------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.manager_box = QComboBox()
        self.manager_box.setAccessibleName("Show reps of manager")
        self.manager_box.setToolTip("Show one manager's reps (Ctrl+M)")
        self.manager_box.currentIndexChanged.connect(self._on_filter)
        QShortcut(QKeySequence("Ctrl+M"), self, self.manager_box.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_box = QCheckBox("Show last offsite")
        self.history_box.setChecked(True)
        self.history_box.setToolTip("Faded dots and arrows: where each rep was at the "
                                    "previous offsite (Ctrl+H)")
        self.history_box.toggled.connect(lambda _on: self._sync())
        QShortcut(QKeySequence("Ctrl+H"), self, self.history_box.toggle,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.import_button = QPushButton("&Import placements…")
        self.import_button.setToolTip("Place reps from a spreadsheet: rep, skill, motivation "
                                      "(1–10 or 0–1), optional manager and note")
        self.import_button.clicked.connect(lambda: self.import_placements())
        self.project_button = QPushButton("Show on &projector")
        self.project_button.setToolTip("Dots, counts and shares on the audience screen; "
                                       "no names, no notes (Ctrl+Shift+P)")
        self.project_button.clicked.connect(self.show_on_projector)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.show_on_projector,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.names_box = QCheckBox("&Names on projector")
        self.names_box.setToolTip("Off by default. Turns itself off when the session changes "
                                  "or another file opens. Notes never go to the projector.")
        self.names_box.toggled.connect(self.projector.set_names_visible)
        self.names_box.setStyleSheet("QCheckBox:checked { color: #A64B00; font-weight: 600; }")
        self.toolbar = QHBoxLayout()
        label = QLabel("&Manager")
        label.setBuddy(self.manager_box)
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.manager_box)
        self.toolbar.addSpacing(8)
        self.toolbar.addWidget(self.history_box)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.import_button)
        self.toolbar.addWidget(self.project_button)
        self.toolbar.addWidget(self.names_box)

    def _build_side(self) -> None:
        self.side = QTabWidget()
        self.side.setAccessibleName("Shape, reps and notes")
        self.side.setMinimumWidth(330)

        # Shape: shares, per manager, flags, movement.
        shape = QWidget()
        col = QVBoxLayout(shape)
        col.setContentsMargins(10, 6, 10, 10)
        self.shape_title = _heading("Reps per quadrant")
        col.addWidget(self.shape_title)
        self.share_bars = ShareBars()
        col.addWidget(self.share_bars)
        col.addWidget(_heading("By manager"))
        self.manager_bars = ManagerBars()
        col.addWidget(self.manager_bars)
        col.addWidget(_heading("Flags"))
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.RichText)
        self.flags_label.setAccessibleName("Flags")
        self.flags_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Minimum)
        col.addWidget(self.flags_label)
        self.movement_title = _heading("Movement since the last offsite")
        col.addWidget(self.movement_title)
        self.movement_list = QListWidget()
        self.movement_list.setAccessibleName("Movement since the last offsite")
        self.movement_list.setMinimumHeight(120)
        self.movement_list.setWordWrap(True)
        self.movement_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.movement_list.itemActivated.connect(
            lambda item: self.select_rep(item.data(Qt.ItemDataRole.UserRole)))
        col.addWidget(self.movement_list, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(shape)
        self.side.addTab(scroll, "&Shape")

        # Reps: the accessible list of the board.
        reps = QWidget()
        col = QVBoxLayout(reps)
        col.setContentsMargins(6, 6, 6, 6)
        self.rep_model = RepListModel()
        self.rep_table = QTableView()
        self.rep_table.setAccessibleName("Reps and their quadrants")
        self.rep_table.setModel(self.rep_model)
        self.rep_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rep_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rep_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rep_table.verticalHeader().hide()
        self.rep_table.setSortingEnabled(False)
        # Fixed widths: ResizeToContents reads every cell of 500 rows on each change.
        header = self.rep_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 110, 150, 60, 80, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.rep_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rep_table.verticalHeader().setDefaultSectionSize(
            self.rep_table.fontMetrics().height() + 8)
        self.rep_table.selectionModel().selectionChanged.connect(self._on_list_selection)
        col.addWidget(self.rep_table, 1)
        row = QHBoxLayout()
        self.place_button = QPushButton("Place in the &centre")
        self.place_button.setToolTip("Put the selected rep in the middle of the board; then "
                                     "move them with the arrow keys")
        self.place_button.clicked.connect(self._place_selected)
        self.remove_button = QPushButton("&Take off the board")
        self.remove_button.clicked.connect(
            lambda: self.remove_rep(self.selected_rep()) if self.selected_rep() else None)
        row.addWidget(self.place_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        col.addLayout(row)
        self.side.addTab(reps, "&Reps")

        # Notes: one rep's private note, the care plan of each quadrant.
        notes = QWidget()
        col = QVBoxLayout(notes)
        col.setContentsMargins(10, 6, 10, 10)
        self.rep_note_title = _heading("Note on the selected rep")
        col.addWidget(self.rep_note_title)
        self.rep_note = QLineEdit()
        self.rep_note.setMaxLength(REP_NOTE_MAX)
        self.rep_note.setAccessibleName("Note on the selected rep")
        self.rep_note.setPlaceholderText("Select a rep on the board")
        self.rep_note.setToolTip("Private: never shown on the projector. Enter saves.")
        self.rep_note.editingFinished.connect(self._commit_rep_note)
        col.addWidget(self.rep_note)
        private = QLabel("Private to this screen: rep notes never go to the projector.")
        private.setStyleSheet("color: #4A5360;")
        private.setWordWrap(True)
        col.addWidget(private)
        col.addWidget(_heading("Care plan"))
        self.care_box = QComboBox()
        self.care_box.setAccessibleName("Care plan for quadrant")
        for quadrant in ORDER:
            self.care_box.addItem(f"{quadrant.label} — {quadrant.axes.lower()}", quadrant.value)
        self.care_box.currentIndexChanged.connect(lambda _i: self._show_care_plan())
        col.addWidget(self.care_box)
        self.care_guidance = QLabel()
        self.care_guidance.setWordWrap(True)
        self.care_guidance.setStyleSheet("color: #4A5360; font-style: italic;")
        col.addWidget(self.care_guidance)
        self.care_note = NoteEdit()
        self.care_note.setAccessibleName("Care plan")
        self.care_note.setPlaceholderText("How we care for this group… (saved when you leave "
                                          "the box, or Ctrl+Enter)")
        self.care_note.committed.connect(self._commit_care_plan)
        col.addWidget(self.care_note, 1)
        self.side.addTab(notes, "N&otes")

    # --- loading -----------------------------------------------------------------
    def _on_file_changed(self) -> None:
        self.projector.reset_names()  # a new file or offsite: names go off the projector
        self.manager_filter = None
        self.reload()

    def _on_data_changed(self, area: str) -> None:
        if area in (AREA, "people", "offsite"):
            self.reload()

    def reload(self) -> None:
        store = self.context.store
        try:
            self.data = load_board(store, self.context.offsite_id) if store else BoardData(None)
        except Exception:  # a damaged file must not take the whole window down
            log.exception("could not load the quadrant board")
            self.data = BoardData(None)
        seen = (store, self.data.offsite_id)
        if self._offsite_seen is not None and seen != self._offsite_seen:
            self.projector.reset_names()
        self._offsite_seen = seen
        editable = not self.context.read_only and self.data.offsite_id is not None
        self.scene.editable = editable
        for widget in (self.import_button, self.place_button, self.remove_button,
                       self.rep_note, self.care_note):
            widget.setEnabled(editable)
        self._fill_managers()
        self._sync()

    def _fill_managers(self) -> None:
        box = self.manager_box
        box.blockSignals(True)
        box.clear()
        box.addItem(f"All managers ({len(self.data.current)} placed)", ALL_MANAGERS)
        teams: dict[int | None, int] = {}
        for p in self.data.current.values():
            teams[p.manager_id] = teams.get(p.manager_id, 0) + 1
        for manager_id, name in sorted(self.data.managers.items(), key=lambda m: m[1].casefold()):
            box.addItem(f"{name} ({teams.get(manager_id, 0)})", manager_id)
        if None in teams:
            box.addItem(f"No manager ({teams[None]})", NO_MANAGER)
        wanted = {None: ALL_MANAGERS}.get(self.manager_filter, self.manager_filter)
        index = box.findData(wanted)
        if index < 0:
            self.manager_filter, index = None, 0
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def _on_filter(self, _index: int) -> None:
        value = self.manager_box.currentData()
        self.manager_filter = None if value in (None, ALL_MANAGERS) else value
        self._sync()

    def _in_filter(self, manager_id: int | None) -> bool:
        if self.manager_filter is None:
            return True
        if self.manager_filter == NO_MANAGER:
            return manager_id is None
        return manager_id == self.manager_filter

    def visible_placements(self) -> list[RepPlacement]:
        return [p for p in self.data.current.values() if self._in_filter(p.manager_id)]

    def visible_previous(self) -> list[RepPlacement]:
        return [p for p in self.data.previous.values() if self._in_filter(p.manager_id)]

    # --- drawing the state -------------------------------------------------------
    def _sync(self) -> None:
        data, scene = self.data, self.scene
        history = self.history_box.isChecked() and bool(data.previous)
        self.history_box.setEnabled(bool(data.previous))
        if data.previous_title:
            self.history_box.setText(f"Show last offsite ({data.previous_title})")
        for rep_id in [r for r in scene.dots if r not in data.current]:
            scene.remove_dot(rep_id)
        for rep_id in [r for r in scene.ghosts if r not in data.previous]:
            scene.set_history(rep_id, None, QColor(), False)
        for rep_id, placement in data.current.items():
            rep = data.reps.get(rep_id)
            dot = scene.dot(rep_id)
            colour = dot_colour(rep.colour if rep else None)
            dot.set_look(rep.name if rep else f"Rep {rep_id}", colour)
            point = to_scene(placement.skill, placement.motivation)
            if dot.pos() != point:
                dot.setPos(point)
            visible = self._in_filter(placement.manager_id)
            dot.setVisible(visible)
            if not visible and dot.isSelected():
                dot.setSelected(False)
        for rep_id, before in data.previous.items():
            rep = data.reps.get(rep_id)
            colour = dot_colour(rep.colour if rep else None)
            scene.set_history(rep_id, to_scene(before.skill, before.motivation), colour,
                              history and self._in_filter(before.manager_id))
        self.board.relayout()
        self._update_counts(self.visible_placements())
        self._update_panel()
        self._update_list()
        self._update_notes()
        self._update_projector()

    def _update_counts(self, placements: list[RepPlacement]) -> QuadrantShares:
        self._live_quadrant = None
        result = shares(placements)
        for quadrant, item in self.scene.counts.items():
            n = result.counts[quadrant]
            item.set_text(f"{n} rep{'s' if n != 1 else ''} · {result.percentages()[quadrant]}%")
        return result

    def _name(self, rep_id: int) -> str:
        rep = self.data.reps.get(rep_id)
        return rep.name if rep else f"Rep {rep_id}"

    def _update_panel(self) -> None:
        current, previous = self.visible_placements(), self.visible_previous()
        result = shares(current)
        self.share_bars.set_result(result)
        who = "all reps" if self.manager_filter is None else self.manager_box.currentText()
        self.shape_title.setText(f"Reps per quadrant — {who}")
        by_manager = shares_by_manager(self.data.current.values())
        rows = []
        for manager_id, team in sorted(by_manager.items(),
                                       key=lambda m: self.data.managers.get(m[0] or -1, "~")):
            name = self.data.managers.get(manager_id or -1, "No manager")
            highlighted = self.manager_filter is not None and self._in_filter(manager_id)
            rows.append(ManagerRow(name, team, highlighted))
        self.manager_bars.set_rows(rows)
        found = flags(current, previous)
        self.flags_label.setText(self._flags_html(found) if found else
                                 "<span style='color:#4A5360'>No flags: no quadrant is "
                                 "unusually large and nobody burned out since last time."
                                 "</span>")
        self._update_movement(current, previous)

    def _flags_html(self, found: list[Flag]) -> str:
        colours = {FlagKind.ENABLEMENT: "#1A5FA8", FlagKind.RETENTION: "#23703A",
                   FlagKind.BREATHER: "#A64B00"}
        titles = {FlagKind.ENABLEMENT: "Enablement focus", FlagKind.RETENTION:
                  "Retention and promotion path", FlagKind.BREATHER: "Breathers"}
        parts = []
        for flag in found:
            names = ""
            if flag.kind is FlagKind.BREATHER:
                names = "<br><i>" + _esc(", ".join(self._name(i) for i in flag.rep_ids)) + "</i>"
            parts.append(
                f"<p style='margin:0 0 6px 0'><b style='color:{colours[flag.kind]}'>⚑ "
                f"{titles[flag.kind]}.</b> {_esc(flag.message)}{names}</p>")
        return "".join(parts)

    def _update_movement(self, current: list[RepPlacement],
                         previous: list[RepPlacement]) -> None:
        title = self.data.previous_title or "the last offsite"
        self.movement_title.setText(f"Movement since {title}")
        self.movement_list.clear()
        if not self.data.previous_offsite_id:
            self.movement_list.addItem("No earlier offsite in this file.")
            return
        from keeper.quadrant import movements

        moves = movements(previous, current)

        def order(m: Movement) -> tuple[int, float, str]:
            return (0 if m.changed_quadrant else 1, -(m.distance or 0), self._name(m.rep_id))

        for move in sorted(moves, key=order):
            text = self._movement_text(move)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, move.rep_id)
            if move.changed_quadrant and move.after is not None:
                item.setForeground(ACCENT[move.after])
            self.movement_list.addItem(item)

    def _movement_text(self, move: Movement) -> str:
        name = self._name(move.rep_id)
        if move.is_new:
            return f"{name}: new on the board → {move.after.label if move.after else ''}"
        if move.is_gone:
            return f"{name}: not placed today (was {move.before.label if move.before else ''})"
        arrow = ""
        if move.dy is not None and abs(move.dy) >= 0.05:
            arrow += " motivation ↑" if move.dy > 0 else " motivation ↓"
        if move.dx is not None and abs(move.dx) >= 0.05:
            arrow += " skill ↑" if move.dx > 0 else " skill ↓"
        if move.changed_quadrant and move.before and move.after:
            return f"{name}: {move.before.label} → {move.after.label}{arrow and ' ·' + arrow}"
        where = move.after.label if move.after else ""
        return f"{name}: stayed in {where}{arrow and ' ·' + arrow}"

    def _update_list(self) -> None:
        selected = self.selected_rep()
        rows: list[tuple[int, tuple[str, ...], Quadrant | None]] = []
        reps = sorted(self.data.reps.values(), key=lambda r: r.name.casefold())
        for rep in reps:
            if not self._in_filter(rep.manager_id):
                continue
            placed = self.data.current.get(rep.id)
            before = self.data.previous.get(rep.id)
            if placed is None and not rep.active:
                continue
            quadrant = placed.quadrant if placed else None
            rows.append((rep.id, (
                rep.name, rep.manager_name,
                quadrant.label if quadrant else "Not placed",
                f"{placed.skill * 100:.0f}%" if placed else "–",
                f"{placed.motivation * 100:.0f}%" if placed else "–",
                before.quadrant.label if before else "–",
            ), quadrant))
        self.rep_model.set_rows(rows)
        if selected is not None:
            self._select_in_list(selected)

    def _update_projector(self) -> None:
        reps = []
        for p in self.visible_placements():
            rep = self.data.reps.get(p.rep_id)
            reps.append((p.skill, p.motivation, rep.colour if rep else None,
                         rep.name if rep else ""))
        n = len(reps)
        if self.manager_filter is None:
            title = f"Our reps by motivation and skill · {n} reps"
        else:
            title = f"One team · {n} reps"
        self.projector.set_reps(reps, title)

    # --- selection -----------------------------------------------------------------
    def selected_rep(self) -> int | None:
        rep_id = self.scene.selected_rep()
        if rep_id is not None:
            return rep_id
        rows = self.rep_table.selectionModel().selectedRows()
        if rows:
            return self.rep_model.rows[rows[0].row()][0]
        return None

    def select_rep(self, rep_id: int | None) -> None:
        if rep_id is None:
            return
        dot = self.scene.dots.get(rep_id)
        self.scene.clearSelection()
        if dot is not None and dot.isVisible():
            dot.setSelected(True)
            self.board.ensureVisible(dot)
        self._select_in_list(rep_id)
        self._update_notes()

    def _select_in_list(self, rep_id: int) -> None:
        row = self.rep_model.row_of(rep_id)
        model = self.rep_table.selectionModel()
        model.blockSignals(True)
        if row < 0:
            model.clearSelection()
        else:
            model.select(self.rep_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
            self.rep_table.scrollTo(self.rep_model.index(row, 0))
        model.blockSignals(False)
        self.rep_table.viewport().update()

    def _on_board_selection(self) -> None:
        rep_id = self.scene.selected_rep()
        if rep_id is not None:
            self._select_in_list(rep_id)
        self._update_notes()

    def _on_list_selection(self) -> None:
        rows = self.rep_table.selectionModel().selectedRows()
        if not rows:
            return
        rep_id = self.rep_model.rows[rows[0].row()][0]
        dot = self.scene.dots.get(rep_id)
        self.scene.blockSignals(True)
        self.scene.clearSelection()
        if dot is not None and dot.isVisible():
            dot.setSelected(True)
        self.scene.blockSignals(False)
        self._update_notes()

    def cycle_selection(self, step: int) -> None:
        order = [rid for rid, _v, q in self.rep_model.rows if q is not None]
        if not order:
            return
        current = self.selected_rep()
        index = order.index(current) + step if current in order else (0 if step > 0 else -1)
        self.select_rep(order[index % len(order)])

    # --- editing -------------------------------------------------------------------
    def _run(self, operation: object, what: str) -> bool:
        try:
            self.context.run(operation, AREA)  # type: ignore[arg-type]
        except Exception as exc:  # read-only file, a locked disk: say so, keep the board true
            log.exception("quadrant edit failed")
            QMessageBox.warning(self, what, f"{what} failed: {exc}")
            self.reload()
            return False
        return True

    def place(self, rep_id: int, skill: float, motivation: float, text: str | None = None) -> None:
        offsite_id = self.data.offsite_id
        if offsite_id is None or self.context.read_only:
            return
        name = self._name(rep_id)
        quadrant = quadrant_of(skill, motivation)
        op = PlaceRep(offsite_id, rep_id, skill, motivation,
                      text=text or f"Move {name} to {quadrant.label}")
        if self._run(op, "Placing a rep"):
            self.select_rep(rep_id)

    def _on_drop(self, rep_id: int, skill: float, motivation: float) -> None:
        self.place(rep_id, skill, motivation)

    def _on_live_move(self, rep_id: int, skill: float, motivation: float) -> None:
        """While dragging: the quadrant counts follow the dot (nothing is stored yet)."""
        current = self.data.current.get(rep_id)
        if current is None:
            return
        quadrant = quadrant_of(skill, motivation)
        if quadrant is self._live_quadrant:
            return  # same quadrant as the last frame: the counts are right already
        self._live_quadrant = quadrant
        moved = RepPlacement(rep_id, current.manager_id, skill, motivation)
        placements = [moved if p.rep_id == rep_id else p for p in self.visible_placements()]
        self._update_counts(placements)

    def nudge(self, rep_id: int, dx: float, dy: float) -> None:
        current = self.data.current.get(rep_id)
        if current is None:
            return
        skill, motivation = nudge(current.skill, current.motivation, dx, dy)
        if (skill, motivation) != (current.skill, current.motivation):
            self.place(rep_id, skill, motivation, text=f"Nudge {self._name(rep_id)}")

    def remove_rep(self, rep_id: int | None) -> None:
        if rep_id is None or self.data.offsite_id is None or rep_id not in self.data.current:
            return
        self._run(RemovePlacement(self.data.offsite_id, rep_id,
                                  text=f"Take {self._name(rep_id)} off the board"),
                  "Taking a rep off the board")

    def _place_selected(self) -> None:
        rep_id = self.selected_rep()
        if rep_id is None or rep_id in self.data.current:
            if rep_id is not None:
                self.select_rep(rep_id)
                self.board.setFocus()
            return
        self.place(rep_id, 0.5, 0.5, text=f"Place {self._name(rep_id)}")
        self.board.setFocus()

    def _update_notes(self) -> None:
        rep_id = self.selected_rep()
        placed = rep_id is not None and rep_id in self.data.current
        editable = not self.context.read_only and self.data.offsite_id is not None
        if rep_id is None:
            self.rep_note_title.setText("Note on the selected rep")
        else:
            self.rep_note_title.setText(f"Note on {self._name(rep_id)}")
        if not self.rep_note.hasFocus():
            self.rep_note.setText(self.data.rep_notes.get(rep_id, "") if rep_id else "")
        self.rep_note.setEnabled(editable and placed)
        if rep_id is None:
            hint = "Select a rep on the board"
        elif placed:
            hint = "A short private note on this rep (Enter saves)"
        else:
            hint = "Place the rep on the board first"
        self.rep_note.setPlaceholderText(hint)
        if placed and rep_id is not None and not self.care_note.hasFocus():
            quadrant = self.data.current[rep_id].quadrant
            index = self.care_box.findData(quadrant.value)
            if index >= 0 and index != self.care_box.currentIndex():
                self.care_box.setCurrentIndex(index)
        self._show_care_plan()

    def _care_quadrant(self) -> Quadrant:
        return Quadrant(self.care_box.currentData())

    def _show_care_plan(self) -> None:
        quadrant = self._care_quadrant()
        self.care_guidance.setText(quadrant.guidance)
        if not self.care_note.hasFocus():
            self.care_note.setPlainText(self.data.quadrant_notes.get(quadrant, ""))

    def _commit_rep_note(self) -> None:
        rep_id = self.selected_rep()
        offsite_id = self.data.offsite_id
        if rep_id is None or offsite_id is None or rep_id not in self.data.current:
            return
        text = clean_block(self.rep_note.text(), REP_NOTE_MAX)
        if text == (self.data.rep_notes.get(rep_id) or ""):
            return
        self._run(SetRepNote(offsite_id, rep_id, text, text=f"Note on {self._name(rep_id)}"),
                  "Saving the note")

    def set_rep_note(self, rep_id: int, text: str) -> None:
        self.select_rep(rep_id)
        self.rep_note.setText(text)
        self._commit_rep_note()

    def _commit_care_plan(self, text: str) -> None:
        offsite_id = self.data.offsite_id
        if offsite_id is None or self.context.read_only:
            return
        quadrant = self._care_quadrant()
        if clean_block(text) == self.data.quadrant_notes.get(quadrant, ""):
            return
        self._run(SetQuadrantNote(offsite_id, quadrant, text,
                                  text=f"Care plan: {quadrant.label}"), "Saving the care plan")

    # --- import --------------------------------------------------------------------
    def import_placements(self, path: Path | None = None) -> None:
        if self.context.store is None or self.context.read_only or self.data.offsite_id is None:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "Import placements", str(Path.home()),
                                                  "Spreadsheets (*.xlsx *.csv)")
            if not name:
                return
            path = Path(name)
        source = path
        self.import_button.setEnabled(False)

        def done(rows: object) -> None:
            self.import_button.setEnabled(not self.context.read_only)
            assert isinstance(rows, list)
            store, offsite_id = self.context.store, self.data.offsite_id
            if store is None or offsite_id is None:
                return
            try:
                plan = plan_placements(store, offsite_id, source, rows=rows)
            except PlacementImportError as exc:
                failed(exc)
                return
            self.review_import(plan)

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(not self.context.read_only)
            QMessageBox.warning(self, "Import placements", str(exc))

        run_in_background(self, lambda: read_placement_rows(source), done, failed)

    def review_import(self, plan: PlacementPlan) -> bool:
        """Show the preview; place the accepted rows if the Keeper agrees."""
        if PlacementPreview(plan, self).exec() != QDialog.DialogCode.Accepted:
            return False
        return self._run(ImportPlacements(plan, text=f"Import placements from "
                                                      f"{plan.source.name}"),
                         "Importing placements")

    # --- projector -----------------------------------------------------------------
    def audience_widget(self, parent: QWidget | None = None) -> AudienceQuadrant:
        return AudienceQuadrant(self.projector, parent)

    def show_on_projector(self) -> None:
        self._update_projector()
        self.context.audience.present("quadrant", self.audience_widget)

    def _on_names_changed(self, visible: bool) -> None:
        if self.names_box.isChecked() != visible:
            self.names_box.blockSignals(True)
            self.names_box.setChecked(visible)
            self.names_box.blockSignals(False)

    def shortcut_help(self) -> str:
        rows = [
            ("Drag a dot", "place a rep"),
            ("Arrow keys", "nudge the selected rep (Shift: bigger steps)"),
            ("[ / ]", "select the previous / next rep"),
            ("Delete", "take the selected rep off the board"),
            ("Ctrl+M", "choose a manager"),
            ("Ctrl+H", "show or hide the last offsite"),
            ("Ctrl+Shift+P", "show the board on the projector (no names)"),
        ]
        return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["QuadrantView", "share_text"]
