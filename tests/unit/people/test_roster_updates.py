"""Re-importing an updated roster updates the people the file has, as one undo step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from keeper.people.fields import EMAIL_MAX, NAME_MAX, email_problem
from keeper.people.roster import plan_import
from keeper.people.roster_apply import ImportPeople
from keeper.store.files import new_file
from keeper.store.models import Attendance, Person
from keeper.store.offsite_file import OffsiteStore

ROOT = Path(__file__).resolve().parents[3]
FIRST = ("Name,Role,Manager,Email\n"
         "Vera Vance,VP Sales,,vera@x.example\n"
         "Mo Maddox,manager,Vera Vance,mo@x.example\n"
         "Rita Reyes,rep,Mo Maddox,rita@x.example\n"
         "Sam Stone,rep,Mo Maddox,\n")


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):
    s = new_file(tmp_path / "team.keeper")
    ImportPeople(plan_import(s, _csv(tmp_path / "first.csv", FIRST))).apply(s)
    yield s
    s.close()


def _people(store: OffsiteStore) -> dict[str, tuple[str, str | None, str | None]]:
    store.session.expire_all()
    return {p.name: (p.role, p.manager.name if p.manager else None, p.email)
            for p in store.session.scalars(select(Person))}


def test_the_same_roster_again_changes_nothing(store: OffsiteStore, tmp_path: Path) -> None:
    plan = plan_import(store, _csv(tmp_path / "again.csv", FIRST))
    assert (plan.accepted, plan.changed, plan.rejected) == ([], [], [])
    assert [r.name for r in plan.unchanged] == ["Vera Vance", "Mo Maddox", "Rita Reyes",
                                                "Sam Stone"]
    assert plan.summary() == "0 new, 0 changed, 4 unchanged, 0 rows rejected."


def test_an_updated_roster_updates_matched_by_email_else_name(store: OffsiteStore,
                                                              tmp_path: Path) -> None:
    before = _people(store)
    updated = _csv(tmp_path / "updated.csv",
                   "Name,Role,Manager,Email\n"
                   "Vera Vance,VP Sales,,vera@x.example\n"
                   "Mo Maddox,manager,Vera Vance,mo@x.example\n"
                   "Rita Reyes-Ortiz,manager,Vera Vance,rita@x.example\n"  # renamed, promoted
                   "Sam Stone,rep,Rita Reyes-Ortiz,sam@x.example\n"  # by name: gets an e-mail
                   "Nia Park,rep,Rita Reyes-Ortiz,nia@x.example\n")  # new
    plan = plan_import(store, updated)
    assert plan.rejected == []
    assert [r.name for r in plan.accepted] == ["Nia Park"]
    changes = {u.person.name: (u.matched_by, [str(c) for c in u.changes]) for u in plan.changed}
    assert changes == {
        "Rita Reyes-Ortiz": ("e-mail", ["name Rita Reyes → Rita Reyes-Ortiz",
                                        "role rep → manager",
                                        "manager Mo Maddox → Vera Vance"]),
        "Sam Stone": ("name", ["manager Mo Maddox → Rita Reyes-Ortiz",
                               "e-mail (none) → sam@x.example"]),
    }
    assert [r.name for r in plan.unchanged] == ["Vera Vance", "Mo Maddox"]

    operation = ImportPeople(plan)
    operation.apply(store)
    after = _people(store)
    assert after["Rita Reyes-Ortiz"] == ("manager", "Vera Vance", "rita@x.example")
    assert after["Sam Stone"] == ("rep", "Rita Reyes-Ortiz", "sam@x.example")
    assert after["Nia Park"] == ("rep", "Rita Reyes-Ortiz", "nia@x.example")
    assert len(after) == 5

    operation.revert(store)  # one undo step puts everyone back
    assert _people(store) == before
    operation.apply(store)  # redo: the same people, with the same ids
    assert _people(store) == after
    assert operation.created == [store.session.scalars(
        select(Person.id).where(Person.name == "Nia Park")).one()]


def test_blank_cells_keep_what_the_file_holds(store: OffsiteStore, tmp_path: Path) -> None:
    plan = plan_import(store, _csv(tmp_path / "names.csv",
                                   "Name,Role,Email\nMo Maddox,,\nRita Reyes,,\n"))
    assert plan.changed == [] and len(plan.unchanged) == 2


def test_namesakes_need_an_email_to_be_told_apart(store: OffsiteStore, tmp_path: Path) -> None:
    store.session.add(Person(name="Sam Stone", role="rep", email="sam2@x.example", active=True))
    store.commit()
    plan = plan_import(store, _csv(tmp_path / "s.csv",
                                   "Name,Role,Email\nSam Stone,manager,\n"
                                   "Sam Stone,manager,sam2@x.example\n"))
    assert [r.row for r in plan.rejected] == [2]
    assert "2 people in the file are called Sam Stone" in plan.rejected[0].reason
    assert [u.person_id for u in plan.changed] == [store.session.scalars(
        select(Person.id).where(Person.email == "sam2@x.example")).one()]


def test_two_rows_for_one_person_reject_the_second(store: OffsiteStore, tmp_path: Path) -> None:
    plan = plan_import(store, _csv(tmp_path / "d.csv",
                                   "Name,Email\nRita R,rita@x.example\nRita Reyes,\n"))
    assert [(r.row, r.reason) for r in plan.rejected] == [
        (3, "duplicate: Rita Reyes is also on row 2")]


def test_a_name_longer_than_kept_is_refused_not_cut(store: OffsiteStore,
                                                   tmp_path: Path) -> None:
    long_name = "Maximiliana " * 20  # 240 characters
    plan = plan_import(store, _csv(tmp_path / "n.csv", f"Name\n{long_name}\nOk Name\n"))
    assert [r.name for r in plan.accepted] == ["Ok Name"]
    assert plan.rejected[0].reason.startswith(f"name is 239 characters; Keeper keeps names up "
                                              f"to {NAME_MAX}")


def test_a_254_character_email_is_kept_whole(store: OffsiteStore, tmp_path: Path) -> None:
    longest = "a" * 64 + "@" + ".".join(["b" * 61, "c" * 61, "d" * 61]) + ".com"
    assert len(longest) == EMAIL_MAX
    too_long = "a" + longest
    plan = plan_import(store, _csv(tmp_path / "e.csv",
                                   f"Name,Email\nLong Mail,{longest}\nToo Long,{too_long}\n"))
    assert [r.email for r in plan.accepted] == [longest]
    assert "255 characters" in plan.rejected[0].reason
    ImportPeople(plan).apply(store)
    assert _people(store)["Long Mail"][2] == longest


@pytest.mark.parametrize("email,ok", [
    ("first.last+tag@sub.example.co.uk", True), ("a@localhost", True),
    ("no-at-sign", False), ("two@@x.example", False), ("sp ace@x.example", False),
    ("a@x..example", False), ("@x.example", False), ("a" * 65 + "@x.example", False),
])
def test_email_rule(email: str, ok: bool) -> None:
    assert (email_problem(email) is None) is ok


def _cli(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp / "data"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_import_people_exit_codes_say_how_much_was_imported(tmp_path: Path) -> None:
    file = tmp_path / "team.keeper"
    new_file(file).close()
    first = _cli("import-people", str(file), str(_csv(tmp_path / "a.csv", FIRST)), tmp=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "4 new, 0 changed, 0 unchanged, 0 rows rejected." in first.stdout

    again = _cli("import-people", str(file),
                 str(_csv(tmp_path / "b.csv", FIRST.replace("Sam Stone,rep", "Sam Stone,manager")
                          + "Bad Row,astronaut,,\n")), tmp=tmp_path)
    assert again.returncode == 1
    assert "0 new, 1 changed, 3 unchanged, 1 row rejected." in again.stdout
    assert "Sam Stone: role rep → manager" in again.stdout
    assert "row 6: unknown role 'astronaut'" in again.stdout

    nothing = _cli("import-people", str(file), str(_csv(tmp_path / "c.csv", "Name\n\n,\n")),
                   tmp=tmp_path)
    bad = _cli("import-people", str(file), str(_csv(tmp_path / "d.csv", "Name,Role\nX,pilot\n")),
               tmp=tmp_path)
    unreadable = _cli("import-people", str(file), str(tmp_path / "missing.csv"), tmp=tmp_path)
    assert (nothing.returncode, bad.returncode, unreadable.returncode) == (2, 2, 2)
    assert "Cannot read" in unreadable.stderr and "Traceback" not in unreadable.stderr

    store = OffsiteStore.open(file)
    try:
        assert store.count(Person) == 4
        # Vera and Mo as new leaders and managers, Sam once promoted to manager.
        assert store.count(Attendance) == 3
    finally:
        store.close()

    helped = _cli("import-people", "--help", tmp=tmp_path)
    assert "0  every row is in FILE" in helped.stdout
    assert "2  nothing was imported" in helped.stdout


def test_a_rep_promoted_by_the_roster_attends_until_undone(store: OffsiteStore,
                                                           tmp_path: Path) -> None:
    offsite = store.current_offsite()
    assert offsite is not None

    def attending() -> set[str]:
        return set(store.session.scalars(
            select(Person.name).join(Attendance, Attendance.person_id == Person.id)
            .where(Attendance.offsite_id == offsite.id)))

    before = attending()
    plan = plan_import(store, _csv(tmp_path / "p.csv", "Name,Role\nSam Stone,manager\n"))
    operation = ImportPeople(plan, offsite.id)
    operation.apply(store)
    assert attending() == before | {"Sam Stone"}
    operation.revert(store)
    assert attending() == before and _people(store)["Sam Stone"][0] == "rep"


def test_one_email_never_names_two_people(store: OffsiteStore, tmp_path: Path) -> None:
    plan = plan_import(store, _csv(tmp_path / "m.csv",
                                   "Name,Email\nSam Stone,\n"
                                   "Ann New,ann@x.example\nBo New,ANN@x.example\n"))
    assert [(r.row, r.reason) for r in plan.rejected] == [
        (4, "e-mail ANN@x.example is also on row 3")]
    assert [r.name for r in plan.accepted] == ["Ann New"]


def test_a_title_above_the_column_names_is_skipped(store: OffsiteStore, tmp_path: Path) -> None:
    """An HR export often starts with a title and a blank line; rows keep their numbers."""
    plan = plan_import(store, _csv(tmp_path / "hr.csv",
                                   "Sales team roster (Q4)\n\nName,Role\nNia Park,rep\n,rep\n"))
    assert [(r.row, r.name) for r in plan.accepted] == [(4, "Nia Park")]
    assert [(r.row, r.reason) for r in plan.rejected] == [(5, "missing name")]
