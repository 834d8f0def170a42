"""The quadrant view: drag, keyboard nudge, undo/redo, filter, notes, import, projector privacy."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from keeper.clock import FakeClock
from keeper.quadrant.rules import Quadrant
from keeper.store.models import Person, Placement
from keeper.store.offsite_file import OffsiteStore
from tests.ui.showing import shown
from ui.context import AppContext
from ui.quadrant import import_action as import_module
from ui.quadrant.audience import AudienceQuadrant
from ui.quadrant.board import SIZE
from ui.quadrant.view import QuadrantView


@pytest.fixture
def view(qtbot, context: AppContext) -> QuadrantView:  # noqa: ANN001
    return shown(qtbot, QuadrantView(context), 1100, 760)


def _rep_id(context: AppContext, name: str) -> int:
    assert context.store is not None
    return context.store.session.scalars(select(Person.id).where(Person.name == name)).one()


def _stored(context: AppContext, rep_id: int) -> tuple[float, float] | None:
    store = context.store
    assert store is not None
    store.session.expire_all()
    row = store.session.scalars(select(Placement).where(
        Placement.offsite_id == context.offsite_id, Placement.person_id == rep_id)).first()
    return (row.skill, row.motivation) if row else None


def _viewport_point(view: QuadrantView, scene_point: QPointF) -> QPoint:
    return view.board.mapFromScene(scene_point)


def _mouse(widget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:  # noqa: ANN001
    event = QMouseEvent(kind, QPointF(pos), widget.mapToGlobal(QPointF(pos)),
                        Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _drag(view: QuadrantView, rep_id: int, target: QPointF) -> None:
    viewport = view.board.viewport()
    start = _viewport_point(view, view.scene.dots[rep_id].pos())
    end = _viewport_point(view, target)
    left = Qt.MouseButton.LeftButton
    _mouse(viewport, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, 6):
        step = start + (end - start) * (i / 5)
        _mouse(viewport, QEvent.Type.MouseMove, step, left)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_board_shows_every_rep_with_quadrant_names(view: QuadrantView) -> None:
    assert len(view.scene.dots) == 28
    assert {d.name for d in view.scene.dots.values()} >= {"Owen Murphy", "Chloe Martin"}
    assert len(view.scene.ghosts) == 28  # the spring offsite, faded
    total = sum(int(item.text.split()[0]) for item in view.scene.counts.values())
    assert total == 28
    assert view.reps.model.rowCount() == 28
    assert "Breathers" in view.shape.flags_label.text()
    assert view.shape.movement_list.count() == 28


def test_drag_moves_rep_to_another_quadrant_and_stores_it(view: QuadrantView,
                                                          context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    assert view.data.current[owen].quadrant is Quadrant.BREATHERS
    before_counts = {q: item.text for q, item in view.scene.counts.items()}
    _drag(view, owen, QPointF(0.2 * SIZE, 0.2 * SIZE))  # low skill, high motivation
    skill, motivation = _stored(context, owen)
    assert skill == pytest.approx(0.2, abs=0.01) and motivation == pytest.approx(0.8, abs=0.01)
    assert view.data.current[owen].quadrant is Quadrant.HIGH_MOTIVATION_LOW_SKILL
    after_counts = {q: item.text for q, item in view.scene.counts.items()}
    assert after_counts[Quadrant.BREATHERS] != before_counts[Quadrant.BREATHERS]
    assert after_counts[Quadrant.HIGH_MOTIVATION_LOW_SKILL] != \
        before_counts[Quadrant.HIGH_MOTIVATION_LOW_SKILL]
    row = view.reps.model.row_of(owen)
    assert view.reps.model.rows[row][1][2] == Quadrant.HIGH_MOTIVATION_LOW_SKILL.label
    assert context.undo_stack.count() == 1
    assert view.selected_rep() == owen


def test_drag_past_the_edge_stays_on_the_board(view: QuadrantView, context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    _drag(view, owen, QPointF(SIZE * 1.03, -SIZE * 0.005))
    assert _stored(context, owen) == (1.0, 1.0)


def test_click_without_moving_stores_nothing(view: QuadrantView, context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    before = _stored(context, owen)
    _drag(view, owen, view.scene.dots[owen].pos())
    assert _stored(context, owen) == before
    assert context.undo_stack.count() == 0
    assert view.selected_rep() == owen


def test_arrow_keys_nudge_selected_rep(qtbot, view: QuadrantView,  # noqa: ANN001
                                      context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    skill, motivation = _stored(context, owen)
    view.select_rep(owen)
    view.board.setFocus()
    qtbot.keyClick(view.board, Qt.Key.Key_Right)
    assert _stored(context, owen) == (pytest.approx(skill + 0.01), pytest.approx(motivation))
    qtbot.keyClick(view.board, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert _stored(context, owen) == (pytest.approx(skill + 0.01),
                                      pytest.approx(motivation + 0.05))
    qtbot.keyClick(view.board, Qt.Key.Key_Left)
    qtbot.keyClick(view.board, Qt.Key.Key_Down)
    assert _stored(context, owen) == (pytest.approx(skill), pytest.approx(motivation + 0.04))
    dot = view.scene.dots[owen]
    assert dot.pos().x() == pytest.approx(skill * SIZE)
    assert context.undo_stack.count() == 1  # four nudges of one rep: one undo step
    assert view.selected_rep() == owen  # still selected: keep nudging


def test_nudges_of_one_rep_undo_in_one_step(qtbot, view: QuadrantView,  # noqa: ANN001
                                            context: AppContext) -> None:
    owen, chloe = _rep_id(context, "Owen Murphy"), _rep_id(context, "Chloe Martin")
    owen_before, chloe_before = _stored(context, owen), _stored(context, chloe)
    view.place(owen, 0.52, 0.4)  # a drag: its own undo step, never merged with nudges
    view.select_rep(owen)
    view.board.setFocus()
    for _ in range(5):
        qtbot.keyClick(view.board, Qt.Key.Key_Left)
    owen_nudged = _stored(context, owen)
    assert owen_nudged == (pytest.approx(0.47), pytest.approx(0.4))
    assert view.data.current[owen].quadrant is Quadrant.LOW_LOW  # crossed the axis
    view.select_rep(chloe)
    qtbot.keyClick(view.board, Qt.Key.Key_Up)
    qtbot.keyClick(view.board, Qt.Key.Key_Up)
    view.select_rep(owen)
    qtbot.keyClick(view.board, Qt.Key.Key_Down)  # Owen again, after Chloe: a new step
    stack = context.undo_stack
    assert stack.count() == 4
    assert [stack.text(i) for i in range(4)] == [
        "Move Owen Murphy to Breathers", "Nudge Owen Murphy", "Nudge Chloe Martin",
        "Nudge Owen Murphy"]

    stack.undo()
    assert _stored(context, owen) == owen_nudged
    stack.undo()  # both of Chloe's nudges at once
    assert _stored(context, chloe) == chloe_before
    assert view.scene.dots[chloe].pos() == QPointF(chloe_before[0] * SIZE,
                                                   (1 - chloe_before[1]) * SIZE)
    stack.undo()  # all five of Owen's nudges at once: back where the drag left him
    assert _stored(context, owen) == (pytest.approx(0.52), pytest.approx(0.4))
    assert view.data.current[owen].quadrant is Quadrant.BREATHERS
    stack.undo()
    assert _stored(context, owen) == owen_before
    stack.redo()
    stack.redo()
    assert _stored(context, owen) == owen_nudged
    assert view.data.current[owen].quadrant is Quadrant.LOW_LOW


def _badges(view: QuadrantView) -> dict[Quadrant, int]:
    return {q: int(item.text.split()[0]) for q, item in view.scene.counts.items()}


def _expected(context: AppContext, manager_id: int | None = None) -> dict[Quadrant, int]:
    """Counts straight from the file, with the rules of keeper.quadrant.rules."""
    from keeper.quadrant.ops import load_placements
    from keeper.quadrant.rules import shares

    placements = load_placements(context.store, context.offsite_id)
    result = shares([p for p in placements if manager_id in (None, p.manager_id)])
    return dict(result.counts)


def test_edits_refresh_counts_list_and_shape(qtbot, view: QuadrantView,  # noqa: ANN001
                                            context: AppContext) -> None:
    owen, chloe = _rep_id(context, "Owen Murphy"), _rep_id(context, "Chloe Martin")
    untouched = {rid: dot for rid, dot in view.scene.dots.items() if rid not in (owen, chloe)}
    view.place(owen, 0.9, 0.9)
    view.remove_rep(chloe)
    # At once, before the event loop runs: the badges, the dots and the list rows.
    assert _badges(view) == _expected(context)
    assert sum(_badges(view).values()) == 27
    assert chloe not in view.scene.dots and not view.scene.arrows[chloe].isVisible()
    assert view.scene.dots[owen].pos() == QPointF(0.9 * SIZE, 0.1 * SIZE)
    model = view.reps.model
    assert model.rows[model.row_of(owen)][1][2:5] == ("Top of the pack", "90%", "90%")
    assert model.rows[model.row_of(chloe)][1][2] == "Not placed"
    assert view.manager_box.itemText(0) == "All managers (27 placed)"
    assert all(view.scene.dots[rid] is dot for rid, dot in untouched.items())  # not rebuilt
    # The Shape tab follows once the event loop has turned.
    qtbot.waitUntil(lambda: view.shape.share_bars.result is not None
                    and view.shape.share_bars.result.total == 27)
    assert view.shape.share_bars.result.counts == _expected(context)
    moves = view.shape.movement_list
    assert any(moves.item(i).text(0).startswith("Chloe Martin: not placed today")
               for i in range(moves.count()))
    assert "Owen Murphy" not in view.shape.flags_label.text()  # no longer burned out

    context.undo_stack.undo()
    context.undo_stack.undo()
    assert _badges(view) == _expected(context)
    assert sum(_badges(view).values()) == 28
    assert model.rows[model.row_of(chloe)][1][2] != "Not placed"
    qtbot.waitUntil(lambda: view.shape.share_bars.result.total == 28)
    assert "Owen Murphy" in view.shape.flags_label.text()


def test_edit_refresh_keeps_the_manager_filter(qtbot, view: QuadrantView,  # noqa: ANN001
                                              context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    manager_id = view.data.current[owen].manager_id
    view.manager_box.setCurrentIndex(view.manager_box.findData(manager_id))
    team = view.reps.model.rowCount()
    view.place(owen, 0.1, 0.1)
    assert _badges(view) == _expected(context, manager_id)
    assert view.reps.model.rowCount() == team
    assert view.manager_box.currentData() == manager_id
    context.undo_stack.undo()
    assert _badges(view) == _expected(context, manager_id)
    qtbot.waitUntil(lambda: view.shape.share_bars.result.total == team)


def test_nudging_to_a_quadrant_change(qtbot, view: QuadrantView,  # noqa: ANN001
                                      context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    view.place(owen, 0.5, 0.52)
    view.select_rep(owen)
    view.board.setFocus()
    assert view.data.current[owen].quadrant is Quadrant.HIGH_HIGH
    qtbot.keyClick(view.board, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.data.current[owen].quadrant is Quadrant.BREATHERS


def test_bracket_keys_cycle_selection(qtbot, view: QuadrantView) -> None:  # noqa: ANN001
    view.board.setFocus()
    qtbot.keyClick(view.board, Qt.Key.Key_BracketRight)
    first = view.selected_rep()
    qtbot.keyClick(view.board, Qt.Key.Key_BracketRight)
    second = view.selected_rep()
    assert first is not None and second is not None and first != second
    qtbot.keyClick(view.board, Qt.Key.Key_BracketLeft)
    assert view.selected_rep() == first


def test_undo_and_redo_a_drag(view: QuadrantView, context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    before = _stored(context, owen)
    old_pos = view.scene.dots[owen].pos()
    _drag(view, owen, QPointF(0.1 * SIZE, 0.1 * SIZE))
    moved = _stored(context, owen)
    assert moved != before
    context.undo_stack.undo()
    assert _stored(context, owen) == before
    assert view.scene.dots[owen].pos() == old_pos
    assert view.data.current[owen].quadrant is Quadrant.BREATHERS
    context.undo_stack.redo()
    assert _stored(context, owen) == moved
    assert view.data.current[owen].quadrant is Quadrant.HIGH_MOTIVATION_LOW_SKILL


def test_remove_and_place_in_centre(qtbot, view: QuadrantView,  # noqa: ANN001
                                    context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    view.select_rep(owen)
    view.board.setFocus()
    qtbot.keyClick(view.board, Qt.Key.Key_Delete)
    assert _stored(context, owen) is None and owen not in view.scene.dots
    row = view.reps.model.row_of(owen)
    assert view.reps.model.rows[row][1][2] == "Not placed"
    view.reps.table.selectRow(row)
    view.reps.place_button.click()
    assert _stored(context, owen) == (0.5, 0.5)
    assert owen in view.scene.dots
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert _stored(context, owen) is not None and _stored(context, owen) != (0.5, 0.5)


def test_filter_by_manager(view: QuadrantView, context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    manager_id = view.data.current[owen].manager_id
    view.manager_box.setCurrentIndex(view.manager_box.findData(manager_id))
    visible = {rid for rid, dot in view.scene.dots.items() if dot.isVisible()}
    team = {p.rep_id for p in view.data.current.values() if p.manager_id == manager_id}
    assert visible == team and owen in visible and len(team) < 28
    assert view.reps.model.rowCount() == len(team)
    total = sum(int(item.text.split()[0]) for item in view.scene.counts.values())
    assert total == len(team)
    view.manager_box.setCurrentIndex(0)
    assert all(dot.isVisible() for dot in view.scene.dots.values())


def test_history_can_be_hidden(view: QuadrantView) -> None:
    assert any(g.isVisible() for g in view.scene.ghosts.values())
    view.history_box.setChecked(False)
    assert not any(g.isVisible() for g in view.scene.ghosts.values())
    assert not any(a.isVisible() for a in view.scene.arrows.values())


def test_rep_note_and_care_plan(view: QuadrantView, context: AppContext) -> None:
    owen = _rep_id(context, "Owen Murphy")
    view.set_rep_note(owen, "Burned out\x00 after Q3 🔥 \u202eRTL")
    store = context.store
    store.session.expire_all()
    note = store.session.scalars(select(Placement.note).where(
        Placement.offsite_id == context.offsite_id, Placement.person_id == owen)).one()
    assert note == "Burned out after Q3 🔥 \u202eRTL"
    assert view.data.rep_notes[owen] == note
    view.notes.care_box.setCurrentIndex(view.notes.care_box.findData(Quadrant.HIGH_HIGH.value))
    view.notes.care_note.setPlainText("Promotion path by Q2")
    view.notes.care_note.committed.emit(view.notes.care_note.toPlainText())
    assert view.data.quadrant_notes[Quadrant.HIGH_HIGH] == "Promotion path by Q2"
    context.undo_stack.undo()
    assert Quadrant.HIGH_HIGH not in view.data.quadrant_notes
    context.undo_stack.undo()
    assert owen not in view.data.rep_notes


def _audience(view: QuadrantView, qtbot) -> AudienceQuadrant:  # noqa: ANN001
    widget = view.audience_widget(None)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def _painted(widget: AudienceQuadrant) -> list[str]:
    widget.grab()  # paints now; the widget records every string it draws
    return list(widget.painted_text)


def test_projector_shows_no_names_unless_toggled(qtbot, view: QuadrantView,  # noqa: ANN001
                                                 context: AppContext) -> None:
    names = {rep.name for rep in view.data.reps.values()}
    managers = set(view.data.managers.values())
    owen = _rep_id(context, "Owen Murphy")
    view.set_rep_note(owen, "Secret: thinking of leaving")
    widget = _audience(view, qtbot)
    text = _painted(widget)
    assert text == widget.visible_text()
    assert any("28 reps" in t for t in text)
    assert any("%" in t for t in text)
    assert not names & set(text)
    assert not any(name in t for t in text for name in names | managers)
    assert not any("Secret" in t for t in text)

    view.names_box.setChecked(True)
    text = _painted(widget)
    assert names <= set(text)
    assert not any("Secret" in t or "leaving" in t for t in text)  # notes never projected

    view.names_box.setChecked(False)
    assert not names & set(_painted(widget))


def test_names_toggle_resets_when_session_changes(qtbot, view: QuadrantView,  # noqa: ANN001
                                                  context: AppContext) -> None:
    widget = _audience(view, qtbot)
    view.names_box.setChecked(True)
    assert "Owen Murphy" in _painted(widget)
    context.audience.session_changed.emit()
    assert not view.names_box.isChecked()
    assert "Owen Murphy" not in _painted(widget)


def test_names_toggle_resets_when_file_changes(qtbot, view: QuadrantView,  # noqa: ANN001
                                               context: AppContext) -> None:
    widget = _audience(view, qtbot)
    view.names_box.setChecked(True)
    context.set_offsite(context.offsite_id)
    assert not view.names_box.isChecked()
    assert "Owen Murphy" not in _painted(widget)


def test_show_on_projector_presents_a_safe_widget(qtbot, view: QuadrantView,  # noqa: ANN001
                                                  context: AppContext) -> None:
    presented = []
    context.audience.changed.connect(lambda: presented.append(context.audience.key))
    view.project_button.click()
    assert presented == ["quadrant"]
    factory = context.audience.factory
    assert factory is not None
    widget = factory(None)
    qtbot.addWidget(widget)
    assert isinstance(widget, AudienceQuadrant)
    widget.resize(800, 600)
    assert "Owen Murphy" not in _painted(widget)


def test_projector_follows_moves_and_filter(qtbot, view: QuadrantView,  # noqa: ANN001
                                            context: AppContext) -> None:
    widget = _audience(view, qtbot)
    owen = _rep_id(context, "Owen Murphy")
    manager_id = view.data.current[owen].manager_id
    view.manager_box.setCurrentIndex(view.manager_box.findData(manager_id))
    team = sum(1 for p in view.data.current.values() if p.manager_id == manager_id)
    text = _painted(widget)
    assert any(f"{team} reps" in t for t in text)
    assert not any(view.data.managers[manager_id] in t for t in text)


def test_import_placements_through_preview(view: QuadrantView, context: AppContext,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from keeper.quadrant.placement_import import plan_placements

    path = tmp_path / "prep.csv"
    path.write_text("Rep,Skill (1-10),Motivation (1-10)\nOwen Murphy,10,10\nNobody,5,5\n",
                    encoding="utf-8")
    plan = plan_placements(context.store, context.offsite_id, path)
    monkeypatch.setattr(import_module.PlacementPreview, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    assert view.review_import(plan)
    owen = _rep_id(context, "Owen Murphy")
    assert _stored(context, owen) == (1.0, 1.0)
    assert view.data.current[owen].quadrant is Quadrant.HIGH_HIGH
    context.undo_stack.undo()
    assert _stored(context, owen) != (1.0, 1.0)


def test_read_only_file_cannot_be_dragged(qtbot, demo_path: Path,  # noqa: ANN001
                                          clock: FakeClock) -> None:
    ctx = AppContext(clock=clock)
    ctx.set_store(OffsiteStore.open(demo_path, read_only=True))
    try:
        widget = QuadrantView(ctx)
        qtbot.addWidget(widget)
        widget.resize(1000, 700)
        widget.show()
        owen = _rep_id(ctx, "Owen Murphy")
        before = _stored(ctx, owen)
        _drag(widget, owen, QPointF(0.1 * SIZE, 0.1 * SIZE))
        widget.select_rep(owen)
        qtbot.keyClick(widget.board, Qt.Key.Key_Right)
        assert _stored(ctx, owen) == before
        assert not widget.import_button.isEnabled()
    finally:
        ctx.set_store(None)


def _label_boxes(view: QuadrantView) -> dict[str, QRectF]:
    scale = view.scene.scale
    return {dot.name: dot.label_rect().translated(dot.pos() * scale)
            for dot in view.scene.dots.values() if dot.isVisible() and dot.label_side}


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1000)])
def test_names_and_badges_keep_off_each_other_and_the_text(qtbot, view: QuadrantView,  # noqa: ANN001
                                                           size: tuple[int, int]) -> None:
    view.resize(*size)
    qtbot.wait(5)
    scale = view.scene.scale
    text = [box for t in view.board.texts()
            for box in t.boxes(scale, t.quadrant not in view.board.crowded, pad=0)]
    badges = [item.px_bounds().translated(item.pos() * scale)
              for item in view.scene.counts.values()]
    dots = [QRectF(d.pos() * scale - QPointF(7, 7), QSizeF(14, 14))
            for d in view.scene.dots.values() if d.isVisible()]
    labels = _label_boxes(view)
    assert len(labels) >= 20
    boxes = list(labels.items())
    for i, (name, box) in enumerate(boxes):
        assert not any(box.intersects(t) for t in text), name
        assert not any(box.intersects(b) for b in badges), name
        assert not any(box.intersects(other) for _n, other in boxes[i + 1:]), name
    for badge in badges:
        assert not any(badge.intersects(d) for d in dots)  # no dot covers a count
    hidden = sorted(d.name for d in view.scene.dots.values()
                    if d.isVisible() and d.label_side is None)
    for name in hidden:  # every name without room is listed under the board
        assert name in view.unlabelled.toolTip()


def test_a_dot_dragged_onto_a_badge_moves_the_badge(qtbot, view: QuadrantView,  # noqa: ANN001
                                                    context: AppContext) -> None:
    view.resize(1920, 1000)
    qtbot.wait(5)
    badge = view.scene.counts[Quadrant.HIGH_HIGH]
    corner = badge.pos()
    rep_id = next(iter(sorted(view.scene.dots)))
    _drag(view, rep_id, corner + QPointF(-30, 10))
    qtbot.wait(5)
    scale = view.scene.scale
    dots = [QRectF(d.pos() * scale - QPointF(7, 7), QSizeF(14, 14))
            for d in view.scene.dots.values() if d.isVisible()]

    def covering(pos: QPointF, down: bool) -> int:
        box = badge.px_bounds(down).translated(pos * scale)
        return sum(1 for d in dots if box.intersects(d))

    spots = [covering(p, down) for p, down in view.scene.badge_spots(Quadrant.HIGH_HIGH, scale)]
    assert spots[0] == 1 and min(spots) == 0  # the dot is on the corner; there is a free one
    assert badge.pos() != corner
    assert covering(badge.pos(), badge.hang_down) == 0
    boxes = list(_label_boxes(view).values())  # names re-placed around the moved dot only
    for i, a in enumerate(boxes):
        assert not any(a.intersects(d) for d in dots)
        assert not any(a.intersects(b) for b in boxes[i + 1:])


def test_projector_titles_read_at_7_to_1_and_nothing_covers_them(  # noqa: ANN001
        qtbot, view: QuadrantView) -> None:
    from keeper.contrast import contrast_ratio
    from ui.quadrant.audience import title_colour
    from ui.quadrant.geometry import FILL

    for quadrant in Quadrant:
        assert contrast_ratio(title_colour(quadrant).name(), FILL[quadrant].name()) >= 7.0
    widget = _audience(view, qtbot)
    widget.resize(1920, 1080)
    image = widget.grab().toImage()
    board, _panel = widget._layout()
    for quadrant, strip in widget.title_rects().items():
        assert not strip.intersects(board.adjusted(1, 1, -1, -1))  # dots live on the board
        # the strip is its fill and its words only: no dot colour in it
        colours = {image.pixelColor(int(x), int(y)).name()
                   for x in range(int(strip.left()) + 2, int(strip.right()) - 2, 7)
                   for y in range(int(strip.top()) + 2, int(strip.bottom()) - 2, 5)}
        assert "#546e7a" not in colours, quadrant


def test_projector_dots_are_one_colour_unless_names_are_on(  # noqa: ANN001
        qtbot, view: QuadrantView) -> None:
    widget = _audience(view, qtbot)
    state = widget._state
    assert {rep.colour for rep in state.projected()} == {None}  # managers' colours withheld
    view.names_box.setChecked(True)
    assert len({rep.colour for rep in state.projected()}) > 1


def _guidance_under_reps(view: QuadrantView) -> dict[Quadrant, bool]:
    """Each quadrant whose care guidance is shown: does a dot, ghost or arrow lie on it?"""
    scale = view.scene.scale
    marks = [QRectF(item.pos() * scale - QPointF(7, 7), QSizeF(14, 14))
             for table in (view.scene.dots, view.scene.ghosts) for item in table.values()
             if item.isVisible()]
    arrows = [(a.start * scale, a.end * scale) for a in view.scene.arrows.values()
              if a.isVisible()]
    result = {}
    for text in view.board.texts():
        if text.quadrant in view.board.crowded:
            continue
        lines = text.body_boxes(scale)
        under = any(line.intersects(m) for line in lines for m in marks)
        for start, end in arrows:  # every pixel along each arrow
            steps = max(1, int((end - start).manhattanLength()))
            under = under or any(line.contains(start + (end - start) * (i / steps))
                                 for i in range(steps + 1) for line in lines)
        result[text.quadrant] = under
    return result


@pytest.mark.parametrize("size", [(1100, 760), (1920, 1000)])
def test_care_guidance_is_never_printed_under_a_rep(qtbot, view: QuadrantView,  # noqa: ANN001
                                                    size: tuple[int, int]) -> None:
    view.resize(*size)
    qtbot.wait(5)
    shown_under = _guidance_under_reps(view)
    assert shown_under and not any(shown_under.values())
    view.history_box.setChecked(False)  # no ghosts or arrows: more guidance has room
    qtbot.wait(5)
    assert len(_guidance_under_reps(view)) > len(shown_under)
    assert not any(_guidance_under_reps(view).values())


def test_a_rep_dragged_onto_guidance_hides_it_and_undo_brings_it_back(
        qtbot, view: QuadrantView, context: AppContext) -> None:  # noqa: ANN001
    view.history_box.setChecked(False)
    qtbot.wait(5)
    shown = {t.quadrant: t for t in view.board.texts() if t.quadrant not in view.board.crowded}
    quadrant, text = next(iter(shown.items()))
    scale = view.scene.scale
    middle = text.body_boxes(scale)[0].center() / scale
    rep_id = next(iter(sorted(view.scene.dots)))
    _drag(view, rep_id, middle)
    qtbot.wait(5)
    assert quadrant in view.board.crowded
    assert not any(_guidance_under_reps(view).values())
    context.undo_stack.undo()
    qtbot.wait(5)
    assert quadrant not in view.board.crowded
