"""One text sanitiser: what people type or import and what goes into a cell follow one rule."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keeper.agenda.files import export_agenda, import_agenda
from keeper.agenda.ops import agenda_items
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.tables.cells import EXCEL_CELL_LIMIT, one_line, xml_safe
from keeper.text import clean_block, clean_line, plain

# Every character below 0x100, the non-characters and a lone surrogate.
EVERYTHING = "".join(map(chr, range(0x100))) + "\ufffe\uffff\ud800"


@pytest.mark.parametrize("char", [chr(c) for c in range(0x20) if c not in (9, 10, 13)]
                         + [chr(c) for c in range(0x7F, 0xA0)] + ["\ufffe", "\uffff"])
def test_a_character_dropped_from_typed_text_never_reaches_a_cell(char: str) -> None:
    text = f"a{char}b"
    assert clean_line(text) == clean_block(text) == xml_safe(text) == one_line(text, 99) == "ab"


def test_line_breaks_and_surrogates_follow_one_rule() -> None:
    assert plain("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert clean_block("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean_line("one\r\ntwo") == "one two"
    assert xml_safe("one\rtwo") == "one\ntwo"
    # Kept text drops a broken character; exported text shows where it was.
    assert clean_line("a\ud800b") == "ab" and xml_safe("a\ud800b") == "a\ufffdb"


def test_everything_printable_survives(tmp_path: Path) -> None:
    kept = clean_block(EVERYTHING)
    assert "é" in kept and "~" in kept and "\xa0" not in kept  # NBSP is a space
    assert set(kept) <= set(xml_safe(EVERYTHING)) | {" "}


@pytest.fixture
def store(tmp_path: Path):
    s = new_file(tmp_path / "plain.keeper", clock=FakeClock())
    yield s
    s.session.rollback()
    s.close()


def test_the_agenda_file_uses_the_cell_rules(store, tmp_path: Path) -> None:
    """Before, the agenda export had its own copy: C1 controls and U+FFFF-like
    characters reached the workbook, and a 40,000-character note made a cell Excel
    refuses to open."""
    items = agenda_items(store, store.current_offsite().id)[:2]
    items[0].title = "Kick\x85off\x9b =now"
    items[0].notes = "x" * 40_000
    items[1].title = "@SUM(A1)"
    out = export_agenda(tmp_path / "agenda.xlsx", items, {}, dt.time(9, 0))
    ws = load_workbook(out).active
    assert ws["C2"].value == "Kickoff =now"
    assert len(ws["L2"].value) == EXCEL_CELL_LIMIT and ws["L2"].value.endswith("\u2026")
    assert ws["C3"].value == "@SUM(A1)" and ws["C3"].data_type == "s" and ws["C3"].quotePrefix

    out_csv = export_agenda(tmp_path / "agenda.csv", items, {}, dt.time(9, 0))
    with open(out_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1][2] == "Kickoff =now" and rows[2][2] == "'@SUM(A1)"
    assert [r["title"] for r in import_agenda(out_csv, []).rows] == ["Kickoff =now",
                                                                     "@SUM(A1)"]
