"""Where to put each dot's name so that names don't cover each other or other dots."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF

SIDES = ("right", "left", "above", "below")


def label_rect(side: str, width: float, height: float, radius: float) -> QRectF:
    """The name's box for ``side``, relative to the dot's centre."""
    gap = radius + 2
    if side == "left":
        return QRectF(-gap - width, -height / 2, width, height)
    if side == "above":
        return QRectF(-width / 2, -gap - height, width, height)
    if side == "below":
        return QRectF(-width / 2, gap, width, height)
    return QRectF(gap, -height / 2, width, height)


def place_labels(centres: Sequence[QPointF], sizes: Sequence[tuple[float, float]],
                 radius: float, bounds: QRectF,
                 obstacles: Sequence[QRectF] = ()) -> list[str | None]:
    """A side for each label (in input order: put important ones first), or ``None``
    when there is no free room. Greedy, with a grid: fast enough for 500 dots."""
    cell = 80.0
    grid: dict[tuple[int, int], list[QRectF]] = {}

    def cells(rect: QRectF) -> list[tuple[int, int]]:
        return [(i, j)
                for i in range(int(rect.left() // cell), int(rect.right() // cell) + 1)
                for j in range(int(rect.top() // cell), int(rect.bottom() // cell) + 1)]

    def free(rect: QRectF) -> bool:
        return not any(other.intersects(rect) for key in cells(rect)
                       for other in grid.get(key, ()))

    def take(rect: QRectF) -> None:
        for key in cells(rect):
            grid.setdefault(key, []).append(rect)

    for rect in obstacles:
        take(rect)
    for c in centres:
        take(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius))
    result: list[str | None] = []
    for c, (width, height) in zip(centres, sizes, strict=True):
        chosen = None
        for side in SIDES:
            rect = label_rect(side, width, height, radius).translated(c)
            if bounds.contains(rect) and free(rect):
                chosen = side
                take(rect)
                break
        result.append(chosen)
    return result
