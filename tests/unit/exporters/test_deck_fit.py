"""Text fitted to the boxes a template gives: titles to their placeholder (a 90-character
cluster title whole in the default template, a 44-pt stock 4:3 template's titles on the
lines their box holds), table columns wide enough for their longest word, and the date
and venue on a template whose only layout is a title."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from sqlalchemy import select

from exporters.data import ExportData, gather
from exporters.pptx.deck import write_pptx
from exporters.pptx.measure import width_pt
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.store.models import Offsite

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
LONG = ("Build a renewals pipeline 120 days out with every account owner and the partner "
        "team today")
EMU_PT = 12700


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ExportData, ExportData]:
    path = tmp_path_factory.mktemp("fit") / "demo.keeper"
    store = new_file(path, demo=True, clock=FakeClock(NOW))
    try:
        kickoff = store.session.scalars(select(Offsite.id).where(Offsite.kind == "kickoff")).one()
        return gather(store, now=NOW), gather(store, kickoff, now=NOW)
    finally:
        store.close()


@pytest.fixture
def stock(tmp_path: Path) -> Path:
    """python-pptx's own template: 4:3, titles 44 pt in a 1.25-inch box."""
    path = tmp_path / "stock.pptx"
    Presentation().save(str(path))
    return path


def _lines(text: str, size: float, width: float, bold: bool) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and width_pt(f"{lines[-1]} {word}", size, "Calibri", bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _title_fits(title: object, bold: bool) -> None:
    runs = [r for p in title.text_frame.paragraphs for r in p.runs]
    assert runs and all(r.font.size is not None for r in runs), title.text
    size = runs[0].font.size.pt
    width = (title.width - 2 * 91440) / EMU_PT
    height = (title.height - 2 * 45720) / EMU_PT
    lines = _lines(title.text, size, width, bold)
    assert all(width_pt(x, size, "Calibri", bold) <= width for x in lines), title.text
    assert len(lines) * size * 1.2 <= height, (title.text, size, len(lines))


def test_a_90_character_cluster_title_is_whole_and_fits_the_default_box(
        tmp_path: Path, demo: tuple[ExportData, ExportData]) -> None:
    data = demo[0]
    assert len(LONG) == 90
    first = dataclasses.replace(data.tally[0], title=LONG)
    data = dataclasses.replace(data, tally=(first, *data.tally[1:]))
    prs = Presentation(str(write_pptx(data, tmp_path / "deck.pptx")))
    title = next(s.shapes.title for s in prs.slides if s.shapes.title.text.startswith("#1 "))
    assert title.text == f"#1 {LONG}"
    _title_fits(title, bold=True)


def test_44_point_template_titles_stay_on_the_lines_their_box_holds(
        tmp_path: Path, stock: Path, demo: tuple[ExportData, ExportData]) -> None:
    for i, data in enumerate(demo):
        prs = Presentation(str(write_pptx(data, tmp_path / f"{i}.pptx", template=stock)))
        sizes = set()
        for slide in prs.slides:
            _title_fits(slide.shapes.title, bold=False)
            sizes.add(slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt)
        assert 44 in sizes and min(sizes) >= 33  # short titles keep the template's size


def test_no_table_word_is_wider_than_its_column_in_a_4_3_template(
        tmp_path: Path, stock: Path, demo: tuple[ExportData, ExportData]) -> None:
    checked = 0
    for i, data in enumerate(demo):
        prs = Presentation(str(write_pptx(data, tmp_path / f"{i}.pptx", template=stock)))
        for slide in prs.slides:
            for table in (s.table for s in slide.shapes if s.has_table):
                for row in table.rows:
                    for c, cell in enumerate(row.cells):
                        room = (table.columns[c].width - cell.margin_left
                                - cell.margin_right) / EMU_PT
                        for run in (r for p in cell.text_frame.paragraphs for r in p.runs):
                            for word in run.text.split():
                                wide = width_pt(word, run.font.size.pt, "Calibri",
                                                bool(run.font.bold))
                                assert wide <= room, (word, wide, room)
                                checked += 1
    assert checked > 500  # the heat map, OKRs, tactics and the success grid were read


def test_a_title_only_template_keeps_the_date_and_venue(
        tmp_path: Path, demo: tuple[ExportData, ExportData]) -> None:
    only = Presentation()
    for layout in list(only.slide_layouts):
        if layout.name != "Title Only":
            only.slide_layouts.remove(layout)
    path = tmp_path / "title-only.pptx"
    only.save(str(path))
    prs = Presentation(str(write_pptx(demo[0], tmp_path / "deck.pptx", template=path)))
    first = prs.slides[0]
    text = "\n".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert "23 November 2026" in text and "The Foundry, Warehouse District" in text
    assert "Keeper: Dana Whitfield" in text
    for shape in first.shapes:
        assert shape.top + shape.height <= prs.slide_height
