"""What the day puts on the projector as a slide: a north-star question, or the OKR under
review. Only these fields; what the room says (answers, went well, didn't, the floor)
stays on the laptop."""

from __future__ import annotations

from dataclasses import dataclass

from keeper.day.okrs import OkrRow

# The postmortem's three questions, asked of every OKR (its went_well, went_badly and
# on_the_floor fields hold the answers, never projected).
POSTMORTEM_PROMPTS = ("What went well?", "What didn't go well?",
                      "What happened on the sales floor?")


@dataclass(frozen=True)
class Slide:
    """A slide's words: a caption, the text shown large, short lines at its foot."""

    caption: str
    text: str
    lines: tuple[str, ...] = ()


def question_slide(number: int, count: int, text: str) -> Slide:
    """A north-star question alone: its answers stay on the laptop."""
    return Slide(f"North-star question {number} of {count}", text)


def okr_slide(number: int, count: int, okr: OkrRow) -> Slide:
    """The OKR under review: its objective, target, result and verdict, and the
    postmortem's three questions; what the room says is typed on the laptop."""
    measures = [f"{label}: {value}" for label, value in
                (("Target", okr.target), ("Result", okr.result)) if value]
    lines = ["   ·   ".join(measures)] if measures else []
    lines.append("  ·  ".join(POSTMORTEM_PROMPTS))
    verdict = "" if okr.hit is None else f" · {okr.verdict}"  # not before the room decides
    return Slide(f"OKR postmortem {number} of {count}{verdict}", okr.objective, tuple(lines))
