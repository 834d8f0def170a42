"""Names and badges on the quadrant board cover nothing: no other name, dot, badge or text."""

from __future__ import annotations

import random

from keeper.quadrant.labels import (
    SIDES,
    Box,
    LabelLayout,
    Segment,
    TextArea,
    label_offset,
    place_badges,
    place_labels,
)

R = 7.0
SIZE = (80.0, 16.0)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def box(point: tuple[float, float], side: str) -> Box:
    dx, dy, w, h = label_offset(side, *SIZE, R)
    return (point[0] + dx, point[1] + dy, point[0] + dx + w, point[1] + dy + h)


def dot(point: tuple[float, float]) -> Box:
    return (point[0] - R, point[1] - R, point[0] + R, point[1] + R)


def test_three_hundred_names_cover_nothing():
    rng = random.Random(3)
    points = [(rng.uniform(0, 800), rng.uniform(0, 800)) for _ in range(300)]
    text = [(10.0, 10.0, 300.0, 80.0), (420.0, 700.0, 790.0, 760.0)]
    sides = place_labels(points, [SIZE] * len(points), R, (0, 0, 800, 800), text)
    placed = [box(p, s) for p, s in zip(points, sides, strict=True) if s is not None]
    assert len(placed) > 100
    for i, a in enumerate(placed):
        assert a[0] >= 0 and a[2] <= 800 and a[1] >= 0 and a[3] <= 800
        assert not any(overlaps(a, t) for t in text)
        assert not any(overlaps(a, dot(p)) for p in points)
        assert not any(overlaps(a, b) for b in placed[i + 1:])


def test_a_dot_boxed_in_on_four_sides_takes_a_corner():
    centre = (400.0, 400.0)
    x, y = centre
    blockers = [(x + 12, y - 2, x + 16, y + 2), (x - 16, y - 2, x - 12, y + 2),  # right, left
                (x - 2, y - 15, x + 2, y - 11), (x - 2, y + 11, x + 2, y + 15)]  # above, below
    (side,) = place_labels([centre], [SIZE], R, (0, 0, 800, 800), blockers)
    assert side in SIDES[4:]
    assert not any(overlaps(box(centre, side), b) for b in blockers)


def test_the_crowded_dot_chooses_before_the_one_with_room():
    # A could take its left or right; B only its left, which A's right would cover.
    a, b = (300.0, 400.0), (450.0, 400.0)
    walls = [(0.0, 0.0, 800.0, 393.0), (0.0, 407.0, 800.0, 800.0),  # above and below
             (458.0, 390.0, 800.0, 410.0)]  # right of B
    assert place_labels([a, b], [(100.0, 12.0)] * 2, R, (0, 0, 800, 800), walls) == \
        ["left", "left"]


def test_the_selected_name_is_placed_first():
    a, b = (400.0, 400.0), (410.0, 400.0)  # two dots nearly on top of each other
    sides = place_labels([a, b], [SIZE] * 2, R, (0, 0, 800, 800), first=[False, True])
    assert sides[1] == "right"


def test_a_badge_leaves_the_corner_a_dot_covers():
    corners = [[(700.0, 10.0, 790.0, 36.0), (700.0, 360.0, 790.0, 386.0)],
               [(10.0, 10.0, 100.0, 36.0), (10.0, 360.0, 100.0, 386.0)]]
    assert place_badges(corners, [(750.0, 20.0), (300.0, 300.0)], R) == [1, 0]
    everywhere = [(745.0, 20.0), (745.0, 370.0), (760.0, 372.0)]
    assert place_badges(corners[:1], everywhere, R) == [0]  # the fewest dots


def test_after_one_dot_moves_the_other_names_stay_and_nothing_is_covered():
    rng = random.Random(5)
    points = [(rng.uniform(0, 800), rng.uniform(0, 800)) for _ in range(200)]
    layout = LabelLayout(R, (0, 0, 800, 800))
    sides = dict(layout.place_all([(i, p, SIZE) for i, p in enumerate(points)]))
    moved = list(points)
    moved[7] = (points[0][0] + 3, points[0][1] + 12)  # dropped right under another dot
    touched = layout.move(7, moved[7], SIZE)
    after = layout.sides
    placed = [box(moved[i], s) for i, s in after.items() if s is not None]
    for i, a in enumerate(placed):
        assert not any(overlaps(a, dot(p)) for p in moved)
        assert not any(overlaps(a, b) for b in placed[i + 1:])
    assert 7 in touched and len(touched) < 12  # the neighbourhood, not the board
    assert all(after[i] == sides[i] for i in range(len(points)) if i not in touched)
    assert after[0] is not None and not overlaps(box(moved[0], after[0]), dot(moved[7]))


def test_after_many_moves_the_layout_matches_its_own_rule():
    rng = random.Random(11)
    points = [(rng.uniform(0, 800), rng.uniform(0, 800)) for _ in range(300)]
    layout = LabelLayout(R, (0, 0, 800, 800), [(10.0, 10.0, 300.0, 80.0)])
    layout.place_all([(i, p, SIZE) for i, p in enumerate(points)])
    for _ in range(200):
        i = rng.randrange(len(points))
        points[i] = (rng.uniform(0, 800), rng.uniform(0, 800))
        layout.move(i, points[i], SIZE)
    layout.move(3, None)  # taken off the board
    assert 3 not in layout.sides and 3 not in layout.unplaced
    shown = {i: box(points[i], s) for i, s in layout.sides.items() if s is not None}
    assert set(layout.sides) - set(shown) == layout.unplaced
    for i, a in shown.items():
        assert not overlaps(a, (10.0, 10.0, 300.0, 80.0))
        assert not any(overlaps(a, dot(p)) for j, p in enumerate(points) if j != 3)
        assert not any(overlaps(a, b) for j, b in shown.items() if j != i)


GUIDANCE = [(20.0, 600.0, 300.0, 614.0), (20.0, 614.0, 280.0, 628.0)]  # two lines of text


def text_is_clear(lines: list[Box], points: list[tuple[float, float]], radius: float,
                  segments: list[Segment] | None = None) -> bool:
    return not TextArea(lines).crossed(points, radius, segments or [])


def test_guidance_is_clear_of_reps_far_from_it():
    points = [(400.0, 610.0), (160.0, 560.0), (160.0, 650.0)]
    arrows = [((0.0, 500.0), (400.0, 580.0)),  # passes above the text
              ((250.0, 560.0), (350.0, 610.0))]  # its box overlaps; the line passes by
    assert text_is_clear(GUIDANCE, points, R, arrows)


def test_a_dot_on_the_guidance_or_touching_it_crowds_it():
    assert not text_is_clear(GUIDANCE, [(150.0, 620.0)], R)
    assert not text_is_clear(GUIDANCE, [(150.0, 594.0)], R)  # its edge reaches the first line
    assert text_is_clear(GUIDANCE, [(150.0, 590.0)], R)


def test_an_arrow_through_the_guidance_crowds_it():
    assert not text_is_clear(GUIDANCE, [], R, [((100.0, 500.0), (200.0, 700.0))])
    assert not text_is_clear(GUIDANCE, [], R, [((150.0, 550.0), (150.0, 605.0))])  # upright
    assert not text_is_clear(GUIDANCE, [], R, [((0.0, 620.0), (500.0, 620.0))])  # level
    assert text_is_clear(GUIDANCE, [], R, [((150.0, 550.0), (150.0, 595.0))])  # stops short
    assert text_is_clear([], [(150.0, 620.0)], R)  # no guidance, nothing to crowd
