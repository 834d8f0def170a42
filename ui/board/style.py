"""Colours and small drawing helpers shared by the board's widgets (no rules here)."""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QColor

ACCENT = QColor("#2563EB")
INK = QColor("#1F2430")
MUTED = QColor("#667085")
CANVAS = QColor("#EEF0F4")
GRID_DOT = QColor("#D5D9E0")
FRAME_FILL = QColor("#FBFCFD")
FRAME_LINE = QColor("#CBD2DC")
BET_GOLD = QColor("#B7791F")
BET_FILL = QColor("#FFF7E6")
WARN = QColor("#B42318")
OK = QColor("#067647")
PLAIN_NOTE = QColor("#FFE98A")  # when authors are hidden

FALLBACK = ["#E4572E", "#17BEBB", "#E0A800", "#76B041", "#7D5BA6", "#2E86AB", "#F18F01",
            "#C73E1D"]


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
