"""Reflections (one or two a person) and gratitude notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from keeper.day.edits import PutRow, Staged
from keeper.day.fields import TEXT_MAX, DayError, required_text, text_or_none
from keeper.ops import DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import Attendance, Reflection
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_block

REFLECTIONS_MAX = 2


@dataclass(frozen=True)
class ReflectionRow:
    id: int
    person_id: int
    position: int
    text: str


def load_reflections(store: OffsiteStore, offsite_id: int) -> dict[int, list[ReflectionRow]]:
    """Each person's reflections, in order."""
    reflections: dict[int, list[ReflectionRow]] = {}
    for r in store.session.scalars(select(Reflection).where(Reflection.offsite_id == offsite_id)
                                   .order_by(Reflection.position, Reflection.id)):
        reflections.setdefault(r.person_id, []).append(
            ReflectionRow(r.id, r.person_id, r.position, r.text))
    return reflections


def load_gratitude(store: OffsiteStore, offsite_id: int) -> dict[int, str]:
    """Each attendee's gratitude note (those who wrote one)."""
    return {pid: note for pid, note in store.session.execute(
        select(Attendance.person_id, Attendance.gratitude_note)
        .where(Attendance.offsite_id == offsite_id)) if note}


def add_reflection(store: OffsiteStore, offsite_id: int, person_id: int, text: str) -> InsertRow:
    clean = required_text(text, TEXT_MAX, "Type the reflection first.")
    existing = list(store.session.scalars(select(Reflection.position).where(
        Reflection.offsite_id == offsite_id, Reflection.person_id == person_id)))
    if len(existing) >= REFLECTIONS_MAX:
        raise DayError(f"Each person shares one or two reflections; edit one of the "
                       f"{len(existing)} instead.")
    return InsertRow(Reflection, {"offsite_id": offsite_id, "person_id": person_id,
                                  "position": max(existing, default=-1) + 1, "text": clean},
                     "Add reflection")


def edit_reflection(reflection_id: int, text: str) -> Operation:
    clean = clean_block(text, TEXT_MAX)
    if not clean:
        return DeleteRows(Reflection, [{"id": reflection_id}], "Delete reflection")
    return SetFields(Reflection, {"id": reflection_id}, {"text": clean}, "Edit reflection")


def delete_reflection(reflection_id: int) -> DeleteRows:
    return DeleteRows(Reflection, [{"id": reflection_id}], "Delete reflection")


@dataclass
class SetReflections(Staged):
    """One person's reflections (at most two, in order) and gratitude note, as one undo step.

    Empty texts are dropped; ``gratitude=None`` leaves the note alone.
    """

    offsite_id: int = 0
    person_id: int = 0
    texts: list[str] = field(default_factory=list)
    gratitude: str | None = None
    text: str = "Reflections and gratitude"

    def plan(self, store: OffsiteStore, run: Any) -> None:
        wanted = [t for t in (clean_block(x, TEXT_MAX) for x in self.texts) if t]
        if len(wanted) > REFLECTIONS_MAX:
            raise DayError(f"Each person shares one or two reflections, not {len(wanted)}.")
        existing = list(store.session.scalars(
            select(Reflection).where(Reflection.offsite_id == self.offsite_id,
                                     Reflection.person_id == self.person_id)
            .order_by(Reflection.position, Reflection.id)))
        for n, old in enumerate(existing):
            if n >= len(wanted):
                run(delete_reflection(old.id))
            elif old.text != wanted[n] or old.position != n:
                run(SetFields(Reflection, {"id": old.id}, {"text": wanted[n], "position": n}))
        for n in range(len(existing), len(wanted)):
            run(InsertRow(Reflection, {"offsite_id": self.offsite_id,
                                       "person_id": self.person_id, "position": n,
                                       "text": wanted[n]}))
        if self.gratitude is not None:
            note = text_or_none(self.gratitude, TEXT_MAX)
            row = store.session.get(Attendance, (self.offsite_id, self.person_id))
            if row is None or (row.gratitude_note or None) != note:
                run(set_gratitude(self.offsite_id, self.person_id, note))


def set_reflections(offsite_id: int, person_id: int, texts: Sequence[str],
                    gratitude: str | None = None, name: str = "") -> SetReflections:
    label = f"Reflections and gratitude for {name}" if name else "Reflections and gratitude"
    return SetReflections(offsite_id=offsite_id, person_id=person_id, texts=list(texts),
                          gratitude=gratitude, text=label)


def set_gratitude(offsite_id: int, person_id: int, note: str | None) -> PutRow:
    return PutRow(Attendance, {"offsite_id": offsite_id, "person_id": person_id},
                  {"gratitude_note": text_or_none(note, TEXT_MAX)}, "Edit gratitude note")
