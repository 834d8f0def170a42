"""Cards that show the offsite at a glance: the day, the board, the quadrant, the room."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from keeper.overview import Overview
from ui import palette

CARD_STYLE = f"""
QFrame#card {{ background: {palette.SURFACE}; border: 1px solid {palette.BORDER};
               border-radius: 8px; }}
QLabel#cardTitle {{ color: {palette.TEXT_FAINT}; font-size: 9pt; font-weight: 600;
                    letter-spacing: 1px; }}
QLabel#cardValue {{ color: {palette.INK_STRONG}; font-size: 20pt; font-weight: 700; }}
QLabel#cardDetail {{ color: {palette.TEXT_MUTED_COOL}; }}
"""


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(title.upper())
        heading.setObjectName("cardTitle")
        self.value = QLabel("–")
        self.value.setObjectName("cardValue")
        self.detail = QLabel("")
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (heading, self.value, self.detail):
            layout.addWidget(widget)
        self.setAccessibleName(title)

    def show_values(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}")


class GlanceRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.day = Card("The day")
        self.board = Card("Opportunities")
        self.quadrant = Card("Situational map")
        self.room = Card("In the room")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for card in (self.day, self.board, self.quadrant, self.room):
            row.addWidget(card, 1)

    def show_overview(self, view: Overview | None) -> None:
        if view is None:
            for card in (self.day, self.board, self.quadrant, self.room):
                card.show_values("–", "")
            return
        span = ""
        if view.planned_start and view.planned_finish:
            span = f"{view.planned_start:%H:%M}–{view.planned_finish:%H:%M} planned"
        progress = (f"Now: {view.running_item}" if view.running_item
                    else f"{view.sessions_done} done")
        self.day.show_values(f"{view.sessions} sessions", f"{span}\n{progress}")
        bets = "big bet" if view.big_bets == 1 else "big bets"
        self.board.show_values(f"{view.notes} notes",
                               f"{view.clusters} clusters · {view.big_bets} {bets}")
        self.quadrant.show_values(f"{view.reps_placed} reps", "placed on skill × motivation")
        self.room.show_values(f"{view.attending} leaders",
                              f"{view.initiatives} company initiatives")
