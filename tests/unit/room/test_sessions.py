"""Each session's part from a phone: support, questions, reflections, feedback, mapping."""

from __future__ import annotations

import json

from keeper.board.support import SetTallySettings
from keeper.day.feedback import load_feedback
from keeper.day.questions import load_questions
from keeper.day.reflections import load_reflections
from keeper.quadrant import ops as quadrant
from ui.room.activity import Activity, activity_for

from .conftest import Served


def test_the_phone_follows_the_running_session() -> None:
    assert activity_for("Opportunities brainstorm", clusters=0) is Activity.NOTES
    assert activity_for("Opportunities brainstorm", clusters=3) is Activity.VOTE
    assert activity_for("North-star questions", 0) is Activity.QUESTIONS
    assert activity_for("Situational mapping", 0) is Activity.MAPPING
    assert activity_for("Reflections", 0) is Activity.REFLECTIONS
    assert activity_for("Dinner: Start / Stop / Continue", 0) is Activity.FEEDBACK
    assert activity_for("Lunch (the Keeper synthesises)", 0) is Activity.WAIT
    assert activity_for(None, 0) is Activity.WAIT
    assert activity_for("Lunch", 0, chosen=Activity.NOTES) is Activity.NOTES


def test_the_demo_brainstorm_with_groups_asks_for_support(served: Served) -> None:
    state = served.phone("Priya Raman").state().data
    assert state["session"] == "Opportunities brainstorm"
    assert state["activity"] == "vote" and state["label"] == "Support ideas"
    assert "notes" not in state and "feedback" not in state  # only what the session asks


def test_supporting_a_group_toggles_the_persons_support(served: Served) -> None:
    served.during(Activity.VOTE)
    phone = served.phone("Elena Fischer")
    idea = next(i for i in phone.state().data["vote"]["ideas"] if not i["mine"])
    used = phone.state().data["vote"]["used"]
    on = phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 1})
    assert on.status == 200, on.data
    assert on.data["vote"]["used"] == used + 1
    off = phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 0})
    assert off.data["vote"]["used"] == used


def test_dot_voting_keeps_the_cap_per_idea(served: Served) -> None:
    served.on_desk(lambda keep: keep.run(SetTallySettings(
        keep.offsite_id, mode="dots", dots_per_person=5, cap_per_idea=2)))
    served.during(Activity.VOTE)
    phone = served.phone("Dana Whitfield")
    ideas = phone.state().data["vote"]["ideas"]
    for idea in ideas:
        if idea["mine"]:
            phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 0})
    first = ideas[0]
    two = phone.post("/api/vote", {"kind": first["kind"], "id": first["id"], "dots": 2})
    assert two.status == 200 and two.data["vote"]["mode"] == "dots"
    three = phone.post("/api/vote", {"kind": first["kind"], "id": first["id"], "dots": 3})
    assert three.status == 409 and three.error == "At most 2 on one idea."


def test_answers_to_a_north_star_question_carry_the_name(served: Served) -> None:
    served.during(Activity.QUESTIONS)
    phone = served.phone("Marcus Obi")
    question = phone.state().data["questions"]["questions"][0]
    assert phone.post("/api/answer", {"id": question["id"], "text": "Land in healthcare"}
                      ).status == 200
    answers = served.on_desk(lambda k: load_questions(k.store, k.offsite_id))[0].answers
    assert answers.endswith("Marcus Obi: Land in healthcare")


def test_reflections_one_or_two_each(served: Served) -> None:
    served.during(Activity.REFLECTIONS)
    phone = served.phone("John Park")
    me = phone.state().data["me"]["id"]
    existing = len(phone.state().data["reflections"]["reflections"])
    for n in range(existing, 2):
        assert phone.post("/api/reflections/add", {"text": f"Reflection {n}"}).status == 200
    third = phone.post("/api/reflections/add", {"text": "One too many"})
    assert third.status == 400 and "one or two reflections" in third.error
    mine = served.on_desk(lambda k: load_reflections(k.store, k.offsite_id))[me]
    assert len(mine) == 2 and "One too many" not in [r.text for r in mine]


