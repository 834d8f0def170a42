"""Native (editable) PowerPoint tables for the deck: a dark header row, light banding,
optional fills per cell (a heat-map band, a status). Every string goes through safe text.

The rows are written as one XML fragment: python-pptx's per-cell property calls cost
~1 ms a cell, and a 200-rep heat map has 2,000 cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.slide import Slide
from pptx.util import Emu, Inches

from exporters.pptx.kit import Box
from keeper.tables.cells import clean, one_line

BAND, WHITE = "F4F6F8", "FFFFFF"
MARGIN_X, MARGIN_Y = Inches(0.08), Inches(0.03)
Cell = str | int | float | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return clean(value)


def _cell_xml(text: str, size: int, bold: bool, centre: bool, fill: str, header: bool) -> str:
    colour = ('<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>' if header
              else '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill>')
    background = ('<a:solidFill><a:schemeClr val="tx2"/></a:solidFill>' if header
                  else f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>')
    align = '<a:pPr algn="ctr"/>' if centre else ""
    run = (f'<a:r><a:rPr lang="en-US" sz="{size * 100}" b="{1 if bold else 0}" dirty="0">'
           f"{colour}</a:rPr><a:t>{escape(text)}</a:t></a:r>" if text else
           f'<a:endParaRPr lang="en-US" sz="{size * 100}" dirty="0"/>')
    return (f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>{align}{run}</a:p></a:txBody>"
            f'<a:tcPr marL="{MARGIN_X}" marR="{MARGIN_X}" marT="{MARGIN_Y}" marB="{MARGIN_Y}" '
            f'anchor="ctr">{background}</a:tcPr></a:tc>')


def add_table(slide: Slide, box: Box, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
              *, widths: Sequence[float] | None = None, size: int = 13,
              fills: dict[tuple[int, int], str] | None = None,
              centre: Sequence[int] = (), bold_rows: Sequence[int] = (),
              row_height: int | None = None, header_height: int | None = None,
              chars: int = 160) -> object:
    """A table filling ``box``'s width; ``widths`` are fractions, ``fills`` maps
    (row, column) of ``rows`` to hex RGB. Rows are as tall as ``box`` allows, at most
    ``row_height`` (or 0.6 in); the header row is ``header_height`` tall if given."""
    n_rows, n_cols = len(rows) + 1, len(headers)
    head = header_height or 0
    fits = int((box.height - head) / (n_rows - (1 if head else 0)))
    height = min(fits, row_height or Inches(0.6))
    head = head or height
    frame = slide.shapes.add_table(1, n_cols, box.left, box.top, box.width,
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
    fills = fills or {}
    centred, bolded = set(centre), set(bold_rows)
    parts = []
    for r in range(n_rows):
        cells = []
        for c in range(n_cols):
            value = headers[c] if r == 0 else rows[r - 1][c]
            band = BAND if r % 2 == 0 else WHITE
            cells.append(_cell_xml(
                one_line(_text(value), chars), size - 1 if r == 0 else size,
                r == 0 or (r - 1) in bolded, c in centred,
                fills.get((r - 1, c), band), r == 0))
        parts.append(f'<a:tr h="{head if r == 0 else height}">{"".join(cells)}</a:tr>')
    fragment = parse_xml(f"<a:tbl {nsdecls('a')}>{''.join(parts)}</a:tbl>")
    tbl = table._tbl
    for old in tbl.tr_lst:
        tbl.remove(old)
    for tr in list(fragment):
        tbl.append(tr)
    return frame
