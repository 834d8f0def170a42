"""Importing placements from .csv/.xlsx: scales, bad rows, all or nothing, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from keeper.quadrant.ops import RemovePlacement, load_placements
from keeper.quadrant.placement_import import (
    ImportPlacements,
    PlacementImportError,
    parse_score,
    plan_placements,
)
from keeper.quadrant.rules import Quadrant, Scale
from keeper.store.models import Offsite, Person, Placement
from keeper.store.offsite_file import OffsiteStore


def _today(store: OffsiteStore) -> Offsite:
    offsite = store.current_offsite()
    assert offsite is not None
    return offsite


def _id(store: OffsiteStore, name: str) -> int:
    return store.session.scalars(select(Person.id).where(Person.name == name)).one()


def _csv(tmp_path: Path, text: str, name: str = "placements.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _placed(store: OffsiteStore, offsite_id: int) -> dict[int, tuple[float, float]]:
    store.session.expire_all()
    return {p.rep_id: (p.skill, p.motivation) for p in load_placements(store, offsite_id)}


def test_one_to_ten_scale_csv(demo_store: OffsiteStore, tmp_path: Path) -> None:
    today = _today(demo_store)
    path = _csv(tmp_path, "Rep,Skill,Motivation\nOwen Murphy,10,1\nchloe martin ,1,10\n")
    plan = plan_placements(demo_store, today.id, path)
    assert plan.scale is Scale.ONE_TO_TEN and not plan.scale_from_header
    assert plan.rejected == []
    rows = {r.name: r for r in plan.accepted}
    assert (rows["Owen Murphy"].skill, rows["Owen Murphy"].motivation) == (1.0, 0.0)
    assert rows["Chloe Martin"].quadrant is Quadrant.HIGH_MOTIVATION_LOW_SKILL
    assert rows["Owen Murphy"].replaces is not None  # the demo already placed him
    ImportPlacements(plan).apply(demo_store)
    placed = _placed(demo_store, today.id)
    assert placed[_id(demo_store, "Owen Murphy")] == (1.0, 0.0)
    assert placed[_id(demo_store, "Chloe Martin")] == (0.0, 1.0)


def test_unit_scale_xlsx_with_manager_and_note(demo_store: OffsiteStore, tmp_path: Path) -> None:
    today = _today(demo_store)
    owen = demo_store.session.get(Person, _id(demo_store, "Owen Murphy"))
    manager = demo_store.session.get(Person, owen.manager_id)
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Manager", "Skill", "Motivation", "Notes"])
    sheet.append(["Owen Murphy", manager.name, 0.25, 0.75, "Ready for more coaching"])
    sheet.append(["Chloe Martin", "Nobody Known", 1, 0, None])
    path = tmp_path / "placements.xlsx"
    book.save(path)
    plan = plan_placements(demo_store, today.id, path)
    assert plan.scale is Scale.UNIT
    assert [r.name for r in plan.accepted] == ["Owen Murphy", "Chloe Martin"]
    assert len(plan.warnings) == 1 and "Nobody Known" in plan.warnings[0][1]
    op = ImportPlacements(plan)
    op.apply(demo_store)
    row = demo_store.session.scalars(select(Placement).where(
        Placement.offsite_id == today.id, Placement.person_id == owen.id)).one()
    assert (row.skill, row.motivation, row.note) == (0.25, 0.75, "Ready for more coaching")
    op.revert(demo_store)
    demo_store.session.expire_all()
    assert row.note is None and row.skill != 0.25


def test_header_names_the_scale(demo_store: OffsiteStore, tmp_path: Path) -> None:
    today = _today(demo_store)
    # All values are 1: ambiguous, but the header says 1-10, so 1 is the bottom.
    path = _csv(tmp_path, "Rep,Skill (1-10),Motivation (1-10)\nOwen Murphy,1,1\n")
    plan = plan_placements(demo_store, today.id, path)
    assert plan.scale is Scale.ONE_TO_TEN and plan.scale_from_header
    assert (plan.accepted[0].skill, plan.accepted[0].motivation) == (0.0, 0.0)
    assert "1–10" in plan.report()
    plan = plan_placements(demo_store, today.id,
                           _csv(tmp_path, "Rep,Skill,Motivation\nOwen Murphy,1,1\n", "b.csv"))
    assert plan.scale is Scale.UNIT and plan.accepted[0].skill == 1.0


def test_bad_rows_are_reported_and_good_rows_kept(demo_store: OffsiteStore,
                                                  tmp_path: Path) -> None:
    today = _today(demo_store)
    manager = demo_store.session.get(
        Person, demo_store.session.get(Person, _id(demo_store, "Owen Murphy")).manager_id)
    path = _csv(tmp_path, "\n".join([
        "Rep;Skill;Motivation",
        "Owen Murphy;7;8",            # 2 ok
        "Nobody Here;5;5",            # 3 unknown rep
        "Chloe Martin;;5",            # 4 missing skill
        "Chloe Martin;5;11",          # 5 out of range
        "Owen Murphy;6;6",            # 6 duplicate
        f"{manager.name};5;5",        # 7 not a rep
        ";5;5",                       # 8 missing name
        "Chloe Martin;0;5",           # 9 out of range (below 1 on 1-10)
        "Chloe Martin;nan;5",         # 10 not a number
        "Chloe Martin;=1+1;5",        # 11 formula-like text
        "Chloe Martin;4,5;5",         # 12 ok (comma decimal)
        "",
    ]) + "\n")
    plan = plan_placements(demo_store, today.id, path)
    assert plan.scale is Scale.ONE_TO_TEN
    assert [r.row for r in plan.accepted] == [2, 12]
    reasons = {r.row: r.reason for r in plan.rejected}
    assert set(reasons) == {3, 4, 5, 6, 7, 8, 9, 10, 11}
    assert "unknown rep" in reasons[3]
    assert "missing skill" in reasons[4]
    assert "out of range" in reasons[5] and "out of range" in reasons[9]
    assert "duplicate" in reasons[6] and "row 2" in reasons[6]
    assert "not a rep" in reasons[7]
    assert "missing rep" in reasons[8]
    assert "not a number" in reasons[10] and "not a number" in reasons[11]
    assert "row 5" in plan.report()
    assert plan.accepted[1].skill == pytest.approx(3.5 / 9)


def test_unit_scale_out_of_range(demo_store: OffsiteStore, tmp_path: Path) -> None:
    today = _today(demo_store)
    path = _csv(tmp_path, "Rep,Skill,Motivation\nOwen Murphy,0.5,-0.2\nChloe Martin,0.3,0.9\n")
    plan = plan_placements(demo_store, today.id, path)
    assert plan.scale is Scale.UNIT
    assert [r.row for r in plan.rejected] == [2]
    assert "out of range (0 to 1)" in plan.rejected[0].reason


def test_nothing_written_by_planning_and_nothing_half_imported(demo_store: OffsiteStore,
                                                               tmp_path: Path) -> None:
    today = _today(demo_store)
    before = _placed(demo_store, today.id)
    path = _csv(tmp_path, "Rep,Skill,Motivation\nOwen Murphy,2,2\nChloe Martin,3,3\n")
    plan = plan_placements(demo_store, today.id, path)
    assert _placed(demo_store, today.id) == before
    # The file changed under the plan: a rep was deleted; the write fails as a whole.
    demo_store.session.delete(demo_store.session.get(Person, _id(demo_store, "Chloe Martin")))
    demo_store.commit()
    before = _placed(demo_store, today.id)
    with pytest.raises(Exception):  # noqa: B017 - foreign key: the rep is gone
        ImportPlacements(plan).apply(demo_store)
    assert _placed(demo_store, today.id) == before


def test_import_places_unplaced_reps_and_undo_removes_them(demo_store: OffsiteStore,
                                                           tmp_path: Path) -> None:
    today = _today(demo_store)
    owen = _id(demo_store, "Owen Murphy")
    RemovePlacement(today.id, owen).apply(demo_store)
    plan = plan_placements(demo_store, today.id,
                           _csv(tmp_path, "Rep,Skill,Motivation\nOwen Murphy,0.9,0.1\n"))
    assert plan.accepted[0].replaces is None
    op = ImportPlacements(plan)
    op.apply(demo_store)
    assert _placed(demo_store, today.id)[owen] == (0.9, 0.1)
    op.revert(demo_store)
    assert owen not in _placed(demo_store, today.id)
    op.apply(demo_store)  # redo
    assert _placed(demo_store, today.id)[owen] == (0.9, 0.1)


def test_unreadable_files(demo_store: OffsiteStore, tmp_path: Path) -> None:
    today = _today(demo_store)
    with pytest.raises(PlacementImportError, match="Motivation"):
        plan_placements(demo_store, today.id, _csv(tmp_path, "Rep,Skill\nOwen Murphy,5\n"))
    with pytest.raises(PlacementImportError, match="empty"):
        plan_placements(demo_store, today.id, _csv(tmp_path, "", "empty.csv"))
    with pytest.raises(PlacementImportError):
        plan_placements(demo_store, today.id, _csv(tmp_path, "x", "notes.txt"))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(PlacementImportError):
        plan_placements(demo_store, today.id, bad)


def test_parse_score() -> None:
    assert parse_score(" 7 ") == 7.0
    assert parse_score("0,75") == 0.75
    assert parse_score("inf") is None
    assert parse_score("seven") is None
    assert parse_score("") is None
