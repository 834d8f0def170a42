"""Private by default: no Start/Stop/Continue feedback in the default workbook or deck, and
without ``--names`` no rep's name anywhere in a deck (the recognition slides excepted: they
are there to be read out). Feedback goes out only by its own export, one file per person."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import select

from exporters.run import export_files
from keeper.clock import FakeClock
from keeper.store.files import new_file
from keeper.store.models import Feedback, Offsite, Person
from keeper.store.offsite_file import OffsiteStore
from tests.unit.exporters.deck_text import text_of

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
RECOGNITION = "of plan or more"  # in the title of every recognition slide


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("privacy") / "demo.keeper"
    new_file(path, demo=True, clock=FakeClock(NOW)).close()
    return path


def _read(path: Path) -> tuple[dict[str, int], list[str], list[tuple[str, str]]]:
    store = OffsiteStore.open(path, read_only=True)
    try:
        s = store.session
        ids = {o.kind: o.id for o in s.scalars(select(Offsite))}
        reps = list(s.scalars(select(Person.name).where(Person.role == "rep")))
        feedback = [(f.text, f.kind) for f in s.scalars(select(Feedback)) if f.text]
        return ids, reps, feedback
    finally:
        store.close()


def _workbook_text(blob: bytes) -> str:
    wb = load_workbook(io.BytesIO(blob))
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None) + "\n".join(wb.sheetnames)


@pytest.mark.parametrize("kind", ["leadership", "kickoff"])
def test_without_names_no_rep_is_named_in_the_deck(demo: Path, tmp_path: Path,
                                                   kind: str) -> None:
    ids, reps, _ = _read(demo)
    deck = tmp_path / "deck.pptx"
    export_files(demo, pptx=deck, offsite_id=ids[kind], now=NOW)
    prs = Presentation(str(deck))
    shown = [s for s in prs.slides
             if not (s.shapes.title is not None and RECOGNITION in s.shapes.title.text)]
    text = text_of(shown)
    with zipfile.ZipFile(deck) as z:
        text += "".join(_workbook_text(z.read(n)) for n in z.namelist()
                        if n.startswith("ppt/embeddings/"))
        text += "".join(z.read(n).decode("utf-8") for n in z.namelist()
                        if n.startswith("ppt/charts/") and n.endswith(".xml"))
    assert reps, "the demo has reps"
    named = sorted({r for r in reps if r in text})
    assert named == []
    if kind == "kickoff":
        recognised = text_of([s for s in prs.slides if s not in shown])
        assert any(r in recognised for r in reps), "recognition slides still name the reps"


@pytest.mark.parametrize("kind", ["leadership", "kickoff"])
def test_default_exports_carry_no_feedback(demo: Path, tmp_path: Path, kind: str) -> None:
    ids, _, feedback = _read(demo)
    xlsx, pptx = tmp_path / "tally.xlsx", tmp_path / "deck.pptx"
    export_files(demo, xlsx=xlsx, pptx=pptx, names=True, offsite_id=ids[kind], now=NOW)
    assert feedback, "the demo has feedback"
    workbook = _workbook_text(xlsx.read_bytes())
    deck = text_of(Presentation(str(pptx)).slides)
    assert "Feedback \u2013" not in workbook
    leaked = [text for text, _ in feedback if text in workbook or text in deck]
    assert leaked == []


def test_feedback_goes_out_only_by_its_own_export_one_file_per_person(
        demo: Path, tmp_path: Path) -> None:
    ids, _, _ = _read(demo)
    store = OffsiteStore.open(demo, read_only=True)
    try:
        s = store.session
        name = {p.id: p.name for p in s.scalars(select(Person))}
        given = [(name[f.receiver_id], f.text) for f in s.scalars(
            select(Feedback).where(Feedback.offsite_id == ids["leadership"])) if f.text]
    finally:
        store.close()
    folder = tmp_path / "feedback"  # created by the export
    export_files(demo, feedback=folder, offsite_id=ids["leadership"], now=NOW)
    files = {f.name.removeprefix("Feedback \u2013 ").removesuffix(".xlsx"): f
             for f in folder.iterdir()}
    assert {r for r, _ in given} <= set(files)  # every leader gets a file, even an empty one
    for receiver, path in files.items():
        text = _workbook_text(path.read_bytes())
        mine = [t for r, t in given if r == receiver]
        others = [t for r, t in given if r != receiver and t not in mine]
        assert all(t in text for t in mine) and (mine or "(no feedback yet)" in text)
        assert [t for t in others if t in text] == []
        assert oct(path.stat().st_mode & 0o077) == "0o0"  # private to the owner


def test_feedback_export_refuses_a_folder_it_cannot_make(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        export_files(demo, feedback=tmp_path / "missing" / "feedback", now=NOW)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValueError, match="is a file"):
        export_files(demo, feedback=tmp_path / "file", now=NOW)


def test_keeper_export_feedback_from_the_command_line(demo: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(root)}
    ids, _, _ = _read(demo)
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "export", str(demo), "--offsite",
         str(ids["leadership"]), "--feedback", str(tmp_path / "fb")],
        cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "private feedback files" in result.stdout
    assert len(list((tmp_path / "fb").glob("Feedback *.xlsx"))) >= 2
