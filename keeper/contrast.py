"""Colour rules for the projector: WCAG contrast and the audience palette.

The audience screen is read from the back of a room through a washed-out
projector, so every text colour must reach at least 7:1 (WCAG AAA) against the
background it is drawn on, including the warning and overtime colours.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_AUDIENCE_CONTRAST = 7.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` (or ``"RRGGBB"``, ``"#RGB"``) to a triple of 0..255."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(colour: str) -> float:
    r, g, b = parse_hex(colour)
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1.0 (same) to 21.0 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def darken_to(colour: str, background: str, ratio: float = MIN_AUDIENCE_CONTRAST) -> str:
    """``colour`` darkened step by step (its hue kept) until it reaches ``ratio`` against a
    light ``background``; black at worst."""
    r, g, b = parse_hex(colour)
    for step in range(101):
        k = 1 - step / 100
        candidate = f"#{round(r * k):02X}{round(g * k):02X}{round(b * k):02X}"
        if contrast_ratio(candidate, background) >= ratio:
            return candidate
    return "#000000"


@dataclass(frozen=True)
class ScreenColours:
    background: str
    digits: str  # the countdown
    text: str  # title, next session, message


# Keyed by ``timer.WarningLevel`` values, plus the break and finished screens.
AUDIENCE_PALETTE: dict[str, ScreenColours] = {
    "normal": ScreenColours(background="#0B0C10", digits="#F4F5F7", text="#C9CDD4"),
    "amber": ScreenColours(background="#14100A", digits="#FFB627", text="#D5D0C8"),
    # the last seconds and overtime: red digits (hue 0, as light as 7:1 needs) on black; a
    # crimson screen behind a speaker is loud, so overtime keeps a dark background too
    "red": ScreenColours(background="#000000", digits="#FF6464", text="#E6E8EB"),
    "overtime": ScreenColours(background="#0D0606", digits="#FF6E6E", text="#F0E4E4"),
    "break": ScreenColours(background="#0A1420", digits="#E8F1FB", text="#A9D1F5"),
}


# The Keeper's "please wrap up" cue: dark words on an amber plate.
CUE_COLOURS = ScreenColours(background="#FFB627", digits="#1A1200", text="#1A1200")


def audience_colours(level: str) -> ScreenColours:
    return AUDIENCE_PALETTE.get(level, AUDIENCE_PALETTE["normal"])


# The laptop's control window (dark text on light); WCAG AA (4.5:1) is enough there.
CONTROL_PALETTE: dict[str, ScreenColours] = {
    "normal": ScreenColours(background="#F3F4F6", digits="#111827", text="#374151"),
    "amber": ScreenColours(background="#FFF7E6", digits="#8A4B00", text="#374151"),
    "red": ScreenColours(background="#FDECEC", digits="#A3161A", text="#374151"),
    "overtime": ScreenColours(background="#8E1219", digits="#FFFFFF", text="#FCE8EA"),
    "break": ScreenColours(background="#EEF5FC", digits="#0B3D6E", text="#374151"),
}
MIN_CONTROL_CONTRAST = 4.5
