"""AppContext.run: the one way a view makes an undoable edit, and how views hear of it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from sqlalchemy import select

from keeper.changes import Changes
from keeper.clock import FakeClock
from keeper.ops import Composite, InsertRow, Operation, SetFields, Tx
from keeper.store.models import Cluster, Offsite, Person
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.views.registry import VIEWS


class Refused(Operation):
    def perform(self, tx: Tx) -> None:
        raise ValueError("That item is no longer there.")


def test_a_failed_edit_reaches_neither_the_file_nor_the_undo_stack(context: AppContext) -> None:
    store = context.store
    assert store is not None and context.offsite_id is not None
    heard: list[Changes] = []
    context.data_changed.connect(heard.append)
    op = Composite([SetFields(Offsite, {"id": context.offsite_id}, {"venue": "Porto"}),
                    InsertRow(Person, {"name": "Half Done", "role": "rep"}), Refused()])
    with pytest.raises(ValueError):
        context.run(op)
    assert context.undo_stack.count() == 0 and heard == []
    assert store.session.scalar(select(Person).where(Person.name == "Half Done")) is None
    assert context.offsite is not None and context.offsite.venue != "Porto"


def test_run_undo_and_redo_tell_the_views_what_changed(context: AppContext) -> None:
    heard: list[Changes] = []
    context.data_changed.connect(heard.append)
    changes = context.run(InsertRow(Person, {"name": "New Rep", "role": "rep"}))
    assert changes == Changes(people=True)
    context.undo_stack.undo()
    context.undo_stack.redo()
    assert heard == [Changes(people=True)] * 3


@pytest.fixture
def window(qtbot, demo_path: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    assert w.open_path(demo_path)
    yield w
    w.context.set_store(None)


def test_every_view_reloads_through_one_method(window: MainWindow) -> None:
    for spec in VIEWS:
        reload = window.views[spec.key].reload
        assert list(inspect.signature(reload).parameters)[:1] == ["changes"], spec.key


def test_a_board_edit_reloads_the_board_not_the_agenda_or_the_quadrant(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    reloaded: list[str] = []
    # The board patches what an edit changed (``_show`` with a patch) instead of refreshing.
    for key, method in (("agenda", "refresh"), ("board", "refresh"), ("board", "_show"),
                        ("quadrant", "refresh"), ("people", "refresh")):
        view = window.views[key]
        monkeypatch.setattr(view, method, lambda *_a, key=key: reloaded.append(key))
    store = window.context.store
    assert store is not None
    cluster = store.session.scalars(select(Cluster).where(Cluster.big_bet.is_(False))).first()
    assert cluster is not None
    window.context.run(SetFields(Cluster, {"id": cluster.id}, {"title": "Renamed"}))
    assert reloaded == ["board"]
    reloaded.clear()
    window.context.undo_stack.undo()
    assert reloaded == ["board"]
