"""The offsite deck (python-pptx): native, editable charts and text, in any ordinary template.

Slides: title; how the day ran (planned vs actual, a native bar chart); the
opportunities by cluster with their notes; the tally (a native bar chart);
the big bets with their initiatives; the quadrant shares (a native chart,
no rep names unless ``names=True``); one gratitude slide per attending leader;
speaker notes where they help.

Layouts are picked by the placeholder types they hold, never by name or
index, so a company template works as long as it has a title slide and a
title-and-content layout (and falls back sensibly when it lacks one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide, SlideLayout
from pptx.util import Inches, Pt

from exporters.data import AgendaRow, ClusterNotes, ExportData
from keeper.tables.atomic import ExportError, write_atomically
from keeper.tables.cells import clean, one_line

DEFAULT_TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "deck" / (
    "keeper-default.pptx")

NOTES_PER_SLIDE = 8
NOTE_CHARS = 140
CLUSTER_SLIDES = 12
TALLY_BARS = 12
AGENDA_PER_SLIDE = 18
TITLE_CHARS = 90
LABEL_CHARS = 44
GREY = RGBColor(0xB8, 0xC2, 0xCC)

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_FURNITURE = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


# --- layouts ---------------------------------------------------------------


def _kinds(layout: SlideLayout) -> list[PP_PLACEHOLDER]:
    return [p.placeholder_format.type for p in layout.placeholders
            if p.placeholder_format.type not in _FURNITURE]


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

        has_title = lambda k: any(t in k for t in _TITLES)  # noqa: E731
        title = best(lambda k: PP_PLACEHOLDER.CENTER_TITLE in k and PP_PLACEHOLDER.SUBTITLE in k)
        title = title or best(lambda k: has_title(k) and PP_PLACEHOLDER.SUBTITLE in k)
        content = best(lambda k: has_title(k) and sum(1 for x in k if x in _BODIES) == 1
                       and len(k) == 2)
        content = content or best(lambda k: has_title(k) and any(x in _BODIES for x in k))
        title_only = best(lambda k: has_title(k) and len(k) == 1)
        fallback = content or title_only or best(has_title) or layouts[0]
        return cls(title or fallback, content or fallback, title_only or content or fallback)


# --- shapes and text -------------------------------------------------------


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


def _placeholder(slide: Slide, kinds: Iterable[PP_PLACEHOLDER]) -> object | None:
    wanted = tuple(kinds)
    for shape in slide.placeholders:
        if shape.placeholder_format.type in wanted:
            return shape
    return None


def _drop_empty_placeholders(slide: Slide) -> None:
    for shape in list(slide.placeholders):
        if shape.placeholder_format.type in _TITLES:
            continue
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def _content_box(prs: PresentationType, slide: Slide) -> Box:
    """The area under the slide's title, inside the title's margins."""
    width, height = prs.slide_width, prs.slide_height
    title = _placeholder(slide, _TITLES)
    if title is not None and title.width and title.height is not None:
        left, right = title.left, title.left + title.width
        top = title.top + title.height + int(height * 0.04)
    else:
        left, right, top = int(width * 0.05), int(width * 0.95), int(height * 0.2)
    bottom = int(height * 0.92)
    return Box(left, top, right - left, max(int(height * 0.3), bottom - top))


def _set_title(slide: Slide, text: str) -> None:
    title = _placeholder(slide, _TITLES)
    if title is not None:
        title.text_frame.text = one_line(text, TITLE_CHARS)


def _notes(slide: Slide, lines: Iterable[str]) -> None:
    text = "\n".join(clean(line, 2000) for line in lines if line)
    if text:
        slide.notes_slide.notes_text_frame.text = clean(text, 20_000)


def _textbox(slide: Slide, box: Box, paragraphs: Sequence[tuple[str, int, bool]],
             *, colour: MSO_THEME_COLOR | None = None, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
             align: PP_ALIGN = PP_ALIGN.LEFT, italic: bool = False) -> object:
    """A text box; each paragraph is (text, points, bold)."""
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrinks on overflow where supported
    for i, (text, size, bold) in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        if colour is not None:
            run.font.color.theme_color = colour
        para.space_after = Pt(size * 0.35)
    return shape


def _bullets(slide: Slide, prs: PresentationType, lines: Sequence[str], size: int,
             box: Box | None = None) -> None:
    """Bullets in the body placeholder (or a text box where the layout has none)."""
    body = _placeholder(slide, _BODIES) if box is None else None
    if body is None:
        target = box or _content_box(prs, slide)
        _textbox(slide, target, [(f"\u2022  {line}", size, False) for line in lines])
        return
    frame = body.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = line
        for run in para.runs:
            run.font.size = Pt(size)


def _card(slide: Slide, box: Box, heading: str, lines: Sequence[tuple[str, int, bool]],
          accent: MSO_THEME_COLOR) -> None:
    """A rounded panel with a coloured top edge: a big bet, a quadrant."""
    panel = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, box.left, box.top, box.width,
                                   box.height)
    panel.adjustments[0] = 0.05
    panel.fill.solid()
    panel.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    panel.line.fill.background()
    panel.shadow.inherit = False
    strip = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.left, box.top, box.width,
                                   Inches(0.09))
    strip.fill.solid()
    strip.fill.fore_color.theme_color = accent
    strip.line.fill.background()
    strip.shadow.inherit = False
    pad = Inches(0.22)
    inner = Box(box.left + pad, box.top + Inches(0.25), box.width - 2 * pad,
                box.height - Inches(0.4))
    _textbox(slide, inner, [(heading, 20, True), *lines], colour=None)


# --- slides ----------------------------------------------------------------


def _title_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    o = data.offsite
    slide = prs.slides.add_slide(lay.title)
    _set_title(slide, o.title)
    when = o.date.strftime("%-d %B %Y") if o.date else ""
    first = " \u00b7 ".join(x for x in (when, one_line(o.venue or "", 80)) if x)
    lines = [first] if first else []
    if o.keeper:
        lines.append(f"Keeper: {one_line(o.keeper, 80)}")
    sub = _placeholder(slide, (PP_PLACEHOLDER.SUBTITLE, *_BODIES))
    if sub is not None and lines:
        sub.text_frame.text = "\n".join(lines)
    _drop_empty_placeholders(slide)
    attending = [a.name for a in data.attendees]
    _notes(slide, [
        f"{len(attending)} attending: {', '.join(attending)}." if attending else "",
        f"{len(data.ideas)} opportunity notes in "
        f"{sum(1 for t in data.tally if t.kind == 'cluster')} clusters; "
        f"{len(data.big_bets)} big bet(s); {data.reps_placed} reps placed on the quadrant.",
        f"Exported by Keeper on {data.generated_at:%Y-%m-%d %H:%M}.",
    ])


def _agenda_label(row: AgendaRow, days: bool = False) -> str:
    when = f"Day {row.day} {row.planned_start:%H:%M}" if days else f"{row.planned_start:%H:%M}"
    return f"{when}  {one_line(row.title, LABEL_CHARS)}"


def _agenda_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    rows = list(data.agenda)
    if not rows:
        return
    done = [r for r in rows if r.over_minutes is not None]
    over = sum(r.over_minutes or 0.0 for r in done)
    days = len({r.day for r in rows}) > 1
    count = -(-len(rows) // AGENDA_PER_SLIDE)
    per_page = -(-len(rows) // count)  # balanced pages
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    for n, page in enumerate(pages, start=1):
        slide = prs.slides.add_slide(lay.title_only)
        suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
        _set_title(slide, f"How the day ran: planned vs actual{suffix}")
        _drop_empty_placeholders(slide)
        box = _content_box(prs, slide)
        if done:
            word = "over" if over > 0.5 else ("under" if over < -0.5 else "")
            summary = (f"{len(done)} of {len(rows)} items run, "
                       + (f"{abs(over):.0f} min {word} plan in total" if word else "on plan"))
        else:
            summary = "Nothing has been run yet: planned minutes only"
        caption = Box(box.left, box.top, box.width, Inches(0.45))
        _textbox(slide, caption, [(summary, 16, False)], colour=MSO_THEME_COLOR.TEXT_2)
        chart_box = Box(box.left, box.top + Inches(0.45), box.width, box.height - Inches(0.45))
        chart_data = CategoryChartData(number_format="0")
        chart_data.categories = [_agenda_label(r, days) for r in page]
        chart_data.add_series("Planned minutes", [r.planned_minutes for r in page])
        chart_data.add_series("Actual minutes",
                              [None if r.actual_minutes is None else round(r.actual_minutes)
                               for r in page])
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, chart_box.left,
                                       chart_box.top, chart_box.width, chart_box.height,
                                       chart_data)
        chart = frame.chart
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
        chart.category_axis.reverse_order = True  # first item at the top
        chart.category_axis.tick_labels.font.size = Pt(11)
        chart.value_axis.visible = False  # the bars carry their minutes
        chart.value_axis.has_major_gridlines = False
        chart.has_title = False
        plot = chart.plots[0]
        plot.gap_width = 60
        plot.overlap = 0
        planned, actual = plot.series
        planned.format.fill.solid()
        planned.format.fill.fore_color.rgb = GREY
        actual.format.fill.solid()
        actual.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        actual.has_data_labels = False
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.font.size = Pt(10)
        labels.number_format = "0"
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        lines = []
        for r in page:
            if r.over_minutes is not None and abs(r.over_minutes) >= 0.5:
                sign = "+" if r.over_minutes > 0 else "\u2212"
                lines.append(f"{r.title}: {sign}{abs(r.over_minutes):.0f} min "
                             f"({r.planned_minutes} planned)")
            elif r.status == "In progress":
                lines.append(f"{r.title}: in progress at export "
                             f"({r.actual_minutes or 0:.0f} of {r.planned_minutes} min)")
        _notes(slide, [summary + ".", *lines])


def _cluster_lines(row: ClusterNotes) -> tuple[list[str], int]:
    notes = [one_line(n.text, NOTE_CHARS) for n in row.notes]
    shown = notes[:NOTES_PER_SLIDE]
    extra = len(notes) - len(shown)
    if extra:
        shown.append(f"\u2026 and {extra} more (all in the workbook)")
    size = 20 if len(shown) <= 5 else (18 if len(shown) <= 7 else 16)
    return shown, size


def _opportunity_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    clusters = [t for t in data.tally if t.kind == "cluster"]
    loose = [t for t in data.tally if t.kind != "cluster"]
    word = data.count_word.lower()
    for row in clusters[:CLUSTER_SLIDES]:
        slide = prs.slides.add_slide(lay.content)
        _set_title(slide, f"#{row.rank}  {row.title}")
        box = _content_box(prs, slide)
        facts = data.count_of(row.count) + (" \u00b7 Big bet" if row.big_bet else "")
        if row.initiative:
            facts += f" \u2192 {one_line(row.initiative, 90)}"
        body = _placeholder(slide, _BODIES)
        caption = Box(box.left, box.top, box.width, Inches(0.45))
        if body is not None:  # make room for the caption above the bullets
            body.left, body.width = box.left, box.width
            body.top, body.height = box.top + Inches(0.55), box.height - Inches(0.55)
        _textbox(slide, caption, [(facts, 16, True)],
                 colour=MSO_THEME_COLOR.ACCENT_2 if row.big_bet else MSO_THEME_COLOR.ACCENT_1)
        lines, size = _cluster_lines(row)
        bullet_box = None if body is not None else Box(
            box.left, box.top + Inches(0.55), box.width, box.height - Inches(0.55))
        _bullets(slide, prs, lines or ["(no notes)"], size, bullet_box)
        _drop_empty_placeholders(slide)
        _notes(slide, [
            f"{row.title}: {data.count_of(row.count)}, "
            f"rank {row.rank}{' (tied)' if row.tied else ''}.",
            f"Supported by: {', '.join(row.supporter_names)}." if row.supporter_names else "",
            *(f"- {clean(n.text, 500)} ({n.author or 'unknown'})" for n in row.notes[:60]),
        ])
    rest = clusters[CLUSTER_SLIDES:]
    if rest or loose:
        slide = prs.slides.add_slide(lay.content)
        _set_title(slide, "More opportunities" if rest else "Ideas outside the clusters")
        lines = [f"{one_line(t.title, 80)} ({t.count})" for t in rest]
        lines += [f"{one_line(t.title, 100)} ({t.count})" for t in loose]
        shown = lines[:NOTES_PER_SLIDE]
        if len(lines) > len(shown):
            shown.append(f"\u2026 and {len(lines) - len(shown)} more (all in the workbook)")
        _bullets(slide, prs, shown, 18 if len(shown) <= 7 else 16)
        _drop_empty_placeholders(slide)
        _notes(slide, [f"Clusters beyond the top {CLUSTER_SLIDES} and notes outside any cluster, "
                       f"with their {word}."])


def _tally_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    ranked = list(data.tally[:TALLY_BARS])
    if not ranked:
        return
    slide = prs.slides.add_slide(lay.title_only)
    _set_title(slide, "What the room supports")
    _drop_empty_placeholders(slide)
    box = _content_box(prs, slide)
    word = data.count_word
    chart_data = CategoryChartData(number_format="0")
    chart_data.categories = [one_line(t.title, 48) for t in ranked]
    chart_data.add_series(word, [t.count for t in ranked])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width,
                                   box.height - Inches(0.4), chart_data)
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = False
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(13)
    chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    plot = chart.plots[0]
    plot.gap_width = 45
    plot.vary_by_categories = False
    plot.has_data_labels = True
    plot.data_labels.font.size = Pt(13)
    plot.data_labels.font.bold = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    for i, t in enumerate(ranked):
        if t.big_bet:
            point = series.points[i]
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_2
    legend = f"{word} per idea, top {len(ranked)} of {len(data.tally)}"
    if any(t.big_bet for t in ranked):
        legend += " \u00b7 highlighted bars: big bets"
    _textbox(slide, Box(box.left, box.top + box.height - Inches(0.4), box.width, Inches(0.4)),
             [(legend, 12, False)], colour=MSO_THEME_COLOR.TEXT_2)
    _notes(slide, [f"Counted as {word.lower()}."] + [
        f"{t.rank}. {clean(t.title, 300)}: {t.count}" + (" (big bet)" if t.big_bet else "")
        for t in data.tally[:60]
    ])


def _big_bets_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    slide = prs.slides.add_slide(lay.title_only)
    _set_title(slide, "Our big bets")
    _drop_empty_placeholders(slide)
    box = _content_box(prs, slide)
    bets = list(data.big_bets[:4])
    if not bets:
        _textbox(slide, box, [("No big bets chosen yet.", 24, True),
                              ("Pick 2 to 4 of the top clusters and tie each to a company "
                               "initiative.", 18, False)])
    gap = Inches(0.3)
    width = int((box.width - gap * (len(bets) - 1)) / max(1, len(bets)))
    accents = (MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_3,
               MSO_THEME_COLOR.ACCENT_4)
    note_size = 16 if len(bets) <= 2 else 13
    for i, bet in enumerate(bets):
        card = Box(box.left + i * (width + gap), box.top, width, box.height)
        initiative = (f"\u2192 {one_line(bet.initiative, 110)}" if bet.initiative
                      else "\u2192 not yet tied to a company initiative")
        lines = [(initiative, 16, False),
                 (f"{data.count_of(bet.count)} \u00b7 rank {bet.rank}", 14, True)]
        per_card = {1: 8, 2: 7, 3: 5}.get(len(bets), 4)
        lines += [(f"\u2022 {one_line(n, 90)}", note_size, False) for n in bet.notes[:per_card]]
        if len(bet.notes) > per_card:
            lines.append((f"\u2026 and {len(bet.notes) - per_card} more", note_size, False))
        _card(slide, card, one_line(bet.title, 60), lines, accents[i % len(accents)])
    _notes(slide, [
        *(f"{b.title} \u2192 {b.initiative or 'no initiative yet'} ({data.count_of(b.count)})"
          for b in data.big_bets),
        "Company initiatives: " + "; ".join(data.initiatives) if data.initiatives else "",
        *(f"Check: {issue}" for issue in data.big_bet_issues),
    ])


def _quadrant_slides(prs: PresentationType, lay: Layouts, data: ExportData,
                     names: bool) -> None:
    if not data.reps_placed:
        return
    slide = prs.slides.add_slide(lay.title_only)
    _set_title(slide, f"Where our reps are: {data.reps_placed} reps placed")
    _drop_empty_placeholders(slide)
    box = _content_box(prs, slide)
    left, right = box.split(0.6)
    chart_data = CategoryChartData(number_format="0%")
    chart_data.categories = [s.quadrant for s in data.shares]
    has_previous = data.previous_reps_placed is not None
    if has_previous:
        chart_data.add_series(one_line(data.offsite.previous_title or "Last offsite", 40),
                              [s.previous_share or 0.0 for s in data.shares])
    chart_data.add_series(one_line(data.offsite.title, 40), [s.share for s in data.shares])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left.left, left.top,
                                   left.width, left.height, chart_data)
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = has_previous
    if has_previous:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
    chart.category_axis.tick_labels.font.size = Pt(12)
    chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.maximum_scale = min(1.0, max(0.1, max(
        [s.share for s in data.shares] + [s.previous_share or 0.0 for s in data.shares]) + 0.1))
    chart.value_axis.minimum_scale = 0.0
    plot = chart.plots[0]
    plot.gap_width = 70
    plot.overlap = -10
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(12)
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = list(plot.series)
    if has_previous:
        series[0].format.fill.solid()
        series[0].format.fill.fore_color.rgb = GREY
    series[-1].format.fill.solid()
    series[-1].format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    paragraphs: list[tuple[str, int, bool]] = []
    plans = [s for s in data.shares if s.care_plan]
    if plans:
        paragraphs.append(("What we will do", 18, True))
    for s in plans:
        paragraphs += [(f"{s.quadrant}: {s.count} ({s.percent}%)", 15, True),
                       (one_line(s.care_plan, 160), 14, False)]
    if data.quadrant_flags:
        paragraphs.append(("Watch", 18, True))
    for flag in data.quadrant_flags[:3]:
        paragraphs.append((one_line(flag, 220), 14, False))
    if not paragraphs:
        paragraphs = [(f"{s.quadrant}: {s.count} ({s.percent}%)", 15, False)
                      for s in data.shares]
    _textbox(slide, right, paragraphs)
    _notes(slide, [
        "Situational mapping: skill (across) and motivation (up). Not a plan to fire people.",
        *(f"{s.quadrant} ({s.axes.lower()}): {s.count} of {data.reps_placed} ({s.percent}%)"
          + (f", was {s.previous_count}" if s.previous_count is not None else "")
          for s in data.shares),
        *data.quadrant_flags,
    ])
    if names:
        _quadrant_names_slide(prs, lay, data)


def _quadrant_names_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    slide = prs.slides.add_slide(lay.title_only)
    _set_title(slide, "Reps by quadrant")
    _drop_empty_placeholders(slide)
    box = _content_box(prs, slide)
    gap = Inches(0.25)
    w, h = int((box.width - gap) / 2), int((box.height - gap) / 2)
    # the guide's grid: high motivation on top, high skill on the right
    order = {"Coach and upskill": (0, 0), "Top of the pack": (0, 1),
             "Difficult conversation": (1, 0), "Breathers": (1, 1)}
    accents = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_3, MSO_THEME_COLOR.ACCENT_5,
               MSO_THEME_COLOR.ACCENT_2)
    for i, s in enumerate(data.shares):
        row, col = order.get(s.quadrant, divmod(i, 2))
        cell = Box(box.left + col * (w + gap), box.top + row * (h + gap), w, h)
        shown = [one_line(n, 30) for n in s.rep_names[:24]]
        more = len(s.rep_names) - len(shown)
        text = ", ".join(shown) + (f" and {more} more" if more else "") or "No one"
        size = 14 if len(shown) <= 10 else 12
        _card(slide, cell, f"{s.quadrant} \u00b7 {s.count}", [(text, size, False)],
              accents[i % len(accents)])
    _notes(slide, ["Names shown by choice: this slide is for leaders only."])


def _gratitude_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    for person in data.leaders_to_thank:
        slide = prs.slides.add_slide(lay.title)
        _set_title(slide, f"Thank you, {one_line(person.name, 60)}")
        note = clean(person.gratitude_note or "", 600).strip()
        text = note or f"[Your note of gratitude to {one_line(person.first_name, 40)} goes here]"
        sub = _placeholder(slide, (PP_PLACEHOLDER.SUBTITLE, *_BODIES))
        if sub is not None:
            sub.text_frame.text = text
            sub.text_frame.word_wrap = True
            sub.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
            for para in sub.text_frame.paragraphs:
                for run in para.runs:
                    run.font.italic = not note
                    run.font.size = Pt(24 if len(text) < 200 else 18)
        else:
            _textbox(slide, _content_box(prs, slide), [(text, 24, False)])
        _drop_empty_placeholders(slide)
        _notes(slide, [f"Gratitude: {person.name}.",
                       note or "No note written yet: write it in Keeper's Export view, or here."])


# --- the deck --------------------------------------------------------------


def _clear_slides(prs: PresentationType) -> None:
    """A company template may carry sample slides: start from none."""
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.get(qn("r:id")))
        ids.remove(sld_id)


def open_template(template: Path | None) -> PresentationType:
    path = Path(template) if template else DEFAULT_TEMPLATE
    if not path.exists():
        raise ExportError(f"The template {path} does not exist.")
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises several kinds for a bad file
        raise ExportError(f"{path} is not a PowerPoint template Keeper can read ({exc}).") from exc
    _clear_slides(prs)
    return prs


def build_deck(data: ExportData, template: Path | None = None, names: bool = False) -> (
        PresentationType):
    from exporters import pptx_day, pptx_kickoff

    prs = open_template(template)
    lay = Layouts.pick(prs)
    _title_slide(prs, lay, data)
    _agenda_slides(prs, lay, data)
    pptx_day.okr_slides(prs, lay, data)
    pptx_kickoff.kickoff_slides(prs, lay, data, names)
    if data.offsite.kind != "kickoff" or data.ideas:  # a kickoff may have no board
        _opportunity_slides(prs, lay, data)
        _tally_slide(prs, lay, data)
        _big_bets_slide(prs, lay, data)
    pptx_day.plan_slides(prs, lay, data)
    _quadrant_slides(prs, lay, data, names)
    _gratitude_slides(prs, lay, data)
    prs.core_properties.title = one_line(data.offsite.title, 200)
    prs.core_properties.author = one_line(data.offsite.keeper or "Keeper", 200)
    return prs


def write_pptx(data: ExportData, dest: Path, template: Path | None = None,
               names: bool = False) -> Path:
    """Write the deck to ``dest`` atomically; return the path written."""
    prs = build_deck(data, template, names)
    return write_atomically(Path(dest), lambda tmp: prs.save(str(tmp)))

