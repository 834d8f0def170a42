"""A cluster frame on the whiteboard: a named frame whose drag carries its notes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from keeper import board as bo
from ui.board import style
from ui.board.note_item import READABLE_LOD, NoteItem


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

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if (change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and not self._moving_members and isinstance(value, QPointF)):
            delta = value - self.pos()
            for note in self.members:
                if not note.isSelected():  # selected notes are moved by the same drag
                    note.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)
