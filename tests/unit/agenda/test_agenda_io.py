from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from keeper.agenda.files import (
    HEADERS,
    AgendaFileError,
    export_agenda,
    import_agenda,
    parse_rows,
)
from keeper.agenda.ops import agenda_items, replace_agenda
from keeper.store.models import Person


def people(store) -> list[Person]:
    return list(store.session.query(Person))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_keeps_the_agenda(store, tmp_path: Path, suffix: str) -> None:
    offsite = store.current_offsite()
    items = agenda_items(store, offsite.id)
    out = export_agenda(tmp_path / f"agenda{suffix}", items, {}, dt.time(9, 0))
    result = import_agenda(out, people(store))
    assert result.skipped == 0 and result.warnings == 0
    assert [r["title"] for r in result.rows] == [i.title for i in items]
    assert [r["planned_minutes"] for r in result.rows] == [i.planned_minutes for i in items]
    assert [r["content_tag"] for r in result.rows] == [i.content_tag for i in items]
    assert [r["protected"] for r in result.rows] == [bool(i.protected) for i in items]


def test_xlsx_has_values_and_start_times_not_formulas(store, tmp_path: Path) -> None:
    offsite = store.current_offsite()
    items = agenda_items(store, offsite.id)
    items[0].title = "=SUM(A1:A9)"
    out = export_agenda(tmp_path / "a.xlsx", items, {}, dt.time(8, 30))
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert ws["B2"].value == "08:30"
    assert ws["B3"].value == "08:40"  # after the 10-minute welcome
    assert ws["C2"].data_type == "s"  # a formula-like title stays text
    store.session.rollback()


def test_csv_formula_text_is_neutralised_and_read_back(store, tmp_path: Path) -> None:
    offsite = store.current_offsite()
    items = agenda_items(store, offsite.id)[:1]
    items[0].title = "=cmd|' /C calc'!A0"
    out = export_agenda(tmp_path / "a.csv", items, {}, dt.time(9, 0))
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[1][2].startswith("'=")
    assert import_agenda(out, []).rows[0]["title"] == "=cmd|' /C calc'!A0"
    store.session.rollback()


def test_row_report_explains_each_problem() -> None:
    table = [
        ["Title", "Minutes", "Kind", "Presenter", "Content"],
        ["Kick-off", 15, "session", "Nobody Known", "Skills application"],
        ["", 10, "session", "", ""],
        ["Coffee", "ten", "break", "", ""],
        ["Party", 9999, "fiesta", "", "vibes"],
        [None, None, None, None, None],
        ["Wrap-up \x00\u202e 🎉", 20, "", "", "culture"],
    ]
    result = parse_rows(table, [])
    report = {r.row: r for r in result.report}
    assert report[2].status == "warning" and "not in People" in report[2].message
    assert report[3].status == "skipped" and "no title" in report[3].message
    assert report[4].status == "skipped" and "not a number" in report[4].message
    assert report[5].status == "warning"
    assert "unknown kind" in report[5].message and "600" in report[5].message
    assert 6 not in report  # a blank line is not reported
    assert [r["title"] for r in result.rows] == ["Kick-off", "Party", "Wrap-up \u202e 🎉"]
    assert result.rows[1]["planned_minutes"] == 600
    assert result.rows[2]["content_tag"] == "culture"
    assert result.summary() == "3 items read, 2 with warnings, 2 rows skipped"


def test_missing_title_column_is_refused() -> None:
    with pytest.raises(AgendaFileError, match="Title"):
        parse_rows([["Name", "Minutes"], ["x", 1]], [])


def test_not_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "agenda.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(AgendaFileError):
        import_agenda(bad, [])


def test_import_replaces_agenda_undoably(store, tmp_path: Path) -> None:
    offsite = store.current_offsite()
    before = [i.title for i in agenda_items(store, offsite.id)]
    wb = Workbook()
    ws = wb.active
    ws.append(["Title", "Minutes", "Presenter"])
    ws.append(["Only item", 45, "Dana Whitfield"])
    path = tmp_path / "one.xlsx"
    wb.save(path)
    result = import_agenda(path, people(store))
    op = replace_agenda(store, offsite.id, result.rows)
    op.apply(store)
    assert [i.title for i in agenda_items(store, offsite.id)] == ["Only item"]
    op.revert(store)
    assert [i.title for i in agenda_items(store, offsite.id)] == before
