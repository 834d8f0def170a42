"""The deck's slides for the rest of the offsite day: the OKR review, the charter, big bets
to initiatives (with owners), and the operating plan per initiative with status colours.
Start/Stop/Continue feedback is private: it never goes on a slide or in speaker notes.
"""

from __future__ import annotations

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Inches

from exporters.colours import TACTIC, VERDICT, fill_for
from exporters.data import ExportData
from exporters.pptx.kit import (
    Box,
    Layouts,
    add_shape,
    draw_card,
    new_slide,
    speaker_notes,
    textbox,
)
from exporters.pptx.table import Cell, add_table
from keeper.day.plan import InitiativeRow
from keeper.day.rules import TACTICS_MAX, TACTICS_MIN
from keeper.tables.cells import one_line

OKRS_PER_SLIDE = 6
TACTICS_PER_SLIDE = 10
BRIDGES = 4
QUESTIONS_PER_SLIDE = 4
REFLECTIONS_PER_SLIDE = 8


def _caption(slide: Slide, box: Box, text: str) -> Box:
    """A one-line caption at the top of ``box``; returns the room left under it."""
    textbox(slide, Box(box.left, box.top, box.width, Inches(0.45)), [(text, 16, False)],
             colour=MSO_THEME_COLOR.TEXT_2)
    return Box(box.left, box.top + Inches(0.55), box.width, box.height - Inches(0.55))


def okr_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    okrs = list(data.day.okrs) if data.day else []
    if not okrs:
        return
    hit = sum(1 for o in okrs if o.hit)
    scored = sum(1 for o in okrs if o.hit is not None)
    pages = [okrs[i:i + OKRS_PER_SLIDE] for i in range(0, len(okrs), OKRS_PER_SLIDE)]
    for n, page in enumerate(pages, start=1):
        suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
        verdict = (f"{hit} of {scored} hit" if scored == len(okrs)
                   else f"{hit} of {scored} scored hit, {len(okrs) - scored} not scored yet")
        slide, box = new_slide(prs, lay, f"Last period's OKRs: {verdict}{suffix}")
        rest = _caption(slide, box, (data.offsite.previous_title or "Set at the last offsite")
                        + " \u2192 reviewed today")
        rows = [[o.objective, o.target or "", o.result or "", o.verdict] for o in page]
        fills = {(r, 3): f for r, o in enumerate(page) if (f := fill_for(VERDICT, o.verdict))}
        add_table(slide, rest, ["Objective", "Target", "Result", "Hit / missed"], rows,
                  widths=(0.52, 0.16, 0.16, 0.16), size=16, fills=fills, centre=(3,),
                  row_height=Inches(0.75), chars=140)
        lines = []
        for o in page:
            lines.append(f"{o.objective}: {o.verdict.lower()} ({o.result or 'no result'} "
                         f"against {o.target or 'no target'}).")
            lines += [f"  Went well: {o.went_well}" if o.went_well else "",
                      f"  Didn't: {o.went_badly}" if o.went_badly else "",
                      f"  On the floor: {o.on_the_floor}" if o.on_the_floor else ""]
        speaker_notes(slide, lines)


