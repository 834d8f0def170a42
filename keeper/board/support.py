"""Support for ideas: supporters, dots, and how the tally counts them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.loading import BoardData
from keeper.board.operation import (
    BoardError,
    BoardOperation,
    load_fresh,
    write_supports,
)
from keeper.ops import Insert, Update, table_of
from keeper.store.models import Person, Support, TallySettings


class _OneIdeaEdit(BoardOperation):
    """An edit of one person's support on one idea (a note or a cluster, never both)."""

    def __init__(
        self, offsite_id: int, person_id: int, note_id: int | None, cluster_id: int | None
    ) -> None:
        super().__init__()
        if (note_id is None) == (cluster_id is None):
            raise BoardError("Choose one note or one group.")
        self.offsite_id, self.person_id = offsite_id, person_id
        self.note_id, self.cluster_id = note_id, cluster_id

    def _support(self, dots: int = 1) -> tally.TallySupport:
        return tally.TallySupport(self.person_id, self.note_id, self.cluster_id, dots)

    def _others(self, supports: Sequence[tally.TallySupport]) -> list[tally.TallySupport]:
        """Every support but this person's on this idea."""
        idea = self._support().idea
        return [x for x in supports if not (x.person_id == self.person_id and x.idea == idea)]

    def _refuse_over_limit(
        self, s: Session, data: BoardData, after: Sequence[tally.TallySupport]
    ) -> None:
        """In dot voting, refuse a dot beyond the person's limit or the cap per idea
        (taking dots off is always allowed, even when a lowered limit is exceeded)."""
        config = data.config
        if config.mode is not tally.TallyMode.DOTS:
            return
        mine_before = sum(x.dots for x in data.supports if x.person_id == self.person_id)
        mine_after = sum(x.dots for x in after if x.person_id == self.person_id)
        if mine_after <= mine_before:
            return
        who = s.scalar(select(Person.name).where(Person.id == self.person_id)) or "This person"
        limit = config.dots_per_person
        if mine_after > limit:
            left = max(0, limit - mine_before)
            raise BoardError(
                f"{who} has {tally.support_count(left, 'dots')} left of {limit}: "
                "take a dot off another idea first, or raise the dots per person.")
        idea = self._support().idea
        on_idea = sum(x.dots for x in after
                      if x.person_id == self.person_id and x.idea == idea)
        if config.cap_per_idea is not None and on_idea > config.cap_per_idea:
            raise BoardError(
                f"At most {tally.support_count(config.cap_per_idea, 'dots')} per idea: "
                f"{who} cannot put {on_idea} on one idea.")


class ToggleSupport(_OneIdeaEdit):
    """A person supports an idea (note or cluster), or stops supporting it."""

    def __init__(
        self,
        offsite_id: int,
        person_id: int,
        *,
        note_id: int | None = None,
        cluster_id: int | None = None,
    ) -> None:
        super().__init__(offsite_id, person_id, note_id, cluster_id)
        self.added: bool | None = None
        self.text = "Change support"

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, self.offsite_id, notes=None,
                          supports=[Support.person_id == self.person_id])
        after = self._others(data.supports)
        has = len(after) != len(data.supports)
        if not has:
            after.append(self._support())
            self._refuse_over_limit(s, data, after)
        self.added = not has
        self.text = "Add support" if self.added else "Remove support"
        write_supports(self, s, self.offsite_id, data.supports, after)


class SetDots(_OneIdeaEdit):
    """Set how many dots a person puts on one idea (0 removes them).

    A dot beyond the person's limit, or beyond the cap on one idea, is refused with
    a message saying what is left; a file already over (a limit lowered after the
    vote) is reported by ``tally.validate_dot_vote`` and may only come down.
    """

    text = "Set dots"

    def __init__(
        self,
        offsite_id: int,
        person_id: int,
        dots: int,
        *,
        note_id: int | None = None,
        cluster_id: int | None = None,
    ) -> None:
        super().__init__(offsite_id, person_id, note_id, cluster_id)
        if dots < 0:
            raise BoardError("Dots cannot be negative.")
        self.dots = dots

    def _perform(self, s: Session) -> None:
        data = load_fresh(s, self.offsite_id, notes=None,
                          supports=[Support.person_id == self.person_id])
        after = self._others(data.supports)
        if self.dots:
            after.append(self._support(self.dots))
        self._refuse_over_limit(s, data, after)
        write_supports(self, s, self.offsite_id, data.supports, after)


class SetTallySettings(BoardOperation):
    """Change how support is counted (mode, dots per person, cap per idea, Keeper counted)."""

    text = "Change tally settings"
    FIELDS = ("mode", "dots_per_person", "cap_per_idea", "keeper_counted")

    def __init__(self, offsite_id: int, **values: Any) -> None:
        super().__init__()
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise BoardError(f"Unknown tally setting: {', '.join(sorted(unknown))}.")
        if "mode" in values:
            values["mode"] = tally.TallyMode(values["mode"])
        if "cap_per_idea" in values and values["cap_per_idea"] is not None:
            values["cap_per_idea"] = int(values["cap_per_idea"]) or None
        if values.get("dots_per_person", 1) < 0:
            raise BoardError("Dots per person cannot be negative.")
        self.offsite_id, self.values = offsite_id, values

    def _perform(self, s: Session) -> None:
        table = table_of(TallySettings)
        if s.get(TallySettings, self.offsite_id) is None:
            defaults = {"mode": tally.TallyMode.SUPPORTERS, "dots_per_person": 3,
                        "cap_per_idea": None, "keeper_counted": True}
            self._do(s, Insert(table, {**defaults, **self.values, "offsite_id": self.offsite_id}))
        else:
            self._do(s, Update(table, {"offsite_id": self.offsite_id}, dict(self.values)))
