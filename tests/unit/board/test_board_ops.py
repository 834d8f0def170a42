"""Board operations: capture, regrouping that keeps votes, tally settings, big bets, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from keeper import board as bo
from keeper.board.tally import BigBetIssueKind, IdeaKind, TallyMode
from keeper.store.models import Cluster, Note, Person, Support
from keeper.store.offsite_file import OffsiteStore

NOW = dt.datetime(2026, 11, 23, 10, 30)


def board(store: OffsiteStore) -> bo.BoardData:
    offsite = store.current_offsite()
    assert offsite is not None
    return bo.load_board(store.session, offsite.id)


def author(data: bo.BoardData, name: str) -> int:
    return next(p.id for p in data.people if p.name == name)


def votes(store: OffsiteStore) -> list[tuple[int, int | None, int | None, int]]:
    rows = store.session.execute(
        select(Support.person_id, Support.note_id, Support.cluster_id, Support.dots)
    )
    return sorted((tuple(r) for r in rows), key=repr)


def counts(data: bo.BoardData) -> dict[str, int]:
    return {e.title: e.count for e in data.entries()}


# ----------------------------------------------------------------------------- loading


def test_demo_board_loads_with_people_clusters_and_two_big_bets(demo_store):
    data = board(demo_store)
    assert len(data.notes) == 40
    assert len(data.clusters) == 7
    assert sum(c.big_bet for c in data.clusters) == 2
    assert data.people[0].is_keeper and data.people[0].initials == "DW"
    assert data.ranking()[0].title == "Renewals & expansion"
    assert data.big_bet_issues() == []


def test_initials():
    assert bo.initials("Maya Johansson") == "MJ"
    assert bo.initials("Cher") == "CH"
    assert bo.initials("  ") == "?"
    assert bo.initials("Jean-Luc Picard") == "JP"
    assert bo.initials("وليد خالد") == "وخ"


# ----------------------------------------------------------------------------- capture


def test_add_note_lands_in_the_inbox_and_undo_redo(demo_store):
    data = board(demo_store)
    maya = author(data, "Jill Morgan")
    op = bo.AddNotes(data.offsite_id, maya, "  Renewal desk for SMB  ", NOW)
    op.apply(demo_store)
    after = board(demo_store)
    (new,) = [n for n in after.notes if n.id in op.note_ids]
    assert new.text == "Renewal desk for SMB" and new.author_id == maya and new.cluster_id is None
    # not on top of an existing note
    assert all((n.x, n.y) != (new.x, new.y) for n in after.notes if n.id != new.id)
    assert after.progress().by_person[maya] == (
        sum(1 for n in after.notes if n.author_id == maya), 5)
    op.revert(demo_store)
    assert len(board(demo_store).notes) == 40
    op.apply(demo_store)  # redo keeps the id
    assert board(demo_store).note(op.note_ids[0]) is not None


def test_pasting_several_lines_makes_several_notes(demo_store):
    data = board(demo_store)
    op = bo.AddNotes(data.offsite_id, data.people[1].id,
                     "Partner webinars\r\n\n  \nPricing page refresh\nQBR template\n", NOW)
    op.apply(demo_store)
    texts = [n.text for n in board(demo_store).notes if n.id in op.note_ids]
    assert texts == ["Partner webinars", "Pricing page refresh", "QBR template"]
    assert op.text == "Add 3 notes"
    positions = {(n.x, n.y) for n in board(demo_store).notes if n.id in op.note_ids}
    assert len(positions) == 3
    op.revert(demo_store)
    assert len(board(demo_store).notes) == 40


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\x00\x07\x1b", "\t \u00a0"])
def test_empty_notes_are_refused(demo_store, text):
    data = board(demo_store)
    with pytest.raises(bo.BoardError, match="empty"):
        bo.AddNotes(data.offsite_id, data.people[0].id, text, NOW)


def test_a_note_needs_an_author(demo_store):
    with pytest.raises(bo.BoardError, match="who wrote"):
        bo.AddNotes(board(demo_store).offsite_id, None, "Something", NOW)


def test_bad_input_is_cleaned_and_stored_intact(demo_store, tmp_path):
    data = board(demo_store)
    texts = ["Grow 🚀 renewals 👩🏽‍💼", "زيادة المبيعات في الشرق الأوسط", "tab\there\x1b[31m red",
             "=HYPERLINK(\"x\")", "x" * 10_000]
    op = bo.AddNotes(data.offsite_id, data.people[0].id, "\n".join(texts), NOW)
    op.apply(demo_store)
    path = demo_store.path
    demo_store.close()
    reopened = OffsiteStore.open(path)
    try:
        stored = {n.id: n.text for n in board(reopened).notes}
        got = [stored[i] for i in op.note_ids]
        assert got[0] == texts[0]
        assert got[1] == texts[1]
        assert got[2] == "tab here[31m red"
        assert got[3] == texts[3]  # stored as text; exporters make it formula-safe
        assert len(got[4]) == 2000
    finally:
        reopened.close()


def test_edit_and_delete_note_undo(demo_store):
    data = board(demo_store)
    note = data.notes[0]
    edit = bo.EditNote(note.id, "Renewals pipeline 90 days out")
    edit.apply(demo_store)
    assert board(demo_store).note(note.id).text == "Renewals pipeline 90 days out"
    edit.revert(demo_store)
    assert board(demo_store).note(note.id).text == note.text
    with pytest.raises(bo.BoardError):
        bo.EditNote(note.id, " \n ")

    # a note with its own votes: deleting removes them, undo brings them back
    bo.ToggleSupport(data.offsite_id, data.people[2].id, note_id=note.id).apply(demo_store)
    before = votes(demo_store)
    delete = bo.DeleteNotes([note.id])
    delete.apply(demo_store)
    assert board(demo_store).note(note.id) is None
    assert len(votes(demo_store)) == len(before) - 1
    delete.revert(demo_store)
    assert board(demo_store).note(note.id) == note
    assert votes(demo_store) == before


# ----------------------------------------------------------------------------- grouping


def test_move_note_into_cluster_keeps_its_votes_and_grows_the_frame(demo_store):
    data = board(demo_store)
    loose = next(n for n in data.notes if n.cluster_id is None)
    target = data.clusters[4]
    bo.ToggleSupport(data.offsite_id, data.people[1].id, note_id=loose.id).apply(demo_store)
    before = votes(demo_store)
    members = data.notes_in(target.id)
    x, y = members[0].x + 30, members[0].y + 20  # dropped on top of a note of the group
    op = bo.MoveNotes([bo.NoteMove(loose.id, x, y, target.id)])
    op.apply(demo_store)
    after = board(demo_store)
    moved = after.note(loose.id)
    assert moved.cluster_id == target.id
    assert votes(demo_store) == before
    assert not any(bo._overlaps(bo.note_rect(moved.x, moved.y), bo.note_rect(n.x, n.y))
                   for n in members)  # a free place, not on top of the note
    frame = after.cluster(target.id)
    assert frame.x + frame.width >= moved.x + bo.NOTE_W
    assert frame.y + frame.height >= moved.y + bo.NOTE_H
    assert bo.cluster_at(after, moved.x + 10, moved.y + 10) == target.id
    op.revert(demo_store)
    assert board(demo_store).note(loose.id) == loose
    assert board(demo_store).cluster(target.id) == target


def test_group_selection_into_new_cluster_then_undo(demo_store):
    data = board(demo_store)
    loose = [n.id for n in data.notes if n.cluster_id is None]
    op = bo.CreateCluster(data.offsite_id, loose, "Culture & deals")
    op.apply(demo_store)
    after = board(demo_store)
    cluster = after.cluster(op.cluster_id)
    assert cluster.title == "Culture & deals"
    assert sorted(n.id for n in after.notes_in(cluster.id)) == sorted(loose)
    # laid out in a grid inside the frame
    for n in after.notes_in(cluster.id):
        assert cluster.x < n.x and n.x + bo.NOTE_W < cluster.x + cluster.width
        assert cluster.y + bo.HEADER <= n.y and n.y + bo.NOTE_H < cluster.y + cluster.height
    op.revert(demo_store)
    assert board(demo_store).clusters == data.clusters
    assert board(demo_store).notes == data.notes
    op.apply(demo_store)
    assert board(demo_store).cluster(op.cluster_id).title == "Culture & deals"


def test_accepted_suggestion_goes_to_free_space(demo_store):
    data = board(demo_store)
    ids = [n.id for n in data.notes if n.cluster_id is None]
    op = bo.accept_suggestion(data.offsite_id, "  Culture  ", ids)
    op.apply(demo_store)
    after = board(demo_store)
    new = after.cluster(op.cluster_id)
    assert new.title == "Culture"
    frames = bo._frames(after.clusters, after.notes)
    mine = frames[[c.id for c in after.clusters].index(new.id)]
    others = [f for f, c in zip(frames, after.clusters, strict=True) if c.id != new.id]
    assert not any(bo._overlaps(mine, f) for f in others)


def test_merge_keeps_every_vote(demo_store):
    data = board(demo_store)
    a, b = data.clusters[2], data.clusters[3]
    total_people = set(data.entries()[2].supporter_ids) | set(data.entries()[3].supporter_ids)
    op = bo.MergeClusters(a.id, [b.id])
    op.apply(demo_store)
    after = board(demo_store)
    assert after.cluster(b.id) is None
    assert len(after.notes_in(a.id)) == len(data.notes_in(a.id)) + len(data.notes_in(b.id))
    merged = next(e for e in after.entries() if e.id == a.id)
    assert set(merged.supporter_ids) == total_people
    op.revert(demo_store)
    assert board(demo_store).clusters == data.clusters
    assert board(demo_store).notes == data.notes
    assert board(demo_store).supports == data.supports or sorted(
        board(demo_store).supports, key=repr) == sorted(data.supports, key=repr)


def test_merge_in_dots_mode_adds_dots(demo_store):
    data = board(demo_store)
    bo.SetTallySettings(data.offsite_id, mode="dots").apply(demo_store)
    a, b = data.clusters[5], data.clusters[6]
    before = {e.id: e.count for e in board(demo_store).entries()}
    bo.MergeClusters(a.id, [b.id]).apply(demo_store)
    after = {e.id: e.count for e in board(demo_store).entries()}
    assert after[a.id] == before[a.id] + before[b.id]
    assert sum(after.values()) == sum(before.values())


def test_dissolve_moves_cluster_votes_to_its_notes(demo_store):
    data = board(demo_store)
    cluster = data.clusters[0]
    supporters = set(data.supporters_of(IdeaKind.CLUSTER, cluster.id))
    assert supporters
    op = bo.DissolveCluster(cluster.id)
    op.apply(demo_store)
    after = board(demo_store)
    assert after.cluster(cluster.id) is None
    for note in data.notes_in(cluster.id):
        assert after.note(note.id).cluster_id is None
        assert set(after.supporters_of(IdeaKind.NOTE, note.id)) == supporters
    op.revert(demo_store)
    assert board(demo_store).cluster(cluster.id) == cluster
    assert {n.id for n in board(demo_store).notes_in(cluster.id)} == {
        n.id for n in data.notes_in(cluster.id)}


def test_dissolving_a_voted_empty_cluster_is_refused(demo_store):
    data = board(demo_store)
    cluster = data.clusters[6]
    bo.DeleteNotes([n.id for n in data.notes_in(cluster.id)]).apply(demo_store)
    before = votes(demo_store)
    with pytest.raises(bo.BoardError, match="lose"):
        bo.DissolveCluster(cluster.id).apply(demo_store)
    assert votes(demo_store) == before
    assert board(demo_store).cluster(cluster.id) is not None


def test_regroup_round_trip_keeps_total_support(demo_store):
    """Move notes around, merge, dissolve: nobody's support disappears."""
    data = board(demo_store)
    people_before = {s.person_id for s in data.supports}
    c0, c1, c2 = data.clusters[:3]
    bo.MergeClusters(c0.id, [c1.id]).apply(demo_store)
    bo.DissolveCluster(c2.id).apply(demo_store)
    after = board(demo_store)
    loose = [n for n in after.notes if n.cluster_id is None][:2]
    bo.MoveNotes([bo.NoteMove(n.id, c0.x, c0.y + 600, c0.id) for n in loose]).apply(demo_store)
    after = board(demo_store)
    assert {s.person_id for s in after.supports} == people_before
    merged = next(e for e in after.entries() if e.id == c0.id)
    assert merged.count >= max(counts(data)[c0.title], counts(data)[c1.title])


