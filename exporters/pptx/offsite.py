"""The offsite's own slides: title, how the day ran, the opportunities by cluster,
the tally, the big bets, the quadrant and the gratitude slides.
"""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.presentation import Presentation as PresentationType
from pptx.util import Inches, Pt

from exporters import gratitude
from exporters.data import AgendaRow, ClusterNotes, ExportData
from exporters.pptx.kit import (
    BODIES,
    GREY,
    LABEL_CHARS,
    Box,
    ChartData,
    Layouts,
    bullets,
    content_box,
    draw_card,
    drop_empty_placeholders,
    placeholder,
    set_text,
    set_title,
    speaker_notes,
    textbox,
)
from keeper.store.kinds import Role
from keeper.tables.cells import clean, one_line

NOTES_PER_SLIDE = 8
NOTE_CHARS = 140
CLUSTER_SLIDES = 12
TALLY_BARS = 12
AGENDA_PER_SLIDE = 18


def title_slide(prs: PresentationType, lay: Layouts, data: ExportData, names: bool) -> None:
    o = data.offsite
    slide = prs.slides.add_slide(lay.title)
    set_title(slide, o.title)
    when = o.date.strftime("%-d %B %Y") if o.date else ""
    first = " \u00b7 ".join(x for x in (when, one_line(o.venue or "", 80)) if x)
    lines = [first] if first else []
    if o.keeper:
        lines.append(f"Keeper: {one_line(o.keeper, 80)}")
    sub = placeholder(slide, (PP_PLACEHOLDER.SUBTITLE, *BODIES))
    if sub is not None and lines:
        set_text(sub.text_frame, "\n".join(lines))
    drop_empty_placeholders(slide)
    if sub is None and lines:  # a template without a subtitle: the date and venue still show
        textbox(slide, content_box(prs, slide), [(line, 24, False) for line in lines],
                colour=MSO_THEME_COLOR.TEXT_2)
    # reps are named only when the Keeper chooses names (and on the recognition slides)
    named = [a.name for a in data.attendees if names or a.role != Role.REP]
    reps = 0 if names else sum(1 for a in data.attendees if a.role == Role.REP)
    attending = ", ".join(named) + (f" and {reps} reps" if reps and named else
                                    (f"{reps} reps" if reps else ""))
    speaker_notes(slide, [
        f"{len(data.attendees)} attending: {attending}." if data.attendees else "",
        f"{len(data.ideas)} opportunity notes in "
        f"{sum(1 for t in data.tally if t.kind == 'cluster')} clusters; "
        f"{len(data.big_bets)} big bet(s); {data.reps_placed} reps placed on the quadrant.",
        f"Exported by Keeper on {data.generated_at:%Y-%m-%d %H:%M}.",
    ])


def _agenda_label(row: AgendaRow, days: bool = False) -> str:
    when = f"Day {row.day} {row.planned_start:%H:%M}" if days else f"{row.planned_start:%H:%M}"
    return f"{when}  {one_line(row.title, LABEL_CHARS)}"


