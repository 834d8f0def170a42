"""Garbage collection paused while an export runs: gathering and writing make ~100,000
short-lived objects (ORM rows, python-pptx and openpyxl proxies), and the full passes
their count sets off cost a fifth of a big deck. What is left over is collected when
the export ends; collection resumes only if it was on. The collector is the whole
process's: only an export on the main thread (the command line) pauses it, never one on
a worker thread of the app, whose window keeps running meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """A ``with`` block (or a decorator) during which the collector does not run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