def test_rename_and_move_cluster(demo_store):
    data = board(demo_store)
    cluster = data.clusters[1]
    with pytest.raises(bo.BoardError):
        bo.RenameCluster(cluster.id, " \x00 ")
    rename = bo.RenameCluster(cluster.id, "People & ramp")
    rename.apply(demo_store)
    assert board(demo_store).cluster(cluster.id).title == "People & ramp"
    move = bo.MoveCluster(cluster.id, 100, -20)
    move.apply(demo_store)
    after = board(demo_store)
    assert after.cluster(cluster.id).x == cluster.x + 100
    for old in data.notes_in(cluster.id):
        assert (after.note(old.id).x, after.note(old.id).y) == (old.x + 100, old.y - 20)
    move.revert(demo_store)
    rename.revert(demo_store)
    assert board(demo_store).cluster(cluster.id) == cluster


def test_tidy_fits_the_frame(demo_store):
    data = board(demo_store)
    cluster = data.clusters[0]  # 7 notes overflow the demo frame
    bo.TidyCluster(cluster.id).apply(demo_store)
    after = board(demo_store)
    c = after.cluster(cluster.id)
    assert (c.width, c.height) == bo.frame_size(7)
    assert bo.cluster_bounds((c.x, c.y, c.width, c.height),
                             [(n.x, n.y) for n in after.notes_in(c.id)]) == (
        c.x, c.y, c.width, c.height)


