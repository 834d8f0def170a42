"""After an edit the board redraws only what changed, and still shows what a full reload shows."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from keeper import board as bo
from keeper.board.tally import IdeaKind
from ui.board.cluster_item import ClusterItem
from ui.board.note_item import NoteItem
from ui.board.view import BoardView

NOW = dt.datetime(2026, 11, 23, 10, 30)


@pytest.fixture
def view(qtbot, context):
    v = BoardView(context)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def synced(monkeypatch):
    """Which note and group items were brought in step (the seam: every sync goes through
    ``update_from``)."""
    calls: dict[str, list[int]] = {"notes": [], "clusters": []}
    note_update, cluster_update = NoteItem.update_from, ClusterItem.update_from

    def note(self, n, *args):  # noqa: ANN001, ANN202
        calls["notes"].append(n.id)
        return note_update(self, n, *args)

    def cluster(self, c, *args):  # noqa: ANN001, ANN202
        calls["clusters"].append(c.id)
        return cluster_update(self, c, *args)

    monkeypatch.setattr(NoteItem, "update_from", note)
    monkeypatch.setattr(ClusterItem, "update_from", cluster)
    return calls


def shown(view: BoardView) -> dict[str, object]:
    """What the whiteboard draws, item by item."""
    scene = view.scene
    return {
        "notes": {i: (n.note, n.pos().toTuple(), n.colour, n.initials, n.support, n.cluster_id,
                      n.toolTip()) for i, n in scene.notes.items()},
        "clusters": {i: (c.cluster, c.pos().toTuple(), c.rect.getRect(), c.subtitle,
                         c.initiative, sorted(m.note.id for m in c.members))
                     for i, c in scene.clusters.items()},
    }


def test_editing_one_note_redraws_that_note_only(view, context, synced):
    note = view.data.notes[5]
    assert view.run(bo.EditNote(note.id, "Renewal desk for SMB accounts"))
    assert synced == {"notes": [note.id], "clusters": []}
    assert view.scene.notes[note.id].note.text == "Renewal desk for SMB accounts"
    synced["notes"].clear()
    context.undo_stack.undo()
    assert synced == {"notes": [note.id], "clusters": []}
    assert view.scene.notes[note.id].note.text == note.text


def test_a_vote_on_a_group_redraws_that_group_only(view, context, synced):
    cluster = view.data.clusters[2]
    before = view.scene.clusters[cluster.id].subtitle
    person = next(p.id for p in view.data.people
                  if p.id not in view.data.supporters_of(IdeaKind.CLUSTER, cluster.id))
    assert view.run(bo.ToggleSupport(view.data.offsite_id, person, cluster_id=cluster.id))
    assert synced == {"notes": [], "clusters": [cluster.id]}
    assert view.scene.clusters[cluster.id].subtitle != before


def test_moving_a_note_into_a_group_redraws_the_note_and_both_groups(view, synced):
    source, target = view.data.clusters[0], view.data.clusters[1]
    note = view.data.notes_in(source.id)[0]
    assert view.run(bo.MoveNotes([bo.NoteMove(note.id, target.x + 20, target.y + 60,
                                              target.id)]))
    assert synced["notes"] == [note.id]
    assert sorted(synced["clusters"]) == sorted([source.id, target.id])
    assert view.scene.notes[note.id] in view.scene.clusters[target.id].members


def test_the_board_after_random_edits_and_undos_shows_what_a_full_reload_shows(
        view, context):
    rng = random.Random(7)
    from tests.unit.board.test_patch import random_edit

    for _ in range(40):
        if rng.random() < 0.2 and context.undo_stack.canUndo():
            context.undo_stack.undo()
        elif rng.random() < 0.1 and context.undo_stack.canRedo():
            context.undo_stack.redo()
        else:
            op = random_edit(rng, view.data)
            if op is None:
                continue
            view.run(op)  # a refused edit says why and changes nothing
        patched = shown(view)
        view.refresh()
        assert patched == shown(view)
