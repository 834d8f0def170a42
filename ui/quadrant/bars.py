"""Shares drawn as bars: one row per quadrant, and one stacked bar per manager."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.quadrant.rules import Quadrant, QuadrantShares
from ui import palette
from ui.quadrant.geometry import ACCENT, FILL, INK, MUTED

# Top of the board first, as people read it: the two high-motivation personas.
ORDER = (Quadrant.HIGH_HIGH, Quadrant.HIGH_MOTIVATION_LOW_SKILL, Quadrant.BREATHERS,
         Quadrant.LOW_LOW)


def share_text(result: QuadrantShares, quadrant: Quadrant) -> str:
    pct = result.percentages()[quadrant]
    return f"{result.counts[quadrant]} · {pct}%"


class ShareBars(QWidget):
    """Count and share per quadrant, overall (or for the filtered manager)."""

    ROW = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: QuadrantShares | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.ROW * 4 + 4)
        self.setAccessibleName("Share of reps per quadrant")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.ROW * 4 + 4)

    def set_result(self, result: QuadrantShares) -> None:
        if result == self.result:
            return  # a rep moved within a quadrant: the same bars, no repaint
        self.result = result
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        if self.result is None:
            return ""
        return "; ".join(f"{q.label}: {share_text(self.result, q)}" for q in ORDER)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        label_width = max(metrics.horizontalAdvance(q.label) for q in Quadrant) + 10
        value_width = metrics.horizontalAdvance("000 · 100%") + 6
        bar_left = label_width
        bar_width = max(20.0, self.width() - label_width - value_width - 4)
        for row, quadrant in enumerate(ORDER):
            y = 2 + row * self.ROW
            painter.setPen(INK)
            painter.setFont(font)
            painter.drawText(QRectF(0, y, label_width, self.ROW - 6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             quadrant.label)
            track = QRectF(bar_left, y + 3, bar_width, self.ROW - 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FILL[quadrant].darker(104))
            painter.drawRoundedRect(track, 3, 3)
            share = self.result.shares[quadrant] if self.result else 0.0
            if share > 0:
                painter.setBrush(ACCENT[quadrant])
                painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                               max(4.0, track.width() * share), track.height()),
                                        3, 3)
            painter.setPen(MUTED)
            text = share_text(self.result, quadrant) if self.result else "–"
            painter.drawText(QRectF(track.right() + 4, y, value_width, self.ROW - 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


@dataclass(frozen=True)
class ManagerRow:
    name: str
    result: QuadrantShares
    highlighted: bool


class ManagerBars(QWidget):
    """One stacked bar per manager: the shape of each team at a glance."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ManagerRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Shares per manager")

    def set_rows(self, rows: list[ManagerRow]) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        self.setFixedHeight(max(self.ROW, self.ROW * len(rows)) + 4)
        self.setAccessibleDescription("; ".join(
            f"{r.name} ({r.result.total}): " + ", ".join(
                f"{q.label} {r.result.counts[q]}" for q in ORDER) for r in rows))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, max(self.ROW, self.ROW * len(self.rows)) + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        if not self.rows:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft, "No reps placed yet.")
            painter.end()
            return
        label_width = min(self.width() * 0.42,
                          max(metrics.horizontalAdvance(f"{r.name} (00)") for r in self.rows) + 8)
        bar_width = max(20.0, self.width() - label_width - 2)
        for index, row in enumerate(self.rows):
            y = 2 + index * self.ROW
            font = QFont(self.font())
            font.setBold(row.highlighted)
            painter.setFont(font)
            painter.setPen(INK)
            label = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight,
                                       label_width - metrics.horizontalAdvance(" (00)") - 8)
            painter.drawText(QRectF(0, y, label_width, self.ROW - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{label} ({row.result.total})")
            x = label_width
            track = QRectF(x, y + 4, bar_width, self.ROW - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.TRACK_QUADRANT))
            painter.drawRoundedRect(track, 3, 3)
            for quadrant in ORDER:
                width = track.width() * row.result.shares[quadrant]
                if width <= 0:
                    continue
                segment = QRectF(x, track.top(), width, track.height())
                painter.setBrush(ACCENT[quadrant])
                painter.drawRect(segment)
                if width > 18:
                    painter.setPen(QColor(palette.ON_ACCENT))
                    painter.drawText(segment, Qt.AlignmentFlag.AlignCenter,
                                     str(row.result.counts[quadrant]))
                    painter.setPen(Qt.PenStyle.NoPen)
                x += width
        painter.end()
