"""A sales kickoff in both exports, read back with openpyxl and python-pptx: look back,
reality-audit heat map (fills from the heat bands), goals, recognition, success grid,
check-ins, first-30-days plans; the kickoff's slides; choosing the offsite to export."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from sqlalchemy import select

from exporters.cli import cmd_export
from exporters.colours import GAP, GREEN, HEAT, RED
from exporters.data import ExportData, gather
from exporters.pptx.deck import write_pptx
from exporters.run import export_files
from exporters.xlsx.workbook import write_xlsx
from keeper.clock import FakeClock
from keeper.kickoff.rules import gap_level, heat_level
from keeper.store.files import new_file
from keeper.store.models import Attainment, First30Plan, Offsite, Person
from keeper.store.offsite_file import OffsiteStore
from tests.unit.exporters.deck_text import text_of as _text_of

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
KICKOFF_SHEETS = ["Summary", "Agenda", "People", "Look back", "Reality audit", "Goals",
                  "Recognition", "Success grid", "Check-ins", "First 30 days"]
REPS = 28


@pytest.fixture
def demo_store(tmp_path: Path) -> OffsiteStore:
    store = new_file(tmp_path / "demo.keeper", demo=True, clock=FakeClock(NOW))
    yield store
    store.close()


def _kickoff_id(store: OffsiteStore) -> int:
    return store.session.scalars(select(Offsite.id).where(Offsite.kind == "kickoff")).one()


@pytest.fixture
def kickoff(demo_store: OffsiteStore) -> ExportData:
    return gather(demo_store, _kickoff_id(demo_store), now=NOW)


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def _fill(cell) -> str:
    return str(cell.fill.fgColor.rgb)[-6:] if cell.fill.fill_type == "solid" else ""


def _titled(prs, start: str) -> list:
    return [s for s in prs.slides if s.shapes.title.text.startswith(start)]


def _table(slide):
    tables = [s.table for s in slide.shapes if s.has_table]
    assert len(tables) == 1
    return tables[0]


def test_the_keeper_is_thanked_by_no_slide_of_her_own_deck(tmp_path: Path,
                                                           demo_store: OffsiteStore) -> None:
    for offsite in demo_store.session.scalars(select(Offsite)):
        keeper = demo_store.session.get(Person, offsite.keeper_id)
        assert keeper is not None and keeper.name == "Dana Whitfield", offsite.title
        data = gather(demo_store, offsite.id, now=NOW)
        prs = Presentation(str(write_pptx(data, tmp_path / f"{offsite.id}.pptx")))
        thanked = [s.shapes.title.text for s in prs.slides
                   if s.shapes.title is not None and s.shapes.title.text.startswith("Thank you")]
        assert thanked, offsite.title  # the other leaders are thanked
        assert "Thank you, Dana Whitfield" not in thanked, offsite.title


# --- workbook ---------------------------------------------------------------------------


def test_kickoff_sheets(tmp_path: Path, kickoff: ExportData) -> None:
    wb = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))
    # no empty board, quadrant or OKR sheets, and one sheet for every rep's first 30 days
    assert wb.sheetnames == KICKOFF_SHEETS
    summary = {r[0]: r[1] for r in _rows(wb["Summary"]) if r[0]}
    assert summary["Revenue against goal"] == (
        "Revenue 22,100,000 against a goal of 24,000,000: 92% (missed)")
    assert summary["Compensation flag"].startswith("New comp plan walkthrough: Compensation")
    assert "Opportunity notes" not in summary and "Check" not in summary
    header, *agenda = _rows(wb["Agenda"])
    assert header[-1] == "Day" and agenda[-1][-1] == 2
    assert agenda[-1][5] == dt.time(15, 15)  # day 2 restarts at the day start
    for ws in wb.worksheets:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row), ws.title


def test_look_back_sheet(tmp_path: Path, kickoff: ExportData) -> None:
    ws = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))["Look back"]
    facts = {r[0]: (r[1], ws.cell(row=i, column=2)) for i, r in enumerate(_rows(ws), start=1)
             if r[0] in ("Goal", "Actual", "Share of goal", "Verdict")}
    assert facts["Goal"][0] == 24_000_000 and facts["Actual"][0] == 22_100_000
    assert facts["Share of goal"][0] == pytest.approx(22.1 / 24)
    assert facts["Share of goal"][1].number_format == "0%"
    assert facts["Verdict"][0] == "Missed" and _fill(facts["Verdict"][1]) == RED
    rows = _rows(ws)
    objectives = {r[0]: r[1] for r in rows if r[1] in ("Hit", "Missed")}
    assert objectives["Competitive win rate from 38% to 45% in Q1"] == "Missed"
    assert objectives["Battle-card certification for all AEs within 30 days"] == "Hit"
    averages = {r[0]: r[1] for r in rows if r[0] in ("Overall", "Content")}
    assert averages == {"Overall": 4.2, "Content": 3.3}
    assert ("Enablement & Coaching", 5) in [r[:2] for r in rows]
    responses = [r[5:] for r in rows if r[5] and r[5] not in ("Respondent", "Survey responses")]
    assert len(responses) == 10
    assert responses[0] == ("Ava Chen", "Role-play tournament with real objections",
                            "Too many slides in the product keynote", 5, 4)


def test_reality_audit_heat_map_fills(tmp_path: Path, kickoff: ExportData) -> None:
    ws = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))["Reality audit"]
    assert kickoff.kickoff is not None
    audit = kickoff.kickoff.audit
    n, metrics = len(audit.competencies), len(audit.metric_names)
    assert (n, metrics) == (8, 3)
    first = 3 + metrics
    header = [c.value for c in ws[2]]
    assert header[:2] == ["Rep", "Manager"] and header[2:5] == list(audit.metric_names)
    assert header[first - 1:first - 1 + n] == list(audit.competencies)
    assert ws.cell(row=1, column=first).value == "Self-rating (1-10)"
    assert ws.cell(row=1, column=first + n + 1).value == "Manager rating (1-10)"
    assert ws.freeze_panes == "C3"
    checked = near = 0
    for r in range(3, 3 + REPS):
        assert ws.cell(row=r, column=1).value == audit.reps[r - 3].name
        for i in range(n):
            own = ws.cell(row=r, column=first + i)
            boss = ws.cell(row=r, column=first + n + 1 + i)
            gap = ws.cell(row=r, column=first + 2 * (n + 1) + i)
            assert _fill(own) == HEAT[heat_level(own.value)]
            assert _fill(boss) == HEAT[heat_level(boss.value)]
            assert gap.value == pytest.approx(own.value - boss.value)
            assert _fill(gap) == GAP.get(gap_level(gap.value), "")
            if abs(gap.value) < 2:  # within 2 points: plain, as on the screen's heat map
                assert _fill(gap) == ""
                near += 1
            checked += 1
    assert checked == REPS * n and 0 < near < checked
    rows = _rows(ws)
    team = next(r for r in rows if r[0] == "Team average")
    assert team[first - 1] == pytest.approx(8.6)  # discovery: self-rated highest
    gaps = rows[[r[0] for r in rows].index("Competency") + 1:]
    priorities = {r[0]: r[5] for r in gaps if r[0] and isinstance(r[5], int)}
    assert priorities == {"Discovery questioning": 1, "Competitive differentiation": 2,
                          "Objection handling": 3}


def test_goals_recognition_grid_check_ins(tmp_path: Path, kickoff: ExportData) -> None:
    wb = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))
    goals = _rows(wb["Goals"])
    assert goals[0][:5] == ("Outcome goal", "Target", "Performance goal (activity)", "Target",
                            "Development goal (skill)")
    assert goals[1][:5] == ("Generate $2M in Q1 pipeline", "$2M",
                            "240 qualified discovery calls (20 per rep per month)", "240",
                            "Mastery of the 4-question pain framework")
    chains = goals[1:[r[0] for r in goals].index("Each goal and its links")]
    assert len([r for r in chains if r[0] and r[2]]) == 6

    rec = wb["Recognition"]
    header, *rows = _rows(rec)
    assert header[:3] == ("Rep", "Attainment (of plan)", "Tier")
    people = [r for r in rows if r[0]]
    assert len(people) == REPS
    assert people[0][:3] == ("Henry Dubois", 1.408, "Chairman's Club")
    assert rec["B2"].number_format == "0%"
    assert {r[4]: r[6] for r in rows if r[4]} == {"Chairman's Club": 6, "President's Club": 9}
    assert sum(1 for r in people if not r[2]) == REPS - 15

    grid = wb["Success grid"]
    header, *rows = _rows(grid)
    assert header[:5] == ("Horizon", "Metric", "Unit", "Better", "Target")
    assert header[5] == "03 Feb 2026 (day 7)" and header[8] == "27 Apr 2026 (day 90)"
    pipeline = next(r for r in rows if r[1] == "Q1 pipeline created")
    assert pipeline[4:] == (2, None, 0.7, 1.4, 2.2, 2.2, "met")
    assert _fill(grid.cell(row=6, column=len(header))) == GREEN

    header, *rows = _rows(wb["Check-ins"])
    assert [r[1:3] for r in rows] == [(30, "30-day checkpoint"), (60, "60-day checkpoint"),
                                      (90, "90-day checkpoint")]


def test_first_30_days_is_one_sheet_with_a_row_per_rep(tmp_path: Path,
                                                       kickoff: ExportData) -> None:
    wb = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))
    header, *rows = _rows(wb["First 30 days"])
    assert header == ("Rep", "Manager", "Week 1 focus", "Weeks 2\u20133", "Week 4 review",
                      "Daily habits", "Accountability partner")
    assert len(rows) == REPS and rows[0][0] == "Aria Haddad"
    ava = next(dict(zip(header, r, strict=True)) for r in rows if r[0] == "Ava Chen")
    assert ava["Daily habits"] == "Prospecting block 9-10; log next steps the same day"
    assert ava["Accountability partner"] == "Liam Novak" and ava["Manager"] == "Tommy Becker"
    assert wb["First 30 days"].auto_filter.ref  # a manager filters to their team


def test_hostile_rep_names_and_plans(tmp_path: Path, demo_store: OffsiteStore) -> None:
    kid = _kickoff_id(demo_store)
    with demo_store.edit() as s:
        rep = Person(name="=cmd|' /C calc'!A0 [x]:*? 🎉\x07" + "z" * 300, role="rep")
        s.add(rep)
        s.flush()
        s.add(First30Plan(offsite_id=kid, person_id=rep.id, week1_focus="+SUM(1)\x00 🎉",
                          daily_habits="\x1b[31m escape", partner_id=None))
        s.add(Attainment(offsite_id=kid, person_id=rep.id, attainment=1.25))
    data = gather(demo_store, kid, now=NOW)
    wb = load_workbook(write_xlsx(data, tmp_path / "ko.xlsx"))
    ws = wb["First 30 days"]
    row = next(r for r in ws.iter_rows(min_row=2) if str(r[0].value).startswith("=cmd"))
    assert row[0].data_type == "s" and row[0].quotePrefix and "\x07" not in row[0].value
    focus = row[2]
    assert focus.value == "+SUM(1) 🎉" and focus.data_type == "s" and focus.quotePrefix
    assert row[5].value == "[31m escape"
    prs = Presentation(str(write_pptx(data, tmp_path / "ko.pptx")))
    chairman = _text_of(_titled(prs, "Chairman's Club"))
    assert "=cmd|' /C calc'!A0 [x]:*? 🎉zz" in chairman and "\x07" not in chairman


# --- deck -------------------------------------------------------------------------------


def test_kickoff_deck_slides(tmp_path: Path, kickoff: ExportData) -> None:
    prs = Presentation(str(write_pptx(kickoff, tmp_path / "ko.pptx")))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[:13] == [
        "Sales kickoff 2026",
        "The agenda as planned (1 of 2)",  # nothing was timed: no empty "Actual" bars
        "The agenda as planned (2 of 2)",
        "Looking back: revenue at 92% of goal",
        "What attendees said: 10 survey responses",
        "Reality audit: where the team stands (1 of 2)",
        "Reality audit: where the team stands (2 of 2)",
        "Training priorities: the largest confidence gaps",
        "Goal architecture: what carries the number",
        "The agenda mix against 60/30/10",
        "President's Club: 100% of plan or more",
        "Chairman's Club: 125% of plan or more",
        "Success grid: did the kickoff stick?",
    ]
    assert not any(t.startswith(("What the room supports", "Our big bets")) for t in titles)
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width
            assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height
    agenda = _titled(prs, "The agenda as planned")[1]
    labels = [c for s in agenda.shapes if s.has_chart for c in s.chart.plots[0].categories]
    assert labels[-1].startswith("Day 2 15:15")  # the second day starts again at 9:00
    series = [se for slide in prs.slides for s in slide.shapes if s.has_chart
              for se in s.chart.series]
    assert series and not [se.name for se in series if all(v is None for v in se.values)]


def test_look_back_and_mix_charts(tmp_path: Path, kickoff: ExportData) -> None:
    prs = Presentation(str(write_pptx(kickoff, tmp_path / "ko.pptx")))
    look = _titled(prs, "Looking back")[0]
    chart = next(s.chart for s in look.shapes if s.has_chart)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].series[0].values) == pytest.approx([24.0, 22.1])
    objectives = _table(look)
    assert [c.text for c in objectives.rows[3].cells] == [
        "Competitive win rate from 38% to 45% in Q1", "Missed"]
    mix = _titled(prs, "The agenda mix")[0]
    chart = next(s.chart for s in mix.shapes if s.has_chart)
    assert list(chart.plots[0].categories) == ["Skills", "Strategy", "Culture"]
    assert list(chart.plots[0].series[0].values) == pytest.approx([0.6, 0.3, 0.1])
    text = _text_of([mix])
    assert "Compensation flag" in text and "New comp plan walkthrough" in text
    assert "within two weeks" in text


def test_heat_map_is_a_coloured_native_table_split_past_15_reps(
        tmp_path: Path, kickoff: ExportData) -> None:
    assert kickoff.kickoff is not None
    audit = kickoff.kickoff.audit
    prs = Presentation(str(write_pptx(kickoff, tmp_path / "ko.pptx")))
    slides = _titled(prs, "Reality audit")
    assert len(slides) == 2
    seen = 0
    for slide in slides:
        table = _table(slide)
        header = [c.text for c in table.rows[0].cells]
        assert header == ["Rep (anonymous)", *audit.competencies]
        rows = list(table.rows)[1:]
        assert rows[0].cells[0].text == "Team average" and len(rows) - 1 <= 15
        for r, row in enumerate(rows[1:], start=1):
            rep = audit.reps[seen]
            assert row.cells[0].text == f"Rep {seen + 1}"
            for c, cell in enumerate(rep.cells, start=1):
                got = str(table.cell(r + 1, c).fill.fore_color.rgb)
                assert got == HEAT[heat_level(cell.manager_rating)]
                assert row.cells[c].text.startswith(f"{cell.manager_rating:.0f}")
            seen += 1
    assert seen == REPS
    for rep in audit.reps:  # names only when the Keeper chooses
        assert rep.name not in _text_of(slides), rep.name


def test_heat_map_names_when_chosen(tmp_path: Path, kickoff: ExportData) -> None:
    assert kickoff.kickoff is not None
    prs = Presentation(str(write_pptx(kickoff, tmp_path / "ko.pptx", names=True)))
    slides = _titled(prs, "Reality audit")
    names = [r.cells[0].text for s in slides for r in list(_table(s).rows)[2:]]
    assert names == [r.name for r in kickoff.kickoff.audit.reps]


def test_priorities_goals_tiers_and_grid(tmp_path: Path, kickoff: ExportData) -> None:
    prs = Presentation(str(write_pptx(kickoff, tmp_path / "ko.pptx")))
    pri = _titled(prs, "Training priorities")[0]
    chart = next(s.chart for s in pri.shapes if s.has_chart)
    assert list(chart.plots[0].categories)[:3] == [
        "Discovery questioning", "Competitive differentiation", "Objection handling"]
    assert "1. Discovery questioning" in _text_of([pri])

    goals = _titled(prs, "Goal architecture")[0]
    lines = [s for s in goals.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(lines) == 8  # one per link
    text = _text_of([goals])
    assert "Generate $2M in Q1 pipeline" in text and "Target: battle cards" in text

    president = _text_of(_titled(prs, "President's Club"))
    for name in ("Mia Kowalski", "Chloe Martin"):
        assert name in president
    assert "121% of plan" in president and "Henry Dubois" not in president
    chairman = _text_of(_titled(prs, "Chairman's Club"))
    assert "Henry Dubois" in chairman and "141% of plan" in chairman

    grid = _table(_titled(prs, "Success grid")[0])
    header = [c.text for c in grid.rows[0].cells]
    assert header == ["Horizon", "Metric", "Target", "Day 7", "Day 30", "Day 60", "Day 90",
                      "Status"]
    pipeline = [c.text for c in grid.rows[5].cells]
    assert pipeline == ["2-12 months", "Q1 pipeline created", "$2M", "", "$0.7M", "$1.4M",
                        "$2.2M", "met"]
    assert str(grid.cell(5, 7).fill.fore_color.rgb) == GREEN
    assert str(grid.cell(1, 7).fill.fore_color.rgb) == RED


# --- choosing the offsite ---------------------------------------------------------------


def test_export_files_and_the_cli_take_an_offsite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=FakeClock(NOW)).close()
    store = OffsiteStore.open(path, read_only=True)
    kid = _kickoff_id(store)
    store.close()
    default = tmp_path / "default.xlsx"
    export_files(path, xlsx=default, now=NOW)
    assert "Look back" not in load_workbook(default).sheetnames  # the current offsite
    args = argparse.Namespace(file=path, xlsx=tmp_path / "ko.xlsx", pptx=None, template=None,
                              names=False, offsite=kid)
    assert cmd_export(args) == 0
    assert load_workbook(tmp_path / "ko.xlsx").sheetnames == KICKOFF_SHEETS
    args.offsite = 999
    assert cmd_export(args) == 1
    err = capsys.readouterr().err
    assert "no offsite with the id 999" in err and f"{kid} Sales kickoff 2026" in err


def test_kickoff_workbook_has_native_charts_where_a_reader_looks(tmp_path: Path,
                                                                kickoff: ExportData) -> None:
    wb = load_workbook(write_xlsx(kickoff, tmp_path / "ko.xlsx"))
    audit, = wb["Reality audit"]._charts
    refs = [s.val.numRef.f for s in audit.series]
    assert len(refs) == 2 and all(r.startswith("'Reality audit'!$B$") or
                                  r.startswith("'Reality audit'!$C$") for r in refs)
    assert audit.series[0].tx.strRef.f.startswith("'Reality audit'!B")  # "Self (mean)"
    tiers, = wb["Recognition"]._charts
    assert len(tiers.series) == 1
