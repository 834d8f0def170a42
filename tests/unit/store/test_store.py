"""The offsite file: pragmas, permissions, refusal of bad files, backups, save-as."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.store import backups
from keeper.store.files import new_file
from keeper.store.migrations import LATEST_VERSION
from keeper.store.models import Offsite, Person
from keeper.store.offsite_file import (
    EDIT_BUSY_TIMEOUT_MS,
    CorruptFile,
    NewerFile,
    NotAKeeperFile,
    OffsiteStore,
    ReadOnlyError,
    StoreError,
    check_file,
)


def test_pragmas_are_on(demo_store: OffsiteStore) -> None:
    session = demo_store.session
    assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert session.execute(text("PRAGMA busy_timeout")).scalar() == EDIT_BUSY_TIMEOUT_MS
    assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL: power-cut safe


def test_new_file_has_the_template_agenda_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "team.keeper"
    store = new_file(path)
    offsite = store.current_offsite()
    assert offsite is not None
    assert [i.title for i in offsite.agenda][:2] == [
        "Welcome: always proud, never satisfied", "OKR postmortem 1"]
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert all(stat.S_IMODE(b.path.stat().st_mode) == 0o600 for b in backups.list_backups(path))


def test_edit_is_on_disk_before_the_next_one(demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    SetFields(Offsite, {"id": offsite.id}, {"venue": "Rooftop ☀️"}).apply(demo_store)
    other = sqlite3.connect(demo_store.path)
    assert other.execute("SELECT venue FROM offsite WHERE id=?", (offsite.id,)).fetchone() == (
        "Rooftop ☀️",)
    other.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "music.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE track (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO track(title) VALUES ('So What')")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(NotAKeeperFile, match="not a Keeper offsite file"):
        OffsiteStore.open(path)
    assert _bytes(path) == before
    assert not (tmp_path / "music.db-wal").exists()


@pytest.mark.parametrize("content", [b"", b"hello, this is a spreadsheet\n", os.urandom(5000)])
def test_non_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "offsite.keeper"
    path.write_bytes(content)
    with pytest.raises(NotAKeeperFile):
        OffsiteStore.open(path)
    assert path.read_bytes() == content


def test_corrupt_keeper_file_is_refused_untouched(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 2000] = os.urandom(2000)  # wreck a few pages, keep the header
    demo_path.write_bytes(bytes(data))
    before = demo_path.read_bytes()
    with pytest.raises(CorruptFile, match="damaged"):
        OffsiteStore.open(demo_path)
    assert demo_path.read_bytes() == before
    with pytest.raises(CorruptFile):
        check_file(demo_path)


def test_newer_file_is_refused_naming_both_versions(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = demo_path.read_bytes()
    with pytest.raises(NewerFile) as caught:
        OffsiteStore.open(demo_path)
    assert str(LATEST_VERSION + 5) in str(caught.value)
    assert str(LATEST_VERSION) in str(caught.value)
    assert demo_path.read_bytes() == before


def test_missing_file_gives_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="There is no file"):
        OffsiteStore.open(tmp_path / "nope.keeper")


def test_second_open_in_same_process_is_read_only(demo_store: OffsiteStore) -> None:
    second = OffsiteStore.open(demo_store.path)
    try:
        assert second.read_only
        assert second.held_by is not None
        assert str(os.getpid()) in second.held_by.describe()
        with pytest.raises(ReadOnlyError, match="read-only"):
            InsertRow(Person, {"name": "Intruder", "role": "rep"}).apply(second)
    finally:
        second.close()
    # the writer is unaffected
    InsertRow(Person, {"name": "Newcomer", "role": "rep"}).apply(demo_store)


def test_lock_is_released_on_close(demo_path: Path) -> None:
    first = OffsiteStore.open(demo_path)
    first.close()
    second = OffsiteStore.open(demo_path)
    assert not second.read_only
    second.close()


def test_save_as_is_a_consistent_private_copy(demo_store: OffsiteStore, tmp_path: Path) -> None:
    InsertRow(Person, {"name": "Late Joiner", "role": "rep"}).apply(demo_store)
    dest = demo_store.save_as(tmp_path / "copy.keeper")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    copy = OffsiteStore.open(dest)
    try:
        assert copy.count(Person) == demo_store.count(Person)
    finally:
        copy.close()


def test_backups_rotate_and_restore(demo_path: Path) -> None:
    for n in range(backups.KEEP_PER_FILE + 4):
        store = OffsiteStore.open(demo_path)  # backs up on open what the last session changed
        InsertRow(Person, {"name": f"Rep {n}", "role": "rep"}).apply(store)
        store.close()
    assert len(backups.list_backups(demo_path)) == backups.KEEP_PER_FILE
    store = OffsiteStore.open(demo_path)  # backs up on open, before the edit
    before = store.count(Person)
    InsertRow(Person, {"name": "Temp", "role": "rep"}).apply(store)
    store.close()
    backups.restore(backups.list_backups(demo_path)[0].path, demo_path)
    store = OffsiteStore.open(demo_path)
    assert store.count(Person) == before
    store.close()
    # restoring backed up the replaced file first, so the restore itself can be undone
    replaced = next(b for b in backups.list_backups(demo_path) if b.reason == "before-restore")
    backups.restore(replaced.path, demo_path)
    store = OffsiteStore.open(demo_path)
    assert store.count(Person) == before + 1
    store.close()


def test_automatic_backup_only_after_changes(demo_store: OffsiteStore) -> None:
    assert demo_store.backup_if_changed() is None
    InsertRow(Person, {"name": "Someone", "role": "rep"}).apply(demo_store)
    made = demo_store.backup_if_changed()
    assert made is not None and made.exists()
    assert demo_store.backup_if_changed() is None


def test_delete_and_undo_restores_cascaded_rows(demo_store: OffsiteStore) -> None:
    session = demo_store.session
    manager_id = session.query(Person).filter_by(name="Jill Morgan").one().id
    reps = session.query(Person).filter_by(manager_id=manager_id).count()
    placements_before = session.execute(text("SELECT count(*) FROM placement")).scalar()
    notes_by_jill = session.execute(
        text("SELECT count(*) FROM note WHERE author_id=:i"), {"i": manager_id}).scalar()
    op = DeleteRows(Person, [{"id": manager_id}])
    op.apply(demo_store)
    assert session.query(Person).filter_by(manager_id=manager_id).count() == 0
    op.revert(demo_store)
    assert session.query(Person).filter_by(manager_id=manager_id).count() == reps
    assert session.execute(text("SELECT count(*) FROM placement")).scalar() == placements_before
    assert session.execute(
        text("SELECT count(*) FROM note WHERE author_id=:i"), {"i": manager_id}
    ).scalar() == notes_by_jill
