"""Shows the quadrant data on the board, the Reps list, the badges and the projector.

Opening a file (or a change to people) redraws everything (``sync``). An edit of
this board re-reads only this offsite's placements and notes and redraws only the
reps that changed (``refresh``); the Shape tab and the names' layout are
recomputed once per event-loop turn however many edits came in it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from keeper.changes import Changes
from keeper.quadrant.ops import load_quadrant_notes, read_placements
from keeper.quadrant.rules import Movement, Quadrant, RepPlacement, movements, whole_percentages
from ui.quadrant.geometry import dot_colour, to_scene
from ui.quadrant.reps_tab import rep_row

if TYPE_CHECKING:
    from ui.quadrant.view import QuadrantView

log = logging.getLogger(__name__)
FULL_SYNC_ABOVE = 60  # an edit that changed more reps than this (an import) redraws all
PATCHABLE = {"placement", "quadrant_note"}  # an edit writing only these: read just its rows


class _Unpatchable(Exception):
    """The edit's rows cannot be patched in: read the whole board."""


class BoardState:
    """Keeps the view's widgets true to ``view.data``, redrawing as little as it can."""

    def __init__(self, view: QuadrantView) -> None:
        self.view = view
        self.live_quadrant: Quadrant | None = None
        self._quadrant_of: dict[int, Quadrant] = {}  # the shown reps' quadrants, and counts
        self._counts: Counter[Quadrant] = Counter()
        self._touched: set[int] = set()  # the reps whose rows the last edit read again
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
        self.recount()
        view.reps.fill(data, self.in_filter)
        selected = view.selected_rep()
        if selected is not None:
            view.reps.select(selected)
        view.update_notes()
        self.update_projector()
        self.refresh_later()

    def refresh(self, changes: Changes | None = None) -> bool:
        """After an edit of this board: read the placements it wrote (or, when it does not
        say, all of this offsite's) and redraw only the reps whose placement changed.
        False: reload everything."""
        view = self.view
        store, data = view.context.store, view.data
        if store is None or data.offsite_id is None:
            return False
        rows = changes.rows if changes is not None else None
        patched = rows is not None and {table for table, _id in rows} <= PATCHABLE
        try:
            if patched:
                assert changes is not None
                current, placement_ids, rep_notes = self._patched(changes.rows_of("placement"))
                if changes.rows_of("quadrant_note"):
                    data.quadrant_notes = load_quadrant_notes(store, data.offsite_id)
            else:
                read = read_placements(store, data.offsite_id)
                current = {r.rep_id: r.placement for r in read if r.placement is not None}
                placement_ids = {r.id: r.rep_id for r in read}
                rep_notes = {r.rep_id: r.note for r in read if r.note}
                data.quadrant_notes = load_quadrant_notes(store, data.offsite_id)
        except _Unpatchable:
            return False
        except Exception:
            log.exception("could not re-read the quadrant board")
            return False
        touched = self._touched if patched else current.keys() | data.current.keys()
        changed = {rep_id for rep_id in touched
                   if current.get(rep_id) != data.current.get(rep_id)}
        if any(rep_id not in data.reps for rep_id in changed):
            return False  # someone we don't know yet: people changed too
        placed_changed = current.keys() != data.current.keys()
        # The Shape tab shows quadrants only (shares, teams, flags): a move within one
        # quadrant leaves it as it is.
        regrouped = any(_quadrant(current.get(r)) is not _quadrant(data.current.get(r))
                        for r in changed)
        data.current, data.placement_ids, data.rep_notes = current, placement_ids, rep_notes
        if not changed:
            view.update_notes()
            return True
        if len(changed) > FULL_SYNC_ABOVE:
            if placed_changed:
                view.toolbar.fill_managers(data)
            self.sync()
            return True
        history = self.history_shown()
        for rep_id in changed:
            self.sync_rep(rep_id, history)
            self._count(rep_id)
        view.scene.mark_moved(changed)
        if placed_changed:
            view.toolbar.fill_managers(data)  # the teams' counts in the filter
        self.show_counts(self._counts)
        self.update_rows(changed)
        view.update_notes()
        self.update_projector()
        self.movement_changed(changed)
        self._labels_later.start()
        if regrouped:
            self._shape_later.start()
        return True

    def _patched(self, ids: set[int]) -> tuple[dict[int, RepPlacement], dict[int, int],
                                                dict[int, str]]:
        """This offsite's placements, notes and row ids with the rows ``ids`` read again
        (copies: the view's data changes only once the edit is known to be whole)."""
        data = self.view.data
        store = self.view.context.store
        assert store is not None and data.offsite_id is not None
        current, placement_ids = dict(data.current), dict(data.placement_ids)
        rep_notes = dict(data.rep_notes)
        self._touched = set()
        found = {r.id: r for r in read_placements(store, ids=ids)} if ids else {}
        for row_id in ids:
            row = found.get(row_id)
            if row is None:  # taken off the board (or a row of another offsite, gone)
                rep_id = placement_ids.pop(row_id, None)
                if rep_id is not None:
                    current.pop(rep_id, None)
                    rep_notes.pop(rep_id, None)
                    self._touched.add(rep_id)
                continue
            if row.offsite_id != data.offsite_id:
                if row.offsite_id == data.previous_offsite_id:
                    raise _Unpatchable  # the last offsite's board changed: read it all
                continue
            placement_ids[row_id] = row.rep_id
            self._touched.add(row.rep_id)
            if row.placement is None:
                current.pop(row.rep_id, None)
            else:
                current[row.rep_id] = row.placement
            if row.note:
                rep_notes[row.rep_id] = row.note
            else:
                rep_notes.pop(row.rep_id, None)
        return current, placement_ids, rep_notes

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

    def movement_changed(self, rep_ids: set[int]) -> None:
        """The movement rows of ``rep_ids`` only (the list is whole already)."""
        data = self.view.data
        if not data.previous_offsite_id or self._movement_later.isActive():
            return  # no list of moves, or a whole new list is on its way
        moves: dict[int, Movement | None] = {}
        for rep_id in rep_ids:
            before, now = data.previous.get(rep_id), data.current.get(rep_id)
            found = movements([before] if before and self.in_filter(before.manager_id) else [],
                              [now] if now and self.in_filter(now.manager_id) else [])
            moves[rep_id] = found[0] if found else None
        self.view.shape.patch_movement(moves, self.name)

    def update_movement(self) -> None:
        self.view.shape.show_movement(self.view.data, self.visible_placements(),
                                      self.visible_previous(), self.name)

    def recount(self) -> None:
        """Count the shown reps per quadrant afresh (a new file, filter or toggle)."""
        self._quadrant_of = {p.rep_id: p.quadrant for p in self.visible_placements()}
        self._counts = Counter(self._quadrant_of.values())
        self.show_counts(self._counts)

    def _count(self, rep_id: int) -> None:
        """Move one rep's tally to the quadrant they are in now (or off the board)."""
        before = self._quadrant_of.pop(rep_id, None)
        if before is not None:
            self._counts[before] -= 1
        placement = self.view.data.current.get(rep_id)
        if placement is not None and self.in_filter(placement.manager_id):
            self._quadrant_of[rep_id] = placement.quadrant
            self._counts[placement.quadrant] += 1

    def counts_with(self, rep_id: int, quadrant: Quadrant) -> Counter[Quadrant]:
        """The counts were ``rep_id`` in ``quadrant`` (a dot being dragged)."""
        counts = Counter(self._counts)
        before = self._quadrant_of.get(rep_id)
        if before is not None:
            counts[before] -= 1
            counts[quadrant] += 1
        return counts

    def show_counts(self, counts: Mapping[Quadrant, int]) -> None:
        self.live_quadrant = None
        percentages = whole_percentages({q: counts.get(q, 0) for q in Quadrant})
        for quadrant, item in self.view.scene.counts.items():
            n = counts.get(quadrant, 0)
            item.set_text(f"{n} rep{'s' if n != 1 else ''} · {percentages[quadrant]}%")

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


def _quadrant(placement: RepPlacement | None) -> Quadrant | None:
    return placement.quadrant if placement is not None else None


def _soon(parent: QWidget, slot: Callable[[], None]) -> QTimer:
    """A 0-ms single-shot timer: started many times in a turn, ``slot`` runs once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer
