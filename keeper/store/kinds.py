"""The fixed vocabularies the offsite file stores: roles, kinds, tags, modes, layers.

Plain enums, no database: rules modules use them without loading SQLAlchemy. The
models map each column to its enum (``models.stored``); the file holds the values.
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    LEADER = "leader"
    MANAGER = "manager"
    REP = "rep"


_RANKS: dict[str, int] = {role: n for n, role in enumerate(Role)}


def role_rank(role: str) -> int:
    """Leaders, then managers, then reps: the order people are listed in, on screen and in
    exports (anything else after them)."""
    return _RANKS.get(role, len(_RANKS))


class ItemKind(enum.StrEnum):
    SESSION = "session"
    BREAK = "break"
    LUNCH = "lunch"


class ContentTag(enum.StrEnum):
    """The three content kinds of the 60/30/10 rule."""

    SKILLS = "skills"
    STRATEGY = "strategy"
    CULTURE = "culture"


class OffsiteKind(enum.StrEnum):
    LEADERSHIP = "leadership"
    KICKOFF = "kickoff"


class TallyMode(enum.StrEnum):
    """How the room's support is counted (``keeper.board.tally`` has the rules)."""

    SUPPORTERS = "supporters"
    DOTS = "dots"


class OkrKind(enum.StrEnum):
    NEXT = "next"  # set at this offsite for the coming period
    REVIEW = "review"  # reviewed in this offsite's postmortem


class FeedbackKind(enum.StrEnum):
    START = "start"
    STOP = "stop"
    CONTINUE = "continue"


class GoalLayer(enum.StrEnum):
    OUTCOME = "outcome"
    PERFORMANCE = "performance"
    DEVELOPMENT = "development"
