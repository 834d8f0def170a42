"""The kickoff view's colours: ink, heat-map bands, metric status, content tags, the
style sheet."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
)

from ui import palette
from ui.widgets import GROUP_STYLE, ROLE_STYLE

INK = QColor(palette.INK)
MUTED = QColor(palette.TEXT_MUTED)
TRACK = QColor(palette.TRACK)
ACCENT = QColor(palette.ACCENT)
GOOD = QColor(palette.GOOD_STRONG)
WARN = QColor(palette.WARN)
BAD = QColor(palette.ERROR)
UNDER = QColor(palette.BAND_UNDER)

# Heat-map bands: background, text (contrast ≥ 4.5:1 both ways).
BANDS: dict[str, tuple[str, str]] = {
    "strong": (palette.GOOD_STRONG, palette.SURFACE),
    "ok": (palette.BAND_OK, palette.INK),
    "develop": (palette.BAND_DEVELOP, palette.SURFACE),
    "over": (palette.WARN, palette.SURFACE),
    "near": (palette.BAND_NEAR, palette.INK),
    "under": (palette.BAND_UNDER, palette.SURFACE),
    "": (palette.BAND_NONE, palette.TEXT_DISABLED),
}
BAND_LABELS = {"strong": "8–10 strong", "ok": "6–7 solid", "develop": "1–5 develop",
               "over": "self ≥ 2 above manager", "near": "within 2",
               "under": "self ≥ 2 below manager", "": "not rated"}
STATUS_COLOURS = {"met": (palette.GOOD_CHIP_BG, palette.GOOD),
                  "behind": (palette.WARN_CHIP_BG, palette.WARN_TEXT),
                  "no data": (palette.STATUS_NEUTRAL_BG, palette.TEXT_MUTED_SLATE)}
STYLE = GROUP_STYLE + ROLE_STYLE + f"""
QLabel[role="big"] {{ font-size: 15pt; font-weight: 600; color: {palette.INK}; }}
"""
