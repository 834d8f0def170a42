"""Where the quadrant board's parts go and in which colours: scene units, the
quadrants' rectangles, the title rows names keep off."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont

from keeper.quadrant.rules import MIDPOINT, Quadrant, clamp
from ui import palette

SIZE = 1000.0  # the board is SIZE x SIZE scene units; (0, 0) is low skill, high motivation
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN = 46.0, 46.0, 8.0
DOT_RADIUS = 7.0
ARROW_PAD_PX = 6.0  # around an arrow's line: half its head's width and the antialiasing
SMALL_STEP, BIG_STEP = 0.01, 0.05

FILL: dict[Quadrant, QColor] = {
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: QColor(palette.ENABLE_FILL),
    Quadrant.HIGH_HIGH: QColor(palette.STAR_FILL),
    Quadrant.LOW_LOW: QColor(palette.LOW_FILL),
    Quadrant.BREATHERS: QColor(palette.BREATHER_FILL),
}
ACCENT: dict[Quadrant, QColor] = {
    Quadrant.HIGH_MOTIVATION_LOW_SKILL: QColor(palette.ENABLE),
    Quadrant.HIGH_HIGH: QColor(palette.STAR),
    Quadrant.LOW_LOW: QColor(palette.LOW),
    Quadrant.BREATHERS: QColor(palette.BREATHER),
}
DEFAULT_DOT = QColor(palette.REP_DOT)
INK = QColor(palette.INK)
MUTED = QColor(palette.TEXT_MUTED_SLATE)


def to_scene(skill: float, motivation: float) -> QPointF:
    return QPointF(clamp(skill) * SIZE, (1.0 - clamp(motivation)) * SIZE)


def from_scene(point: QPointF) -> tuple[float, float]:
    return clamp(point.x() / SIZE), clamp(1.0 - point.y() / SIZE)


def quadrant_rect(quadrant: Quadrant) -> QRectF:
    half = SIZE * MIDPOINT
    x = half if quadrant.high_skill else 0.0
    y = 0.0 if quadrant.high_motivation else half
    return QRectF(x, y, half, half)


def dot_colour(colour: str | None) -> QColor:
    result = QColor(colour) if colour else QColor()
    return result if result.isValid() else QColor(DEFAULT_DOT)


def title_fonts() -> tuple[QFont, QFont]:
    title = QFont()
    title.setPixelSize(15)
    title.setBold(True)
    axes = QFont()
    axes.setPixelSize(11)
    return title, axes
