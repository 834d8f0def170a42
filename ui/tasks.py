"""Background work through one helper: run a callable off the UI thread,
hand its result or error back on the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the UI thread, never lost
            log.exception("background task failed")
            self._hand_back(self._relay.failed, exc)
        else:
            self._hand_back(self._relay.finished, result)

    @staticmethod
    def _hand_back(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app is quitting: nobody is left to hand it to
            log.info("background task finished after the window closed")


_running: set[_Relay] = set()


def run_in_background(
    owner: QObject,
    work: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException], None],
) -> _Relay:
    """Run ``work`` in the thread pool; callbacks run on ``owner``'s (UI) thread."""
    relay = _Relay()
    relay.moveToThread(owner.thread())
    _running.add(relay)

    def finish(result: object) -> None:
        _running.discard(relay)
        on_done(result)

    def fail(exc: object) -> None:
        _running.discard(relay)
        on_error(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))

    relay.finished.connect(finish)
    relay.failed.connect(fail)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return relay
