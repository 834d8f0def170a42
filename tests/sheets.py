"""Spreadsheets for import tests: rows written as a .csv or an .xlsx file."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
