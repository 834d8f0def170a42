"""Quadrant edits as the view runs them: arrow-key nudges merge into one undo step.

The placement itself is ``keeper.quadrant.ops.PlaceRep``; this only adds the
optional merge hook of ``ui.undo.OperationCommand`` so that holding an arrow
key on one rep is undone in one step, not one per key press.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from keeper.quadrant.ops import PlaceRep


@dataclass
class NudgeRep(PlaceRep):
    """A small keyboard move of one rep; consecutive nudges of that rep merge."""

    @property
    def merge_key(self) -> Hashable:
        return ("quadrant.nudge", self.offsite_id, self.rep_id)

    def merge(self, other: object) -> bool:
        """Take ``other``'s steps after this nudge's: redo reaches its target, undo goes
        back to where the rep was before this nudge."""
        if not isinstance(other, NudgeRep) or other.merge_key != self.merge_key:
            return False
        self.skill, self.motivation = other.skill, other.motivation
        self.absorb(other)
        return True
