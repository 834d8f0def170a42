"""``AudienceFace`` paints one ``AudienceState``: title, clock, countdown, progress, status or
wrap-up cue, message, next; or the break screen, or blackout.

The projector window shows one face full screen; the control window shows a
second face as a live preview. Only what changed is repainted: a tick that
changes the digits and the progress bar repaints those two bands and nothing else.
Secondary lines are at least 5% of the height; a message wraps to three lines and
shrinks until it fits, never cut.
"""

from __future__ import annotations

import time
from dataclasses import fields

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.contrast import AUDIENCE_PALETTE, CUE_COLOURS, ScreenColours, audience_colours
from ui import palette
from ui.audience.state import AudienceState, digits_font, ui_font

DIGIT_HEIGHT_SHARE = 0.25  # the digits' glyphs at least this share of the window height
INK_SAMPLE = "0123456789:+"  # every character a countdown shows
MESSAGE_LINES = 3
CUE_TEXT = "Please wrap up"
CUE_FLASHES = 6  # on/off turns when the cue appears
CUE_FLASH_MS = 450
# which band each field of the state is drawn in (what a change of it repaints)
FIELD_BANDS: dict[str, tuple[str, ...]] = {
    "digits": ("digits",), "progress": ("progress",), "clock": ("clock",),
    "title": ("title",), "subtitle": ("subtitle",), "status": ("status", "back"),
    "back_at": ("back",), "next_line": ("next",), "message": ("message",),
    "cue": ("status", "back"),
}


