"""What a phone may change, as keeper operations (jobs for the desk).

Each write checks who is asking (their own note, their own reps, not
themselves), builds the same operation the laptop would, and hands it to
``keep.run``: the edit is in the file, on the board and undoable. A refused
write raises :class:`RoomError` (or keeper's own ``ValueError`` wording) and
changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from keeper.board import tally
from keeper.board.notes import AddNotes, DeleteNotes, EditNote
from keeper.board.own import ballot, notes_by
from keeper.board.support import SetDots, ToggleSupport
from keeper.day import feedback, questions, reflections
from keeper.day.fields import TEXT_MAX
from keeper.quadrant.ops import PlaceRep
from keeper.text import clean_block
from ui.room.activity import Activity
from ui.room.desk import Keep
from ui.room.devices import RoomError
from ui.room.reads import member, own_reps, vote_limits

Body = Mapping[str, Any]


@dataclass(frozen=True)
class Sent:
    """What the Keeper's list says a phone sent (never private text)."""

    what: str
    summary: str


def number(body: Body, key: str) -> int:
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RoomError(f"Missing {key}: reload the page and try again.")
    return value


def text(body: Body, key: str = "text") -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise RoomError("Type something first.")
    return value


def _own_note(keep: Keep, me: int, note_id: int) -> None:
    note = next((n for n in notes_by(keep.store.session, keep.offsite_id, me)
                 if n.id == note_id), None)
    if note is None:
        raise RoomError("That note is not one of yours.", 403)
    if note.cluster_id is not None:
        raise RoomError("The Keeper has grouped that note: it can no longer be changed "
                        "from a phone.", 409)


def add_notes(keep: Keep, me: int, body: Body) -> Sent:
    op = AddNotes(keep.offsite_id, me, text(body), keep.clock.now())
    keep.run(op)
    return Sent("notes", f"{len(op.note_ids)} note(s): {op.lines[0][:40]}")


def edit_note(keep: Keep, me: int, body: Body) -> Sent:
    note_id = number(body, "id")
    _own_note(keep, me, note_id)
    keep.run(EditNote(note_id, text(body)))
    return Sent("notes", "edited a note")


def delete_note(keep: Keep, me: int, body: Body) -> Sent:
    note_id = number(body, "id")
    _own_note(keep, me, note_id)
    keep.run(DeleteNotes([note_id]))
    return Sent("notes", "deleted a note")


def vote(keep: Keep, me: int, body: Body) -> Sent:
    """Set this phone's dots on one idea (supporters: 0 or 1), within the offsite's limit."""
    kind, idea_id, dots = text(body, "kind"), number(body, "id"), number(body, "dots")
    if kind not in ("cluster", "note"):
        raise RoomError("That idea is no longer on the board.", 409)
    idea = (tally.IdeaKind(kind), idea_id)
    checked = ballot(keep.store.session, keep.offsite_id, me, idea)
    if not checked.idea_exists:
        raise RoomError("That idea is no longer on the board.", 409)
    target = {"cluster_id": idea_id} if kind == "cluster" else {"note_id": idea_id}
    if dots < 0:
        raise RoomError("Dots cannot be negative.")
    limits = vote_limits(checked.config)
    current = sum(s.dots for s in checked.mine if s.idea == idea)
    others = [s for s in checked.mine if s.idea != idea]
    proposed = others + ([tally.TallySupport(me, dots=dots, **target)] if dots else [])
    issues = [i for i in tally.validate_dot_vote(proposed, limits)  # taking off is always fine
              if dots > current]
    if issues:
        used = sum(s.dots for s in others)
        if issues[0].kind is tally.VoteIssueKind.OVER_LIMIT:
            raise RoomError(f"You have {limits.dots_per_person} dots and {used} are placed: "
                            "take one off another idea first.", 409)
        raise RoomError(f"At most {limits.cap_per_idea} on one idea.", 409)
    if checked.config.mode is tally.TallyMode.DOTS:
        keep.run(SetDots(keep.offsite_id, me, dots, **target))
    elif bool(current) != bool(dots):
        keep.run(ToggleSupport(keep.offsite_id, me, **target))
    return Sent("votes", f"{dots} on an idea")


