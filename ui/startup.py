"""Start-up bookkeeping: when the window is first painted, when the file shows, and the
garbage collector kept out of the way until then.

Start-up creates ~150,000 long-lived objects (SQLAlchemy, Qt's bindings, the views);
collecting while they are made costs ~15% of the start and finds nothing. So the
launcher turns collection off, and once the opened file has been painted they are
frozen (``gc.freeze``: later collections skip them, so none of them pauses the day)
and collection is back on.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_FALLBACK_MS = 5000  # a file that never opens (an error dialog) still gets gc back


def settle_memory() -> None:
    """Freeze what start-up made and collect as usual from now on (idempotent)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def report(stage: str, value: float | None = None) -> None:
    """For bench/bench_startup.py: seconds since the parent spawned this process, and the
    CPU seconds this process has used (all threads), or ``value``."""
    t0 = os.environ.get("KEEPER_STARTUP_T0")
    if t0:
        figures = (f"{value:.4f}" if value is not None
                   else f"{time.time() - float(t0):.4f} {time.process_time():.4f}")
        print(f"{stage} {figures}", flush=True)


class StallWatch(QObject):
    """For the bench: the longest the UI thread was busy (a 2 ms timer fired late) during
    ``seconds`` after the file showed, reported as ``max-stall``."""

    def __init__(self, parent: QObject, seconds: float = 3.0) -> None:
        super().__init__(parent)
        self._end = time.perf_counter() + seconds
        self._last = time.perf_counter()
        self._worst = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._worst = max(self._worst, now - self._last)
        self._last = now
        if now >= self._end:
            self._timer.stop()
            report("max-stall", self._worst)


class PaintWatch(QObject):
    """Calls ``then`` once, after the next paint of ``window`` (or of a widget in it)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self._window):
            app = QApplication.instance()
            assert app is not None
            app.removeEventFilter(self)
            # after this paint has been handled and flushed to the screen
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def watch_start(window: QWidget, file_ready: SignalInstance) -> None:
    """Report the first frame and the first file shown; settle memory once it shows."""
    reported: set[str] = set()

    def once(stage: str) -> None:
        if stage not in reported:
            reported.add(stage)
            report(stage)

    def shown() -> None:
        once("first-paint")  # the file was in the first frame
        once("ready")
        settle_memory()
        if os.environ.get("KEEPER_STARTUP_T0"):
            StallWatch(window)

    def on_file_ready() -> None:
        file_ready.disconnect(on_file_ready)
        PaintWatch(window, shown)
        window.update()

    PaintWatch(window, lambda: once("first-paint"))
    file_ready.connect(on_file_ready)
    QTimer.singleShot(SETTLE_FALLBACK_MS, settle_memory)
