from __future__ import annotations

from keeper.agenda.projector import projector_screen, wants_full_screen


def pick(screens: list[str], control: str | None, preferred: str | None = None) -> str | None:
    return projector_screen(screens, control, preferred, name=lambda s: s)


def test_the_projector_is_the_screen_that_is_not_the_laptop() -> None:
    assert pick(["LAPTOP", "PROJECTOR"], "LAPTOP") == "PROJECTOR"
    assert pick(["PROJECTOR", "LAPTOP"], "LAPTOP") == "PROJECTOR"


def test_the_keepers_choice_wins_while_that_screen_is_there() -> None:
    assert pick(["LAPTOP", "PROJECTOR"], "LAPTOP", "LAPTOP") == "LAPTOP"
    assert pick(["LAPTOP"], "LAPTOP", "PROJECTOR") == "LAPTOP"  # unplugged: back to the laptop


def test_one_screen_or_none() -> None:
    assert pick(["LAPTOP"], "LAPTOP") == "LAPTOP"
    assert pick(["LAPTOP"], None) == "LAPTOP"  # the control window's screen is gone
    assert pick([], "LAPTOP") is None


def test_full_screen_by_default_only_with_a_second_screen() -> None:
    assert wants_full_screen(2, None) and not wants_full_screen(1, None)
    assert not wants_full_screen(2, False) and wants_full_screen(1, True)
