"""Guards against a PySide6 release that leaks references (6.12.0 on Python 3.10/3.11
crashes the interpreter after ~570 emits or ~5,000 repaints)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal(bool)


class _Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawLine(0, 0, self.paints % 10, 10)
        painter.end()
        self.paints += 1


def test_ten_thousand_emits_leak_no_references(qtbot) -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(lambda value: received.append(value) if len(received) < 1 else None)
    before_true = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.fired.emit(True)
    assert sys.getrefcount(True) - before_true < 100


def test_ten_thousand_repaints_leak_no_references(qtbot) -> None:
    widget = _Painted()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    target = QPixmap(50, 50)
    before_none = sys.getrefcount(None)
    for _ in range(10_000):
        widget.render(target)  # a real paintEvent each time, with or without a screen
    assert widget.paints >= 10_000
    assert sys.getrefcount(None) - before_none < 1000
