"""``AudienceFace`` paints one ``AudienceState``: title, countdown, next, message, break, blackout.

The projector window shows one face full screen; the control window shows a
second face as a live preview. Only what changed is repainted: a tick that
changes just the digits repaints the digits' band.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.contrast import AUDIENCE_PALETTE, ScreenColours, audience_colours
from ui.audience.state import AudienceState, digits_font, ui_font

DIGIT_HEIGHT_SHARE = 0.25  # the digits' glyphs at least this share of the window height


class AudienceFace(QWidget):
    """Paints an ``AudienceState``; sized by proportions so a preview is a true miniature."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = AudienceState()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Audience display")
        self.paint_count = 0
        self.last_paint_rect = QRect()
        self.dirty = QRect()  # what set_state asked to repaint and is not painted yet
        self._rects: dict[str, QRectF] = {}
        self._fonts: dict[str, QFont] = {}
        self._digits_font_for: tuple[str, int, int] = ("", 0, 0)
        self._layout()

    # -- state ----------------------------------------------------------------
    def set_state(self, state: AudienceState) -> None:
        old, self.state = self.state, state
        if state == old:
            return
        if replace(old, digits=state.digits) == state and self.isVisible():
            if len(old.digits) != len(state.digits):
                self._fit_digits()
            band = self._rects["digits"].toAlignedRect()
            self.dirty = self.dirty.united(band)
            self.update(band)
            return
        self._fit_digits()
        self.setAccessibleDescription(f"{state.title} {state.digits}".strip())
        self.dirty = self.rect()
        self.update()

    def colours(self) -> ScreenColours:
        if self.state.mode == "break":
            return AUDIENCE_PALETTE["break"]
        return audience_colours(self.state.level)

    def digits_pixel_size(self) -> int:
        return self._fonts["digits"].pixelSize()

    def digit_glyph_height(self) -> float:
        """The height of a drawn digit (cap height of "0"), in pixels."""
        metrics = QFontMetricsF(self._fonts["digits"])
        return metrics.tightBoundingRect("0").height()

    # -- layout ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        w, h = max(1, self.width()), max(1, self.height())
        pad = 0.045 * h
        side = max(pad, 0.04 * w)
        inner = w - 2 * side
        self._fonts = {
            "title": ui_font(0.075 * h, bold=True),
            "subtitle": ui_font(0.042 * h),
            "back": ui_font(0.085 * h, bold=True),
            "next": ui_font(0.045 * h),
            "message": ui_font(0.055 * h, bold=True),
            "status": ui_font(0.04 * h, bold=True),
            "digits": ui_font(0.40 * h, bold=True),
        }
        self._rects = {
            "title": QRectF(side, pad, inner, 0.10 * h),
            "subtitle": QRectF(side, pad + 0.10 * h, inner, 0.06 * h),
            "digits": QRectF(0, 0.22 * h, w, 0.46 * h),
            "status": QRectF(side, 0.67 * h, inner, 0.06 * h),
            "back": QRectF(side, 0.65 * h, inner, 0.11 * h),
            "message": QRectF(0, 0.745 * h, w, 0.09 * h),
            "next": QRectF(side, h - pad - 0.07 * h, inner, 0.07 * h),
        }
        self._digits_font_for = ("", 0, 0)
        self._fit_digits()

    def _fit_digits(self) -> None:
        """The biggest digits that fit the width; the glyph never under a quarter of the height."""
        w, h = max(1, self.width()), max(1, self.height())
        text = self.state.digits or "00:00"
        key = ("0" * len(text), w, h)
        if key == self._digits_font_for:
            return
        self._digits_font_for = key
        sample = key[0].replace("0", "8", 1)
        wanted = DIGIT_HEIGHT_SHARE * h
        font = digits_font(0.40 * h, condensed=False)
        if QFontMetricsF(font).horizontalAdvance(sample) > 0.94 * w:
            font = digits_font(0.40 * h, condensed=True)  # long times: "1:59:59", "+1:02:03"
            width = QFontMetricsF(font).horizontalAdvance(sample)
            if width > 0.94 * w:
                font = digits_font(font.pixelSize() * 0.94 * w / width, condensed=True)
            # a quarter of the height at least, unless the digits would then not fit the
            # width (a portrait window): cut-off digits are worse than smaller ones
            while QFontMetricsF(font).tightBoundingRect("0").height() < wanted:
                bigger = digits_font(font.pixelSize() + 1, condensed=True)
                if QFontMetricsF(bigger).horizontalAdvance(sample) > w:
                    break
                font = bigger
        self._fonts["digits"] = font

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self.paint_count += 1
        self.last_paint_rect = event.rect()
        self.dirty = QRect()
        painter = QPainter(self)
        state = self.state
        colours = self.colours()
        if state.mode == "blackout":
            painter.fillRect(event.rect(), QColor("#000000"))
            painter.end()
            return
        painter.fillRect(event.rect(), QColor(colours.background))
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        exposed = QRectF(event.rect())
        text = QColor(colours.text)
        centre = Qt.AlignmentFlag.AlignCenter

        def draw(key: str, value: str, colour: QColor,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
            rect = self._rects[key]
            if not value or not rect.intersects(exposed):
                return
            font = self._fonts[key]
            painter.setFont(font)
            painter.setPen(colour)
            elided = QFontMetricsF(font).elidedText(
                value, Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)

        if state.mode == "idle":
            draw("title", state.title, text, centre)
            draw("next", state.next_line, text, centre)
            draw("message", state.message, text, centre)
            painter.end()
            return
        draw("title", state.title, text)
        draw("subtitle", state.subtitle, text)
        draw("digits", state.digits, QColor(colours.digits), centre)
        if state.mode == "break":
            status = " · ".join(s for s in (state.back_at, state.status) if s)
            draw("back", status, QColor(colours.digits), centre)
        else:
            draw("status", state.status, text, centre)
        draw("message", state.message, QColor(colours.digits), centre)
        draw("next", state.next_line, text)
        painter.end()
