"""What one phone may see, read from keeper/'s read models (jobs for the desk).

Privacy lives here: a phone gets its own notes, its own support, its own
reflections, the feedback lines *it* wrote, and, for a manager, only their own
reps. Nobody's lines reach another phone through any of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from keeper.agenda.ops import running_title
from keeper.board import tally
from keeper.board.loading import board_people
from keeper.board.own import cluster_count, notes_by, supports_of, voting_board
from keeper.day.feedback import load_feedback
from keeper.day.people import attendee, attendees, has_attendees
from keeper.day.questions import load_questions
from keeper.day.reflections import REFLECTIONS_MAX, load_reflections
from keeper.day.rules import FEEDBACK_KINDS
from keeper.quadrant import ops as quadrant
from keeper.store.models import Offsite, Role
from ui.room.activity import LABELS, Activity, activity_for
from ui.room.desk import Keep


@dataclass(frozen=True)
class Member:
    """Someone who may join: the offsite's attendees (or, with none ticked, the board's)."""

    id: int
    name: str
    role: str


# What the reader remembers (ui/room/desk.py Memo), and the tables each is read from.
ATTENDING, ROSTER, BOARD_ROSTER, TITLE, IDEAS = (
    "attending", "roster", "board roster", "title", "ideas")
REMEMBERED_FROM = {ATTENDING: {"attendance"}, ROSTER: {"person", "attendance"},
                   BOARD_ROSTER: {"person", "attendance", "note", "offsite"},
                   TITLE: {"offsite"}, IDEAS: {"note", "cluster", "tally_settings", "offsite"}}


def roster(keep: Keep) -> list[Member]:
    """The attendees; with none ticked yet, the board's people (authors count, so a
    note then changes it)."""
    if keep.remember(ATTENDING, lambda: has_attendees(keep.store, keep.offsite_id)):
        return keep.remember(ROSTER, lambda: [
            Member(p.id, p.name, p.role) for p in attendees(keep.store, keep.offsite_id)])
    return keep.remember(BOARD_ROSTER, lambda: [
        Member(p.id, p.name or f"Person {p.id}", p.role or "")
        for p in board_people(keep.store.session, keep.offsite_id)])


def member(keep: Keep, person_id: int) -> Member | None:
    """``person_id`` as :func:`roster` lists them (looked up alone when attendees are ticked)."""
    person = attendee(keep.store, keep.offsite_id, person_id)
    if person is not None:
        return Member(person.id, person.name, person.role)
    if has_attendees(keep.store, keep.offsite_id):
        return None
    return next((m for m in roster(keep) if m.id == person_id), None)


def offsite_title(keep: Keep) -> str:
    return keep.remember(TITLE, lambda: _offsite_title(keep))


def _offsite_title(keep: Keep) -> str:
    offsite = keep.store.session.get(Offsite, keep.offsite_id)
    return offsite.title if offsite is not None else ""


def running_session(keep: Keep) -> str:
    return running_title(keep.store, keep.offsite_id)


def current_activity(keep: Keep, chosen: Activity | None) -> tuple[Activity, str]:
    session = running_session(keep)
    if chosen is not None:
        return chosen, session
    return activity_for(session, _cluster_count(keep)), session


def activity_now(keep: Keep, chosen: Activity | None) -> Activity:
    """The activity a write is checked against: the Keeper's choice, read from nothing;
    else the running session's (the runner's state read only then)."""
    return chosen if chosen is not None else current_activity(keep, None)[0]


def _cluster_count(keep: Keep) -> int:
    return cluster_count(keep.store.session, keep.offsite_id)


def _notes(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    """The phone's own notes, newest first: the one just sent is under the box."""
    mine = [{"id": n.id, "text": n.text, "locked": n.cluster_id is not None}
            for n in reversed(notes_by(keep.store.session, keep.offsite_id, me))]
    return {"notes": mine, "target": tally.NOTES_PER_PERSON}


def vote_limits(config: tally.TallyConfig) -> tally.TallyConfig:
    """The room's voting rule, the tally's own: in dot voting each person has the offsite's
    dots (and the cap per idea); a supporter ticks any idea, once."""
    if config.mode is tally.TallyMode.DOTS:
        return config
    return tally.TallyConfig(tally.TallyMode.DOTS, 10**6, 1)


