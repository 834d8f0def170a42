"""The rest of the offsite day in both exports, read back with openpyxl and python-pptx:
OKR review, questions, one private feedback sheet per attendee, charter, operating plan;
the deck's OKR, big-bets-to-initiatives and operating-plan slides; feedback never in the deck."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import select

from exporters.colours import GREEN, GREY, RED
from exporters.data import ExportData, gather
from exporters.pptx.deck import write_pptx
from exporters.xlsx.feedback import write_feedback
from exporters.xlsx.sheet_names import SheetNames
from exporters.xlsx.workbook import write_xlsx
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.store.models import Attendance, Feedback, Person, PlanInitiative, Tactic
from keeper.store.offsite_file import OffsiteStore
from tests.unit.exporters.deck_text import text_of as _text_of

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
LEADERS = ["Dana Whitfield", "Elena Fischer", "Jane Alvarez", "Jill Morgan", "John Park",
           "Marcus Obi", "Priya Raman", "Tommy Becker"]
HOSTILE = "=HYPERLINK(\"http://x\")/[a]:*?\\ 🎉\x07 Dr. Ümit Öztürk-Lindqvist the Third"


@pytest.fixture
def demo_store(tmp_path: Path) -> OffsiteStore:
    store = new_file(tmp_path / "demo.keeper", demo=True, clock=FakeClock(NOW))
    yield store
    store.close()


@pytest.fixture
def demo_data(demo_store: OffsiteStore) -> ExportData:
    return gather(demo_store, now=NOW)


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def _fill(cell) -> str:
    return str(cell.fill.fgColor.rgb)[-6:] if cell.fill.fill_type == "solid" else ""


def _deck_text(prs) -> str:
    return _text_of(prs.slides)


def _slide_titled(prs, start: str):
    found = [s for s in prs.slides if s.shapes.title.text.startswith(start)]
    assert found, f"no slide titled {start!r}"
    return found[0]


def _table(slide):
    tables = [s.table for s in slide.shapes if s.has_table]
    assert len(tables) == 1
    return tables[0]


def _cell_rgb(cell) -> str:
    return str(cell.fill.fore_color.rgb)


# --- workbook ---------------------------------------------------------------------------


def test_day_sheets_follow_the_tally_sheets(tmp_path: Path, demo_data: ExportData) -> None:
    wb = load_workbook(write_xlsx(demo_data, tmp_path / "day.xlsx"))
    assert wb.sheetnames == [
        "Summary", "Ideas", "Tally", "Agenda", "Quadrant", "People", "OKR review", "Questions",
        "Charter", "Operating plan"]  # feedback is private: never in the tally workbook
    summary = {r[0]: r[1] for r in _rows(wb["Summary"]) if r[0]}
    assert summary["OKRs reviewed"] == "4 (2 hit)"
    assert summary["Feedback pairs complete"] == "1 of 56"
    assert summary["Plan flag"] == "Hiring & ramp: 5 tactics; the plan asks for 7\u201310"


def test_okr_review_sheet(tmp_path: Path, demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "day.xlsx"))["OKR review"]
    header, *rows = _rows(ws)
    assert header == ("Objective", "Target", "Result", "Hit / missed", "What went well",
                      "What didn't", "What happened on the floor")
    assert len(rows) == 4
    assert rows[0][:4] == ("Five of six months above budget on new business revenue",
                           "5 of 6 months", "3 of 6 months", "Missed")
    assert rows[0][6] == "AEs prospected for themselves and stopped running discovery properly."
    assert [r[3] for r in rows] == ["Missed", "Hit", "Missed", "Hit"]
    assert _fill(ws["D2"]) == RED and _fill(ws["D3"]) == GREEN
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G5"


def test_questions_sheet_with_talks_and_reflections(tmp_path: Path,
                                                    demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "day.xlsx"))["Questions"]
    rows = _rows(ws)
    assert rows[0][:3] == ("#", "North-star question", "The room's answers")
    assert rows[1][:3] == (1, "Why are we missing on staffing, and what can we do about it?",
                           "Recruiting starts too late; hire ahead of need and share a "
                           "sourcing budget.")
    assert rows[4][0] == 4 and rows[4][2] is None  # a question the room has not answered
    cells = [v for r in rows for v in r if v]
    assert "Managing Gen Z reps" in cells  # John Park's best-practice talk
    assert "Renewals are a pipeline, not an event." in cells  # Jill's reflection


def test_one_private_feedback_file_per_attendee(tmp_path: Path,
                                                demo_data: ExportData) -> None:
    files = write_feedback(demo_data, tmp_path / "feedback")
    assert sorted(f.name for f in files) == sorted(f"Feedback \u2013 {n}.xlsx" for n in LEADERS)

    def sheet(name: str):  # noqa: ANN202
        return load_workbook(tmp_path / "feedback" / f"Feedback \u2013 {name}.xlsx").active

    tommy = sheet("Tommy Becker")
    assert tommy["A1"].value == "Feedback for Tommy Becker"
    assert "2 of 7 colleagues" in tommy["A2"].value
    header, *given = _rows(tommy)[3:]
    assert header == ("From", "Start", "Stop", "Continue")
    assert given[0] == ("Dana Whitfield",
                        "Managing your calendar better: you keep rescheduling our 1:1s.",
                        "Advocating for reps when you know they are breaking rules.",
                        "Coaching new reps through their first deals.")
    assert given[1][:2] == ("Jane Alvarez", "Sharing your onboarding checklist with the team.")
    assert given[1][2] is None and given[1][3] is None
    # each sheet holds only what its person received
    jill = [v for r in _rows(sheet("Jill Morgan")) for v in r if v]
    assert "Taking every forecast call yourself; let your reps present." in jill
    assert not any("1:1s" in str(v) for v in jill)
    dana = _rows(sheet("Dana Whitfield"))
    assert dana[4][0] == "(no feedback yet)"


def test_charter_sheet(tmp_path: Path, demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "day.xlsx"))["Charter"]
    parts = {r[0]: r[1] for r in _rows(ws)[2:]}
    assert list(parts) == ["What we will do", "What went wrong last time",
                           "How the plan fixes it"]
    assert parts["What went wrong last time"].startswith("We missed the SDR hiring plan")
    assert ws.row_dimensions[3].height >= 30  # a long paragraph gets a taller row


def test_operating_plan_sheet(tmp_path: Path, demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "day.xlsx"))["Operating plan"]
    header, *rows = _rows(ws)
    assert header[:6] == ("Initiative", "Big bet", "Owner", "#", "Tactic", "Status")
    checks = [h for h in header if h and h.startswith("Check-in ")]
    assert checks[:2] == ["Check-in 23 Dec 2026", "Check-in 23 Jan 2027"] and len(checks) == 6
    assert "Flags" in header
    plan = [r for r in rows if r[0]]
    assert len(plan) == 8 + 5
    assert plan[0][:6] == ("Renewals & expansion", "Renewals & expansion", "Jill Morgan", 1,
                           "Renewal pipeline built 120 days before every renewal date",
                           "on track")
    flags = header.index("Flags")
    hiring = [r for r in plan if r[0] == "Hiring & ramp"]
    assert len(hiring) == 5 and hiring[0][2] == "Marcus Obi"
    assert hiring[0][flags] == "Hiring & ramp: 5 tactics; the plan asks for 7\u201310"
    assert not plan[0][flags]  # eight tactics: nothing to flag
    assert _fill(ws["F2"]) == GREEN and _fill(ws["F4"]) == GREY
    # the check-ins are listed beside the plan for the monthly meetings
    values = [v for r in rows for v in r]
    assert dt.datetime(2026, 12, 23) in values


def test_hostile_names_make_valid_unique_sheet_names(tmp_path: Path,
                                                     demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    with demo_store.edit() as s:
        dana = s.scalars(select(Person).where(Person.name == "Dana Whitfield")).one()
        twins = [Person(name=HOSTILE, role="manager"), Person(name=HOSTILE + " II",
                                                              role="manager")]
        s.add_all(twins)
        s.flush()
        s.add_all(Attendance(offsite_id=offsite.id, person_id=p.id) for p in twins)
        s.add(Feedback(offsite_id=offsite.id, giver_id=dana.id, receiver_id=twins[0].id,
                       kind="start", text="=1+1 \x00 start with 🎉"))
        s.add(Feedback(offsite_id=offsite.id, giver_id=twins[0].id, receiver_id=dana.id,
                       kind="stop", text="@SUM(A1) stop\ufffe"))
        initiative = PlanInitiative(offsite_id=offsite.id, position=9, title="+Plan \x1f X",
                                    owner_id=None)
        s.add(initiative)
        s.flush()
        s.add(Tactic(plan_initiative_id=initiative.id, text="-tactic", status="at risk"))
    data = gather(demo_store, now=NOW)
    wb = load_workbook(write_xlsx(data, tmp_path / "hostile.xlsx"))
    names = wb.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), name
        assert not name.startswith("'") and not name.endswith("'")
    files = write_feedback(data, tmp_path / "feedback")
    theirs = sorted(f for f in files if "HYPERLINK" in f.name)
    assert len(theirs) == 2 and len({f.name.casefold() for f in files}) == len(files)
    assert all("/" not in f.name.removesuffix(".xlsx") and '"' not in f.name for f in theirs)
    sheet = load_workbook(next(f for f in theirs if not f.stem.endswith(" II"))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value]
    start = next(c for c in cells if str(c.value).startswith("=1+1"))
    assert start.data_type == "s" and start.quotePrefix and "\x00" not in start.value
    plan = wb["Operating plan"]
    plus = next(c for row in plan.iter_rows() for c in row if c.value == "+Plan  X")
    assert plus.data_type == "s" and plus.quotePrefix
    assert any(r[2] == "(no owner)" for r in _rows(plan))
    for ws in wb.worksheets:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row), ws.title
    prs = Presentation(str(write_pptx(data, tmp_path / "hostile.pptx")))
    assert "=1+1" not in _deck_text(prs)  # feedback stays private
    assert "Plan  X: 1 tactics; the plan asks for 7\u201310" in _deck_text(prs)


def test_sheet_names_rules() -> None:
    names = SheetNames(("Summary",))
    assert names.take("summary") == "summary (2)"
    assert names.take("History") == "History 1"
    assert names.take("a/b:c*d?e[f]g\\h") == "a b c d e f g h"
    assert names.take("''") == "Sheet"
    long = names.take("Feedback \u2013 " + "🎉" * 40)
    assert long.endswith("\u2026") and len(long.encode("utf-16-le")) // 2 <= 31
    again = names.take("Feedback \u2013 " + "🎉" * 40)
    assert again.endswith(" (2)") and again != long


# --- deck -------------------------------------------------------------------------------


def test_okr_slide_is_a_table_with_hit_and_missed(tmp_path: Path,
                                                  demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    slide = _slide_titled(prs, "Last period's OKRs: 2 of 4 hit")
    table = _table(slide)
    assert [c.text for c in table.rows[0].cells] == ["Objective", "Target", "Result",
                                                     "Hit / missed"]
    rows = [[c.text for c in r.cells] for r in list(table.rows)[1:]]
    assert rows[1] == ["Renewal rate at 92% or better", "92%", "93.5%", "Hit"]
    assert _cell_rgb(table.cell(1, 3)) == RED and _cell_rgb(table.cell(2, 3)) == GREEN
    notes = slide.notes_slide.notes_text_frame.text
    assert "On the floor: New reps waited weeks for territory assignments." in notes


def test_big_bets_to_initiatives_with_owners(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    text = _text_of([_slide_titled(prs, "From big bets to initiatives")])
    assert "Owner: Jill Morgan" in text and "Owner: Marcus Obi" in text
    assert "8 tactics" in text and "5 tactics" in text
    assert "Company initiative: Fix the hiring process" in text
    charter = _slide_titled(prs, "Our charter for the next period")
    assert any("Grow net revenue retention" in s.text_frame.text
               for s in charter.shapes if s.has_text_frame)


def test_operating_plan_slides_colour_status_and_flag_counts(tmp_path: Path,
                                                            demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    renewals = _slide_titled(prs, "Operating plan: Renewals & expansion")
    table = _table(renewals)
    assert len(table.rows) == 1 + 8
    assert [c.text for c in table.rows[1].cells] == [
        "1", "Renewal pipeline built 120 days before every renewal date", "on track"]
    assert _cell_rgb(table.cell(1, 2)) == GREEN and _cell_rgb(table.cell(3, 2)) == GREY
    texts = [s.text_frame.text for s in renewals.shapes if s.has_text_frame]
    assert not any("Check the plan" in t for t in texts)  # 8 tactics: within 7-10
    assert any("Owner: Jill Morgan" in t and "monthly check-ins from 23 Dec 2026" in t
               for t in texts)
    hiring = _slide_titled(prs, "Operating plan: Hiring & ramp")
    assert len(_table(hiring).rows) == 1 + 5
    flagged = "\n".join(s.text_frame.text for s in hiring.shapes if s.has_text_frame)
    assert "Check the plan" in flagged and "5 tactics; the plan asks for 7\u201310" in flagged


def test_feedback_never_goes_in_the_deck(tmp_path: Path, demo_data: ExportData) -> None:
    assert demo_data.day is not None
    given = [t for person in demo_data.day.feedback for f in person.received
             for t in (f.start, f.stop, f.continue_) if t]
    assert len(given) == 6
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx", names=True)))
    text = _deck_text(prs)
    for feedback in given:
        assert feedback not in text
    assert "Start / Stop" not in text and "Feedback for" not in text
