"""The deck's drawing kit: layouts picked from a template, the content box under a
title, text boxes, bullets, cards, speaker notes and chart styling. Every slide
writer draws with these; they know nothing about offsites.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast
from xml.sax.saxutils import escape

from pptx.chart.chart import Chart
from pptx.chart.data import Categories
from pptx.chart.data import ChartData as PptxChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt
from xlsxwriter import Workbook  # type: ignore[import-untyped]  # XlsxWriter ships no types

from exporters.pptx.fit import TITLES, title_box, title_fit
from exporters.pptx.parts import notes_page
from keeper.tables.atomic import ExportError
from keeper.tables.cells import clean, one_line

TITLE_CHARS = 200  # a cut of last resort: titles are fitted to their box
LABEL_CHARS = 44
GREY = RGBColor(0xB8, 0xC2, 0xCC)
_PH = "./*/{http://schemas.openxmlformats.org/presentationml/2006/main}nvPr/" \
    "{http://schemas.openxmlformats.org/presentationml/2006/main}ph"
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
FURNITURE = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def _kinds(layout: SlideLayout) -> list[PP_PLACEHOLDER]:
    return [p.placeholder_format.type for p in layout.shapes if p.is_placeholder
            and p.placeholder_format.type not in FURNITURE]


@dataclass(frozen=True)
class Layouts:
    title: SlideLayout  # a title and a subtitle
    content: SlideLayout  # a title and one body
    title_only: SlideLayout  # a title and nothing else

    @classmethod
    def pick(cls, prs: PresentationType) -> Layouts:
        layouts = list(prs.slide_layouts)
        if not layouts:
            raise ExportError("The template has no slide layouts; choose another template.")

        def best(test: object) -> SlideLayout | None:
            found = [lay for lay in layouts if test(_kinds(lay))]  # type: ignore[operator]
            return min(found, key=lambda lay: len(_kinds(lay))) if found else None

        has_title = lambda k: any(t in k for t in TITLES)  # noqa: E731
        title = best(lambda k: PP_PLACEHOLDER.CENTER_TITLE in k and PP_PLACEHOLDER.SUBTITLE in k)
        title = title or best(lambda k: has_title(k) and PP_PLACEHOLDER.SUBTITLE in k)
        content = best(lambda k: has_title(k) and sum(1 for x in k if x in BODIES) == 1
                       and len(k) == 2)
        content = content or best(lambda k: has_title(k) and any(x in BODIES for x in k))
        title_only = best(lambda k: has_title(k) and len(k) == 1)
        fallback = content or title_only or best(has_title) or layouts[0]
        return cls(title or fallback, content or fallback, title_only or content or fallback)


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def split(self, fraction: float, gap: int = Inches(0.4)) -> tuple[Box, Box]:
        first = int((self.width - gap) * fraction)
        return (Box(self.left, self.top, first, self.height),
                Box(self.left + first + gap, self.top, self.width - first - gap, self.height))


def _placeholders(slide: Slide) -> Iterator[tuple[BaseOxmlElement, PP_PLACEHOLDER]]:
    """The slide's placeholder elements and their kinds, read from the XML directly:
    python-pptx's own walk runs an XPath per shape and was the deck's hottest path."""
    for element in slide.shapes._spTree.iterchildren():
        ph = element.find(_PH)
        if ph is not None:
            yield element, PP_PLACEHOLDER.from_xml(ph.get("type", "obj"))


def placeholder(slide: Slide, kinds: Iterable[PP_PLACEHOLDER]) -> Any:
    wanted = tuple(kinds)
    for element, kind in _placeholders(slide):
        if kind in wanted:
            return SlideShapeFactory(element, slide.shapes)
    return None


def drop_empty_placeholders(slide: Slide) -> None:
    for element, kind in list(_placeholders(slide)):
        if kind not in TITLES and not "".join(element.itertext()).strip():
            slide.shapes._spTree.remove(element)


def slide_size(prs: PresentationType) -> tuple[int, int]:
    """The slides' width and height (EMU); OOXML's 10 x 7.5 in where a file names none."""
    return int(prs.slide_width or Inches(10)), int(prs.slide_height or Inches(7.5))


def content_box(prs: PresentationType, slide: Slide) -> Box:
    """The area under the slide's title, inside the title's margins."""
    width, height = slide_size(prs)
    title = title_box(slide) if placeholder(slide, TITLES) is not None else None
    if title is not None:
        left, right = title.left, title.left + title.width
        top = title.top + title.height + int(height * 0.04)
    else:
        left, right, top = int(width * 0.05), int(width * 0.95), int(height * 0.2)
    bottom = int(height * 0.92)
    return Box(left, top, right - left, max(int(height * 0.3), bottom - top))


def set_title(slide: Slide, text: str) -> None:
    """The title at the size that fits its placeholder (see fit.py), set on the run so
    every viewer shows the same lines."""
    title = placeholder(slide, TITLES)
    box = title_box(slide)
    if title is None or box is None:
        if title is not None:
            set_text(title.text_frame, one_line(text, TITLE_CHARS))
        return
    fitted = title_fit(box, one_line(text, TITLE_CHARS))
    frame = title.text_frame
    set_text(frame, fitted.text)
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # the size is chosen here, not by the viewer
    for para in frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(fitted.size)


def speaker_notes(slide: Slide, lines: Iterable[str]) -> None:
    text = "\n".join(clean(line, 2000) for line in lines if line)
    frame = notes_page(slide).notes_text_frame if text else None
    if frame is not None:  # None: the template's notes master has no body placeholder
        _set_lines(frame, clean(text, 20_000))


def _set_lines(frame: TextFrame, text: str) -> None:
    """What python-pptx's ``frame.text = text`` writes (a paragraph a line, a vertical tab
    as a line break), as one XML fragment: its calls cost ~70 us a line, and a cluster's
    notes run to 60 lines."""
    paragraphs = "".join(
        "<a:p>" + "<a:br/>".join(f"<a:r><a:t>{escape(part)}</a:t></a:r>" if part else ""
                                 for part in line.split("\v")) + "</a:p>"
        for line in text.split("\n"))
    holder = parse_xml(f"<a:txBody {nsdecls('a')}>{paragraphs}</a:txBody>")
    body = frame._txBody  # the text frame's element: python-pptx has no public handle
    body.clear_content()
    body.extend(list(holder))


def textbox(slide: Slide, box: Box, paragraphs: Sequence[tuple[str, int, bool]],
             *, colour: MSO_THEME_COLOR | None = None, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
             align: PP_ALIGN = PP_ALIGN.LEFT, italic: bool = False) -> object:
    """A text box; each paragraph is (text, points, bold)."""
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width),
                                     Emu(box.height))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrinks on overflow where supported
    for i, (text, size, bold) in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        set_text(run, text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        if colour is not None:
            run.font.color.theme_color = colour
        para.space_after = Pt(size * 0.35)
    return shape


def bullets(slide: Slide, prs: PresentationType, lines: Sequence[str], size: int,
             box: Box | None = None) -> None:
    """Bullets in the body placeholder (or a text box where the layout has none)."""
    body = placeholder(slide, BODIES) if box is None else None
    if body is None:
        target = box or content_box(prs, slide)
        textbox(slide, target, [(f"\u2022  {line}", size, False) for line in lines])
        return
    frame = body.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        set_text(para, line)
        for run in para.runs:
            run.font.size = Pt(size)


def add_shape(slide: Slide, kind: MSO_SHAPE, box: Box) -> Shape:
    """An autoshape filling ``box`` (EMU as plain ints: python-pptx wants Lengths)."""
    return slide.shapes.add_shape(kind, Emu(box.left), Emu(box.top), Emu(box.width),
                                  Emu(box.height))


def add_chart(slide: Slide, kind: XL_CHART_TYPE, box: Box, data: ChartData) -> Chart:
    """A native chart filling ``box``; returns the chart."""
    frame = slide.shapes.add_chart(kind, Emu(box.left), Emu(box.top), Emu(box.width),
                                   Emu(box.height), data)
    # python-pptx's hint says this is the Chart; it is the GraphicFrame holding it
    return cast(GraphicFrame, frame).chart


def draw_card(slide: Slide, box: Box, heading: str, lines: Sequence[tuple[str, int, bool]],
          accent: MSO_THEME_COLOR) -> None:
    """A rounded panel with a coloured top edge: a big bet, a quadrant."""
    panel = add_shape(slide, MSO_SHAPE.ROUNDED_RECTANGLE, box)
    panel.adjustments[0] = 0.05
    panel.fill.solid()
    panel.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    panel.line.fill.background()
    panel.shadow.inherit = False
    strip = add_shape(slide, MSO_SHAPE.RECTANGLE, Box(box.left, box.top, box.width,
                                                     Inches(0.09)))
    strip.fill.solid()
    strip.fill.fore_color.theme_color = accent
    strip.line.fill.background()
    strip.shadow.inherit = False
    pad = Inches(0.22)
    inner = Box(box.left + pad, box.top + Inches(0.25), box.width - 2 * pad,
                box.height - Inches(0.4))
    textbox(slide, inner, [(heading, 20, True), *lines], colour=None)


def new_slide(prs: PresentationType, lay: Layouts, title: str) -> tuple[Slide, Box]:
    slide = prs.slides.add_slide(lay.title_only)
    set_title(slide, title)
    drop_empty_placeholders(slide)
    return slide, content_box(prs, slide)


def text_strip(slide: Slide, box: Box, text: str, size: int = 16) -> None:
    textbox(slide, box, [(text, size, False)], colour=MSO_THEME_COLOR.TEXT_2)


def style_chart(chart: Chart, legend: bool, label_format: str) -> None:
    chart.has_title = False
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
    chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    chart.category_axis.tick_labels.font.size = Pt(12)
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = label_format
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(12)
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END


def colour_series(chart: Chart, colours: Sequence[MSO_THEME_COLOR | RGBColor]) -> None:
    for series, colour in zip(chart.plots[0].series, colours, strict=False):
        series.format.fill.solid()
        if isinstance(colour, RGBColor):
            series.format.fill.fore_color.rgb = colour
        else:
            series.format.fill.fore_color.theme_color = colour


CHART_LABEL_CHARS = 255  # Excel's limit for a chart's category and series names


class _TextStaysText(CategoryWorkbookWriter):
    """The chart's embedded workbook (what PowerPoint's Edit Data opens), written with
    XlsxWriter told that no string is a formula or a link."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: object) -> Iterator[tuple[Workbook, object]]:
        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
        yield workbook, workbook.add_worksheet()
        workbook.close()


class ChartData(PptxChartData):
    """Category chart data whose category and series names are cleaned text (as every
    cell of the workbooks is) and stay text in the embedded workbook."""

    @property
    def categories(self) -> Categories:
        return super().categories

    @categories.setter
    def categories(self, labels: Iterable[object]) -> None:
        categories = Categories()  # as python-pptx's own setter, with the labels cleaned
        for label in labels:
            categories.add_category(clean(label, CHART_LABEL_CHARS) if isinstance(label, str)
                                    else label)
        self._categories = categories

    def add_series(self, name: str, values: Sequence[float | None] = (),
                   number_format: str | None = None) -> object:
        return super().add_series(clean(name, CHART_LABEL_CHARS), values, number_format)

    @property
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _TextStaysText(self)


def set_text(target: object, text: str, limit: int = 20_000) -> None:
    """The one way text reaches a slide: cleaned as a cell is (no control characters, a
    carriage return as a line break, cut to ``limit``)."""
    target.text = clean(text, limit)  # type: ignore[attr-defined]