def _ideas(keep: Keep) -> tuple[list[dict[str, Any]], tally.TallyConfig]:
    """What every phone votes on (the tally's lines: groups, then loose notes) and the rule."""
    board = voting_board(keep.store.session, keep.offsite_id)
    ideas: list[dict[str, Any]] = []
    for c in board.clusters:
        ideas.append({"kind": "cluster", "id": c.id, "title": c.title,
                      "notes": [n.text for n in board.notes_in(c.id)][:6]})
    for n in board.notes:
        if n.cluster_id is None:
            ideas.append({"kind": "note", "id": n.id, "title": n.text, "notes": []})
    return ideas, board.config


def _vote(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    ideas, config = keep.remember(IDEAS, lambda: _ideas(keep))
    mine = {s.idea: s.dots for s in supports_of(keep.store.session, keep.offsite_id, me)}
    kinds = {"cluster": tally.IdeaKind.CLUSTER, "note": tally.IdeaKind.NOTE}
    return {"mode": config.mode.value,
            "limit": config.dots_per_person if config.mode is tally.TallyMode.DOTS else None,
            "cap": vote_limits(config).cap_per_idea, "used": sum(mine.values()),
            "ideas": [{**idea, "mine": mine.get((kinds[idea["kind"]], idea["id"]), 0)}
                      for idea in ideas]}


def _questions(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    return {"questions": [{"id": q.id, "text": q.text}
                          for q in load_questions(keep.store, keep.offsite_id)]}


def _reflections(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    rows = load_reflections(keep.store, keep.offsite_id).get(me, [])
    return {"reflections": [{"id": r.id, "text": r.text} for r in rows],
            "max": REFLECTIONS_MAX}


def _feedback(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    given = {(r, k): t for (_g, r, k), t in load_feedback(
        keep.store, keep.offsite_id, giver_id=me).items()}
    rows = []
    for m in people:
        if m.id == me:
            continue
        kinds = {k: given.get((m.id, k), "") for k in FEEDBACK_KINDS}
        rows.append({"id": m.id, "name": m.name, "kinds": kinds,
                     "complete": all(kinds.values())})
    return {"people": rows, "kinds": list(FEEDBACK_KINDS),
            "complete": sum(1 for p in rows if p["complete"]), "total": len(rows)}


def own_reps(keep: Keep, me: int) -> dict[int, quadrant.Rep]:
    data = quadrant.load_board(keep.store, keep.offsite_id)
    return {r.id: r for r in data.reps.values() if r.manager_id == me and r.active}


def _mapping(keep: Keep, me: int, people: list[Member]) -> dict[str, Any]:
    person = next((m for m in people if m.id == me), None)
    if person is None or person.role != Role.MANAGER:
        return {"reps": [], "manager": False}
    data = quadrant.load_board(keep.store, keep.offsite_id)
    reps = []
    for rep in sorted(own_reps(keep, me).values(), key=lambda r: r.name.casefold()):
        placed = data.current.get(rep.id)
        reps.append({"id": rep.id, "name": rep.name,
                     "skill": placed.skill if placed else None,
                     "motivation": placed.motivation if placed else None})
    return {"reps": reps, "manager": True}


_SECTIONS = {
    Activity.NOTES: _notes, Activity.VOTE: _vote, Activity.QUESTIONS: _questions,
    Activity.REFLECTIONS: _reflections, Activity.FEEDBACK: _feedback,
    Activity.MAPPING: _mapping,
}


def phone_state(keep: Keep, me: int, chosen: Activity | None, paused: bool) -> dict[str, Any]:
    """Everything one phone's page shows, and nothing more."""
    people = roster(keep)
    person = next((m for m in people if m.id == me), None)
    activity, session = current_activity(keep, chosen)
    state: dict[str, Any] = {
        "me": {"id": me, "name": person.name if person else "", "role":
               person.role if person else ""},
        "title": offsite_title(keep), "session": session, "activity": activity.value,
        "label": LABELS[activity], "paused": paused,
    }
    section = _SECTIONS.get(activity)
    if section is not None:
        state[activity.value] = section(keep, me, people)
    return state
