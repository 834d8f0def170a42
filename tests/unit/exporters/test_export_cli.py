"""``keeper export``: as a user runs it (a child process) and in-process for the failures."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from exporters.cli import cmd_export
from exporters.run import export_files
from keeper.clock import FakeClock
from keeper.store.files import new_file

ROOT = Path(__file__).resolve().parents[3]
NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)


def keeper(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp / "data"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=FakeClock(NOW)).close()
    return path


def _args(file: Path, **kw: object) -> argparse.Namespace:
    return argparse.Namespace(file=file, xlsx=kw.get("xlsx"), pptx=kw.get("pptx"),
                              template=kw.get("template"), names=kw.get("names", False))


def test_keeper_export_writes_both_files(tmp_path: Path, demo_file: Path) -> None:
    xlsx, pptx = tmp_path / "tally.xlsx", tmp_path / "deck.pptx"
    result = keeper("export", str(demo_file), "--xlsx", str(xlsx), "--pptx", str(pptx),
                    tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"wrote {xlsx}" in result.stdout and f"wrote {pptx}" in result.stdout
    assert load_workbook(xlsx).sheetnames[2] == "Tally"
    prs = Presentation(str(pptx))
    assert not any(s.shapes.title.text == "Reps by quadrant" for s in prs.slides)


def test_names_flag_and_template(tmp_path: Path, demo_file: Path) -> None:
    template = tmp_path / "company.pptx"
    Presentation().save(str(template))
    pptx = tmp_path / "deck.pptx"
    result = keeper("export", str(demo_file), "--pptx", str(pptx), "--template", str(template),
                    "--names", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(pptx))
    assert prs.slide_width == Presentation(str(template)).slide_width  # the company's size
    assert any(s.shapes.title.text == "Reps by quadrant" for s in prs.slides)


def test_missing_folder_exits_1_naming_it(tmp_path: Path, demo_file: Path) -> None:
    target = tmp_path / "no" / "such" / "tally.xlsx"
    result = keeper("export", str(demo_file), "--xlsx", str(target), tmp=tmp_path)
    assert result.returncode == 1
    assert str(target.parent) in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_a_keeper_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    assert cmd_export(_args(bogus, xlsx=tmp_path / "t.xlsx")) == 1
    err = capsys.readouterr().err
    assert "not a Keeper offsite file" in err
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize(("kw", "message"), [
    ({}, "Nothing to export"),
    ({"xlsx": "t.csv"}, "must end in .xlsx"),
    ({"pptx": "d.key"}, "must end in .pptx"),
    ({"pptx": "d.pptx", "template": "missing.pptx"}, "does not exist"),
])
def test_bad_arguments_are_explained(tmp_path: Path, demo_file: Path, kw: dict[str, str],
                                     message: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = _args(demo_file, **{k: tmp_path / v for k, v in kw.items()})
    assert cmd_export(args) == 1
    assert message in capsys.readouterr().err


def test_export_leaves_the_offsite_file_unchanged(tmp_path: Path, demo_file: Path) -> None:
    before = demo_file.read_bytes()
    export_files(demo_file, xlsx=tmp_path / "t.xlsx", pptx=tmp_path / "d.pptx")
    assert demo_file.read_bytes() == before


def test_export_works_while_the_app_holds_the_file(tmp_path: Path, demo_file: Path) -> None:
    from keeper.store.offsite_file import OffsiteStore

    store = OffsiteStore.open(demo_file)  # the app has it open for writing
    try:
        assert not store.read_only
        progress: list[int] = []
        lines = export_files(demo_file, xlsx=tmp_path / "t.xlsx",
                             progress=lambda pct, _text: progress.append(pct))
    finally:
        store.close()
    assert lines[0].startswith("wrote ")
    assert progress[0] < progress[-1] == 100


def test_file_from_an_older_keeper_exports_and_stays_untouched(tmp_path: Path) -> None:
    import sqlite3

    from keeper.store.migrations import LATEST_VERSION, apply_migrations
    from keeper.store.offsite_file import APPLICATION_ID

    old = tmp_path / "old.keeper"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    apply_migrations(conn, 0, target=LATEST_VERSION - 1)
    conn.execute("INSERT INTO offsite (title, kind, day_start, mix_rule, created_at) "
                 "VALUES ('Old offsite', 'leadership', '09:00:00.000000', '60/30/10', "
                 "'2025-01-01 00:00:00.000000')")
    conn.close()
    before = old.read_bytes()
    lines = export_files(old, xlsx=tmp_path / "t.xlsx")
    assert lines[0].startswith("wrote ")
    assert load_workbook(tmp_path / "t.xlsx")["Summary"]["A1"].value == "Old offsite"
    assert old.read_bytes() == before


@pytest.mark.parametrize(("flag", "needed", "not_loaded"), [
    ("--xlsx", "openpyxl", "pptx"),
    ("--pptx", "pptx", "openpyxl"),
])
def test_export_loads_no_qt_and_only_the_writer_it_needs(
        tmp_path: Path, demo_file: Path, flag: str, needed: str, not_loaded: str) -> None:
    out = tmp_path / f"out{flag.replace('--', '.')}"
    code = (
        "import sys; from ui.launcher import main; "
        f"rc = main(['export', r'{demo_file}', '{flag}', r'{out}']); "
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')));"
        f"assert not qt, qt; assert '{needed}' in sys.modules; "
        f"assert '{not_loaded}' not in sys.modules, '{not_loaded} was imported'; sys.exit(rc)"
    )
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.exists()


def test_unwritten_notes_of_gratitude_are_named_before_the_deck_is_written(
        tmp_path: Path, demo_file: Path) -> None:
    deck = keeper("export", str(demo_file), "--pptx", str(tmp_path / "d.pptx"), tmp=tmp_path)
    assert deck.returncode == 0, deck.stderr
    assert "5 of 7 notes of gratitude are not written (Elena Fischer, Marcus Obi" in deck.stderr
    workbook = keeper("export", str(demo_file), "--xlsx", str(tmp_path / "t.xlsx"), tmp=tmp_path)
    assert workbook.returncode == 0 and "gratitude" not in workbook.stderr
