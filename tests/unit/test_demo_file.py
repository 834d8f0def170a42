"""The prebuilt demo: a fresh copy is the demo a build at that moment would write,
and the shipped file is the demo as built now (else: ``python -m keeper.demo_file``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import keeper.demo_file as demo_file
from keeper.clock import FakeClock
from keeper.demo_file import REFERENCE, copy_demo
from keeper.store.files import fresh_demo_file, new_file
from keeper.store.paths import demo_file as demo_path

Rows = dict[str, list[tuple[object, ...]]]


def _rows(path: Path) -> Rows:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                for t in tables}
    finally:
        conn.close()


def _differences(built: Rows, copied: Rows) -> list[str]:
    found = []
    for table, rows in built.items():
        if copied.get(table) != rows:
            pairs = [(a, b) for a, b in zip(rows, copied.get(table, []), strict=False)
                     if a != b]
            found.append(f"{table}: built {pairs[:1] or rows[:1]}, copied "
                         f"{copied.get(table, [])[:1] if not pairs else ''}")
    return found


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Set the machine's time zone for one test (``zone("America/New_York")``)."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def _build(path: Path, now: dt.datetime) -> Rows:
    new_file(path, demo=True, clock=FakeClock(now)).close()
    return _rows(path)


def test_the_shipped_demo_is_the_demo_built_today(tmp_path: Path, zone) -> None:
    zone("UTC")
    built = _build(tmp_path / "built.keeper", REFERENCE)
    shipped = _rows(Path(demo_file.__file__).parents[1] / "resources" / "demo" / "demo.keeper")
    assert _differences(built, shipped) == [], (
        "resources/demo/demo.keeper is not the demo keeper/demo.py builds: "
        "run `python -m keeper.demo_file` and commit the file")


@pytest.mark.parametrize(("zone_name", "moment"), [
    ("UTC", REFERENCE),
    ("UTC", REFERENCE + dt.timedelta(days=1)),
    ("UTC", REFERENCE + dt.timedelta(hours=12, minutes=40)),  # the day began yesterday
    ("UTC", REFERENCE - dt.timedelta(days=200, hours=11, minutes=25, seconds=7)),
    ("America/New_York", REFERENCE + dt.timedelta(days=70, hours=9, minutes=59, seconds=59)),
    ("America/New_York", REFERENCE - dt.timedelta(days=200, hours=11, minutes=25)),  # summer
    ("Asia/Kolkata", REFERENCE + dt.timedelta(days=40, hours=5)),
    ("UTC", REFERENCE - dt.timedelta(hours=9, minutes=40)),  # 02:00: the day not begun
    ("UTC", REFERENCE - dt.timedelta(hours=4, minutes=10)),  # 07:30: the day waits at 09:00
    ("UTC", REFERENCE + dt.timedelta(hours=9, minutes=20)),  # 21:00: a later day at dinner
    ("Europe/Berlin", REFERENCE + dt.timedelta(hours=10, minutes=50)),  # 23:30: day done
])
def test_a_copy_is_the_demo_a_build_at_that_moment_writes(tmp_path: Path, zone,
                                                          zone_name: str,
                                                          moment: dt.datetime) -> None:
    zone(zone_name)
    built = _build(tmp_path / "built.keeper", moment)
    assert copy_demo(tmp_path / "copy.keeper", FakeClock(moment))
    assert _differences(built, _rows(tmp_path / "copy.keeper")) == []


def test_a_fresh_demo_is_copied_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    import keeper.demo

    def no_build(*_args: object) -> None:
        raise AssertionError("the demo was built, not copied")

    monkeypatch.setattr(keeper.demo, "build_demo", no_build)
    clock = FakeClock(REFERENCE + dt.timedelta(days=3))
    store = fresh_demo_file(clock)
    try:
        offsite = store.current_offsite()
        assert offsite is not None
        assert offsite.title == "Autumn leadership offsite"
        assert offsite.date == dt.date(2026, 11, 26)
        assert store.path == demo_path()
        assert store.path.stat().st_mode & 0o077 == 0  # owner-only, like every offsite file
    finally:
        store.close()


def test_an_older_prebuilt_file_is_never_used(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.keeper"
    old.write_bytes((Path(demo_file.__file__).parents[1] / "resources" / "demo"
                     / "demo.keeper").read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    monkeypatch.setattr(demo_file, "resource", lambda *_parts: old)
    target = tmp_path / "demo.keeper"
    assert copy_demo(target, FakeClock(REFERENCE)) is False
    assert not target.exists()  # nothing half-made is left; the demo is built instead
    store = fresh_demo_file(FakeClock(REFERENCE))
    try:
        assert store.current_offsite() is not None
    finally:
        store.close()