def test_arrange_board_removes_overlaps_and_keeps_groups(demo_store):
    from keeper.ops import SetFields
    from keeper.store.models import Cluster

    first, second = board(demo_store).clusters[:2]
    SetFields(Cluster, {"id": second.id}, {"x": first.x + 40, "y": first.y + 40}).apply(demo_store)
    data = board(demo_store)
    frames = bo._frames(data.clusters, data.notes)
    assert any(bo._overlaps(a, b) for i, a in enumerate(frames) for b in frames[i + 1:])
    op = bo.ArrangeBoard(data.offsite_id)
    op.apply(demo_store)
    after = board(demo_store)
    frames = bo._frames(after.clusters, after.notes)
    assert not any(bo._overlaps(a, b) for i, a in enumerate(frames) for b in frames[i + 1:])
    assert {n.id: n.cluster_id for n in after.notes} == {n.id: n.cluster_id for n in data.notes}
    assert after.supports == data.supports
    loose = [bo.note_rect(n.x, n.y) for n in after.notes if n.cluster_id is None]
    assert not any(bo._overlaps(r, f) for r in loose for f in frames)
    op.revert(demo_store)
    assert board(demo_store) == data


# ----------------------------------------------------------------------------- tally


def test_toggle_support_and_keeper_counted(demo_store):
    data = board(demo_store)
    note = next(n for n in data.notes if n.cluster_id is None)
    keeper = data.keeper_id
    assert keeper is not None
    on = bo.ToggleSupport(data.offsite_id, keeper, note_id=note.id)
    on.apply(demo_store)
    assert on.added is True
    assert counts(board(demo_store))[note.text] == 1
    bo.SetTallySettings(data.offsite_id, keeper_counted=False).apply(demo_store)
    assert counts(board(demo_store))[note.text] == 0
    off = bo.ToggleSupport(data.offsite_id, keeper, note_id=note.id)
    off.apply(demo_store)
    assert off.added is False
    assert board(demo_store).supporters_of(IdeaKind.NOTE, note.id) == {}
    off.revert(demo_store)
    assert board(demo_store).supporters_of(IdeaKind.NOTE, note.id) == {keeper: 1}