def agenda_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    rows = list(data.agenda)
    if not rows:
        return
    done = [r for r in rows if r.over_minutes is not None]
    over = sum(r.over_minutes or 0.0 for r in done)
    ran = any(r.actual_minutes is not None for r in rows)  # no empty "Actual" bars
    days = len({r.day for r in rows}) > 1
    count = -(-len(rows) // AGENDA_PER_SLIDE)
    per_page = -(-len(rows) // count)  # balanced pages
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    for n, page in enumerate(pages, start=1):
        slide = prs.slides.add_slide(lay.title_only)
        suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
        set_title(slide, (f"How the day ran: planned vs actual{suffix}" if ran
                          else f"The agenda as planned{suffix}"))
        drop_empty_placeholders(slide)
        box = content_box(prs, slide)
        if done:
            word = "over" if over > 0.5 else ("under" if over < -0.5 else "")
            summary = (f"{len(done)} of {len(rows)} items run, "
                       + (f"{abs(over):.0f} min {word} plan in total" if word else "on plan"))
        else:
            summary = ("No item was timed with the runner: the planned minutes" if not ran else
                       "Items are in progress: planned minutes and the minutes so far")
        caption = Box(box.left, box.top, box.width, Inches(0.45))
        textbox(slide, caption, [(summary, 16, False)], colour=MSO_THEME_COLOR.TEXT_2)
        chart_box = Box(box.left, box.top + Inches(0.45), box.width, box.height - Inches(0.45))
        chart_data = ChartData(number_format="0")
        chart_data.categories = [_agenda_label(r, days) for r in page]
        chart_data.add_series("Planned minutes", [r.planned_minutes for r in page])
        if ran:
            chart_data.add_series("Actual minutes",
                                  [None if r.actual_minutes is None else round(r.actual_minutes)
                                   for r in page])
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, chart_box.left,
                                       chart_box.top, chart_box.width, chart_box.height,
                                       chart_data)
        chart = frame.chart
        chart.has_legend = ran
        if ran:
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
        planned = plot.series[0]
        planned.format.fill.solid()
        if ran:
            planned.format.fill.fore_color.rgb = GREY
            actual = plot.series[1]
            actual.format.fill.solid()
            actual.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            actual.has_data_labels = False
        else:
            planned.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
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
        speaker_notes(slide, [summary + ".", *lines])


def _cluster_lines(row: ClusterNotes) -> tuple[list[str], int]:
    notes = [one_line(n.text, NOTE_CHARS) for n in row.notes]
    shown = notes[:NOTES_PER_SLIDE]
    extra = len(notes) - len(shown)
    if extra:
        shown.append(f"\u2026 and {extra} more (all in the workbook)")
    size = 20 if len(shown) <= 5 else (18 if len(shown) <= 7 else 16)
    return shown, size


def opportunity_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    clusters = [t for t in data.tally if t.kind == "cluster"]
    loose = [t for t in data.tally if t.kind != "cluster"]
    word = data.count_word.lower()
    for row in clusters[:CLUSTER_SLIDES]:
        slide = prs.slides.add_slide(lay.content)
        set_title(slide, f"#{row.rank}  {row.title}")
        box = content_box(prs, slide)
        facts = data.count_of(row.count) + (" \u00b7 Big bet" if row.big_bet else "")
        if row.initiative:
            facts += f" \u2192 {one_line(row.initiative, 90)}"
        body = placeholder(slide, BODIES)
        caption = Box(box.left, box.top, box.width, Inches(0.45))
        if body is not None:  # make room for the caption above the bullets
            body.left, body.width = box.left, box.width
            body.top, body.height = box.top + Inches(0.55), box.height - Inches(0.55)
        textbox(slide, caption, [(facts, 16, True)],
                 colour=MSO_THEME_COLOR.ACCENT_2 if row.big_bet else MSO_THEME_COLOR.ACCENT_1)
        lines, size = _cluster_lines(row)
        bullet_box = None if body is not None else Box(
            box.left, box.top + Inches(0.55), box.width, box.height - Inches(0.55))
        bullets(slide, prs, lines or ["(no notes)"], size, bullet_box)
        drop_empty_placeholders(slide)
        speaker_notes(slide, [
            f"{row.title}: {data.count_of(row.count)}, "
            f"rank {row.rank}{' (tied)' if row.tied else ''}.",
            f"Supported by: {', '.join(row.supporter_names)}." if row.supporter_names else "",
            *(f"- {clean(n.text, 500)} ({n.author or 'unknown'})" for n in row.notes[:60]),
        ])
    rest = clusters[CLUSTER_SLIDES:]
    if rest or loose:
        slide = prs.slides.add_slide(lay.content)
        set_title(slide, "More opportunities" if rest else "Ideas outside the clusters")
        lines = [f"{one_line(t.title, 80)} ({t.count})" for t in rest]
        lines += [f"{one_line(t.title, 100)} ({t.count})" for t in loose]
        shown = lines[:NOTES_PER_SLIDE]
        if len(lines) > len(shown):
            shown.append(f"\u2026 and {len(lines) - len(shown)} more (all in the workbook)")
        bullets(slide, prs, shown, 18 if len(shown) <= 7 else 16)
        drop_empty_placeholders(slide)
        speaker_notes(slide, [f"Clusters beyond the top {CLUSTER_SLIDES} and notes outside any "
                              f"cluster, with their {word}."])


def tally_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    ranked = list(data.tally[:TALLY_BARS])
    if not ranked:
        return
    slide = prs.slides.add_slide(lay.title_only)
    set_title(slide, "What the room supports")
    drop_empty_placeholders(slide)
    box = content_box(prs, slide)
    word = data.count_word
    chart_data = ChartData(number_format="0")
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
    textbox(slide, Box(box.left, box.top + box.height - Inches(0.4), box.width, Inches(0.4)),
             [(legend, 12, False)], colour=MSO_THEME_COLOR.TEXT_2)
    speaker_notes(slide, [f"Counted as {word.lower()}."] + [
        f"{t.rank}. {clean(t.title, 300)}: {t.count}" + (" (big bet)" if t.big_bet else "")
        for t in data.tally[:60]
    ])


def big_bets_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    slide = prs.slides.add_slide(lay.title_only)
    set_title(slide, "Our big bets")
    drop_empty_placeholders(slide)
    box = content_box(prs, slide)
    bets = list(data.big_bets[:4])
    if not bets:
        textbox(slide, box, [("No big bets chosen yet.", 24, True),
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
        lines += [(f"\u2022 {one_line(n.text, 90)}", note_size, False)
                  for n in bet.notes[:per_card]]
        if len(bet.notes) > per_card:
            lines.append((f"\u2026 and {len(bet.notes) - per_card} more", note_size, False))
        draw_card(slide, card, one_line(bet.title, 60), lines, accents[i % len(accents)])
    speaker_notes(slide, [
        *(f"{b.title} \u2192 {b.initiative or 'no initiative yet'} ({data.count_of(b.count)})"
          for b in data.big_bets),
        "Company initiatives: " + "; ".join(data.initiatives) if data.initiatives else "",
        *(f"Check: {issue}" for issue in data.big_bet_issues),
    ])


def quadrant_slides(prs: PresentationType, lay: Layouts, data: ExportData,
                     names: bool) -> None:
    if not data.reps_placed:
        return
    slide = prs.slides.add_slide(lay.title_only)
    set_title(slide, f"Where our reps are: {data.reps_placed} reps placed")
    drop_empty_placeholders(slide)
    box = content_box(prs, slide)
    left, right = box.split(0.6)
    chart_data = ChartData(number_format="0%")
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
    textbox(slide, right, paragraphs)
    speaker_notes(slide, [
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
    set_title(slide, "Reps by quadrant")
    drop_empty_placeholders(slide)
    box = content_box(prs, slide)
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
        draw_card(slide, cell, f"{s.quadrant} \u00b7 {s.count}", [(text, size, False)],
              accents[i % len(accents)])
    speaker_notes(slide, ["Names shown by choice: this slide is for leaders only."])


def gratitude_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    for person in data.leaders_to_thank:
        slide = prs.slides.add_slide(lay.title)
        set_title(slide, f"Thank you, {one_line(person.name, 60)}")
        note = clean(person.gratitude_note or "", 600).strip()
        text = note or gratitude.drafted(data, person)
        sub = placeholder(slide, (PP_PLACEHOLDER.SUBTITLE, *BODIES))
        if sub is not None:
            set_text(sub.text_frame, text)
            sub.text_frame.word_wrap = True
            sub.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
            for para in sub.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(24 if len(text) < 200 else 18)
        else:
            textbox(slide, content_box(prs, slide), [(text, 24, False)])
        drop_empty_placeholders(slide)
        speaker_notes(slide, [f"Gratitude: {person.name}.",
                       "" if note else "Drafted by Keeper from the day; write your own note "
                                       "in Keeper's Export view, or here."])

