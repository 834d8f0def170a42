"""Best-practice talks: which manager presents which strength, in which agenda slot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from keeper.agenda.ops import agenda_items
from keeper.day.fields import SHORT_MAX, DayError, text_or_none
from keeper.day.people import DayPerson
from keeper.ops import Composite, DeleteRows, InsertRow, Operation, SetFields
from keeper.store.models import AgendaItem, BestPractice, Offsite, Person, Role
from keeper.store.offsite_file import OffsiteStore

PRESENTER_SLOTS = 3
TALK_TITLE = "Best practice talk"


@dataclass(frozen=True)
class TalkSlot:
    """One of the best-practice talks: its agenda item and its presenter (if chosen)."""

    index: int
    agenda_item_id: int | None
    agenda_title: str | None
    agenda_minutes: int | None
    best_practice_id: int | None
    presenter_id: int | None
    presenter_name: str | None
    strength: str | None


def is_talk_title(title: str | None) -> bool:
    return (title or "").casefold().startswith(TALK_TITLE.casefold())


def talk_items(store: OffsiteStore, offsite_id: int) -> list[AgendaItem]:
    return [i for i in agenda_items(store, offsite_id) if is_talk_title(i.title)]


def presenter_history(store: OffsiteStore, offsite_id: int) -> list[tuple[int, dt.date | None]]:
    """(presenter, offsite date) of best-practice talks at offsites before this one."""
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None:
        return []
    stmt = (select(BestPractice.presenter_id, Offsite.date)
            .join(Offsite, Offsite.id == BestPractice.offsite_id)
            .where(Offsite.id != offsite_id))
    if offsite.date is not None:
        stmt = stmt.where((Offsite.date < offsite.date) | (Offsite.date.is_(None)
                                                          & (Offsite.id < offsite_id)))
    else:
        stmt = stmt.where(Offsite.id < offsite_id)
    return [(pid, date) for pid, date in store.session.execute(stmt)]


def presenter_candidates(people: Sequence[DayPerson]) -> list[DayPerson]:
    """Managers present best practices; a file without managers falls back to all but reps."""
    managers = [p for p in people if p.role == Role.MANAGER]
    return managers or [p for p in people if p.role != Role.REP]


def load_talks(store: OffsiteStore, offsite_id: int,
               people: Sequence[DayPerson] | None = None) -> list[TalkSlot]:
    names = {p.id: p.name for p in (people or [])}
    items = talk_items(store, offsite_id)
    rows = list(store.session.scalars(
        select(BestPractice).where(BestPractice.offsite_id == offsite_id)
        .order_by(BestPractice.position, BestPractice.id)))
    count = max(PRESENTER_SLOTS, len(items), max((r.position + 1 for r in rows), default=0))
    by_slot: dict[int, BestPractice] = {}
    for talk in rows:
        by_slot.setdefault(talk.position, talk)
    slots = []
    for n in range(count):
        item = items[n] if n < len(items) else None
        row = by_slot.get(n)
        presenter = row.presenter_id if row else None
        name = names.get(presenter) if presenter is not None else None
        if presenter is not None and name is None:
            person = store.session.get(Person, presenter)
            name = person.name if person else None
        slots.append(TalkSlot(
            n, item.id if item else None, item.title if item else None,
            item.planned_minutes if item else None, row.id if row else None, presenter, name,
            row.strength if row else None))
    return slots


def set_presenter(store: OffsiteStore, offsite_id: int, slot: int,
                  person_id: int | None) -> Composite:
    """Choose (or clear) the manager for talk ``slot``; the agenda item gets the presenter too."""
    talks = load_talks(store, offsite_id)
    if not 0 <= slot < len(talks):
        raise DayError(f"There is no best-practice talk {slot + 1}.")
    talk = talks[slot]
    parts: list[Operation] = []
    if person_id is not None:
        person = store.session.get(Person, person_id)
        if person is None:
            raise DayError("That person is not in this file any more.")
        for other in talks:
            if other.index != slot and other.presenter_id == person_id:
                raise DayError(f"{person.name} already presents talk {other.index + 1}; "
                               "choose a different manager so more voices are heard.")
        if talk.best_practice_id is not None:
            parts.append(SetFields(BestPractice, {"id": talk.best_practice_id},
                                   {"presenter_id": person_id,
                                    "agenda_item_id": talk.agenda_item_id}))
        else:
            parts.append(InsertRow(BestPractice, {
                "offsite_id": offsite_id, "presenter_id": person_id, "position": slot,
                "agenda_item_id": talk.agenda_item_id}))
        text = f"Choose {person.name} for talk {slot + 1}"
    else:
        if talk.best_practice_id is not None:
            parts.append(DeleteRows(BestPractice, [{"id": talk.best_practice_id}]))
        text = f"Clear presenter of talk {slot + 1}"
    if talk.agenda_item_id is not None:
        parts.append(SetFields(AgendaItem, {"id": talk.agenda_item_id},
                               {"presenter_id": person_id}))
    return Composite(parts, text)


def set_strength(store: OffsiteStore, offsite_id: int, slot: int, strength: str) -> SetFields:
    talks = load_talks(store, offsite_id)
    if not 0 <= slot < len(talks) or talks[slot].best_practice_id is None:
        raise DayError("Choose the presenter first, then the strength they present.")
    return SetFields(BestPractice, {"id": talks[slot].best_practice_id},
                     {"strength": text_or_none(strength, SHORT_MAX, block=False)},
                     f"Strength for talk {slot + 1}")
