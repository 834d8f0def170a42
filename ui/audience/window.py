"""The projector window: an ``AudienceFace`` (or a presented widget), with no controls.

``AudienceWindow`` puts a face full screen on the projector (or a movable
window with one screen), never takes focus, follows screens being unplugged
and plugged back, and shows another view's presented widget instead of the
timer when the ``AudienceBus`` says so. Which screen, and whether full screen,
is ``keeper.agenda.projector``'s rule.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget

from keeper.agenda import projector
from ui.audience.face import AudienceFace
from ui.audience.state import AudienceState
from ui.audience_bus import AudienceBus

log = logging.getLogger(__name__)

WINDOWED_SIZE = QSize(960, 540)


def windowed_rect(area: QRect) -> QRect:
    """The movable window: 960×540, or smaller to fit the screen with its frame; centred."""
    room = QSize(area.width() * 9 // 10, area.height() * 85 // 100)
    size = WINDOWED_SIZE.scaled(WINDOWED_SIZE.boundedTo(room), Qt.AspectRatioMode.KeepAspectRatio)
    rect = QRect(area.topLeft(), size)
    rect.moveCenter(area.center())
    return rect


class AudienceWindow(QWidget):
    """The projector window. It shows, it never takes focus, it has no controls."""

    placement_changed = Signal()  # shown, hidden, or waiting for its unplugged screen

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
        self.waiting_for: str | None = None  # the unplugged screen it comes back to
        self.resize(WINDOWED_SIZE)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self.on_screen_removed)
        app.screenAdded.connect(self.on_screen_added)
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)
            if bus.key != "timer":  # built while something else is already presented
                self._on_bus_changed()

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
    def presented_widget(self) -> QWidget | None:
        """The widget on the projector instead of the countdown (None: the countdown, or
        the blackout, is on it)."""
        return self._presented if self._stack.currentWidget() is self._presented else None

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
        control = self.control_screen()
        return projector.projector_screen(screens, None if control is removed else control,
                                          self.preferred_screen, QScreen.name)

    def wants_full_screen(self, removed: QScreen | None = None) -> bool:
        screens = [s for s in QGuiApplication.screens() if s is not removed]
        return projector.wants_full_screen(len(screens), self.full_screen_wanted)

    def place(self, removed: QScreen | None = None) -> None:
        """Put the window where it belongs now: full screen on the projector, or movable."""
        target = self.target_screen(removed)
        if target is None:
            return
        self.waiting_for = None
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
            was_full = self.isFullScreen() or self.geometry() == target.geometry()
            if self.isFullScreen():
                self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)
            area = target.availableGeometry()
            if (was_full or not area.contains(self.frameGeometry())
                    or self.screen() is not target):
                self.setGeometry(windowed_rect(area))
            self.show()
        self.placement_changed.emit()

    def hide_window(self) -> None:
        """The Keeper closed it: it stays closed, even when a projector comes back."""
        self.waiting_for = None
        self.hide()
        self.placement_changed.emit()

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
        control = self.control_screen()
        on_it = (self.screen() is screen
                 or screen.geometry().contains(self.frameGeometry().center()))
        others = [s for s in QGuiApplication.screens() if s is not screen]
        if on_it and others and screen is not control:
            # the projector went: never land on the laptop over the control window; wait
            log.info("screen %s removed; the audience window waits for it", screen.name())
            self.hide()
            self.waiting_for = screen.name() or "projector"
            self.placement_changed.emit()
            return
        log.info("screen %s removed; moving the audience window", screen.name())
        self.place(removed=screen)
        # the platform may still be settling: check again on the next turn of the loop
        QTimer.singleShot(0, self._replace_if_lost)

    def on_screen_added(self, screen: QScreen) -> None:
        if self.waiting_for is not None:
            log.info("screen %s added; the audience window goes back", screen.name())
            self.full_screen_wanted = None  # back full screen, even after F chose a window
            QTimer.singleShot(0, self._come_back)
            return
        if not self.isVisible():
            return
        log.info("screen %s added", screen.name())
        QTimer.singleShot(0, self.place)

    def _come_back(self) -> None:
        if self.waiting_for is not None and len(QGuiApplication.screens()) >= 2:
            self.place()

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
