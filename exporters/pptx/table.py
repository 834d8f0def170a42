"""Native (editable) PowerPoint tables for the deck: a dark header row, light banding,
optional fills per cell (a heat-map band, a status). Every string goes through safe text;
columns are sized so that no word breaks in the middle.

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

from exporters.colours import BAND, WHITE
from exporters.pptx.fit import EMU_PER_PT, SLACK
from exporters.pptx.kit import Box
from exporters.pptx.measure import theme_fonts, width_pt
from keeper.tables.cells import clean, one_line

MARGIN_X, MARGIN_Y = Inches(0.08), Inches(0.03)
TABLE_FLOOR = 9  # points: below this a projected table is unreadable anyway
Cell = str | int | float | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return clean(value)


def _cell_xml(text: str, size: int, bold: bool, centre: bool, fill: str, header: bool) -> str:
    colour = (f'<a:solidFill><a:srgbClr val="{WHITE}"/></a:solidFill>' if header
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


def _column_widths(slide: Slide, texts: Sequence[Sequence[str]], bold: set[int],
                   widths: list[int], size: int) -> tuple[list[int], int, int]:
    """Column widths (EMU) and the header's and body's sizes at which no word is wider
    than its column: a short column takes room from the others' slack, and only when
    the table is too narrow for its longest words does the text shrink (header first)."""
    face = theme_fonts(slide)[1]
    n_cols = len(widths)
    head_ref, body_ref = [0.0] * n_cols, [0.0] * n_cols
    for r, row in enumerate(texts):
        heavy = r == 0 or (r - 1) in bold
        for c, text in enumerate(row):
            for word in set(text.split()):
                ref = width_pt(word, 100, face, heavy)
                if r == 0:
                    head_ref[c] = max(head_ref[c], ref)
                else:
                    body_ref[c] = max(body_ref[c], ref)
    margin = 2 * MARGIN_X / EMU_PER_PT + 2  # both margins and a hair for rounding

    def needs(head: int, body: int) -> list[float]:
        return [(max(head_ref[c] * head, body_ref[c] * body) / 100 / SLACK + margin)
                * EMU_PER_PT for c in range(n_cols)]

    total = sum(widths)
    head, body = size - 1, size
    need = needs(head, body)
    while sum(need) > total and max(head, body) > TABLE_FLOOR:
        widest_is_head = any(head_ref[c] * head > body_ref[c] * body and need[c] > widths[c]
                             for c in range(n_cols))
        if (widest_is_head and head > TABLE_FLOOR) or body <= TABLE_FLOOR:
            head -= 1
        else:
            body -= 1
        need = needs(head, body)
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    if sum(need) > total:  # words too long for any size: widths in their proportion
        out = [int(total * n / sum(need)) for n in need]
    elif short:
        out = [max(w, int(n)) if n > w else int(w - short * s / sum(spare))
               for n, w, s in zip(need, widths, spare, strict=True)]
    else:
        out = list(widths)
    out[-1] += total - sum(out)
    return out, head, body


def add_table(slide: Slide, box: Box, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
              *, widths: Sequence[float] | None = None, size: int = 13,
              fills: dict[tuple[int, int], str] | None = None,
              centre: Sequence[int] = (), bold_rows: Sequence[int] = (),
              row_height: int | None = None, header_height: int | None = None,
              chars: int = 160) -> object:
    """A table filling ``box``'s width; ``widths`` are fractions (widened where a column's
    longest word needs it), ``fills`` maps (row, column) of ``rows`` to hex RGB. Rows are
    as tall as ``box`` allows, at most ``row_height`` (or 0.6 in); the header row is
    ``header_height`` tall if given."""
    n_rows, n_cols = len(rows) + 1, len(headers)
    head = header_height or 0
    fits = int((box.height - head) / (n_rows - (1 if head else 0)))
    height = min(fits, row_height or Inches(0.6))
    head = head or height
    frame = slide.shapes.add_table(1, n_cols, Emu(box.left), Emu(box.top), Emu(box.width),
                                   Emu(head + height * (n_rows - 1)))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    fractions = list(widths) if widths else [1 / n_cols] * n_cols
    total = sum(fractions)
    planned = [int(box.width * f / total) for f in fractions]
    planned[-1] += box.width - sum(planned)
    texts = [[one_line(_text(v), chars) for v in headers]]
    texts += [[one_line(_text(v), chars) for v in row] for row in rows]
    centred, bolded = set(centre), set(bold_rows)
    fitted, head_size, body_size = _column_widths(slide, texts, bolded, planned, size)
    # straight into the grid: python-pptx's width setter re-sums the frame on every column
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, fitted, strict=True):
        col.w = Emu(w)
    fills = fills or {}
    parts = []
    for r, row_texts in enumerate(texts):
        cells = [_cell_xml(text, head_size if r == 0 else body_size,
                           r == 0 or (r - 1) in bolded, c in centred,
                           fills.get((r - 1, c), BAND if r % 2 == 0 else WHITE), r == 0)
                 for c, text in enumerate(row_texts)]
        parts.append(f'<a:tr h="{head if r == 0 else height}">{"".join(cells)}</a:tr>')
    fragment = parse_xml(f"<a:tbl {nsdecls('a')}>{''.join(parts)}</a:tbl>")
    tbl = table._tbl
    for old in tbl.tr_lst:
        tbl.remove(old)
    for tr in list(fragment):
        tbl.append(tr)
    return frame
