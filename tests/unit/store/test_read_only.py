"""A healthy read-only file opens read-only; nothing is ever written beside it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from keeper.ops import InsertRow
from keeper.store.files import new_file
from keeper.store.migrations import LATEST_VERSION
from keeper.store.models import Person
from keeper.store.offsite_file import NewerFile, OffsiteStore, ReadOnlyError, check_file
from tests.unit.store.test_cli import keeper


@pytest.fixture
def stick(tmp_path: Path, clock) -> Iterator[Path]:
    """A folder holding one offsite file, as copied onto a USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    new_file(folder / "team.keeper", demo=True, clock=clock).close()
    yield folder
    folder.chmod(0o755)


def _made_read_only(folder: Path, how: str) -> Path:
    path = folder / "team.keeper"
    if how == "file":
        path.chmod(0o444)
    else:
        folder.chmod(0o555)
    return path


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_read_only_file_opens_read_only_and_nothing_is_written_beside_it(
        stick: Path, tmp_path: Path, how: str) -> None:
    path = _made_read_only(stick, how)
    before = path.read_bytes()
    listing = sorted(p.name for p in stick.iterdir())
    assert not [name for name in listing if name.endswith(("-wal", "-shm"))]
    assert check_file(path).counts["person"] == 36
    store = OffsiteStore.open(path)
    try:
        assert store.read_only and store.held_by is None
        assert store.read_only_reason() == "the file or its folder is read-only"
        assert store.count(Person) == 36
        with pytest.raises(ReadOnlyError, match="the file or its folder is read-only"):
            InsertRow(Person, {"name": "X", "role": "rep"}).apply(store)
        assert sorted(p.name for p in stick.iterdir()) == listing
    finally:
        store.close()
    out = tmp_path / "out.xlsx"
    result = keeper("export", str(path), "--xlsx", str(out), tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert sorted(p.name for p in stick.iterdir()) == listing
    assert path.read_bytes() == before


def test_a_refused_file_gets_no_side_files(tmp_path: Path, clock) -> None:
    path = tmp_path / "newer.keeper"
    new_file(path, clock=clock).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerFile):
        OffsiteStore.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
