"""The demo offsite from a file built ahead of time, copied and moved to now.

Building the demo through the ORM costs ~0.4 s of CPU with its imports, most of what
``keeper --demo`` waited for. ``resources/demo/demo.keeper`` is the demo as
:func:`keeper.demo.build_demo` writes it at ``REFERENCE`` (in UTC); a fresh demo copies
it and moves each moment as a build at ``now`` would have placed it:

- today's offsite (the one with a runner) is placed around now by
  :func:`keeper.demo_day.place_day`, the rule a build uses: its date and start, its
  agenda's actual times and the runner (the session under way and its deadline, or
  waiting, or done) are written afresh, and its monthly check-ins follow its new date;
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
from keeper.demo_day import place_day, utc_naive
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


def _text(moment: dt.datetime | None) -> str | None:
    return moment.strftime(MOMENT) if moment is not None else None


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
    running = conn.execute("SELECT offsite_id FROM runner_state").fetchone()
    today_id = running[0] if running else -1  # the one offsite with a runner: today's

    def by_days(text: str) -> str:
        return (_day(text) + days).strftime(DAY)

    def moment_by_days(text: str) -> str:
        return (_moment(text) + days).strftime(MOMENT)

    # The past offsites and the kickoff: whole days.
    _update(conn, "offsite", "date", "id != ?", (today_id,), by_days)
    _update(conn, "agenda_item", "actual_start", "offsite_id != ?", (today_id,), moment_by_days)
    _update(conn, "agenda_item", "actual_end", "offsite_id != ?", (today_id,), moment_by_days)
    _update(conn, "metric_measure", "measured_on", "1", (), by_days)

    # The offsite under way: its day placed around now (keeper.demo_day), as a build does.
    today = conn.execute("SELECT date FROM offsite WHERE id = ?", (today_id,)).fetchone()
    monthly: set[str] = set()
    if today is not None and today[0] is not None:
        items = conn.execute("SELECT id, planned_minutes FROM agenda_item WHERE offsite_id = ? "
                             "ORDER BY day, position, id", (today_id,)).fetchall()
        day = place_day([minutes for _id, minutes in items], _local_naive(now))
        conn.execute("UPDATE offsite SET date = ?, day_start = ? WHERE id = ?",
                     (day.start.strftime(DAY), day.start.time().strftime("%H:%M:%S.%f"),
                      today_id))
        conn.executemany(
            "UPDATE agenda_item SET actual_start = ?, actual_end = ? WHERE id = ?",
            [(_text(start), _text(end), item_id)
             for (item_id, _minutes), (start, end) in zip(items, day.actuals, strict=True)])
        conn.execute("UPDATE runner_state SET state = ?, item_id = ?, deadline = ?, "
                     "remaining_s = NULL WHERE offsite_id = ?",
                     (day.state, items[day.current][0] if day.current is not None else None,
                      _text(utc_naive(day.deadline)) if day.deadline is not None else None,
                      today_id))
        old_date = _day(today[0])
        old_months = [d.strftime(DAY) for d in monthly_check_ins(old_date, 6)]
        rows = conn.execute("SELECT rowid, date FROM check_in WHERE offsite_id = ? "
                            "ORDER BY date", (today_id,)).fetchall()
        if [r[1] for r in rows] == old_months:  # a check-in a month: from the new date
            new_months = monthly_check_ins(day.start.date(), 6)
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
