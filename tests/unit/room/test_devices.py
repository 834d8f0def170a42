"""The room's passes without a server: one name, one phone, unless the Keeper allows."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from keeper.clock import FakeClock
from ui.room.devices import CODE_ALPHABET, CODE_LENGTH, Room, new_code


def test_phones_picking_one_name_at_once_let_only_one_in(clock: FakeClock) -> None:
    room = Room(clock, code="K3XA")
    with ThreadPoolExecutor(8) as pool:
        devices = list(pool.map(lambda n: room.claim(7, "Priya Raman", f"10.0.0.{n}"),
                                range(40)))
    assert sum(d.admitted for d in devices) == 1
    assert len(room.devices()) == 40


def test_room_codes_are_four_unmistakable_characters() -> None:
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL2Z5S8B") & set(CODE_ALPHABET)
    assert len(codes) > 150  # random, not a sequence
