"""An edit of one rep redraws that rep only, and the patched board equals a fresh load."""

from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from keeper.quadrant.labels import LabelLayout
from ui.context import AppContext
from ui.quadrant import state as state_module
from ui.quadrant.view import QuadrantView


@pytest.fixture
def view(qtbot, context: AppContext) -> QuadrantView:  # noqa: ANN001
    widget = QuadrantView(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _board(view: QuadrantView) -> dict[str, object]:
    """Everything the Keeper sees of the board, as plain values."""
    scene, moves = view.scene, view.shape.movement_list
    return {
        "dots": {r: (d.pos().x(), d.pos().y(), d.isVisible(), d.name)
                 for r, d in scene.dots.items()},
        "arrows": {r: (a.start.x(), a.start.y(), a.end.x(), a.end.y(), a.isVisible())
                   for r, a in scene.arrows.items()},
        "ghosts": {r: (g.pos().x(), g.pos().y(), g.isVisible()) for r, g in scene.ghosts.items()},
        "badges": {q: item.text for q, item in scene.counts.items()},
        "reps list": list(view.reps.model.rows),
        "movement": [(moves.item(i).text(0), moves.item(i).data(0, Qt.ItemDataRole.UserRole))
                     for i in range(moves.count())],
        "shares": view.shape.share_bars.result,
        "flags": view.shape.flags_label.text(),
        "filter": [view.manager_box.itemText(i) for i in range(view.manager_box.count())],
        "data": (view.data.current, view.data.rep_notes, view.data.placement_ids),
    }


def _settle() -> None:
    for _ in range(3):  # the deferred names, Shape tab and repaint
        QApplication.processEvents()


def test_undo_of_one_nudge_touches_only_that_rep(view: QuadrantView, context: AppContext,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rep_id = sorted(view.data.current)[5]
    view.select_rep(rep_id)
    view.board.setFocus()
    for _ in range(3):
        view.board.nudge_requested.emit(rep_id, 0.01, 0.0)
    _settle()
    synced, read, placed, moved, listed = [], [], [], [], []
    real_sync, real_read = view.state.sync_rep, state_module.read_placements
    real_move, real_patch = LabelLayout.move, view.shape.patch_movement
    monkeypatch.setattr(view.state, "sync_rep",
                        lambda r, history: (synced.append(r), real_sync(r, history)))
    monkeypatch.setattr(state_module, "read_placements", lambda store, offsite_id=None, ids=None: (
        read.append((offsite_id, set(ids or ()))), real_read(store, offsite_id, ids))[1])
    monkeypatch.setattr(LabelLayout, "move", lambda layout, key, *a, **k: (
        placed.append(key), real_move(layout, key, *a, **k))[1])
    monkeypatch.setattr(view.shape, "patch_movement", lambda moves, name: (
        moved.append(set(moves)), real_patch(moves, name)))
    monkeypatch.setattr(view.shape, "show_movement", lambda *a: listed.append(a))

    context.undo_stack.undo()
    _settle()

    assert synced == [rep_id]  # one dot, its faded dot and arrow
    assert [offsite for offsite, _ids in read] == [None] and len(read[0][1]) == 1  # its row
    assert placed == [rep_id]  # the names around that dot only
    assert moved == [{rep_id}] and not listed  # its movement row, not the whole list
    after = _board(view)
    view.reload()
    _settle()
    assert after == _board(view)


def test_board_after_random_nudges_undos_and_redos_equals_a_fresh_load(
        view: QuadrantView, context: AppContext) -> None:
    rng = random.Random(17)
    reps = sorted(view.data.current)
    stack = context.undo_stack
    for _ in range(60):
        roll = rng.random()
        if roll < 0.5:
            rep_id = rng.choice(reps)
            view.select_rep(rep_id)
            step = rng.choice([0.01, 0.05, 0.2])
            view.nudge(rep_id, rng.choice([-step, step]), rng.choice([-step, 0.0, step]))
        elif roll < 0.6:
            view.remove_rep(rng.choice(reps))
        elif roll < 0.65:
            view.place(rng.choice(reps), rng.random(), rng.random())  # back on, or a drop
        elif roll < 0.85:
            stack.undo()
        else:
            stack.redo()
        if rng.random() < 0.5:
            _settle()
    _settle()
    patched = _board(view)
    scale = view.scene.scale
    dots = [QRectF(d.pos() * scale - QPointF(7, 7), QSizeF(14, 14))
            for d in view.scene.dots.values() if d.isVisible()]
    names = [d.label_rect().translated(d.pos() * scale)
             for d in view.scene.dots.values() if d.isVisible() and d.label_side]
    for i, name in enumerate(names):  # the patched names still cover nothing
        assert not any(name.intersects(d) for d in dots)
        assert not any(name.intersects(other) for other in names[i + 1:])

    fresh = QuadrantView(context)
    fresh.resize(1100, 760)
    fresh.show()
    _settle()
    assert patched == _board(fresh)
    fresh.close()
    fresh.deleteLater()




def test_arrows_redrawn_around_moved_reps_match_a_whole_redraw(view: QuadrantView) -> None:
    rng = random.Random(3)
    layer = view.scene.arrow_layer
    _settle()
    view.board.viewport().repaint()  # the layer's pixmap, drawn whole
    for _ in range(25):
        rep_id = rng.choice(sorted(view.data.current))
        view.nudge(rep_id, rng.choice([-0.05, 0.01, 0.2]), rng.choice([-0.2, 0.0, 0.05]))
        _settle()
        view.board.viewport().repaint()  # only the bands along the changed arrows
    patched = layer._pixmap.toImage()
    layer._pixmap = None
    view.board.viewport().repaint()
    whole = layer._pixmap.toImage()
    assert patched.size() == whole.size()
    worst = max(abs(a - b) for y in range(0, whole.height(), 2) for x in range(whole.width())
                for a, b in zip(_premultiplied(patched, x, y), _premultiplied(whole, x, y),
                                strict=True))
    assert worst <= 8  # antialiasing where a line was cut to a box may differ by a shade


def _premultiplied(image: QImage, x: int, y: int) -> tuple[float, ...]:
    """A pixel as it shows over the board (a nearly clear pixel's colour is noise)."""
    r, g, b, a = image.pixelColor(x, y).getRgb()
    return (r * a / 255, g * a / 255, b * a / 255, a)