def test_dots_and_settings(demo_store):
    data = board(demo_store)
    change = bo.SetTallySettings(data.offsite_id, mode="dots", dots_per_person=20, cap_per_idea=2)
    change.apply(demo_store)
    cfg = board(demo_store).config
    assert (cfg.mode, cfg.dots_per_person, cfg.cap_per_idea) == (TallyMode.DOTS, 20, 2)
    note = data.notes[-1]
    person = data.people[3].id
    bo.SetDots(data.offsite_id, person, 2, note_id=note.id).apply(demo_store)
    assert board(demo_store).supporters_of(IdeaKind.NOTE, note.id) == {person: 2}
    bo.SetDots(data.offsite_id, person, 0, note_id=note.id).apply(demo_store)
    assert board(demo_store).supporters_of(IdeaKind.NOTE, note.id) == {}
    change.revert(demo_store)
    assert board(demo_store).config.mode is TallyMode.SUPPORTERS
    with pytest.raises(bo.BoardError):
        bo.SetTallySettings(data.offsite_id, colour="red")


def test_settings_row_created_when_missing(tmp_path, clock):
    from keeper.store.files import new_file

    store = new_file(tmp_path / "blank.keeper", clock=clock)
    try:
        data = board(store)
        assert data.config.mode is TallyMode.SUPPORTERS
        op = bo.SetTallySettings(data.offsite_id, mode="dots", cap_per_idea=0)
        op.apply(store)
        assert board(store).config.mode is TallyMode.DOTS
        assert board(store).config.cap_per_idea is None
        op.revert(store)
        assert board(store).config.mode is TallyMode.SUPPORTERS
        # an empty board: notes go to the origin; with nobody attending, leaders are listed
        with store.edit() as s:
            s.add(Person(name="Maya Lind", role="leader"))
        person = store.session.scalars(select(Person)).one()
        assert [p.name for p in board(store).people] == ["Maya Lind"]
        add = bo.AddNotes(data.offsite_id, person.id, "First idea", NOW)
        add.apply(store)
        assert (board(store).note(add.note_ids[0]).x, board(store).note(add.note_ids[0]).y) == (
            0.0, 0.0)
        assert board(store).progress().not_started == ()
    finally:
        store.close()


