"""Numbered schema migrations, applied in order, each in its own transaction.

A file's version lives in ``PRAGMA user_version`` (and in ``keeper_meta`` for
people reading the file with other tools). A fresh file is built by applying
every step, so the steps are exercised on every run.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def _load() -> tuple[Migration, ...]:
    files = sorted(
        f for f in resources.files(__package__).iterdir() if f.name.endswith(".sql")
    )
    steps = []
    for expected, file in enumerate(files, start=1):
        number = int(file.name.split("_", 1)[0])
        if number != expected:
            raise RuntimeError(f"migration {file.name} is out of order (expected {expected})")
        steps.append(Migration(number, file.name.removesuffix(".sql"), file.read_text("utf-8")))
    return tuple(steps)


MIGRATIONS: tuple[Migration, ...] = _load()
LATEST_VERSION: int = MIGRATIONS[-1].version


def apply_migrations(conn: sqlite3.Connection, current: int, target: int = LATEST_VERSION) -> None:
    """Bring ``conn`` from ``current`` to ``target``, one transaction per step."""
    for step in MIGRATIONS:
        if current < step.version <= target:
            script = (
                "BEGIN IMMEDIATE;\n"
                f"{step.sql}\n"
                f"INSERT OR REPLACE INTO keeper_meta(key, value) "
                f"VALUES ('schema_version', '{step.version}');\n"
                f"PRAGMA user_version = {step.version};\n"
                "COMMIT;"
            )
            try:
                conn.executescript(script)
            except Exception:
                if conn.in_transaction:
                    conn.rollback()
                raise
