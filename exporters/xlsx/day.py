"""The workbook's sheets for the rest of the offsite day: OKR review, Questions, Charter,
Operating plan (with its check-ins). Start/Stop/Continue feedback is private: it goes out
only through :mod:`exporters.xlsx.feedback`, one file per person.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from exporters.colours import TACTIC, VERDICT
from exporters.data import ExportData
from exporters.data_day import DayExport
from exporters.xlsx.kit import (
    DATE_FORMAT,
    LABEL_FONT,
    LINE_HEIGHT,
    TITLE_FONT,
    WRAP,
    Fill,
    Table,
    colour,
    put,
)
from keeper.store.kinds import OffsiteKind


def _day(data: ExportData) -> DayExport:
    assert data.day is not None
    return data.day


def _okrs(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["Objective", "Target", "Result", "Hit / missed", "What went well",
                        "What didn't", "What happened on the floor"], wrap=(0, 4, 5, 6))
    for w, i in ((40, 0), (40, 4), (40, 5), (40, 6)):
        table.widths[i] = w
    for o in _day(data).okrs:
        table.add([o.objective, o.target or "", o.result or "", o.verdict, o.went_well or "",
                   o.went_badly or "", o.on_the_floor or ""])
        colour(ws, table.last_row, 4, VERDICT, o.verdict)
    table.finish()


def _questions(ws: Worksheet, data: ExportData) -> None:
    table = Table(ws, ["#", "North-star question", "The room's answers"], wrap=(1, 2))
    table.widths[1], table.widths[2] = 50, 60
    for n, q in enumerate(_day(data).questions, start=1):
        table.add([n, q.text, q.answers or ""])
    table.finish()
    day = _day(data)
    left = len(table.widths) + 2
    if day.talks:
        talks = Table(ws, ["Best practice talk", "Strength presented"], col=left)
        for t in day.talks:
            talks.add([t.presenter_name or "?", t.strength or ""])
        talks.finish(filter_=False, freeze=False)
    if day.reflections:
        top = (len(day.talks) + 3) if day.talks else 1
        refl = Table(ws, ["Reflection by", "Reflection"], col=left, row=top)
        for person, r in day.reflections:
            refl.add([person, r.text])
        refl.finish(filter_=False, freeze=False)


def _charter(ws: Worksheet, data: ExportData) -> None:
    put(ws, 1, 1, f"Charter for the next period: {data.offsite.title}")
    ws.cell(row=1, column=1).font = TITLE_FONT
    ws.row_dimensions[1].height = 26
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90
    for r, (label, text) in enumerate(_day(data).charter_parts, start=3):
        head = put(ws, r, 1, label)
        head.font, head.alignment = LABEL_FONT, Alignment(vertical="top")
        cell = put(ws, r, 2, text or "(not written yet)")
        cell.alignment = WRAP
        lines = sum(max(1, -(-len(line) // 95)) for line in (text or "").splitlines() or [""])
        ws.row_dimensions[r].height = max(LINE_HEIGHT * 1.4, LINE_HEIGHT * min(40, lines))


def _plan(ws: Worksheet, data: ExportData) -> None:
    day = _day(data)
    dates = [c.date for c in day.check_ins]
    headers = ["Initiative", "Big bet", "Owner", "#", "Tactic", "Status",
               *(f"Check-in {d:%d %b %Y}" for d in dates), "Flags"]
    flags_col = len(headers) - 1
    table = Table(ws, headers, wrap=(0, 4, flags_col))
    table.widths[4], table.widths[flags_col] = 50, 40
    for p in day.plan:
        rows = p.tactics or ()
        for n, t in enumerate(rows or [None], start=1):  # an initiative without tactics: a row
            at_check_ins = day.at_check_ins(t) if t else (None,) * len(dates)
            table.add([p.title, p.cluster_title or "", p.owner_name or "(no owner)",
                       n if t else None, t.text if t else "(no tactics yet)",
                       t.status if t else "", *at_check_ins,
                       "; ".join(p.flags) if n == 1 else ""])
            if t is not None:
                colour(ws, table.last_row, 6, TACTIC, t.status)
                for i, status in enumerate(at_check_ins):
                    colour(ws, table.last_row, 7 + i, TACTIC, status)
    table.finish()
    if day.check_ins:
        left = len(table.widths) + 2
        ins = Table(ws, ["Check-in", "Label", "Notes"], formats={0: DATE_FORMAT}, col=left)
        for c in day.check_ins:
            ins.add([c.date, c.label or "", c.notes or ""])
        ins.finish(filter_=False, freeze=False)


def summary_rows(data: ExportData) -> list[tuple[str, Any, str | None]]:
    day = data.day
    if day is None:
        return []
    rows: list[tuple[str, Any, str | None]] = []
    if day.okrs:
        hit = sum(1 for o in day.okrs if o.hit)
        rows.append(("OKRs reviewed", f"{len(day.okrs)} ({hit} hit)", None))
    if day.feedback_pairs:
        rows.append(("Feedback pairs complete", f"{day.feedback_complete} of "
                     f"{day.feedback_pairs}", None))
    if day.plan:
        tactics = sum(len(p.tactics) for p in day.plan)
        rows.append(("Operating plan", f"{len(day.plan)} initiatives, {tactics} tactics", None))
    for i, flag in enumerate(day.plan_flags):
        rows.append(("Plan flag" if i == 0 else "", flag, None))
    return rows


def day_sheets(data: ExportData) -> list[tuple[str, Fill]]:
    """(title, fill) for each sheet this offsite has. A leadership offsite gets all of them;
    a kickoff only those it holds data for."""
    day = data.day
    if day is None:
        return []
    always = data.offsite.kind != OffsiteKind.KICKOFF
    sheets: list[tuple[str, Fill]] = []
    if always or day.okrs:
        sheets.append(("OKR review", _okrs))
    if always or day.questions or day.talks or day.reflections:
        sheets.append(("Questions", _questions))
    if always or not day.charter_empty:
        sheets.append(("Charter", _charter))
    if always or day.plan:
        sheets.append(("Operating plan", _plan))
    return sheets

