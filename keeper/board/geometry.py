"""Board geometry: note and frame sizes, grids, rectangles and free space.

Notes are ``NOTE_W`` x ``NOTE_H`` scene units at absolute positions; a cluster
is a frame ``(x, y, width, height)`` with a title band of ``HEADER`` at the top.
The frame shown is the stored one grown to hold its notes (:func:`cluster_bounds`).
Plain numbers only: nothing here reads the file.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence

NOTE_W, NOTE_H = 180.0, 96.0
GAP_X, GAP_Y = 20.0, 14.0
PAD, HEADER = 20.0, 50.0
MARGIN = 60.0  # between frames placed automatically
INBOX_COLUMNS = 4
MAX_ROW_WIDTH = 4 * 480.0  # automatic placement fills rows about this wide (4 frames)

Rect = tuple[float, float, float, float]  # x, y, width, height


def grid_columns(count: int) -> int:
    """Columns for ``count`` notes in a frame: two for a handful, then roughly square."""
    if count <= 8:
        return 2
    return min(8, math.ceil(math.sqrt(count)))


def frame_size(count: int, columns: int | None = None) -> tuple[float, float]:
    columns = columns or grid_columns(count)
    rows = max(1, math.ceil(count / columns))
    width = 2 * PAD + columns * NOTE_W + (columns - 1) * GAP_X
    height = HEADER + rows * NOTE_H + (rows - 1) * GAP_Y + PAD
    return width, height


def grid_positions(
    x: float, y: float, count: int, columns: int | None = None
) -> list[tuple[float, float]]:
    """Note positions in a tidy grid inside a frame whose top-left is ``(x, y)``."""
    columns = columns or grid_columns(count)
    return [
        (x + PAD + (i % columns) * (NOTE_W + GAP_X), y + HEADER + (i // columns) * (NOTE_H + GAP_Y))
        for i in range(count)
    ]


def inbox_spot(x0: float, y0: float, slot: int) -> tuple[float, float]:
    """Top-left of place number ``slot`` in an inbox grid that starts at ``(x0, y0)``."""
    col, row = slot % INBOX_COLUMNS, slot // INBOX_COLUMNS
    return (x0 + col * (NOTE_W + GAP_X), y0 + row * (NOTE_H + GAP_Y))


def note_rect(x: float, y: float) -> Rect:
    return (x, y, NOTE_W, NOTE_H)


def union(rects: Iterable[Rect]) -> Rect | None:
    rects = list(rects)
    if not rects:
        return None
    left = min(r[0] for r in rects)
    top = min(r[1] for r in rects)
    right = max(r[0] + r[2] for r in rects)
    bottom = max(r[1] + r[3] for r in rects)
    return (left, top, right - left, bottom - top)


def cluster_bounds(frame: Rect, note_positions: Iterable[tuple[float, float]]) -> Rect:
    """The stored frame, grown so that every note of the cluster sits inside it."""
    inner = union(note_rect(x, y) for x, y in note_positions)
    if inner is None:
        return frame
    grown = (inner[0] - PAD, inner[1] - HEADER, inner[2] + 2 * PAD, inner[3] + HEADER + PAD)
    result = union([frame, grown])
    assert result is not None
    return result


def _overlaps(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return not (
        a[0] + a[2] + margin <= b[0]
        or b[0] + b[2] + margin <= a[0]
        or a[1] + a[3] + margin <= b[1]
        or b[1] + b[3] + margin <= a[1]
    )


def free_spot(obstacles: Sequence[Rect], width: float, height: float) -> tuple[float, float]:
    """Top-left for a ``width`` x ``height`` frame that overlaps none of ``obstacles``.

    Candidates are the board's origin and the right/bottom edges of what is
    there; rows are filled up to about ``MAX_ROW_WIDTH`` before starting a new one.
    """
    if not obstacles:
        return (0.0, 0.0)
    left = min(r[0] for r in obstacles)
    top = min(r[1] for r in obstacles)
    xs = sorted({left} | {r[0] + r[2] + MARGIN for r in obstacles})
    ys = sorted({top} | {r[1] + r[3] + MARGIN for r in obstacles})
    limit = left + max(MAX_ROW_WIDTH, width)
    for y in ys:
        for x in xs:
            if x + width > limit and x != left:
                break
            spot = (x, y, width, height)
            if not any(_overlaps(spot, r, MARGIN / 2) for r in obstacles):
                return (x, y)
    bottom = max(r[1] + r[3] for r in obstacles)
    return (left, bottom + MARGIN)


def free_slot(frame: Rect, occupied: Sequence[Rect],
              near: tuple[float, float]) -> tuple[float, float]:
    """Top-left of the free grid place in a cluster ``frame`` nearest ``near`` (where the
    note was dropped): places overlap none of the ``occupied`` note rectangles; the grid has
    the frame's width in columns and one row more than the notes fill, so one is always free."""
    x, y, width, _height = frame
    columns = max(1, round((width - 2 * PAD + GAP_X) / (NOTE_W + GAP_X)))
    bottom = max((r[1] + r[3] for r in occupied), default=y + HEADER)
    rows = max(1, math.ceil((bottom - y - HEADER + GAP_Y) / (NOTE_H + GAP_Y))) + 1
    best: tuple[float, float, float] | None = None
    for row in range(rows):
        for col in range(columns):
            spot = (x + PAD + col * (NOTE_W + GAP_X), y + HEADER + row * (NOTE_H + GAP_Y))
            if any(_overlaps(note_rect(*spot), r) for r in occupied):
                continue
            distance = (spot[0] - near[0]) ** 2 + (spot[1] - near[1]) ** 2
            if best is None or (distance, spot[1], spot[0]) < best:
                best = (distance, spot[1], spot[0])
    if best is None:  # every place of the grid is covered by stray notes: start a row below
        return (x + PAD, bottom + GAP_Y)
    return (best[2], best[1])


