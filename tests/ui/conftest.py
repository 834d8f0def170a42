"""What the view tests share: an app context on a fresh copy of the demo offsite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from keeper.clock import FakeClock
from keeper.store.offsite_file import OffsiteStore
from ui.context import AppContext


@pytest.fixture
def context(demo_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    ctx = AppContext(clock=clock)
    ctx.set_store(OffsiteStore.open(demo_path))
    yield ctx
    ctx.set_store(None)
