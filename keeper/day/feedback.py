"""Start / Stop / Continue feedback between the people in the room."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from keeper.day.edits import PutRow
from keeper.day.fields import TEXT_MAX, DayError, text_or_none
from keeper.day.people import attendees
from keeper.day.rules import FEEDBACK_KINDS, FeedbackGrid, feedback_grid
from keeper.ops import Composite, Operation
from keeper.store.models import Feedback, Person
from keeper.store.offsite_file import OffsiteStore


def load_feedback(store: OffsiteStore, offsite_id: int, *, giver_id: int | None = None,
                  receiver_id: int | None = None) -> dict[tuple[int, int, str], str]:
    """``(giver, receiver, kind) -> text``: the offsite's, or one giver's (and receiver's)."""
    stmt = (select(Feedback.giver_id, Feedback.receiver_id, Feedback.kind, Feedback.text)
            .where(Feedback.offsite_id == offsite_id))
    if giver_id is not None:
        stmt = stmt.where(Feedback.giver_id == giver_id)
    if receiver_id is not None:
        stmt = stmt.where(Feedback.receiver_id == receiver_id)
    return {(g, r, k): t for g, r, k, t in store.session.execute(stmt) if t}


def load_grid(store: OffsiteStore, offsite_id: int) -> FeedbackGrid:
    people = [p.id for p in attendees(store, offsite_id)]
    return feedback_grid(people, load_feedback(store, offsite_id).keys())


def feedback_for(store: OffsiteStore, offsite_id: int, receiver_id: int
                 ) -> list[tuple[str, dict[str, str]]]:
    """"Feedback for Tommy": each giver (attendee order) and their start/stop/continue."""
    texts = load_feedback(store, offsite_id)
    sheet = []
    for person in attendees(store, offsite_id):
        if person.id == receiver_id:
            continue
        kinds: dict[str, str] = {k: texts[(person.id, receiver_id, k)] for k in FEEDBACK_KINDS
                 if (person.id, receiver_id, k) in texts}
        sheet.append((person.name, kinds))
    return sheet


def set_feedback(offsite_id: int, giver_id: int, receiver_id: int, kind: str,
                 text: str | None) -> PutRow:
    """Set (or, with empty text, clear) one start/stop/continue from giver to receiver."""
    if giver_id == receiver_id:
        raise DayError("Feedback goes to someone else in the room, not to yourself.")
    if kind not in FEEDBACK_KINDS:
        raise DayError(f"Feedback is start, stop or continue, not {kind!r}.")
    clean = text_or_none(text, TEXT_MAX)
    match = {"offsite_id": offsite_id, "giver_id": giver_id, "receiver_id": receiver_id,
             "kind": kind}
    return PutRow(Feedback, match, None if clean is None else {"text": clean},
                  f"{'Clear' if clean is None else 'Set'} {kind} feedback")


def set_feedback_pair(store: OffsiteStore, offsite_id: int, giver_id: int, receiver_id: int,
                      texts: Mapping[str, str | None]) -> Composite | None:
    """The quick entry: all three texts of one giver→receiver pair as one undo step.

    Returns None when nothing changes.
    """
    current = {k: t for (_g, _r, k), t in load_feedback(
        store, offsite_id, giver_id=giver_id, receiver_id=receiver_id).items()}
    parts: list[Operation] = []
    for kind in FEEDBACK_KINDS:
        if kind not in texts:
            continue
        op = set_feedback(offsite_id, giver_id, receiver_id, kind, texts[kind])
        new = op.values["text"] if op.values else None
        if new != current.get(kind):
            parts.append(op)
    if not parts:
        return None
    names = dict(store.session.execute(
        select(Person.id, Person.name).where(Person.id.in_([giver_id, receiver_id]))).all())
    return Composite(parts, f"Feedback {names.get(giver_id, '?')} → {names.get(receiver_id, '?')}")
