"""The deck's slides for a sales kickoff: the look back (revenue against goal, objectives,
survey), the reality audit heat map (a native table, split past 15 reps; rep names only
when the Keeper chooses), training priorities, goal architecture, the agenda mix against
its rule with the compensation flag, one slide per recognition tier, and the success grid.
"""

from __future__ import annotations

from collections.abc import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from exporters.colours import HEAT, HEAT_LEGEND, METRIC, VERDICT, fill_for
from exporters.data import ExportData
from exporters.data_kickoff import AuditCell, AuditRep, KickoffData
from exporters.pptx.kit import (
    GREY,
    Box,
    ChartData,
    Layouts,
    add_chart,
    add_shape,
    colour_series,
    draw_card,
    new_slide,
    set_text,
    speaker_notes,
    style_chart,
    text_strip,
    textbox,
)
from exporters.pptx.table import add_table
from keeper.kickoff.follow_through import MetricRow
from keeper.tables.cells import one_line

REPS_PER_SLIDE = 15
TILES_PER_SLIDE = 24
NAMES_PER_SLIDE = 75
GOALS_PER_LAYER = 6
LAYERS = (("outcome", "Outcome (results)"), ("performance", "Performance (activities)"),
          ("development", "Development (skills)"))


def _look_back(prs: PresentationType, lay: Layouts, data: ExportData, ko: KickoffData) -> None:
    lb = ko.look_back
    share = lb.revenue_share
    title = (f"Looking back: revenue at {share:.0%} of goal" if share is not None
             else "Looking back at the last kickoff")
    slide, box = new_slide(prs, lay, title)
    left, right = box.split(0.42)
    if lb.revenue_goal and lb.revenue_actual is not None:
        big = max(lb.revenue_goal, lb.revenue_actual) >= 1_000_000
        scale, fmt = (1_000_000, '#,##0.0"M"') if big else (1, "#,##0")
        chart_data = ChartData(number_format=fmt)
        chart_data.categories = ["Goal", "Actual"]
        chart_data.add_series("Revenue", [lb.revenue_goal / scale, lb.revenue_actual / scale])
        chart = add_chart(slide, XL_CHART_TYPE.COLUMN_CLUSTERED,
                          Box(left.left, left.top, left.width, left.height - Inches(0.5)),
                          chart_data)
        style_chart(chart, False, fmt)
        chart.plots[0].gap_width = 60
        chart.value_axis.minimum_scale = 0
        series = chart.plots[0].series[0]
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = GREY
        point = series.points[1]
        point.format.fill.solid()
        point.format.fill.fore_color.theme_color = (MSO_THEME_COLOR.ACCENT_3
                                                    if lb.revenue_verdict == "met"
                                                    else MSO_THEME_COLOR.ACCENT_2)
        text_strip(slide, Box(left.left, left.top + left.height - Inches(0.45), left.width,
                          Inches(0.45)), one_line(lb.outside_factors or lb.revenue_text, 110),
               13)
    else:
        textbox(slide, left, [("Revenue against goal: not recorded", 20, False)])
    objectives = [(o.text, o.hit) for o in lb.objectives]
    if objectives:
        hit = sum(1 for _, h in objectives if h)
        text_strip(slide, Box(right.left, right.top, right.width, Inches(0.45)),
               f"Objectives set for attendees: {hit} of {len(objectives)} hit")
        words = ["Not scored" if h is None else ("Hit" if h else "Missed") for _, h in objectives]
        rows = [[text, w] for (text, _), w in zip(objectives, words, strict=True)][:8]
        fills = {(i, 1): f for i, w in enumerate(words[:8]) if (f := fill_for(VERDICT, w))}
        add_table(slide, Box(right.left, right.top + Inches(0.55), right.width,
                             right.height - Inches(0.55)),
                  ["Objective", "Result"], rows, widths=(0.76, 0.24), size=15, fills=fills,
                  centre=(1,), row_height=Inches(0.8), chars=130)
    speaker_notes(slide, [lb.revenue_text + ".", lb.outside_factors or "",
                   *(f"{'Hit' if h else 'Missed' if h is False else 'Not scored'}: {t}"
                     for t, h in objectives)])


