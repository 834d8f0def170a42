"""The kickoff view's drawn charts: revenue against goal, labelled bars, diverging gaps,
the content mix, sparklines and the heat-map legend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.kickoff.rules import revenue_verdict
from ui import palette
from ui.kickoff.style import (
    ACCENT,
    BAND_LABELS,
    BANDS,
    GOOD,
    INK,
    MUTED,
    TRACK,
    UNDER,
    WARN,
)
from ui.kickoff.widgets import money


def _paint_empty(painter: QPainter, widget: QWidget, text: str,
                 align: Qt.AlignmentFlag) -> None:
    """What a chart with nothing to draw says instead; ends the painter."""
    painter.setPen(MUTED)
    painter.drawText(widget.rect(), align, text)
    painter.end()


def _label_width(metrics: QFontMetricsF, labels: Sequence[str], most: float,
                 pad: float) -> float:
    """The label column: as wide as the longest label (plus ``pad``), at most ``most``."""
    return min(most, max(metrics.horizontalAdvance(text) for text in labels) + pad)


def _paint_label(painter: QPainter, metrics: QFontMetricsF, text: str, rect: QRectF,
                 align: Qt.AlignmentFlag) -> None:
    """A row's label, elided to its column, centred vertically."""
    painter.setPen(INK)
    label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | align, label)



