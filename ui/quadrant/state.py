"""Shows the quadrant data on the board, the Reps list, the badges and the projector.

Opening a file (or a change to people) redraws everything (``sync``). An edit of
this board re-reads only this offsite's placements and notes and redraws only the
reps that changed (``refresh``); the Shape tab and the names' layout are
recomputed once per event-loop turn however many edits came in it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from keeper.quadrant.ops import load_notes, load_placements
from keeper.quadrant.rules import Quadrant, QuadrantShares, RepPlacement, shares
from ui.quadrant.geometry import dot_colour, to_scene
from ui.quadrant.reps_tab import rep_row

if TYPE_CHECKING:
    from ui.quadrant.view import QuadrantView

log = logging.getLogger(__name__)
FULL_SYNC_ABOVE = 60  # an edit that changed more reps than this (an import) redraws all


class BoardState:
    """Keeps the view's widgets true to ``view.data``, redrawing as little as it can."""

    def __init__(self, view: QuadrantView) -> None:
        self.view = view
        self.live_quadrant: Quadrant | None = None
        # Once per event-loop turn, each in its own event: the names' layout, the Shape tab.
        self._labels_later = _soon(view, lambda: view.board.relayout())
        self._shape_later = _soon(view, self.update_shape)
        self._movement_later = _soon(view, self.update_movement)

    def in_filter(self, manager_id: int | None) -> bool:
        return self.view.toolbar.in_filter(manager_id)

    def visible_placements(self) -> list[RepPlacement]:
        return [p for p in self.view.data.current.values() if self.in_filter(p.manager_id)]

    def visible_previous(self) -> list[RepPlacement]:
        return [p for p in self.view.data.previous.values() if self.in_filter(p.manager_id)]

    def name(self, rep_id: int) -> str:
        rep = self.view.data.reps.get(rep_id)
        return rep.name if rep else f"Rep {rep_id}"

    def history_shown(self) -> bool:
        view = self.view
        return view.toolbar.history_box.isChecked() and bool(view.data.previous)

    # --- everything, or only what changed ---------------------------------------------
    def sync(self) -> None:
        """Redraw every rep (a new file, filter or history toggle)."""
        view = self.view
        data, scene = view.data, view.scene
        view.toolbar.show_history_of(data.previous_title, bool(data.previous))
        view.scene.mark_moved(None)  # a new file, filter or toggle: every name again
        history = self.history_shown()
        for rep_id in set(scene.dots) | set(scene.ghosts) | data.current.keys() \
                | data.previous.keys():
            self.sync_rep(rep_id, history)
        self.update_counts(self.visible_placements())
        view.reps.fill(data, self.in_filter)
        selected = view.selected_rep()
        if selected is not None:
            view.reps.select(selected)
        view.update_notes()
        self.update_projector()
        self.refresh_later()

    def refresh(self) -> bool:
        """After an edit of this board: re-read this offsite's placements and notes and
        redraw only the reps whose placement changed. False: reload everything."""
        view = self.view
        store, data = view.context.store, view.data
        if store is None or data.offsite_id is None:
            return False
        try:
            current = {p.rep_id: p for p in load_placements(store, data.offsite_id)}
            rep_notes, quadrant_notes = load_notes(store, data.offsite_id)
        except Exception:
            log.exception("could not re-read the quadrant board")
            return False
        changed = {rep_id for rep_id in current.keys() | data.current.keys()
                   if current.get(rep_id) != data.current.get(rep_id)}
        if any(rep_id not in data.reps for rep_id in changed):
            return False  # someone we don't know yet: people changed too
        placed_before = data.current.keys()
        data.current, data.rep_notes, data.quadrant_notes = current, rep_notes, quadrant_notes
        if not changed:
            view.update_notes()
            return True
        if len(changed) > FULL_SYNC_ABOVE:
            if current.keys() != placed_before:
                view.toolbar.fill_managers(data)
            self.sync()
            return True
        history = self.history_shown()
        for rep_id in changed:
            self.sync_rep(rep_id, history)
        view.scene.mark_moved(changed)
        if current.keys() != placed_before:
            view.toolbar.fill_managers(data)  # the teams' counts in the filter
        self.update_counts(self.visible_placements())
        self.update_rows(changed)
        view.update_notes()
        self.update_projector()
        self.refresh_later()
        return True

    def sync_rep(self, rep_id: int, history: bool) -> None:
        """One rep's dot, faded dot and arrow as the data says."""
        data, scene = self.view.data, self.view.scene
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
            visible = self.in_filter(placement.manager_id)
            dot.setVisible(visible)
            if not visible and dot.isSelected():
                dot.setSelected(False)
        before = data.previous.get(rep_id)
        if before is None:
            if rep_id in scene.ghosts:
                scene.set_history(rep_id, None, QColor(), False)
        else:
            scene.set_history(rep_id, to_scene(before.skill, before.motivation), colour,
                              history and self.in_filter(before.manager_id))

    def update_rows(self, rep_ids: set[int]) -> None:
        """The list rows of ``rep_ids``; the whole list if one appears or disappears."""
        view = self.view
        data = view.data
        for rep_id in rep_ids:
            rep = data.reps[rep_id]
            if not self.in_filter(rep.manager_id):
                continue
            row = rep_row(rep, data.current.get(rep_id), data.previous.get(rep_id))
            if row is None or not view.reps.model.update_row(row):
                selected = view.selected_rep()
                view.reps.fill(data, self.in_filter)
                if selected is not None:
                    view.reps.select(selected)
                return

    def refresh_later(self) -> None:
        """What may wait for the end of the event-loop turn, each in its own event so
        that none holds the UI thread long: names, the Shape tab's bars, its movement list."""
        self._labels_later.start()
        self._shape_later.start()
        self._movement_later.start()

    def update_shape(self) -> None:
        view = self.view
        view.shape.show_shape(
            view.data, self.visible_placements(), self.visible_previous(),
            view.toolbar.filter_name(),
            lambda m: view.manager_filter is not None and self.in_filter(m), self.name)

    def update_movement(self) -> None:
        self.view.shape.show_movement(self.view.data, self.visible_placements(),
                                      self.visible_previous(), self.name)

    def update_counts(self, placements: list[RepPlacement]) -> QuadrantShares:
        self.live_quadrant = None
        result = shares(placements)
        percentages = result.percentages()
        for quadrant, item in self.view.scene.counts.items():
            n = result.counts[quadrant]
            item.set_text(f"{n} rep{'s' if n != 1 else ''} · {percentages[quadrant]}%")
        return result

    def update_projector(self) -> None:
        view = self.view
        reps = []
        for p in self.visible_placements():
            rep = view.data.reps.get(p.rep_id)
            reps.append((p.skill, p.motivation, rep.colour if rep else None,
                         rep.name if rep else ""))
        n = len(reps)
        if view.manager_filter is None:
            title = f"Our reps by motivation and skill · {n} reps"
        else:
            title = f"One team · {n} reps"
        view.projector.set_reps(reps, title)


def _soon(parent: QWidget, slot: Callable[[], None]) -> QTimer:
    """A 0-ms single-shot timer: started many times in a turn, ``slot`` runs once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer
