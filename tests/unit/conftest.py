"""What the unit tests share: a fresh offsite file with nothing in it but its first offsite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from keeper.clock import FakeClock
from keeper.store.offsite_file import OffsiteStore


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[OffsiteStore]:
    """A new file, no demo in it (a module that needs another file defines its own)."""
    from keeper.store.files import new_file

    s = new_file(tmp_path / "plain.keeper", clock=clock)
    yield s
    s.close()
