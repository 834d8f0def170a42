"""Released schema versions stay readable: real files of versions 1-4 are upgraded, the
released scripts are frozen, and a failed upgrade or an odd file is said plainly."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from keeper.store.migrations import LATEST_VERSION, MIGRATIONS, apply_migrations
from keeper.store.models import AgendaItem, Offsite, Person
from keeper.store.offsite_file import (
    APPLICATION_ID,
    InconsistentFile,
    NotAKeeperFile,
    OffsiteStore,
    UpgradeFailed,
    check_file,
)
from tests.unit.store.test_cli import keeper

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
# A released script is never edited: add a new numbered step instead.
RELEASED = {
    "0001_foundation": "44fb95fd6be26c10166a67b80b42bb0e82213ddd38fbf2cb15e3692f4d920295",
    "0002_runner_board_quadrant":
        "9b05d102fd433191a38fa23f83ba870019dbdfbe498ec1ce977788fffa43c24d",
    "0003_offsite_day": "893b3f34fd0ceea541c71ad7b88b8944705c8d23f901b2075bd7f4168bcf6809",
    "0004_kickoff": "112e16584b7b5a32205d1701dd15b47298363274c69e96ee9388454fce67c28b",
}


def test_released_migrations_are_not_edited_in_place() -> None:
    found = {m.name: hashlib.sha256(m.sql.encode("utf-8")).hexdigest() for m in MIGRATIONS}
    for name, digest in RELEASED.items():
        assert found[name] == digest, f"{name}.sql was edited after release"


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall())


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_a_real_file_of_each_released_version_upgrades(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.keeper"
    shutil.copyfile(FIXTURES / f"v{version}.keeper", path)
    old = sqlite3.connect(path)
    tables = [r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    # Today's scripts up to this version build exactly the schema that shipped.
    today = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(today, 0, target=version)
    assert _schema(today) == _schema(old)
    today.close()
    old.close()
    assert check_file(path).version == version
    store = OffsiteStore.open(path)
    try:
        assert (store.migrated_backup is not None) == (version < LATEST_VERSION)
        offsite = store.session.get(Offsite, 1)
        assert offsite is not None and offsite.title == "Spring offsite"
        assert store.session.get(Person, 1).name == "Dana Whitfield"  # type: ignore[union-attr]
        assert [i.title for i in store.session.query(AgendaItem)] == ["OKR postmortem"]
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    for table in tables:  # every row of the old version is still there
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] >= 1, table
    conn.close()


def test_a_failed_upgrade_says_so_in_one_line_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "old team.keeper"
    shutil.copyfile(FIXTURES / "v1.keeper", path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE placement (id INTEGER)")  # step 2 cannot create it
    conn.commit()
    conn.close()
    before = _dump(path)
    with pytest.raises(UpgradeFailed, match=r"could not be upgraded from version 1 to "
                       rf"{LATEST_VERSION} \(step 0002_runner_board_quadrant: table placement "
                       r"already exists\); the file was left as it was"):
        OffsiteStore.open(path)
    assert _dump(path) == before
    result = keeper("check", str(path), tmp=tmp_path)  # check reads; it does not upgrade
    assert result.returncode == 0
    result = keeper("import-people", str(path), str(tmp_path / "none.csv"), tmp=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "could not be upgraded" in result.stderr
    assert _dump(path) == before


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [*conn.iterdump(), str(conn.execute("PRAGMA user_version").fetchone()[0])]
    finally:
        conn.close()


def test_a_foreign_database_with_keepers_mark_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "music.keeper"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 3")
    conn.execute("CREATE TABLE track (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAKeeperFile, match="carries Keeper's mark but is not a Keeper"):
        OffsiteStore.open(path)
    result = keeper("check", str(path), tmp=tmp_path)
    assert "damaged" not in result.stderr and "carries Keeper's mark" in result.stderr


def test_a_version_that_disagrees_with_keeper_meta_is_named_as_such(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE keeper_meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(InconsistentFile, match=f"version {LATEST_VERSION} in its header but 2 "
                       "in its keeper_meta table"):
        OffsiteStore.open(demo_path)
