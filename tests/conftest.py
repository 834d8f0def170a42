"""Test-wide settings: no display, a private data dir, strict Qt logging."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="keeper-tests-"))
_LAPTOP = _SESSION_DIR / "laptop-screen.json"
# One laptop-sized screen (offscreen's default is 800x600, smaller than any laptop).
_LAPTOP.write_text(json.dumps({"screens": [{
    "name": "LAPTOP", "x": 0, "y": 0, "width": 1280, "height": 800,
    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_LAPTOP}"
os.environ["KEEPER_DATA_DIR"] = str(_SESSION_DIR / "data")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from keeper.clock import FakeClock  # noqa: E402

# The moment the tests mean: 23 minutes into the demo's brainstorm (13:17 on the machine's
# clock, the demo's day placed at 09:00 with its morning 14 minutes late), in any zone.
IN_THE_BRAINSTORM = dt.datetime(2026, 11, 23, 13, 17).astimezone(dt.UTC)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own user data dir (backups, recent files, logs)."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("KEEPER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(IN_THE_BRAINSTORM)


@pytest.fixture
def demo_path(tmp_path: Path, clock: FakeClock) -> Path:
    from keeper.store.files import new_file

    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=clock).close()
    return path


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[object]:
    from keeper.store.offsite_file import OffsiteStore

    store = OffsiteStore.open(demo_path)
    yield store
    store.close()
