"""Whole-file writes survive a power cut: the old file or the complete new one, never half."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from keeper.agenda.files import export_agenda
from keeper.agenda.ops import agenda_items
from keeper.clock import FakeClock
from keeper.store import backups, recent
from keeper.store.files import new_file
from keeper.tables.atomic import replace_file, write_atomically, write_text


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What ``os.fsync`` was called on: 'file' or 'folder', in order."""
    calls: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append("folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_the_file_then_its_folder_are_flushed(tmp_path: Path, synced: list[str]) -> None:
    dest = tmp_path / "deck.pptx"
    write_atomically(dest, lambda tmp: tmp.write_bytes(b"new deck"))
    assert dest.read_bytes() == b"new deck"
    assert synced == ["file", "folder"]


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    dest = tmp_path / "tally.xlsx"
    dest.write_bytes(b"yesterday's tally")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError):
        write_atomically(dest, half_then_fail)
    assert dest.read_bytes() == b"yesterday's tally"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tally.xlsx"]


def test_a_failed_flush_leaves_the_old_file(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "recent.json"
    dest.write_text("old", "utf-8")

    def fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError):
        write_text(dest, "new")
    assert dest.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent.json"]


def test_a_replaced_file_keeps_its_permissions_a_new_one_is_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared.txt"
    shared.write_text("x", "utf-8")
    shared.chmod(0o644)
    write_text(shared, "y")
    write_text(tmp_path / "new.txt", "z")
    assert shared.stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o600


def test_replace_file_moves_a_finished_file(tmp_path: Path, synced: list[str]) -> None:
    tmp, dest = tmp_path / ".x.tmp", tmp_path / "x"
    tmp.write_bytes(b"done")
    replace_file(tmp, dest)
    assert dest.read_bytes() == b"done" and not tmp.exists()
    assert synced == ["file", "folder"]


def test_agenda_backup_and_recent_list_are_flushed_too(tmp_path: Path,
                                                      synced: list[str]) -> None:
    store = new_file(tmp_path / "team.keeper", clock=FakeClock())
    try:
        items = agenda_items(store, store.current_offsite().id)
        synced.clear()
        export_agenda(tmp_path / "agenda.csv", items, {}, dt.time(9, 0))
        assert synced == ["file", "folder"]
        synced.clear()
        backups.make_backup(store.path, reason="test")
        assert synced[-2:] == ["file", "folder"]
        synced.clear()
        recent.remember(store.path)
        assert synced == ["file", "folder"]
        assert recent.load_recent() == [store.path.resolve()]
    finally:
        store.close()
