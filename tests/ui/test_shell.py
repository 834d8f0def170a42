"""The main window: opens the demo, navigates, edits people with undo, refuses bad files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from keeper.store.models import Offsite, Person
from keeper.store.offsite_file import OffsiteStore
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.views.people_view import PeopleModel, PersonDialog


def test_opens_demo_and_shows_every_section(window: MainWindow) -> None:
    assert "Autumn leadership offsite" in window.windowTitle()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Offsite", "Agenda", "Run the day", "Board", "Quadrant",
                      "Sessions & plan", "Kickoff", "People", "Export"]
    window.show_view("people")
    people = window.views["people"]
    assert people.model.rowCount() == 36
    assert "4 managers" in people.summary.text()


def test_ctrl_number_switches_view(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.views["people"].parentWidget()


def test_people_model_is_a_good_qt_model(qtmodeltester, demo_store: OffsiteStore) -> None:
    model = PeopleModel()
    model.set_people(list(demo_store.session.query(Person)))
    qtmodeltester.check(model)


def test_add_person_then_undo_and_redo(window: MainWindow, qtbot, monkeypatch) -> None:
    view = window.views["people"]
    monkeypatch.setattr(PersonDialog, "exec", lambda self: PersonDialog.DialogCode.Accepted)
    monkeypatch.setattr(PersonDialog, "values", lambda self: {
        "name": "Nadia Noor 🌟", "role": "rep", "manager_id": None, "email": None})
    view.add_person()
    store = window.context.store
    assert store.session.query(Person).filter_by(name="Nadia Noor 🌟").count() == 1
    assert view.model.rowCount() == 37
    window.context.undo_stack.undo()
    assert store.session.query(Person).filter_by(name="Nadia Noor 🌟").count() == 0
    assert view.model.rowCount() == 36
    window.context.undo_stack.redo()
    assert store.session.query(Person).filter_by(name="Nadia Noor 🌟").count() == 1


def test_offsite_title_edit_is_stored_and_undoable(window: MainWindow, qtbot) -> None:
    view = window.views["offsite"]
    view.title.clear()
    qtbot.keyClicks(view.title, "Winter planning")
    view.title.editingFinished.emit()
    offsite_id = window.context.offsite_id
    store = window.context.store
    assert store.session.get(Offsite, offsite_id).title == "Winter planning"
    window.context.undo_stack.undo()
    assert store.session.get(Offsite, offsite_id).title == "Autumn leadership offsite"
    assert view.title.text() == "Autumn leadership offsite"


def test_foreign_file_gets_a_message_and_keeps_current(window: MainWindow, tmp_path: Path,
                                                       monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    bad = tmp_path / "x.keeper"
    bad.write_bytes(b"PK\x03\x04 not a database")
    assert not window.open_path(bad)
    assert shown and "not a Keeper offsite file" in shown[0]
    assert window.context.store is not None
    assert bad.read_bytes() == b"PK\x03\x04 not a database"


def test_a_file_that_wont_open_at_start_is_said_over_the_window(qtbot, tmp_path: Path, clock,
                                                                monkeypatch) -> None:
    import ui.restore

    said: list[bool] = []  # was the window on screen when the message came?
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    monkeypatch.setattr(ui.restore, "cannot_open", lambda window, *_a: said.append(
        window.isVisible()))
    bad = tmp_path / "x.keeper"
    bad.write_bytes(b"PK\x03\x04 not a database")
    w.open_initial(bad, demo=False)  # as at start-up: the file opens before the window shows
    assert said == []
    w.show()
    qtbot.waitUntil(lambda: said == [True], timeout=5000)


def test_read_only_banner_when_file_is_held(qtbot, demo_path: Path, clock) -> None:
    holder = OffsiteStore.open(demo_path)
    try:
        w = MainWindow(context=AppContext(clock=clock))
        qtbot.addWidget(w)
        w.show()
        assert w.open_path(demo_path)
        assert w.banner.isVisible()
        assert "Read-only" in w.banner.text()
        assert "[read-only]" in w.windowTitle()
        w.show_view("people")
        assert not w.views["people"].buttons[0].isEnabled()
        w.context.set_store(None)
    finally:
        holder.close()


def test_window_geometry_is_remembered(qtbot, clock) -> None:
    first = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(first)
    first.resize(1100, 700)
    first.show()
    first.close()
    second = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1100, 700)


def test_last_view_is_remembered(qtbot, clock) -> None:
    first = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(first)
    first.show_view("people")
    first.close()
    second = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(second)
    assert second.stack.currentWidget() is second.views["people"].parentWidget()


def test_offsite_view_cards_follow_the_board(window: MainWindow) -> None:
    from keeper.ops import SetFields
    from keeper.store.models import Cluster

    view = window.views["offsite"]
    window.show_view("offsite")
    assert view.glance.board.value.text() == "40 notes"
    assert "2 big bets" in view.glance.board.detail.text()
    store = window.context.store
    cluster = store.session.query(Cluster).filter_by(big_bet=False).first()
    window.context.run(SetFields(Cluster, {"id": cluster.id}, {"big_bet": True}))
    assert "3 big bets" in view.glance.board.detail.text()


def test_offsite_cards_keep_up_with_a_burst_of_edits_without_reading_each(
        window: MainWindow, qtbot) -> None:
    from keeper.board.loading import load_board
    from keeper.board.notes import AddNotes

    view = window.views["offsite"]
    window.show_view("offsite")
    context = window.context
    author = load_board(context.store.session, context.offsite_id).people[0].id
    read: list[object] = []
    original = view._fill_glance
    view._glance_soon._fn = lambda: (read.append(1), original())
    for n in range(5):  # five phones' notes, one after the other
        context.run(AddNotes(context.offsite_id, author, f"Burst {n}", context.clock.now()))
    assert view.glance.board.value.text() == "41 notes"  # the first shows at once
    qtbot.waitUntil(lambda: view.glance.board.value.text() == "45 notes", timeout=2000)
    assert len(read) == 2  # the other four folded into one read


def test_views_are_built_when_first_shown_and_show_the_open_file(qtbot, demo_path: Path,
                                                                  clock) -> None:
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show()
    built_at_start = {v.objectName() for v in w.views.built()}
    assert "view-kickoff" not in built_at_start  # not needed to show the window
    assert w.open_path(demo_path)
    for _ in range(5):  # idle turns of the event loop build nothing behind the Keeper's back
        QApplication.processEvents()
    assert "view-kickoff" not in {v.objectName() for v in w.views.built()}
    w.show_view("people")  # built when shown: shows the open file at once
    assert w.stack.currentWidget() is w.views["people"].parentWidget()
    assert w.views["people"].model.rowCount() == 36
    w.context.set_store(None)


def test_keeper_is_chosen_in_the_offsite_view(window: MainWindow) -> None:
    view = window.views["offsite"]
    window.show_view("offsite")
    offsite_id = window.context.offsite_id
    store = window.context.store
    assert view.keeper.currentText() == "Dana Whitfield"
    index = view.keeper.findText("Marcus Obi")
    view.keeper.setCurrentIndex(index)
    view.keeper.activated.emit(index)
    marcus = store.session.query(Person).filter_by(name="Marcus Obi").one()
    assert store.session.get(Offsite, offsite_id).keeper_id == marcus.id
    window.context.undo_stack.undo()
    assert view.keeper.currentText() == "Dana Whitfield"
