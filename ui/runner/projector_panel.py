"""The projector side of the runner: live preview, screen choice, show/full screen, blackout.

The audience window places itself (``keeper.agenda.projector`` says which screen);
this panel offers the choice of screen, opens and closes the window, and says
where it is and what it presents.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.audience.face import AudienceFace
from ui.audience.window import AudienceWindow
from ui.audience_bus import AudienceBus
from ui.runner.actions import action_button
from ui.runner.presented_preview import PresentedPreview
from ui.runner.text import ShownText
from ui.settings import app_settings

DISCONNECTED = "Projector disconnected — the audience window will come back when it is."


class ScreenBox(QComboBox):
    """The projector screen choice: arrow keys and the wheel open the list instead of
    moving the projector at once, so a stray key never sends the room's screen elsewhere."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                           Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End):
            self.showPopup()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()


class ProjectorPanel(QWidget):
    def __init__(self, window: AudienceWindow, bus: AudienceBus, actions: dict[str, QAction],
                 shown: ShownText) -> None:
        super().__init__()
        self.audience_window = window
        self.bus = bus
        self.shown = shown
        self.closed = False
        # -- for the header: which screen, open/close
        self.screen_box = ScreenBox()
        self.screen_box.setAccessibleName("Projector screen")
        self.screen_box.setToolTip("Which screen shows the audience window")
        self.screen_box.activated.connect(self._screen_chosen)
        self.show_audience = action_button(actions["audience"], "Show audience window")
        self.show_audience.setCheckable(True)
        self.show_audience.setMinimumHeight(0)

        # -- the side column
        self.preview = AudienceFace()
        self.preview.setFixedSize(192, 108)  # fit_width scales it between 192 and 384 wide
        self.preview.setAccessibleName("Preview of the projector")
        self.presented = PresentedPreview()  # another view's widget, when it is on
        self.presented.setFixedSize(192, 108)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(self.presented)
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("muted")
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setMaximumWidth(384)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        caption = QLabel("On the projector")
        caption.setObjectName("section")
        side.addWidget(caption)
        side.addWidget(self.preview_stack)
        side.addWidget(self.preview_caption)
        self.blackout_button = action_button(actions["blackout"], "Blackout")
        self.blackout_button.setCheckable(True)
        self.message_button = action_button(actions["message"], "Message…")
        self.full_button = action_button(actions["fullscreen"], "Full screen")
        self.screen_row = screen_row = QGridLayout()
        screen_row.setSpacing(6)
        for n, b in enumerate((self.blackout_button, self.message_button, self.full_button)):
            b.setMinimumHeight(36)
            screen_row.addWidget(b, n // 2, n % 2)
        side.addLayout(screen_row)
        side.addStretch(1)

        bus.changed.connect(self.update_caption)
        bus.changed.connect(self._presented_changed)
        window.placement_changed.connect(self.sync)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_screens_changed)
        app.screenRemoved.connect(self._on_screens_changed)

    def add_button(self, button: QWidget) -> None:
        """One more button under the preview (the chime test)."""
        n = self.screen_row.count()
        button.setMinimumHeight(36)
        self.screen_row.addWidget(button, n // 2, n % 2)

    def fit_width(self, view_width: int) -> int:
        """Scale the preview with the runner's width; returns the preview's width."""
        width = max(192, min(384, int((view_width - 40) * 0.34)))
        if width != self.preview.width():
            for preview in (self.preview, self.presented):
                preview.setFixedSize(width, width * 9 // 16)
            self.preview_caption.setMaximumWidth(width)
            self.repaint_presented()
        return width

    def _presented_changed(self) -> None:
        QTimer.singleShot(0, self, self.repaint_presented)  # once the window has built it

    def follow_presented(self, repaint: bool = False) -> None:
        """Preview the countdown, or the widget presented instead (after a blackout ends or
        the projector changes what it shows); ``repaint``: that widget changed. Painted
        only while the preview can be seen (else when it shows again)."""
        widget = None if self.closed else self.audience_window.presented_widget
        if widget is None:
            self.presented.forget()
            self.preview_stack.setCurrentWidget(self.preview)
        elif not self.isVisible():
            self.presented.forget()  # painted afresh by showEvent
        elif repaint or widget is not self.presented.source:
            self.presented.show_widget(widget, self.audience_window.size())
            self.preview_stack.setCurrentWidget(self.presented)

    def repaint_presented(self) -> None:
        self.follow_presented(repaint=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.follow_presented()

    # ----- commands --------------------------------------------------------------
    def toggle_window(self) -> None:
        window = self.audience_window
        if window.isVisible():
            window.hide_window()
        else:
            window.place()
        self.sync()

    def toggle_full_screen(self) -> None:
        self.audience_window.toggle_full_screen()
        self.sync()

    def _screen_chosen(self, index: int) -> None:
        name = self.screen_box.itemData(index)
        self.audience_window.choose_screen(name)
        app_settings().setValue("runner/screen", name or "")  # remembered for next time
        self.sync()

    # ----- showing ---------------------------------------------------------------
    def _on_screens_changed(self, _screen: object) -> None:
        if not self.closed:
            QTimer.singleShot(0, self.fill_screens)

    def fill_screens(self) -> None:
        if self.closed:
            return
        box = self.screen_box
        chosen = self.audience_window.preferred_screen
        box.blockSignals(True)
        box.clear()
        box.addItem("Automatic (projector)", None)
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            box.addItem(f"{screen.name() or 'Screen'} · {size.width()}×{size.height()}",
                        screen.name())
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)
        self.sync()

    def sync(self) -> None:
        """The buttons and the caption say what the audience window does now."""
        window = self.audience_window
        visible = window.isVisible()
        self.show_audience.setChecked(visible)
        self.shown.set("audienceButton", self.show_audience,
                       "Hide audience window" if visible else "Show audience window")
        self.full_button.setText("Windowed" if visible and window.isFullScreen()
                                 else "Full screen")
        self.update_caption()

    def update_caption(self) -> None:
        if self.closed:
            return
        window = self.audience_window
        note = DISCONNECTED if window.waiting_for is not None else ""
        self.bus.set_projector_note(note)
        if note:
            text = note
        elif not window.isVisible():
            text = "The audience window is closed (A opens it)."
        else:
            screen = window.screen()
            where = screen.name() if screen is not None else "a screen"
            how = "full screen" if window.isFullScreen() else "in a window"
            text = f"Shown {how} on {where}."
        if self.bus.key != "timer":
            text += f" Presenting the {self.bus.key}; T shows the timer."
        self.shown.set("caption", self.preview_caption, text)
