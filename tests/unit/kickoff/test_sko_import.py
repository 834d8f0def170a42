"""Kickoff imports: survey, reality audit and plan attainment; bad rows are rejected with
reasons, accepted rows go in as one undoable step, nothing is ever half imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from keeper import kickoff as so
from keeper.kickoff import imports as si
from keeper.store.models import Attainment, Person, RepMetric
from keeper.store.offsite_file import OffsiteStore
from tests.sheets import write_csv, write_xlsx


def _reasons(plan: object) -> dict[int, str]:
    return {r.row: r.reason for r in plan.rejected}  # type: ignore[attr-defined]


# ----- survey --------------------------------------------------------------------------------


def test_survey_rows_are_checked_and_the_import_replaces_the_survey(
        demo_store: OffsiteStore, kickoff: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "survey.csv", [
        ["Timestamp", "Name", "What went well?", "What could be better?", "Overall (1-5)",
         "Content", "Comments"],
        ["2026-01-28", "Ava Chen", "Role plays", "Shorter keynotes", "5", "8", "great"],
        ["2026-01-28", "", "Deal clinic", "", "4", "", "ok"],
        ["2026-01-28", "Liam Novak", "Battle cards", "Wifi", "6", "7", ""],        # 6 > 5
        ["2026-01-28", "Sofia Reyes", "Dinner", "Breaks", "four", "7", ""],       # not a number
        ["2026-01-28", "Noah Patel", "", "", "", "", "x"],                         # no answers
        ["2026-01-28", "ava chen", "Again", "", "3", "", ""],                      # duplicate
        ["", "", "", "", "", "", ""],                                              # blank: skipped
        ["2026-01-28", "Mia", "=HYPERLINK(\"http://x\")", "Emoji 🎉 and \u202eRTL\x07", "3",
         "11", ""],                                                                # 11 > 10
        ["2026-01-28", "Zoe", "=SUM(A1)", "Mixed ✓", "2", "10", ""],
    ])
    plan = si.plan_survey(demo_store, kickoff, path)
    assert [q.question for q in plan.questions] == ["Overall", "Content"]
    assert (plan.questions[0].low, plan.questions[0].high) == (1, 5)
    reasons = _reasons(plan)
    assert "Overall 6 is out of range (1 to 5)" in reasons[4]
    assert "'four' is not a number" in reasons[5]
    assert reasons[6].startswith("no answers")
    assert reasons[7] == "duplicate: ava chen also answered on row 2"
    assert "Content 11 is out of range (0 to 10" in reasons[9]
    assert [r.row for r in plan.accepted] == [2, 3, 10]
    assert plan.accepted[1].respondent is None
    assert plan.accepted[2].went_well == "=SUM(A1)"  # text stays text
    assert any("Comments" in w for w in plan.warnings)
    assert plan.replaces == 10
    assert "3 responses to import, 5 rows rejected" in plan.report()

    op = si.import_survey(plan)
    op.apply(demo_store)
    data = so.load_look_back(demo_store, kickoff)
    assert [r.respondent for r in data.responses] == ["Ava Chen", None, "Zoe"]
    assert data.summary is not None and data.summary.averages["Overall"] == 3.67
    assert data.responses[0].ratings == {"Overall": 5, "Content": 8}
    assert data.scales == {"Overall": 5, "Content": 10}
    op.revert(demo_store)
    data = so.load_look_back(demo_store, kickoff)
    assert len(data.responses) == 10 and data.questions == ["Overall", "Content"]
    op.apply(demo_store)  # redo
    assert len(so.load_look_back(demo_store, kickoff).responses) == 3


def test_survey_files_that_cannot_be_read(demo_store: OffsiteStore, kickoff: int,
                                          tmp_path: Path) -> None:
    with pytest.raises(si.SkoImportError, match="empty"):
        si.plan_survey(demo_store, kickoff, write_csv(tmp_path / "e.csv", []))
    with pytest.raises(si.SkoImportError, match="name the columns"):
        si.plan_survey(demo_store, kickoff, write_csv(tmp_path / "x.csv", [["Colour"], ["blue"]]))
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(si.SkoImportError, match="not an Excel workbook"):
        si.read_sheet(tmp_path / "bad.xlsx")
    (tmp_path / "notes.odt").write_bytes(b"text")
    with pytest.raises(si.SkoImportError, match="choose an .xlsx or .csv"):
        si.read_sheet(tmp_path / "notes.odt")


# ----- audit ---------------------------------------------------------------------------------


def test_long_audit_rejects_bad_rows_and_merges_ratings(
        demo_store: OffsiteStore, kickoff: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "audit.csv", [
        ["Rep", "Competency", "Self rating", "Manager rating", "Win rate %"],
        ["Ava Chen", "Discovery", "9", "5", "41"],                 # prefix → Discovery questioning
        ["Ava Chen", "Objection handling", "", "4", "41"],         # manager only
        ["Nobody Here", "Prospecting", "5", "5", ""],              # unknown rep
        ["Ava Chen", "Juggling", "5", "5", ""],                    # unknown competency
        ["Liam Novak", "Prospecting", "0", "5", ""],               # out of range
        ["Liam Novak", "Prospecting", "5", "eleven", ""],          # not a number
        ["Ava Chen", "Discovery questioning", "8", "", ""],        # duplicate self rating
        ["Liam Novak", "Prospecting", "", "", ""],                 # nothing on the row
        ["Ava Chen", "Prospecting", "7", "7", "39"],               # metric differs from row 2
    ])
    plan = si.plan_audit(demo_store, kickoff, path)
    reasons = _reasons(plan)
    assert plan.layout == "long"
    assert reasons[4] == "unknown rep 'Nobody Here' (not in the file's people)"
    assert reasons[5].startswith("unknown competency 'Juggling'")
    assert reasons[6] == "self rating 0 is out of range (1 to 10)"
    assert reasons[7] == "manager rating 'eleven' is not a number"
    assert reasons[8] == ("duplicate: Ava Chen's self rating of Discovery questioning is also "
                          "on row 2")
    assert reasons[9] == "no ratings or metrics on this row"
    assert reasons[10] == "duplicate: Ava Chen's Win rate % is 41 on row 2"
    assert [r.row for r in plan.accepted] == [2, 3]
    assert plan.metric_names == ["Win rate %"]

    audit = so.load_audit(demo_store, kickoff)
    ava = next(r for r in audit.reps if r.name == "Ava Chen")
    objection = next(c for c in audit.competencies if c.name == "Objection handling")
    old_self = audit.rating(ava.id, objection.id).self_rating  # type: ignore[union-attr]
    op = si.import_audit(plan)
    op.apply(demo_store)
    after = so.load_audit(demo_store, kickoff)
    discovery = after.competencies[0]
    assert after.rating(ava.id, discovery.id).self_rating == 9  # type: ignore[union-attr]
    assert after.rating(ava.id, discovery.id).manager_rating == 5  # type: ignore[union-attr]
    kept = after.rating(ava.id, objection.id)
    assert kept is not None and kept.manager_rating == 4 and kept.self_rating == old_self
    assert after.metrics[(ava.id, "Win rate %")] == 41
    op.revert(demo_store)
    assert so.load_audit(demo_store, kickoff).ratings == audit.ratings
    assert (ava.id, "Win rate %") in so.load_audit(demo_store, kickoff).metrics  # demo value back
    assert so.load_audit(demo_store, kickoff).metrics[(ava.id, "Win rate %")] == \
        audit.metrics[(ava.id, "Win rate %")]


def test_wide_audit_with_marked_unmarked_and_metric_columns(
        demo_store: OffsiteStore, fresh: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", [
        ["Name", "Discovery questioning (self)", "Discovery questioning (manager)",
         "Objection handling", "Pipeline", "Win rate %", "Notes", "Storytelling (self)"],
        ["Ava Chen", 8, 6, 7, 1.2, "41%", "keen", 5],
        ["Liam Novak", 9, 12, 7, 0.8, "30", "", 5],              # manager 12: out of range
        ["Sofia Reyes", "", "", "", "", "", "on leave", ""],     # nothing
        ["Ava Chen", 8, "", "", "", "", "", ""],                 # duplicate self
    ])
    plan = si.plan_audit(demo_store, fresh, path)
    assert plan.layout == "wide"
    assert plan.new_competencies == list(so.DEFAULT_COMPETENCIES)
    assert plan.metric_names == ["Pipeline", "Win rate %"]  # "Pipeline" is not a competency
    assert any("Storytelling (self)" in w and "names no competency" in w for w in plan.warnings)
    assert any("'Notes' is ignored" in w for w in plan.warnings)
    reasons = _reasons(plan)
    assert reasons[3] == "Discovery questioning (manager rating) 12 is out of range (1 to 10)"
    assert reasons[4] == "no ratings or metrics on this row"
    assert reasons[5].startswith("duplicate: Ava Chen's self rating of Discovery questioning")
    row = plan.accepted[0]
    assert row.ratings == {("Discovery questioning", si.SELF): 8,
                           ("Discovery questioning", si.MANAGER): 6,
                           ("Objection handling", si.SELF): 7}
    as_manager = si.plan_audit(demo_store, fresh, path, unmarked=si.MANAGER)
    assert ("Objection handling", si.MANAGER) in as_manager.accepted[0].ratings

    op = si.import_audit(plan)
    op.apply(demo_store)
    audit = so.load_audit(demo_store, fresh)
    assert [c.name for c in audit.competencies] == list(so.DEFAULT_COMPETENCIES)
    ava = next(r for r in audit.reps if r.name == "Ava Chen")
    assert audit.rating(ava.id, audit.competencies[0].id).gap == 2  # type: ignore[union-attr]
    assert audit.metrics[(ava.id, "Win rate %")] == 41
    op.revert(demo_store)
    assert so.load_competencies(demo_store, fresh) == []
    op.apply(demo_store)  # redo keeps the competencies' ids
    assert [c.id for c in so.load_competencies(demo_store, fresh)] == \
        [c.id for c in audit.competencies]


def test_wide_audit_with_a_rater_column(demo_store: OffsiteStore, fresh: int,
                                        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "rater.csv", [
        ["Rep", "Rater", "Discovery questioning", "Prospecting"],
        ["Ava Chen", "Self", "9", "6"],
        ["Ava Chen", "Manager", "5", "6"],
        ["Ava Chen", "Peer", "7", "7"],
    ])
    plan = si.plan_audit(demo_store, fresh, path)
    assert [r.row for r in plan.accepted] == [2, 3]
    assert _reasons(plan)[4] == "rater 'Peer' is neither self nor manager"
    assert plan.accepted[1].ratings[("Discovery questioning", si.MANAGER)] == 5


def test_audit_needs_a_rep_and_competencies(demo_store: OffsiteStore, fresh: int,
                                            tmp_path: Path) -> None:
    with pytest.raises(si.SkoImportError, match="'Rep' column"):
        si.plan_audit(demo_store, fresh,
                      write_csv(tmp_path / "a.csv", [["Who", "Score"], ["A", 1]]))
    with pytest.raises(si.SkoImportError, match="No competency columns"):
        si.plan_audit(demo_store, fresh, write_csv(tmp_path / "b.csv", [["Rep", "Win rate"],
                                                                   ["Ava Chen", 30]]))


# ----- attainment ------------------------------------------------------------------------------


def test_attainment_forms_and_bad_rows(demo_store: OffsiteStore, fresh: int,
                                       tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "attain.xlsx", [
        ["Rep", "Manager", "Attainment"],
        ["Ava Chen", "", "112%"],
        ["Liam Novak", "", 1.12],
        ["Sofia Reyes", "", 112],
        ["Noah Patel", "", "abc"],
        ["Mia Kowalski", "", "-5%"],
        ["Ethan Brooks", "", "600%"],
        ["Ghost Rep", "", "100%"],
        ["Ava Chen", "", "90%"],
        ["Zoe Adeyemi", "", ""],
        ["Lucas Silva", "", "1,25"],
    ])
    manager = demo_store.session.scalars(select(Person).where(Person.role == "manager")).first()
    assert manager is not None
    plan = si.plan_attainment(demo_store, fresh, path)
    reasons = _reasons(plan)
    assert reasons[5] == "attainment 'abc' is not a number (write 112%, 1.12 or 112)"
    assert reasons[6] == "attainment -5% (-5%) is out of range (0% to 500% of plan)"
    assert reasons[7] == "attainment 600% (600%) is out of range (0% to 500% of plan)"
    assert reasons[8] == "unknown rep 'Ghost Rep' (not in the file's people)"
    assert reasons[9] == "duplicate: Ava Chen is also on row 2"
    assert reasons[10] == "missing attainment"
    assert [round(r.attainment, 4) for r in plan.accepted] == [1.12, 1.12, 1.12, 1.25]
    op = si.import_attainment(plan)
    op.apply(demo_store)
    assert len(so.load_recognition(demo_store, fresh).attainment) == 4
    op.revert(demo_store)
    assert so.load_recognition(demo_store, fresh).attainment == {}
    not_rep = write_csv(tmp_path / "m.csv", [["Rep", "Attainment"], [manager.name, "100%"]])
    assert _reasons(si.plan_attainment(demo_store, fresh, not_rep))[2] == \
        f"{manager.name} is not a rep (manager)"
    with pytest.raises(si.SkoImportError, match="missing: Attainment"):
        si.plan_attainment(demo_store, fresh, write_csv(tmp_path / "n.csv", [["Rep", "Quota"]]))


def test_nothing_is_half_imported(demo_store: OffsiteStore, kickoff: int,
                                  tmp_path: Path) -> None:
    """A rep deleted between the preview and the import: the import fails as a whole."""
    path = write_csv(tmp_path / "a.csv", [["Rep", "Attainment"], ["Ava Chen", "150%"],
                                     ["Liam Novak", "150%"]])
    plan = si.plan_attainment(demo_store, kickoff, path)
    before = {a.person_id: a.attainment for a in demo_store.session.scalars(
        select(Attainment).where(Attainment.offsite_id == kickoff))}
    liam = plan.accepted[1].rep_id
    with demo_store.edit() as s:  # Liam's attainment row goes, and Liam with it
        s.execute(Attainment.__table__.delete().where(Attainment.person_id == liam))
        s.execute(RepMetric.__table__.delete().where(RepMetric.person_id == liam))
        s.execute(Person.__table__.delete().where(Person.id == liam))
    before.pop(liam)
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the dangling rep
        si.import_attainment(plan).apply(demo_store)
    demo_store.session.rollback()
    after = {a.person_id: a.attainment for a in demo_store.session.scalars(
        select(Attainment).where(Attainment.offsite_id == kickoff))}
    assert after == before  # Ava's 150% was not written either
