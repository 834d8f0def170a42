"""What the view tests share: an app context, or the main window shown, on a fresh copy of
the demo offsite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from keeper.clock import FakeClock
from keeper.store.offsite_file import OffsiteStore
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def context(demo_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    ctx = AppContext(clock=clock)
    ctx.set_store(OffsiteStore.open(demo_path))
    yield ctx
    ctx.set_store(None)


@pytest.fixture
def window(qtbot, demo_path: Path, clock: FakeClock) -> Iterator[MainWindow]:
    """The main window shown, with the demo file open."""
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(demo_path)
    yield w
    w.context.set_store(None)
