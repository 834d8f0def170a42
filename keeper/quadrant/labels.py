"""Where names and count badges go on the quadrant board, so that nothing covers anything.

Plain numbers in view pixels: a box is ``(left, top, right, bottom)``. Each name
takes the first of eight places around its dot (right, left, above, below, then
the four corners) that is on the board and overlaps no dot, no other name, no
badge and none of the quadrant's own text; a name with no such place gets
``None`` and the board lists it instead. Each quadrant's count badge takes the
first of its candidate corners that no dot covers (the fewest, if all are).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

Box = tuple[float, float, float, float]  # left, top, right, bottom
Point = tuple[float, float]
SIDES = ("right", "left", "above", "below",
         "above-right", "below-right", "above-left", "below-left")
_CELL = 64.0
NEAR = 130.0  # pixels: how far from a moved dot a name with no room may find some


def label_offset(side: str, width: float, height: float, radius: float) -> tuple[float, ...]:
    """The name's box for ``side`` relative to the dot's centre: ``(dx, dy, w, h)``."""
    gap = radius + 2
    corner = radius + 1  # clear of the dot's square: other dots are squares to the rule too
    if side == "left":
        return (-gap - width, -height / 2, width, height)
    if side == "above":
        return (-width / 2, -gap - height, width, height)
    if side == "below":
        return (-width / 2, gap, width, height)
    if side == "above-right":
        return (corner, -corner - height, width, height)
    if side == "below-right":
        return (corner, corner, width, height)
    if side == "above-left":
        return (-corner - width, -corner - height, width, height)
    if side == "below-left":
        return (-corner - width, corner, width, height)
    return (gap, -height / 2, width, height)


class _Grid:
    """Taken boxes in buckets of ``_CELL`` pixels: an overlap test looks at a few."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}

    @staticmethod
    def _keys(box: Box) -> list[tuple[int, int]]:
        return [(i, j) for i in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1)
                for j in range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)]

    def take(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def count(self, box: Box) -> int:
        """How many taken boxes overlap ``box`` (each once)."""
        left, top, right, bottom = box
        seen = set()
        for i in range(int(left // _CELL), int(right // _CELL) + 1):
            for j in range(int(top // _CELL), int(bottom // _CELL) + 1):
                for o in self.cells.get((i, j), ()):
                    if o[0] < right and left < o[2] and o[1] < bottom and top < o[3]:
                        seen.add(id(o))
        return len(seen)

    def free(self, box: Box) -> bool:
        left, top, right, bottom = box
        cells = self.cells
        for i in range(int(left // _CELL), int(right // _CELL) + 1):
            for j in range(int(top // _CELL), int(bottom // _CELL) + 1):
                for o in cells.get((i, j), ()):
                    if o[0] < right and left < o[2] and o[1] < bottom and top < o[3]:
                        return False
        return True


def _dot_box(point: Point, radius: float) -> Box:
    x, y = point
    return (x - radius, y - radius, x + radius, y + radius)


def place_labels(points: Sequence[Point], sizes: Sequence[tuple[float, float]],
                 radius: float, bounds: Box, obstacles: Sequence[Box] = (),
                 first: Sequence[bool] = ()) -> list[str | None]:
    """A side of ``SIDES`` for each name (in input order), or ``None`` when there is
    no free room. Names flagged in ``first`` (the selected rep) choose first; then
    the most crowded dots (fewest free sides) before the ones with room to spare.
    Greedy over a grid: ~10 ms for 500."""
    grid = _Grid()
    for box in obstacles:
        grid.take(box)
    for point in points:
        grid.take(_dot_box(point, radius))
    b_left, b_top, b_right, b_bottom = bounds

    def boxes(index: int) -> list[tuple[str, Box]]:
        (x, y), (width, height) = points[index], sizes[index]
        result = []
        for side in SIDES:
            dx, dy, w, h = label_offset(side, width, height, radius)
            box = (x + dx, y + dy, x + dx + w, y + dy + h)
            if box[0] >= b_left and box[1] >= b_top and box[2] <= b_right \
                    and box[3] <= b_bottom:
                result.append((side, box))
        return result

    options = [boxes(i) for i in range(len(points))]
    flagged = list(first) + [False] * (len(points) - len(first))
    freedom = [sum(1 for _s, box in o if grid.free(box)) for o in options]
    order = sorted(range(len(points)), key=lambda i: (not flagged[i], freedom[i], i))
    result: list[str | None] = [None] * len(points)
    for i in order:
        for side, box in options[i]:
            if grid.free(box):
                result[i] = side
                grid.take(box)
                break
    return result


def relabel(points: Sequence[Point], sizes: Sequence[tuple[float, float]], radius: float,
            bounds: Box, obstacles: Sequence[Box], sides: Sequence[str | None],
            changed: Collection[int], first: Sequence[bool] = (),
            freed: Sequence[Point] = ()) -> list[str | None]:
    """After a few dots moved (``changed``, indices): every other name keeps its side
    while it still covers nothing; the moved names, the ones a moved dot now covers and
    the ones that had no room within ``NEAR`` of a ``freed`` point (where the moved dots
    were) are placed again, crowded first. Covers nothing, like :func:`place_labels`,
    for a fraction of its work."""
    grid = _Grid()
    for obstacle in obstacles:
        grid.take(obstacle)
    for point in points:
        grid.take(_dot_box(point, radius))
    b_left, b_top, b_right, b_bottom = bounds

    def box_of(index: int, side: str) -> Box | None:
        (x, y), (width, height) = points[index], sizes[index]
        dx, dy, w, h = label_offset(side, width, height, radius)
        box = (x + dx, y + dy, x + dx + w, y + dy + h)
        inside = box[0] >= b_left and box[1] >= b_top and box[2] <= b_right \
            and box[3] <= b_bottom
        return box if inside else None

    result: list[str | None] = list(sides)
    again = []
    for i, side in enumerate(sides):
        if side is None and i not in changed:
            x, y = points[i]
            if any(abs(x - fx) < NEAR and abs(y - fy) < NEAR for fx, fy in freed):
                again.append(i)  # room may have opened where a dot left
            continue
        box = box_of(i, side) if side is not None and i not in changed else None
        if box is not None and grid.free(box):
            grid.take(box)
        else:
            result[i] = None
            again.append(i)
    flagged = list(first) + [False] * (len(points) - len(first))
    options = {i: [(side, box) for side in SIDES if (box := box_of(i, side)) is not None]
               for i in again}
    freedom = {i: sum(1 for _s, box in options[i] if grid.free(box)) for i in again}
    for i in sorted(again, key=lambda i: (not flagged[i], freedom[i], i)):
        for side, box in options[i]:
            if grid.free(box):
                result[i] = side
                grid.take(box)
                break
    return result


def place_badges(candidates: Sequence[Sequence[Box]], points: Sequence[Point],
                 radius: float, avoid: Sequence[Box] = ()) -> list[int]:
    """For each badge, the index of the first candidate box that no dot touches and
    that covers none of ``avoid`` (the quadrants' text); else the one the fewest dots
    touch, text-free ones first."""
    grid = _Grid()
    for p in points:
        grid.take(_dot_box(p, radius))

    def cost(box: Box) -> tuple[int, int]:
        text = sum(1 for t in avoid if _overlap(box, t))
        return (text, grid.count(box))

    chosen = []
    for boxes in candidates:
        costs = [cost(b) for b in boxes]
        chosen.append(costs.index(min(costs)))
    return chosen


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
