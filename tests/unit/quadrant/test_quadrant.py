import math

import pytest

from keeper.quadrant.rules import (
    FlagKind,
    Quadrant,
    RepPlacement,
    Scale,
    column_to_unit,
    detect_scale,
    flags,
    movements,
    nudge,
    quadrant_of,
    shares,
    shares_by_manager,
    to_unit,
    trend,
)

Q = Quadrant


def rep(rep_id, skill, motivation, manager_id=None):
    return RepPlacement(rep_id, manager_id, skill, motivation)


def reps_in(quadrant, n, start=1, manager_id=None):
    skill = 0.8 if quadrant.high_skill else 0.2
    motivation = 0.8 if quadrant.high_motivation else 0.2
    return [rep(start + i, skill, motivation, manager_id) for i in range(n)]


# --- quadrant_of ----------------------------------------------------------


@pytest.mark.parametrize(
    ("skill", "motivation", "expected"),
    [
        (0.0, 0.0, Q.LOW_LOW),
        (0.0, 1.0, Q.HIGH_MOTIVATION_LOW_SKILL),
        (1.0, 0.0, Q.BREATHERS),
        (1.0, 1.0, Q.HIGH_HIGH),
        (0.2, 0.9, Q.HIGH_MOTIVATION_LOW_SKILL),
        (0.9, 0.2, Q.BREATHERS),
    ],
)
def test_corners_and_interior(skill, motivation, expected):
    assert quadrant_of(skill, motivation) is expected


@pytest.mark.parametrize(
    ("skill", "motivation", "expected"),
    [
        (0.5, 0.5, Q.HIGH_HIGH),
        (0.5, 0.1, Q.BREATHERS),
        (0.1, 0.5, Q.HIGH_MOTIVATION_LOW_SKILL),
        (math.nextafter(0.5, 0), 0.5, Q.HIGH_MOTIVATION_LOW_SKILL),
        (0.5, math.nextafter(0.5, 0), Q.BREATHERS),
    ],
)
def test_point_on_an_axis_counts_as_high(skill, motivation, expected):
    assert quadrant_of(skill, motivation) is expected


@pytest.mark.parametrize(
    ("skill", "motivation", "expected"),
    [
        (-3.0, 7.0, Q.HIGH_MOTIVATION_LOW_SKILL),
        (1.5, -0.1, Q.BREATHERS),
        (math.inf, -math.inf, Q.BREATHERS),
    ],
)
def test_out_of_range_is_clamped(skill, motivation, expected):
    assert quadrant_of(skill, motivation) is expected


@pytest.mark.parametrize(("skill", "motivation"), [(math.nan, 0.5), (0.5, math.nan)])
def test_nan_is_rejected(skill, motivation):
    with pytest.raises(ValueError, match="NaN"):
        quadrant_of(skill, motivation)
    with pytest.raises(ValueError):
        rep(1, skill, motivation)


def test_placement_is_clamped_onto_the_board():
    p = rep(1, 1.4, -0.2)
    assert (p.skill, p.motivation) == (1.0, 0.0)
    assert p.quadrant is Q.BREATHERS


def test_every_quadrant_has_the_guides_wording():
    assert Q.BREATHERS.label == "Breathers"
    assert "paid vacation" in Q.BREATHERS.guidance
    assert "coaching" in Q.HIGH_MOTIVATION_LOW_SKILL.guidance
    assert "promotion path" in Q.HIGH_HIGH.guidance
    assert "mis-hire" in Q.LOW_LOW.guidance
    assert "not a plan to fire" in Q.LOW_LOW.guidance
    assert Q.HIGH_MOTIVATION_LOW_SKILL.axes == "High motivation, low skill"
    assert len({q.label for q in Q}) == 4
    assert all(len(q.value) <= 32 for q in Q)  # quadrant_note.quadrant is VARCHAR(32)


# --- nudge ------------------------------------------------------------------


def test_nudge_moves_and_stays_on_the_board():
    assert nudge(0.5, 0.5, 0.1, -0.2) == pytest.approx((0.6, 0.3))
    assert nudge(0.95, 0.02, 0.1, -0.1) == (1.0, 0.0)
    assert nudge(0.0, 1.0, -1.0, 1.0) == (0.0, 1.0)


# --- to_unit ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"), [(1, 0.0), (10, 1.0), (5.5, 0.5), (0, 0.0), (12, 1.0)]
)
def test_one_to_ten_scale(value, expected):
    assert to_unit(value, Scale.ONE_TO_TEN) == pytest.approx(expected)