def question_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    """The north-star questions with the room's answers, then the best practices shared."""
    day = data.day
    questions = list(day.questions) if day else []
    pages = [questions[i:i + QUESTIONS_PER_SLIDE]
             for i in range(0, len(questions), QUESTIONS_PER_SLIDE)]
    for n, page in enumerate(pages, start=1):
        suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
        slide, box = new_slide(prs, lay, f"North-star questions and the room's answers{suffix}")
        start = (n - 1) * QUESTIONS_PER_SLIDE
        rows: list[list[Cell]] = [[start + i + 1, q.text, q.answers or "(not answered yet)"]
                                  for i, q in enumerate(page)]
        add_table(slide, box, ["#", "Question", "The room's answers"], rows,
                  widths=(0.06, 0.4, 0.54), size=15, centre=(0,), row_height=Inches(1.0),
                  chars=260)
        speaker_notes(slide, [f"{start + i + 1}. {q.text}\n   {q.answers or 'Not answered yet.'}"
                              for i, q in enumerate(page)])
    talks = [t for t in (day.talks if day else ()) if t.presenter_name or t.strength]
    if talks:
        slide, box = new_slide(prs, lay, "Best practices shared today")
        shown = talks[:BRIDGES]
        gap = Inches(0.3)
        width = int((box.width - gap * (len(shown) - 1)) / len(shown))
        accents = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2,
                   MSO_THEME_COLOR.ACCENT_3, MSO_THEME_COLOR.ACCENT_4)
        for i, talk in enumerate(shown):
            card = Box(box.left + i * (width + gap), box.top, width, min(box.height,
                                                                         Inches(3.2)))
            draw_card(slide, card, one_line(talk.presenter_name or "Presenter to name", 40),
                      [(one_line(talk.strength or "Topic to name", 200), 18, False)],
                      accents[i % len(accents)])
        speaker_notes(slide, [f"{t.presenter_name or 'Presenter to name'}: "
                              f"{t.strength or 'topic to name'}" for t in talks])


def reflection_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    """What each leader takes away, in their words."""
    reflections = list(data.day.reflections) if data.day else []
    pages = [reflections[i:i + REFLECTIONS_PER_SLIDE]
             for i in range(0, len(reflections), REFLECTIONS_PER_SLIDE)]
    for n, page in enumerate(pages, start=1):
        suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
        slide, box = new_slide(prs, lay, f"Reflections: what we take away{suffix}")
        size = 18 if len(page) <= 5 else 15
        textbox(slide, box, [(f"{one_line(person, 40)}: {one_line(r.text, 200)}", size, False)
                             for person, r in page])
        speaker_notes(slide, [f"{person}: {r.text}" for person, r in page])


def _charter_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    day = data.day
    if day is None or day.charter_empty:
        return
    slide, box = new_slide(prs, lay, "Our charter for the next period")
    gap = Inches(0.3)
    width = int((box.width - 2 * gap) / 3)
    accents = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_3)
    for i, (label, text) in enumerate(day.charter_parts):
        card = Box(box.left + i * (width + gap), box.top, width, box.height)
        body = one_line(text or "(not written yet)", 420)
        size = 18 if len(body) < 160 else (16 if len(body) < 260 else 14)
        draw_card(slide, card, label, [(body, size, False)], accents[i])
    speaker_notes(slide, [f"{label}: {text}" for label, text in day.charter_parts if text])


