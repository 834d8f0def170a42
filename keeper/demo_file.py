"""The demo offsite from a file built ahead of time, copied and moved to now.

Building the demo through the ORM costs ~0.4 s of CPU with its imports, most of what
``keeper --demo`` waited for. ``resources/demo/demo.keeper`` is the demo as
:func:`keeper.demo.build_demo` writes it at ``REFERENCE`` (in UTC); a fresh demo copies
it and moves each moment as a build at ``now`` would have placed it:

- the offsite under way (the one whose runner is running) is placed around now: its day
  starts as long before now as at ``REFERENCE`` (to the minute), its agenda's actual
  times and the running session's deadline move with it, and its monthly check-ins
  follow its new date;
- every other date (past offsites, their agendas, the kickoff's measures and
  check-ins) moves by the whole days between ``REFERENCE`` and now;
- creation moments move by exactly the time since ``REFERENCE``.

``tests/unit/test_demo_file.py`` holds the copy equal to a build at several moments and
the shipped file equal to a build at ``REFERENCE``; after changing the demo, rebuild it:
``python -m keeper.demo_file``. A missing file or one of an older schema is never used:
the demo is then built as before.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from keeper.clock import Clock, FakeClock
from keeper.dates import monthly_check_ins
from keeper.resources import resource
from keeper.store.migrations import LATEST_VERSION
from keeper.store.probe import create_private_file

REFERENCE = dt.datetime(2026, 11, 23, 11, 40, 15, tzinfo=dt.UTC)
RESOURCE = ("demo", "demo.keeper")
MOMENT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DATETIME in SQLite
DAY = "%Y-%m-%d"


def _moment(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, MOMENT)


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, DAY).date()


def _local_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None)


def _update(conn: sqlite3.Connection, table: str, column: str, where: str,
            args: tuple[object, ...], change: Callable[[str], str]) -> None:
    rows = conn.execute(f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL "
                        f"AND ({where})", args).fetchall()
    conn.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                     [(change(value), rowid) for rowid, value in rows])


def move_to(conn: sqlite3.Connection, now: dt.datetime) -> None:
    """Move the demo in ``conn`` (as built at ``REFERENCE``) to ``now``; the caller commits."""
    reference_local = REFERENCE.replace(tzinfo=None)  # the file was built in UTC
    since = _local_naive(now) - reference_local
    days = dt.timedelta(days=(now.date() - REFERENCE.date()).days)
    running = conn.execute("SELECT offsite_id FROM runner_state "
                           "WHERE state = 'running'").fetchone()
    today_id = running[0] if running else -1

    def by_days(text: str) -> str:
        return (_day(text) + days).strftime(DAY)

    def moment_by_days(text: str) -> str:
        return (_moment(text) + days).strftime(MOMENT)

    # The past offsites and the kickoff: whole days.
    _update(conn, "offsite", "date", "id != ?", (today_id,), by_days)
    _update(conn, "agenda_item", "actual_start", "offsite_id != ?", (today_id,), moment_by_days)
    _update(conn, "agenda_item", "actual_end", "offsite_id != ?", (today_id,), moment_by_days)
    _update(conn, "metric_measure", "measured_on", "1", (), by_days)

    # The offsite under way: its day starts as long before now as it did at REFERENCE.
    today = conn.execute("SELECT date, day_start FROM offsite WHERE id = ?",
                         (today_id,)).fetchone()
    monthly: set[str] = set()
    if today is not None and today[0] is not None:
        old_date = _day(today[0])
        started = dt.datetime.combine(old_date, dt.time.fromisoformat(today[1]))
        new_start = (_local_naive(now) - (reference_local - started)).replace(
            second=0, microsecond=0)
        shift = new_start - started
        conn.execute("UPDATE offsite SET date = ?, day_start = ? WHERE id = ?",
                     (new_start.strftime(DAY), new_start.time().strftime("%H:%M:%S.%f"),
                      today_id))

        def moment_with_day(text: str) -> str:
            return (_moment(text) + shift).strftime(MOMENT)

        _update(conn, "agenda_item", "actual_start", "offsite_id = ?", (today_id,),
                moment_with_day)
        _update(conn, "agenda_item", "actual_end", "offsite_id = ?", (today_id,),
                moment_with_day)
        utc_offset = now.astimezone().utcoffset() or dt.timedelta(0)

        def deadline_with_day(text: str) -> str:  # deadlines are in UTC
            return (_moment(text) + shift - utc_offset).strftime(MOMENT)

        _update(conn, "runner_state", "deadline", "offsite_id = ?", (today_id,),
                deadline_with_day)
        old_months = [d.strftime(DAY) for d in monthly_check_ins(old_date, 6)]
        rows = conn.execute("SELECT rowid, date FROM check_in WHERE offsite_id = ? "
                            "ORDER BY date", (today_id,)).fetchall()
        if [r[1] for r in rows] == old_months:  # a check-in a month: from the new date
            new_months = monthly_check_ins(new_start.date(), 6)
            conn.executemany("UPDATE check_in SET date = ? WHERE rowid = ?",
                             [(d.strftime(DAY), r[0]) for d, r in zip(new_months, rows,
                                                                        strict=True)])
            monthly = {str(r[0]) for r in rows}
    skip = ",".join(monthly) or "-1"
    _update(conn, "check_in", "date", f"rowid NOT IN ({skip})", (), by_days)

    # Creation moments: exactly the time since REFERENCE (notes to the second).
    _update(conn, "offsite", "created_at", "1", (),
            lambda text: (_moment(text) + since).strftime(MOMENT))
    _update(conn, "note", "created_at", "1", (),
            lambda text: (_moment(text) + since).replace(microsecond=0).strftime(MOMENT))


def copy_demo(target: Path, clock: Clock) -> bool:
    """Write a fresh demo to ``target`` from the prebuilt file; False when there is none
    usable (nothing is left at ``target`` then, and the caller builds the demo)."""
    source = resource(*RESOURCE)
    if not source.is_file():
        return False
    create_private_file(target)  # owner-only, like every offsite file
    moved = False
    try:
        with open(target, "wb") as out:
            out.write(source.read_bytes())
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION:
                conn.execute("BEGIN")
                move_to(conn, clock.now())
                conn.execute("COMMIT")
                moved = True
        finally:
            conn.close()
    finally:
        if not moved:  # an older file, or a failure half-way: no demo in the past
            target.unlink(missing_ok=True)
    return moved


def _write_resource(path: Path) -> None:
    """Build the demo at ``REFERENCE`` in UTC into ``path`` (replacing it)."""
    from keeper.store.files import new_file

    os.environ["TZ"] = "UTC"
    time.tzset()
    os.environ["KEEPER_DATA_DIR"] = tempfile.mkdtemp(prefix="keeper-demo-")  # its backups
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    store = new_file(path, demo=True, clock=FakeClock(REFERENCE))
    store.close()
    path.with_name(path.name + ".lock").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":  # python -m keeper.demo_file: rebuild the shipped demo
    destination = Path(__file__).resolve().parents[1].joinpath("resources", *RESOURCE)
    destination.parent.mkdir(parents=True, exist_ok=True)
    _write_resource(destination)
    print(f"wrote {destination}", file=sys.stderr)
