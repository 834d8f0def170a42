"""A cluster frame on the whiteboard: a named frame whose drag carries its notes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from keeper import board as bo
from ui.board import style
from ui.board.note_item import READABLE_LOD, NoteItem

OVERVIEW_TITLE_PX = 18.0  # on-screen size of a title when the board is zoomed out
OVERVIEW_COUNT_PX = 13.0
OVERVIEW_PAD = 18.0


class ClusterItem(QGraphicsItem):
    """A named frame; dragging it carries its notes."""

    def __init__(self, cluster: bo.BoardCluster) -> None:
        super().__init__()
        self.cluster = cluster
        self.rect = QRectF(0, 0, cluster.width, cluster.height)
        self.subtitle = ""
        self.initiative = ""
        self.highlight = False
        self.projector = False  # larger titles for the audience
        self.members: list[NoteItem] = []
        self._moving_members = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(0)  # not cached: frames are large, a cache of them would thrash
        self.setPos(cluster.x, cluster.y)

    def update_from(
        self, cluster: bo.BoardCluster, frame: bo.Rect, subtitle: str, initiative: str
    ) -> None:
        x, y, w, h = frame
        self._moving_members = True  # a sync moves the notes itself
        try:
            if self.pos() != QPointF(x, y):
                self.setPos(x, y)
        finally:
            self._moving_members = False
        rect = QRectF(0, 0, w, h)
        changed = (cluster, subtitle, initiative) != (self.cluster, self.subtitle,
                                                      self.initiative)
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = rect
            changed = True
        self.cluster, self.subtitle, self.initiative = cluster, subtitle, initiative
        if changed:
            tip = cluster.title + (f"\nBig bet: {initiative}" if cluster.big_bet else "")
            self.setToolTip(tip)
            self.update()

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        # only the title band grabs the mouse, so a drag inside the frame can rubber-band
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.rect.width(), bo.HEADER))
        path.addRect(QRectF(0, 0, 14, self.rect.height()))
        path.addRect(QRectF(self.rect.width() - 14, 0, 14, self.rect.height()))
        path.addRect(QRectF(0, self.rect.height() - 14, self.rect.width(), 14))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        bet = self.cluster.big_bet
        painter.setBrush(style.BET_FILL if bet else style.FRAME_FILL)
        if self.highlight:
            pen = QPen(style.ACCENT, 3, Qt.PenStyle.DashLine)
        elif self.isSelected():
            pen = QPen(style.ACCENT, 3)
        else:
            pen = QPen(style.BET_GOLD if bet else style.FRAME_LINE, 2 if bet else 1.5)
        pen.setCosmetic(self.highlight or self.isSelected())
        # a plain fill (cheap) under an antialiased outline
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawRoundedRect(self.rect.adjusted(1, 1, -1, -1), 11, 11)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.rect.adjusted(0.5, 0.5, -0.5, -0.5), 12, 12)
        if lod < READABLE_LOD:
            self._paint_overview(painter, lod)
            return
        # title band, readable at any zoom: at low zoom the font grows to stay legible
        scale = 1.0 if lod >= 0.6 else min(0.6 / max(lod, 0.01), 4.0)
        title_font = QFont()
        big = self.projector and scale == 1.0
        title_font.setPixelSize(round((25 if big else 19) * scale))
        title_font.setBold(True)
        painter.setFont(title_font)
        metrics = QFontMetricsF(title_font)
        left = 18.0
        width = self.rect.width() - 2 * left
        sub_h = 0.0
        if scale == 1.0:
            sub_h = 16.0
        title_box = QRectF(left, 5 if big else 10, width, max(26.0, metrics.height() + 2))
        if bet:
            star = QRectF(self.rect.width() - left - 22 * scale, 10, 22 * scale, 26 * scale)
            painter.setPen(style.BET_GOLD)
            painter.drawText(star, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             "\u2605")
            title_box.setWidth(width - 26 * scale)
        painter.setPen(style.INK)
        title = metrics.elidedText(self.cluster.title, Qt.TextElideMode.ElideRight,
                                   title_box.width())
        painter.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        if sub_h and lod >= READABLE_LOD:
            sub_font = QFont()
            sub_font.setPixelSize(12)
            painter.setFont(sub_font)
            painter.setPen(style.BET_GOLD if bet else style.MUTED)
            sub = self.subtitle + (f"  \u00b7  \u2605 {self.initiative}" if bet and
                                   self.initiative else "")
            sub = QFontMetricsF(sub_font).elidedText(sub, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(left, 34 if big else 31, width, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)

    def overview_lines(self, lod: float) -> tuple[list[str], float]:
        """Semantic zoom: the title wrapped to the frame in a font that reads about
        ``OVERVIEW_TITLE_PX`` on screen, smaller only while a word or the lines (with the
        count under them) would not fit the frame; and the font's size in scene units.
        Whole words, never cut (below 9 px on screen the last lines may run past)."""
        width = self.rect.width() - 2 * OVERVIEW_PAD
        room = self.rect.height() - 2 * OVERVIEW_PAD - 1.4 * OVERVIEW_COUNT_PX / max(lod, 0.01)
        px = OVERVIEW_TITLE_PX / max(lod, 0.01)
        words = self.cluster.title.split() or [""]
        font = QFont()
        font.setBold(True)
        while True:
            font.setPixelSize(max(1, round(px)))
            metrics = QFontMetricsF(font)
            lines: list[str] = []
            for word in words:
                if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                    lines[-1] = f"{lines[-1]} {word}"
                else:
                    lines.append(word)
            fits = (max(metrics.horizontalAdvance(w) for w in words) <= width
                    and len(lines) * metrics.lineSpacing() <= room)
            if fits or px * lod <= 9:
                return lines, px
            px *= 0.9

    def _paint_overview(self, painter: QPainter, lod: float) -> None:
        """At low zoom the notes are not drawn: the frame says its title large and
        how many notes and supporters it holds."""
        lines, px = self.overview_lines(lod)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(1, round(px)))
        painter.setFont(font)
        painter.setPen(style.INK)
        line_h = QFontMetricsF(font).lineSpacing()
        y = OVERVIEW_PAD
        width = self.rect.width() - 2 * OVERVIEW_PAD
        for line in lines:
            painter.drawText(QRectF(OVERVIEW_PAD, y, width, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line)
            y += line_h
        text = ("\u2605 " if self.cluster.big_bet else "") + self.subtitle
        count = QFont()
        px = OVERVIEW_COUNT_PX / max(lod, 0.01)
        count.setPixelSize(max(1, round(px)))
        wide = QFontMetricsF(count).horizontalAdvance(text)
        if wide > width:  # one line, in a smaller font rather than cut
            count.setPixelSize(max(1, round(px * width / wide)))
        painter.setFont(count)
        painter.setPen(style.BET_GOLD if self.cluster.big_bet else style.MUTED)
        painter.drawText(QRectF(OVERVIEW_PAD, y + line_h * 0.2, width, px * 1.4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if (change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and not self._moving_members and isinstance(value, QPointF)):
            delta = value - self.pos()
            for note in self.members:
                if not note.isSelected():  # selected notes are moved by the same drag
                    note.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)
