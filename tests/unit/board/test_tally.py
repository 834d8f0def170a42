import pytest
from sqlalchemy import select

from exporters.data import gather
from keeper.board import load_board
from keeper.board.tally import (
    BigBetIssueKind,
    Entry,
    IdeaKind,
    TallyCluster,
    TallyConfig,
    TallyInitiative,
    TallyMode,
    TallyNote,
    TallySupport,
    VoteIssueKind,
    check_big_bets,
    dissolve_cluster,
    merge_clusters,
    move_note,
    note_counts,
    note_progress,
    rank,
    support_problem,
    tally,
    validate_dot_vote,
)
from keeper.store.models import Cluster, Note, Person, Support

DOTS = TallyConfig(mode=TallyMode.DOTS, dots_per_person=3)
SUPPORTERS = TallyConfig()

RENEWALS, HIRING = 10, 20
CLUSTERS = [TallyCluster(RENEWALS, "Renewals"), TallyCluster(HIRING, "Hiring")]
NOTES = [
    TallyNote(1, RENEWALS, 101, "Renewal playbook"),
    TallyNote(2, RENEWALS, 102, "Renewal SDR"),
    TallyNote(3, HIRING, 103, "Fix hiring loop"),
    TallyNote(4, None, 104, "Partner channel"),
]


def on_note(person, note, dots=1):
    return TallySupport(person, note_id=note, dots=dots)


def on_cluster(person, cluster, dots=1):
    return TallySupport(person, cluster_id=cluster, dots=dots)


def counts(entries):
    return {(e.kind, e.id): e.count for e in entries}


def supporters(entries):
    return {(e.kind, e.id): e.supporter_ids for e in entries}


# --- supports ---------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs", [{}, {"note_id": 1, "cluster_id": 10}, {"note_id": 1, "dots": 0}]
)
def test_support_must_be_on_exactly_one_idea_with_a_dot(kwargs):
    with pytest.raises(ValueError):
        TallySupport(1, **kwargs)


@pytest.mark.parametrize(
    "note,cluster,dots,valid",
    [(4, None, 1, True), (None, 10, 3, True), (None, None, 1, False), (4, 10, 1, False),
     (4, None, 0, False), (None, 10, -1, False)],
)
def test_a_malformed_stored_support_is_skipped_not_fatal(note, cluster, dots, valid):
    support = TallySupport.stored(7, note, cluster, dots)
    assert (support is not None) is valid
    assert (support_problem(note, cluster, dots) is None) is valid
    if valid:
        assert support == TallySupport(7, note, cluster, dots)


def test_config_accepts_the_stored_mode_string():
    config = TallyConfig(mode="dots")
    assert config.mode is TallyMode.DOTS
    assert counts(tally(NOTES, CLUSTERS, [on_note(1, 4, 2)], config))[(IdeaKind.NOTE, 4)] == 2
    with pytest.raises(ValueError):
        TallyConfig(mode="raffle")


# --- supporters mode ----------------------------------------------------------


def test_cluster_supporters_are_distinct_people_across_cluster_and_notes():
    supports = [
        on_note(1, 1),
        on_note(1, 2),  # same person on two notes of the cluster: counted once
        on_cluster(1, RENEWALS),  # and on the cluster itself: still once
        on_note(2, 2),
        on_cluster(3, RENEWALS),
        on_note(4, 3),
        on_note(5, 4),
    ]
    entries = tally(NOTES, CLUSTERS, supports)
    assert counts(entries) == {
        (IdeaKind.CLUSTER, RENEWALS): 3,
        (IdeaKind.CLUSTER, HIRING): 1,
        (IdeaKind.NOTE, 4): 1,
    }
    assert supporters(entries)[(IdeaKind.CLUSTER, RENEWALS)] == (1, 2, 3)


def test_idea_without_support_is_listed_with_zero():
    entries = tally(NOTES, CLUSTERS, [])
    assert set(counts(entries).values()) == {0}
    assert len(entries) == 3


def test_keeper_can_be_left_out_of_the_count():
    supports = [on_note(1, 1), on_note(99, 1), on_cluster(99, HIRING)]
    counted = tally(NOTES, CLUSTERS, supports, TallyConfig(keeper_id=99))
    left_out = tally(NOTES, CLUSTERS, supports, TallyConfig(keeper_id=99, keeper_counted=False))
    assert counts(counted)[(IdeaKind.CLUSTER, RENEWALS)] == 2
    assert counts(left_out)[(IdeaKind.CLUSTER, RENEWALS)] == 1
    assert counts(left_out)[(IdeaKind.CLUSTER, HIRING)] == 0
    assert 99 not in supporters(left_out)[(IdeaKind.CLUSTER, RENEWALS)]


