"""The audience display: what the projector shows, with no controls.

``AudienceFace`` paints one ``AudienceState`` (title, countdown, next, message,
break screen, blackout); the control window shows a second face as a live
preview. ``AudienceWindow`` puts a face full screen on the projector (or a
movable window with one screen), never takes focus, follows screens being
unplugged and plugged back, and shows another view's presented widget
instead of the timer when the ``AudienceBus`` says so.

Only what changed is repainted: a tick that changes just the digits repaints
the digits' band.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QSizePolicy, QStackedLayout, QWidget

from keeper.contrast import AUDIENCE_PALETTE, ScreenColours, audience_colours
from ui.audience_bus import AudienceBus

log = logging.getLogger(__name__)

FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial", "sans-serif"]
DIGIT_HEIGHT_SHARE = 0.25  # the digits' glyphs at least this share of the window height
WINDOWED_SIZE = QSize(960, 540)


@dataclass(frozen=True)
class AudienceState:
    mode: str = "idle"  # "timer", "break", "idle" (nothing to run), "blackout"
    title: str = ""
    subtitle: str = ""  # presenter, or the kind of session
    digits: str = ""
    level: str = "normal"  # timer.WarningLevel value
    status: str = ""  # "Paused", "Over time", "Starting soon"
    back_at: str = ""  # "Back at 13:15" on the break screen
    next_line: str = ""
    message: str = ""


def ui_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def digits_font(pixel_size: float, condensed: bool) -> QFont:
    font = ui_font(pixel_size, bold=True)
    if condensed:
        font.setStretch(QFont.Stretch.Condensed)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 96)
    return font


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


class AudienceWindow(QWidget):
    """The projector window. It shows, it never takes focus, it has no controls."""

    def __init__(self, bus: AudienceBus | None = None, control: QWidget | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle("Keeper — audience")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAccessibleName("Audience display window")
        self.control = control
        self.bus = bus
        self.face = AudienceFace(self)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.face)
        self._presented: QWidget | None = None
        self.preferred_screen: str | None = None  # a screen name the Keeper picked
        self.full_screen_wanted: bool | None = None  # None: full screen when there are two
        self.resize(WINDOWED_SIZE)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self.on_screen_removed)
        app.screenAdded.connect(self.on_screen_added)
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)

    # -- following the control window -----------------------------------------
    def set_state(self, state: AudienceState) -> None:
        self.face.set_state(state)
        self._show_presented_or_face()

    def repaint_now(self) -> None:
        """Paint the pending change at once (after a key press) instead of at the next frame."""
        face = self.face
        if self.isVisible() and self._stack.currentWidget() is face and not face.dirty.isEmpty():
            face.repaint(face.dirty)

    def _on_bus_changed(self) -> None:
        if self.bus is None:
            return
        if self._presented is not None:
            self._stack.removeWidget(self._presented)
            self._presented.deleteLater()
            self._presented = None
        if self.bus.key != "timer" and self.bus.factory is not None:
            try:
                widget = self.bus.factory(self)
            except Exception:  # a view's widget failing must not take the projector down
                log.exception("presenting %s failed", self.bus.key)
            else:
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self._presented = widget
                self._stack.addWidget(widget)
        self._show_presented_or_face()

    def _show_presented_or_face(self) -> None:
        presented = self._presented
        if presented is not None and self.face.state.mode != "blackout":
            if self._stack.currentWidget() is not presented:
                self._stack.setCurrentWidget(presented)
        elif self._stack.currentWidget() is not self.face:
            self._stack.setCurrentWidget(self.face)

    @property
    def presenting(self) -> str:
        return "timer" if self._stack.currentWidget() is self.face else (
            self.bus.key if self.bus else "widget")

    # -- screens ----------------------------------------------------------------
    def control_screen(self) -> QScreen | None:
        if self.control is not None:
            return self.control.screen()
        return QGuiApplication.primaryScreen()

    def target_screen(self, removed: QScreen | None = None) -> QScreen | None:
        screens = [s for s in QGuiApplication.screens() if s is not removed]
        if not screens:
            return None
        if self.preferred_screen:
            for screen in screens:
                if screen.name() == self.preferred_screen:
                    return screen
        control = self.control_screen()
        if control is removed:
            control = None
        if len(screens) >= 2:
            for screen in screens:
                if screen is not control:
                    return screen
        return control if control in screens else screens[0]

    def wants_full_screen(self, removed: QScreen | None = None) -> bool:
        if self.full_screen_wanted is not None:
            return self.full_screen_wanted
        screens = [s for s in QGuiApplication.screens() if s is not removed]
        return len(screens) >= 2

    def place(self, removed: QScreen | None = None) -> None:
        """Put the window where it belongs now: full screen on the projector, or movable."""
        target = self.target_screen(removed)
        if target is None:
            return
        full = self.wants_full_screen(removed)
        frameless = bool(self.windowFlags() & Qt.WindowType.FramelessWindowHint)
        if full != frameless:
            visible = self.isVisible()
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, full)
            if not visible:
                self.hide()
        if full:
            self.setGeometry(target.geometry())
            handle = self.windowHandle()
            if handle is not None and handle.screen() is not target:
                handle.setScreen(target)
            # showFullScreen() without its activateWindow(): the projector never takes focus
            self.ensurePolished()
            self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                                | Qt.WindowState.WindowFullScreen)
            self.setVisible(True)
            if self.geometry() != target.geometry():
                self.setGeometry(target.geometry())
        else:
            if self.isFullScreen():
                self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)
            area = target.availableGeometry()
            if not area.intersects(self.frameGeometry()) or self.screen() is not target:
                size = WINDOWED_SIZE.boundedTo(area.size())
                rect = QRect(area.topLeft(), size)
                rect.moveCenter(area.center())
                self.setGeometry(rect)
            self.show()

    def toggle_full_screen(self) -> None:
        self.full_screen_wanted = not self.wants_full_screen()
        self.place()

    def choose_screen(self, name: str | None) -> None:
        self.preferred_screen = name or None
        if self.isVisible():
            self.place()

    def on_screen_removed(self, screen: QScreen) -> None:
        if not self.isVisible():
            return
        log.info("screen %s removed; moving the audience window", screen.name())
        self.place(removed=screen)
        # the platform may still be settling: check again on the next turn of the loop
        QTimer.singleShot(0, self._replace_if_lost)

    def on_screen_added(self, screen: QScreen) -> None:
        if not self.isVisible():
            return
        log.info("screen %s added", screen.name())
        QTimer.singleShot(0, self.place)

    def _replace_if_lost(self) -> None:
        if not self.isVisible():
            return
        centre = self.frameGeometry().center()
        if not any(s.geometry().contains(centre) for s in QGuiApplication.screens()):
            self.place()

    def dispose(self) -> None:
        """Stop following screens and go away (the control window is closing)."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            for signal, slot in ((app.screenRemoved, self.on_screen_removed),
                                 (app.screenAdded, self.on_screen_added)):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self.hide()
        self.deleteLater()