def test_feedback_is_saved_and_completeness_is_the_givers_own(served: Served) -> None:
    served.during(Activity.FEEDBACK)
    phone = served.phone("Priya Raman")
    state = phone.state().data["feedback"]
    tommy = next(p for p in state["people"] if p["name"] == "Tommy Becker")
    texts = {kind: f"{kind} note for Tommy" for kind in ("start", "stop", "continue")}
    reply = phone.post("/api/feedback", {"to": tommy["id"], "texts": texts})
    assert reply.status == 200
    after = reply.data["feedback"]
    assert next(p for p in after["people"] if p["id"] == tommy["id"])["complete"] is True
    assert after["complete"] == state["complete"] + (0 if tommy["complete"] else 1)
    me = phone.state().data["me"]["id"]
    saved = served.on_desk(lambda k: load_feedback(k.store, k.offsite_id))
    assert saved[(me, tommy["id"], "stop")] == "stop note for Tommy"
    row = next(r for r in served.room.devices() if r.name == "Priya Raman")
    assert "Tommy" not in row.last_sent and "note" not in row.last_sent


def test_nobody_sees_anyone_elses_feedback_on_any_endpoint(served: Served) -> None:
    served.during(Activity.FEEDBACK)
    priya = served.phone("Priya Raman")
    tommy_id = next(p["id"] for p in priya.state().data["feedback"]["people"]
                    if p["name"] == "Tommy Becker")
    secret = "PRIVATE-LINE-FROM-PRIYA"
    assert priya.post("/api/feedback", {"to": tommy_id, "texts": {"start": secret}}
                      ).status == 200
    tommy = served.phone("Tommy Becker")
    seen = []
    for activity in Activity:
        served.during(activity)
        seen.append(json.dumps(tommy.state().data))
        seen.append(json.dumps(tommy.post("/api/roster", {"code": "K3XA"}).data))
    assert not any(secret in page for page in seen)
    # the demo's own feedback lines from others never reach Tommy either
    others = served.on_desk(lambda k: load_feedback(k.store, k.offsite_id))
    tommy_me = tommy.state().data["me"]["id"]
    for (giver, _receiver, _kind), text in others.items():
        if giver != tommy_me:
            assert not any(text in page for page in seen), text


def test_a_manager_drags_their_own_rep_and_nobody_else_sees_it(served: Served) -> None:
    served.during(Activity.MAPPING)
    jane = served.phone("Jane Alvarez")
    reps = jane.state().data["mapping"]["reps"]
    assert reps and all(r["name"] for r in reps)
    rep = reps[0]
    reply = jane.post("/api/place", {"rep": rep["id"], "skill": 0.8, "motivation": 0.25})
    assert reply.status == 200
    placed = served.on_desk(lambda k: quadrant.load_placements(k.store, k.offsite_id))
    mine = next(p for p in placed if p.rep_id == rep["id"])
    assert (mine.skill, mine.motivation) == (0.8, 0.25)
    for name in ("Tommy Becker", "Priya Raman"):
        page = json.dumps(served.phone(name).state().data)
        assert rep["name"] not in page
    outside = jane.post("/api/place", {"rep": rep["id"], "skill": 1.5, "motivation": 0.2})
    assert outside.status == 400 and outside.error == "Drag the dot inside the grid."


def test_supporters_tick_any_number_of_ideas_once_each(served: Served) -> None:
    served.during(Activity.VOTE)
    phone = served.phone("Marcus Obi")  # the demo has him supporting 5 ideas already
    vote = phone.state().data["vote"]
    assert vote["mode"] == "supporters" and vote["limit"] is None and vote["used"] == 5
    idea = next(i for i in vote["ideas"] if not i["mine"])
    assert phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 1}
                      ).data["vote"]["used"] == 6
    twice = phone.post("/api/vote", {"kind": idea["kind"], "id": idea["id"], "dots": 2})
    assert twice.status == 409 and twice.error == "At most 1 on one idea."


def test_a_write_in_the_activity_the_keeper_chose_does_not_read_the_runner(
        served: Served, monkeypatch) -> None:  # noqa: ANN001
    """Each phone write is checked against the activity; when the Keeper chose it, that
    check reads nothing (sixty phones' writes queue on the laptop). Only the state sent
    back with the answer names the running session."""
    from ui.room import reads

    served.during(Activity.NOTES)
    phone = served.phone("Priya Raman")
    reads_of_runner: list[object] = []
    running = reads.running_session

    def counted(keep: object) -> str:
        reads_of_runner.append(keep)
        return running(keep)  # type: ignore[arg-type]

    monkeypatch.setattr(reads, "running_session", counted)
    reply = phone.post("/api/notes/add", {"text": "Partner-sourced pipeline review"})
    assert reply.status == 200, reply.error
    assert len(reads_of_runner) == 1  # the answer's state, not the write's check
    served.during(None)  # the running session decides: the write reads the runner
    reads_of_runner.clear()
    assert phone.post("/api/notes/add", {"text": "Another idea"}).status == 409
    assert reads_of_runner
