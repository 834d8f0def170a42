"""The tally workbook (openpyxl): computed values only, never formulas.

The Summary sheet, then the offsite's, the day's and the kickoff's sheets:
Ideas, Tally (+ a native bar chart), Agenda, Quadrant (+ the
shares table), People. Numbers are numbers and times are times; each table
has a styled, frozen header row, a filter and column widths fitted to content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from exporters.data import ExportData
from exporters.pause import collection_paused
from exporters.xlsx import day, kickoff, offsite
from exporters.xlsx.kit import (
    DATE_FORMAT,
    LABEL_FONT,
    LINE_HEIGHT,
    MINUTES_FORMAT,
    TIME_FORMAT,
    TITLE_FONT,
    TOP,
    first_sheet,
    put,
)
from exporters.xlsx.sheet_names import SheetNames
from keeper.store.kinds import OffsiteKind, Role
from keeper.tables.atomic import write_atomically
from keeper.tables.cells import clean

_BOARD_ROWS = ("Opportunity notes", "Clusters", "Counted as", "Big bets", "Company initiatives",
               "Reps placed on the quadrant")


def _summary(ws: Worksheet, data: ExportData) -> None:
    o = data.offsite
    ws.title = "Summary"
    put(ws, 1, 1, o.title)
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
        ("Leaders attending", sum(1 for a in data.attendees if a.role != Role.REP), None),
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

    rows[-1:-1] = day.summary_rows(data) + kickoff.summary_rows(data)  # before "Exported"
    board = data.offsite.kind != OffsiteKind.KICKOFF or bool(data.ideas)
    if not board:  # a kickoff without a board: nothing to say about notes and big bets
        rows = [r for r in rows if r[0] not in _BOARD_ROWS]
    for i, text in enumerate(data.big_bet_issues if board else ()):
        rows.append(("Check" if i == 0 else "", text, None))
    for i, text in enumerate(data.quadrant_flags):
        rows.append(("Quadrant flag" if i == 0 else "", text, None))
    for r, (label, value, fmt) in enumerate(rows, start=3):
        label_cell = put(ws, r, 1, label)
        label_cell.font, label_cell.alignment = LABEL_FONT, TOP
        cell = put(ws, r, 2, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if fmt:
            cell.number_format = fmt
        if isinstance(value, str) and len(value) > 75:
            ws.row_dimensions[r].height = LINE_HEIGHT * min(20, -(-len(value) // 75))
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 70


def build_workbook(data: ExportData) -> Workbook:
    wb = Workbook()
    _summary(first_sheet(wb), data)
    names = SheetNames(("Summary",))
    sheets = offsite.offsite_sheets(data)
    for title, fill in [*sheets, *day.day_sheets(data), *kickoff.kickoff_sheets(data)]:
        fill(wb.create_sheet(names.take(title)), data)
    wb.properties.title = clean(data.offsite.title, 200)
    wb.properties.creator = "Keeper"
    return wb


@collection_paused()
def write_xlsx(data: ExportData, dest: Path) -> Path:
    """Write the workbook to ``dest`` atomically; return the path written."""
    wb = build_workbook(data)
    return write_atomically(Path(dest), lambda tmp: wb.save(tmp))

