"""Colours and small drawing helpers shared by the board's widgets (no rules here)."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QColor

from ui import palette

ACCENT = QColor(palette.ACCENT_BOARD)
INK = QColor(palette.INK_BOARD)
MUTED = QColor(palette.TEXT_MUTED_BOARD)
CANVAS = QColor(palette.CANVAS)
GRID_DOT = QColor(palette.GRID_DOT)
FRAME_FILL = QColor(palette.FRAME_FILL)
FRAME_LINE = QColor(palette.FRAME_LINE)
BET_GOLD = QColor(palette.BET_GOLD)
BET_FILL = QColor(palette.BET_FILL)
WARN = QColor(palette.ERROR)
OK = QColor(palette.GOOD_BOARD)
PLAIN_NOTE = QColor(palette.NOTE_PLAIN)  # when authors are hidden
NOTE_SHADOW = QColor(palette.NOTE_SHADOW)
NOTE_LINES = QColor(palette.NOTE_LINES)
NOTE_PILL = QColor(palette.NOTE_PILL)
ON_COLOUR = QColor(palette.ON_ACCENT)  # text on an author's colour

FALLBACK = list(palette.AUTHOR_FALLBACK)


def person_colour(colour: str | None, person_id: int | None) -> QColor:
    c = QColor(colour) if colour else QColor()
    if not c.isValid():
        c = QColor(FALLBACK[(person_id or 0) % len(FALLBACK)])
    return c


def tint(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with white: 0 keeps it, 1 is white."""
    r, g, b = colour.red(), colour.green(), colour.blue()
    return QColor(
        round(r + (255 - r) * amount), round(g + (255 - g) * amount), round(b + (255 - b) * amount)
    )


def shade(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with black."""
    return QColor(
        round(colour.red() * (1 - amount)),
        round(colour.green() * (1 - amount)),
        round(colour.blue() * (1 - amount)),
    )


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name
