"""One file, one identity: backups and the writer lock follow the file, not its name."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from keeper.clock import FakeClock
from keeper.ops import InsertRow
from keeper.store import backups, paths
from keeper.store.files import fresh_demo_file, new_file
from keeper.store.models import Person
from keeper.store.offsite_file import OffsiteStore
from keeper.store.recent import last_used_file, remember


def _team_file(folder: Path, people: int) -> Path:
    folder.mkdir()
    path = folder / "team.keeper"
    store = new_file(path, clock=FakeClock())
    for n in range(people):
        InsertRow(Person, {"name": f"{folder.name} {n}", "role": "rep"}).apply(store)
    store.close()
    OffsiteStore.open(path).close()  # backed up as it now is
    return path


def test_two_files_with_one_name_keep_their_own_backups(tmp_path: Path) -> None:
    east = _team_file(tmp_path / "east", 2)
    west = _team_file(tmp_path / "west", 5)
    for _ in range(3):
        OffsiteStore.open(west).close()
    east_copies = backups.list_backups(east)
    assert east_copies and not set(east_copies) & set(backups.list_backups(west))
    summary = backups.summarize(east_copies[0].path)
    assert summary is not None and summary.people == 2  # never the west team's people


def test_an_ordinary_open_keeps_the_last_good_copy(demo_path: Path) -> None:
    store = OffsiteStore.open(demo_path)
    InsertRow(Person, {"name": "Good work", "role": "rep"}).apply(store)
    store.close()
    OffsiteStore.open(demo_path).close()  # the edit is backed up
    good = backups.list_backups(demo_path)
    for _ in range(backups.KEEP_PER_FILE + 3):  # looking, not editing
        OffsiteStore.open(demo_path).close()
    assert backups.list_backups(demo_path) == good
    assert backups.summarize(good[0].path).people == 37  # type: ignore[union-attr]
    assert backups.summarize(good[1].path).people == 36  # type: ignore[union-attr]


def test_the_newest_copy_of_each_day_is_kept_for_a_week(demo_path: Path) -> None:
    now = datetime(2026, 12, 3, 18, 0)
    for days_ago in (9, 3, 1):
        for hour in (9, 17):
            backups.make_backup(demo_path, "auto", now=now - timedelta(days=days_ago, hours=hour))
    for minute in range(backups.KEEP_PER_FILE + 2):  # a busy day today
        backups.make_backup(demo_path, "auto", now=now - timedelta(minutes=30 - minute))
    kept = backups.list_backups(demo_path)
    days = {b.taken.date() for b in kept}
    assert (now - timedelta(days=3, hours=9)).date() in days
    assert (now - timedelta(days=1, hours=9)).date() in days
    assert (now - timedelta(days=9)).date() not in days  # older than a week
    day_one = [b for b in kept if b.taken.date() == (now - timedelta(days=1, hours=9)).date()]
    assert [b.taken.hour for b in day_one] == [9]  # 18:00 - 9 h: the newest of that day


def test_a_symlink_or_hard_link_cannot_get_a_second_writer(demo_path: Path,
                                                           tmp_path: Path) -> None:
    other_folder = tmp_path / "elsewhere"
    other_folder.mkdir()
    symlink = other_folder / "shortcut.keeper"
    symlink.symlink_to(demo_path)
    hard = other_folder / "hard.keeper"
    os.link(demo_path, hard)
    first = OffsiteStore.open(demo_path)
    try:
        for other_name in (symlink, hard):
            second = OffsiteStore.open(other_name)
            try:
                assert second.read_only and second.held_by is not None
            finally:
                second.close()
    finally:
        first.close()
    again = OffsiteStore.open(hard)  # once the first writer is gone, the link may write
    assert not again.read_only
    again.close()


def test_plain_keeper_opens_the_last_file_used(tmp_path: Path) -> None:
    assert last_used_file() is None  # first run: the demo
    team = tmp_path / "team.keeper"
    new_file(team).close()
    remember(team)
    assert last_used_file() == team.resolve()
    team.unlink()
    new_file(paths.suggested_new_file()).close()
    assert last_used_file() == paths.default_offsite_file()
    assert paths.suggested_new_file().name == "offsites 2.keeper"


def test_a_fresh_demo_keeps_the_edits_of_the_old_one(clock: FakeClock) -> None:
    demo = fresh_demo_file(clock)
    path = demo.path
    demo.close()
    OffsiteStore.open(path).close()  # looked at only: nothing to keep
    fresh_demo_file(clock).close()
    assert not [b for b in backups.list_backups(path) if b.reason == "before-fresh-demo"]
    store = OffsiteStore.open(path)
    InsertRow(Person, {"name": "My own rep", "role": "rep"}).apply(store)
    store.close()
    fresh = fresh_demo_file(clock)
    assert fresh.path == path
    assert fresh.session.query(Person).filter_by(name="My own rep").count() == 0
    fresh.close()
    kept = [b for b in backups.list_backups(path) if b.reason == "before-fresh-demo"]
    assert len(kept) == 1
    again = OffsiteStore.open(kept[0].path, read_only=True)
    try:
        assert again.session.query(Person).filter_by(name="My own rep").count() == 1
    finally:
        again.close()
