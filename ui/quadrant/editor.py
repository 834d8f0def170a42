"""The quadrant board's edits: place, drag, nudge, take off, notes and care plans.

Each edit is a ``keeper.quadrant.ops`` operation run through ``context.run``; the
view then refreshes from the one data-changed signal. A failed edit is said in a
message and the board is reloaded, so it never shows what was not stored.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from keeper.quadrant.ops import (
    REP_NOTE_MAX,
    PlaceRep,
    RemovePlacement,
    SetQuadrantNote,
    SetRepNote,
)
from keeper.quadrant.rules import nudge, quadrant_of
from keeper.text import clean_block
from ui.quadrant.edits import NudgeRep

if TYPE_CHECKING:
    from ui.quadrant.view import QuadrantView

log = logging.getLogger(__name__)


class QuadrantEditor:
    """Turns the Keeper's drags, keys and typing into stored, undoable edits."""

    def __init__(self, view: QuadrantView) -> None:
        self.view = view

    def run(self, operation: object, what: str) -> bool:
        view = self.view
        try:
            view.context.run(operation)  # type: ignore[arg-type]
        except Exception as exc:  # read-only file, a locked disk: say so, keep the board true
            log.exception("quadrant edit failed")
            QMessageBox.warning(view, what, f"{what} failed: {exc}")
            view.reload()
            return False
        return True

    def place(self, rep_id: int, skill: float, motivation: float, text: str | None = None,
              operation: type[PlaceRep] = PlaceRep) -> None:
        view = self.view
        offsite_id = view.data.offsite_id
        if offsite_id is None or view.context.read_only:
            return
        quadrant = quadrant_of(skill, motivation)
        op = operation(offsite_id, rep_id, skill, motivation,
                       text=text or f"Move {view.state.name(rep_id)} to {quadrant.label}")
        if self.run(op, "Placing a rep"):
            view.select_rep(rep_id)

    def live_move(self, rep_id: int, skill: float, motivation: float) -> None:
        """While dragging: the quadrant counts follow the dot (nothing is stored yet)."""
        state = self.view.state
        current = self.view.data.current.get(rep_id)
        if current is None:
            return
        quadrant = quadrant_of(skill, motivation)
        if quadrant is state.live_quadrant:
            return  # same quadrant as the last frame: the counts are right already
        state.show_counts(state.counts_with(rep_id, quadrant))
        state.live_quadrant = quadrant

    def nudge(self, rep_id: int, dx: float, dy: float) -> None:
        """Arrow keys: consecutive nudges of one rep are one undo step."""
        current = self.view.data.current.get(rep_id)
        if current is None:
            return
        skill, motivation = nudge(current.skill, current.motivation, dx, dy)
        if (skill, motivation) != (current.skill, current.motivation):
            self.place(rep_id, skill, motivation,
                       text=f"Nudge {self.view.state.name(rep_id)}", operation=NudgeRep)

    def remove(self, rep_id: int | None) -> None:
        data = self.view.data
        if rep_id is None or data.offsite_id is None or rep_id not in data.current:
            return
        self.run(RemovePlacement(data.offsite_id, rep_id,
                                 text=f"Take {self.view.state.name(rep_id)} off the board"),
                 "Taking a rep off the board")

    def place_selected(self) -> None:
        view = self.view
        rep_id = view.selected_rep()
        if rep_id is None or rep_id in view.data.current:
            if rep_id is not None:
                view.select_rep(rep_id)
                view.board.setFocus()
            return
        self.place(rep_id, 0.5, 0.5, text=f"Place {view.state.name(rep_id)}")
        view.board.setFocus()

    def commit_rep_note(self) -> None:
        view = self.view
        rep_id = view.selected_rep()
        offsite_id = view.data.offsite_id
        if rep_id is None or offsite_id is None or rep_id not in view.data.current:
            return
        text = clean_block(view.notes.rep_note.text(), REP_NOTE_MAX)
        if text == (view.data.rep_notes.get(rep_id) or ""):
            return
        self.run(SetRepNote(offsite_id, rep_id, text,
                            text=f"Note on {view.state.name(rep_id)}"), "Saving the note")

    def commit_care_plan(self, text: str) -> None:
        view = self.view
        offsite_id = view.data.offsite_id
        if offsite_id is None or view.context.read_only:
            return
        quadrant = view.notes.care_quadrant()
        if clean_block(text) == view.data.quadrant_notes.get(quadrant, ""):
            return
        self.run(SetQuadrantNote(offsite_id, quadrant, text,
                                 text=f"Care plan: {quadrant.label}"), "Saving the care plan")
