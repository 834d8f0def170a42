"""Garbage collection paused while an export runs: gathering and writing make ~100,000
short-lived objects (ORM rows, python-pptx and openpyxl proxies), and the full passes
their count sets off cost a fifth of a big deck. What is left over is collected when
the export ends; collection resumes only if it was on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """A ``with`` block (or a decorator) during which the collector does not run."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
