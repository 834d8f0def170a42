"""The workbook's sheets for a sales kickoff: Look back, Reality audit (a heat map), Goals,
Recognition, Success grid, Check-ins, and First 30 days (a row per rep).
"""

from __future__ import annotations

import functools
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.colours import GAP, GAP_LEGEND, HEAT, HEAT_LEGEND, METRIC, NAVY, VERDICT
from exporters.data import ExportData
from exporters.data_kickoff import AuditCell, KickoffData
from exporters.xlsx.kit import (
    BOLD_FONT,
    DATE_FORMAT,
    FONT_NAME,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    LABEL_FONT,
    PERCENT_FORMAT,
    THIN,
    TITLE_FONT,
    Fill,
    Look,
    Table,
    bar_chart,
    colour,
    dress,
    fill_look,
    put,
)
from keeper.kickoff.rules import GoalNode

MONEY_FORMAT = "#,##0"
RATING_FORMAT = "0.0"
GAP_FORMAT = '+0.0;"−"0.0;0.0'
SECTION_FONT = Font(name=FONT_NAME, bold=True, size=13, color=NAVY)
RATING_WIDTH = 5.5


def _ko(data: ExportData) -> KickoffData:
    assert data.kickoff is not None
    return data.kickoff


def _title(ws: Worksheet, text: str, row: int = 1) -> None:
    put(ws, row, 1, text)
    ws.cell(row=row, column=1).font = TITLE_FONT
    ws.row_dimensions[row].height = 26


def _section(ws: Worksheet, row: int, text: str, column: int = 1) -> None:
    put(ws, row, column, text)
    ws.cell(row=row, column=column).font = SECTION_FONT


