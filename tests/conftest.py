"""Test-wide settings: no display, a private data dir, strict Qt logging."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KEEPER_DATA_DIR"] = tempfile.mkdtemp(prefix="keeper-tests-")

import pytest  # noqa: E402

from keeper.clock import FakeClock  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own user data dir (backups, recent files, logs)."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("KEEPER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo_path(tmp_path: Path, clock: FakeClock) -> Path:
    from keeper.files import new_file

    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=clock).close()
    return path


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[object]:
    from keeper.store import OffsiteStore

    store = OffsiteStore.open(demo_path)
    yield store
    store.close()
