"""The one table reader: the rows of a .csv or .xlsx file as text, for every import.

- **What the file is** is decided by its first bytes, not only its name: a workbook
  saved as ``.csv`` is read as a workbook; an old ``.xls``, a document or a damaged
  file is refused with a message saying what to do.
- **Text files**: a UTF-8 (with or without BOM) or UTF-16 (Excel's "Unicode text")
  file, else Windows-1252 (Excel's plain "CSV" on Windows). The delimiter (``,``
  ``;`` tab ``|``) is sniffed from the start of the file.
- **Limits**: at most ``max_rows`` rows after the header (a longer file is refused,
  not cut), cells cut to Excel's 32,767 characters, at most ``MAX_COLUMNS`` columns.
  Trailing empty cells and rows (a sheet formatted to row 1,048,576) are dropped;
  empty rows inside the table are kept, so row numbers match the spreadsheet's.

Safe to call off the UI thread: no database, no Qt.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from keeper.tables.cells import EXCEL_CELL_LIMIT

MAX_ROWS = 10_000
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_COLUMNS = 256
# A sheet's formatting can reach row 1,048,576; this many empty rows in a row end the table.
BLANK_RUN_END = 10_000
SAMPLE_CHARS = 64 * 1024
DELIMITERS = ",;\t|"

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc: the old Office format
_FOREIGN = {b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
            b"SQLite format 3\x00": "a database (perhaps a .keeper file)"}


class TableError(ValueError):
    """The file cannot be read as a table (worded for the person importing)."""


def read_table(path: Path, max_rows: int = MAX_ROWS) -> list[list[str]]:
    """The header row and up to ``max_rows`` rows of the file (first sheet), as text."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except IsADirectoryError as exc:
        raise TableError(f"{path.name} is a folder; choose an .xlsx or .csv file.") from exc
    except OSError as exc:
        raise TableError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    kind = _kind(path, head)
    rows = _workbook_rows(path) if kind == "workbook" else _text_rows(path)
    with contextlib.closing(rows):
        return _bounded(path, rows, max_rows)


def _kind(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(_OLE):
        raise TableError(f"{path.name} is an old-format Excel file (.xls) or another Office "
                         "document. Open it in Excel and save it as .xlsx or CSV UTF-8.")
    for magic, what in _FOREIGN.items():
        if head.startswith(magic):
            raise TableError(f"{path.name} is {what}, not a spreadsheet. "
                             "Choose an .xlsx or .csv file.")
    if head.startswith(_ZIP):
        return "workbook"
    if suffix in WORKBOOK_SUFFIXES:
        if not head:
            raise TableError(f"{path.name} is empty.")
        raise TableError(f"{path.name} is damaged or is not an Excel workbook. "
                         "Open it in Excel and save it again, or save it as CSV UTF-8.")
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise TableError(f"{path.name}: choose an .xlsx or .csv file.")


def _bounded(path: Path, rows: Iterable[list[str]], max_rows: int) -> list[list[str]]:
    table: list[list[str]] = []
    blanks: list[list[str]] = []
    for row in rows:
        if not row:
            blanks.append(row)
            if len(blanks) >= BLANK_RUN_END:
                break
            continue
        table.extend(blanks)
        blanks = []
        table.append(row)
        if len(table) > max_rows + 1:
            raise TableError(f"{path.name} has more than {max_rows:,} rows after the header; "
                             f"Keeper reads up to {max_rows:,}. Split the file and import "
                             "each part.")
    return table


def _trimmed(cells: Iterable[object]) -> list[str]:
    """Cells as text, each cut to Excel's limit, without the trailing empty ones."""
    row = [_text(cell) for _, cell in zip(range(MAX_COLUMNS), cells, strict=False)]
    while row and not row[-1].strip():
        row.pop()
    return row


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    text = value if isinstance(value, str) else str(value)
    return text[:EXCEL_CELL_LIMIT]


# -- workbooks ------------------------------------------------------------------


def _workbook_rows(path: Path) -> Generator[list[str], None, None]:
    from openpyxl import load_workbook

    # Opened by us: openpyxl refuses a path whose name does not end in .xlsx.
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by _sheet_rows
    except OSError as exc:
        raise TableError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, KeyError, XML errors: a damaged or foreign zip
        stream.close()
        raise TableError(f"{path.name} is damaged or is not an Excel workbook ({exc}). Open "
                         "it in Excel and save it again, or save it as CSV UTF-8.") from exc
    return _sheet_rows(path, workbook, stream)


def _sheet_rows(path: Path, workbook: Any, stream: BinaryIO) -> Generator[list[str], None, None]:
    try:
        sheets = workbook.worksheets
        if not sheets:
            return
        try:
            for values in sheets[0].iter_rows(values_only=True):
                yield _trimmed(values)
        except Exception as exc:  # a damaged sheet inside a sound zip
            raise TableError(f"{path.name} is damaged ({exc}). Open it in Excel and save it "
                             "again.") from exc
    finally:
        workbook.close()
        stream.close()


# -- text files -----------------------------------------------------------------


def _decoded(path: Path) -> str:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise TableError(f"{path.name} is larger than {MAX_TEXT_BYTES // 2**20} MB; "
                         "no roster or agenda is that long. Check that it is the right file.")
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TableError(f"{path.name} is damaged UTF-16 text; save it as CSV UTF-8.") from exc
    if b"\x00" in data[:SAMPLE_CHARS]:
        raise TableError(f"{path.name} is not a text file. Choose an .xlsx or .csv file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise TableError(f"{path.name} is not UTF-8 text; save it as CSV UTF-8.") from exc


def _delimiter(sample: str) -> str:
    # Cut at a line end so a half line does not mislead the sniffer.
    sample = sample[: sample.rfind("\n") + 1] or sample
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _text_rows(path: Path) -> Generator[list[str], None, None]:
    try:
        text = _decoded(path)
    except OSError as exc:
        raise TableError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:SAMPLE_CHARS]))
    try:
        for cells in reader:
            yield _trimmed(cells)
    except csv.Error as exc:
        raise TableError(f"{path.name}, line {reader.line_num}: {exc}. Open it in a "
                         "spreadsheet and save it as CSV UTF-8.") from exc
