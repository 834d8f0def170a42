"""The offsite's own sheets: Ideas, Tally (+ a native bar chart), Agenda,
Quadrant (+ the shares table) and People.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.colours import CHART_BLUE
from exporters.data import ExportData
from exporters.xlsx.kit import (
    BOLD_FONT,
    MINUTES_FORMAT,
    PERCENT_FORMAT,
    SCORE_FORMAT,
    TIME_FORMAT,
    Fill,
    Table,
    minutes_of,
    time_of,
    yes_no,
)
from keeper.store.kinds import OffsiteKind

CHART_ROWS = 15  # the chart shows the top of the ranking; the table has it all


def _ideas(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["Note", "Author", "Cluster", f"{data.count_word} (note)",
                        f"{data.count_word} (cluster)", "Supported by"], wrap=(0, 5))
    for idea in data.ideas:
        table.add([idea.text, idea.author or "", idea.cluster or "", idea.supporters,
                   idea.cluster_supporters,
                   ", ".join(idea.supporter_names)])
    table.finish()


def _tally(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["Rank", "Cluster", data.count_word, "Big bet", "Initiative", "Notes",
                        "Supported by"], wrap=(1, 4, 6))
    table.widths[6] = 50
    for row in data.tally:
        title = row.title if row.kind == "cluster" else f"{row.title} (unclustered note)"
        table.add([row.rank, title, row.count, yes_no(row.big_bet),
                   row.initiative or "", len(row.notes), ", ".join(row.supporter_names)])
    table.finish()
    shown = min(CHART_ROWS, len(data.tally))
    if not shown:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = f"{data.count_word} per cluster (top {shown})"
    chart.y_axis.title = data.count_word
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    values = Reference(ws, min_col=3, min_row=1, max_row=1 + shown)
    cats = Reference(ws, min_col=2, min_row=2, max_row=1 + shown)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(cats)
    chart.legend = None
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    for flag in ("showCatName", "showSerName", "showLegendKey", "showPercent"):
        setattr(chart.dataLabels, flag, False)
    series = chart.series[0]
    series.graphicalProperties.solidFill = CHART_BLUE
    series.graphicalProperties.line.solidFill = CHART_BLUE
    chart.height = max(7.5, 0.8 * shown + 2)
    chart.width = 18
    ws.add_chart(chart, f"{get_column_letter(len(table.widths) + 2)}2")


def _agenda(ws: Worksheet, data: ExportData) -> None:
    days = len({a.day for a in data.agenda}) > 1  # a two-day kickoff: say which day
    table = Table(
        ws,
        ["#", "Item", "Kind", "Content", "Presenter", "Planned start", "Planned end",
         "Planned minutes", "Actual start", "Actual end", "Actual minutes", "Over (+) / under (−)",
         "Status", *(["Day"] if days else [])],
        formats={5: TIME_FORMAT, 6: TIME_FORMAT, 8: TIME_FORMAT, 9: TIME_FORMAT,
                 10: MINUTES_FORMAT, 11: '+0.0;"−"0.0;0.0'},
        wrap=(1,),
    )
    for a in data.agenda:
        table.add([a.position, a.title, a.kind, a.content_tag or "", a.presenter or "",
                   time_of(a.planned_start), time_of(a.planned_end), a.planned_minutes,
                   time_of(a.actual_start), time_of(a.actual_end), minutes_of(a.actual_minutes),
                   minutes_of(a.over_minutes), a.status, *([a.day] if days else [])])
    table.finish()


def _quadrant(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["Rep", "Manager", "Skill", "Motivation", "Quadrant",
                        "Previous quadrant", "Moved"],
                   formats={2: SCORE_FORMAT, 3: SCORE_FORMAT})
    for q in data.quadrant:
        table.add([q.rep, q.manager or "", q.skill, q.motivation, q.quadrant,
                   q.previous_quadrant or "", yes_no(q.moved) if q.moved is not None else "New"])
    table.finish()
    left = len(table.widths) + 2
    shares = Table(ws, ["Quadrant", "Axes", "Reps", "Share", "Previous reps", "Previous share",
                         "Care plan"],
                    formats={3: PERCENT_FORMAT, 5: PERCENT_FORMAT}, wrap=(6,), col=left)
    for s in data.shares:
        shares.add([s.quadrant, s.axes, s.count, s.share, s.previous_count, s.previous_share,
                    s.care_plan or ""])
    shares.add(["Total", "", data.reps_placed, 1.0 if data.reps_placed else 0.0,
                data.previous_reps_placed, 1.0 if data.previous_reps_placed else None, ""])
    for c in range(left, left + len(shares.widths)):
        ws.cell(row=shares.last_row, column=c).font = BOLD_FONT
    shares.finish(filter_=False, freeze=False)


def _people(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["Name", "Role", "Manager", "Email", "Active", "Attended",
                        "Gratitude note"], wrap=(6,))
    attending = {a.person_id: a for a in data.attendees}
    for p in data.people:
        came = attending.get(p.id)
        table.add([p.name, p.role, data.names.get(p.manager_id or -1, ""), p.email or "",
                   yes_no(p.active), yes_no(came is not None),
                   (came.gratitude_note if came else None) or ""])
    table.finish()


SHEETS: tuple[tuple[str, Callable[[Worksheet, ExportData], None]], ...] = (
    ("Ideas", _ideas),
    ("Tally", _tally),
    ("Agenda", _agenda),
    ("Quadrant", _quadrant),
    ("People", _people),
)


def _wanted(title: str, data: ExportData) -> bool:
    """A kickoff leaves out the board and quadrant sheets it holds nothing for."""
    if data.offsite.kind != OffsiteKind.KICKOFF:
        return True
    if title in ("Ideas", "Tally"):
        return bool(data.ideas)
    return bool(data.quadrant) if title == "Quadrant" else True


def offsite_sheets(data: ExportData) -> list[tuple[str, Fill]]:
    """(title, fill) for each of the offsite's own sheets this offsite has."""
    return [s for s in SHEETS if _wanted(s[0], data)]
