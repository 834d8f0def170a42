"""Small widgets of the kickoff view: headings, a message banner, text boxes that save when
left, and the drawn bars (revenue, averages, diverging gaps, content mix, sparklines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QWidget

from keeper.ops import Operation
from keeper.schedule import MixReport
from keeper.store import OffsiteStore

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


class Host(Protocol):
    """What the tabs need from the kickoff view."""

    @property
    def offsite_id(self) -> int | None: ...

    @property
    def editable(self) -> bool: ...

    @property
    def store(self) -> OffsiteStore: ...

    def start_import(self, kind: str) -> None: ...

    def run(self, make: Callable[[], Operation | None], what: str,
            area: str = "kickoff") -> bool: ...

    def say(self, text: str | None, kind: str = "error") -> None: ...

    def message(self) -> str: ...

    def today(self) -> dt.date: ...


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def button(text: str, slot: Callable[[], object], *, tip: str | None = None,
           shortcut: str | None = None, primary: bool = False,
           name: str | None = None, parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.clicked.connect(lambda _checked=False: slot())
    keys = ""
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    widget.setToolTip((tip or text.replace("&", "").rstrip("…")) + (f" ({keys})" if keys else ""))
    if primary:
        widget.setProperty("role", "primary")
    widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    return widget


def esc(text: object) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def fmt(value: float | None, digits: int = 1) -> str:
    """7 → '7', 7.25 → '7.3', None → '–'."""
    if value is None:
        return "–"
    if abs(value - round(value)) < 1e-9:
        return f"{value:.0f}"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float | None) -> str:
    if value is None:
        return "–"
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:,.1f}{suffix}".replace(".0" + suffix, suffix)
    return f"{value:,.0f}"


class _KeyFilter(QObject):
    def __init__(self, widget: QWidget, keys: set[int], slot: Callable[[], object]) -> None:
        super().__init__(widget)
        self.keys, self.slot = keys, slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in self.keys \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.slot()
            return True
        return False


def on_delete(widget: QWidget, slot: Callable[[], object]) -> None:
    """Delete (or Backspace) on ``widget`` itself, not while typing in an editor inside it."""
    widget.installEventFilter(_KeyFilter(widget, {Qt.Key.Key_Delete, Qt.Key.Key_Backspace},
                                         slot))


class Banner(QLabel):
    """A message line: an error, a warning or good news; hidden when empty."""

    KINDS = {"warn": ("#FFF4D6", "#7A4B00"), "error": ("#FDE7E9", "#9F1D2A"),
             "ok": ("#E3F4E6", "#1B5E20"), "info": ("#EAF2FB", "#0B4A8F")}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName("Message")
        self.kind = ""
        self.hide()

    def say(self, text: str | None, kind: str = "error") -> None:
        if not text:
            self.kind = ""
            self.clear()
            self.hide()
            return
        self.kind = kind
        bg, fg = self.KINDS.get(kind, self.KINDS["info"])
        self.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; "
                           "padding: 6px 10px; font-weight: 600;")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class NoteEdit(QPlainTextEdit):
    """Multi-line text that saves when it loses focus or on Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, name: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder or f"{name}… (saved when you leave the box, "
                                               "or Ctrl+Enter)")
        self.setTabChangesFocus(True)
        self._saved = ""

    def set_saved(self, text: str | None) -> None:
        """Show stored text, unless the Keeper is typing here."""
        self._saved = text or ""
        if not self.hasFocus():
            self.setPlainText(self._saved)

    def commit(self) -> None:
        if self.toPlainText() != self._saved:
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit()
            return
        super().keyPressEvent(event)


# --------------------------------------------------------------------------- drawn bars


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
            painter.setBrush(GOOD if share >= 1 else WARN)
            painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                           max(4.0, width * self.actual / top), track.height()),
                                    4, 4)
            goal_x = track.left() + width * self.goal / top
            painter.setPen(QPen(INK, 2))
            painter.drawLine(QPointF(goal_x, 2), QPointF(goal_x, 34))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#FFFFFF"))
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
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            painter.end()
            return
        label_w = min(self.width() * 0.42,
                      max(metrics.horizontalAdvance(r.label) for r in self.rows) + 12)
        value_w = max(metrics.horizontalAdvance(r.text) for r in self.rows) + 10
        bar_w = max(20.0, self.width() - label_w - value_w)
        for n, row in enumerate(self.rows):
            y = 2 + n * self.ROW
            painter.setPen(INK)
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(0, y, label_w - 8, self.ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
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
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft, "No competencies yet")
            painter.end()
            return
        label_w = min(self.width() * 0.5,
                      max(metrics.horizontalAdvance(r[0]) for r in self.rows) + 10)
        value_w = metrics.horizontalAdvance("+0.0") + 10
        plot = QRectF(label_w, 0, max(40.0, self.width() - label_w - value_w), 0)
        span = max([3.0] + [abs(g) for _n, g, _d in self.rows if g is not None])
        zero = plot.left() + plot.width() / 2
        for n, (name, gap, _detail) in enumerate(self.rows):
            y = 2 + n * self.ROW
            painter.setPen(INK)
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(0, y, label_w - 8, self.ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#F3F4F6"))
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


class MixBar(QWidget):
    """The agenda's content mix as one stacked bar, with the rule's targets marked below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: MixReport | None = None
        self.setMinimumHeight(74)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Content mix against the rule")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(500, 74)

    def set_report(self, report: MixReport | None) -> None:
        self.report = report
        if report is not None:
            self.setAccessibleDescription("; ".join(
                f"{s.bucket} {s.share:.0%} (target {s.target:.0%})" for s in report.shares))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2
        if self.report is None or not self.report.counted_minutes:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No tagged sessions yet")
            painter.end()
            return
        font = QFont(self.font())
        font.setBold(True)
        for row, (key, top) in enumerate((("share", 4.0), ("target", 40.0))):
            x = 1.0
            for share in self.report.shares:
                value = share.share if key == "share" else share.target
                w = width * value
                colour = QColor(TAG_COLOURS.get(share.bucket, ACCENT))
                if row == 1:
                    colour = colour.lighter(175)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(QRectF(x, top, w, 28 if row == 0 else 22))
                painter.setPen(QColor("#FFFFFF") if row == 0 else INK)
                painter.setFont(font if row == 0 else self.font())
                text = (f"{share.bucket} {share.share:.0%}" if row == 0
                        else f"target {share.target:.0%}")
                metrics = QFontMetricsF(painter.font())
                if metrics.horizontalAdvance(text) > w - 8:
                    text = f"{value:.0%}"
                if metrics.horizontalAdvance(text) <= w - 4:
                    painter.drawText(QRectF(x + 6, top, w - 8, 28 if row == 0 else 22),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                     text)
                x += w
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
            painter.setPen(QPen(QColor("#C9CED4"), 1))
            painter.setBrush(QColor(bg))
            painter.drawRect(QRectF(x, 5, 14, 14))
            painter.setPen(INK)
            text = BAND_LABELS[band]
            painter.drawText(QRectF(x + 19, 0, metrics.horizontalAdvance(text) + 4, 24),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += 19 + metrics.horizontalAdvance(text) + 16
        painter.end()


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
