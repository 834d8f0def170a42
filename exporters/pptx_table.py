"""Native (editable) PowerPoint tables for the deck: a dark header row, light banding,
optional fills per cell (a heat-map band, a status). Every string goes through safe text."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from exporters.pptx import Box
from exporters.safe_text import one_line

BAND = RGBColor(0xF4, 0xF6, 0xF8)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
Cell = str | int | float | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def add_table(slide: Slide, box: Box, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
              *, widths: Sequence[float] | None = None, size: int = 13,
              fills: dict[tuple[int, int], str] | None = None,
              centre: Sequence[int] = (), bold_rows: Sequence[int] = (),
              row_height: int | None = None, header_height: int | None = None,
              chars: int = 160) -> object:
    """A table filling ``box``'s width; ``widths`` are fractions, ``fills`` maps
    (row, column) of ``rows`` to hex RGB. Rows are as tall as ``box`` allows, at most
    ``row_height`` (or 0.6 in)."""
    n_rows, n_cols = len(rows) + 1, len(headers)
    head = header_height or 0
    fits = int((box.height - head) / (n_rows - (1 if head else 0)))
    height = min(fits, row_height or Inches(0.6))
    head = head or height
    frame = slide.shapes.add_table(n_rows, n_cols, box.left, box.top, box.width,
                                   head + height * (n_rows - 1))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    fractions = list(widths) if widths else [1 / n_cols] * n_cols
    total = sum(fractions)
    used = 0
    for c, fraction in enumerate(fractions):
        w = box.width - used if c == n_cols - 1 else int(box.width * fraction / total)
        table.columns[c].width = Emu(w)
        used += w
    for r in range(n_rows):
        table.rows[r].height = Emu(head if r == 0 else height)
    fills = fills or {}
    for r in range(n_rows):
        for c in range(n_cols):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Inches(0.08)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            value = headers[c] if r == 0 else rows[r - 1][c]
            frame_ = cell.text_frame
            frame_.word_wrap = True
            para = frame_.paragraphs[0]
            para.alignment = PP_ALIGN.CENTER if c in centre else PP_ALIGN.LEFT
            run = para.add_run()
            run.text = one_line(_text(value), chars)
            run.font.size = Pt(size - 1 if r == 0 else size)
            run.font.bold = r == 0 or (r - 1) in bold_rows
            cell.fill.solid()
            if r == 0:
                cell.fill.fore_color.theme_color = MSO_THEME_COLOR.TEXT_2
                run.font.color.rgb = WHITE
                continue
            run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
            fill = fills.get((r - 1, c))
            if fill:
                cell.fill.fore_color.rgb = RGBColor.from_string(fill)
            else:
                cell.fill.fore_color.rgb = BAND if r % 2 == 0 else WHITE
    return frame
