"""What every kickoff edit shares: its error, the limits, and reading typed-in numbers."""

from __future__ import annotations

import math

from keeper.ops import next_position as next_position  # shared with the day's edits
from keeper.ops import table_of as table_of
from keeper.text import clean_block, clean_line

NAME_MAX = 200
TEXT_MAX = 4000
UNIT_MAX = 32
RATING_MIN, RATING_MAX = 1.0, 10.0
ATTAINMENT_MAX = 5.0  # 500% of plan: anything above is a typing mistake
THRESHOLD_MAX = 5.0
MONEY_MAX = 1e13


class SkoError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


def text_or_none(value: object, max_len: int = TEXT_MAX) -> str | None:
    return clean_block(value, max_len) or None


def one_line(value: object, max_len: int = NAME_MAX) -> str:
    return clean_line(value, max_len)


def number(value: object) -> float | None:
    """A number as people type it (``7``, ``7.5``, ``7,5``, ``1 200``); None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    else:
        text = clean_line(value).replace(" ", "").replace("\u202f", "")
        if not text:
            return None
        decimal_comma = text.count(",") == 1 and "." not in text
        if decimal_comma and len(text.split(",")[1]) != 3:
            text = text.replace(",", ".")
        text = text.replace(",", "")
        try:
            result = float(text)
        except ValueError:
            return None
    return result if math.isfinite(result) else None


def check_rating(value: object, what: str = "A rating") -> float | None:
    """A 1–10 rating, or None for empty; anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = number(value)
    if parsed is None:
        raise SkoError(f"{what} must be a number from 1 to 10, not {clean_line(value)[:30]!r}.")
    if not RATING_MIN <= parsed <= RATING_MAX:
        raise SkoError(f"{what} must be from 1 to 10 (got {parsed:g}).")
    return parsed


def parse_share(value: object) -> float | None:
    """A share of plan as typed: ``125%``, ``125`` (a percentage above 5) or ``1.25``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed: float | None = float(value)
        percent = False
    else:
        text = clean_line(value)
        percent = text.endswith("%")
        parsed = number(text.rstrip("%").strip())
    if parsed is None or not math.isfinite(parsed):
        return None
    return parsed / 100 if percent or parsed > ATTAINMENT_MAX else parsed
