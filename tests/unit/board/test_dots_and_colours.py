"""Dot voting refuses the dot over the limit; every author gets a colour of their own."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import delete

from keeper import board as bo
from keeper.board.colours import PALETTE, TOO_CLOSE, distance, distinct_colours
from keeper.board.tally import IdeaKind
from keeper.store.models import Attendance, Person, Role, Support
from keeper.store.offsite_file import OffsiteStore


def board(store: OffsiteStore) -> bo.BoardData:
    offsite = store.current_offsite()
    assert offsite is not None
    return bo.load_board(store.session, offsite.id)


def dot_board(store: OffsiteStore, dots: int = 3, cap: int | None = None) -> bo.BoardData:
    """Dot voting with nobody's dots placed yet."""
    data = board(store)
    with store.edit() as s:
        s.execute(delete(Support))
    bo.SetTallySettings(data.offsite_id, mode="dots", dots_per_person=dots,
                        cap_per_idea=cap).apply(store)
    return board(store)


def test_the_fourth_dot_is_refused_with_what_is_left(demo_store):
    data = dot_board(demo_store, dots=3)
    person = data.people[1]
    notes = data.notes
    for note in notes[:3]:
        bo.SetDots(data.offsite_id, person.id, 1, note_id=note.id).apply(demo_store)
    with pytest.raises(bo.BoardError) as refused:
        bo.SetDots(data.offsite_id, person.id, 1, note_id=notes[3].id).apply(demo_store)
    assert str(refused.value).startswith(f"{person.name} has 0 dots left of 3")
    after = board(demo_store)
    assert sum(s.dots for s in after.supports if s.person_id == person.id) == 3
    assert after.supporters_of(IdeaKind.NOTE, notes[3].id) == {}
    # a toggled support is a dot too
    with pytest.raises(bo.BoardError):
        bo.ToggleSupport(data.offsite_id, person.id, cluster_id=data.clusters[0].id
                         ).apply(demo_store)
    # moving a dot: off one idea, then onto another
    bo.SetDots(data.offsite_id, person.id, 0, note_id=notes[0].id).apply(demo_store)
    bo.SetDots(data.offsite_id, person.id, 1, note_id=notes[3].id).apply(demo_store)
    assert board(demo_store).supporters_of(IdeaKind.NOTE, notes[3].id) == {person.id: 1}


def test_the_cap_per_idea_is_enforced_and_a_lowered_limit_only_comes_down(demo_store):
    data = dot_board(demo_store, dots=5, cap=2)
    person, note = data.people[2].id, data.notes[0].id
    with pytest.raises(bo.BoardError, match="At most 2 dots per idea"):
        bo.SetDots(data.offsite_id, person, 3, note_id=note).apply(demo_store)
    bo.SetDots(data.offsite_id, person, 2, note_id=note).apply(demo_store)
    bo.SetDots(data.offsite_id, person, 2, note_id=data.notes[1].id).apply(demo_store)
    bo.SetTallySettings(data.offsite_id, dots_per_person=3, cap_per_idea=None).apply(demo_store)
    with pytest.raises(bo.BoardError):  # 4 placed, limit now 3: no more
        bo.SetDots(data.offsite_id, person, 3, note_id=note).apply(demo_store)
    bo.SetDots(data.offsite_id, person, 1, note_id=note).apply(demo_store)  # taking off is fine
    assert board(demo_store).supporters_of(IdeaKind.NOTE, note) == {person: 1}


def test_supporters_mode_has_no_limit(demo_store):
    data = board(demo_store)
    person = data.people[1].id
    for note in data.notes[:6]:
        if person not in data.supporters_of(IdeaKind.NOTE, note.id):
            bo.ToggleSupport(data.offsite_id, person, note_id=note.id).apply(demo_store)
    after = board(demo_store)
    assert all(person in after.supporters_of(IdeaKind.NOTE, n.id) for n in data.notes[:6])


def test_the_palette_colours_stay_apart():
    for a, b in itertools.combinations(PALETTE, 2):
        assert distance(a, b) >= TOO_CLOSE, (a, b)


def test_twelve_leaders_with_repeated_colours_get_twelve_distinct_ones():
    stored = ["#E4572E", "#17BEBB", "#FFC914", "#76B041", "#7D5BA6", "#2E86AB", "#F18F01",
              "#C73E1D"]
    people = [(i, stored[i % len(stored)]) for i in range(12)] + [(99, None), (100, "nonsense")]
    colours = distinct_colours(people)
    assert [colours[i] for i in range(8)] == [c.upper() for c in stored]  # kept when unique
    for a, b in itertools.combinations(colours.values(), 2):
        assert distance(a, b) >= TOO_CLOSE


def test_the_board_gives_twelve_attending_leaders_distinct_colours(demo_store):
    offsite = demo_store.current_offsite()
    with demo_store.edit() as s:
        for i in range(12):
            person = Person(name=f"Leader {i:02d}", role=Role.LEADER.value, active=True,
                            colour="#E4572E")
            s.add(person)
            s.flush()
            s.add(Attendance(offsite_id=offsite.id, person_id=person.id))
    data = board(demo_store)
    leaders = [p for p in data.people if p.name.startswith("Leader ")]
    assert len(leaders) == 12
    everyone = [p.colour for p in data.people]
    assert len(set(everyone[:16])) == min(16, len(everyone))