def _bridge_slide(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    plan = list(data.day.plan) if data.day else []
    if not plan and not data.big_bets:
        return
    slide, box = new_slide(prs, lay, "From big bets to initiatives")
    bets = {b.title: b for b in data.big_bets}
    pairs: list[tuple[str | None, InitiativeRow | None]] = [(p.cluster_title, p) for p in plan]
    pairs += [(b.title, None) for b in data.big_bets
              if b.title not in {p.cluster_title for p in plan}]
    shown = pairs[:BRIDGES]
    gap = Inches(0.25)
    height = int((box.height - gap * (len(shown) - 1)) / max(1, len(shown)))
    arrow_w = Inches(0.7)
    left_w = int((box.width - arrow_w - 2 * gap) * 0.42)
    right_w = box.width - left_w - arrow_w - 2 * gap
    small = 16 if len(shown) <= 2 else 13
    for i, (bet_title, row) in enumerate(shown):
        top = box.top + i * (height + gap)
        bet = bets.get(bet_title or "")
        facts = []
        if bet is not None:
            facts.append((f"{data.count_of(bet.count)} \u00b7 rank {bet.rank}", small, True))
            if bet.initiative:
                facts.append((f"Company initiative: {one_line(bet.initiative, 90)}", small,
                              False))
        draw_card(slide, Box(box.left, top, left_w, height),
              one_line(bet_title or "(no big bet)", 60), facts, MSO_THEME_COLOR.ACCENT_2)
        arrow = add_shape(slide, MSO_SHAPE.RIGHT_ARROW, Box(
            box.left + left_w + gap, top + int(height / 2) - Inches(0.25), arrow_w, Inches(0.5)))
        arrow.fill.solid()
        arrow.fill.fore_color.theme_color = MSO_THEME_COLOR.TEXT_2
        arrow.line.fill.background()
        arrow.shadow.inherit = False
        right = Box(box.left + left_w + arrow_w + 2 * gap, top, right_w, height)
        if row is None:
            draw_card(slide, right, "No initiative yet", [
                ("Name an initiative with an owner and 7\u201310 tactics.", small, False)],
                MSO_THEME_COLOR.ACCENT_5)
            continue
        lines = [(f"Owner: {one_line(row.owner_name or 'not named yet', 60)}", small, True),
                 (f"{len(row.tactics)} tactics", small, False)]
        lines += [(f"\u26a0 {one_line(f, 120)}", small, False) for f in row.flags]
        draw_card(slide, right, one_line(row.title, 70), lines, MSO_THEME_COLOR.ACCENT_1)
    speaker_notes(slide, [f"{b or 'No big bet'} \u2192 {r.title if r else 'no initiative yet'}"
                   + (f" (owner {r.owner_name})" if r and r.owner_name else "") for b, r in pairs])


def _plan_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    day = data.day
    if day is None:
        return
    first_check = day.check_ins[0].date if day.check_ins else None
    for row in day.plan:
        tactics = list(row.tactics)
        pages = [tactics[i:i + TACTICS_PER_SLIDE]
                 for i in range(0, len(tactics), TACTICS_PER_SLIDE)] or [[]]
        for n, page in enumerate(pages, start=1):
            suffix = f" ({n} of {len(pages)})" if len(pages) > 1 else ""
            slide, box = new_slide(prs, lay, f"Operating plan: {one_line(row.title, 60)}{suffix}")
            facts = [f"Owner: {one_line(row.owner_name or 'not named yet', 50)}",
                     f"{len(tactics)} tactics"]
            if first_check:
                facts.append(f"monthly check-ins from {first_check:%-d %b %Y}")
            rest = _caption(slide, box, " \u00b7 ".join(facts))
            count = len(tactics)
            flagged = count < TACTICS_MIN or count > TACTICS_MAX
            table_box = rest
            if flagged or row.flags:
                table_box, side = rest.split(0.7)
                lines = [(one_line(f, 160), 15, False) for f in row.flags]
                draw_card(slide, Box(side.left, side.top, side.width, Inches(2.4)),
                      "Check the plan", lines, MSO_THEME_COLOR.ACCENT_2)
            if not page:
                textbox(slide, table_box, [("No tactics yet: the plan asks for "
                                             f"{TACTICS_MIN}\u2013{TACTICS_MAX}.", 20, False)])
                continue
            start = (n - 1) * TACTICS_PER_SLIDE
            rows: list[list[Cell]] = [[start + i + 1, t.text, t.status]
                                      for i, t in enumerate(page)]
            fills = {(i, 2): f for i, t in enumerate(page) if (f := fill_for(TACTIC, t.status))}
            add_table(slide, table_box, ["#", "Tactic", "Status"], rows,
                      widths=(0.07, 0.71, 0.22), size=15 if len(page) <= 8 else 13, fills=fills,
                      centre=(0, 2), row_height=Inches(0.5), chars=120)
            speaker_notes(slide, [f"{row.title}: owner {row.owner_name or 'not named yet'}.",
                           *row.flags,
                           *(f"{start + i + 1}. {t.text} ({t.status})" for i, t in
                             enumerate(page))])


def plan_slides(prs: PresentationType, lay: Layouts, data: ExportData) -> None:
    """The charter, big bets to initiatives, and the operating plan."""
    _charter_slide(prs, lay, data)
    if data.day and data.day.plan:
        _bridge_slide(prs, lay, data)
        _plan_slides(prs, lay, data)

