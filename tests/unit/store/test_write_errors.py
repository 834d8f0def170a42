"""A failed write: said in one sentence, never with the row's values, and quickly."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from keeper.ops import SetFields
from keeper.store.files import new_file
from keeper.store.models import Offsite
from keeper.store.offsite_file import OffsiteStore, check_file
from keeper.store.write_errors import write_error_message
from tests.unit.store.test_cli import keeper

PRIVATE = "Stop: Lena talks over her reps"


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing: the file is locked
    return other


def test_a_locked_file_fails_fast_without_the_private_text(demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    other = _hold_write_lock(demo_store.path)
    start = time.monotonic()
    with pytest.raises(OperationalError) as caught:
        SetFields(Offsite, {"id": offsite.id}, {"venue": PRIVATE}).apply(demo_store)
    waited = time.monotonic() - start
    other.rollback()
    other.close()
    assert waited < 2.0  # the window does not freeze for the 5 s busy timeout
    assert PRIVATE not in str(caught.value)
    assert PRIVATE not in repr(caught.value)
    message = write_error_message(caught.value, demo_store.path)
    assert message == (f"{demo_store.path.name}: the change was NOT saved (another program is "
                       "using the file). Your earlier edits are safe in the file.")
    # The store keeps working once the other program lets go.
    SetFields(Offsite, {"id": offsite.id}, {"venue": "Rooftop"}).apply(demo_store)
    assert demo_store.current_offsite().venue == "Rooftop"  # type: ignore[union-attr]


def test_write_error_message_ignores_other_errors() -> None:
    assert write_error_message(ValueError("x")) is None


def test_cli_says_one_line_when_the_file_is_locked(tmp_path: Path) -> None:
    file = tmp_path / "team.keeper"
    new_file(file).close()
    roster = tmp_path / "r.csv"
    roster.write_text(f"name,role,manager\n{PRIVATE},manager,\n", encoding="utf-8")
    other = _hold_write_lock(file)
    try:
        result = keeper("import-people", str(file), str(roster), tmp=tmp_path)
    finally:
        other.rollback()
        other.close()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert PRIVATE not in result.stderr + result.stdout
    assert result.stderr.strip() == (
        "keeper: team.keeper: the change was NOT saved (another program is using the file). "
        "Your earlier edits are safe in the file.")


@pytest.mark.parametrize("name", ["team?2024.keeper", "q#3 50% off.keeper", "Équipe 東京.keeper"])
def test_any_file_name_opens_that_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    store = new_file(path)
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".keeper") == [name]
    assert check_file(path).counts["offsite"] == 1
    reopened = OffsiteStore.open(path, read_only=True)
    try:
        assert len(reopened.offsites()) == 1
    finally:
        reopened.close()