def _survey(prs: PresentationType, lay: Layouts, ko: KickoffData) -> None:
    lb = ko.look_back
    s = lb.survey
    if not s.responses:
        return
    slide, box = new_slide(prs, lay, f"What attendees said: {s.responses} survey responses")
    questions = [q for q in lb.questions if q in s.averages][:4]
    rest = box
    if questions:
        tile_h, gap = Inches(1.25), Inches(0.3)
        width = int((box.width - gap * 3) / 4)
        for k, q in enumerate(questions):
            tile = Box(box.left + k * (width + gap), box.top, width, tile_h)
            textbox(slide, tile, [(f"{s.averages[q]:.1f}", 40, True),
                                   (f"{one_line(q, 40)} (average of {s.rated.get(q, 0)})", 14,
                                    False)], colour=MSO_THEME_COLOR.TEXT_2)
        rest = Box(box.left, box.top + tile_h + Inches(0.25), box.width,
                   box.height - tile_h - Inches(0.25))
    left, right = rest.split(0.5)
    for card, heading, themes, accent in (
            (left, "What went well", s.went_well_themes, MSO_THEME_COLOR.ACCENT_3),
            (right, "What to improve", s.to_improve_themes, MSO_THEME_COLOR.ACCENT_2)):
        lines = [(f"{one_line(t, 60)} \u00b7 {n} mentions", 18, False) for t, n in themes[:5]]
        lines = lines or [("No theme came up twice.", 16, False)]
        height = min(card.height, Inches(0.95) + Inches(0.45) * len(lines))
        draw_card(slide, Box(card.left, card.top, card.width, height), heading, lines, accent)
    speaker_notes(slide, ["Most frequent themes in the free-text answers; every answer is in the "
                   "workbook's Look back sheet."])


def _audit_text(cell: AuditCell) -> str:
    if cell.manager_rating is None:
        return "" if cell.self_rating is None else f"self {cell.self_rating:.0f}"
    text = f"{cell.manager_rating:.1f}".removesuffix(".0")
    if cell.gap is not None and abs(cell.gap) >= 0.5:
        sign = "+" if cell.gap > 0 else "\u2212"
        text += f" ({sign}{abs(cell.gap):.0f})"
    return text


