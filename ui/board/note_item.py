"""A sticky note on the whiteboard: wrapped text, the author's colour and initials, its support.

Performance (DESIGN.md): the text is laid out once into cached ``QStaticText``
lines and the item uses ``DeviceCoordinateCache``; below a readable zoom a
grouped note is not drawn (its frame shows the group's title and count) and a
loose note's text is drawn as grey bars. Qt trap: no ``__slots__`` on item classes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from keeper import board as bo
from ui.board import style
from ui.board.text_layout import note_font, wrap_lines

NOTE_W, NOTE_H = bo.NOTE_W, bo.NOTE_H
TEXT_PAD = 11.0
MAX_LINES = 4
READABLE_LOD = 0.42  # below this zoom, text is drawn as bars
_NOTE_BOUNDS = QRectF(-2, -2, NOTE_W + 6, NOTE_H + 7)


class NoteItem(QGraphicsRectItem):
    """A sticky note: wrapped text, the author's colour and initials, its own support.

    A rect item so that Qt asks C++ for its bounds (no Python call per item per paint).
    """

    def __init__(self, note: bo.BoardNote) -> None:
        super().__init__(_NOTE_BOUNDS)
        self.setPen(Qt.PenStyle.NoPen)
        self.note = note
        self.colour = style.PLAIN_NOTE
        self.initials = ""
        self.author = ""
        self.show_author = True
        self.support = 0
        self.cluster_id: int | None = note.cluster_id
        self._lines: list[QStaticText] | None = None
        self._rtl = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.setPos(note.x, note.y)
        self.setAcceptHoverEvents(False)

    def update_from(
        self,
        note: bo.BoardNote,
        person: bo.BoardPerson | None,
        support: int,
        show_author: bool,
    ) -> None:
        colour = (
            style.person_colour(person.colour if person else None, note.author_id)
            if show_author else style.PLAIN_NOTE
        )
        initials = person.initials if (person and show_author) else ""
        author = person.name if person else ""
        changed = (
            note.text != self.note.text or colour != self.colour or initials != self.initials
            or support != self.support or show_author != self.show_author
        )
        if note.text != self.note.text:
            self._lines = None
        self.note, self.colour, self.initials, self.author = note, colour, initials, author
        self.support, self.show_author = support, show_author
        self.cluster_id = note.cluster_id
        if self.pos() != QPointF(note.x, note.y):
            self.setPos(note.x, note.y)
        tip = note.text[:500] + ("\n— " + author if author and show_author else "")
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if changed:
            self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, NOTE_W, NOTE_H))
        return path

    def _text_lines(self) -> list[QStaticText]:
        if self._lines is None:
            font = note_font()
            self._rtl = style.is_rtl(self.note.text)
            width = NOTE_W - 2 * TEXT_PAD
            wrapped = wrap_lines(self.note.text, font, width, MAX_LINES, width - 26)
            self._lines = []
            for line in wrapped:
                st = QStaticText(line)
                st.setTextFormat(Qt.TextFormat.PlainText)
                st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
                st.prepare(QTransform(), font)
                self._lines.append(st)
        return self._lines

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < READABLE_LOD and self.cluster_id is not None and not self.isSelected():
            return  # zoomed out, its frame shows the group's title and count instead
        body = QRectF(0, 0, NOTE_W, NOTE_H)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.NOTE_SHADOW)
        painter.drawRoundedRect(body.translated(1.5, 3), 5, 5)
        fill = style.tint(self.colour, 0.80) if self.show_author else self.colour
        painter.setBrush(fill)
        painter.drawRoundedRect(body, 5, 5)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(0, 0, NOTE_W, 6), 3, 3)
        painter.drawRect(QRectF(0, 3, NOTE_W, 3))
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(style.ACCENT, 3))
            painter.drawRoundedRect(body.adjusted(-1, -1, 1, 1), 6, 6)
        if lod < READABLE_LOD:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.NOTE_LINES)
            lines = min(3, max(1, len(self.note.text) // 22 + 1))
            for i in range(lines):
                w = (NOTE_W - 2 * TEXT_PAD) * (0.9 if i < lines - 1 else 0.55)
                painter.drawRect(QRectF(TEXT_PAD, 18 + i * 18, w, 9))
            return
        painter.setPen(style.INK)
        painter.setFont(note_font())
        y = 14.0
        width = NOTE_W - 2 * TEXT_PAD
        for st in self._text_lines():
            x = TEXT_PAD + (width - st.size().width() if self._rtl else 0)
            painter.drawStaticText(QPointF(x, y), st)
            y += 18.5
        if self.initials:
            badge = QRectF(NOTE_W - 30, NOTE_H - 28, 22, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour)
            painter.drawEllipse(badge)
            font = QFont()
            font.setPixelSize(10)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(style.ON_COLOUR)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.initials)
        if self.support:
            pill = QRectF(TEXT_PAD - 2, NOTE_H - 26, 34, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.NOTE_PILL)
            painter.drawRoundedRect(pill, 9, 9)
            font = QFont()
            font.setPixelSize(11)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(style.INK)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, f"\u25CF {self.support}")
