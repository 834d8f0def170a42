"""Roles, kinds, tags and modes read as their enums; the file keeps the same plain text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from keeper.ops import InsertRow, SetFields
from keeper.store.enum_column import StoredEnum, UnknownKind
from keeper.store.kinds import role_rank
from keeper.store.models import (
    AgendaItem,
    Base,
    ItemKind,
    Offsite,
    OffsiteKind,
    Person,
    Quadrant,
    QuadrantNote,
    Role,
)
from keeper.store.offsite_file import OffsiteStore, StoreError

ENUM_COLUMNS = [(table.name, column.name) for table in Base.metadata.sorted_tables
                for column in table.columns if isinstance(column.type, StoredEnum)]


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_every_fixed_vocabulary_column_is_an_enum() -> None:
    assert sorted(ENUM_COLUMNS) == [
        ("agenda_item", "content_tag"), ("agenda_item", "kind"), ("feedback", "kind"),
        ("goal", "layer"), ("offsite", "kind"), ("okr", "kind"), ("person", "role"),
        ("quadrant_note", "quadrant"), ("runner_state", "state"), ("tally_settings", "mode")]


def test_people_are_listed_leaders_then_managers_then_reps() -> None:
    roles = ["rep", Role.MANAGER, "", "leader", Role.REP]
    assert sorted(roles, key=role_rank) == ["leader", Role.MANAGER, "rep", Role.REP, ""]


def test_a_stored_value_round_trips_as_its_enum_and_as_the_same_text(demo_path: Path) -> None:
    store = OffsiteStore.open(demo_path)
    try:
        offsite = store.current_offsite()
        assert offsite is not None and offsite.kind is OffsiteKind.LEADERSHIP
        assert {type(i.kind) for i in offsite.agenda} == {ItemKind}
        added = InsertRow(Person, {"name": "Noor", "role": Role.REP}, "Add")
        added.apply(store)
        person_id = added.key["id"]
        promote = SetFields(Person, {"id": person_id}, {"role": Role.LEADER}, "Promote")
        promote.apply(store)
        assert _raw(demo_path, f"SELECT role FROM person WHERE id = {person_id}") == [("leader",)]
        promote.revert(store)  # undo writes back what it read: the enum
        SetFields(Person, {"id": person_id}, {"role": "manager"}, "Promote").apply(store)
    finally:
        store.close()
    assert _raw(demo_path, f"SELECT role FROM person WHERE id = {person_id}") == [("manager",)]
    stored_kinds = {row[0] for row in _raw(demo_path, "SELECT kind FROM agenda_item")}
    assert stored_kinds == {"session", "break", "lunch"}
    again = OffsiteStore.open(demo_path)
    try:
        person = again.session.get(Person, person_id)
        assert person is not None and person.role is Role.MANAGER
        notes = again.session.scalars(select(QuadrantNote)).all()
        assert {type(n.quadrant) for n in notes} == {Quadrant}
        sessions = again.session.scalars(
            select(AgendaItem).where(AgendaItem.kind == ItemKind.SESSION)).all()
        assert sessions and all(i.kind is ItemKind.SESSION for i in sessions)
        kickoffs = again.session.scalars(select(Offsite).where(Offsite.kind == "kickoff")).all()
        assert all(o.kind is OffsiteKind.KICKOFF for o in kickoffs)
    finally:
        again.close()


@pytest.mark.parametrize(("table", "column"), ENUM_COLUMNS)
def test_an_unknown_stored_word_is_named_when_the_file_opens_not_mid_day(
        demo_path: Path, table: str, column: str) -> None:
    conn = sqlite3.connect(demo_path)
    good = conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL "
                        "ORDER BY rowid LIMIT 1").fetchone()
    assert good is not None, f"the demo has no {table}.{column} to spoil"
    where = (f"WHERE rowid = (SELECT min(rowid) FROM {table} WHERE {column} IS NOT NULL)")
    conn.execute(f"UPDATE {table} SET {column} = 'Boss of all' {where}")
    conn.commit()
    conn.close()
    before = _raw(demo_path, f"SELECT * FROM {table} ORDER BY rowid")
    what = next(c.type.what for t in Base.metadata.sorted_tables if t.name == table
                for c in t.columns if c.name == column)
    for read_only in (False, True):
        with pytest.raises(UnknownKind) as caught:
            OffsiteStore.open(demo_path, read_only=read_only)
        assert isinstance(caught.value, StoreError)  # what the window reports as the file's
        message = str(caught.value)
        assert f"holds a {what} that Keeper does not know ({table}.{column})" in message
        assert "Restore from backup" in message and "Boss of all" not in message
    assert _raw(demo_path, f"SELECT * FROM {table} ORDER BY rowid") == before
    conn = sqlite3.connect(demo_path)  # mended by hand, it opens for editing again:
    conn.execute(f"UPDATE {table} SET {column} = ? {where}", good)  # the lock was let go
    conn.commit()
    conn.close()
    OffsiteStore.open(demo_path).close()


def test_a_bare_unknown_kind_is_refused_when_written(demo_store: OffsiteStore) -> None:
    with pytest.raises(StatementError, match="A role is one of: leader, manager, rep"):
        InsertRow(Person, {"name": "Sam", "role": "boss"}, "Add").apply(demo_store)
    assert demo_store.session.scalars(select(Person).where(Person.name == "Sam")).all() == []
