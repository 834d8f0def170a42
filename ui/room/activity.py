"""What the phones are asked for right now: follows the running session, or the Keeper's pick."""

from __future__ import annotations

import enum


class Activity(enum.StrEnum):
    WAIT = "wait"
    NOTES = "notes"
    VOTE = "vote"
    QUESTIONS = "questions"
    REFLECTIONS = "reflections"
    FEEDBACK = "feedback"
    MAPPING = "mapping"


LABELS = {
    Activity.WAIT: "Nothing to send",
    Activity.NOTES: "Brainstorm notes",
    Activity.VOTE: "Support ideas",
    Activity.QUESTIONS: "North-star questions",
    Activity.REFLECTIONS: "Reflections",
    Activity.FEEDBACK: "Start / Stop / Continue",
    Activity.MAPPING: "Situational mapping",
}

# Words in a session title and what the room does in it (first match wins).
_BY_TITLE: tuple[tuple[tuple[str, ...], Activity], ...] = (
    (("start / stop", "start/stop", "stop / continue", "feedback"), Activity.FEEDBACK),
    (("north-star", "north star", "question"), Activity.QUESTIONS),
    (("reflection",), Activity.REFLECTIONS),
    (("situational", "mapping", "quadrant"), Activity.MAPPING),
    (("brainstorm", "opportunit", "ideas"), Activity.NOTES),
    (("tally", "vote", "support", "big bet"), Activity.VOTE),
)


def activity_for(session_title: str | None, clusters: int,
                 chosen: Activity | None = None) -> Activity:
    """The Keeper's choice if any; else what the running session asks for.

    A brainstorm asks for notes until the Keeper groups them; once a group
    exists, the room supports the groups.
    """
    if chosen is not None:
        return chosen
    title = (session_title or "").casefold()
    for words, activity in _BY_TITLE:
        if any(word in title for word in words):
            if activity is Activity.NOTES and clusters:
                return Activity.VOTE
            return activity
    return Activity.WAIT
