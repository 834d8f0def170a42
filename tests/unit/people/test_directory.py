"""The people read model: frozen rows the views show, in the order they show them."""

from __future__ import annotations

import dataclasses

import pytest

from keeper.ops import SetFields
from keeper.people import directory
from keeper.store.models import Attendance, Offsite
from keeper.store.offsite_file import OffsiteStore


def test_people_by_role_then_name_and_leaders_only(demo_store: OffsiteStore) -> None:
    everyone = directory.people(demo_store)
    assert [(p.role, p.name) for p in everyone] == sorted((p.role, p.name) for p in everyone)
    leaders = directory.people(demo_store, leaders_only=True, by_name=True)
    assert leaders and all(p.role != "rep" for p in leaders)
    assert [p.name for p in leaders] == sorted(p.name for p in leaders)
    assert directory.names(demo_store) == {p.id: p.name for p in everyone}
    with pytest.raises(dataclasses.FrozenInstanceError):
        everyone[0].name = "Changed"  # type: ignore[misc]


def test_gratitude_rows_leave_out_the_keeper_and_reps(demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    attending = directory.attending(demo_store, offsite.id)
    leaders = {p.id: p for p in directory.people(demo_store, leaders_only=True)}
    keeper = next(pid for pid in attending if pid in leaders)
    SetFields(Offsite, {"id": offsite.id}, {"keeper_id": keeper}).apply(demo_store)
    SetFields(Attendance, {"offsite_id": offsite.id, "person_id": keeper},
              {"gratitude_note": "Thanks"}).apply(demo_store)
    rows = directory.gratitude_rows(demo_store, offsite.id, keeper)
    assert keeper not in {r.person_id for r in rows}
    assert {r.person_id for r in rows} == {pid for pid in attending if pid in leaders} - {keeper}
    everyone = directory.gratitude_rows(demo_store, offsite.id, None)
    assert next(r.note for r in everyone if r.person_id == keeper) == "Thanks"
