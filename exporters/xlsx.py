"""The tally workbook (openpyxl): computed values only, never formulas.

Sheets: Summary, Ideas, Tally (+ a native bar chart), Agenda, Quadrant (+ the
shares table), People. Numbers are numbers and times are times; each table
has a styled, frozen header row, a filter and column widths fitted to content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.data import ExportData
from keeper.tables.atomic import write_atomically
from keeper.tables.cells import set_value

HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
FONT_NAME = "Calibri"  # LibreOffice draws it with the metric-compatible Carlito
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16, color="1F3A5F")
LABEL_FONT = Font(name=FONT_NAME, bold=True, color="44546A")
BOLD_FONT = Font(name=FONT_NAME, bold=True)
LINE_HEIGHT = 15.0  # points per line of 11-pt text
THIN = Side(style="thin", color="C9D3DF")
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TIME_FORMAT = "hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
MINUTES_FORMAT = "0.0"
SCORE_FORMAT = "0.00"
PERCENT_FORMAT = "0%"
MAX_WIDTH = 60
CHART_ROWS = 15  # the chart shows the top of the ranking; the table has it all


def _yes(flag: bool | None) -> str:
    return "" if flag is None else ("Yes" if flag else "No")


def _time(moment: dt.datetime | None) -> dt.time | None:
    return None if moment is None else moment.time().replace(microsecond=0)


def _minutes(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


class _Table:
    """A header row plus rows on a sheet, with widths tracked as rows are written."""

    def __init__(self, ws: Worksheet, headers: Sequence[str], formats: dict[int, str] | None = None,
                 wrap: Sequence[int] = (), row: int = 1, col: int = 1) -> None:
        self.ws, self.top, self.left = ws, row, col
        self.formats = formats or {}
        self.wrap = set(wrap)
        self._wrapped: list[tuple[int, int, int]] = []  # (row, column index, text length)
        self.widths = [len(h) + 4 for h in headers]  # room for the filter button
        for i, header in enumerate(headers):
            cell = ws.cell(row=row, column=col + i, value=header)
            cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, HEADER_BORDER
            cell.alignment = Alignment(vertical="center")
        self.next_row = row + 1

    def add(self, values: Sequence[Any]) -> None:
        for i, value in enumerate(values):
            cell = self.ws.cell(row=self.next_row, column=self.left + i)
            set_value(cell, value)
            if i in self.formats:
                cell.number_format = self.formats[i]
            cell.alignment = WRAP if i in self.wrap else TOP
            self.widths[i] = max(self.widths[i], _width_of(value))
            if i in self.wrap and isinstance(value, str) and value:
                self._wrapped.append((self.next_row, i, len(value)))
        self.next_row += 1

    @property
    def last_row(self) -> int:
        return self.next_row - 1

    @property
    def ref(self) -> str:
        last_col = get_column_letter(self.left + len(self.widths) - 1)
        return f"{get_column_letter(self.left)}{self.top}:{last_col}{max(self.last_row, self.top)}"

    def finish(self, *, filter_: bool = True, freeze: bool = True) -> None:
        for i, width in enumerate(self.widths):
            letter = get_column_letter(self.left + i)
            self.ws.column_dimensions[letter].width = min(MAX_WIDTH, max(8, width))
        self._fit_rows()
        if filter_:
            self.ws.auto_filter.ref = self.ref
        if freeze:
            self.ws.freeze_panes = self.ws.cell(row=self.top + 1, column=1)


    def _fit_rows(self) -> None:
        """Row heights for wrapped text (LibreOffice does not re-fit them on opening)."""
        lines: dict[int, int] = {}
        for row, i, length in self._wrapped:
            width = (min(MAX_WIDTH, max(8, self.widths[i])) - 1) * 1.15  # Calibri is narrow
            need = min(40, -(-length // max(1, int(width))))
            lines[row] = max(lines.get(row, 1), need)
        for row, count in lines.items():
            if count > 1:
                current = self.ws.row_dimensions[row].height or LINE_HEIGHT
                self.ws.row_dimensions[row].height = max(current, LINE_HEIGHT * count)


def _width_of(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.time):
        return 7
    if isinstance(value, float):
        return 8
    text = str(value)
    longest = max((len(line) for line in text[:400].splitlines()), default=0)
    return longest + 2


_BOARD_ROWS = ("Opportunity notes", "Clusters", "Counted as", "Big bets", "Company initiatives",
               "Reps placed on the quadrant")


def _summary(ws: Worksheet, data: ExportData) -> None:
    o = data.offsite
    ws.title = "Summary"
    set_value(ws.cell(row=1, column=1), o.title)
    ws.cell(row=1, column=1).font = TITLE_FONT
    ws.row_dimensions[1].height = 26
    bets = ", ".join(b.title for b in data.big_bets) or "None chosen yet"
    done = [a for a in data.agenda if a.over_minutes is not None]  # finished items
    late = sum((a.over_minutes or 0.0) for a in done)
    rows: list[tuple[str, Any, str | None]] = [
        ("Date", o.date, DATE_FORMAT),
        ("Venue", o.venue or "", None),
        ("Keeper", o.keeper or "", None),
        ("Day start", o.day_start, TIME_FORMAT),
        ("Leaders attending", sum(1 for a in data.attendees if a.role != "rep"), None),
        ("Opportunity notes", len(data.ideas), None),
        ("Clusters", sum(1 for t in data.tally if t.kind == "cluster"), None),
        ("Counted as", data.count_word.lower(), None),
        ("Big bets", bets, None),
        ("Company initiatives", len(data.initiatives), None),
        ("Agenda items run", len(done), None),
        ("Minutes over plan (items run)", round(late, 1), MINUTES_FORMAT),
        ("Reps placed on the quadrant", data.reps_placed, None),
        ("Compared with", o.previous_title or "", None),
        ("Exported", data.generated_at.replace(microsecond=0), "yyyy-mm-dd hh:mm"),
    ]
    from exporters.xlsx_day import summary_rows as day_rows
    from exporters.xlsx_kickoff import summary_rows as kickoff_rows

    rows[-1:-1] = day_rows(data) + kickoff_rows(data)  # before "Exported"
    board = data.offsite.kind != "kickoff" or bool(data.ideas)
    if not board:  # a kickoff without a board: nothing to say about notes and big bets
        rows = [r for r in rows if r[0] not in _BOARD_ROWS]
    for i, text in enumerate(data.big_bet_issues if board else ()):
        rows.append(("Check" if i == 0 else "", text, None))
    for i, text in enumerate(data.quadrant_flags):
        rows.append(("Quadrant flag" if i == 0 else "", text, None))
    for r, (label, value, fmt) in enumerate(rows, start=3):
        label_cell = ws.cell(row=r, column=1, value=label)
        label_cell.font, label_cell.alignment = LABEL_FONT, TOP
        cell = ws.cell(row=r, column=2)
        set_value(cell, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if fmt:
            cell.number_format = fmt
        if isinstance(value, str) and len(value) > 75:
            ws.row_dimensions[r].height = LINE_HEIGHT * min(20, -(-len(value) // 75))
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 70


def _ideas(ws: Worksheet, data: ExportData) -> None:
    table = _Table(ws, ["Note", "Author", "Cluster", f"{data.count_word} (note)",
                        f"{data.count_word} (cluster)", "Supported by"], wrap=(0, 5))
    for idea in data.ideas:
        table.add([idea.text, idea.author or "", idea.cluster or "", idea.supporters,
                   idea.cluster_supporters,
                   ", ".join(idea.supporter_names)])
    table.finish()


def _tally(ws: Worksheet, data: ExportData) -> None:
    table = _Table(ws, ["Rank", "Cluster", data.count_word, "Big bet", "Initiative", "Notes",
                        "Supported by"], wrap=(1, 4, 6))
    table.widths[6] = 50
    for row in data.tally:
        title = row.title if row.kind == "cluster" else f"{row.title} (unclustered note)"
        table.add([row.rank, title, row.count, _yes(row.big_bet),
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
    series.graphicalProperties.solidFill = "2E86AB"
    series.graphicalProperties.line.solidFill = "2E86AB"
    chart.height = max(7.5, 0.8 * shown + 2)
    chart.width = 18
    ws.add_chart(chart, f"{get_column_letter(len(table.widths) + 2)}2")


def _agenda(ws: Worksheet, data: ExportData) -> None:
    days = len({a.day for a in data.agenda}) > 1  # a two-day kickoff: say which day
    table = _Table(
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
                   _time(a.planned_start), _time(a.planned_end), a.planned_minutes,
                   _time(a.actual_start), _time(a.actual_end), _minutes(a.actual_minutes),
                   _minutes(a.over_minutes), a.status, *([a.day] if days else [])])
    table.finish()


def _quadrant(ws: Worksheet, data: ExportData) -> None:
    table = _Table(ws, ["Rep", "Manager", "Skill", "Motivation", "Quadrant",
                        "Previous quadrant", "Moved"],
                   formats={2: SCORE_FORMAT, 3: SCORE_FORMAT})
    for q in data.quadrant:
        table.add([q.rep, q.manager or "", q.skill, q.motivation, q.quadrant,
                   q.previous_quadrant or "", _yes(q.moved) if q.moved is not None else "New"])
    table.finish()
    left = len(table.widths) + 2
    shares = _Table(ws, ["Quadrant", "Axes", "Reps", "Share", "Previous reps", "Previous share",
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
    table = _Table(ws, ["Name", "Role", "Manager", "Email", "Active", "Attended",
                        "Gratitude note"], wrap=(6,))
    for p in data.people:
        table.add([p.name, p.role, p.manager or "", p.email or "", _yes(p.active),
                   _yes(p.attended), p.gratitude_note or ""])
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
    if data.offsite.kind != "kickoff":
        return True
    if title in ("Ideas", "Tally"):
        return bool(data.ideas)
    return bool(data.quadrant) if title == "Quadrant" else True


def build_workbook(data: ExportData) -> Workbook:
    from exporters.sheet_names import SheetNames
    from exporters.xlsx_day import day_sheets
    from exporters.xlsx_kickoff import kickoff_sheets

    wb = Workbook()
    _summary(wb.active, data)
    names = SheetNames(("Summary",))
    sheets = [s for s in SHEETS if _wanted(s[0], data)]
    for title, fill in [*sheets, *day_sheets(data), *kickoff_sheets(data)]:
        fill(wb.create_sheet(names.take(title)), data)
    wb.properties.title = data.offsite.title[:200]
    wb.properties.creator = "Keeper"
    return wb


def write_xlsx(data: ExportData, dest: Path) -> Path:
    """Write the workbook to ``dest`` atomically; return the path written."""
    wb = build_workbook(data)
    return write_atomically(Path(dest), lambda tmp: wb.save(tmp))
