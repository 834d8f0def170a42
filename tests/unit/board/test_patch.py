"""A board patched with each edit's rows stays equal to a fresh load, through undo and redo."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from keeper import board as bo
from keeper.board.patch import patch_board
from keeper.board.placement import shown_frames
from keeper.changes import Changes
from keeper.ops import Operation, SetFields
from keeper.store.models import Person
from keeper.store.offsite_file import OffsiteStore

NOW = dt.datetime(2026, 11, 23, 10, 30)


def fresh(store: OffsiteStore) -> bo.BoardData:
    offsite = store.current_offsite()
    assert offsite is not None
    return bo.load_board(store.session, offsite.id)


def random_edit(rng: random.Random, data: bo.BoardData) -> Operation | None:
    notes, clusters = list(data.notes), list(data.clusters)
    people = [p.id for p in data.people]
    kind = rng.choice(["add", "edit", "delete", "move", "join", "group", "rename", "drag",
                       "merge", "dissolve", "vote", "vote", "dots", "tidy"])
    note = rng.choice(notes) if notes else None
    cluster = rng.choice(clusters) if clusters else None
    if kind == "add":
        lines = "\n".join(f"Idea {rng.randrange(1000)}" for _ in range(rng.randint(1, 3)))
        return bo.AddNotes(data.offsite_id, rng.choice(people), lines, NOW)
    if note is None or cluster is None:
        return None
    if kind == "edit":
        return bo.EditNote(note.id, f"Edited {rng.randrange(1000)}", rng.choice(people))
    if kind == "delete":
        return bo.DeleteNotes([note.id])
    if kind in ("move", "join"):
        target = cluster.id if kind == "join" else None
        return bo.MoveNotes([bo.NoteMove(note.id, note.x + 30, note.y + 10, target)])
    if kind == "group":
        chosen = rng.sample(notes, min(len(notes), rng.randint(1, 3)))
        return bo.CreateCluster(data.offsite_id, [n.id for n in chosen], "Grouped")
    if kind == "rename":
        return bo.RenameCluster(cluster.id, f"Theme {rng.randrange(1000)}")
    if kind == "drag":
        return bo.MoveCluster(cluster.id, rng.uniform(-50, 50), rng.uniform(-50, 50))
    if kind == "merge" and len(clusters) > 1:
        return bo.MergeClusters(cluster.id, [rng.choice([c for c in clusters if c != cluster]).id])
    if kind == "dissolve":
        return bo.DissolveCluster(cluster.id)
    if kind == "vote":
        target = {"note_id": note.id} if rng.random() < 0.5 else {"cluster_id": cluster.id}
        return bo.ToggleSupport(data.offsite_id, rng.choice(people), **target)
    if kind == "dots":
        return bo.SetDots(data.offsite_id, rng.choice(people), rng.randint(0, 1),
                          note_id=note.id)
    if kind == "tidy":
        return bo.TidyCluster(cluster.id)
    return None


def follow(store: OffsiteStore, data: bo.BoardData, changes: Changes) -> bo.BoardData:
    patch = patch_board(store.session, data, changes)
    return fresh(store) if patch is None else patch.data


@pytest.mark.parametrize("seed", range(4))
def test_patched_board_matches_a_fresh_load_after_random_edits_and_undos(demo_store, seed):
    rng = random.Random(seed)
    data = fresh(demo_store)
    done: list[Operation] = []
    undone: list[Operation] = []
    patched = 0
    for _ in range(60):
        roll = rng.random()
        if roll < 0.15 and done:
            op = done.pop()
            changes = op.revert(demo_store)
            undone.append(op)
        elif roll < 0.22 and undone:
            op = undone.pop()
            changes = op.apply(demo_store)
            done.append(op)
        else:
            op = random_edit(rng, data)
            if op is None:
                continue
            try:
                changes = op.apply(demo_store)
            except bo.BoardError:
                continue  # refused (over a dot limit, votes with no notes): nothing written
            done.append(op)
            undone.clear()
        patched += patch_board(demo_store.session, data, changes) is not None
        data.entries()  # the tally as the view has it before the edit
        data = follow(demo_store, data, changes)
        loaded = fresh(demo_store)
        assert data == loaded, type(op).__name__
        assert data.tally_notes == loaded.tally_notes and data.ranking() == loaded.ranking()
        frames = shown_frames(demo_store.session, data.offsite_id, data.clusters)
        assert frames == bo._frames(data.clusters, data.notes)  # new notes land clear of them
    assert patched > 30  # most edits were patched, not reloaded


def test_a_note_edit_reports_its_own_row_and_patches_only_it(demo_store):
    data = fresh(demo_store)
    note = data.notes[3]
    changes = bo.EditNote(note.id, "Renewal desk for SMB").apply(demo_store)
    assert changes.board and changes.rows == {("note", note.id)}
    patch = patch_board(demo_store.session, data, changes)
    assert patch is not None
    assert patch.notes == {note.id} and not patch.clusters and not patch.supports
    assert patch.data.note(note.id).text == "Renewal desk for SMB"  # type: ignore[union-attr]


def test_a_vote_reports_support_rows_and_the_patch_rereads_support(demo_store):
    data = fresh(demo_store)
    person, cluster = data.people[1].id, data.clusters[0].id
    changes = bo.ToggleSupport(data.offsite_id, person, cluster_id=cluster).apply(demo_store)
    patch = patch_board(demo_store.session, data, changes)
    assert patch is not None and patch.supports and not patch.notes
    assert patch.data == fresh(demo_store)


def test_a_write_beyond_notes_groups_and_support_asks_for_a_reload(demo_store):
    data = fresh(demo_store)
    person = data.people[1]
    rename = SetFields(Person, {"id": person.id}, {"name": "Renamed Person"})
    assert patch_board(demo_store.session, data, rename.apply(demo_store)) is None
    settings = bo.SetTallySettings(data.offsite_id, mode="dots").apply(demo_store)
    assert patch_board(demo_store.session, data, settings) is None
    assert patch_board(demo_store.session, data, Changes(board=True)) is None  # rows unknown
