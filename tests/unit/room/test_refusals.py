"""Bad input gets a clear message on the phone and nothing in the file."""

from __future__ import annotations

from keeper.board.loading import load_board
from keeper.board.support import SetTallySettings
from keeper.day.feedback import load_feedback
from keeper.quadrant import ops as quadrant
from ui.room.activity import Activity
from ui.room.devices import TOKEN_IDLE_S

from .conftest import Served


def snapshot(served: Served) -> tuple[object, ...]:
    """Everything a phone could change, to compare before and after a refusal."""

    def read(keep):
        board = load_board(keep.store.session, keep.offsite_id)
        placed = quadrant.load_placements(keep.store, keep.offsite_id)
        return (board.notes, board.supports, load_feedback(keep.store, keep.offsite_id),
                [(p.rep_id, p.skill, p.motivation) for p in placed])

    return served.on_desk(read)


def test_an_expired_pass_is_refused_and_asks_to_join_again(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    before = snapshot(served)
    served.clock.advance(TOKEN_IDLE_S + 1)
    reply = phone.post("/api/notes/add", {"text": "Late note"})
    assert reply.status == 401 and reply.data["rejoin"] is True
    assert reply.error == ("This phone's pass has expired or was removed. "
                           "Enter the room code again.")
    assert snapshot(served) == before


def test_a_made_up_pass_or_a_wrong_code_on_a_write_is_refused(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    before = snapshot(served)
    forged = served.phone()
    forged.code, forged.token = "K3XA", "not-a-real-pass"
    assert forged.post("/api/notes/add", {"text": "Forged"}).status == 401
    phone.code = "AAAA"
    wrong = phone.post("/api/notes/add", {"text": "Wrong code"})
    assert wrong.status == 401 and "new code" in wrong.error
    assert snapshot(served) == before


def test_an_oversize_body_is_refused(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    before = snapshot(served)
    reply = phone.post("/api/notes/add", {"text": "x" * 20_000})
    assert reply.status == 413
    assert reply.error == "That is too long to send in one go: split it into shorter notes."
    assert snapshot(served) == before


def test_a_note_is_capped_like_the_laptops(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    reply = phone.post("/api/notes/add", {"text": "y" * 2500})
    assert reply.status == 200
    assert max(len(n["text"]) for n in reply.data["notes"]["notes"]) == 2000


def test_a_vote_past_the_limit_is_refused(served: Served) -> None:
    served.on_desk(lambda keep: keep.run(SetTallySettings(keep.offsite_id, mode="dots")))
    served.during(Activity.VOTE)
    phone = served.phone("Marcus Obi")
    ideas = phone.state().data["vote"]["ideas"]
    limit = phone.state().data["vote"]["limit"]
    for idea in ideas:  # start from nothing placed
        if idea["mine"]:  # taking dots off is fine even when over the limit
            assert phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 0}
                              ).status == 200
    for idea in ideas[:limit]:
        assert phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 1}
                          ).status == 200
    before = snapshot(served)
    extra = ideas[limit]
    reply = phone.post("/api/vote", {"kind": extra["kind"], "id": extra["id"], "dots": 1})
    assert reply.status == 409
    assert reply.error == (f"You have {limit} dots and {limit} are placed: "
                           "take one off another idea first.")
    assert snapshot(served) == before


def test_feedback_to_oneself_is_refused(served: Served) -> None:
    served.during(Activity.FEEDBACK)
    phone = served.phone("Priya Raman")
    me = phone.state().data["me"]["id"]
    before = snapshot(served)
    reply = phone.post("/api/feedback", {"to": me, "texts": {"start": "More sleep"}})
    assert reply.status == 400 and reply.error == "Feedback goes to a colleague, not to yourself."
    assert snapshot(served) == before


def test_a_manager_cannot_place_someone_elses_rep(served: Served) -> None:
    served.during(Activity.MAPPING)
    jane = served.phone("Jane Alvarez")
    tommy = served.phone("Tommy Becker")
    tommys_rep = tommy.state().data["mapping"]["reps"][0]["id"]
    assert tommys_rep not in [r["id"] for r in jane.state().data["mapping"]["reps"]]
    before = snapshot(served)
    reply = jane.post("/api/place", {"rep": tommys_rep, "skill": 0.9, "motivation": 0.9})
    assert reply.status == 403 and reply.error == "You can place only your own reps."
    assert snapshot(served) == before


def test_a_leader_has_no_reps_to_place(served: Served) -> None:
    served.during(Activity.MAPPING)
    priya = served.phone("Priya Raman")
    assert priya.state().data["mapping"] == {"reps": [], "manager": False}


def test_writes_from_another_site_are_refused(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    before = snapshot(served)
    evil = phone.post("/api/notes/add", {"text": "CSRF"}, headers={"Origin": "http://evil.example"})
    assert evil.status == 403 and evil.error == "Send from the room's own page."
    form = phone.request("POST", "/api/notes/add", raw=b"text=CSRF",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status == 415
    fetch = phone.post("/api/notes/add", {"text": "CSRF"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert fetch.status == 403
    assert snapshot(served) == before


def test_a_phone_that_sends_too_fast_is_slowed_down(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    statuses = [phone.post("/api/notes/add", {"text": f"Burst {n}"}).status for n in range(25)]
    assert statuses[:20] == [200] * 20 and set(statuses[20:]) == {429}
    served.clock.advance(1.0)  # four more a second
    assert phone.post("/api/notes/add", {"text": "After a breath"}).status == 200


def test_guessing_the_room_code_is_slowed_down(served: Served) -> None:
    phone = served.phone()
    statuses = [phone.post("/api/roster", {"code": f"Q{n:03d}"}).status for n in range(13)]
    assert statuses == [403] * 12 + [429]
    assert phone.post("/api/roster", {"code": "K3XA"}).status == 429  # even the right one
    served.clock.advance(61)
    assert phone.post("/api/roster", {"code": "K3XA"}).status == 200


def test_a_write_outside_its_session_is_refused(served: Served) -> None:
    served.during(Activity.FEEDBACK)
    phone = served.phone("Priya Raman")
    before = snapshot(served)
    reply = phone.post("/api/notes/add", {"text": "Too late"})
    assert reply.status == 409
    assert reply.error == "The Keeper has moved on: this part is closed now."
    assert snapshot(served) == before


def test_malformed_requests_get_a_sentence_not_a_traceback(served: Served) -> None:
    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    for raw in (b"{not json", b"[1, 2]", b"\xff\xfe"):
        reply = phone.request("POST", "/api/notes/add", raw=raw)
        assert reply.status == 400 and reply.error == ("That request was not understood. "
                                                       "Reload the page.")
    reply = phone.post("/api/notes/edit", {"id": "7", "text": "x"})
    assert reply.status == 400 and "Traceback" not in str(reply.data) and "/" not in reply.error
    empty = phone.post("/api/notes/add", {"text": "   "})
    assert empty.status == 400
    assert empty.error == "An empty note was not added: type the opportunity first."
