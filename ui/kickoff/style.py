"""The kickoff view's colours: ink, heat-map bands, metric status, content tags, the
style sheet."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
)

INK = QColor("#1F2328")
MUTED = QColor("#57606A")
TRACK = QColor("#E6E9ED")
ACCENT = QColor("#0B5CAD")
GOOD = QColor("#1E6B3E")
WARN = QColor("#B54708")
BAD = QColor("#B42318")
UNDER = QColor("#1D5FA8")

# Heat-map bands: background, text (contrast ≥ 4.5:1 both ways).
BANDS: dict[str, tuple[str, str]] = {
    "strong": ("#1E6B3E", "#FFFFFF"),
    "ok": ("#F5C451", "#1F2328"),
    "develop": ("#C2410C", "#FFFFFF"),
    "over": ("#B54708", "#FFFFFF"),
    "near": ("#E9ECEF", "#1F2328"),
    "under": ("#1D5FA8", "#FFFFFF"),
    "": ("#F6F7F9", "#8A9099"),
}
BAND_LABELS = {"strong": "8–10 strong", "ok": "6–7 solid", "develop": "1–5 develop",
               "over": "self ≥ 2 above manager", "near": "within 2",
               "under": "self ≥ 2 below manager", "": "not rated"}
STATUS_COLOURS = {"met": ("#D5F0DA", "#1B5E20"), "behind": ("#FDE9B8", "#7A4B00"),
                  "no data": ("#ECEEF1", "#4A5360")}
TAG_COLOURS = {"skills": QColor("#0B5CAD"), "strategy": QColor("#6F42C1"),
               "culture": QColor("#D9480F"), "business": QColor("#0B5CAD")}
STYLE = """
QGroupBox { font-weight: 600; color: #1F2328; border: 1px solid #D0D7DE; border-radius: 6px;
            margin-top: 14px; padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QLabel[role="heading"] { font-weight: 600; color: #1F2328; font-size: 11pt; }
QLabel[role="hint"] { color: #57606A; }
QLabel[role="big"] { font-size: 15pt; font-weight: 600; color: #1F2328; }
QPushButton[role="primary"] { background: #0B5CAD; color: white; border: none;
            border-radius: 4px; padding: 5px 14px; font-weight: 600; }
QPushButton[role="primary"]:disabled { background: #9DB6D3; }
"""