def test_note_counts_show_each_note_alone():
    supports = [on_note(1, 1), on_note(2, 1), on_note(2, 2), on_cluster(3, RENEWALS)]
    assert counts(note_counts(NOTES, supports)) == {
        (IdeaKind.NOTE, 1): 2,
        (IdeaKind.NOTE, 2): 1,
        (IdeaKind.NOTE, 3): 0,
        (IdeaKind.NOTE, 4): 0,
    }


# --- dots mode ------------------------------------------------------------------


def test_dots_add_up_across_cluster_and_notes():
    supports = [on_note(1, 1, dots=2), on_cluster(1, RENEWALS), on_note(2, 2), on_note(3, 4, 3)]
    entries = tally(NOTES, CLUSTERS, supports, DOTS)
    assert counts(entries) == {
        (IdeaKind.CLUSTER, RENEWALS): 4,
        (IdeaKind.CLUSTER, HIRING): 0,
        (IdeaKind.NOTE, 4): 3,
    }
    assert supporters(entries)[(IdeaKind.CLUSTER, RENEWALS)] == (1, 2)


def test_supporters_mode_ignores_dots():
    entries = tally(NOTES, CLUSTERS, [on_note(3, 4, dots=3)], SUPPORTERS)
    assert counts(entries)[(IdeaKind.NOTE, 4)] == 1


# --- validation -----------------------------------------------------------------


def test_dot_limit_at_and_over():
    at_limit = [on_note(1, 1, 2), on_note(1, 3, 1)]
    assert validate_dot_vote(at_limit, DOTS) == []
    (issue,) = validate_dot_vote([*at_limit, on_note(1, 4)], DOTS, person_names={1: "Ana"})
    assert issue.kind is VoteIssueKind.OVER_LIMIT
    assert issue.person_id == 1
    assert issue.message == "Ana has placed 4 dots; the limit is 3."


def test_cap_per_idea_at_and_over():
    config = TallyConfig(mode=TallyMode.DOTS, dots_per_person=5, cap_per_idea=2)
    assert validate_dot_vote([on_note(1, 1, 2), on_cluster(1, RENEWALS, 2)], config) == []
    (issue,) = validate_dot_vote(
        [on_note(1, 1, 3)],
        config,
        person_names={1: "Ana"},
        idea_titles={(IdeaKind.NOTE, 1): "Renewal playbook"},
    )
    assert issue.kind is VoteIssueKind.OVER_CAP
    assert issue.idea == (IdeaKind.NOTE, 1)
    assert "Ana" in issue.message and "Renewal playbook" in issue.message
    assert "at most 2" in issue.message


def test_both_problems_reported_for_one_person():
    config = TallyConfig(mode=TallyMode.DOTS, dots_per_person=3, cap_per_idea=2)
    issues = validate_dot_vote([on_note(7, 1, 4)], config)
    assert [i.kind for i in issues] == [VoteIssueKind.OVER_LIMIT, VoteIssueKind.OVER_CAP]
    assert "Person 7" in issues[0].message


def test_no_limits_in_supporters_mode():
    assert validate_dot_vote([on_note(1, n, 5) for n in range(1, 5)], SUPPORTERS) == []


# --- ranking ----------------------------------------------------------------------


def entry(id_, title, count):
    return Entry(IdeaKind.CLUSTER, id_, title, count, ())


def test_ties_share_a_rank_and_the_next_rank_skips():
    ranked = rank([entry(1, "d", 1), entry(2, "b", 3), entry(3, "a", 3), entry(4, "c", 5)])
    assert [(r.rank, r.title, r.tied) for r in ranked] == [
        (1, "c", False),
        (2, "a", True),
        (2, "b", True),
        (4, "d", False),
    ]


def test_ranking_is_stable_by_title_whatever_the_input_order():
    items = [entry(1, "Zebra", 2), entry(2, "apple", 2), entry(3, "Mango", 2)]
    forwards, backwards = rank(items), rank(list(reversed(items)))
    assert [r.title for r in forwards] == ["apple", "Mango", "Zebra"]
    assert forwards == backwards
    assert {r.rank for r in forwards} == {1}
    assert all(r.tied for r in forwards)


def test_rank_of_nothing_is_empty():
    assert rank([]) == []


