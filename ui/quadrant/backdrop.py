"""The quadrant board's static backdrop: tints, each quadrant's name, axes and care
guidance, the axes and their labels.

The text of each quadrant is laid out once per zoom (:func:`quadrant_texts`); the
same layout is drawn and handed to the name-placing rule as boxes to keep off, so
a name never prints over a persona's text. A quadrant whose care guidance would lie
under reps (a dot or an arrow) leaves it out (the Notes tab shows it for the rep).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QStaticText, QTextLayout, QTextOption

from keeper.quadrant.rules import MIDPOINT, Quadrant
from ui import palette
from ui.quadrant.geometry import (
    ACCENT,
    FILL,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MUTED,
    SIZE,
    quadrant_rect,
    title_fonts,
)

BADGE_ROOM = 150.0  # pixels of the title row kept for the count badge


@dataclass
class QuadrantText:
    """One quadrant's name, axes and guidance, laid out in scene units for one zoom."""

    quadrant: Quadrant
    title: QStaticText
    axes: QStaticText
    body: QStaticText
    fonts: tuple[QFont, QFont, QFont]
    x: float
    head_y: float
    body_y: float
    title_lines: list[QRectF]  # each wrapped line's own box: a short line frees room
    axes_lines: list[QRectF]
    body_lines: list[QRectF]

    def boxes(self, scale: float, body: bool = True, pad: float = 3.0) -> list[QRectF]:
        """Each line of the name, axes and (with ``body``) guidance, in view pixels."""
        title_h = self.title.size().height()
        result = [line.translated(self.x, self.head_y) for line in self.title_lines]
        result += [line.translated(self.x, self.head_y + title_h) for line in self.axes_lines]
        if body:
            result += self._body()
        return [_pixels(r, scale, pad) for r in result]

    def body_boxes(self, scale: float) -> list[QRectF]:
        """The guidance's lines in view pixels, as printed (no margin)."""
        return [_pixels(r, scale, 0.0) for r in self._body()]

    def _body(self) -> list[QRectF]:
        return [line.translated(self.x, self.body_y) for line in self.body_lines]


def _pixels(rect: QRectF, scale: float, pad: float) -> QRectF:
    return QRectF(rect.left() * scale - pad, rect.top() * scale - pad,
                  rect.width() * scale + 2 * pad, rect.height() * scale + 2 * pad)


def _wrap(text: str, width: float, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextWidth(width)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    static.setTextOption(option)
    static.prepare(font=font)
    return static


def _lines(text: str, width: float, font: QFont) -> list[QRectF]:
    """The boxes of ``text``'s lines wrapped at ``width``, as ``QStaticText`` wraps it."""
    if not text:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    boxes = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        boxes.append(QRectF(0, y, line.naturalTextWidth(), line.height()))
        y += line.height()
    layout.endLayout()
    return boxes


def quadrant_texts(scale: float) -> list[QuadrantText]:
    """Name, axes and guidance of each quadrant on its outer edge (top or bottom),
    leaving the title row's right end to the count badge."""
    result = []
    for quadrant in Quadrant:
        rect = quadrant_rect(quadrant).adjusted(18, 16, -18, -16)
        title_font, axes_font = title_fonts()
        title_font.setPixelSize(max(1, round(15 / scale)))
        axes_font.setPixelSize(max(1, round(11 / scale)))
        body_font = QFont()
        body_font.setPixelSize(max(1, round(11.5 / scale)))
        narrow = rect.width() - BADGE_ROOM / scale
        title = _wrap(quadrant.label, narrow, title_font)
        axes = _wrap(quadrant.axes, narrow, axes_font)
        body = _wrap(quadrant.guidance, rect.width(), body_font)
        gap = 5 / scale
        head = title.size().height() + axes.size().height()
        if quadrant.high_motivation:  # title row at the top, guidance under it
            head_y, body_y = rect.top(), rect.top() + head + gap
        else:  # title row at the bottom, guidance above it
            head_y = rect.bottom() - head
            body_y = head_y - gap - body.size().height()
        result.append(QuadrantText(quadrant, title, axes, body,
                                   (title_font, axes_font, body_font), rect.left(),
                                   head_y, body_y, _lines(quadrant.label, narrow, title_font),
                                   _lines(quadrant.axes, narrow, axes_font),
                                   _lines(body.text(), rect.width(), body_font)))
    return result


def draw_backdrop(painter: QPainter, texts: list[QuadrantText], scale: float,
                  crowded: frozenset[Quadrant] = frozenset()) -> None:
    """The board under the reps; the quadrants in ``crowded`` without their guidance."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for quadrant in Quadrant:
        painter.fillRect(quadrant_rect(quadrant), FILL[quadrant])
    for text in texts:
        title_font, axes_font, body_font = text.fonts
        painter.setPen(ACCENT[text.quadrant])
        painter.setFont(title_font)
        painter.drawStaticText(QPointF(text.x, text.head_y), text.title)
        painter.setFont(axes_font)
        painter.drawStaticText(QPointF(text.x, text.head_y + text.title.size().height()),
                               text.axes)
        if text.quadrant not in crowded:
            painter.setPen(MUTED)
            painter.setFont(body_font)
            painter.drawStaticText(QPointF(text.x, text.body_y), text.body)
    # Axes through the middle and the frame.
    painter.setPen(QPen(QColor(palette.QUADRANT_AXIS), 2.0 / scale))
    half = SIZE * MIDPOINT
    painter.drawLine(QPointF(half, 0), QPointF(half, SIZE))
    painter.drawLine(QPointF(0, half), QPointF(SIZE, half))
    painter.setPen(QPen(QColor(palette.QUADRANT_GRID), 1.0 / scale))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0, 0, SIZE, SIZE))
    _draw_axis_labels(painter, scale)


def _draw_axis_labels(painter: QPainter, scale: float) -> None:
    font = QFont()
    font.setPixelSize(max(1, round(12 / scale)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(MUTED)
    left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right_v = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    below = QRectF(0, SIZE + 4, SIZE, MARGIN_BOTTOM - 8)
    painter.drawText(below, left_v, "low")
    painter.drawText(below, right_v, "high")
    painter.drawText(below, Qt.AlignmentFlag.AlignCenter, "Skill  →")
    painter.save()
    painter.translate(-MARGIN_LEFT + 4, SIZE)
    painter.rotate(-90)
    left = QRectF(0, 0, SIZE, MARGIN_LEFT - 8)
    painter.drawText(left, left_v, "low")
    painter.drawText(left, right_v, "high")
    painter.drawText(left, Qt.AlignmentFlag.AlignCenter, "Motivation  →")
    painter.restore()