class RevenueBar(QWidget):
    """Actual revenue as a bar against the goal (a marker at 100%)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal: float | None = None
        self.actual: float | None = None
        self.setMinimumHeight(54)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Revenue against goal")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 54)

    def set_values(self, goal: float | None, actual: float | None, text: str) -> None:
        self.goal, self.actual = goal, actual
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2
        track = QRectF(1, 6, width, 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 4, 4)
        if self.goal and self.actual is not None:
            top = max(self.goal, self.actual) * 1.08
            share = self.actual / self.goal
            painter.setBrush(GOOD if revenue_verdict(self.goal, self.actual) == "met" else WARN)
            painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                           max(4.0, width * self.actual / top), track.height()),
                                    4, 4)
            goal_x = track.left() + width * self.goal / top
            painter.setPen(QPen(INK, 2))
            painter.drawLine(QPointF(goal_x, 2), QPointF(goal_x, 34))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(palette.SURFACE))
            painter.drawText(QRectF(track.left() + 8, track.top(), width, track.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{money(self.actual)}  ·  {share:.0%}")
            painter.setFont(self.font())
            painter.setPen(INK)
            metrics = QFontMetricsF(self.font())
            label = f"goal {money(self.goal)}"
            text_w = metrics.horizontalAdvance(label) + 4
            x = min(max(0.0, goal_x - text_w / 2), self.width() - text_w)
            painter.drawText(QRectF(x, 34, text_w, 18), Qt.AlignmentFlag.AlignCenter, label)
        else:
            painter.setPen(MUTED)
            painter.drawText(track, Qt.AlignmentFlag.AlignCenter,
                             "Enter the goal and the actual revenue")
        painter.end()


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float | None
    text: str
    colour: QColor = field(default_factory=lambda: QColor(ACCENT))


class ValueBars(QWidget):
    """One labelled bar per row, on a common scale (survey averages, tier counts)."""

    ROW = 28

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self.top = 1.0
        self.empty_text = "Nothing yet"
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[BarRow], top: float) -> None:
        self.rows = list(rows)
        self.top = top or 1.0
        self.setFixedHeight(max(1, len(self.rows)) * self.ROW + 4)
        self.setAccessibleDescription("; ".join(f"{r.label}: {r.text}" for r in self.rows))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, max(1, len(self.rows)) * self.ROW + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        if not self.rows:
            _paint_empty(painter, self, self.empty_text,
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return
        label_w = _label_width(metrics, [r.label for r in self.rows], self.width() * 0.42, 12)
        value_w = max(metrics.horizontalAdvance(r.text) for r in self.rows) + 10
        bar_w = max(20.0, self.width() - label_w - value_w)
        for n, row in enumerate(self.rows):
            y = 2 + n * self.ROW
            _paint_label(painter, metrics, row.label, QRectF(0, y, label_w - 8, self.ROW - 4),
                         Qt.AlignmentFlag.AlignLeft)
            track = QRectF(label_w, y + 5, bar_w, self.ROW - 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 3, 3)
            if row.value:
                painter.setBrush(row.colour)
                painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                               max(3.0, bar_w * min(1.0, row.value / self.top)),
                                               track.height()), 3, 3)
            painter.setPen(INK)
            painter.drawText(QRectF(track.right() + 6, y, value_w, self.ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.text)
        painter.end()


class DivergingBars(QWidget):
    """Team gap per competency: bars right of zero (over-confident) or left (under)."""

    ROW = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float | None, str]] = []
        self.setAccessibleName("Team gap per competency, self minus manager")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[tuple[str, float | None, str]]) -> None:
        """(competency, mean gap or None, detail text) rows."""
        self.rows = list(rows)
        self.setFixedHeight(max(1, len(self.rows)) * self.ROW + 22)
        self.setAccessibleDescription("; ".join(f"{name}: {detail}" for name, _g, detail
                                                in self.rows))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(340, max(1, len(self.rows)) * self.ROW + 22)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        if not self.rows:
            _paint_empty(painter, self, "No competencies yet", Qt.AlignmentFlag.AlignLeft)
            return
        label_w = _label_width(metrics, [r[0] for r in self.rows], self.width() * 0.5, 10)
        value_w = metrics.horizontalAdvance("+0.0") + 10
        plot = QRectF(label_w, 0, max(40.0, self.width() - label_w - value_w), 0)
        span = max([3.0] + [abs(g) for _n, g, _d in self.rows if g is not None])
        zero = plot.left() + plot.width() / 2
        for n, (name, gap, _detail) in enumerate(self.rows):
            y = 2 + n * self.ROW
            _paint_label(painter, metrics, name, QRectF(0, y, label_w - 8, self.ROW - 4),
                         Qt.AlignmentFlag.AlignRight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.SURFACE_MUTED))
            painter.drawRect(QRectF(plot.left(), y + 4, plot.width(), self.ROW - 12))
            if gap is not None:
                length = plot.width() / 2 * abs(gap) / span
                colour = WARN if gap > 0 else UNDER
                painter.setBrush(colour)
                left = zero if gap >= 0 else zero - length
                painter.drawRect(QRectF(left, y + 6, max(2.0, length), self.ROW - 16))
                painter.setPen(INK)
                painter.drawText(QRectF(plot.right() + 4, y, value_w, self.ROW - 4),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 f"{gap:+.1f}")
        bottom = 2 + len(self.rows) * self.ROW
        painter.setPen(QPen(INK, 1))
        painter.drawLine(QPointF(zero, 0), QPointF(zero, bottom - 6))
        painter.setPen(MUTED)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        painter.drawText(QRectF(plot.left(), bottom - 4, plot.width() / 2 - 6, 18),
                         Qt.AlignmentFlag.AlignRight, "◀ under")
        painter.drawText(QRectF(zero + 6, bottom - 4, plot.width() / 2, 18),
                         Qt.AlignmentFlag.AlignLeft, "over ▶")
        painter.setFont(self.font())
        painter.end()


def paint_sparkline(painter: QPainter, rect: QRectF, values: Sequence[float],
                    target: float | None, colour: QColor) -> None:
    """Small bars of the measures over time, with the target as a dashed line."""
    if not values:
        painter.setPen(MUTED)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         "no measures")
        return
    top = max([*values, target or 0.0]) * 1.1 or 1.0
    low = min(0.0, *values)
    span = top - low or 1.0
    gap = 3.0
    bar_w = min(20.0, (rect.width() - 10 - gap * (len(values) - 1)) / len(values))
    painter.setPen(Qt.PenStyle.NoPen)
    for n, value in enumerate(values):
        h = max(2.0, rect.height() * (value - low) / span)
        painter.setBrush(colour if n == len(values) - 1 else colour.lighter(150))
        painter.drawRect(QRectF(rect.left() + n * (bar_w + gap), rect.bottom() - h, bar_w, h))
    if target is not None:
        y = rect.bottom() - rect.height() * (target - low) / span
        pen = QPen(INK, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        right = rect.left() + len(values) * (bar_w + gap) + 6
        painter.drawLine(QPointF(rect.left() - 2, y), QPointF(min(rect.right(), right), y))


class Legend(QWidget):
    """Colour chips with their meaning, for the heat map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bands: list[str] = []
        self.setFixedHeight(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Heat map legend")

    def set_bands(self, bands: Sequence[str]) -> None:
        self.bands = list(bands)
        self.setAccessibleDescription(", ".join(BAND_LABELS[b] for b in self.bands))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        metrics = QFontMetricsF(self.font())
        x = 0.0
        for band in self.bands:
            bg, _fg = BANDS[band]
            painter.setPen(QPen(QColor(palette.BAR_OUTLINE), 1))
            painter.setBrush(QColor(bg))
            painter.drawRect(QRectF(x, 5, 14, 14))
            painter.setPen(INK)
            text = BAND_LABELS[band]
            painter.drawText(QRectF(x + 19, 0, metrics.horizontalAdvance(text) + 4, 24),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += 19 + metrics.horizontalAdvance(text) + 16
        painter.end()