def test_rank_carries_the_tally():
    supports = [on_note(1, 1), on_note(2, 3), on_note(3, 3), on_note(4, 4)]
    ranked = rank(tally(NOTES, CLUSTERS, supports))
    assert [(r.rank, r.title, r.count, r.tied) for r in ranked] == [
        (1, "Hiring", 2, False),
        (2, "Partner channel", 1, True),
        (2, "Renewals", 1, True),
    ]
    assert ranked[0].supporter_ids == (2, 3)
    assert ranked[1].kind is IdeaKind.NOTE


# --- regrouping keeps every vote --------------------------------------------------


SUPPORTS = [
    on_note(1, 1),
    on_cluster(1, RENEWALS),
    on_cluster(2, RENEWALS, dots=2),
    on_cluster(2, HIRING),
    on_cluster(3, HIRING),
    on_note(4, 3),
    on_note(5, 4),
]


def total(entries):
    return sum(e.count for e in entries)


def everyone(entries):
    return {p for e in entries for p in e.supporter_ids}


def test_moving_a_note_takes_its_votes_along():
    notes = move_note(NOTES, 3, RENEWALS)
    before = counts(tally(NOTES, CLUSTERS, SUPPORTS))
    after = counts(tally(notes, CLUSTERS, SUPPORTS))
    assert before[(IdeaKind.CLUSTER, HIRING)] == 3
    assert after[(IdeaKind.CLUSTER, HIRING)] == 2  # 2 and 3, on the cluster itself
    assert after[(IdeaKind.CLUSTER, RENEWALS)] == 3  # 1, 2 and now 4
    assert counts(note_counts(notes, SUPPORTS))[(IdeaKind.NOTE, 3)] == 1


def test_moving_a_note_out_of_any_cluster_makes_it_an_idea_of_its_own():
    notes = move_note(NOTES, 3, None)
    assert counts(tally(notes, CLUSTERS, SUPPORTS))[(IdeaKind.NOTE, 3)] == 1


@pytest.mark.parametrize("config", [SUPPORTERS, DOTS])
def test_merge_keeps_every_vote_without_duplicates(config):
    notes, supports = merge_clusters(NOTES, SUPPORTS, RENEWALS, [HIRING])
    merged = tally(notes, [CLUSTERS[0]], supports, config)
    before = tally(NOTES, CLUSTERS, SUPPORTS, config)
    assert everyone(merged) == everyone(before)
    (renewals,) = [e for e in merged if e.id == RENEWALS]
    assert renewals.supporter_ids == (1, 2, 3, 4)
    if config.mode is TallyMode.DOTS:
        assert total(merged) == total(before) == 8
    else:
        assert renewals.count == 4
    # person 2 supported both clusters: one support on the merged cluster, dots kept
    on_merged = [s for s in supports if s.cluster_id == RENEWALS and s.person_id == 2]
    assert on_merged == [on_cluster(2, RENEWALS, dots=3)]
    assert not [s for s in supports if s.cluster_id == HIRING]
    assert all(n.cluster_id != HIRING for n in notes)


def test_dissolve_in_supporters_mode_puts_support_on_each_former_note():
    notes, supports = dissolve_cluster(NOTES, SUPPORTS, RENEWALS, TallyMode.SUPPORTERS)
    after = tally(notes, [CLUSTERS[1]], supports)
    assert counts(after)[(IdeaKind.NOTE, 1)] == 2  # 1 (already on the note) and 2
    assert supporters(after)[(IdeaKind.NOTE, 2)] == (1, 2)
    assert everyone(after) == everyone(tally(NOTES, CLUSTERS, SUPPORTS))
    # no duplicate row for person 1 on note 1
    assert sum(1 for s in supports if s.person_id == 1 and s.note_id == 1) == 1


def test_dissolve_in_dots_mode_keeps_every_dot_on_the_first_note():
    notes, supports = dissolve_cluster(NOTES, SUPPORTS, RENEWALS, TallyMode.DOTS)
    before = tally(NOTES, CLUSTERS, SUPPORTS, DOTS)
    after = tally(notes, [CLUSTERS[1]], supports, DOTS)
    assert total(after) == total(before)
    assert counts(after)[(IdeaKind.NOTE, 1)] == 4  # 1 + 1 from person 1, 2 from person 2
    assert counts(after)[(IdeaKind.NOTE, 2)] == 0
    assert [s for s in supports if s.person_id == 1 and s.note_id == 1][0].dots == 2


