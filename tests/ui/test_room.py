"""The room's Qt glue and the Keeper's panel: phones' writes land through the one edit path."""

from __future__ import annotations

import http.client
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from PySide6.QtCore import Qt

from keeper.board.loading import load_board
from tests.unit.room.conftest import Phone
from ui.context import AppContext
from ui.room.activity import Activity
from ui.room_bridge import RoomController
from ui.room_panel import PROJECTOR_KEY, RoomPanel


@pytest.fixture
def panel(qtbot, context: AppContext) -> Iterator[RoomPanel]:
    controller = RoomController(context, hosts=lambda: ["127.0.0.1"], port=0)
    widget = RoomPanel(context, controller=controller)
    qtbot.addWidget(widget)
    widget.open_room()
    yield widget
    widget.close_room()


def off_thread(qtbot, fn: Callable[[], Any]) -> Any:
    """A phone's request from another thread while the UI thread keeps running jobs."""
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(fn)
        qtbot.waitUntil(future.done, timeout=10000)
        return future.result()


def phone_for(qtbot, panel: RoomPanel, name: str) -> Phone:
    assert panel.controller.server is not None and panel.controller.room is not None
    phone = Phone(panel.controller.server.port)
    reply = off_thread(qtbot, lambda: phone.join(panel.controller.room.code, name))
    assert reply.status == 200
    return phone


def notes_of(context: AppContext) -> list[str]:
    assert context.store is not None and context.offsite_id is not None
    return [n.text for n in load_board(context.store.session, context.offsite_id).notes]


def test_a_phones_note_is_in_the_file_on_the_board_and_undoable(qtbot, panel: RoomPanel,
                                                                context: AppContext) -> None:
    panel.controller.room.choose(Activity.NOTES)
    phone = phone_for(qtbot, panel, "Priya Raman")
    with qtbot.waitSignal(context.data_changed):
        reply = off_thread(qtbot, lambda: phone.post("/api/notes/add",
                                                     {"text": "Referral bonus for partners"}))
    assert reply.status == 200
    assert "Referral bonus for partners" in notes_of(context)
    assert context.undo_stack.undoText() == "Add note"
    context.undo_stack.undo()
    assert "Referral bonus for partners" not in notes_of(context)
    mine = off_thread(qtbot, phone.state).data["notes"]["notes"]
    assert "Referral bonus for partners" not in [n["text"] for n in mine]


def test_the_panel_lists_phones_lets_a_second_in_and_removes_one(qtbot, panel: RoomPanel) -> None:
    panel.controller.room.choose(Activity.NOTES)
    phone_for(qtbot, panel, "Marcus Obi")
    second = Phone(panel.controller.server.port)
    waiting = off_thread(qtbot, lambda: second.join(panel.controller.room.code, "Marcus Obi"))
    assert waiting.data["waiting"] is True
    qtbot.waitUntil(lambda: panel.people.topLevelItemCount() == 2)
    first = panel.people.topLevelItem(0)  # the phone waiting for the Keeper comes first, bold
    assert first.text(1) == "waiting for your OK" and first.font(0).bold()
    assert not panel.people.topLevelItem(1).font(0).bold()
    assert "1 waiting for your OK" in panel.status.text()
    panel.people.setCurrentItem(first)
    assert panel.admit.isEnabled()
    panel.people.itemActivated.emit(first, 0)  # Enter or a double-click lets it in
    qtbot.waitUntil(lambda: all(panel.people.topLevelItem(n).text(1) == "in" for n in (0, 1)))
    assert off_thread(qtbot, second.state).status == 200
    row = next(n for n in (0, 1)
               if panel.people.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) == second.token)
    panel.people.setCurrentItem(panel.people.topLevelItem(row))
    panel.remove.click()
    qtbot.waitUntil(lambda: panel.people.topLevelItemCount() == 1)
    gone = off_thread(qtbot, second.state)
    assert gone.status == 401 and gone.data["rejoin"] is True


def test_the_panel_says_who_has_not_joined_yet(qtbot, panel: RoomPanel,
                                               context: AppContext) -> None:
    from keeper.day.people import attendees

    everyone = [p.name for p in attendees(context.store, context.offsite_id)]
    assert panel.missing.text() == f"Not joined yet ({len(everyone)}): {', '.join(everyone)}"
    for name in everyone[:-1]:
        phone_for(qtbot, panel, name)
    qtbot.waitUntil(lambda: panel.missing.text() == f"Not joined yet (1): {everyone[-1]}")
    phone_for(qtbot, panel, everyone[-1])
    qtbot.waitUntil(lambda: panel.missing.text() == "Everyone on the list has joined.")


def test_pause_refuses_sending_and_says_so(qtbot, panel: RoomPanel, context: AppContext) -> None:
    panel.controller.room.choose(Activity.NOTES)
    phone = phone_for(qtbot, panel, "Priya Raman")
    panel.pause.setChecked(True)
    reply = off_thread(qtbot, lambda: phone.post("/api/notes/add", {"text": "While paused"}))
    assert reply.status == 423 and "paused" in reply.error
    assert "While paused" not in notes_of(context)


