"""The tally workbook, read back with openpyxl: values, types, charts, safety."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exporters.data import ExportData, gather
from exporters.xlsx.workbook import write_xlsx
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.store.models import Note
from keeper.tables.atomic import ExportError

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def demo_data(tmp_path: Path) -> ExportData:
    store = new_file(tmp_path / "demo.keeper", demo=True, clock=FakeClock(NOW))
    try:
        return gather(store, now=NOW)
    finally:
        store.close()


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def test_sheets_headers_and_layout(tmp_path: Path, demo_data: ExportData) -> None:
    path = write_xlsx(demo_data, tmp_path / "tally.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[:6] == ["Summary", "Ideas", "Tally", "Agenda", "Quadrant", "People"]
    for name in ["Ideas", "Tally", "Agenda", "Quadrant", "People"]:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F3A5F"), name
        assert 8 <= ws.column_dimensions["A"].width <= 60, name
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {ws.title}!{cell.coordinate}"


def test_tally_values_are_numbers_and_match_the_ranking(tmp_path: Path,
                                                        demo_data: ExportData) -> None:
    wb = load_workbook(write_xlsx(demo_data, tmp_path / "t.xlsx"))
    ws = wb["Tally"]
    header, *rows = _rows(ws)
    assert header[:5] == ("Rank", "Cluster", "Supporters", "Big bet", "Initiative")
    assert rows[0][:5] == (1, "Renewals & expansion", 7, "Yes",
                           "Improve the revenue mix of renewals and new business")
    assert rows[1][:4] == (2, "Hiring & ramp", 6, "Yes")
    counts = [r[2] for r in rows]
    assert all(isinstance(c, int) for c in counts)
    assert counts == sorted(counts, reverse=True)
    assert len(rows) == len(demo_data.tally) == 10  # 7 clusters + 3 unclustered notes
    charts = ws._charts
    assert len(charts) == 1
    chart = charts[0]
    assert chart.type == "bar"
    ref = chart.series[0].val.numRef.f
    assert ref == "'Tally'!$C$2:$C$11"


def test_agenda_times_are_times_and_minutes_are_numbers(tmp_path: Path,
                                                        demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "a.xlsx"))["Agenda"]
    header, first, *rest = _rows(ws)
    assert header[5] == "Planned start" and header[8] == "Actual start"
    assert isinstance(first[5], dt.time) and isinstance(first[8], dt.time)
    assert ws["F2"].number_format == "hh:mm"
    assert first[7] == 10 and first[10] == 14  # numbers, not text (the welcome ran long)
    assert first[12] == "Done"
    statuses = [r[12] for r in [first, *rest]]
    assert statuses.count("In progress") == 1
    not_run = [r for r in rest if r[12] == "Not run"]
    assert not_run and all(r[8] is None and r[10] is None for r in not_run)
    assert len(rest) + 1 == 18


def test_quadrant_rows_and_shares(tmp_path: Path, demo_data: ExportData) -> None:
    ws = load_workbook(write_xlsx(demo_data, tmp_path / "q.xlsx"))["Quadrant"]
    header, *rows = _rows(ws)
    assert header[:7] == ("Rep", "Manager", "Skill", "Motivation", "Quadrant",
                          "Previous quadrant", "Moved")
    reps = [r for r in rows if r[0]]
    assert len(reps) == 28
    chloe = next(r for r in reps if r[0] == "Chloe Martin")
    assert chloe[4] == "Breathers" and chloe[5] == "Top of the pack" and chloe[6] == "Yes"
    assert isinstance(chloe[2], float) and 0 <= chloe[2] <= 1
    # the shares table sits to the right: label, axes, reps, share
    share_rows = [r[8:12] for r in rows[:5]]
    labels = [r[0] for r in share_rows[:4]]
    assert labels == ["Difficult conversation", "Coach and upskill", "Breathers",
                      "Top of the pack"]
    assert sum(r[2] for r in share_rows[:4]) == 28
    assert share_rows[4][0] == "Total" and share_rows[4][3] == 1.0
    assert abs(sum(r[3] for r in share_rows[:4]) - 1.0) < 1e-9


def test_ideas_and_people(tmp_path: Path, demo_data: ExportData) -> None:
    wb = load_workbook(write_xlsx(demo_data, tmp_path / "i.xlsx"))
    header, *ideas = _rows(wb["Ideas"])
    assert header[:3] == ("Note", "Author", "Cluster")
    assert len(ideas) == 40
    assert ideas[0][:3] == ("Build a renewals pipeline 120 days out", "Dana Whitfield",
            "Renewals & expansion")
    assert ideas[0][4] == 7  # the cluster's supporters
    people = _rows(wb["People"])[1:]
    tommy = next(p for p in people if p[0] == "Tommy Becker")
    assert tommy[5] == "Yes" and tommy[6].startswith("Thank you for coaching")
    summary = {r[0]: r[1] for r in _rows(wb["Summary"]) if r[0]}
    assert summary["Opportunity notes"] == 40
    assert summary["Big bets"] == "Renewals & expansion, Hiring & ramp"


def test_hostile_text_stays_text_and_does_not_crash(tmp_path: Path) -> None:
    store = new_file(tmp_path / "bad.keeper", demo=True, clock=FakeClock(NOW))
    texts = ["=cmd|' /C calc'!A0", "+SUM(1)", "-1", "@x", "\tTab", "ctrl\x01\x02chars",
             "🎉 مرحبا", "z" * 40_000]
    try:
        offsite = store.current_offsite()
        assert offsite is not None
        with store.edit() as s:
            for t in texts:
                s.add(Note(offsite_id=offsite.id, text=t, created_at=NOW.replace(tzinfo=None)))
        data = gather(store, now=NOW)
    finally:
        store.close()
    # a lone surrogate cannot be stored in SQLite; put one straight into the data
    idea = dataclasses.replace(data.ideas[0], text="lone \ud800 \ufffe \uffff")
    data = dataclasses.replace(data, ideas=(idea, *data.ideas[1:]))
    wb = load_workbook(write_xlsx(data, tmp_path / "bad.xlsx"))
    ws = wb["Ideas"]
    by_text = {c.value: c for c in ws["A"][1:]}
    for t in ["=cmd|' /C calc'!A0", "+SUM(1)", "-1", "@x", "\tTab"]:
        assert by_text[t].data_type == "s", t
    assert "ctrlchars" in by_text
    assert "🎉 مرحبا" in by_text
    assert "lone \ufffd  " in by_text
    assert any(isinstance(v, str) and len(v) == 32_767 for v in by_text)
    tally_titles = [c.value for c in wb["Tally"]["B"][1:]]
    assert "=cmd|' /C calc'!A0 (unclustered note)" in tally_titles


def test_missing_folder_is_a_clear_error(tmp_path: Path, demo_data: ExportData) -> None:
    target = tmp_path / "nowhere" / "t.xlsx"
    with pytest.raises(ExportError, match=str(target.parent)):
        write_xlsx(demo_data, target)


def test_read_only_folder_keeps_the_earlier_file(tmp_path: Path, demo_data: ExportData,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    earlier = folder / "t.xlsx"
    earlier.write_bytes(b"the earlier export")
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root ignores the mode: make the folder refuse as it would
        def refuse(*_a: object, **_k: object) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(ExportError, match="read-only") as info:
            write_xlsx(demo_data, earlier)
        assert str(folder) in str(info.value)
        assert earlier.read_bytes() == b"the earlier export"
    finally:
        folder.chmod(0o700)


def test_failure_while_writing_leaves_earlier_file_and_no_temp(
        tmp_path: Path, demo_data: ExportData, monkeypatch: pytest.MonkeyPatch) -> None:
    earlier = tmp_path / "t.xlsx"
    earlier.write_bytes(b"the earlier export")

    def boom(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half a file")
        raise RuntimeError("disk went away")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", boom)
    with pytest.raises(RuntimeError):
        write_xlsx(demo_data, earlier)
    assert earlier.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []


def test_destination_that_is_a_folder_is_refused(tmp_path: Path, demo_data: ExportData) -> None:
    (tmp_path / "t.xlsx").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_xlsx(demo_data, tmp_path / "t.xlsx")


def test_replacing_keeps_the_file_complete(tmp_path: Path, demo_data: ExportData) -> None:
    target = tmp_path / "t.xlsx"
    write_xlsx(demo_data, target)
    write_xlsx(demo_data, target)
    assert load_workbook(target).sheetnames[0] == "Summary"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
