"""Names that fit their room: the longest of a few forms of a name that fits a width.

One mechanism for every header, chip and button that shows a person's name in a
narrow place: "Elena Fischer", "Elena F.", "Elena", "EF"; the full name goes in the
tooltip.
"""

from __future__ import annotations

from collections.abc import Callable


def short_name(name: str) -> str:
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1][0]}."


def initials_of(name: str) -> str:
    parts = [p for p in name.split() if p[:1].isalnum()]
    if not parts:
        return name[:2]
    return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else parts[0][1:2])).upper()


def fitting_label(name: str, width: float, measure: Callable[[str], float],
                  suffix: str = "") -> str:
    """The longest form of ``name`` (plus ``suffix``, dropped last) whose width
    (``measure(text)``) is within ``width``."""
    first = name.split()[0] if name.split() else name
    forms = [name, short_name(name), first, initials_of(name)]
    candidates = [f + suffix for f in forms] + forms if suffix else forms
    for text in candidates:
        if measure(text) <= width:
            return text
    return candidates[-1]
