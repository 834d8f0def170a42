"""What the projector shows, as data, and the fonts it is drawn in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont

FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial", "sans-serif"]


@dataclass(frozen=True)
class AudienceState:
    mode: str = "idle"  # "timer", "break", "idle" (nothing to run), "blackout"
    title: str = ""
    subtitle: str = ""  # presenter, or the kind of session
    digits: str = ""
    level: str = "normal"  # timer.WarningLevel value
    status: str = ""  # "Paused", "Over time", "Starting soon"
    back_at: str = ""  # "Back at 13:15" on the break screen
    next_line: str = ""
    message: str = ""
    progress: float = -1.0  # share of the session gone, 0..1 (-1: no bar)
    clock: str = ""  # the time of day, "14:05"
    cue: bool = False  # the Keeper's wrap-up cue


def ui_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def digits_font(pixel_size: float, condensed: bool) -> QFont:
    font = ui_font(pixel_size, bold=True)
    if condensed:
        font.setStretch(QFont.Stretch.Condensed)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 96)
    return font
