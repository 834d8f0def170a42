"""The runner's shortcuts, over the runner: F1 or ? opens it; any key or click closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui import palette
from ui.runner.actions import EXTRA_KEYS, SHORTCUTS

WATCHED = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.Resize)


class HelpOverlay(QWidget):
    """Shortcuts over the runner; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Runner keyboard shortcuts")
        rows = "".join(
            f"<tr><td align=right style='padding:4px 18px 4px 0'><b>{' or '.join(s.keys)}</b>"
            f"</td><td style='padding:4px 0'>{s.help}</td></tr>"
            for s in SHORTCUTS
        )
        for keys, text in EXTRA_KEYS:
            rows += (f"<tr><td align=right style='padding:4px 18px 4px 0'><b>{keys}</b></td>"
                     f"<td style='padding:4px 0'>{text}</td></tr>")
        panel = QLabel(
            "<h2 style='margin:0 0 10px 0'>Running the day</h2>"
            f"<table cellspacing=0>{rows}</table>"
            f"<p style='color:{palette.TEXT_MUTED_COOL}'>Press any key to close.</p>"
        )
        panel.setTextFormat(Qt.TextFormat.RichText)
        panel.setObjectName("helpPanel")
        panel.setStyleSheet(
            f"QLabel#helpPanel {{ background: {palette.SURFACE}; color: {palette.INK_STRONG};"
            " border-radius: 12px;"
            " padding: 24px 32px; font-size: 15px; }"
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.hide()
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """F1 (the main window's help too) and ? open this over the parent; it follows its size."""
        kind = event.type()  # first: it sees every paint of the runner page (each tick's)
        if kind not in WATCHED or watched is not self.parentWidget():
            return False
        if kind == QEvent.Type.Resize:
            if self.isVisible():
                self.setGeometry(watched.rect())
            return False
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_F1, Qt.Key.Key_Question):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()
            else:
                self.open_overlay()
            return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(palette.HELP_SCRIM))
        painter.end()

    def event(self, event: QEvent) -> bool:
        # while the overlay is up every key closes it, even the runner's shortcut keys
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_overlay()

    def open_overlay(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus()
