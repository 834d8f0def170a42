"""At most one call per interval: the first at once, the rest folded into one after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """Calls ``fn`` now if it has not run within ``interval_ms``, else once when it ends.

    For what only has to keep up with a person's eye (counts on a glance card) while
    edits arrive faster than that (sixty phones at once).
    """

    def __init__(self, fn: Callable[[], object], interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._fn = fn
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._cooled)

    def __call__(self) -> None:
        if self._timer.isActive():
            self._pending = True
            return
        self._fn()
        self._timer.start()

    def _cooled(self) -> None:
        if self._pending:
            self._pending = False
            self._fn()
            self._timer.start()
