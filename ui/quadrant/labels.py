"""Qt's side of the name-placing rule in ``keeper.quadrant.labels``: points and
rectangles in, sides out (the board and the projector both use it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF

from keeper.quadrant.labels import SIDES, Box, label_offset
from keeper.quadrant.labels import place_labels as _place

__all__ = ["SIDES", "box_of", "label_rect", "place_labels"]


def label_rect(side: str, width: float, height: float, radius: float) -> QRectF:
    """The name's box for ``side``, relative to the dot's centre."""
    return QRectF(*label_offset(side, width, height, radius))


def box_of(rect: QRectF) -> Box:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def place_labels(centres: Sequence[QPointF], sizes: Sequence[tuple[float, float]],
                 radius: float, bounds: QRectF,
                 obstacles: Sequence[QRectF] = ()) -> list[str | None]:
    """A side for each label (important ones first), or ``None`` when there is no room."""
    return _place([(c.x(), c.y()) for c in centres], sizes, radius, box_of(bounds),
                  [box_of(r) for r in obstacles])
