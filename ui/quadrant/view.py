"""The situational mapping session: reps on a motivation/skill board.

The control view shows names, notes and history; the projector gets
``AudienceQuadrant`` (dots, counts and shares; names only when the Keeper ticks
"Names on projector", which resets when the session or the file changes).
Rules (quadrants, shares, flags, movement) come from ``keeper.quadrant.rules``; edits
are ``keeper.quadrant.ops`` operations run through ``context.run``.

Refreshing: opening a file (or a change to people) reloads everything; an edit
of this board redraws only what changed (``state``).

Modules: ``toolbar`` (manager filter and buttons), ``shape_tab``, ``reps_tab``,
``notes_tab``, ``import_action``, ``state`` (shows the data), ``editor`` (the
edits), ``edits`` (nudges that merge into one undo step), ``board``, ``scene``,
``items`` and ``geometry`` (the QGraphicsView and what it holds), ``audience``
(the projector).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from keeper.quadrant.ops import (
    BoardData,
    load_board,
)
from keeper.quadrant.placement_import import PlacementPlan
from keeper.quadrant.rules import RepPlacement
from ui import palette
from ui.context import AppContext
from ui.quadrant.audience import AudienceQuadrant, ProjectorState
from ui.quadrant.bars import share_text
from ui.quadrant.board import BoardScene, BoardView
from ui.quadrant.editor import QuadrantEditor
from ui.quadrant.import_action import PlacementImport, PlacementPreview
from ui.quadrant.notes_tab import NotesTab
from ui.quadrant.reps_tab import RepsTab
from ui.quadrant.shape_tab import ShapeTab
from ui.quadrant.state import BoardState
from ui.quadrant.toolbar import QuadrantToolbar

log = logging.getLogger(__name__)


class QuadrantView(QWidget):
    """Place reps, see the shape of the team, keep the care plan, project it safely."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = BoardData(None)
        self.projector = ProjectorState(self)
        self._offsite_seen: tuple[object, int | None] | None = None
        self.state = BoardState(self)
        self.editor = QuadrantEditor(self)
        self.scene = BoardScene(self)
        self.scene.on_move = self.editor.live_move
        self.scene.dot_dropped.connect(self.place)
        self.scene.selectionChanged.connect(self._on_board_selection)
        self.board = BoardView(self.scene, self)
        self.board.nudge_requested.connect(self.nudge)
        self.board.cycle_requested.connect(self.cycle_selection)
        self.board.remove_requested.connect(self.remove_rep)

        self.toolbar = QuadrantToolbar(self)
        self.toolbar.filter_changed.connect(self.state.sync)
        self.toolbar.history_box.toggled.connect(lambda _on: self.state.sync())
        self.toolbar.project_button.clicked.connect(self.show_on_projector)
        self.toolbar.names_box.toggled.connect(self.projector.set_names_visible)
        self.importer = PlacementImport(self, context, self.toolbar.import_button,
                                        lambda: self.data.offsite_id, self.editor.run)

        self.shape = ShapeTab()
        self.shape.rep_activated.connect(self.select_rep)
        self.reps = RepsTab()
        self.reps.table.selectionModel().selectionChanged.connect(self._on_list_selection)
        self.reps.place_button.clicked.connect(self.editor.place_selected)
        self.reps.remove_button.clicked.connect(
            lambda: self.remove_rep(self.selected_rep()) if self.selected_rep() else None)
        self.notes = NotesTab()
        self.notes.rep_note_committed.connect(self.editor.commit_rep_note)
        self.notes.care_plan_committed.connect(self.editor.commit_care_plan)
        self.notes.care_quadrant_changed.connect(
            lambda: self.notes.show_care_plan(self.data.quadrant_notes))
        self.side = QTabWidget()
        self.side.setAccessibleName("Shape, reps and notes")
        self.side.setMinimumWidth(330)
        self.side.addTab(self.shape, "&Shape")
        self.side.addTab(self.reps, "&Reps")
        self.side.addTab(self.notes, "N&otes")

        # Names with no room beside their dot are listed under the board, on one line
        # that is always there, so the board never moves when the list changes.
        self.unlabelled = QLabel()
        self.unlabelled.setAccessibleName("Names not shown on the board")
        self.unlabelled.setStyleSheet(f"color: {palette.TEXT_MUTED_SLATE};")
        self.unlabelled.setFixedHeight(self.unlabelled.fontMetrics().height() + 6)
        self.scene.labels_placed.connect(self._show_unlabelled)
        board_box = QWidget()
        board_column = QVBoxLayout(board_box)
        board_column.setContentsMargins(0, 0, 0, 0)
        board_column.addWidget(self.board, 1)
        board_column.addWidget(self.unlabelled)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(board_box)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

        context.file_changed.connect(self._on_file_changed)
        context.data_changed.connect(self.reload)
        context.audience.session_changed.connect(self.projector.reset_names)
        self.projector.names_changed.connect(self.toolbar.set_names_checked)
        self._on_file_changed()

    # --- the parts, by the names other code and tests use --------------------------
    @property
    def manager_box(self) -> QComboBox:
        return self.toolbar.manager_box

    @property
    def history_box(self) -> QCheckBox:
        return self.toolbar.history_box

    @property
    def import_button(self) -> QPushButton:
        return self.toolbar.import_button

    @property
    def project_button(self) -> QPushButton:
        return self.toolbar.project_button

    @property
    def names_box(self) -> QCheckBox:
        return self.toolbar.names_box

    @property
    def manager_filter(self) -> int | None:
        return self.toolbar.manager_filter

    # --- loading -----------------------------------------------------------------
    def _on_file_changed(self) -> None:
        self.projector.reset_names()  # a new file or offsite: names go off the projector
        self.toolbar.manager_filter = None
        self.reload()

    def reload(self, changes: Changes | None = None) -> None:
        """Everything again (reps, managers, both offsites' placements, notes) unless only
        placements changed (``refresh``)."""
        if changes is not None and not changes & Changes(people=True, offsite=True):
            if changes.quadrant:
                self.refresh(changes)
            return
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
        for widget in (self.toolbar.import_button, self.reps.place_button,
                       self.reps.remove_button, self.notes.rep_note, self.notes.care_note):
            widget.setEnabled(editable)
        self.toolbar.fill_managers(self.data)
        self.state.sync()

    def refresh(self, changes: Changes | None = None) -> None:
        """After an edit of this board: redraw only the reps whose placement changed."""
        if not self.state.refresh(changes):
            self.reload()

    def _show_unlabelled(self) -> None:
        names = self.scene.unlabelled
        if not names:
            self.unlabelled.setText("")
            self.unlabelled.setToolTip("")
            return
        shown = sorted(names)[:60]  # more than a line holds; eliding hundreds costs ms
        more = ", …" if len(names) > len(shown) else ""
        text = (f"No room for {len(names)} name{'s' if len(names) != 1 else ''} on the "
                f"board (hover a dot, or see Reps): {', '.join(shown)}{more}")
        metrics = self.unlabelled.fontMetrics()
        self.unlabelled.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                   max(80, self.board.width())))
        self.unlabelled.setToolTip(f"No room on the board for: {', '.join(sorted(names))}")

    # --- the parts other code and tests call -------------------------------------------
    def visible_placements(self) -> list[RepPlacement]:
        return self.state.visible_placements()

    def place(self, rep_id: int, skill: float, motivation: float,
              text: str | None = None) -> None:
        self.editor.place(rep_id, skill, motivation, text)

    def nudge(self, rep_id: int, dx: float, dy: float) -> None:
        self.editor.nudge(rep_id, dx, dy)

    def remove_rep(self, rep_id: int | None) -> None:
        self.editor.remove(rep_id)

    def set_rep_note(self, rep_id: int, text: str) -> None:
        self.select_rep(rep_id)
        self.notes.rep_note.setText(text)
        self.editor.commit_rep_note()

    def update_notes(self) -> None:
        state = self.state
        rep_id = self.selected_rep()
        placement = self.data.current.get(rep_id) if rep_id is not None else None
        self.notes.show_rep(
            state.name(rep_id) if rep_id is not None else None,
            self.data.rep_notes.get(rep_id, "") if rep_id is not None else "",
            placement is not None,
            not self.context.read_only and self.data.offsite_id is not None,
            placement.quadrant if placement else None)
        self.notes.show_care_plan(self.data.quadrant_notes)

    # --- selection -----------------------------------------------------------------
    def selected_rep(self) -> int | None:
        rep_id = self.scene.selected_rep()
        return rep_id if rep_id is not None else self.reps.selected_rep()

    def select_rep(self, rep_id: int | None) -> None:
        if rep_id is None:
            return
        dot = self.scene.dots.get(rep_id)
        self.scene.clearSelection()
        if dot is not None and dot.isVisible():
            dot.setSelected(True)
            self.board.ensureVisible(dot)
        self.reps.select(rep_id)
        self.update_notes()

    def _on_board_selection(self) -> None:
        rep_id = self.scene.selected_rep()
        if rep_id is not None:
            self.reps.select(rep_id)
        self.update_notes()

    def _on_list_selection(self) -> None:
        rep_id = self.reps.selected_rep()
        if rep_id is None:
            return
        dot = self.scene.dots.get(rep_id)
        self.scene.blockSignals(True)
        self.scene.clearSelection()
        if dot is not None and dot.isVisible():
            dot.setSelected(True)
        self.scene.blockSignals(False)
        self.update_notes()

    def cycle_selection(self, step: int) -> None:
        order = [rid for rid, _v, q in self.reps.model.rows if q is not None]
        if not order:
            return
        current = self.selected_rep()
        index = order.index(current) + step if current in order else (0 if step > 0 else -1)
        self.select_rep(order[index % len(order)])

    # --- import --------------------------------------------------------------------
    def import_placements(self, path: Path | None = None) -> None:
        self.importer.start(path)

    def review_import(self, plan: PlacementPlan) -> bool:
        """Show the preview; place the accepted rows if the Keeper agrees."""
        return self.importer.review(plan)

    # --- projector -----------------------------------------------------------------
    def audience_widget(self, parent: QWidget | None = None) -> AudienceQuadrant:
        return AudienceQuadrant(self.projector, parent)

    def show_on_projector(self) -> None:
        self.state.update_projector()
        self.context.audience.present("quadrant", self.audience_widget)

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


__all__ = ["PlacementPreview", "QuadrantView", "share_text"]