def _heat_slides(prs: PresentationType, lay: Layouts, ko: KickoffData, names: bool) -> None:
    audit = ko.audit
    if not audit.reps or not audit.competencies:
        return
    reps = list(audit.reps)
    count = -(-len(reps) // REPS_PER_SLIDE)
    per = -(-len(reps) // count)
    for n in range(count):
        page = reps[n * per:(n + 1) * per]
        suffix = f" ({n + 1} of {count})" if count > 1 else ""
        slide, box = new_slide(prs, lay, f"Reality audit: where the team stands{suffix}")
        legend_h = Inches(0.45)
        table_box = Box(box.left, box.top, box.width, box.height - legend_h - Inches(0.1))
        rows: list[list[str | None]] = [["Team average", *map(_audit_text, audit.team)]]
        fills = {(0, c + 1): HEAT[x.manager_level] for c, x in enumerate(audit.team)
                 if x.manager_level in HEAT}
        for i, rep in enumerate(page, start=1):
            label = one_line(rep.name, 28) if names else f"Rep {n * per + i}"
            rows.append([label, *map(_audit_text, rep.cells)])
            fills.update({(i, c + 1): HEAT[x.manager_level] for c, x in enumerate(rep.cells)
                          if x.manager_level in HEAT})
        n_comp = len(audit.competencies)
        first = 0.16
        add_table(slide, table_box, ["Rep" if names else "Rep (anonymous)",
                                     *(one_line(c, 40) for c in audit.competencies)], rows,
                  widths=(first, *([(1 - first) / n_comp] * n_comp)),
                  size=12 if len(rows) <= 12 else 11, fills=fills,
                  centre=tuple(range(1, n_comp + 1)), bold_rows=(0,),
                  row_height=Inches(0.42), header_height=Inches(0.55), chars=40)
        _heat_legend(slide, Box(box.left, box.top + box.height - legend_h, box.width, legend_h))
        speaker_notes(slide, _heat_notes(page, audit.competencies, names))


def _heat_legend(slide: Slide, box: Box) -> None:
    """Coloured keys for the bands, then how to read a cell."""
    x = box.left
    key_w, key_h = Inches(1.45), Inches(0.3)
    for band, span in HEAT_LEGEND:
        key = add_shape(slide, MSO_SHAPE.RECTANGLE, Box(x, box.top, key_w, key_h))
        key.fill.solid()
        key.fill.fore_color.rgb = RGBColor.from_string(HEAT[band])
        key.line.fill.background()
        key.shadow.inherit = False
        frame = key.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        para = frame.paragraphs[0]
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        set_text(run, f"{band} {span}")
        run.font.size = Pt(11)
        run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
        x += key_w + Inches(0.1)
    textbox(slide, Box(x + Inches(0.1), box.top - Inches(0.04), box.left + box.width - x,
                        box.height),
             [("Number: the manager's rating (1\u201310). In brackets: how far the rep's "
               "self-rating is above (+) or below (\u2212) it.", 11, False)],
             colour=MSO_THEME_COLOR.TEXT_2)


def _heat_notes(page: Sequence[AuditRep], competencies: Sequence[str], names: bool) -> list[str]:
    if not names:
        return ["Rep names are hidden (the Keeper's choice in Export); the workbook's Reality "
                "audit sheet has every rep by name.",
                "Reps are ordered by their mean manager rating, highest first."]
    lines = []
    for rep in page:
        over = [c for c, cell in zip(competencies, rep.cells, strict=True)
                if cell.gap_level == "over"]
        if over:
            lines.append(f"{rep.name}: rates themself 2+ points above their manager in "
                         + ", ".join(over) + ".")
    return lines or ["No rep rates themself 2 or more points above their manager."]


def _priorities(prs: PresentationType, lay: Layouts, ko: KickoffData) -> None:
    audit = ko.audit
    gaps = [g for g in audit.gaps if g.self_mean is not None and g.manager_mean is not None]
    if not gaps:
        return
    slide, box = new_slide(prs, lay, "Training priorities: the largest confidence gaps")
    left, right = box.split(0.6)
    gaps.sort(key=lambda g: -(g.gap or 0.0))
    chart_data = ChartData(number_format="0.0")
    chart_data.categories = [one_line(g.name, 34) for g in gaps]
    chart_data.add_series("Self-rating (mean)", [round(g.self_mean or 0, 1) for g in gaps])
    chart_data.add_series("Manager rating (mean)", [round(g.manager_mean or 0, 1) for g in gaps])
    chart = add_chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, left, chart_data)
    style_chart(chart, True, "0.0")
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(11)
    chart.plots[0].data_labels.font.size = Pt(10)
    chart.plots[0].gap_width = 50
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = 11
    colour_series(chart, [GREY, MSO_THEME_COLOR.ACCENT_1])
    lines: list[tuple[str, int, bool]] = []
    for k, g in enumerate(audit.priorities, start=1):
        lines += [(f"{k}. {one_line(g.name, 50)}", 18, True),
                  (f"self {g.self_mean:.1f} vs manager {g.manager_mean:.1f}: "
                   f"+{g.gap:.1f}", 15, False)]
    if not lines:
        lines = [("No competency where the team rates itself above its managers.", 16, False)]
    lines.append(("Suggested for the agenda as role-play and skills sessions.", 14, False))
    draw_card(slide, right, "Suggested priorities", lines, MSO_THEME_COLOR.ACCENT_2)
    speaker_notes(slide, [f"{g.name}: self {g.self_mean:.1f}, manager {g.manager_mean:.1f}, gap "
                   f"{g.gap:+.1f} over {g.rated} reps" for g in gaps])


def _goals(prs: PresentationType, lay: Layouts, ko: KickoffData) -> None:
    goals = ko.goals
    if not goals.rows:
        return
    slide, box = new_slide(prs, lay, "Goal architecture: what carries the number")
    gap = Inches(0.8)
    col_w = int((box.width - 2 * gap) / 3)
    head_h = Inches(0.45)
    placed: dict[int, tuple[int, int, int, int]] = {}  # row index -> left, top, width, height
    accents = (MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_3)
    for col, ((layer, heading), accent) in enumerate(zip(LAYERS, accents, strict=True)):
        x = box.left + col * (col_w + gap)
        textbox(slide, Box(x, box.top, col_w, head_h), [(heading, 16, True)],
                 colour=MSO_THEME_COLOR.TEXT_2)
        members = [i for i, r in enumerate(goals.rows) if r.layer == layer][:GOALS_PER_LAYER]
        if not members:
            continue
        room = box.height - head_h - Inches(0.1)
        step = int(room / len(members))
        h = min(Inches(1.3), step - Inches(0.2))
        for k, i in enumerate(members):
            y = box.top + head_h + Inches(0.1) + k * step + int((step - h) / 2)
            shape = add_shape(slide, MSO_SHAPE.ROUNDED_RECTANGLE, Box(x, y, col_w, h))
            shape.adjustments[0] = 0.12
            shape.fill.solid()
            shape.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
            shape.line.color.theme_color = accent
            shape.line.width = Pt(2)
            shape.shadow.inherit = False
            frame = shape.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            row = goals.rows[i]
            for p, (text, size, bold) in enumerate(
                    [(one_line(row.text, 90), 15, True)]
                    + ([(f"Target: {one_line(row.target, 40)}", 13, False)] if row.target
                       else [])):
                para = frame.paragraphs[0] if p == 0 else frame.add_paragraph()
                para.alignment = PP_ALIGN.CENTER
                run = para.add_run()
                set_text(run, text)
                run.font.size, run.font.bold = Pt(size), bold
                run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
            placed[i] = (x, y, col_w, h)
    for parent, child in goals.links:
        if parent in placed and child in placed:
            px, py, pw, ph = placed[parent]
            cx, cy, _, ch = placed[child]
            line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(px + pw),
                                              Emu(py + ph // 2), Emu(cx), Emu(cy + ch // 2))
            line.line.color.theme_color = MSO_THEME_COLOR.TEXT_2
            line.line.width = Pt(1.5)
    speaker_notes(slide, ["Each line: the goal on the right carries the one on the left.",
                   *(f"{r.layer}: {r.text}" + (f" (carried by {'; '.join(r.carried_by)})"
                                               if r.carried_by else "") for r in goals.rows),
                   *goals.unlinked])


def _mix(prs: PresentationType, lay: Layouts, ko: KickoffData) -> None:
    mix = ko.mix
    if not any(s.minutes for s in mix.shares) and not mix.compensation:
        return
    slide, box = new_slide(prs, lay, f"The agenda mix against {mix.rule}")
    left, right = box.split(0.55)
    chart_data = ChartData(number_format="0%")
    chart_data.categories = [s.bucket.capitalize() for s in mix.shares]
    chart_data.add_series(f"{mix.rule} rule", [s.target for s in mix.shares])
    chart_data.add_series("This agenda", [s.share for s in mix.shares])
    chart = add_chart(slide, XL_CHART_TYPE.COLUMN_CLUSTERED, left, chart_data)
    style_chart(chart, True, "0%")
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = min(1.0, max(s.share for s in mix.shares) + 0.15)
    chart.plots[0].gap_width = 70
    colour_series(chart, [GREY, MSO_THEME_COLOR.ACCENT_1])
    if mix.compensation:
        title, advice = mix.compensation[0]
        lines = [(f"\u201c{one_line(title, 70)}\u201d", 16, True), (one_line(advice, 320), 14,
                                                                      False)]
        if len(mix.compensation) > 1:
            lines.append((f"and {len(mix.compensation) - 1} more session(s) about pay", 13,
                          False))
        card_h = int(right.height * 0.62)
        draw_card(slide, Box(right.left, right.top, right.width, card_h), "Compensation flag",
              lines, MSO_THEME_COLOR.ACCENT_5)
        rest = Box(right.left, right.top + card_h + Inches(0.2), right.width,
                   right.height - card_h - Inches(0.2))
    else:
        rest = right
    formats = ", ".join(f"{name} {n}" for name, n in mix.formats) or "none set"
    textbox(slide, rest, [("Session formats", 16, True), (one_line(formats, 200), 14, False)]
             + ([(f"{mix.untagged_minutes} min of sessions have no content tag.", 13, False)]
                if mix.untagged_minutes else []))
    speaker_notes(slide, [f"{s.bucket}: {s.minutes} min, {s.share:.0%} (rule {s.target:.0%})"
                   for s in mix.shares] + [f"{t}: {a}" for t, a in mix.compensation])


def _tiers(prs: PresentationType, lay: Layouts, ko: KickoffData) -> None:
    """One slide per tier: tiles for up to 24 reps, else columns of names, continued on
    further slides past 75, so that every rep in the tier is named."""
    for tier in ko.recognition.tiers:
        reps = list(tier.reps)
        heading = f"{one_line(tier.name, 60)}: {tier.threshold:.0%} of plan or more"
        per = TILES_PER_SLIDE if len(reps) <= TILES_PER_SLIDE else NAMES_PER_SLIDE
        pages = [reps[i:i + per] for i in range(0, len(reps), per)] or [[]]
        for n, page in enumerate(pages, start=1):
            suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
            slide, box = new_slide(prs, lay, heading + suffix)
            if not page:
                textbox(slide, box, [("No one reached this tier yet.", 24, False)])
            elif per == TILES_PER_SLIDE:
                _tier_tiles(slide, box, page)
            else:
                _tier_columns(slide, box, page)
            speaker_notes(slide, [f"{tier.name}: {len(reps)} reps at {tier.threshold:.0%} of plan "
                                  "or more. Read the names out; attainment as a share of plan."])


def _tier_tiles(slide: Slide, box: Box, reps: list[tuple[str, float]]) -> None:
    cols = next(c for c in (1, 2, 3, 4, 5) if -(-len(reps) // c) <= c + 2 or c == 5)
    cols = max(cols, min(3, len(reps)))
    rows = -(-len(reps) // cols)
    gap = Inches(0.25)
    width = int((box.width - gap * (cols - 1)) / cols)
    height = min(Inches(1.25), int((box.height - gap * (rows - 1)) / rows))
    name_size = 24 if height >= Inches(1.0) else (18 if height >= Inches(0.7) else 14)
    for k, (name, value) in enumerate(reps):
        r, c = divmod(k, cols)
        _tile(slide, Box(box.left + c * (width + gap), box.top + r * (height + gap), width,
                         height), one_line(name, 40), f"{value:.0%} of plan", name_size)


def _tier_columns(slide: Slide, box: Box, reps: list[tuple[str, float]]) -> None:
    cols = 5
    per_col = -(-len(reps) // cols)
    gap = Inches(0.2)
    width = int((box.width - gap * (cols - 1)) / cols)
    size = 18 if per_col <= 10 else (16 if per_col <= 13 else 13)
    for c in range(cols):
        chunk = reps[c * per_col:(c + 1) * per_col]
        textbox(slide, Box(box.left + c * (width + gap), box.top, width, box.height),
                 [(f"{one_line(name, 28)}  {value:.0%}", size, False) for name, value in chunk])


def _tile(slide: Slide, box: Box, name: str, detail: str, size: int) -> None:
    tile = add_shape(slide, MSO_SHAPE.ROUNDED_RECTANGLE, box)
    tile.adjustments[0] = 0.1
    tile.fill.solid()
    tile.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    tile.line.color.theme_color = MSO_THEME_COLOR.ACCENT_2
    tile.line.width = Pt(2)
    tile.shadow.inherit = False
    frame = tile.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for p, (text, points, bold) in enumerate(((name, size, True),
                                              (detail, max(11, size - 8), False))):
        para = frame.paragraphs[0] if p == 0 else frame.add_paragraph()
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        set_text(run, text)
        run.font.size, run.font.bold = Pt(points), bold
        run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1 if bold else MSO_THEME_COLOR.TEXT_2


def _value(v: float | None, unit: str | None) -> str:
    if v is None:
        return ""
    text = f"{v:,.1f}".removesuffix(".0")
    if unit and unit.startswith("$"):
        return f"${text}{unit[1:]}"
    return f"{text}%" if unit == "%" else (f"{text} {unit}" if unit else text)


def _grid(prs: PresentationType, lay: Layouts, data: ExportData, ko: KickoffData) -> None:
    grid: list[MetricRow] = list(ko.grid)
    if not grid:
        return
    slide, box = new_slide(prs, lay, "Success grid: did the kickoff stick?")
    dates = list(ko.measure_dates)[-5:]
    start = data.offsite.date
    heads = [f"Day {(d - start).days}" if start else f"{d:%-d %b}" for d in dates]
    rows = []
    fills: dict[tuple[int, int], str] = {}
    status_col = 3 + len(dates)
    for r, m in enumerate(grid[:12]):
        at = {x.measured_on: x.value for x in m.measures}
        rows.append([m.horizon, m.name, _value(m.target, m.unit),
                     *(_value(at.get(d), m.unit) for d in dates), m.status])
        if (f := fill_for(METRIC, m.status)):
            fills[(r, status_col)] = f
    n = len(dates)
    add_table(slide, box, ["Horizon", "Metric", "Target", *heads, "Status"], rows,
              widths=(0.13, 0.33, 0.1, *([0.34 / max(1, n)] * n), 0.1),
              size=16 if len(rows) <= 8 else 13, fills=fills, centre=tuple(range(2, 4 + n)),
              row_height=Inches(0.65), chars=70)
    speaker_notes(slide, [f"{m.name}: target {_value(m.target, m.unit)}, latest "
                   f"{_value(m.latest, m.unit) or 'not measured'} ({m.status})" for m in grid])


def kickoff_slides(prs: PresentationType, lay: Layouts, data: ExportData, names: bool) -> None:
    ko = data.kickoff
    if ko is None:
        return
    _look_back(prs, lay, data, ko)
    _survey(prs, lay, ko)
    _heat_slides(prs, lay, ko, names)
    _priorities(prs, lay, ko)
    _goals(prs, lay, ko)
    _mix(prs, lay, ko)
    _tiers(prs, lay, ko)
    _grid(prs, lay, data, ko)

