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
GridKey = tuple[str, int]  # (what: wall, dot or name; which: a number, a dot's key)
SIDES = ("right", "left", "above", "below",
         "above-right", "below-right", "above-left", "below-left")
_CELL = 64.0


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
    """Taken boxes, each under a key, in buckets of ``_CELL`` pixels: an overlap test
    looks at a few, and one key's box can be dropped again (a dot that moved)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], dict[GridKey, Box]] = {}
        self.boxes: dict[GridKey, Box] = {}

    @staticmethod
    def _keys(box: Box) -> list[tuple[int, int]]:
        return [(i, j) for i in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1)
                for j in range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)]

    def take(self, key: GridKey, box: Box) -> None:
        self.drop(key)
        self.boxes[key] = box
        for cell in self._keys(box):
            self.cells.setdefault(cell, {})[key] = box

    def drop(self, key: GridKey) -> None:
        box = self.boxes.pop(key, None)
        if box is not None:
            for cell in self._keys(box):
                del self.cells[cell][key]

    def hits(self, box: Box) -> set[GridKey]:
        """The keys whose boxes overlap ``box``."""
        left, top, right, bottom = box
        found = set()
        for i in range(int(left // _CELL), int(right // _CELL) + 1):
            for j in range(int(top // _CELL), int(bottom // _CELL) + 1):
                for key, o in self.cells.get((i, j), {}).items():
                    if o[0] < right and left < o[2] and o[1] < bottom and top < o[3]:
                        found.add(key)
        return found

    def free(self, box: Box) -> bool:
        left, top, right, bottom = box
        cells = self.cells
        for i in range(int(left // _CELL), int(right // _CELL) + 1):
            for j in range(int(top // _CELL), int(bottom // _CELL) + 1):
                cell = cells.get((i, j))
                if cell:
                    for o in cell.values():
                        if o[0] < right and left < o[2] and o[1] < bottom and top < o[3]:
                            return False
        return True


def _dot_box(point: Point, radius: float) -> Box:
    x, y = point
    return (x - radius, y - radius, x + radius, y + radius)


NAME, DOT = "name", "dot"  # the kinds of key in a layout's grid, besides obstacles


class LabelLayout:
    """The names around the dots, kept between edits so that one dot's move costs work
    near that dot only (:meth:`move`), not a new layout of every name."""

    def __init__(self, radius: float, bounds: Box, obstacles: Sequence[Box] = ()) -> None:
        self.radius = radius
        self.bounds = bounds
        self.grid = _Grid()
        self._walls = 0
        self.add_walls(obstacles)
        self.points: dict[int, Point] = {}
        self.sizes: dict[int, tuple[float, float]] = {}
        self.sides: dict[int, str | None] = {}
        self.unplaced: set[int] = set()  # names with no room
        self._rank: dict[int, int] = {}  # ties go in the order the dots came

    def add_walls(self, boxes: Sequence[Box]) -> None:
        """Boxes no name may cover (badges, the quadrants' text)."""
        for box in boxes:
            self._walls += 1
            self.grid.take(("wall", self._walls), box)

    def add_dots(self, dots: Sequence[tuple[int, Point, tuple[float, float]]]) -> None:
        """Dots (key, centre, name's size) whose names :meth:`place_all` will place."""
        for key, point, size in dots:
            self._add(key, point, size)

    def place_all(self, dots: Sequence[tuple[int, Point, tuple[float, float]]] = (),
                  first: Collection[int] = ()) -> dict[int, str | None]:
        """Add ``dots``, then lay out every name afresh: ``first`` (the selected rep)
        chooses first, then the most crowded dots (fewest free sides) before the ones
        with room to spare."""
        self.add_dots(dots)
        self._place(list(self.points), first)
        return self.sides

    def move(self, key: int, point: Point | None, size: tuple[float, float] = (0, 0),
             first: bool = False) -> set[int]:
        """``key``'s dot moved to ``point`` (``None``: it left the board). Every other name
        keeps its side while it covers nothing; the moved name, the ones its dot now covers
        and the ones with no room that could use the room its dot or a name left are
        placed again.
        Returns the keys whose side may have changed."""
        self.points.pop(key, None)
        grid = self.grid
        freed = [box for box in (grid.boxes.get((DOT, key)), grid.boxes.get((NAME, key)))
                 if box is not None]
        grid.drop((DOT, key))
        grid.drop((NAME, key))
        self.sides.pop(key, None)
        self.unplaced.discard(key)
        again: set[int] = set()
        if point is not None:
            self._add(key, point, size)
            again.add(key)
            for hit in grid.hits(_dot_box(point, self.radius)):
                if hit[0] == NAME:
                    freed.append(grid.boxes[hit])
                    grid.drop(hit)
                    again.add(hit[1])
        reach = self.radius + 2
        for other in self.unplaced:  # room may have opened where a box left
            (x, y), (width, height) = self.points[other], self.sizes[other]
            around = (x - reach - width, y - reach - height, x + reach + width,
                      y + reach + height)
            if any(_overlap(around, box) for box in freed):
                again.add(other)
        self._place(list(again), {key} if first else ())
        return again | {key}

    def badges(self, candidates: Sequence[Sequence[Box]], avoid: Sequence[Box] = ()) -> list[int]:
        """For each badge, the index of the first candidate box that no dot touches and
        that covers none of ``avoid`` (the quadrants' text); else the one the fewest dots
        touch, text-free ones first."""
        def cost(box: Box) -> tuple[int, int]:
            text = sum(1 for t in avoid if _overlap(box, t))
            return (text, sum(1 for hit in self.grid.hits(box) if hit[0] == DOT))

        chosen = []
        for boxes in candidates:
            costs = [cost(b) for b in boxes]
            chosen.append(costs.index(min(costs)))
        return chosen

    def _add(self, key: int, point: Point, size: tuple[float, float]) -> None:
        self.points[key], self.sizes[key] = point, size
        self._rank.setdefault(key, len(self._rank))
        self.grid.take((DOT, key), _dot_box(point, self.radius))

    def _options(self, key: int) -> list[tuple[str, Box]]:
        (x, y), (width, height) = self.points[key], self.sizes[key]
        b_left, b_top, b_right, b_bottom = self.bounds
        result = []
        for side in SIDES:
            dx, dy, w, h = label_offset(side, width, height, self.radius)
            box = (x + dx, y + dy, x + dx + w, y + dy + h)
            if box[0] >= b_left and box[1] >= b_top and box[2] <= b_right \
                    and box[3] <= b_bottom:
                result.append((side, box))
        return result

    def _place(self, keys: Sequence[int], first: Collection[int]) -> None:
        grid = self.grid
        options = {key: self._options(key) for key in keys}
        freedom = {key: sum(1 for _s, box in options[key] if grid.free(box)) for key in keys}
        for key in sorted(keys, key=lambda k: (k not in first, freedom[k], self._rank[k])):
            self.sides[key] = None
            self.unplaced.add(key)
            for side, box in options[key]:
                if grid.free(box):
                    self.sides[key] = side
                    self.unplaced.discard(key)
                    grid.take((NAME, key), box)
                    break


def place_labels(points: Sequence[Point], sizes: Sequence[tuple[float, float]],
                 radius: float, bounds: Box, obstacles: Sequence[Box] = (),
                 first: Sequence[bool] = ()) -> list[str | None]:
    """A side of ``SIDES`` for each name (in input order), or ``None`` when there is
    no free room (see :class:`LabelLayout`). Greedy over a grid: ~10 ms for 500."""
    layout = LabelLayout(radius, bounds, obstacles)
    flagged = {i for i, on in enumerate(first) if on}
    sides = layout.place_all(list(zip(range(len(points)), points, sizes, strict=True)), flagged)
    return [sides[i] for i in range(len(points))]


def place_badges(candidates: Sequence[Sequence[Box]], points: Sequence[Point],
                 radius: float, avoid: Sequence[Box] = ()) -> list[int]:
    """:meth:`LabelLayout.badges` over these dots alone."""
    layout = LabelLayout(radius, (0.0, 0.0, 0.0, 0.0))
    layout.add_dots([(i, point, (0.0, 0.0)) for i, point in enumerate(points)])
    return layout.badges(candidates, avoid)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


Segment = tuple[Point, Point]


class TextArea:
    """The lines of a quadrant's care guidance: whether reps lie on it (it is printed
    only where they do not)."""

    def __init__(self, lines: Sequence[Box]) -> None:
        self.lines = list(lines)
        self.outer: Box | None = (
            min(b[0] for b in lines), min(b[1] for b in lines),
            max(b[2] for b in lines), max(b[3] for b in lines)) if lines else None

    def crossed(self, points: Sequence[Point], radius: float,
                segments: Sequence[Segment] = ()) -> bool:
        """Whether a dot (its square of ``radius``) or an arrow lies on any line."""
        outer = self.outer
        if outer is None:
            return False
        for point in points:
            dot = _dot_box(point, radius)
            if _overlap(dot, outer) and any(_overlap(dot, box) for box in self.lines):
                return True
        for start, end in segments:
            reach = (min(start[0], end[0]), min(start[1], end[1]),
                     max(start[0], end[0]), max(start[1], end[1]))
            if _touches(reach, outer) and any(segment_span(start, end, b) is not None
                                                 for b in self.lines):
                return True
        return False


def _touches(a: Box, b: Box) -> bool:
    """Like :func:`_overlap`, but a flat box (a level or upright arrow) counts."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def segment_span(start: Point, end: Point, box: Box) -> tuple[float, float] | None:
    """The part of the segment from ``start`` to ``end`` inside ``box``, as fractions of
    its length (clipped against each side in turn: Liang–Barsky); None when it misses."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return low, high
