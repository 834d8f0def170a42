"""What every day edit shares: its error, the text limits, and cleaning typed-in text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from keeper.text import clean_block, clean_line

OBJECTIVE_MAX = 1000
SHORT_MAX = 300
TEXT_MAX = 4000
TITLE_MAX = 200


class DayError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


def _clean(value: object, max_len: int, block: bool) -> str:
    return clean_block(value, max_len) if block else clean_line(value, max_len)


def text_or_none(value: object, max_len: int, *, block: bool = True) -> str | None:
    """Typed-in text made safe (control characters out, length capped); empty becomes None."""
    return _clean(value, max_len, block) or None


def required_text(value: object, max_len: int, refusal: str, *, block: bool = True) -> str:
    """Typed-in text made safe; empty text is refused with ``refusal``."""
    cleaned = _clean(value, max_len, block)
    if not cleaned:
        raise DayError(refusal)
    return cleaned


def require_changes(values: Mapping[str, Any]) -> None:
    """An edit must change at least one column."""
    if not values:
        raise DayError("Nothing to change.")