def test_dissolving_a_supported_empty_cluster_refuses_to_lose_votes():
    empty = [n for n in NOTES if n.cluster_id != HIRING]
    with pytest.raises(ValueError, match="lose votes"):
        dissolve_cluster(empty, SUPPORTS, HIRING, TallyMode.SUPPORTERS)


def test_dissolving_an_unsupported_empty_cluster_is_fine():
    notes, supports = dissolve_cluster(NOTES, [on_note(1, 1)], 30, TallyMode.DOTS)
    assert notes == NOTES
    assert supports == [on_note(1, 1)]


# --- big bets -----------------------------------------------------------------------


INITIATIVES = [TallyInitiative(i, f"Initiative {i}") for i in range(1, 4)]


def bets(*initiative_ids):
    return [TallyCluster(i, f"Bet {i}", True, init) for i, init in enumerate(initiative_ids)]


def issue_kinds(issues):
    return [i.kind for i in issues]


@pytest.mark.parametrize("n", [2, 3, 4])
def test_two_to_four_linked_big_bets_are_fine(n):
    clusters = bets(*([1] * n)) + [TallyCluster(99, "not a bet")]
    assert check_big_bets(clusters, INITIATIVES) == []


@pytest.mark.parametrize(
    ("n", "kind"),
    [(0, BigBetIssueKind.TOO_FEW), (1, BigBetIssueKind.TOO_FEW), (5, BigBetIssueKind.TOO_MANY)],
)
def test_big_bet_count_outside_two_to_four(n, kind):
    assert issue_kinds(check_big_bets(bets(*([1] * n)), INITIATIVES)) == [kind]


def test_big_bet_without_initiative_is_flagged():
    clusters = [
        TallyCluster(1, "Renewals", True, 1),
        TallyCluster(2, "Hiring", True, None),
        TallyCluster(3, "Stale link", True, 42),
    ]
    issues = check_big_bets(clusters, INITIATIVES)
    unlinked = [i for i in issues if i.kind is BigBetIssueKind.NO_INITIATIVE]
    assert [i.cluster_ids for i in unlinked] == [(2,), (3,)]
    assert "Hiring" in unlinked[0].message


@pytest.mark.parametrize(("n", "flagged"), [(2, True), (3, False), (5, False), (6, True)])
def test_initiative_count_three_to_five(n, flagged):
    initiatives = [TallyInitiative(i, f"I{i}") for i in range(1, n + 1)]
    kinds = issue_kinds(check_big_bets(bets(1, 2), initiatives))
    assert (BigBetIssueKind.INITIATIVE_COUNT in kinds) is flagged


# --- capture progress ---------------------------------------------------------------


def test_note_progress_per_person():
    notes = [TallyNote(i, None, 1) for i in range(5)] + [
        TallyNote(10, None, 2),
        TallyNote(11, None, 7),  # not in the room list
        TallyNote(12, None, None),
    ]
    progress = note_progress(notes, [1, 2, 3])
    assert progress.by_person == {1: (5, 5), 2: (1, 5), 3: (0, 5)}
    assert progress.not_started == (3,)
    assert progress.done == (1,)


def test_note_progress_custom_target_and_nobody_started():
    progress = note_progress([], [4, 5], target=3)
    assert progress.by_person == {4: (0, 3), 5: (0, 3)}
    assert progress.not_started == (4, 5)
    assert progress.done == ()


def test_board_and_export_skip_the_same_malformed_support_rows(demo_store):
    """A support row on both a note and a group (or with no dots) is dropped by one rule
    in keeper.board.tally, by the board and by the export alike, and breaks neither."""
    store = demo_store
    offsite = store.current_offsite()
    before = load_board(store.session, offsite.id)
    exported = {r.title: r.count for r in gather(store).tally}
    note = store.session.scalars(select(Note).where(Note.offsite_id == offsite.id)).first()
    group = store.session.scalars(select(Cluster).where(Cluster.offsite_id == offsite.id)).first()
    person = store.session.scalars(select(Person)).first()
    with store.edit() as s:
        s.add(Support(offsite_id=offsite.id, person_id=person.id, note_id=note.id,
                      cluster_id=group.id, dots=1))
        s.add(Support(offsite_id=offsite.id, person_id=person.id, note_id=None,
                      cluster_id=None, dots=2))
    after = load_board(store.session, offsite.id)
    assert after.supports == before.supports
    assert {r.title: r.count for r in gather(store).tally} == exported