def test_with_nobody_attending_every_leader_stays_listed_after_the_first_note(tmp_path, clock):
    """Once one leader had written a note, the others vanished from the board's authors."""
    from keeper.store.files import new_file

    store = new_file(tmp_path / "blank.keeper", clock=clock)
    try:
        with store.edit() as s:
            s.add_all([Person(name="Maya Lind", role="leader"),
                       Person(name="Tom Ek", role="manager"),
                       Person(name="Rita Rep", role="rep")])
        data = board(store)
        assert [p.name for p in data.people] == ["Maya Lind", "Tom Ek"]
        bo.AddNotes(data.offsite_id, author(data, "Maya Lind"), "First idea", NOW).apply(store)
        assert [p.name for p in board(store).people] == ["Maya Lind", "Tom Ek"]
    finally:
        store.close()


# ----------------------------------------------------------------------------- big bets


def test_big_bet_flags(demo_store):
    data = board(demo_store)
    bets = [c for c in data.clusters if c.big_bet]
    others = [c for c in data.clusters if not c.big_bet]
    unmark = bo.SetBigBet(bets[0].id, False)
    unmark.apply(demo_store)
    kinds = [i.kind for i in board(demo_store).big_bet_issues()]
    assert kinds == [BigBetIssueKind.TOO_FEW]
    unmark.revert(demo_store)
    assert board(demo_store).big_bet_issues() == []
    initiative = data.initiatives[2].id
    for c in others[:3]:
        bo.SetBigBet(c.id, True, initiative).apply(demo_store)
    kinds = [i.kind for i in board(demo_store).big_bet_issues()]
    assert kinds == [BigBetIssueKind.TOO_MANY]
    bo.SetBigBet(others[3].id, True).apply(demo_store)  # not linked to an initiative
    kinds = {i.kind for i in board(demo_store).big_bet_issues()}
    assert kinds == {BigBetIssueKind.TOO_MANY, BigBetIssueKind.NO_INITIATIVE}
    assert board(demo_store).cluster(bets[0].id).initiative_id == bets[0].initiative_id


# ----------------------------------------------------------------------------- geometry


def test_free_spot_avoids_everything():
    obstacles = [(0.0, 0.0, 400.0, 300.0), (460.0, 0.0, 400.0, 300.0)]
    x, y = bo.free_spot(obstacles, 420, 380)
    assert not any(bo._overlaps((x, y, 420, 380), r) for r in obstacles)
    assert bo.free_spot([], 100, 100) == (0.0, 0.0)


def test_inbox_fills_gaps_first():
    notes = [bo.BoardNote(1, "a", None, None, 0.0, 0.0), bo.BoardNote(2, "b", None, None,
                                                                       400.0, 0.0)]
    spots = bo.inbox_positions([], notes, 2)
    assert spots[0] == (bo.NOTE_W + bo.GAP_X, 0.0)
    assert spots[1] == (3 * (bo.NOTE_W + bo.GAP_X), 0.0)


def test_operations_refuse_vanished_rows(demo_store):
    with pytest.raises(bo.BoardError):
        bo.RenameCluster(99999, "x").apply(demo_store)
    with pytest.raises(bo.BoardError):
        bo.MoveNotes([bo.NoteMove(99999, 0, 0, None)]).apply(demo_store)
    assert demo_store.session.scalar(select(Cluster.id).where(Cluster.id == 99999)) is None
    assert len(demo_store.session.scalars(select(Note)).all()) == 40


