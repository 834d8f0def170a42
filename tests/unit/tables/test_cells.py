"""Text that would break or trick a spreadsheet is written safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from keeper.tables.cells import (
    EXCEL_CELL_LIMIT,
    clean,
    is_formula_like,
    one_line,
    set_text,
    truncate,
    xml_safe,
)

NASTY = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+1",
    "-2",
    "@SUM(A1:A2)",
    "\tcmd",
    "\rcmd",
    "bell\x07 null\x00 esc\x1b",
    "non-chars \ufffe \uffff",
    "lone \ud800 surrogate \udfff",
    "emoji 🎉👩🏽‍💻",
    "RTL مرحبا بالعالم שלום",
    "x" * 40_000,
]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_formula_like_text_is_recognised(text: str) -> None:
    assert is_formula_like(text)


@pytest.mark.parametrize("text", ["1+1", "Plan = more", " =1", "", "💰=1"])
def test_ordinary_text_is_not_formula_like(text: str) -> None:
    assert not is_formula_like(text)


def test_xml_illegal_characters_are_removed_and_surrogates_replaced() -> None:
    assert xml_safe("a\x00b\x07c\x1bd") == "abcd"
    assert xml_safe("a\ufffeb\uffffc") == "abc"
    assert xml_safe("a\ud800b") == "a\ufffdb"
    assert xml_safe("tab\tnew\nline") == "tab\tnew\nline"  # XML can hold these
    # a carriage return is a line break (a slide would show it as "_x000D_")
    assert xml_safe("win\r\nold mac\rcr") == "win\nold mac\ncr"
    assert xml_safe("🎉 مرحبا") == "🎉 مرحبا"
    assert xml_safe(None) == ""


def test_truncate_counts_like_excel_and_never_splits_an_emoji() -> None:
    text = "🎉" * 20_000  # 40,000 UTF-16 units
    cut = truncate(text, EXCEL_CELL_LIMIT)
    assert cut.endswith("\u2026")
    units = len(cut.encode("utf-16-le")) // 2
    assert units <= EXCEL_CELL_LIMIT
    assert set(cut[:-1]) == {"🎉"}
    assert truncate("short", 10) == "short"


def test_clean_limits_huge_text() -> None:
    assert len(clean("y" * 40_000)) == EXCEL_CELL_LIMIT


def test_one_line_joins_lines_and_cuts() -> None:
    assert one_line("a\n b\t c", 100) == "a b c"
    assert one_line("abcdef", 4) == "abc\u2026"


def test_nasty_text_round_trips_through_a_workbook_as_text(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for row, text in enumerate(NASTY, start=1):
        set_text(ws.cell(row=row, column=1), text)
    path = tmp_path / "nasty.xlsx"
    wb.save(path)  # would raise without cleaning (\ufffe, surrogates, controls)

    back = load_workbook(path).active
    values = [back.cell(row=r, column=1) for r in range(1, len(NASTY) + 1)]
    assert all(c.data_type == "s" for c in values), "no cell may become a formula"
    assert values[0].value == NASTY[0]
    assert values[0].quotePrefix
    assert values[1].value == "+1+1"
    assert values[2].value == "-2"  # text, not the number -2
    assert values[3].value == "@SUM(A1:A2)"
    assert values[6].value == "bell null esc"
    assert values[8].value == "lone \ufffd surrogate \ufffd"
    assert values[9].value == "emoji 🎉👩🏽‍💻"
    assert values[10].value == NASTY[10]
    assert len(values[11].value) == EXCEL_CELL_LIMIT
