"""Phones join with the room code and their name, then write brainstorm notes."""

from __future__ import annotations

from keeper.board.loading import load_board
from ui.room.activity import Activity

from .conftest import Served


def notes_by(served: Served, author: str) -> list[str]:
    def read(keep):
        board = load_board(keep.store.session, keep.offsite_id)
        person = next(p.id for p in board.people if p.name == author)
        return [n.text for n in board.notes if n.author_id == person]

    return served.on_desk(read)


def test_the_page_and_its_files_are_served_and_nothing_else(served: Served) -> None:
    phone = served.phone()
    page = phone.request("GET", "/")
    assert page.status == 200 and '<script src="/room.js">' in page.data["_text"]
    assert page.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert phone.request("GET", "/room.js").status == 200
    for path in ("/resources/", "/../keeper/store/models.py", "/room.py", "/api/"):
        reply = phone.request("GET", path)
        assert reply.status == 404
        assert reply.error == "There is nothing here."


def test_a_wrong_room_code_is_refused_with_a_clear_message(served: Served) -> None:
    phone = served.phone()
    reply = phone.post("/api/roster", {"code": "ZZZZ"})
    assert reply.status == 403
    assert reply.error == "That is not the room code. Type the 4 characters shown on the screen."
    assert "people" not in reply.data


def test_join_lists_the_roster_and_a_name_once(served: Served) -> None:
    phone = served.phone()
    roster = phone.post("/api/roster", {"code": " k3xa "})  # typed in lower case with spaces
    assert roster.status == 200
    names = [p["name"] for p in roster.data["people"]]
    assert "Elena Fischer" in names and roster.data["title"] == "Autumn leadership offsite"
    assert phone.join("K3XA", "Elena Fischer").data["waiting"] is False
    state = phone.state()
    assert state.status == 200 and state.data["me"]["name"] == "Elena Fischer"
    again = served.phone().post("/api/roster", {"code": "K3XA"}).data["people"]
    assert next(p for p in again if p["name"] == "Elena Fischer")["taken"] is True


def test_a_second_phone_with_the_same_name_waits_for_the_keeper(served: Served) -> None:
    served.phone("Elena Fischer")
    second = served.phone()
    reply = second.join("K3XA", "Elena Fischer")
    assert reply.status == 200 and reply.data["waiting"] is True
    served.during(Activity.NOTES)
    refused = second.post("/api/notes/add", {"text": "From the second phone"})
    assert refused.status == 403
    assert "Waiting for the Keeper" in refused.error
    assert "From the second phone" not in notes_by(served, "Elena Fischer")
    served.room.admit(second.token)
    assert second.post("/api/notes/add", {"text": "From the second phone"}).status == 200
    assert "From the second phone" in notes_by(served, "Elena Fischer")


def test_notes_are_cleaned_like_the_laptops_and_land_on_the_board(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    typed = "  Partner  webinars\x07 \n<script>alert(1)</script>\n\n"
    reply = phone.post("/api/notes/add", {"text": typed})
    assert reply.status == 200
    assert notes_by(served, "Priya Raman")[-2:] == ["Partner webinars", "<script>alert(1)</script>"]
    mine = [n["text"] for n in reply.data["notes"]["notes"]]
    assert mine[:2] == ["<script>alert(1)</script>", "Partner webinars"]  # newest first
    row = served.room.devices()[0]
    assert row.sent == {"notes": 1} and row.name == "Priya Raman"


def test_own_notes_can_be_edited_and_deleted_until_grouped(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    notes = phone.post("/api/notes/add", {"text": "Win back lost logos"}).data["notes"]["notes"]
    new = next(n for n in notes if n["text"] == "Win back lost logos")
    assert phone.post("/api/notes/edit", {"id": new["id"], "text": "Win back 20 lost logos"}
                      ).status == 200
    assert "Win back 20 lost logos" in notes_by(served, "Priya Raman")
    grouped = next(n for n in notes if n["locked"])
    refused = phone.post("/api/notes/delete", {"id": grouped["id"]})
    assert refused.status == 409 and "grouped" in refused.error
    assert grouped["text"] in notes_by(served, "Priya Raman")
    assert phone.post("/api/notes/delete", {"id": new["id"]}).status == 200
    assert "Win back 20 lost logos" not in notes_by(served, "Priya Raman")


def test_nobody_edits_another_persons_note(served: Served) -> None:
    served.during(Activity.NOTES)
    theirs = served.phone("Priya Raman").post("/api/notes/add", {"text": "Mine only"})
    note = next(n for n in theirs.data["notes"]["notes"] if n["text"] == "Mine only")
    other = served.phone("Marcus Obi")
    reply = other.post("/api/notes/edit", {"id": note["id"], "text": "Hijacked"})
    assert reply.status == 403 and reply.error == "That note is not one of yours."
    assert "Mine only" in notes_by(served, "Priya Raman")
