"""The workbook's drawing kit: styles, number formats, tables with fitted widths
and row heights, and coloured cells. Every cell is written through
:func:`keeper.tables.cells.set_value`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.colours import NAVY, RULE, SERIES, SLATE, WHITE, fill_for
from exporters.data import ExportData
from keeper.tables.cells import set_value

AnyCell = Cell | MergedCell  # what ws.cell() gives (a merged range's inner cells too)
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
FONT_NAME = "Calibri"  # LibreOffice draws it with the metric-compatible Carlito
HEADER_FONT = Font(name=FONT_NAME, bold=True, color=WHITE)
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16, color=NAVY)
LABEL_FONT = Font(name=FONT_NAME, bold=True, color=SLATE)
BOLD_FONT = Font(name=FONT_NAME, bold=True)
LINE_HEIGHT = 15.0  # points per line of 11-pt text
THIN = Side(style="thin", color=RULE)
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TIME_FORMAT = "hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
MINUTES_FORMAT = "0.0"
SCORE_FORMAT = "0.00"
PERCENT_FORMAT = "0%"
MAX_WIDTH = 60


def yes_no(flag: bool | None) -> str:
    return "" if flag is None else ("Yes" if flag else "No")


def time_of(moment: dt.datetime | None) -> dt.time | None:
    return None if moment is None else moment.time().replace(microsecond=0)


def minutes_of(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def first_sheet(wb: Workbook) -> Worksheet:
    """The worksheet a new workbook starts with."""
    ws = wb.active
    if not isinstance(ws, Worksheet):  # openpyxl's hint allows none, or a chart sheet
        raise TypeError("a new workbook starts with one worksheet")
    return ws


def put(ws: Worksheet, row: int, column: int, value: object) -> AnyCell:
    """The one way a value reaches a cell: text through :func:`keeper.tables.cells.set_value`
    (cleaned of characters a workbook cannot hold, never run as a formula)."""
    cell = ws.cell(row=row, column=column)
    set_value(cell, value)
    return cell


@dataclass(frozen=True, eq=False)  # compared by identity: each look is made once
class Look:
    """How a cell looks. Made once (module constants or :func:`fill_look`) and applied with
    :func:`dress`."""

    font: Font | None = None
    fill: PatternFill | None = None
    border: Border | None = None
    alignment: Alignment | None = None
    number_format: str | None = None


# openpyxl hashes every style object on each assignment (most of a large workbook's time);
# a look applied to a cell styled so before gives the same style indices every time
_DRESSED: WeakKeyDictionary[Workbook, dict[tuple[int, tuple[int, ...]], StyleArray]] = (
    WeakKeyDictionary())


def dress(cell: AnyCell, look: Look) -> AnyCell:
    """Give ``cell`` the parts of ``look`` it sets; the rest of its style stays."""
    book = cell.parent.parent
    known = _DRESSED.setdefault(book, {}) if book is not None else {}
    # _style: the slot openpyxl keeps a cell's style indices in (its stubs leave it untyped)
    key = (id(look), tuple(cell._style) if cell._style else ())  # type: ignore[union-attr]
    style = known.get(key)
    if style is not None:
        cell._style = copy(style)  # type: ignore[union-attr]
        return cell
    if look.font is not None:
        cell.font = look.font
    if look.fill is not None:
        cell.fill = look.fill
    if look.border is not None:
        cell.border = look.border
    if look.alignment is not None:
        cell.alignment = look.alignment
    if look.number_format is not None:
        cell.number_format = look.number_format
    known[key] = copy(cell._style)  # type: ignore[union-attr]
    return cell


@functools.cache
def fill_look(hex_rgb: str, alignment: Alignment | None = None,
              number_format: str | None = None) -> Look:
    """The look of a cell filled with ``hex_rgb`` (one object per combination)."""
    return Look(fill=PatternFill("solid", fgColor=hex_rgb), alignment=alignment,
                number_format=number_format)


HEADER = Look(font=HEADER_FONT, fill=HEADER_FILL, border=HEADER_BORDER,
              alignment=Alignment(vertical="center"))
@functools.cache
def _body(wrap: bool, number_format: str | None) -> Look:
    return Look(alignment=WRAP if wrap else TOP, number_format=number_format)


class Table:
    """A header row plus rows on a sheet, with widths tracked as rows are written."""

    def __init__(self, ws: Worksheet, headers: Sequence[str], formats: dict[int, str] | None = None,
                 wrap: Sequence[int] = (), row: int = 1, col: int = 1) -> None:
        self.ws, self.top, self.left = ws, row, col
        self.formats = formats or {}
        self.wrap = set(wrap)
        self._wrapped: list[tuple[int, int, int]] = []  # (row, column index, text length)
        self.widths = [len(h) + 4 for h in headers]  # room for the filter button
        for i, header in enumerate(headers):
            dress(put(ws, row, col + i, header), HEADER)
        self.next_row = row + 1

    def add(self, values: Sequence[Any]) -> None:
        for i, value in enumerate(values):
            cell = put(self.ws, self.next_row, self.left + i, value)
            dress(cell, _body(i in self.wrap, self.formats.get(i)))
            self.widths[i] = max(self.widths[i], width_of(value))
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
            self.ws.freeze_panes = f"A{self.top + 1}"


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


def width_of(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.time):
        return 7
    if isinstance(value, float):
        return 8
    text = str(value)
    longest = max((len(line) for line in text[:400].splitlines()), default=0)
    return longest + 2


def solid(hex_rgb: str | None) -> PatternFill | None:
    return PatternFill("solid", fgColor=hex_rgb) if hex_rgb else None


def colour(ws: Worksheet, row: int, column: int, table: dict[str, str], key: str | None) -> None:
    hex_rgb = fill_for(table, key)
    if hex_rgb:
        dress(ws.cell(row=row, column=column), fill_look(hex_rgb))


Fill = Callable[[Worksheet, ExportData], None]  # writes one sheet



def bar_chart(ws: Worksheet, anchor: str, title: str, *, categories: tuple[int, int, int],
              series: Sequence[int], header_row: int, number_format: str = "General",
              across: bool = False) -> BarChart:
    """A native bar chart of a table on ``ws``: ``categories`` is (column, first row, last
    row), ``series`` the value columns (their header at ``header_row`` names each). Its
    labels and names are the table's cells, which :func:`put` wrote as text."""
    column, first, last = categories
    chart = BarChart()
    chart.type = "bar" if across else "col"
    chart.style = 10
    chart.title = title
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = number_format
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if across:
        chart.x_axis.scaling.orientation = "maxMin"  # the table's first row at the top
    for k, col in enumerate(series):
        chart.add_data(Reference(ws, min_col=col, min_row=header_row, max_row=last),
                       titles_from_data=True)
        chart.series[-1].graphicalProperties.solidFill = SERIES[k % len(SERIES)]
        chart.series[-1].graphicalProperties.line.solidFill = SERIES[k % len(SERIES)]
    chart.set_categories(Reference(ws, min_col=column, min_row=first, max_row=last))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    for flag in ("showCatName", "showSerName", "showLegendKey", "showPercent"):
        setattr(chart.dataLabels, flag, False)
    if len(series) == 1:
        chart.legend = None
    else:
        chart.legend.position = "t"
    rows = last - first + 1
    chart.height = max(7.5, (0.8 * rows * len(series) + 2) if across else 7.5)
    chart.width = 18
    ws.add_chart(chart, anchor)
    return chart
