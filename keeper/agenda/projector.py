"""Which screen is the projector, and whether the audience window goes full screen there.

Generic over the screen type (the UI passes ``QScreen``s) so the rule is tested
without a display.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

S = TypeVar("S")


def projector_screen(screens: Sequence[S], control: S | None, preferred: str | None,
                     name: Callable[[S], str]) -> S | None:
    """The screen the Keeper picked (by name) if it is there; else, with two or more
    screens, the first that is not the control window's; else the control's own screen.
    """
    if not screens:
        return None
    if preferred:
        for screen in screens:
            if name(screen) == preferred:
                return screen
    if len(screens) >= 2:
        for screen in screens:
            if screen is not control:
                return screen
    return control if control in screens else screens[0]


def wants_full_screen(screen_count: int, chosen: bool | None) -> bool:
    """Full screen as the Keeper chose, or by default whenever a second screen is there."""
    if chosen is not None:
        return chosen
    return screen_count >= 2