STATE_FIELDS = tuple(f.name for f in fields(AudienceState))


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
        self.last_paint_at = 0.0
        self.last_paint_rect = QRect()
        self.last_paint_region = QRegion()
        self.dirty = QRegion()  # what set_state asked to repaint and is not painted yet
        self._rects: dict[str, QRectF] = {}
        self._fonts: dict[str, QFont] = {}
        self._digits_font_for: tuple[str, int, int] = ("", 0, 0)
        self._fitted: dict[tuple[str, str, int, int], QFont] = {}
        self._glyphs: dict[tuple[str, str, float], QPixmap] = {}  # digit -> its drawn pixmap
        self._cells_of: tuple[tuple[object, ...], list[QRectF]] = ((), [])  # the last _cells
        self._ink_baseline = 0.0  # from a digit cell's top to the baseline (set by _cells)
        self.cue_lit = True
        self._flashes_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(CUE_FLASH_MS)
        self._flash.timeout.connect(self._flash_cue)
        self._layout()

    # -- state ----------------------------------------------------------------
    def set_state(self, state: AudienceState) -> None:
        old, self.state = self.state, state
        if state == old:
            return
        if state.cue and not old.cue:
            self.cue_lit, self._flashes_left = True, CUE_FLASHES
            self._flash.start()
        elif not state.cue:
            self._flash.stop()
        changed = [name for name in STATE_FIELDS if getattr(old, name) != getattr(state, name)]
        if len(old.digits) != len(state.digits):
            self._fit_digits()
        if (self.isVisible() and old.mode == state.mode and old.level == state.level
                and all(name in FIELD_BANDS for name in changed)):
            bands = QRegion()
            for name in changed:
                if name == "digits" and len(old.digits) == len(state.digits):
                    bands = bands.united(self._changed_cells(old.digits, state.digits))
                    continue
                for key in FIELD_BANDS[name]:
                    bands = bands.united(self._rects[key].toAlignedRect())
            self._invalidate(bands)
        else:
            self._invalidate(QRegion(self.rect()))
        if "title" in changed or "digits" in changed:
            self.setAccessibleDescription(f"{state.title} {state.digits}".strip())

    def _invalidate(self, region: QRegion) -> None:
        self.dirty = self.dirty.united(region)
        self.update(region)

    def _flash_cue(self) -> None:
        self._flashes_left -= 1
        self.cue_lit = not self.cue_lit if self._flashes_left > 0 else True
        if self._flashes_left <= 0:
            self._flash.stop()
        self._invalidate(QRegion(self._rects["status"].toAlignedRect().united(
            self._rects["back"].toAlignedRect())))

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

    def font_for(self, key: str) -> QFont:
        """The font a line is drawn in at this size (a message's: before shrinking)."""
        return self._fonts[key]

    # -- layout ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        w, h = max(1, self.width()), max(1, self.height())
        side = max(0.045 * h, 0.04 * w)
        inner = w - 2 * side
        clock_w = 0.22 * w
        self._fonts = {
            "title": ui_font(0.078 * h, bold=True),
            "clock": ui_font(0.07 * h, bold=True),
            "subtitle": ui_font(0.055 * h),
            "back": ui_font(0.08 * h, bold=True),
            "next": ui_font(0.07 * h),
            "message": ui_font(0.06 * h, bold=True),
            "status": ui_font(0.07 * h, bold=True),
            "digits": ui_font(0.40 * h, bold=True),
        }
        self._rects = {
            "progress": QRectF(0, 0, w, max(3.0, 0.014 * h)),
            "title": QRectF(side, 0.035 * h, inner - clock_w, 0.095 * h),
            "clock": QRectF(w - side - clock_w, 0.035 * h, clock_w, 0.095 * h),
            "subtitle": QRectF(side, 0.13 * h, inner, 0.07 * h),
            "digits": QRectF(0, 0.20 * h, w, 0.42 * h),
            "status": QRectF(side, 0.615 * h, inner, 0.09 * h),
            "back": QRectF(side, 0.615 * h, inner, 0.09 * h),
            "message": QRectF(side, 0.705 * h, inner, 0.175 * h),
            "next": QRectF(side, 0.88 * h, inner, 0.095 * h),
        }
        self._digits_font_for = ("", 0, 0)
        self._fitted.clear()
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
        self._glyphs.clear()

    def fitted_font(self, key: str, text: str, lines: int) -> QFont:
        """The line's font, shrunk until ``text`` fits its band in ``lines`` lines or fewer."""
        rect = self._rects[key]
        cache_key = (key, text, int(rect.width()), int(rect.height()))
        cached = self._fitted.get(cache_key)
        if cached is not None:
            return cached
        font = QFont(self._fonts[key])
        size = float(font.pixelSize())
        flags = int(Qt.TextFlag.TextWordWrap) if lines > 1 else 0
        while size > 6:
            font.setPixelSize(round(size))
            metrics = QFontMetricsF(font)
            box = metrics.boundingRect(QRectF(0, 0, rect.width(), 1e6), flags, text)
            if (box.width() <= rect.width() and box.height() <= rect.height()
                    and box.height() <= lines * metrics.lineSpacing() + 1):
                break
            size *= 0.93
        if len(self._fitted) > 64:
            self._fitted.clear()
        self._fitted[cache_key] = font
        return font

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self.paint_count += 1
        self.last_paint_at = time.perf_counter()  # the bench's key press → repaint
        self.last_paint_rect = event.rect()
        self.last_paint_region = event.region()
        self.dirty = QRegion()
        painter = QPainter(self)
        state = self.state
        colours = self.colours()
        exposed = event.region()
        background = QColor(palette.BLACK if state.mode == "blackout" else colours.background)
        for rect in exposed:
            painter.fillRect(rect, background)
        if state.mode == "blackout":
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        text = QColor(colours.text)
        centre = Qt.AlignmentFlag.AlignCenter

        def draw(key: str, value: str, colour: QColor,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, lines: int = 1) -> None:
            rect = self._rects[key]
            if not value or not exposed.intersects(rect.toAlignedRect()):
                return
            font = self._fonts[key] if key == "digits" else self.fitted_font(key, value, lines)
            painter.setFont(font)
            painter.setPen(colour)
            wrap = Qt.TextFlag.TextWordWrap if lines > 1 else Qt.TextFlag(0)
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter | wrap), value)

        if state.mode == "idle":
            draw("title", state.title, text, centre)
            draw("next", state.next_line, text, centre)
            draw("message", state.message, text, centre, MESSAGE_LINES)
            painter.end()
            return
        self._draw_progress(painter, colours, exposed)
        draw("title", state.title, text)
        draw("clock", state.clock, text, Qt.AlignmentFlag.AlignRight)
        draw("subtitle", state.subtitle, text)
        self._draw_digits(painter, state.digits, colours, exposed)
        if state.cue:
            self._draw_cue(painter, exposed)
        elif state.mode == "break":
            status = " · ".join(s for s in (state.back_at, state.status) if s)
            draw("back", status, QColor(colours.digits), centre)
        else:
            draw("status", state.status, QColor(colours.digits), centre)
        draw("message", state.message, QColor(colours.digits), centre, MESSAGE_LINES)
        draw("next", state.next_line, text)
        painter.end()

    # -- the digits: each character drawn once into a pixmap, then blitted -----------
    def _cells(self, text: str) -> list[QRectF]:
        """Where each character of ``text`` is drawn (with room for its overhang)."""
        font = self._fonts["digits"]
        band = self._rects["digits"]
        key = (text, font.key(), self.width(), band.top(), band.height())
        if self._cells_of[0] == key:
            return self._cells_of[1]  # asked by a tick and again by its paint
        metrics = QFontMetricsF(font)
        left = (self.width() - metrics.horizontalAdvance(text)) / 2
        baseline = band.top() + (band.height() - metrics.ascent() - metrics.descent()) / 2 \
            + metrics.ascent()
        # a cell is as tall as the ink, not the font's whole line: its opaque copy must not
        # cover the subtitle above or the status below
        ink = metrics.tightBoundingRect(INK_SAMPLE)
        pad = max(2.0, 0.04 * ink.height())
        top = round(baseline + ink.top() - pad)
        self._ink_baseline = baseline - top
        cells = []
        for n, char in enumerate(text):
            x = round(left + metrics.horizontalAdvance(text[:n]))  # whole pixels: a plain copy
            cells.append(QRectF(x, top, metrics.horizontalAdvance(char), ink.height() + 2 * pad))
        self._cells_of = (key, cells)
        return cells

    def _changed_cells(self, old: str, new: str) -> QRegion:
        region = QRegion()
        for cell, a, b in zip(self._cells(new), old, new, strict=True):
            if a != b:
                region = region.united(cell.toAlignedRect().adjusted(-1, -1, 1, 1))
        return region

    def _glyph(self, char: str, colours: ScreenColours, cell: QRectF) -> QPixmap:
        """The character on its own background, opaque: a tick is a plain copy, no blending."""
        ratio = self.devicePixelRatioF()
        key = (char, colours.digits + colours.background, ratio, round(self._ink_baseline, 2))
        pixmap = self._glyphs.get(key)
        if pixmap is None:
            pixmap = QPixmap(int(cell.width() * ratio) + 1, int(cell.height() * ratio) + 1)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(colours.background))
            glyph = QPainter(pixmap)
            glyph.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            glyph.setFont(self._fonts["digits"])
            glyph.setPen(QColor(colours.digits))
            glyph.drawText(QPointF(0, self._ink_baseline), char)
            glyph.end()
            self._glyphs[key] = pixmap
        return pixmap

    def _draw_digits(self, painter: QPainter, text: str, colours: ScreenColours,
                     exposed: QRegion) -> None:
        if not text or not exposed.intersects(self._rects["digits"].toAlignedRect()):
            return
        for char, cell in zip(text, self._cells(text), strict=True):
            if exposed.intersects(cell.toAlignedRect().adjusted(-1, -1, 1, 1)):
                painter.drawPixmap(cell.topLeft(), self._glyph(char, colours, cell))

    def _draw_progress(self, painter: QPainter, colours: ScreenColours,
                       exposed: QRegion) -> None:
        rect = self._rects["progress"]
        if self.state.progress < 0 or not exposed.intersects(rect.toAlignedRect()):
            return
        track = QColor(colours.text)
        track.setAlphaF(0.18)
        painter.fillRect(rect, track)
        done = QRectF(rect)
        done.setWidth(rect.width() * min(1.0, max(0.0, self.state.progress)))
        painter.fillRect(done, QColor(colours.digits))

    def _draw_cue(self, painter: QPainter, exposed: QRegion) -> None:
        rect = self._rects["status"]
        if not exposed.intersects(rect.toAlignedRect()) or not self.cue_lit:
            return
        font = self.fitted_font("status", CUE_TEXT, 1)
        metrics = QFontMetricsF(font)
        pad = metrics.height() * 0.5
        width = metrics.horizontalAdvance(CUE_TEXT) + 2 * pad
        box = QRectF(rect.center().x() - width / 2, rect.top(), width, rect.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(CUE_COLOURS.background))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box, rect.height() * 0.2, rect.height() * 0.2)
        painter.setFont(font)
        painter.setPen(QColor(CUE_COLOURS.text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), CUE_TEXT)