def pack_frames(sizes: Sequence[tuple[float, float]],
                aspect: float = 1.6) -> list[tuple[float, float]]:
    """Top-left of each frame (``sizes`` in order), packed without overlaps so that the
    whole shows as large as it can on a screen ``aspect`` times as wide as it is tall.

    Two packings are tried at every width, and the one that shows larger wins: shelves
    (frames of like height share a row) and columns (each frame, tallest first, where
    its top is highest: no row leaves a short frame beside a tall one's empty space).
    """
    if not sizes:
        return []
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i][1], -sizes[i][0], i))
    widest = max(w for w, _h in sizes)
    total = sum(w + MARGIN for w, _h in sizes)
    best: tuple[float, list[tuple[float, float]]] | None = None
    steps = 24
    tries = [_shelves(sizes, order, widest + (total - widest) * k / steps)
             for k in range(steps + 1)]
    tries += [_columns(sizes, order, count) for count in range(1, len(sizes) + 1)]
    for spots, width, height in tries:
        scale = min(aspect / width, 1.0 / height)  # how large it shows on that screen
        if best is None or scale > best[0] + 1e-12:
            best = (scale, spots)
    assert best is not None
    return best[1]


def _columns(sizes: Sequence[tuple[float, float]], order: Sequence[int],
             count: int) -> tuple[list[tuple[float, float]], float, float]:
    """``count`` columns as wide as the median frame; each frame (a wide one spanning
    several columns) goes where its top is highest (a skyline)."""
    width = statistics.median(w for w, _h in sizes)
    pitch = width + MARGIN
    spans = [max(1, math.ceil((w + MARGIN) / pitch - 1e-9)) for w, _h in sizes]
    count = max(count, *spans)
    tops = [0.0] * count
    spots: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    for i in order:
        span = spans[i]
        start = min(range(count - span + 1), key=lambda c: (max(tops[c:c + span]), c))
        y = max(tops[start:start + span])
        spots[i] = (start * pitch, y)
        tops[start:start + span] = [y + sizes[i][1] + MARGIN] * span
    right = max(x + sizes[i][0] for i, (x, _y) in enumerate(spots))
    return spots, right, max(tops) - MARGIN


def _shelves(sizes: Sequence[tuple[float, float]], order: Sequence[int],
             limit: float) -> tuple[list[tuple[float, float]], float, float]:
    spots: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    x = y = row_h = right = 0.0
    for i in order:
        w, h = sizes[i]
        if x > 0 and x + w > limit:
            x, y, row_h = 0.0, y + row_h + MARGIN, 0.0
        spots[i] = (x, y)
        right = max(right, x + w)
        x += w + MARGIN
        row_h = max(row_h, h)
    return spots, right, y + row_h
