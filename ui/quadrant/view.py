"""The situational mapping session: reps on a motivation/skill board.

The control view shows names, notes and history; the projector gets
``AudienceQuadrant`` (dots, counts and shares; names only when the Keeper ticks
"Names on projector", which resets when the session or the file changes).
Rules (quadrants, shares, flags, movement) come from ``keeper.quadrant.rules``; edits
are ``keeper.quadrant.ops`` operations run through ``context.run``.

Refreshing: opening a file (or a change to people) reloads everything. An edit
of this board (a drop, a nudge, undo, redo, a note) re-reads only this
offsite's placements and notes and redraws only the reps that changed, with
their list rows and the count badges; the Shape tab and the names' layout are
recomputed once per event-loop turn however many edits came in it.

Modules: ``toolbar`` (manager filter and buttons), ``shape_tab``, ``reps_tab``,
``notes_tab``, ``import_action``, ``edits`` (nudges that merge into one undo
step), ``board`` (the QGraphicsView), ``audience`` (the projector).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from keeper.quadrant.ops import (
    AREA,
    REP_NOTE_MAX,
    BoardData,
    PlaceRep,
    RemovePlacement,
    SetQuadrantNote,
    SetRepNote,
    load_board,
    load_placements,
)
from keeper.quadrant.placement_import import PlacementPlan
from keeper.quadrant.rules import Quadrant, QuadrantShares, RepPlacement, nudge, quadrant_of, shares
from keeper.store.models import Placement, QuadrantNote
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_block
from ui.context import AppContext
from ui.quadrant.audience import AudienceQuadrant, ProjectorState
from ui.quadrant.bars import share_text
from ui.quadrant.board import BoardScene, BoardView, dot_colour, to_scene
from ui.quadrant.edits import NudgeRep
from ui.quadrant.import_action import PlacementImport, PlacementPreview
from ui.quadrant.notes_tab import NotesTab
from ui.quadrant.reps_tab import RepsTab, rep_row
from ui.quadrant.shape_tab import ShapeTab
from ui.quadrant.toolbar import QuadrantToolbar

log = logging.getLogger(__name__)
FULL_SYNC_ABOVE = 60  # an edit that changed more reps than this (an import) redraws all


class QuadrantView(QWidget):
    """Place reps, see the shape of the team, keep the care plan, project it safely."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = BoardData(None)
        self.projector = ProjectorState(self)
        self._offsite_seen: tuple[object, int | None] | None = None
        self._live_quadrant: Quadrant | None = None
        # Once per event-loop turn, each in its own event: the names' layout, the Shape tab.
        self._labels_later = _soon(self, lambda: self.board.relayout())
        self._shape_later = _soon(self, self._update_shape)

        self.scene = BoardScene(self)
        self.scene.dot_dropped.connect(self._on_drop)
        self.scene.on_move = self._on_live_move
        self.scene.selectionChanged.connect(self._on_board_selection)
        self.board = BoardView(self.scene, self)
        self.board.nudge_requested.connect(self.nudge)
        self.board.cycle_requested.connect(self.cycle_selection)
        self.board.remove_requested.connect(self.remove_rep)

        self.toolbar = QuadrantToolbar(self)
        self.toolbar.filter_changed.connect(self._sync)
        self.toolbar.history_box.toggled.connect(lambda _on: self._sync())
        self.toolbar.project_button.clicked.connect(self.show_on_projector)
        self.toolbar.names_box.toggled.connect(self.projector.set_names_visible)
        self.importer = PlacementImport(self, context, self.toolbar.import_button,
                                        lambda: self.data.offsite_id, self._run)

        self.shape = ShapeTab()
        self.shape.rep_activated.connect(self.select_rep)
        self.reps = RepsTab()
        self.reps.table.selectionModel().selectionChanged.connect(self._on_list_selection)
        self.reps.place_button.clicked.connect(self._place_selected)
        self.reps.remove_button.clicked.connect(
            lambda: self.remove_rep(self.selected_rep()) if self.selected_rep() else None)
        self.notes = NotesTab()
        self.notes.rep_note_committed.connect(self._commit_rep_note)
        self.notes.care_plan_committed.connect(self._commit_care_plan)
        self.notes.care_quadrant_changed.connect(
            lambda: self.notes.show_care_plan(self.data.quadrant_notes))
        self.side = QTabWidget()
        self.side.setAccessibleName("Shape, reps and notes")
        self.side.setMinimumWidth(330)
        self.side.addTab(self.shape, "&Shape")
        self.side.addTab(self.reps, "&Reps")
        self.side.addTab(self.notes, "N&otes")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.board)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

        context.file_changed.connect(self._on_file_changed)
        context.data_changed.connect(self._on_data_changed)
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

    def _on_data_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()
        elif area in ("people", "offsite"):
            self.reload()

    def reload(self) -> None:
        """Everything again: reps, managers, both offsites' placements, notes."""
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
        self._sync()

    def refresh(self) -> None:
        """After an edit of this board: re-read this offsite's placements and notes and
        redraw only the reps whose placement changed."""
        store, data = self.context.store, self.data
        if store is None or data.offsite_id is None:
            self.reload()
            return
        try:
            current = {p.rep_id: p for p in load_placements(store, data.offsite_id)}
            rep_notes, quadrant_notes = _load_notes(store, data.offsite_id)
        except Exception:
            log.exception("could not re-read the quadrant board")
            self.reload()
            return
        changed = {rep_id for rep_id in current.keys() | data.current.keys()
                   if current.get(rep_id) != data.current.get(rep_id)}
        if any(rep_id not in data.reps for rep_id in changed):
            self.reload()  # someone we don't know yet: people changed too
            return
        placed_before = data.current.keys()
        data.current, data.rep_notes, data.quadrant_notes = current, rep_notes, quadrant_notes
        if not changed:
            self._update_notes()
            return
        if len(changed) > FULL_SYNC_ABOVE:
            if current.keys() != placed_before:
                self.toolbar.fill_managers(data)
            self._sync()
            return
        history = self._history_shown()
        for rep_id in changed:
            self._sync_rep(rep_id, history)
        if current.keys() != placed_before:
            self.toolbar.fill_managers(data)  # the teams' counts in the filter
        self._update_counts(self.visible_placements())
        self._update_rows(changed)
        self._update_notes()
        self._update_projector()
        self._refresh_later()

    def _in_filter(self, manager_id: int | None) -> bool:
        return self.toolbar.in_filter(manager_id)

    def visible_placements(self) -> list[RepPlacement]:
        return [p for p in self.data.current.values() if self._in_filter(p.manager_id)]

    def visible_previous(self) -> list[RepPlacement]:
        return [p for p in self.data.previous.values() if self._in_filter(p.manager_id)]

    # --- drawing the state -------------------------------------------------------
    def _history_shown(self) -> bool:
        return self.toolbar.history_box.isChecked() and bool(self.data.previous)

    def _sync(self) -> None:
        """Redraw every rep (a new file, filter or history toggle)."""
        data, scene = self.data, self.scene
        self.toolbar.show_history_of(data.previous_title, bool(data.previous))
        history = self._history_shown()
        for rep_id in set(scene.dots) | set(scene.ghosts) | data.current.keys() \
                | data.previous.keys():
            self._sync_rep(rep_id, history)
        self._update_counts(self.visible_placements())
        self.reps.fill(data, self._in_filter)
        selected = self.selected_rep()
        if selected is not None:
            self.reps.select(selected)
        self._update_notes()
        self._update_projector()
        self._refresh_later()

    def _sync_rep(self, rep_id: int, history: bool) -> None:
        """One rep's dot, faded dot and arrow as the data says."""
        data, scene = self.data, self.scene
        rep = data.reps.get(rep_id)
        colour = dot_colour(rep.colour if rep else None)
        placement = data.current.get(rep_id)
        if placement is None:
            if rep_id in scene.dots:
                scene.remove_dot(rep_id)  # takes the faded dot and arrow too; set again below
        else:
            dot = scene.dot(rep_id)
            dot.set_look(rep.name if rep else f"Rep {rep_id}", colour)
            point = to_scene(placement.skill, placement.motivation)
            if dot.pos() != point:
                dot.setPos(point)
            visible = self._in_filter(placement.manager_id)
            dot.setVisible(visible)
            if not visible and dot.isSelected():
                dot.setSelected(False)
        before = data.previous.get(rep_id)
        if before is None:
            if rep_id in scene.ghosts:
                scene.set_history(rep_id, None, QColor(), False)
        else:
            scene.set_history(rep_id, to_scene(before.skill, before.motivation), colour,
                              history and self._in_filter(before.manager_id))

    def _update_rows(self, rep_ids: set[int]) -> None:
        """The list rows of ``rep_ids``; the whole list if one appears or disappears."""
        data = self.data
        for rep_id in rep_ids:
            rep = data.reps[rep_id]
            if not self._in_filter(rep.manager_id):
                continue
            row = rep_row(rep, data.current.get(rep_id), data.previous.get(rep_id))
            if row is None or not self.reps.model.update_row(row):
                selected = self.selected_rep()
                self.reps.fill(data, self._in_filter)
                if selected is not None:
                    self.reps.select(selected)
                return

    def _refresh_later(self) -> None:
        """What may wait for the end of the event-loop turn: names, the Shape tab."""
        self._labels_later.start()
        self._shape_later.start()

    def _update_shape(self) -> None:
        self.shape.show_shape(self.data, self.visible_placements(), self.visible_previous(),
                              self.toolbar.filter_name(),
                              lambda m: self.manager_filter is not None and self._in_filter(m),
                              self._name)

    def _update_counts(self, placements: list[RepPlacement]) -> QuadrantShares:
        self._live_quadrant = None
        result = shares(placements)
        percentages = result.percentages()
        for quadrant, item in self.scene.counts.items():
            n = result.counts[quadrant]
            item.set_text(f"{n} rep{'s' if n != 1 else ''} · {percentages[quadrant]}%")
        return result

    def _name(self, rep_id: int) -> str:
        rep = self.data.reps.get(rep_id)
        return rep.name if rep else f"Rep {rep_id}"

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
        self._update_notes()

    def _on_board_selection(self) -> None:
        rep_id = self.scene.selected_rep()
        if rep_id is not None:
            self.reps.select(rep_id)
        self._update_notes()

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
        self._update_notes()

    def cycle_selection(self, step: int) -> None:
        order = [rid for rid, _v, q in self.reps.model.rows if q is not None]
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

    def place(self, rep_id: int, skill: float, motivation: float, text: str | None = None,
              operation: type[PlaceRep] = PlaceRep) -> None:
        offsite_id = self.data.offsite_id
        if offsite_id is None or self.context.read_only:
            return
        name = self._name(rep_id)
        quadrant = quadrant_of(skill, motivation)
        op = operation(offsite_id, rep_id, skill, motivation,
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
        """Arrow keys: consecutive nudges of one rep are one undo step."""
        current = self.data.current.get(rep_id)
        if current is None:
            return
        skill, motivation = nudge(current.skill, current.motivation, dx, dy)
        if (skill, motivation) != (current.skill, current.motivation):
            self.place(rep_id, skill, motivation, text=f"Nudge {self._name(rep_id)}",
                       operation=NudgeRep)

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
        placement = self.data.current.get(rep_id) if rep_id is not None else None
        self.notes.show_rep(
            self._name(rep_id) if rep_id is not None else None,
            self.data.rep_notes.get(rep_id, "") if rep_id is not None else "",
            placement is not None,
            not self.context.read_only and self.data.offsite_id is not None,
            placement.quadrant if placement else None)
        self.notes.show_care_plan(self.data.quadrant_notes)

    def _commit_rep_note(self) -> None:
        rep_id = self.selected_rep()
        offsite_id = self.data.offsite_id
        if rep_id is None or offsite_id is None or rep_id not in self.data.current:
            return
        text = clean_block(self.notes.rep_note.text(), REP_NOTE_MAX)
        if text == (self.data.rep_notes.get(rep_id) or ""):
            return
        self._run(SetRepNote(offsite_id, rep_id, text, text=f"Note on {self._name(rep_id)}"),
                  "Saving the note")

    def set_rep_note(self, rep_id: int, text: str) -> None:
        self.select_rep(rep_id)
        self.notes.rep_note.setText(text)
        self._commit_rep_note()

    def _commit_care_plan(self, text: str) -> None:
        offsite_id = self.data.offsite_id
        if offsite_id is None or self.context.read_only:
            return
        quadrant = self.notes.care_quadrant()
        if clean_block(text) == self.data.quadrant_notes.get(quadrant, ""):
            return
        self._run(SetQuadrantNote(offsite_id, quadrant, text,
                                  text=f"Care plan: {quadrant.label}"), "Saving the care plan")

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
        self._update_projector()
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


def _soon(parent: QWidget, slot: Callable[[], None]) -> QTimer:
    """A 0-ms single-shot timer: started many times in a turn, ``slot`` runs once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


def _load_notes(store: OffsiteStore, offsite_id: int) -> tuple[dict[int, str],
                                                               dict[Quadrant, str]]:
    """Rep notes and care plans of one offsite, as ``load_board`` reads them."""
    rep_notes = {
        person_id: note for person_id, note in store.session.execute(
            select(Placement.person_id, Placement.note).where(
                Placement.offsite_id == offsite_id, Placement.note.is_not(None)))
        if note
    }
    quadrant_notes: dict[Quadrant, str] = {}
    for quadrant, note in store.session.execute(
            select(QuadrantNote.quadrant, QuadrantNote.note).where(
                QuadrantNote.offsite_id == offsite_id)):
        try:
            quadrant_notes[Quadrant(quadrant)] = note or ""
        except ValueError:
            continue  # a quadrant name from a newer Keeper: ignore it
    return rep_notes, quadrant_notes


__all__ = ["PlacementPreview", "QuadrantView", "share_text"]