def _widths(ws: Worksheet, widths: dict[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def _look_back(ws: Worksheet, data: ExportData) -> None:
    lb = _ko(data).look_back
    _title(ws, f"Look back: {data.offsite.title}")
    _section(ws, 3, "Revenue against goal")
    share = lb.revenue_share
    verdict = lb.revenue_verdict.capitalize()
    facts: list[tuple[str, Any, str | None]] = [
        ("Goal", lb.revenue_goal, MONEY_FORMAT), ("Actual", lb.revenue_actual, MONEY_FORMAT),
        ("Share of goal", share, PERCENT_FORMAT), ("Verdict", verdict, None),
        ("Outside factors", lb.outside_factors or "", None)]
    for row, (label, value, fmt) in enumerate(facts, start=4):
        put(ws, row, 1, label).font = LABEL_FONT
        cell = put(ws, row, 2, value)
        cell.alignment = Alignment(horizontal="left", vertical="top")
        if fmt:
            cell.number_format = fmt
    colour(ws, 7, 2, VERDICT, "hit" if lb.revenue_verdict == "met" else lb.revenue_verdict)
    row = 4 + len(facts)

    _section(ws, row + 1, "Objectives set for attendees")
    obj = Table(ws, ["Objective", "Hit / missed"], row=row + 2, wrap=(0,))
    for objective in lb.objectives:
        text, hit = objective.text, objective.hit
        word = "Not scored" if hit is None else ("Hit" if hit else "Missed")
        obj.add([text, word])
        colour(ws, obj.last_row, 2, VERDICT, word)
    obj.widths[0], obj.widths[1] = 46, 16
    obj.finish(filter_=False, freeze=False)
    row = obj.last_row + 2

    s = lb.survey
    _section(ws, row, f"Attendee survey: {s.responses} responses")
    avg = Table(ws, ["Rating question", "Average", "Answers"], row=row + 1,
                 formats={1: "0.00"})
    for q in lb.questions:
        avg.add([q, s.averages.get(q), s.rated.get(q, 0)])
    row = avg.last_row + 2
    for label, themes in (("Most frequent: what went well", s.went_well_themes),
                          ("Most frequent: what to improve", s.to_improve_themes)):
        t = Table(ws, [label, "Mentions"], row=row)
        for theme, count in themes:
            t.add([theme, count])
        if not themes:
            t.add(["(no theme mentioned twice)", None])
        row = t.last_row + 2

    left = 6
    raw = Table(ws, ["Respondent", "What went well", "What to improve", *lb.questions],
                 row=3, col=left, wrap=(1, 2))
    raw.widths[1] = raw.widths[2] = 45
    for r in lb.responses:
        raw.add([r.respondent or "", r.went_well or "", r.to_improve or "",
                 *(r.ratings.get(q) for q in lb.questions)])
    _section(ws, 2, "Survey responses", column=left)
    raw.finish(freeze=False)
    _widths(ws, {"A": 46, "B": 16, "C": 14, "D": 10, "E": 3})


CENTRED = Alignment(horizontal="center", vertical="center")


@functools.cache
def _plain_rating(fmt: str) -> Look:
    return Look(alignment=CENTRED, number_format=fmt)


def _rating_cell(ws: Worksheet, row: int, col: int, value: float | None, level: str,
                 table: dict[str, str], fmt: str) -> None:
    cell = put(ws, row, col, None if value is None else round(value, 1))
    dress(cell, fill_look(table[level], CENTRED, fmt) if level in table else
          _plain_rating(fmt))


def _header(ws: Worksheet, row: int, col: int, text: str, rotate: bool = False) -> None:
    cell = put(ws, row, col, text)
    cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, HEADER_BORDER
    cell.alignment = (Alignment(text_rotation=90, horizontal="center", vertical="bottom",
                                wrap_text=True) if rotate else Alignment(vertical="bottom"))


def _audit(ws: Worksheet, data: ExportData) -> None:
    audit = _ko(data).audit
    comps, metrics = audit.competencies, audit.metric_names
    n = len(comps)
    first = 3 + len(metrics)  # first self-rating column
    groups = (("Self-rating (1-10)", "self"), ("Manager rating (1-10)", "manager"),
              ("Gap: self \u2212 manager", "gap"))
    starts = [first + g * (n + 1) for g in range(len(groups))]
    for col, text in ((1, "Rep"), (2, "Manager"), *((3 + i, m) for i, m in enumerate(metrics))):
        _header(ws, 2, col, text, rotate=col > 2)
        ws.cell(row=1, column=col).fill = HEADER_FILL
    for (label, _), start in zip(groups, starts, strict=True):
        if not n:
            break
        ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=start + n - 1)
        _header(ws, 1, start, label)
        ws.cell(row=1, column=start).alignment = Alignment(horizontal="center")
        for i, comp in enumerate(comps):
            _header(ws, 2, start + i, comp, rotate=True)
            ws.column_dimensions[get_column_letter(start + i)].width = RATING_WIDTH
        ws.column_dimensions[get_column_letter(start + n)].width = 2
    ws.row_dimensions[2].height = 150

    def cells(row: int, values: tuple[AuditCell, ...]) -> None:
        for i, c in enumerate(values):
            _rating_cell(ws, row, starts[0] + i, c.self_rating, c.self_level, HEAT, RATING_FORMAT)
            _rating_cell(ws, row, starts[1] + i, c.manager_rating, c.manager_level, HEAT,
                         RATING_FORMAT)
            _rating_cell(ws, row, starts[2] + i, c.gap, c.gap_level, GAP, GAP_FORMAT)

    row = 3
    for rep in audit.reps:
        put(ws, row, 1, rep.name)
        put(ws, row, 2, rep.manager or "")
        for i, value in enumerate(rep.metrics):
            put(ws, row, 3 + i, value)
        cells(row, rep.cells)
        row += 1
    last_rep = row - 1
    if audit.reps:
        end = get_column_letter(starts[-1] + n - 1 if n else 2 + len(metrics))
        ws.auto_filter.ref = f"A2:{end}{last_rep}"
    ws.freeze_panes = "C3"
    team_row = row + 1
    put(ws, team_row, 1, "Team average")
    ws.cell(row=team_row, column=1).font = BOLD_FONT
    cells(team_row, audit.team)
    for c in range(1, (starts[-1] + n) if n else 3):
        ws.cell(row=team_row, column=c).border = Border(top=THIN)
        ws.cell(row=team_row, column=c).font = BOLD_FONT

    row = team_row + 2
    _section(ws, row, "Team gaps and training priorities")
    priority = {g.competency_id: k for k, g in enumerate(audit.priorities, start=1)}
    heads = ["Competency", "Self (mean)", "Manager (mean)", "Gap", "Reps rated",
             "Training priority"]
    gaps = Table(ws, heads, row=row + 1,
                 formats={1: RATING_FORMAT, 2: RATING_FORMAT, 3: GAP_FORMAT})
    for c in range(2, 7):  # the rating columns are narrow: headers stand up, as above
        _header(ws, row + 1, c, heads[c - 1], rotate=True)
    ws.row_dimensions[row + 1].height = 95
    for g in sorted(audit.gaps, key=lambda g: -(g.gap if g.gap is not None else -99)):
        gaps.add([g.name, g.self_mean, g.manager_mean, g.gap, g.rated,
                  priority.get(g.competency_id)])
        if g.competency_id in priority:
            for c in range(1, 7):
                ws.cell(row=gaps.last_row, column=c).font = BOLD_FONT
    if audit.gaps:  # beside the gaps table: where self and manager see it differently
        bar_chart(ws, f"H{row + 1}", "Self vs manager rating (team means)",
                  categories=(1, row + 2, gaps.last_row), series=(2, 3), header_row=row + 1,
                  number_format=RATING_FORMAT, across=True)
    row = gaps.last_row + 2
    legend = [("Ratings", "")] + [(f"{band} ({span})", HEAT[band]) for band, span in HEAT_LEGEND]
    legend += [("Gap", "")] + [(text, GAP[band]) for band, text in GAP_LEGEND]
    for label, fill in legend:
        cell = put(ws, row, 1, label)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        else:
            cell.font = LABEL_FONT
        row += 1
    longest = max([len(r.name) for r in audit.reps] + [len(c) for c in comps] + [14])
    _widths(ws, {"A": min(40, longest + 2), "B": 16})
    for i in range(len(metrics)):
        ws.column_dimensions[get_column_letter(3 + i)].width = 8


def _goals(ws: Worksheet, data: ExportData) -> None:
    goals = _ko(data).goals
    by_text = {r.text: r for r in goals.rows}
    paths = Table(ws, ["Outcome goal", "Target", "Performance goal (activity)", "Target",
                        "Development goal (skill)", "Target"], wrap=(0, 2, 4))
    for i in (0, 2, 4):
        paths.widths[i] = 36
    for outcome in goals.tree:
        chains: list[tuple[GoalNode | None, GoalNode | None]] = [
            (p, d) for p in outcome.children for d in (p.children or (None,))] or [(None, None)]
        for perf, dev in chains:
            paths.add([outcome.text, by_text[outcome.text].target or "",
                       perf.text if perf else "", (by_text[perf.text].target or "") if perf else "",
                       dev.text if dev else "", (by_text[dev.text].target or "") if dev else ""])
    paths.finish()
    _section(ws, paths.last_row + 2, "Each goal and its links")
    rows = Table(ws, ["Goal", "Layer", "Carries", "Target", "Carried by"],
                  row=paths.last_row + 3, wrap=(0, 2, 4))
    for r in goals.rows:
        rows.add([r.text, r.layer, "; ".join(r.carries), r.target or "",
                  "; ".join(r.carried_by)])
    rows.widths = list(paths.widths[:5])
    rows.widths[1] = max(rows.widths[1], 13)  # "performance"
    rows.finish(filter_=False, freeze=False)
    if goals.unlinked:
        row = rows.last_row + 2
        _section(ws, row, "Not linked yet")
        for k, message in enumerate(goals.unlinked, start=row + 1):
            put(ws, k, 1, message)


def _recognition(ws: Worksheet, data: ExportData) -> None:
    rec = _ko(data).recognition
    table = Table(ws, ["Rep", "Attainment (of plan)", "Tier"], formats={1: PERCENT_FORMAT})
    for name, value, tier in rec.attainment:
        table.add([name, value, tier or ""])
    table.finish()
    tiers = Table(ws, ["Tier", "Threshold (of plan)", "Reps"], formats={1: PERCENT_FORMAT},
                   col=len(table.widths) + 2)
    for t in sorted(rec.tiers, key=lambda t: -t.threshold):
        tiers.add([t.name, t.threshold, len(t.reps)])
    tiers.finish(filter_=False, freeze=False)
    if rec.tiers:
        left = tiers.left
        bar_chart(ws, f"{get_column_letter(left)}{tiers.last_row + 2}", "Reps in each tier",
                  categories=(left, tiers.top + 1, tiers.last_row), series=(left + 2,),
                  header_row=tiers.top)


def _measure_label(data: ExportData, date: Any) -> str:
    start = data.offsite.date
    after = f" (day {(date - start).days})" if start else ""
    return f"{date:%d %b %Y}{after}"


def _success(ws: Worksheet, data: ExportData) -> None:
    ko = _ko(data)
    dates = list(ko.measure_dates)
    table = Table(ws, ["Horizon", "Metric", "Unit", "Better", "Target",
                        *(_measure_label(data, d) for d in dates), "Latest", "Status"],
                   wrap=(1,))
    table.widths[1] = 36
    status_col = len(table.widths)
    for m in ko.grid:
        at = {x.measured_on: x.value for x in m.measures}
        table.add([m.horizon, m.name, m.unit or "", "higher" if m.higher_is_better else "lower",
                   m.target, *(at.get(d) for d in dates), m.latest, m.status])
        colour(ws, table.last_row, status_col, METRIC, m.status)
    table.finish()


def _check_ins(ws: Worksheet, data: ExportData) -> None:
    start = data.offsite.date
    table = Table(ws, ["Date", "Days after", "Check-in", "Notes"], formats={0: DATE_FORMAT},
                   wrap=(3,))
    table.widths[3] = 70
    for c in data.day.check_ins if data.day else ():
        table.add([c.date, (c.date - start).days if start else None, c.label or "",
                   c.notes or ""])
    table.finish()


def _first30(ws: Worksheet, data: ExportData) -> None:
    """One row per rep: a manager filters to their team, a rep reads one row."""
    table = Table(ws, ["Rep", "Manager", "Week 1 focus", "Weeks 2\u20133", "Week 4 review",
                       "Daily habits", "Accountability partner"], wrap=(2, 3, 4, 5))
    for i in (2, 3, 4, 5):
        table.widths[i] = 40
    for plan in _ko(data).first30:
        table.add([plan.rep, plan.manager or "", plan.week1_focus or "", plan.weeks2_3 or "",
                   plan.week4_review or "", plan.daily_habits or "", plan.partner or ""])
    table.finish()


def summary_rows(data: ExportData) -> list[tuple[str, Any, str | None]]:
    ko = data.kickoff
    if ko is None:
        return []
    lb = ko.look_back
    hit = sum(1 for o in lb.objectives if o.hit)
    rows: list[tuple[str, Any, str | None]] = [
        ("Revenue against goal", lb.revenue_text, None),
        ("Objectives hit", f"{hit} of {len(lb.objectives)}", None),
        ("Survey responses", lb.survey.responses, None),
        ("Training priorities", ", ".join(g.name for g in ko.audit.priorities) or "None", None),
    ]
    for t in sorted(ko.recognition.tiers, key=lambda t: -t.threshold):
        rows.append((t.name, f"{len(t.reps)} reps at {t.threshold:.0%} of plan or more", None))
    for title, advice in ko.mix.compensation:
        rows.append(("Compensation flag", f"{title}: {advice}", None))
    return rows


def kickoff_sheets(data: ExportData) -> list[tuple[str, Fill]]:
    ko = data.kickoff
    if ko is None:
        return []
    sheets: list[tuple[str, Fill]] = [
        ("Look back", _look_back), ("Reality audit", _audit), ("Goals", _goals),
        ("Recognition", _recognition), ("Success grid", _success), ("Check-ins", _check_ins),
    ]
    if ko.first30:
        sheets.append(("First 30 days", _first30))
    return sheets

