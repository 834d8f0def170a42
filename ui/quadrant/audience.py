"""The quadrant on the projector: dots, counts and shares; names only when allowed.

Privacy rules (issue 5): the audience never sees notes on a rep, and sees
names only after the Keeper ticks "Names on projector" in the control view;
that choice is forgotten when the session changes or another file or offsite
opens (``ProjectorState.reset_names``). This widget reads positions and, only
when ``names_visible`` is on, names: it never reads a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.contrast import darken_to
from keeper.quadrant.rules import MIDPOINT, Quadrant, QuadrantShares, RepPlacement, shares
from ui import palette
from ui.quadrant.bars import ORDER as PANEL_ORDER
from ui.quadrant.bars import share_text
from ui.quadrant.geometry import ACCENT, FILL, INK, dot_colour
from ui.quadrant.labels import label_rect, place_labels

MUTED_INK = QColor(palette.PROJECTOR_QUADRANT_INK)


@dataclass(frozen=True)
class ProjectedRep:
    """What the projector may know about a rep: place, colour, and a name only if shown."""

    skill: float
    motivation: float
    colour: str | None
    name: str | None


class ProjectorState(QObject):
    """Shared by the control view and any projector widget it made."""

    changed = Signal()
    names_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names_visible = False
        self.title = ""
        self._reps: list[tuple[float, float, str | None, str]] = []

    def set_reps(self, reps: list[tuple[float, float, str | None, str]], title: str) -> None:
        """``(skill, motivation, colour, name)`` of the reps on the board now (filtered)."""
        self._reps = list(reps)
        self.title = title
        self.changed.emit()

    def set_names_visible(self, visible: bool) -> None:
        if visible != self.names_visible:
            self.names_visible = visible
            self.names_changed.emit(visible)
            self.changed.emit()

    def reset_names(self) -> None:
        self.set_names_visible(False)

    def projected(self) -> list[ProjectedRep]:
        """Names and the managers' colours only while names are on: otherwise the room could
        tell whose team sits in "Difficult conversation" by the colour of the dots."""
        show = self.names_visible
        return [ProjectedRep(s, m, c if show else None, name if show else None)
                for s, m, c, name in self._reps]


class AudienceQuadrant(QWidget):
    """Projector-safe quadrant: large type, high contrast, no notes ever."""

    def __init__(self, state: ProjectorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ProjectorState | None = state
        self.painted_text: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Motivation and skill board (projector)")
        state.changed.connect(self.update)
        state.destroyed.connect(self._forget_state)

    def _forget_state(self) -> None:
        self._state = None
        self.update()

    def _layout(self) -> tuple[QRectF, QRectF | None]:
        """The board (square) and, on a wide screen, the share panel beside it; a strip above
        and below the board holds the quadrants' titles and counts, where no dot can go."""
        strip = self.strip_height()
        top = self.height() * 0.10 + strip
        side = min(self.height() - top - strip - self.height() * 0.07, self.width() * 0.96)
        if self.width() >= self.height() * 1.45:
            panel_width = min(self.width() - side - self.width() * 0.1, side * 0.9)
            left = (self.width() - side - panel_width - self.width() * 0.04) / 2
            board = QRectF(left + self.height() * 0.05, top, side, side)
            panel = QRectF(board.right() + self.width() * 0.04, top, panel_width, side)
            return board, panel
        return QRectF((self.width() - side) / 2, top, side, side), None

    def visible_text(self) -> list[str]:
        """Every string this widget draws, in drawing order (what the room can read)."""
        state = self._state
        if state is None:
            return []
        reps = state.projected()
        result = shares_of(reps)
        texts = [state.title] if state.title else []
        for quadrant in Quadrant:
            texts += [quadrant.label, count_text(result, quadrant)]
        texts += ["Skill →", "Motivation →"]
        if self._layout()[1] is not None:
            for quadrant in PANEL_ORDER:
                texts += [quadrant.label, share_text(result, quadrant)]
        texts += [r.name for r in reps if r.name]
        return texts

    def strip_height(self) -> float:
        return self.height() * 0.1

    def title_rects(self) -> dict[Quadrant, QRectF]:
        """Each quadrant's title strip: above the board for the motivated, below for the rest."""
        board, _ = self._layout()
        half, strip = board.width() * MIDPOINT, self.strip_height()
        return {q: QRectF(board.left() + (half if q.high_skill else 0),
                          board.top() - strip if q.high_motivation else board.bottom(),
                          half if q.high_skill is False else board.width() - half, strip)
                for q in Quadrant}

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.painted_text = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(palette.SURFACE))
        state = self._state
        if state is None:
            painter.end()
            return
        reps = state.projected()
        result = shares_of(reps)
        board, panel = self._layout()
        unit = board.width() / 100.0
        if state.title:
            font = _font(max(14, round(self.height() * 0.05)), bold=True)
            self._text(painter, font, INK,
                       QRectF(0, 0, self.width(), board.top() - self.strip_height()),
                       Qt.AlignmentFlag.AlignCenter, state.title)
        half = board.width() * MIDPOINT
        strips = self.title_rects()
        for quadrant in Quadrant:
            rect = QRectF(board.left() + (half if quadrant.high_skill else 0),
                          board.top() + (0 if quadrant.high_motivation else half), half, half)
            painter.fillRect(rect, FILL[quadrant])
            strip = strips[quadrant]
            painter.fillRect(strip, FILL[quadrant])
            inner = strip.adjusted(unit * 1.5, strip.height() * 0.06, -unit * 1.5,
                                   -strip.height() * 0.06)
            line = inner.height() / 2
            longest = max((q.label for q in Quadrant), key=len)  # one size for all four
            title = _fit(longest, max(10, round(line * 0.8)), inner.width())
            count = _font(max(10, round(line * 0.72)), bold=True)
            left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            self._text(painter, title, title_colour(quadrant),
                       QRectF(inner.left(), inner.top(), inner.width(), line), left,
                       quadrant.label)
            self._text(painter, count, INK,
                       QRectF(inner.left(), inner.top() + line, inner.width(), line), left,
                       count_text(result, quadrant))
        painter.setPen(QPen(QColor(palette.PROJECTOR_QUADRANT_AXIS), max(2.0, unit * 0.35)))
        painter.drawLine(QPointF(board.center().x(), board.top()),
                         QPointF(board.center().x(), board.bottom()))
        painter.drawLine(QPointF(board.left(), board.center().y()),
                         QPointF(board.right(), board.center().y()))
        axis = _font(max(10, round(unit * 2.6)), bold=True)
        self._text(painter, axis, MUTED_INK,
                   QRectF(board.left(), board.bottom() + self.strip_height(), board.width(),
                          unit * 5), Qt.AlignmentFlag.AlignCenter, "Skill →")
        painter.save()
        painter.translate(board.left() - unit * 5, board.bottom())
        painter.rotate(-90)
        self._text(painter, axis, MUTED_INK, QRectF(0, 0, board.height(), unit * 5),
                   Qt.AlignmentFlag.AlignCenter, "Motivation →")
        painter.restore()
        if panel is not None:
            self._paint_panel(painter, panel, result)
        right = panel.left() - unit if panel is not None else board.right() + unit * 3
        self._paint_dots(painter, board.adjusted(-unit * 3, 0, right - board.right(), 0),
                         unit, reps, [])
        painter.end()

    def _paint_panel(self, painter: QPainter, panel: QRectF, result: QuadrantShares) -> None:
        row = panel.height() / 4
        label_font = _fit(max(PANEL_ORDER, key=lambda q: len(q.label)).label,
                          max(12, round(row * 0.17)), panel.width())
        value_font = _font(max(12, round(row * 0.2)), bold=True)
        metrics = QFontMetricsF(label_font)
        for index, quadrant in enumerate(PANEL_ORDER):
            top = panel.top() + index * row + row * 0.12
            label = QRectF(panel.left(), top, panel.width(), metrics.height())
            self._text(painter, label_font, ACCENT[quadrant], label,
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       quadrant.label)
            bar_top = label.bottom() + row * 0.06
            bar_height = row * 0.26
            value_width = QFontMetricsF(value_font).horizontalAdvance("00 · 100%") + 12
            track = QRectF(panel.left(), bar_top, panel.width() - value_width, bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FILL[quadrant].darker(106))
            painter.drawRoundedRect(track, 4, 4)
            share = result.shares[quadrant]
            if share > 0:
                painter.setBrush(ACCENT[quadrant])
                painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                               max(6.0, track.width() * share), track.height()),
                                        4, 4)
            self._text(painter, value_font, INK,
                       QRectF(track.right(), track.top() - row * 0.05, value_width,
                              track.height() + row * 0.1),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       share_text(result, quadrant))

    def _paint_dots(self, painter: QPainter, bounds: QRectF, unit: float,
                    reps: list[ProjectedRep], taken: list[QRectF]) -> None:
        board, _ = self._layout()
        radius = max(5.0, unit * 1.1)
        points = [QPointF(board.left() + r.skill * board.width(),
                          board.top() + (1 - r.motivation) * board.height()) for r in reps]
        painter.save()
        painter.setClipRect(board)  # a dot on the edge never reaches a title strip
        for rep, point in zip(reps, points, strict=True):
            painter.setPen(QPen(QColor(palette.SURFACE), max(1.5, radius * 0.25)))
            painter.setBrush(dot_colour(rep.colour))
            painter.drawEllipse(point, radius, radius)
        painter.restore()
        named = [(rep, point) for rep, point in zip(reps, points, strict=True) if rep.name]
        if not named:
            return
        font = _font(max(11, round(unit * 2.2)))
        metrics = QFontMetricsF(font)
        sizes = [(metrics.horizontalAdvance(rep.name or "") + 10, metrics.height() + 2)
                 for rep, _p in named]
        sides = place_labels([p for _r, p in named], sizes, radius, bounds, taken)
        for (rep, point), size, side in zip(named, sizes, sides, strict=True):
            box = label_rect(side or "right", *size, radius).translated(point)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.PROJECTOR_DOT_LABEL_BG))
            painter.drawRoundedRect(box, 3, 3)
            self._text(painter, font, QColor(palette.INK_DOT_LABEL), box,
                       Qt.AlignmentFlag.AlignCenter,
                       rep.name or "")

    def _text(self, painter: QPainter, font: QFont, colour: QColor, rect: QRectF,
              align: Qt.AlignmentFlag, text: str) -> None:
        self.painted_text.append(text)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(rect, int(align), text)


def title_colour(quadrant: Quadrant) -> QColor:
    """The quadrant's accent, darkened until it reads at 7:1 on its fill from the back row."""
    return QColor(darken_to(ACCENT[quadrant].name(), FILL[quadrant].name()))


def count_text(result: QuadrantShares, quadrant: Quadrant) -> str:
    n = result.counts[quadrant]
    return f"{n} rep{'' if n == 1 else 's'} · {result.percentages()[quadrant]}%"


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, pixels))
    font.setBold(bold)
    return font


def _fit(text: str, pixels: int, width: float) -> QFont:
    """A bold font of at most ``pixels`` in which ``text`` fits ``width``."""
    font = _font(pixels, bold=True)
    while pixels > 9 and QFontMetricsF(font).horizontalAdvance(text) > width:
        pixels -= 1
        font = _font(pixels, bold=True)
    return font


def shares_of(reps: list[ProjectedRep]) -> QuadrantShares:
    return shares(RepPlacement(i, None, r.skill, r.motivation) for i, r in enumerate(reps))
