"""The Board view as the Keeper uses it: type notes, drag, group, tally, undo, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QToolButton
from sqlalchemy import select

from keeper import board as bo
from keeper.board.tally import IdeaKind
from keeper.store.models import Attendance, Cluster, Note, Person, Role, Support
from keeper.store.offsite_file import OffsiteStore
from ui.board import style
from ui.board.cluster_item import ClusterItem
from ui.board.note_item import MAX_LINES, NOTE_W, READABLE_LOD, TEXT_PAD, NoteItem
from ui.board.text_layout import wrap_lines
from ui.board.view import BoardView
from ui.context import AppContext


@pytest.fixture
def view(qtbot, context):
    v = BoardView(context)
    qtbot.addWidget(v)
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.canvas.fit_all()
    return v


def notes_in_db(context) -> dict[int, Note]:
    return {n.id: n for n in context.store.session.scalars(select(Note))}


def center_on_viewport(view: BoardView, point: QPointF) -> QPoint:
    return view.canvas.mapFromScene(point)


def test_board_shows_the_demo(view):
    assert len(view.scene.notes) == 40
    assert len(view.scene.clusters) == 7
    assert view.chips.count() == len(view.data.people)
    assert view.tally.ranking.entries[0].title == "Renewals & expansion"
    assert "2 big bets" in view.big_bets.status.text()
    view.tabs.setCurrentWidget(view.notes_list)
    assert view.notes_list.topLevelItemCount() == 8  # 7 groups + "Not grouped yet"
    assert not view.grab().isNull()


def test_type_notes_with_enter(qtbot, view, context):
    view.author.setCurrentIndex(view.author.findText("Jill Morgan"))
    before = set(notes_in_db(context))
    view.capture.setFocus()
    qtbot.keyClicks(view.capture, "Renewal desk for SMB accounts")
    qtbot.keyClick(view.capture, Qt.Key.Key_Return)
    new = [n for i, n in notes_in_db(context).items() if i not in before]
    assert [n.text for n in new] == ["Renewal desk for SMB accounts"]
    assert view.data.person(new[0].author_id).name == "Jill Morgan"
    assert view.capture.text() == ""
    assert new[0].id in view.scene.notes
    chip = next(view.chips.itemAt(i).widget() for i in range(view.chips.count())
                if view.chips.itemAt(i).widget().text().startswith("Jill"))
    assert chip.text() == "Jill 7/5"

    qtbot.keyClick(view.capture, Qt.Key.Key_Return)  # empty: refused, said why
    assert len(notes_in_db(context)) == len(before) + 1
    assert view.message.isVisible() and "empty" in view.message.text()


def test_paste_several_lines_makes_several_notes(qtbot, view, context):
    before = len(notes_in_db(context))
    QGuiApplication.clipboard().setText("Partner webinars\n\nPricing page refresh\nQBR kit\n")
    view.capture.setFocus()
    qtbot.keyClick(view.capture, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    texts = sorted(n.text for n in notes_in_db(context).values())
    assert len(texts) == before + 3
    assert {"Partner webinars", "Pricing page refresh", "QBR kit"} <= set(texts)
    context.undo_stack.undo()  # one paste, one undo step
    assert len(notes_in_db(context)) == before


def test_drag_note_into_cluster_with_the_mouse_then_undo_redo(qtbot, view, context):
    loose = next(i for i in view.scene.notes.values() if i.note.cluster_id is None)
    target = next(c for c in view.scene.clusters.values() if c.cluster.title == "Partners")
    view.canvas.fit_all()
    start = center_on_viewport(view, loose.sceneBoundingRect().center())
    end = center_on_viewport(view, target.sceneBoundingRect().center())
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * step / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    note_id = loose.note.id
    assert notes_in_db(context)[note_id].cluster_id == target.cluster.id
    dropped = view.scene.notes[note_id]
    assert dropped in view.scene.clusters[target.cluster.id].members
    others = [m for m in view.scene.clusters[target.cluster.id].members if m is not dropped]
    assert not any(dropped.sceneBoundingRect().intersects(m.sceneBoundingRect())
                   for m in others)  # it landed in a free place, not on a note

    context.undo_stack.undo()
    assert notes_in_db(context)[note_id].cluster_id is None
    assert view.scene.notes[note_id].pos() == QPointF(loose.note.x, loose.note.y)
    context.undo_stack.redo()
    assert notes_in_db(context)[note_id].cluster_id == target.cluster.id


def test_drag_out_of_a_cluster_and_reopen_finds_the_board_as_it_was(qtbot, view, context):
    item = next(i for i in view.scene.notes.values() if i.note.cluster_id is not None)
    old_cluster = item.note.cluster_id
    # the path a drag takes: the item moves, then the scene reports the drop
    start = {item: item.pos()}
    item.setPos(item.pos() + QPointF(0, 2400))
    view.scene.finish_drag(start, item.sceneBoundingRect().center())
    moved = notes_in_db(context)[item.note.id]
    assert moved.cluster_id is None and moved.y == pytest.approx(start[item].y() + 2400)
    assert view.scene.notes[item.note.id] not in view.scene.clusters[old_cluster].members

    snapshot = bo.load_board(context.store.session, context.offsite_id)
    path = context.store.path
    context.store.close()
    context.set_store(OffsiteStore.open(path))
    assert view.data == snapshot
    again = view.scene.notes[item.note.id]
    assert again.pos() == QPointF(moved.x, moved.y) and again.note.cluster_id is None


def test_drag_a_cluster_carries_its_notes(qtbot, view, context):
    frame = next(iter(view.scene.clusters.values()))
    members = {n.note.id: n.pos() for n in frame.members}
    view.scene.select_only([frame])
    start = {frame: frame.pos()}
    frame.setPos(frame.pos() + QPointF(300, 40))
    for note_id, pos in members.items():  # the frame dragged its notes along on screen
        assert view.scene.notes[note_id].pos() == pos + QPointF(300, 40)
    view.scene.finish_drag(start, QPointF(0, 0))
    db = notes_in_db(context)
    for note_id, pos in members.items():
        assert (db[note_id].x, db[note_id].y) == (pos.x() + 300, pos.y() + 40)
        assert db[note_id].cluster_id == frame.cluster.id


def test_group_rename_merge_dissolve_keep_votes(qtbot, view, context):
    loose = [i for i in view.scene.notes.values() if i.note.cluster_id is None]
    view.scene.select_only(loose)
    view.group_selection("Culture & deals")
    clusters = {c.title: c.id for c in context.store.session.scalars(select(Cluster))}
    assert "Culture & deals" in clusters
    new = clusters["Culture & deals"]
    assert all(notes_in_db(context)[i.note.id].cluster_id == new for i in loose)

    view.scene.select_only([view.scene.clusters[new]])
    view.edit_selected("Culture")
    assert context.store.session.get(Cluster, new).title == "Culture"

    people_before = {s.person_id for s in context.store.session.scalars(select(Support))}
    a, b = clusters["Partners"], clusters["Mid-market motion"]
    view.scene.select_only([view.scene.clusters[a], view.scene.clusters[b]])
    view.actions_by_name["merge"].trigger()
    remaining = {c.id for c in context.store.session.scalars(select(Cluster))}
    assert len(remaining & {a, b}) == 1
    kept = (remaining & {a, b}).pop()
    view.scene.select_only([view.scene.clusters[kept]])
    qtbot.keyClick(view.canvas, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert context.store.session.get(Cluster, kept) is None
    assert {s.person_id for s in context.store.session.scalars(select(Support))} == people_before
    for _ in range(4):
        context.undo_stack.undo()
    assert {c.title for c in context.store.session.scalars(select(Cluster))} == set(clusters) - {
        "Culture & deals"}


def test_delete_key_deletes_selected_notes_and_undo_restores(qtbot, view, context):
    item = next(iter(view.scene.notes.values()))
    view.canvas.setFocus()
    view.scene.select_only([item])
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert item.note.id not in notes_in_db(context)
    assert item.note.id not in view.scene.notes
    context.undo_stack.undo()
    assert item.note.id in notes_in_db(context)


def test_keyboard_navigation_between_notes(qtbot, view):
    view.canvas.setFocus()
    first = min(view.scene.notes.values(), key=lambda n: (n.x(), n.y()))
    view.canvas.go_to(first)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    right = view.scene.selectedItems()
    assert len(right) == 1 and isinstance(right[0], NoteItem)
    assert right[0].x() > first.x()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Down)
    down = view.scene.selectedItems()[0]
    assert down.y() > right[0].y()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.scene.selectedItems()[0] is not down
    assert view.canvas.hasFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.scene.selectedItems() == []


def test_zoom_and_fit(qtbot, view):
    view.canvas.fit_all()
    fitted = view.canvas.zoom()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view.canvas, Qt.Key.Key_F)
    assert view.canvas.zoom() == pytest.approx(fitted)
    assert view.zoom_label.text() == f"{fitted * 100:.0f}%"


def test_tally_click_names(qtbot, view, context):
    cluster = next(c for c in view.scene.clusters.values() if c.cluster.title == "Partners")
    view.scene.select_only([cluster])
    assert view.tally.idea == (IdeaKind.CLUSTER, cluster.cluster.id)
    before = next(e.count for e in view.data.entries() if e.id == cluster.cluster.id)
    unsupported = next(pid for pid, b in view.tally.person_buttons.items() if not b.isChecked())
    qtbot.mouseClick(view.tally.person_buttons[unsupported], Qt.MouseButton.LeftButton)
    after = next(e.count for e in view.data.entries() if e.id == cluster.cluster.id)
    assert after == before + 1
    assert view.tally.person_buttons[unsupported].isChecked()
    ranked = {e.title: e.count for e in view.tally.ranking.entries}
    assert ranked["Partners"] == after
    qtbot.mouseClick(view.tally.person_buttons[unsupported], Qt.MouseButton.LeftButton)
    assert next(e.count for e in view.data.entries() if e.id == cluster.cluster.id) == before


def test_dot_mode_and_keeper_not_counted(qtbot, view, context):
    view.tally.mode.setCurrentIndex(1)
    view.tally.mode.activated.emit(1)
    assert view.data.config.mode.value == "dots"
    assert view.tally.dots.isEnabled()
    loose = [i for i in view.scene.notes.values() if i.note.cluster_id is None]
    view.scene.select_only([loose[0]])
    used = {p.id: 0 for p in view.data.people}
    for s in view.data.supports:
        used[s.person_id] += s.dots
    person = min(view.tally.person_spins, key=lambda p: used[p])
    spin = view.tally.person_spins[person]
    spin.setValue(3 - used[person])  # all of this person's dots on one note
    spin.editingFinished.emit()
    assert view.data.supporters_of(IdeaKind.NOTE, loose[0].note.id) == {person: 3 - used[person]}
    view.scene.select_only([loose[1]])  # the fourth dot, on another note: refused
    spin = view.tally.person_spins[person]
    spin.setValue(1)
    spin.editingFinished.emit()
    assert view.data.supporters_of(IdeaKind.NOTE, loose[1].note.id) == {}
    assert view.message.isVisible()
    assert "0 dots left of 3" in view.message.text()
    assert view.tally.person_spins[person].value() == 0
    view.tally.keeper_counted.setChecked(False)
    assert view.data.config.keeper_counted is False


def test_big_bets_panel_flags_and_links(qtbot, view, context):
    view.tabs.setCurrentWidget(view.big_bets)
    table = view.big_bets.table
    rows = {table.item(r, 1).text().lstrip("★ "): r for r in range(table.rowCount())}
    row = rows["Top of funnel"]
    table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    cluster = next(c for c in view.data.clusters if c.title == "Top of funnel")
    assert cluster.big_bet and cluster.initiative_id is None
    assert "not tied" in view.big_bets.status.text()
    rows = {table.item(r, 1).text().lstrip("★ "): r for r in range(table.rowCount())}
    combo = table.cellWidget(rows["Top of funnel"], 3)
    combo.setCurrentIndex(3)
    combo.activated.emit(3)
    cluster = next(c for c in view.data.clusters if c.title == "Top of funnel")
    assert cluster.initiative_id == view.data.initiatives[2].id
    assert view.big_bets.status.text().startswith("✓ 3 big bets")
    for title in ("Renewals & expansion", "Hiring & ramp", "Top of funnel"):
        rows = {table.item(r, 1).text().lstrip("★ "): r for r in range(table.rowCount())}
        table.item(rows[title], 0).setCheckState(Qt.CheckState.Unchecked)
    assert "0 big bets chosen" in view.big_bets.status.text()


def laptop_view(qtbot, context) -> BoardView:
    """The board as it shows inside the main window on a 1280x800 laptop."""
    v = BoardView(context)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    v.canvas.fit_all()
    return v


def test_big_bets_rows_stay_put_while_ticking_at_laptop_size(qtbot, context):
    view = laptop_view(qtbot, context)
    view.tabs.setCurrentWidget(view.big_bets)
    table = view.big_bets.table
    qtbot.waitUntil(lambda: table.isVisible())
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert right <= table.viewport().width()  # the Initiative column is all there
    assert header.sectionSize(3) >= 90
    top = table.mapTo(view, table.rect().topLeft())
    rows = {table.item(r, 1).text().lstrip("★ "): r for r in range(table.rowCount())}
    for title in ("Top of funnel", "Coaching the middle", "Partners", "Top of funnel"):
        rect = table.visualItemRect(table.item(rows[title], 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(rect.left() + 10, rect.center().y()))
        assert table.mapTo(view, table.rect().topLeft()) == top  # no line pushed it down
    bets = {c.title for c in view.data.clusters if c.big_bet}
    assert bets == {"Renewals & expansion", "Hiring & ramp", "Coaching the middle", "Partners"}
    assert "not tied" in view.big_bets.status.text()


def test_side_panel_labels_are_not_cut_at_laptop_size(qtbot, context):
    view = laptop_view(qtbot, context)
    view.splitter.setSizes([1280 - 330, 330])  # the side panels at their narrowest
    for panel in (view.tally, view.suggestions, view.big_bets):
        view.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(panel.isVisible)
        for button in panel.findChildren(QAbstractButton):
            if button.isVisible() and button.text():
                assert button.width() >= button.sizeHint().width(), button.text()


def test_twelve_leaders_keep_the_ranking_readable_and_their_names_whole(qtbot, context):
    offsite = context.store.current_offsite()
    with context.store.edit() as s:
        for i in range(12):
            person = Person(name=f"Alexandra Leader-{i:02d}", role=Role.LEADER.value,
                            active=True, colour="#E4572E")
            s.add(person)
            s.flush()
            s.add(Attendance(offsite_id=offsite.id, person_id=person.id))
    view = laptop_view(qtbot, context)
    view.splitter.setSizes([1280 - 330, 330])
    cluster = next(iter(view.scene.clusters.values()))
    view.scene.select_only([cluster])
    qtbot.waitUntil(lambda: bool(view.tally.person_buttons))
    qtbot.wait(1)
    ranking = view.tally.ranking.parentWidget()  # the scroll area's viewport
    assert ranking.height() >= 6 * 30  # six rows of the ranking, not three
    buttons = view.tally.person_buttons
    colours = {b.icon().pixmap(10, 10).toImage().pixelColor(5, 5).name() for b in buttons.values()}
    assert len(colours) >= 16  # every author a colour of their own
    for button in buttons.values():
        bold = button.font()
        bold.setBold(True)
        room = button.width() - button.iconSize().width() - 24
        assert QFontMetrics(bold).horizontalAdvance(button.text()) <= room, button.text()
    keeper = buttons[view.data.keeper_id]
    assert keeper.text().endswith("(Keeper)") and keeper.toolTip().startswith("Dana Whitfield")


def test_zoomed_out_groups_show_their_title_large_and_their_notes_as_a_count(qtbot, context):
    view = laptop_view(qtbot, context)
    qtbot.wait(1)  # the fit queued when the board was shown
    canvas = view.canvas
    lod = canvas.zoom()
    assert lod < READABLE_LOD  # Fit at laptop size is an overview
    for item in view.scene.clusters.values():
        lines, px = item.overview_lines(lod)
        assert " ".join(lines) == item.cluster.title  # whole, never "Forecasting …"
        assert px * lod >= 14  # at least 14 px on screen
        assert f"{len(item.members)} note" in item.subtitle
    image = canvas.viewport().grab().toImage()
    cluster = next(c for c in view.scene.clusters.values() if not c.cluster.big_bet)
    last = max(cluster.members, key=lambda n: n.pos().y())
    centre = canvas.mapFromScene(last.sceneBoundingRect().center())
    assert image.pixelColor(centre).name() == style.FRAME_FILL.name()  # no grey bars
    canvas.set_zoom(1.0)
    canvas.centerOn(last)
    qtbot.wait(1)
    image = canvas.viewport().grab().toImage()
    centre = canvas.mapFromScene(last.sceneBoundingRect().center() + QPointF(0, 30))
    assert image.pixelColor(centre).name() != style.FRAME_FILL.name()  # the note is back


def test_suggestions_accept_one(qtbot, view, context):
    view.request_suggestions(include_grouped=True)
    qtbot.waitUntil(lambda: bool(view.suggestions.cards), timeout=10_000)
    card = view.suggestions.cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # shows its notes on the board
    assert sorted(view.scene.selected_note_ids()) == sorted(card.note_ids)
    card.title.setText("Renewals (suggested)")
    before = len(view.data.clusters)
    qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton)
    assert len(view.data.clusters) == before + 1
    new = next(c for c in view.data.clusters if c.title == "Renewals (suggested)")
    assert {n.id for n in view.data.notes_in(new.id)} == set(card.note_ids)
    assert card not in view.suggestions.cards
    reject = view.suggestions.cards[0]
    qtbot.mouseClick(reject.reject_button, Qt.MouseButton.LeftButton)
    assert reject not in view.suggestions.cards
    assert len(view.data.clusters) == before + 1


def test_notes_list_selects_on_the_board(qtbot, view):
    view.tabs.setCurrentWidget(view.notes_list)
    top = view.notes_list.topLevelItem(0)
    view.notes_list.setCurrentItem(top.child(0))
    selected = view.scene.selectedItems()
    assert len(selected) == 1 and isinstance(selected[0], NoteItem)
    assert view.tally.idea == (IdeaKind.NOTE, selected[0].note.id)
    view.scene.select_only([next(iter(view.scene.clusters.values()))])
    assert view.notes_list.current_idea()[0] is IdeaKind.CLUSTER


def test_show_on_projector_hides_authors_when_asked(qtbot, view, context):
    view.actions_by_name["show_authors"].setChecked(False)
    view.present("board")
    assert context.audience.key == "board"
    widget = context.audience.factory(None)
    qtbot.addWidget(widget)
    scene = widget.view.scene()
    assert scene.notes and all(n.initials == "" for n in scene.notes.values())
    assert not any(n.flags() & n.GraphicsItemFlag.ItemIsMovable for n in scene.notes.values())
    # it stays current
    view.add_notes("Projector sees this")
    assert any(n.note.text == "Projector sees this" for n in scene.notes.values())
    view.present("ranking")
    ranking = context.audience.factory(None)
    qtbot.addWidget(ranking)
    assert context.audience.key == "ranking" and ranking.entries[0].title == "Renewals & expansion"
    assert not ranking.grab().isNull()


@pytest.mark.parametrize("text", [
    "Grow 🚀 renewals 👩🏽‍💼 with emoji all the way through the line",
    "زيادة المبيعات في الشرق الأوسط عبر الشركاء",
    "bell\x07 escape\x1b[31m nul\x00 end",
    "y" * 10_000,
    "word " * 3000,
])
def test_bad_input_keeps_layout_and_storage(qtbot, view, context, text):
    view.add_notes(text)
    newest = max(notes_in_db(context).values(), key=lambda n: n.id)
    assert newest.text and "\x00" not in newest.text and len(newest.text) <= 2000
    item = view.scene.notes[newest.id]
    assert item.boundingRect().width() < NOTE_W + 10  # a note never grows
    lines = item._text_lines()
    assert 1 <= len(lines) <= MAX_LINES
    assert all(st.size().width() <= NOTE_W - 2 * TEXT_PAD + 1 for st in lines)
    view.canvas.centerOn(item)
    assert not view.grab().isNull()


def test_wrap_lines_elides():
    from ui.board.text_layout import note_font

    lines = wrap_lines("one\ntwo\nthree\nfour\nfive", note_font(), 150, 4)
    assert lines[:3] == ["one", "two", "three"] and lines[3].endswith("…")
    assert wrap_lines("", note_font(), 150, 4) == [""]


def test_read_only_file_disables_editing(qtbot, demo_path, clock):
    writer = OffsiteStore.open(demo_path)
    try:
        ctx = AppContext(clock=clock)
        ctx.set_store(OffsiteStore.open(demo_path))  # the lock is held: read-only
        v = BoardView(ctx)
        qtbot.addWidget(v)
        assert ctx.read_only
        assert not v.capture.isEnabled()
        assert not v.actions_by_name["group"].isEnabled()
        ctx.store.close()
    finally:
        writer.close()


def test_arrange_keeps_groups_and_undoes(qtbot, view, context):
    before = {i: n.note.cluster_id for i, n in view.scene.notes.items()}
    qtbot.keyClick(view.canvas, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    frames = [c.sceneBoundingRect() for c in view.scene.clusters.values()]
    assert not any(a.intersects(b) for i, a in enumerate(frames) for b in frames[i + 1:])
    assert {i: n.note.cluster_id for i, n in view.scene.notes.items()} == before
    assert context.undo_stack.undoText() == "Arrange the board"


def test_arrange_then_fit_shows_the_board_larger_at_laptop_size(qtbot, context):
    view = laptop_view(qtbot, context)
    qtbot.wait(1)
    before = view.canvas.zoom()
    qtbot.keyClick(view.canvas, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.canvas, Qt.Key.Key_F)
    frames = [c.sceneBoundingRect() for c in view.scene.clusters.values()]
    assert not any(a.intersects(b) for i, a in enumerate(frames) for b in frames[i + 1:])
    assert view.canvas.zoom() > before * 1.05  # packed: less empty board to fit
    loose = [n.sceneBoundingRect() for n in view.scene.notes.values() if n.cluster_id is None]
    assert not any(r.intersects(f) for r in loose for f in frames)


def test_cluster_items_are_frames(view):
    frames = [i for i in view.scene.items() if isinstance(i, ClusterItem)]
    assert len(frames) == 7
    for frame in frames:
        for note in frame.members:
            assert frame.sceneBoundingRect().contains(note.sceneBoundingRect().center())


def test_every_button_on_the_board_has_a_name_a_screen_reader_can_read(qtbot, view):
    """What the a11y audit reads: each button shown, on every tab, has a name."""
    view.capture.setText("so the clear button shows")
    view.resize(520, 700)  # narrow: the tool bar folds its last actions behind "»"
    view.scene.select_only([next(iter(view.scene.clusters.values()))])  # tally name buttons
    shown: dict[int, QAbstractButton] = {}
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        shown.update({id(b): b for b in view.findChildren(QAbstractButton)
                      if b.isVisibleTo(view)})
    kinds = {b.metaObject().className() for b in shown.values()}
    assert {"QLineEditIconButton", "QToolBarExtension", "QPushButton"} <= kinds
    unnamed = [f"{b.metaObject().className()} {b.objectName()!r}" for b in shown.values()
               if not (b.text().strip() or b.accessibleName().strip() or b.toolTip().strip())]
    assert unnamed == []
    more = view.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more.accessibleName() == "More board actions"


def test_big_bets_table_fills_when_its_tab_is_shown_and_follows_votes(qtbot, view, context):
    """While the Tally tab is up a vote does not rebuild the Big bets table (a row and an
    initiative list per group); opening the tab shows the counts as they are now."""
    table = view.big_bets.table
    assert table.rowCount() == 0  # never shown yet
    cluster = next(c for c in view.data.clusters if c.title == "Top of funnel")
    voter = next(p.id for p in view.data.people
                 if p.id not in view.data.supporters_of(IdeaKind.CLUSTER, cluster.id))
    count = next(e.count for e in view.data.entries() if e.id == cluster.id
                 and e.kind is IdeaKind.CLUSTER)
    assert view.run(bo.ToggleSupport(view.data.offsite_id, voter, cluster_id=cluster.id))
    assert table.rowCount() == 0
    view.tabs.setCurrentWidget(view.big_bets)
    rows = {table.item(r, 1).text().lstrip("★ "): r for r in range(table.rowCount())}
    assert table.item(rows["Top of funnel"], 2).text() == str(count + 1)
