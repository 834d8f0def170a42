"""Schema versions: a real upgrade from version 1, and migrations that match the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from keeper.store import backups
from keeper.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    MigrationFailed,
    apply_migrations,
)
from keeper.store.models import Base, Offsite
from keeper.store.offsite_file import APPLICATION_ID, OffsiteStore


def _version_one_file(path: Path) -> None:
    """A file as Keeper 0.1 with schema 1 wrote it, with a little data in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    apply_migrations(conn, 0, target=1)
    conn.execute("INSERT INTO person(id, name, role, active) VALUES (1, 'Dana', 'leader', 1)")
    conn.execute(
        "INSERT INTO offsite(id, title, kind, day_start, created_at) "
        "VALUES (1, 'Old offsite', 'leadership', '09:00:00.000000', '2025-01-01 00:00:00')"
    )
    conn.execute(
        "INSERT INTO agenda_item(id, offsite_id, position, day, title, kind, planned_minutes,"
        " protected, warn_amber_s, warn_red_s) VALUES (1, 1, 0, 1, 'OKRs', 'session', 15, 0,"
        " 120, 30)"
    )
    conn.close()


def test_every_migration_is_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_upgrade_from_version_one_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.keeper"
    _version_one_file(path)
    original = path.read_bytes()
    store = OffsiteStore.open(path)
    try:
        assert store.migrated_backup is not None
        assert store.migrated_backup.read_bytes()[:16] == b"SQLite format 3\x00"
        backup_conn = sqlite3.connect(store.migrated_backup)
        assert backup_conn.execute("PRAGMA user_version").fetchone()[0] == 1
        backup_conn.close()
        offsite = store.session.get(Offsite, 1)
        assert offsite is not None and offsite.title == "Old offsite"
        assert offsite.mix_rule == "60/30/10"  # the column version 2 added, with its default
        assert [i.title for i in offsite.agenda] == ["OKRs"]
        assert offsite.agenda[0].session_format is None
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    assert original != path.read_bytes()
    kept = [b for b in backups.list_backups(path) if b.reason.startswith("before-v")]
    assert len(kept) == 1


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "fresh.keeper"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, 0)
    conn.close()
    engine = create_engine(f"sqlite:///{path}")
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        columns = {c["name"]: c for c in inspector.get_columns(name)}
        assert set(columns) == {c.name for c in table.columns}, name
        for column in table.columns:
            assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
        fks = {(tuple(f["constrained_columns"]), f["referred_table"], f["options"].get("ondelete"))
               for f in inspector.get_foreign_keys(name)}
        expected = {((fk.parent.name,), fk.column.table.name, fk.ondelete)
                    for fk in table.foreign_keys}
        assert fks == expected, name
    engine.dispose()


def test_failed_migration_leaves_the_version(tmp_path: Path) -> None:
    path = tmp_path / "broken.keeper"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, 0, target=1)
    conn.execute("CREATE TABLE note (id INTEGER)")  # makes step 2's CREATE TABLE note fail
    with pytest.raises(MigrationFailed, match="0002_runner_board_quadrant: table note already"):
        apply_migrations(conn, 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(offsite)")]
    assert "mix_rule" not in columns  # step 2 rolled back as a whole
    conn.close()
