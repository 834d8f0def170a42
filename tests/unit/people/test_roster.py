"""Roster import: preview, row report, nothing half imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from keeper.people.roster import RosterError, plan_import
from keeper.people.roster_apply import ImportPeople, apply_import
from keeper.store.models import Attendance, Person
from keeper.store.offsite_file import OffsiteStore


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_good_roster_imports_with_managers(store: OffsiteStore, tmp_path: Path) -> None:
    roster = _csv(tmp_path / "team.csv",
                  "Name,Role,Manager,Email\n"
                  "Rita Reyes,rep,Mo Manager,rita@x.example\n"
                  "Mo Manager,Sales Manager,,mo@x.example\n"
                  "Vera VP,VP Sales,,\n")
    plan = plan_import(store, roster)
    assert plan.rejected == []
    apply_import(store, plan)
    rita = store.session.query(Person).filter_by(name="Rita Reyes").one()
    assert rita.role == "rep"
    assert rita.manager is not None and rita.manager.name == "Mo Manager"
    assert store.session.query(Person).filter_by(name="Vera VP").one().role == "leader"


def test_bad_rows_are_reported_with_reasons(store: OffsiteStore, tmp_path: Path) -> None:
    roster = _csv(tmp_path / "team.csv",
                  "Name,Role,Manager\n"
                  ",rep,\n"
                  "Ann,rep,Nobody Known\n"
                  "Bob,rep,\n"
                  "bob,rep,\n"
                  "Cid,astronaut,\n"
                  "Dee\x07\u202e,rep,\n")
    plan = plan_import(store, roster)
    reasons = {r.row: r.reason for r in plan.rejected}
    assert reasons[2] == "missing name"
    assert "unknown manager" in reasons[3]
    assert "duplicate" in reasons[5] and "row 4" in reasons[5]
    assert "unknown role" in reasons[6]
    assert [r.name for r in plan.accepted] == ["Bob", "Dee\u202e"]  # bell removed, RTL kept


def test_someone_already_in_the_file_is_unchanged_not_rejected(store: OffsiteStore,
                                                                tmp_path: Path) -> None:
    store.session.add(Person(name="Zed", role="rep", active=True))
    store.commit()
    plan = plan_import(store, _csv(tmp_path / "t.csv", "name\nZed\n"))
    assert plan.rejected == [] and plan.accepted == [] and plan.changed == []
    assert [r.name for r in plan.unchanged] == ["Zed"]
    assert not plan.writes


def test_xlsx_roster(store: OffsiteStore, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Full name", "Title", "Reports to"])
    sheet.append(["Quinn", "Manager", None])
    sheet.append(["Rae 🚀", "AE", "Quinn"])
    book.save(tmp_path / "t.xlsx")
    plan = plan_import(store, tmp_path / "t.xlsx")
    assert [(r.name, r.role, r.manager) for r in plan.accepted] == [
        ("Quinn", "manager", None), ("Rae 🚀", "rep", "Quinn")]


def test_nothing_half_imported_on_failure(store: OffsiteStore, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_import(store, _csv(tmp_path / "t.csv", "name\nA\nB\nC\n"))
    before = store.count(Person)
    calls = {"n": 0}
    original_flush = store.session.flush

    def failing_flush(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original_flush(*args, **kwargs)

    monkeypatch.setattr(store.session, "flush", failing_flush)
    with pytest.raises(RuntimeError):
        apply_import(store, plan)
    monkeypatch.undo()
    assert store.count(Person) == before


def test_import_is_undoable(store: OffsiteStore, tmp_path: Path) -> None:
    before = store.count(Person)
    op = ImportPeople(plan_import(store, _csv(tmp_path / "t.csv", "name\nA\nB\n")))
    op.apply(store)
    assert store.count(Person) == before + 2
    op.revert(store)
    assert store.count(Person) == before


def test_imported_leaders_and_managers_attend_the_offsite(store: OffsiteStore,
                                                          tmp_path: Path) -> None:
    """Importing a team into a new offsite left nobody attending: no feedback grid,
    no reflections, no gratitude slides until each leader was ticked by hand."""
    offsite = store.current_offsite()
    assert offsite is not None
    roster = _csv(tmp_path / "team.csv", "Name,Role,Manager\nVera VP,VP Sales,\n"
                  "Mo Manager,manager,Vera VP\nRita Reyes,rep,Mo Manager\n")
    op = ImportPeople(plan_import(store, roster), offsite.id)
    op.apply(store)
    attending = set(store.session.scalars(
        select(Person.name).join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.offsite_id == offsite.id)))
    assert attending == {"Vera VP", "Mo Manager"}  # reps do not attend the offsite
    op.revert(store)
    assert store.count(Attendance) == 0 and store.count(Person) == 0
    op.apply(store)  # redo
    assert store.count(Attendance) == 2


@pytest.mark.parametrize("content,message", [
    (b"\x00\x01garbage", "not a text file"),
    (b"role,email\nrep,a@b\n", "Name"),
])
def test_unreadable_roster(store: OffsiteStore, tmp_path: Path, content: bytes,
                           message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError, match=message):
        plan_import(store, path)


def test_foreign_file_named_xlsx(store: OffsiteStore, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("not a zip")
    with pytest.raises(RosterError, match="not an Excel workbook"):
        plan_import(store, path)
