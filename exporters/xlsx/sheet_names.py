"""Worksheet names Excel accepts: at most 31 characters, none of ``[]:*?/\\``, not empty,
no apostrophe at either end, not "History", and unique (Excel compares them ignoring case)."""

from __future__ import annotations

import re

from keeper.tables.cells import one_line, truncate

LIMIT = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _valid(text: str) -> str:
    text = _FORBIDDEN.sub(" ", one_line(text, 400))
    return " ".join(text.split()).strip("'").strip()


class SheetNames:
    """Hands out valid, unique worksheet names for one workbook."""

    def __init__(self, taken: tuple[str, ...] = ()) -> None:
        self._taken = {t.casefold() for t in taken}

    def take(self, title: str, fallback: str = "Sheet") -> str:
        base = _valid(title) or fallback
        if base.casefold() == "history":
            base = f"{base} 1"
        candidate = truncate(base, LIMIT).rstrip("'")
        n = 2
        while candidate.casefold() in self._taken:
            suffix = f" ({n})"
            candidate = truncate(base, LIMIT - len(suffix)).rstrip("'") + suffix
            n += 1
        self._taken.add(candidate.casefold())
        return candidate
