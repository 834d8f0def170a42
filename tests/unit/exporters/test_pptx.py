"""The offsite deck, read back with python-pptx: slides, native charts, names, templates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches

from exporters.data import ExportData, gather
from exporters.pptx.deck import DEFAULT_TEMPLATE, write_pptx
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.tables.atomic import ExportError

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
REPS = ["Ava Chen", "Chloe Martin", "Owen Murphy", "Nora Lindqvist", "Felix Andersen"]
# title, agenda, OKR review, north-star questions, best practices, 7 clusters, ideas outside
# clusters, tally, big bets, charter, big bets to initiatives, 2 operating-plan slides,
# quadrant, reflections, 7 thank-yous
DEMO_SLIDES = 1 + 1 + 1 + 1 + 1 + 7 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 7


@pytest.fixture
def demo_data(tmp_path: Path) -> ExportData:
    store = new_file(tmp_path / "demo.keeper", demo=True, clock=FakeClock(NOW))
    try:
        return gather(store, now=NOW)
    finally:
        store.close()


def _all_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_chart:
            chart = shape.chart
            parts += [str(c) for c in chart.plots[0].categories]
            parts += [s.name for s in chart.plots[0].series]
    if slide.has_notes_slide:
        parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _slide_titled(prs, start: str):
    for slide in prs.slides:
        if slide.shapes.title is not None and slide.shapes.title.text.startswith(start):
            return slide
    raise AssertionError(f"no slide titled {start!r}")


def _chart(slide):
    charts = [s.chart for s in slide.shapes if s.has_chart]
    assert len(charts) == 1
    return charts[0]


def test_deck_is_16_9_with_the_expected_slides(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)
    assert len(prs.slides) == DEMO_SLIDES
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Autumn leadership offsite"
    assert titles[1].startswith("How the day ran")
    assert titles[2].startswith("Last period's OKRs")
    assert titles[3] == "North-star questions and the room's answers"
    assert titles[4] == "Best practices shared today"
    assert titles[5] == "#1 Renewals & expansion"
    assert titles[-8] == "Reflections: what we take away"
    questions = _all_text(prs.slides[3])
    assert "Why are we missing on staffing" in questions and "Not answered yet." in questions
    assert "John Park" in _all_text(prs.slides[4])
    assert "Marcus Obi: Hiring ahead of need" in _all_text(prs.slides[-8])
    assert "What the room supports" in titles and "Our big bets" in titles
    first = prs.slides[0]
    subtitle = next(p for p in first.placeholders
                    if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    assert "The Foundry" in subtitle.text and "Dana Whitfield" in subtitle.text


def test_tally_is_a_native_bar_chart_with_the_counts(tmp_path: Path,
                                                     demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    chart = _chart(_slide_titled(prs, "What the room supports"))
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories)[:3] == ["Renewals & expansion", "Hiring & ramp",
                                         "Coaching the middle"]
    assert list(plot.series[0].values)[:7] == [7, 6, 5, 4, 3, 3, 2]


def test_agenda_chart_has_planned_and_actual(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    chart = _chart(_slide_titled(prs, "How the day ran"))
    planned, actual = chart.plots[0].series
    assert planned.name == "Planned minutes" and actual.name == "Actual minutes"
    assert len(list(planned.values)) == 18
    assert list(planned.values)[:2] == [10, 15]
    assert list(actual.values)[:2] == [14, 18]  # the welcome waited for latecomers
    assert list(actual.values)[-1] is None  # not run yet


def test_big_bets_show_their_initiatives(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    text = _all_text(_slide_titled(prs, "Our big bets"))
    assert "Renewals & expansion" in text and "Hiring & ramp" in text
    assert "Improve the revenue mix of renewals and new business" in text
    assert "Fix the hiring process" in text


def test_one_supporter_is_not_said_as_one_supporters(tmp_path: Path,
                                                     demo_data: ExportData) -> None:
    """A cluster one leader supported read "1 supporters" on its slide and big-bet card."""
    first = dataclasses.replace(demo_data.tally[0], count=1)
    bet = dataclasses.replace(demo_data.big_bets[0], count=1)
    data = dataclasses.replace(demo_data, tally=(first, *demo_data.tally[1:]),
                               big_bets=(bet, *demo_data.big_bets[1:]))
    prs = Presentation(str(write_pptx(data, tmp_path / "deck.pptx")))
    cluster = _all_text(_slide_titled(prs, f"#{first.rank}"))
    bets = _all_text(_slide_titled(prs, "Our big bets"))
    assert "1 supporter \u00b7 Big bet" in cluster and "1 supporters" not in cluster
    assert "1 supporter \u00b7 rank" in bets and "1 supporters" not in bets
    assert f"{demo_data.big_bets[1].count} supporters \u00b7 rank" in bets


def test_quadrant_chart_without_names_by_default(tmp_path: Path,
                                                 demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    slide = _slide_titled(prs, "Where our reps are")
    chart = _chart(slide)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories) == ["Difficult conversation", "Coach and upskill",
                                     "Breathers", "Top of the pack"]
    current = list(plot.series[-1].values)
    assert current == pytest.approx([s.share for s in demo_data.shares])
    deck_text = "\n".join(_all_text(s) for s in prs.slides)
    for name in REPS:
        assert name not in deck_text


def test_names_appear_only_when_chosen(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx", names=True)))
    assert len(prs.slides) == DEMO_SLIDES + 1
    text = _all_text(_slide_titled(prs, "Reps by quadrant"))
    for name in REPS:
        assert name in text


def test_a_gratitude_slide_for_each_leader(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx")))
    thanks = [s for s in prs.slides if s.shapes.title.text.startswith("Thank you, ")]
    assert [s.shapes.title.text for s in thanks] == [
        "Thank you, Elena Fischer", "Thank you, Marcus Obi", "Thank you, Priya Raman",
        "Thank you, Jane Alvarez", "Thank you, Jill Morgan", "Thank you, John Park",
        "Thank you, Tommy Becker",
    ]  # everyone who attended but the Keeper
    tommy = _all_text(thanks[-1])
    assert "Thank you for coaching every new rep through their first deals." in tommy
    marcus = _all_text(thanks[1])  # no note written: a thank-you drafted from his day
    wrote = sum(1 for i in demo_data.ideas if i.author == "Marcus Obi")
    assert wrote and f"Thank you, Marcus, for the {wrote} opportunities you put on the board" in (
        marcus)
    for slide in thanks:
        assert "[" not in _all_text(slide) and "goes here" not in _all_text(slide)
    assert "Drafted by Keeper" in thanks[1].notes_slide.notes_text_frame.text
    assert "Drafted" not in thanks[-1].notes_slide.notes_text_frame.text


def test_hostile_text_does_not_break_the_deck(tmp_path: Path, demo_data: ExportData) -> None:
    bad = "=cmd \x00\x07 🎉 مرحبا \ud800 \ufffe " + "w" * 40_000
    first = demo_data.tally[0]
    tally = (dataclasses.replace(first, title=bad, notes=tuple(
        dataclasses.replace(n, text=bad) for n in first.notes)), *demo_data.tally[1:])
    leader = dataclasses.replace(demo_data.attendees[1], gratitude_note=bad,
                                 name="Ünïcødé 🎉 שלום")
    attendees = (demo_data.attendees[0], leader, *demo_data.attendees[2:])
    offsite = dataclasses.replace(demo_data.offsite, title=bad, venue=bad)
    data = dataclasses.replace(demo_data, tally=tally, attendees=attendees, offsite=offsite)
    prs = Presentation(str(write_pptx(data, tmp_path / "bad.pptx")))
    assert len(prs.slides) == DEMO_SLIDES
    title = prs.slides[0].shapes.title.text
    assert title.startswith("=cmd 🎉 مرحبا \ufffd") and len(title) <= 90
    assert any(s.shapes.title.text == "Thank you, Ünïcødé 🎉 שלום" for s in prs.slides)


def test_an_ordinary_company_template_works(tmp_path: Path, demo_data: ExportData) -> None:
    company = Presentation()  # python-pptx's stock 4:3 template, with a sample slide
    company.slides.add_slide(company.slide_layouts[0]).shapes.title.text = "SAMPLE"
    for i, layout in enumerate(company.slide_layouts):
        layout.name = f"Firmenlayout {i}"  # names mean nothing: types decide
    company_path = tmp_path / "company.pptx"
    company.save(str(company_path))
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx",
                                      template=company_path)))
    assert len(prs.slides) == DEMO_SLIDES
    assert "SAMPLE" not in [s.shapes.title.text for s in prs.slides]
    first = prs.slides[0].slide_layout
    kinds = {p.placeholder_format.type for p in first.placeholders}
    assert PP_PLACEHOLDER.SUBTITLE in kinds
    cluster = _slide_titled(prs, "#1 ")
    body = [p for p in cluster.placeholders if p.placeholder_format.type in
            (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)]
    assert body and "Build a renewals pipeline 120 days out" in body[0].text
    for slide in prs.slides:  # every chart inside the slide
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width
            assert shape.top + shape.height <= prs.slide_height


def test_shapes_stay_on_the_default_slides(tmp_path: Path, demo_data: ExportData) -> None:
    prs = Presentation(str(write_pptx(demo_data, tmp_path / "deck.pptx", names=True)))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width
            assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height


def test_default_template_is_real_16_9() -> None:
    prs = Presentation(str(DEFAULT_TEMPLATE))
    assert len(prs.slides) == 0
    assert prs.slide_width == Inches(13.333)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)
    title = prs.slide_master.placeholders[0]
    assert title.width > Inches(12)  # laid out for 16:9, not left over from 4:3


def test_bad_template_is_a_clear_error(tmp_path: Path, demo_data: ExportData) -> None:
    fake = tmp_path / "not-a-deck.pptx"
    fake.write_text("hello")
    with pytest.raises(ExportError, match="not-a-deck.pptx"):
        write_pptx(demo_data, tmp_path / "deck.pptx", template=fake)
    assert not (tmp_path / "deck.pptx").exists()


def test_empty_offsite_still_makes_a_deck(tmp_path: Path) -> None:
    store = new_file(tmp_path / "empty.keeper", clock=FakeClock(NOW))
    try:
        data = gather(store, now=NOW)
    finally:
        store.close()
    prs = Presentation(str(write_pptx(data, tmp_path / "deck.pptx")))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] and "Our big bets" in titles
    assert "No big bets chosen yet." in _all_text(_slide_titled(prs, "Our big bets"))


def test_every_slide_has_its_own_notes_page_shaped_like_powerpoints(
        tmp_path: Path, demo_data: ExportData) -> None:
    import zipfile

    out = write_pptx(demo_data, tmp_path / "deck.pptx")
    pages = [s for s in Presentation(str(out)).slides if s.has_notes_slide]
    assert len(pages) >= 10
    texts = [s.notes_slide.notes_text_frame.text for s in pages]
    assert len(set(texts)) == len(texts)  # each page holds its own slide's notes only
    for slide in pages:
        kinds = {ph.placeholder_format.type for ph in slide.notes_slide.placeholders}
        assert {PP_PLACEHOLDER.SLIDE_IMAGE, PP_PLACEHOLDER.BODY} <= kinds
    names = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("ppt/notesSlides/")
             and n.endswith(".xml")]
    assert sorted(names) == sorted(f"ppt/notesSlides/notesSlide{n}.xml"
                                   for n in range(1, len(pages) + 1))
