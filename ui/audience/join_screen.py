"""The projector's join screen: a QR code, the short address and the room code, huge.

Presented through the audience bus (``AudienceBus.present("room", ...)``) while
the Keeper's room is open; readable from the back of the room.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from keeper.contrast import audience_colours
from ui import palette
from ui.audience.state import ui_font


class JoinScreen(QWidget):
    """Paints ``matrix`` (QR modules, True = dark), ``address`` and ``code``."""

    def __init__(self, matrix: list[list[bool]], address: str, code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix, self.address, self.code = matrix, address, code
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(f"Join the room: {address}, room code {' '.join(code)}")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        colours = audience_colours("normal")
        w, h = self.width(), self.height()
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(colours.background))
        side = min(h * 0.78, w * 0.42)
        top, left = (h - side) / 2, w * 0.06
        p.fillRect(QRectF(left, top, side, side), QColor(palette.SURFACE))
        count = len(self.matrix) or 1
        module = side / count
        p.setPen(Qt.PenStyle.NoPen)
        dark = QColor(palette.BLACK)
        for row, modules in enumerate(self.matrix):
            for col, on in enumerate(modules):
                if on:  # a hair of overlap so no seams show between modules
                    p.fillRect(QRectF(left + col * module, top + row * module,
                                      module + 0.5, module + 0.5), dark)
        text_left = left + side + w * 0.05
        box_w = w - text_left - w * 0.04
        p.setPen(QColor(colours.text))
        p.setFont(ui_font(h * 0.06, bold=True))
        p.drawText(QRectF(text_left, top, box_w, h * 0.1),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   "Join from your phone")
        p.setFont(ui_font(h * 0.045))
        p.drawText(QRectF(text_left, top + h * 0.12, box_w, h * 0.08),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   "Scan the code, or open")
        p.setPen(QColor(colours.digits))
        p.setFont(ui_font(min(h * 0.06, box_w / max(1, len(self.address)) * 1.7), bold=True))
        p.drawText(QRectF(text_left, top + h * 0.2, box_w, h * 0.1),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.address)
        p.setPen(QColor(colours.text))
        p.setFont(ui_font(h * 0.045))
        p.drawText(QRectF(text_left, top + h * 0.36, box_w, h * 0.08),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Room code")
        p.setPen(QColor(colours.digits))
        p.setFont(ui_font(min(h * 0.2, box_w / 5), bold=True))
        p.drawText(QRectF(text_left, top + h * 0.44, box_w, h * 0.25),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   " ".join(self.code))
        p.end()
