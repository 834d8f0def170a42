"""Placement operations on a real offsite file: place, move, remove, notes, undo, history."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from keeper.quadrant.ops import (
    PlaceMany,
    PlaceRep,
    RemovePlacement,
    SetQuadrantNote,
    SetRepNote,
    load_board,
    load_placements,
)
from keeper.quadrant.rules import FlagKind, Quadrant, flags
from keeper.store.models import Offsite, Person, Placement, QuadrantNote, Role
from keeper.store.offsite_file import OffsiteStore


def _today(store: OffsiteStore) -> Offsite:
    offsite = store.current_offsite()
    assert offsite is not None
    return offsite


def _rep(store: OffsiteStore, name: str) -> Person:
    person = store.session.scalars(select(Person).where(Person.name == name)).one()
    assert person.role == Role.REP.value
    return person


def _row(store: OffsiteStore, offsite_id: int, rep_id: int) -> Placement | None:
    store.session.expire_all()
    return store.session.scalars(select(Placement).where(
        Placement.offsite_id == offsite_id, Placement.person_id == rep_id)).first()


def test_demo_board_has_every_rep_in_both_offsites(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    data = load_board(demo_store, today.id)
    reps = [p for p in demo_store.session.scalars(select(Person)) if p.role == Role.REP.value]
    assert len(data.reps) == len(reps) == 28
    assert set(data.current) == set(data.previous) == {r.id for r in reps}
    assert data.previous_offsite_id == demo_store.previous_offsite(today).id
    assert data.unplaced() == []
    assert all(rep.manager_name for rep in data.reps.values())
    assert Quadrant.BREATHERS in data.quadrant_notes


def test_movement_and_breather_flag_from_previous_offsite(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    data = load_board(demo_store, today.id)
    moves = {m.rep_id: m for m in data.movements()}
    owen = _rep(demo_store, "Owen Murphy")
    assert moves[owen.id].before is Quadrant.HIGH_HIGH
    assert not moves[owen.id].after.high_motivation
    assert moves[owen.id].dy < -0.3
    breather = [f for f in flags(data.placements(), data.previous_placements())
                if f.kind is FlagKind.BREATHER]
    assert breather and owen.id in breather[0].rep_ids


def test_movement_of_one_manager_only(demo_store: OffsiteStore) -> None:
    data = load_board(demo_store, _today(demo_store).id)
    manager_id = next(iter(data.managers))
    team = {r.id for r in data.reps.values() if r.manager_id == manager_id}
    assert {m.rep_id for m in data.movements(manager_id)} == team
    assert 0 < len(team) < len(data.reps)


def test_move_is_stored_continuously_and_undoable(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Owen Murphy")
    before = _row(demo_store, today.id, rep.id)
    old = (before.skill, before.motivation)
    op = PlaceRep(today.id, rep.id, 0.123456, 0.876543)
    op.apply(demo_store)
    row = _row(demo_store, today.id, rep.id)
    assert (row.skill, row.motivation) == (0.123456, 0.876543)
    assert load_board(demo_store, today.id).current[rep.id].quadrant is \
        Quadrant.HIGH_MOTIVATION_LOW_SKILL
    op.revert(demo_store)
    row = _row(demo_store, today.id, rep.id)
    assert (row.skill, row.motivation) == old
    op.apply(demo_store)  # redo
    assert _row(demo_store, today.id, rep.id).skill == 0.123456


def test_move_keeps_the_rep_note(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Owen Murphy")
    SetRepNote(today.id, rep.id, "Needs time off").apply(demo_store)
    PlaceRep(today.id, rep.id, 0.9, 0.9).apply(demo_store)
    assert _row(demo_store, today.id, rep.id).note == "Needs time off"


def test_place_out_of_board_is_clamped_and_nan_refused(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Owen Murphy")
    PlaceRep(today.id, rep.id, 1.7, -3).apply(demo_store)
    row = _row(demo_store, today.id, rep.id)
    assert (row.skill, row.motivation) == (1.0, 0.0)
    with pytest.raises(ValueError):
        PlaceRep(today.id, rep.id, math.nan, 0.5)
    with pytest.raises(ValueError):
        PlaceRep(today.id, rep.id, 0.5, math.inf)


def test_remove_and_place_again_then_undo_both(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Chloe Martin")
    SetRepNote(today.id, rep.id, "Talk on Monday").apply(demo_store)
    original = _row(demo_store, today.id, rep.id)
    original_values = (original.skill, original.motivation)
    remove = RemovePlacement(today.id, rep.id)
    remove.apply(demo_store)
    assert _row(demo_store, today.id, rep.id) is None
    assert rep.id in {r.id for r in load_board(demo_store, today.id).unplaced()}
    place = PlaceRep(today.id, rep.id, 0.5, 0.5)
    place.apply(demo_store)
    assert _row(demo_store, today.id, rep.id).note is None
    place.revert(demo_store)
    assert _row(demo_store, today.id, rep.id) is None
    remove.revert(demo_store)
    row = _row(demo_store, today.id, rep.id)
    assert (row.skill, row.motivation) == original_values
    assert row.note == "Talk on Monday"


def test_rep_note_cleaned_and_undoable(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Owen Murphy")
    op = SetRepNote(today.id, rep.id, "  burned\x00 out 🔥  \u202eRTL\n" + "x" * 5000)
    op.apply(demo_store)
    note = _row(demo_store, today.id, rep.id).note
    assert note.startswith("burned out 🔥")
    assert "\x00" not in note and len(note) <= 500
    op.revert(demo_store)
    assert _row(demo_store, today.id, rep.id).note is None
    SetRepNote(today.id, rep.id, "x").apply(demo_store)
    SetRepNote(today.id, rep.id, "   ").apply(demo_store)
    assert _row(demo_store, today.id, rep.id).note is None


def test_rep_note_needs_a_placement(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    rep = _rep(demo_store, "Owen Murphy")
    RemovePlacement(today.id, rep.id).apply(demo_store)
    with pytest.raises(ValueError):
        SetRepNote(today.id, rep.id, "hello").apply(demo_store)


def test_quadrant_note_create_update_undo(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)

    def note(q: Quadrant) -> str | None:
        demo_store.session.expire_all()
        row = demo_store.session.get(QuadrantNote, (today.id, q.value))
        return row.note if row else None

    assert note(Quadrant.HIGH_HIGH) is None
    create = SetQuadrantNote(today.id, Quadrant.HIGH_HIGH, "Promotion path by Q2")
    create.apply(demo_store)
    assert load_board(demo_store, today.id).quadrant_notes[Quadrant.HIGH_HIGH] == \
        "Promotion path by Q2"
    edit = SetQuadrantNote(today.id, Quadrant.HIGH_HIGH, "=cmd|' /C calc'!A0")
    edit.apply(demo_store)
    assert note(Quadrant.HIGH_HIGH) == "=cmd|' /C calc'!A0"  # stored as text, never evaluated
    edit.revert(demo_store)
    assert note(Quadrant.HIGH_HIGH) == "Promotion path by Q2"
    create.revert(demo_store)
    assert note(Quadrant.HIGH_HIGH) is None
    old = note(Quadrant.BREATHERS)
    change = SetQuadrantNote(today.id, Quadrant.BREATHERS, "Time off")
    change.apply(demo_store)
    change.revert(demo_store)
    assert note(Quadrant.BREATHERS) == old


def test_place_many_is_one_transaction_and_undoable(demo_store: OffsiteStore) -> None:
    today = _today(demo_store)
    owen, chloe = _rep(demo_store, "Owen Murphy"), _rep(demo_store, "Chloe Martin")
    RemovePlacement(today.id, chloe.id).apply(demo_store)
    before = {p.rep_id: p for p in load_placements(demo_store, today.id)}
    op = PlaceMany(today.id, {owen.id: (0.1, 0.2, None), chloe.id: (0.3, 0.4, "imported")})
    op.apply(demo_store)
    after = {p.rep_id: p for p in load_placements(demo_store, today.id)}
    assert (after[owen.id].skill, after[chloe.id].motivation) == (0.1, 0.4)
    assert _row(demo_store, today.id, chloe.id).note == "imported"
    op.revert(demo_store)
    again = {p.rep_id: p for p in load_placements(demo_store, today.id)}
    assert again == before
    # A failing write leaves nothing behind.
    bad = PlaceMany(today.id, {owen.id: (0.9, 0.9, None), 999_999: (0.5, 0.5, None)})
    with pytest.raises(Exception):  # noqa: B017 - the foreign key refuses the unknown rep
        bad.apply(demo_store)
    assert {p.rep_id: p for p in load_placements(demo_store, today.id)} == before


def test_board_of_an_offsite_without_placements(demo_store: OffsiteStore) -> None:
    data = load_board(demo_store, None)
    assert data.current == {} and data.reps == {}
    today = _today(demo_store)
    for rep_id in list(load_board(demo_store, today.id).current):
        RemovePlacement(today.id, rep_id).apply(demo_store)
    data = load_board(demo_store, today.id)
    assert data.current == {} and len(data.unplaced()) == 28
    assert all(m.is_gone for m in data.movements())
