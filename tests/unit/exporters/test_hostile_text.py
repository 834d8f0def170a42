"""Formula-like text and control characters in every free-text column of both demos
(the offsite and the kickoff): both exports succeed, no workbook (the deck's embedded
chart workbooks included) holds a formula, and no slide shows an escaped ``_x000D_``."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import String, Text, select, update

from exporters.run import export_files
from keeper.clock import FakeClock
from keeper.store import models
from keeper.store.files import new_file
from keeper.store.models import Offsite
from keeper.store.offsite_file import OffsiteStore

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
# columns holding a fixed vocabulary (kinds, statuses, bands), not text a person typed
NOT_FREE_TEXT = {
    "tally_settings.mode", "quadrant_note.quadrant", "success_metric.horizon", "tactic.status",
    "agenda_item.kind", "agenda_item.content_tag", "agenda_item.session_format",
    "keeper_meta.key", "keeper_meta.value", "runner_state.state", "runner_state.message",
    "feedback.kind", "person.role", "person.colour", "goal.layer", "offsite.kind",
    "offsite.mix_rule", "okr.kind", "tactic_update.status",
}
HOSTILE = ('=HYPERLINK("http://evil.example","x")&', "+1+", "-2-", "@SUM(A1)")
CONTROL = "\x07\x1b\r\n"


def _free_text_columns() -> list[tuple[type, str]]:
    found = []
    for mapper in models.Base.registry.mappers:
        table = mapper.class_.__tablename__
        for column in mapper.columns:
            if (isinstance(column.type, String | Text)
                    and f"{table}.{column.name}" not in NOT_FREE_TEXT):
                found.append((mapper.class_, column.name))
    return found


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "demo.keeper"
    store = new_file(path, demo=True, clock=FakeClock(NOW))
    try:
        with store.edit() as s:
            for n, (model, name) in enumerate(_free_text_columns()):
                column = getattr(model, name)
                prefix = HOSTILE[n % len(HOSTILE)]
                s.execute(update(model).where(column.is_not(None))
                          .values({name: prefix + column + CONTROL + "end"}))
    finally:
        store.close()
    return path


def _formulas(blob: bytes) -> list[str]:
    """Every formula cell in an .xlsx, read from its sheets' XML."""
    found = []
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [f"{name}: {m}" for m in re.findall(r"<f[ >].*?</f>", z.read(name)
                                                              .decode("utf-8"))]
    return found


def _ids(path: Path) -> dict[str, int]:
    store = OffsiteStore.open(path, read_only=True)
    try:
        return {o.kind: o.id for o in store.session.scalars(select(Offsite))}
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["leadership", "kickoff"])
def test_hostile_text_never_becomes_a_formula_and_never_breaks_an_export(
        hostile_file: Path, tmp_path: Path, kind: str) -> None:
    xlsx, pptx = tmp_path / "out.xlsx", tmp_path / "out.pptx"
    export_files(hostile_file, xlsx=xlsx, pptx=pptx, names=True,
                 offsite_id=_ids(hostile_file)[kind], now=NOW)
    assert _formulas(xlsx.read_bytes()) == []
    with zipfile.ZipFile(pptx) as deck:
        embedded = [n for n in deck.namelist() if n.startswith("ppt/embeddings/")]
        assert embedded, "the deck has native charts"
        for name in embedded:
            assert _formulas(deck.read(name)) == [], name
        slides = [n for n in deck.namelist() if n.endswith(".xml") and "slide" in n]
        shown = "".join(deck.read(n).decode("utf-8") for n in slides)
    assert "HYPERLINK" in shown  # the text is there, as text
    assert "_x000D_" not in shown and "_x0007_" not in shown and "_x001B_" not in shown