def test_unit_scale_is_kept_and_clamped():
    assert to_unit(0.3, Scale.UNIT) == 0.3
    assert to_unit(1, Scale.UNIT) == 1.0
    assert to_unit(-0.5, Scale.UNIT) == 0.0


def test_scale_detected_from_a_single_value():
    assert to_unit(7) == pytest.approx(6 / 9)
    assert to_unit(0.7) == 0.7


def test_scale_detected_from_a_column_resolves_ambiguous_ones():
    assert detect_scale([1, 3, 10]) is Scale.ONE_TO_TEN
    assert detect_scale([0, 0.5, 1]) is Scale.UNIT
    assert column_to_unit([1, 10, 4]) == pytest.approx([0.0, 1.0, 1 / 3])
    assert column_to_unit([1, 0.25]) == [1.0, 0.25]


def test_to_unit_rejects_nan():
    with pytest.raises(ValueError):
        to_unit(math.nan)


# --- shares -----------------------------------------------------------------


def test_shares_count_and_sum_to_one():
    placements = [
        *reps_in(Q.HIGH_HIGH, 1, start=1),
        *reps_in(Q.BREATHERS, 1, start=2),
        *reps_in(Q.LOW_LOW, 1, start=3),
    ]
    result = shares(placements)
    assert result.total == 3
    assert result.counts == {
        Q.LOW_LOW: 1,
        Q.HIGH_MOTIVATION_LOW_SKILL: 0,
        Q.BREATHERS: 1,
        Q.HIGH_HIGH: 1,
    }
    assert sum(result.shares.values()) == pytest.approx(1.0)
    assert result.shares[Q.HIGH_HIGH] == pytest.approx(1 / 3)
    assert result.rep_ids[Q.BREATHERS] == (2,)


def test_percentages_add_up_to_100_even_for_thirds():
    placements = [rep(1, 0.9, 0.9), rep(2, 0.9, 0.1), rep(3, 0.1, 0.1)]
    pct = shares(placements).percentages()
    assert sum(pct.values()) == 100
    assert sorted(pct.values()) == [0, 33, 33, 34]


def test_empty_board_has_zero_shares():
    result = shares([])
    assert result.total == 0
    assert set(result.counts.values()) == {0}
    assert set(result.shares.values()) == {0.0}
    assert set(result.percentages().values()) == {0}


def test_rep_placed_twice_is_an_error():
    with pytest.raises(ValueError, match="rep 1"):
        shares([rep(1, 0.2, 0.2), rep(1, 0.8, 0.8)])


def test_shares_per_manager():
    placements = [
        *reps_in(Q.HIGH_HIGH, 3, start=1, manager_id=100),
        *reps_in(Q.HIGH_MOTIVATION_LOW_SKILL, 1, start=4, manager_id=100),
        *reps_in(Q.LOW_LOW, 2, start=5, manager_id=200),
        *reps_in(Q.BREATHERS, 1, start=7, manager_id=None),
    ]
    per = shares_by_manager(placements)
    assert set(per) == {100, 200, None}
    assert per[100].total == 4
    assert per[100].shares[Q.HIGH_HIGH] == pytest.approx(0.75)
    assert per[200].shares[Q.LOW_LOW] == 1.0
    assert per[None].counts[Q.BREATHERS] == 1
    for result in per.values():
        assert sum(result.shares.values()) == pytest.approx(1.0)


# --- flags ------------------------------------------------------------------


def kinds(found):
    return [f.kind for f in found]


def test_guide_example_seventy_percent_learners_flags_enablement():
    placements = [
        *reps_in(Q.HIGH_MOTIVATION_LOW_SKILL, 7, start=1),
        *reps_in(Q.LOW_LOW, 3, start=8),
    ]
    (flag,) = flags(placements)
    assert flag.kind is FlagKind.ENABLEMENT
    assert flag.rep_ids == tuple(range(1, 8))
    assert "7 of 10" in flag.message and "70%" in flag.message
    assert "enablement" in flag.message


@pytest.mark.parametrize(("learners", "flagged"), [(4, False), (5, True), (6, True)])
def test_enablement_threshold_is_inclusive(learners, flagged):
    placements = [
        *reps_in(Q.HIGH_MOTIVATION_LOW_SKILL, learners, start=1),
        *reps_in(Q.LOW_LOW, 10 - learners, start=100),
    ]
    assert (FlagKind.ENABLEMENT in kinds(flags(placements))) is flagged


