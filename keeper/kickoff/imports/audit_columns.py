"""Reading a reality audit's columns: which competency, self or manager rating."""

from __future__ import annotations

from collections.abc import Sequence

from keeper.kickoff import RATING_MAX, RATING_MIN, number
from keeper.kickoff.imports.reading import PARENS, normalise, shorten
from keeper.text import clean_line

COMPETENCY_HEADERS = ("competency", "competence", "skill", "skill area", "area", "capability")
SELF_HEADERS = ("self", "self rating", "self-rating", "self assessment", "self-assessment",
                "confidence", "self confidence", "self score", "rep rating")
MANAGER_RATING_HEADERS = ("manager rating", "manager score", "manager's rating",
                          "manager assessment", "mgr rating", "actual", "assessed",
                          "manager's score")
RATER_HEADERS = ("rater", "rated by", "source", "assessment", "rating by", "who rated")

SELF_WORDS = ("self", "confidence", "self-rating", "rep")
MANAGER_WORDS = ("manager", "mgr", "actual", "manager's")

SELF, MANAGER = "self_rating", "manager_rating"
FIELD_WORDS = {SELF: "self rating", MANAGER: "manager rating"}


def match_competency(label: str, names: Sequence[str]) -> str | None:
    """The competency a header or cell names: exact, then a unique prefix or word match."""
    wanted = normalise(label)
    if not wanted:
        return None
    normed = {name: normalise(name) for name in names}
    exact = [n for n, v in normed.items() if v == wanted]
    if exact:
        return exact[0]
    prefix = [n for n, v in normed.items() if v.startswith(wanted) or wanted.startswith(v)]
    if len(prefix) == 1:
        return prefix[0]
    words = set(wanted.split())
    covering = [n for n, v in normed.items() if words <= set(v.split())]
    return covering[0] if len(covering) == 1 else None


def rater_of(text: str) -> tuple[str | None, str]:
    """('self_rating' | 'manager_rating' | None, the header without its rater words).

    ``Discovery (self)``, ``Discovery - manager``, ``Self: Discovery``, ``Discovery mgr``.
    """
    label = clean_line(text).lower()
    words = normalise(label).split()
    found: str | None = None
    if any(w in MANAGER_WORDS for w in words):
        found = MANAGER
    elif any(w in SELF_WORDS for w in words):
        found = SELF
    stripped = " ".join(w for w in normalise(PARENS.sub(" ", label)).split()
                        if w not in MANAGER_WORDS and w not in SELF_WORDS
                        and w not in ("rating", "score"))
    return found, stripped


def rater_value(text: str) -> str | None:
    label = normalise(text)
    if not label:
        return None
    words = set(label.split())
    if words & {"manager", "mgr", "actual", "leader"}:
        return MANAGER
    if words & {"self", "rep", "own", "me"}:
        return SELF
    return None


def rating_problem(raw: str, what: str) -> str | None:
    value = number(raw)
    if value is None:
        return f"{what} {shorten(raw, 20)!r} is not a number"
    if not RATING_MIN <= value <= RATING_MAX:
        return f"{what} {value:g} is out of range (1 to 10)"
    return None
