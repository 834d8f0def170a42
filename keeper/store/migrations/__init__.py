"""Numbered schema migrations, applied in order, all pending steps in one transaction.

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
        (f for f in resources.files(__package__).iterdir() if f.name.endswith(".sql")),
        key=lambda f: f.name,
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


class MigrationFailed(Exception):
    """A step could not be applied; nothing of the upgrade was kept."""

    def __init__(self, step: Migration, reason: str) -> None:
        super().__init__(f"{step.name}: {reason}")
        self.step = step
        self.reason = reason


def apply_migrations(conn: sqlite3.Connection, current: int, target: int = LATEST_VERSION) -> None:
    """Bring ``conn`` from ``current`` to ``target`` in ONE transaction: a step that
    fails leaves the file exactly as it was, never half upgraded."""
    pending = [step for step in MIGRATIONS if current < step.version <= target]
    if not pending:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in pending:
            try:
                _run_step(conn, step)
            except sqlite3.Error as exc:
                raise MigrationFailed(step, str(exc)) from exc
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise


def _run_step(conn: sqlite3.Connection, step: Migration) -> None:
    # executescript() would COMMIT first: run the script's statements one by one.
    for statement in _statements(step.sql):
        conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO keeper_meta(key, value) VALUES ('schema_version', ?)",
                 (str(step.version),))
    conn.execute(f"PRAGMA user_version = {step.version}")


def _statements(sql: str) -> list[str]:
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
            ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()):
        statements.append(buffer.strip())
    return statements