@pytest.mark.parametrize(("stars", "flagged"), [(3, False), (4, True), (5, True)])
def test_retention_flag_at_forty_percent(stars, flagged):
    placements = [
        *reps_in(Q.HIGH_HIGH, stars, start=1),
        *reps_in(Q.LOW_LOW, 10 - stars, start=100),
    ]
    found = flags(placements)
    assert (FlagKind.RETENTION in kinds(found)) is flagged
    if flagged:
        (flag,) = [f for f in found if f.kind is FlagKind.RETENTION]
        assert "promotion path" in flag.message
        assert flag.rep_ids == tuple(range(1, stars + 1))


def test_thresholds_can_be_changed():
    placements = [*reps_in(Q.HIGH_MOTIVATION_LOW_SKILL, 6, start=1), *reps_in(Q.LOW_LOW, 4, 50)]
    assert kinds(flags(placements, enablement_threshold=0.7)) == []
    assert kinds(flags(placements, enablement_threshold=0.6)) == [FlagKind.ENABLEMENT]


def test_no_flags_for_an_empty_board():
    assert flags([]) == []


def test_top_rep_who_lost_motivation_is_flagged_as_breather():
    previous = [rep(1, 0.9, 0.9), rep(2, 0.9, 0.9), rep(3, 0.2, 0.9), rep(4, 0.8, 0.8)]
    current = [
        rep(1, 0.9, 0.2),  # high/high -> breather
        rep(2, 0.3, 0.1),  # high/high -> low/low: motivation also gone
        rep(3, 0.9, 0.2),  # was not high/high
        rep(4, 0.8, 0.5),  # still high/high (on the axis)
        rep(5, 0.9, 0.1),  # new rep, no history
    ]
    found = [f for f in flags(current, previous) if f.kind is FlagKind.BREATHER]
    assert len(found) == 1
    assert found[0].rep_ids == (1, 2)
    assert "breather" in found[0].message


def test_no_breather_flag_without_a_previous_offsite():
    assert FlagKind.BREATHER not in kinds(flags([rep(1, 0.9, 0.1)]))


# --- movements --------------------------------------------------------------


def test_movements_between_offsites():
    previous = [rep(1, 0.8, 0.8), rep(2, 0.2, 0.7), rep(3, 0.5, 0.5)]
    current = [rep(1, 0.8, 0.2), rep(2, 0.5, 0.7), rep(4, 0.1, 0.9)]
    by_id = {m.rep_id: m for m in movements(previous, current)}
    assert list(by_id) == [1, 2, 3, 4]

    top = by_id[1]
    assert (top.before, top.after) == (Q.HIGH_HIGH, Q.BREATHERS)
    assert top.dx == pytest.approx(0.0)
    assert top.dy == pytest.approx(-0.6)
    assert top.distance == pytest.approx(0.6)
    assert top.changed_quadrant

    learner = by_id[2]
    assert (learner.before, learner.after) == (Q.HIGH_MOTIVATION_LOW_SKILL, Q.HIGH_HIGH)
    assert learner.dx == pytest.approx(0.3)

    gone, new = by_id[3], by_id[4]
    assert gone.is_gone and not gone.is_new and gone.after is None
    assert new.is_new and new.before is None and new.after is Q.HIGH_MOTIVATION_LOW_SKILL
    assert new.dx is None and new.distance is None


def test_unchanged_rep_has_zero_movement():
    (m,) = movements([rep(1, 0.3, 0.6)], [rep(1, 0.3, 0.6)])
    assert not m.changed_quadrant
    assert m.distance == 0.0


@pytest.mark.parametrize("before,after,skill,motivation", [
    ((0.30, 0.60), (0.30, 0.60), "", ""),
    ((0.30, 0.60), (0.34, 0.56), "", ""),          # under 5% of an axis: not a move
    ((0.30, 0.60), (0.36, 0.53), "up", "down"),
    ((0.80, 0.20), (0.20, 0.90), "down", "up"),
])
def test_movement_trend_needs_five_percent_of_an_axis(before, after, skill, motivation):
    (m,) = movements([rep(1, *before)], [rep(1, *after)])
    assert (m.skill_trend, m.motivation_trend) == (skill, motivation)


def test_new_or_gone_rep_has_no_trend():
    new, gone = movements([rep(2, 0.2, 0.2)], [rep(1, 0.9, 0.9)])
    assert (new.skill_trend, new.motivation_trend, gone.skill_trend) == ("", "", "")
    assert trend(None) == "" and trend(0.049) == "" and trend(-0.051) == "down"


def test_distance_is_euclidean():
    (m,) = movements([rep(1, 0.1, 0.1)], [rep(1, 0.4, 0.5)])
    assert m.distance == pytest.approx(0.5)
