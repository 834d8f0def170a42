"""Every import reads its file the same way: sniffed, capped, any common encoding,
and a foreign or damaged file refused with a message that says what to do."""

from __future__ import annotations

import codecs
import datetime as dt
import zipfile
from pathlib import Path

import pytest

from keeper.agenda.files import AgendaFileError, import_agenda
from keeper.kickoff.imports import SkoImportError, read_sheet
from keeper.people.roster import RosterError, read_rows
from keeper.quadrant.placement_import import PlacementImportError, read_placement_rows
from keeper.tables.cells import EXCEL_CELL_LIMIT
from keeper.tables.reading import TableError, read_table
from tests.sheets import write_xlsx

ROSTER = [["Name", "Role", "Manager"], ["José Núñez", "rep", "Mo"], ["Mo", "manager", ""]]



@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "team.csv"
    path.write_text("\n".join(delimiter.join(r) for r in ROSTER) + "\n", "utf-8")
    assert read_table(path) == [ROSTER[0], ROSTER[1], ["Mo", "manager"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_common_encodings_read_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes("Name;Role\r\nJosé Núñez;rep\r\n".encode(encoding))
    assert read_table(path) == [["Name", "Role"], ["José Núñez", "rep"]]


def test_a_quoted_delimiter_and_line_break_stay_in_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "agenda.csv"
    path.write_text('Title,Notes\n"Talk, part 1","line one\nline two"\n', "utf-8")
    assert read_table(path)[1] == ["Talk, part 1", "line one\nline two"]


def test_a_single_column_file_is_one_column(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("Name\nAda Lovelace\nO'Brien Smith\n", "utf-8")
    assert read_table(path) == [["Name"], ["Ada Lovelace"], ["O'Brien Smith"]]


def test_too_many_rows_are_refused_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Name\n" + "".join(f"P{n}\n" for n in range(11)), "utf-8")
    assert len(read_table(path, max_rows=11)) == 12
    with pytest.raises(TableError, match="more than 10 rows"):
        read_table(path, max_rows=10)


def test_blank_rows_inside_keep_row_numbers_trailing_ones_go(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["Name"], ["A"], [None], ["B", None, None]])
    ws_rows = read_table(path)
    assert ws_rows == [["Name"], ["A"], [], ["B"]]
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("Name,Role\nA,rep\n,\n\n ,\n", "utf-8")
    assert read_table(csv_path) == [["Name", "Role"], ["A", "rep"]]


def test_cells_are_cut_to_the_spreadsheet_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("Name,Notes\nA," + "x" * 100_000 + "\n", "utf-8")
    assert len(read_table(path)[1][1]) == EXCEL_CELL_LIMIT


def test_workbook_values_come_back_as_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["Day", "Minutes", "When"],
                                       [1, 45.5, dt.datetime(2026, 12, 4)]])
    assert read_table(path)[1] == ["1", "45.5", "2026-12-04"]


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "team.xlsx", ROSTER)
    renamed = path.rename(tmp_path / "team.csv")
    assert read_table(renamed)[1] == ["José Núñez", "rep", "Mo"]


@pytest.mark.parametrize("name,content,message", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "save it as .xlsx"),
    ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old-format Excel"),
    ("scan.csv", b"%PDF-1.7\n", "a PDF document"),
    ("team.csv", b"SQLite format 3\x00" + b"\0" * 64, "a database"),
    ("team.xlsx", b"not a zip", "not an Excel workbook"),
    ("team.xlsx", b"", "empty"),
    ("team.csv", b"Name\x00\x01\x02", "not a text file"),
    ("team.pages", b"Name\n", "choose an .xlsx or .csv"),
])
def test_a_foreign_file_is_refused_clearly(tmp_path: Path, name: str, content: bytes,
                                           message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path)


def test_a_damaged_workbook_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "foreign.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "a zip, but not a workbook")
    with pytest.raises(TableError, match="not an Excel workbook"):
        read_table(path)
    good = write_xlsx(tmp_path / "good.xlsx", ROSTER)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(TableError, match="damaged"):
        read_table(cut)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="Cannot read"):
        read_table(tmp_path / "gone.csv")
    with pytest.raises(TableError, match="is a folder"):
        read_table(tmp_path)


def test_every_import_reads_through_the_one_reader(tmp_path: Path) -> None:
    """The same UTF-16, semicolon file reads the same in each import; each import
    refuses a foreign file with its own kind of error and the same message."""
    path = tmp_path / "team.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "Name;Role\nJosé;rep\n".encode("utf-16-le"))
    expected = [["Name", "Role"], ["José", "rep"]]
    assert read_rows(path) == read_sheet(path) == read_placement_rows(path) == expected
    scan = tmp_path / "scan.csv"
    scan.write_bytes(b"%PDF-1.7\n")
    for reader, error in ((read_rows, RosterError), (read_sheet, SkoImportError),
                          (read_placement_rows, PlacementImportError),
                          (lambda p: import_agenda(p, []), AgendaFileError)):
        with pytest.raises(error, match="a PDF document"):
            reader(scan)


def test_the_agenda_reads_semicolons_and_refuses_an_endless_file(tmp_path: Path) -> None:
    path = tmp_path / "agenda.csv"
    path.write_text("Title;Minutes\nWelcome;10\nOKRs;50\n", "utf-8")
    result = import_agenda(path, [])
    assert [(r["title"], r["planned_minutes"]) for r in result.rows] == [
        ("Welcome", 10), ("OKRs", 50)]
    path.write_text("Title,Minutes\n" + "Item,10\n" * 501, "utf-8")
    with pytest.raises(AgendaFileError, match="more than 500 rows"):
        import_agenda(path, [])
