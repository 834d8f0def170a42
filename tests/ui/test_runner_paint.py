"""A new second repaints only the digits that changed, in the control window too."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from keeper.contrast import CONTROL_PALETTE
from ui.runner.session_card import CountdownDigits


class Painted(QObject):
    """The rectangles a widget was asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())  # type: ignore[attr-defined]
        return False


def test_a_new_second_repaints_the_last_digit_only(qtbot) -> None:  # noqa: ANN001
    digits = CountdownDigits()
    qtbot.addWidget(digits)
    digits.resize(1400, 500)
    digits.set_look(300, CONTROL_PALETTE["normal"])
    digits.setText("37:28")
    digits.show()
    qtbot.waitExposed(digits)
    for _ in range(3):
        QApplication.processEvents()  # the first, whole paint
    spy = Painted()
    digits.installEventFilter(spy)

    digits.setText("37:27")
    QApplication.processEvents()
    (second,) = spy.rects
    assert second.width() < digits.width() / 5  # one digit's cell, not the box
    assert second.right() > digits.width() / 2  # the last digit, right of the centre

    spy.rects.clear()
    digits.setText("36:59")  # three digits change: still not the whole box
    QApplication.processEvents()
    (minute,) = spy.rects
    assert second.width() < minute.width() < digits.width() * 0.8

    spy.rects.clear()
    digits.setText("9:59")  # narrower text: everything moves
    QApplication.processEvents()
    assert spy.rects == [digits.rect()]