def test_the_projector_shows_the_join_screen_and_closing_stops_the_server(
        qtbot, panel: RoomPanel, context: AppContext) -> None:
    assert context.audience.key == PROJECTOR_KEY
    widget = context.audience.factory(None)
    qtbot.addWidget(widget)
    assert panel.controller.room.code in widget.accessibleName().replace(" ", "")
    assert widget.matrix and widget.address == panel.controller.url
    port = panel.controller.server.port
    panel.close()
    assert context.audience.key == "timer"
    assert panel.status.text() == "The room is closed."
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(OSError):
        conn.request("GET", "/")
        conn.getresponse()


def test_no_network_is_said_in_the_panel(qtbot, context: AppContext) -> None:
    controller = RoomController(context, hosts=lambda: [], port=0)
    widget = RoomPanel(context, controller=controller)
    qtbot.addWidget(widget)
    widget.open_room()
    assert "No network" in widget.status.text()
    assert controller.server is None


def test_run_open_the_room_opens_it_and_closing_keeper_stops_it(qtbot, demo_path, clock,
                                                                 monkeypatch) -> None:
    from ui.main_window import MainWindow

    monkeypatch.setattr("ui.room_bridge.lan_addresses", lambda: ["127.0.0.1"])
    monkeypatch.setattr("ui.room_bridge.PREFERRED_PORT", 0)
    window = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    run_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Run")
    action = next(a for a in run_menu.actions() if a.text() == "Open the &room…")
    action.trigger()
    controller = window.room_panel.controller
    assert controller.is_open and window.room_panel.isVisible()
    assert window.context.audience.key == PROJECTOR_KEY
    port = controller.server.port
    phone = Phone(port)
    assert off_thread(qtbot, lambda: phone.post("/api/roster", {"code": controller.room.code})
                      ).status == 200
    window.close()
    assert not controller.is_open
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(OSError):
        conn.request("GET", "/")
        conn.getresponse()


def test_phones_sending_together_land_in_one_commit_each_its_own_undo_step(
        qtbot, panel: RoomPanel, context: AppContext, monkeypatch) -> None:
    from keeper.board.notes import AddNotes
    from keeper.board.operation import BoardError

    assert context.offsite_id is not None
    author = load_board(context.store.session, context.offsite_id).people[0].id
    desk, steps = panel.controller.desk, context.undo_stack.count()
    monkeypatch.setattr(desk, "SLICE_S", 30.0)  # one slice however slow this machine is
    told: list[object] = []
    context.data_changed.connect(told.append)

    def send(text: str):
        def job(keep) -> str:
            if text == "refused":
                raise BoardError("That note is no longer on the board.")
            keep.run(AddNotes(keep.offsite_id, author, text, keep.clock.now()))
            return text
        return job

    futures = [desk.submit(send(t)) for t in ("Phone one", "refused", "Phone three")]
    qtbot.waitUntil(lambda: all(f.done() for f in futures))
    assert [f.exception() is None for f in futures] == [True, False, True]
    assert {"Phone one", "Phone three"} <= set(notes_of(context))
    assert context.undo_stack.count() == steps + 2  # one step per phone, none for the refusal
    assert len(told) == 1  # the views reloaded once for the whole batch
    context.undo_stack.undo()
    assert "Phone three" not in notes_of(context) and "Phone one" in notes_of(context)


def test_a_name_changed_on_the_laptop_reaches_the_phones(qtbot, panel: RoomPanel,
                                                          context: AppContext) -> None:
    from keeper.ops import SetFields
    from keeper.store.models import Person

    panel.controller.room.choose(Activity.NOTES)
    phone = phone_for(qtbot, panel, "Priya Raman")
    me = off_thread(qtbot, phone.state).data["me"]
    assert me["name"] == "Priya Raman"  # read once: the roster is remembered from now on
    context.run(SetFields(Person, {"id": me["id"]}, {"name": "Priya Raman-Okafor"}))
    assert off_thread(qtbot, phone.state).data["me"]["name"] == "Priya Raman-Okafor"


def test_a_group_renamed_on_the_laptop_reaches_the_phones_vote_list(
        qtbot, panel: RoomPanel, context: AppContext) -> None:
    from keeper.ops import SetFields
    from keeper.store.models import Cluster

    panel.controller.room.choose(Activity.VOTE)
    phone = phone_for(qtbot, panel, "Priya Raman")
    ideas = off_thread(qtbot, phone.state).data["vote"]["ideas"]
    group = next(i for i in ideas if i["kind"] == "cluster")
    reply = off_thread(qtbot, lambda: phone.post("/api/vote", {"kind": "cluster",
                                                               "id": group["id"], "dots": 1}))
    assert reply.status == 200  # the list is remembered; this phone's tick is its own
    ticked = next(i for i in reply.data["vote"]["ideas"] if i["id"] == group["id"])
    assert ticked["mine"] == 1 and ticked["title"] == group["title"]
    context.run(SetFields(Cluster, {"id": group["id"]}, {"title": "Renamed on the laptop"}))
    ideas = off_thread(qtbot, phone.state).data["vote"]["ideas"]
    renamed = next(i for i in ideas if i["id"] == group["id"] and i["kind"] == "cluster")
    assert renamed["title"] == "Renamed on the laptop" and renamed["mine"] == 1