def answer(keep: Keep, me: int, body: Body) -> Sent:
    """An answer to a north-star question joins its answers as "Name: answer"."""
    question_id = number(body, "id")
    row = next((q for q in questions.load_questions(keep.store, keep.offsite_id)
                if q.id == question_id), None)
    if row is None:
        raise RoomError("That question is no longer on the list.", 409)
    line = clean_block(text(body), TEXT_MAX).replace("\n", " ")
    if not line:
        raise RoomError("Type your answer first.")
    person = member(keep, me)
    entry = f"{person.name if person else 'Someone'}: {line}"
    combined = f"{row.answers}\n{entry}" if row.answers else entry
    if len(combined) > TEXT_MAX:
        raise RoomError("That question's answers are full; tell the Keeper out loud.", 409)
    keep.run(questions.edit_question(question_id, answers=combined))
    return Sent("answers", "answered a question")


def _own_reflection(keep: Keep, me: int, reflection_id: int) -> None:
    mine = reflections.load_reflections(keep.store, keep.offsite_id).get(me, [])
    if not any(r.id == reflection_id for r in mine):
        raise RoomError("That reflection is not one of yours.", 403)


def add_reflection(keep: Keep, me: int, body: Body) -> Sent:
    keep.run(reflections.add_reflection(keep.store, keep.offsite_id, me, text(body)))
    return Sent("reflections", "shared a reflection")


def edit_reflection(keep: Keep, me: int, body: Body) -> Sent:
    reflection_id = number(body, "id")
    _own_reflection(keep, me, reflection_id)
    keep.run(reflections.edit_reflection(reflection_id, text(body)))
    return Sent("reflections", "edited a reflection")


def delete_reflection(keep: Keep, me: int, body: Body) -> Sent:
    reflection_id = number(body, "id")
    _own_reflection(keep, me, reflection_id)
    keep.run(reflections.delete_reflection(reflection_id))
    return Sent("reflections", "deleted a reflection")


def give_feedback(keep: Keep, me: int, body: Body) -> Sent:
    """One colleague's start / stop / continue from this phone, as one undo step."""
    receiver = number(body, "to")
    if receiver == me:
        raise RoomError("Feedback goes to a colleague, not to yourself.")
    if member(keep, receiver) is None:
        raise RoomError("That person is not in the room.", 409)
    texts = body.get("texts")
    if not isinstance(texts, dict) or not texts or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise RoomError("Type the feedback first.")
    op = feedback.set_feedback_pair(keep.store, keep.offsite_id, me, receiver, texts)
    if op is not None:
        keep.run(op)
    return Sent("feedback", "feedback")  # never who or what: it is private


def place_rep(keep: Keep, me: int, body: Body) -> Sent:
    rep_id = number(body, "rep")
    if rep_id not in own_reps(keep, me):
        raise RoomError("You can place only your own reps.", 403)
    skill, motivation = body.get("skill"), body.get("motivation")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
               and 0 <= v <= 1 for v in (skill, motivation)):
        raise RoomError("Drag the dot inside the grid.")
    keep.run(PlaceRep(keep.offsite_id, rep_id, float(skill), float(motivation)))  # type: ignore[arg-type]
    return Sent("placements", "placed a rep")  # which rep stays private


Write = Callable[[Keep, int, Body], Sent]

# (activity it belongs to, the write): a write outside its session is refused.
WRITES: dict[str, tuple[Activity, Write]] = {
    "notes/add": (Activity.NOTES, add_notes),
    "notes/edit": (Activity.NOTES, edit_note),
    "notes/delete": (Activity.NOTES, delete_note),
    "vote": (Activity.VOTE, vote),
    "answer": (Activity.QUESTIONS, answer),
    "reflections/add": (Activity.REFLECTIONS, add_reflection),
    "reflections/edit": (Activity.REFLECTIONS, edit_reflection),
    "reflections/delete": (Activity.REFLECTIONS, delete_reflection),
    "feedback": (Activity.FEEDBACK, give_feedback),
    "place": (Activity.MAPPING, place_rep),
}