def test_notes_joining_a_group_take_the_free_places_nearest_the_drop():
    frame = (0.0, 0.0, 2 * bo.PAD + 2 * bo.NOTE_W + bo.GAP_X, 400.0)
    slots = bo.grid_positions(0.0, 0.0, 4, columns=2)
    occupied = [bo.note_rect(*slots[0]), bo.note_rect(*slots[1]), bo.note_rect(*slots[2])]
    assert bo.free_slot(frame, occupied, slots[1]) == slots[3]  # the hole beside the drop
    occupied.append(bo.note_rect(*slots[3]))
    x, y = bo.free_slot(frame, occupied, (500.0, 500.0))  # a full grid: a new row
    assert y == slots[2][1] + bo.NOTE_H + bo.GAP_Y
    assert not any(bo._overlaps(bo.note_rect(x, y), r) for r in occupied)


def test_several_notes_dropped_on_one_group_never_land_on_each_other(demo_store):
    data = board(demo_store)
    loose = [n for n in data.notes if n.cluster_id is None][:3]
    target = data.clusters[0]
    spot = data.notes_in(target.id)[0]
    bo.MoveNotes([bo.NoteMove(n.id, spot.x, spot.y, target.id) for n in loose]).apply(demo_store)
    after = board(demo_store)
    rects = [bo.note_rect(n.x, n.y) for n in after.notes_in(target.id)]
    for i, a in enumerate(rects):
        assert not any(bo._overlaps(a, b) for b in rects[i + 1:])


def test_packed_frames_fill_a_laptop_screen_without_overlaps():
    sizes = [bo.frame_size(n) for n in (9, 7, 6, 6, 4, 4, 4, 3, 12, 2)]
    spots = bo.pack_frames(sizes)
    rects = [(x, y, w, h) for (x, y), (w, h) in zip(spots, sizes, strict=True)]
    assert not any(bo._overlaps(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])
    whole = bo.union(rects)
    used = sum(w * h for w, h in sizes) / (whole[2] * whole[3])
    assert used >= 0.6  # the frames, not gaps, fill the box they make
    # shaped for a 16:10 screen: neither a tall column nor one long row
    assert 1.0 <= whole[2] / whole[3] <= 2.6


def test_a_tall_group_does_not_leave_a_row_of_empty_space_beside_short_ones():
    # the demo's board: one group of 7 notes, three of 6, three of 4 (two notes a row)
    sizes = [bo.frame_size(n) for n in (7, 6, 6, 6, 4, 4, 4)]
    spots = bo.pack_frames(sizes)
    rects = [(x, y, w, h) for (x, y), (w, h) in zip(spots, sizes, strict=True)]
    assert not any(bo._overlaps(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])
    whole = bo.union(rects)
    # three columns under each other, not three rows of shelves (4 + 3 + 2 note rows high)
    shelves_height = sizes[0][1] + sizes[1][1] + sizes[4][1] + 2 * bo.MARGIN
    assert whole[3] < shelves_height
    assert sum(w * h for w, h in sizes) / (whole[2] * whole[3]) >= 0.7


# ----------------------------------------------------------------------------- cost


def statements_during(store: OffsiteStore, op: bo.BoardOperation) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(" ".join(statement.split()).lower())

    engine = store.session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        op.apply(store)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_an_edit_reads_only_the_part_of_the_board_it_changes(demo_store):
    """A phone's vote or a dragged group must not read the whole board inside its write
    (sixty phones at once queue behind each write)."""
    data = board(demo_store)
    person, cluster = data.people[1].id, data.clusters[0]
    vote = statements_during(demo_store, bo.ToggleSupport(data.offsite_id, person,
                                                          cluster_id=cluster.id))
    reads = [s for s in vote if s.startswith("select")]
    assert not [s for s in reads if " from note" in s or "attendance" in s
                or " from initiative" in s]
    assert all("support.person_id" in s for s in reads if " from support" in s)
    drag = statements_during(demo_store, bo.MoveCluster(cluster.id, 10, 0))
    note_reads = [s for s in drag if s.startswith("select") and " from note" in s
                  and "where note.id = ?" not in s]  # each write reads its row's old values
    assert note_reads and all("note.cluster_id = ?" in s for s in note_reads)
    assert not [s for s in drag if "attendance" in s or " from person" in s]
    add = statements_during(demo_store, bo.AddNotes(data.offsite_id, person, "Idea", NOW))
    note_rows = [s for s in add if s.startswith("select") and "note.text" in s]
    assert note_rows and all("note.cluster_id is null" in s for s in note_rows)
