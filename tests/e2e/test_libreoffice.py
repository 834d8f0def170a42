"""Both exports open in a program that did not write them: LibreOffice converts them to PDF.

Needs ``soffice`` on PATH. CI installs LibreOffice and sets KEEPER_REQUIRE_LIBREOFFICE=1,
so there a missing LibreOffice fails the run; on a laptop without it the test is skipped
(the README's test command must work with nothing but Python).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exporters.run import export_files
from keeper.clock import FakeClock
from keeper.store.files import new_file

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
CALC_ONE_PAGE_PER_SHEET = (
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}')

pytestmark = pytest.mark.slow


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("KEEPER_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required here but not installed.")
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it and sets "
                    "KEEPER_REQUIRE_LIBREOFFICE=1, which makes this a failure")
    return found


def _to_pdf(soffice: str, source: Path, target: str, tmp: Path) -> Path:
    profile = tmp / f"lo-profile-{source.suffix[1:]}"
    out = tmp / "pdf"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = out / (source.stem + ".pdf")
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stdout + result.stderr.replace("javaldx", ""), result.stderr
    assert pdf.exists() and pdf.stat().st_size > 1000, result.stdout + result.stderr
    return pdf


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_workbook_and_deck_convert_with_the_expected_pages(tmp_path: Path) -> None:
    soffice = _soffice()
    assert soffice is not None
    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=FakeClock(NOW)).close()
    xlsx, pptx = tmp_path / "tally.xlsx", tmp_path / "deck.pptx"
    export_files(path, xlsx=xlsx, pptx=pptx, now=NOW)

    from openpyxl import load_workbook
    from pptx import Presentation

    sheets = len(load_workbook(xlsx).sheetnames)
    slides = len(Presentation(str(pptx)).slides)
    # 6 + OKR review, Questions, Charter, Operating plan (private feedback stays out)
    assert _pages(_to_pdf(soffice, xlsx, CALC_ONE_PAGE_PER_SHEET, tmp_path)) == sheets == 10
    # with the questions, best-practices and reflections slides
    assert _pages(_to_pdf(soffice, pptx, "pdf", tmp_path)) == slides == 28


def test_the_kickoff_converts_with_the_expected_pages(tmp_path: Path) -> None:
    soffice = _soffice()
    path = tmp_path / "demo.keeper"
    new_file(path, demo=True, clock=FakeClock(NOW)).close()
    xlsx, pptx = tmp_path / "kickoff.xlsx", tmp_path / "kickoff-deck.pptx"
    export_files(path, xlsx=xlsx, pptx=pptx, offsite_id=3, now=NOW)  # "Sales kickoff 2026"

    from openpyxl import load_workbook
    from pptx import Presentation

    sheets = len(load_workbook(xlsx).sheetnames)
    slides = len(Presentation(str(pptx)).slides)
    # Summary, Agenda, People, 6 kickoff sheets, one first-30-days sheet (a row per rep)
    assert _pages(_to_pdf(soffice, xlsx, CALC_ONE_PAGE_PER_SHEET, tmp_path)) == sheets == 10
    # title, 2 agenda, look back, survey, 2 heat map, priorities, goals, mix, 2 tiers, grid,
    # 7 thank-yous (the 8 leaders but the Keeper)
    assert _pages(_to_pdf(soffice, pptx, "pdf", tmp_path)) == slides == 20
