"""Build the frozen fixture files: one offsite file per released schema version.

Each ``vN.keeper`` is made with the migration scripts as they were when version N
shipped (read from git history, not from today's files), so an old script edited
in place is caught by ``tests/unit/store/test_frozen_migrations.py``. Every table
of that version gets a row. The files are committed; run this only to add a
newly released version:  python tests/data/migrations/build_fixtures.py
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
APPLICATION_ID = 0x4B455052
# version -> (commit that released it, path of its script at that commit)
RELEASES = {
    1: ("10ec77a", "keeper/migrations/0001_foundation.sql"),
    2: ("10ec77a", "keeper/migrations/0002_runner_board_quadrant.sql"),
    3: ("9278c04", "keeper/migrations/0003_offsite_day.sql"),
    4: ("0d475e7", "keeper/migrations/0004_kickoff.sql"),
}
KNOWN = {  # rows a Keeper of that version would write, for the tables the test reads back
    "person": {"name": "Dana Whitfield", "role": "leader", "active": 1},
    "offsite": {"title": "Spring offsite", "kind": "leadership", "date": "2025-04-10",
                "day_start": "09:00:00.000000", "created_at": "2025-03-01 10:00:00.000000"},
    "agenda_item": {"position": 0, "day": 1, "title": "OKR postmortem", "kind": "session",
                    "planned_minutes": 45, "protected": 0, "warn_amber_s": 120,
                    "warn_red_s": 30},
    # the fixed vocabularies hold one of their words, as every Keeper wrote them
    "quadrant_note": {"quadrant": "high_motivation_high_skill"},
    "tally_settings": {"mode": "supporters"},
    "runner_state": {"state": "idle"},
    "feedback": {"kind": "start"},
    "okr": {"kind": "review"},
    "goal": {"layer": "outcome"},
}


def _value(column: str, declared: str) -> object:
    declared = declared.upper()
    if column.endswith("_id"):
        return 1
    if declared.startswith(("INTEGER", "BOOLEAN")):
        return 1
    if declared.startswith(("FLOAT", "NUMERIC", "REAL")):
        return 0.5
    if declared.startswith("DATETIME"):
        return "2025-04-10 09:00:00.000000"
    if declared.startswith("DATE"):
        return "2025-04-10"
    if declared.startswith("TIME"):
        return "09:00:00.000000"
    return f"v-{column}"


def _fill(conn: sqlite3.Connection) -> None:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name != 'keeper_meta' "
        "ORDER BY rowid")]
    for table in tables:
        if conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            continue
        values: dict[str, object] = {}
        for _cid, name, declared, notnull, default, _pk in conn.execute(
                f"PRAGMA table_info({table})"):
            if name == "id":
                values[name] = 1
            elif name in KNOWN.get(table, {}):
                values[name] = KNOWN[table][name]
            elif notnull and default is None:
                values[name] = _value(name, declared)
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))


def build(version: int) -> Path:
    path = HERE / f"v{version}.keeper"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")  # as Keeper leaves its files
    for step in range(1, version + 1):
        commit, script = RELEASES[step]
        sql = subprocess.run(["git", "show", f"{commit}:{script}"], check=True,
                             capture_output=True, text=True, cwd=HERE).stdout
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT OR REPLACE INTO keeper_meta(key, value) "
            f"VALUES ('schema_version', '{step}');\nPRAGMA user_version = {step};\nCOMMIT;")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN")
        _fill(conn)
        conn.execute("COMMIT")
    conn.close()
    path.chmod(0o600)
    return path


if __name__ == "__main__":
    for number in RELEASES:
        print(build(number))
