"""The deck (python-pptx): a company template (or Keeper's own) emptied of sample
slides, then the offsite's, the day's and the kickoff's slides in the order
the room saw them.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType

from exporters.data import ExportData
from exporters.pause import collection_paused
from exporters.pptx import day, kickoff, offsite
from exporters.pptx.kit import (
    Layouts,
)
from exporters.pptx.parts import fast_parts
from keeper.store.kinds import OffsiteKind
from keeper.tables.atomic import ExportError, write_atomically
from keeper.tables.cells import one_line

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "deck" / (
    "keeper-default.pptx")


def _clear_slides(prs: PresentationType) -> None:
    """A company template may carry sample slides: start from none."""
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.get(qn("r:id")))
        ids.remove(sld_id)


def open_template(template: Path | None) -> PresentationType:
    path = Path(template) if template else DEFAULT_TEMPLATE
    if not path.exists():
        raise ExportError(f"The template {path} does not exist.")
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises several kinds for a bad file
        raise ExportError(f"{path} is not a PowerPoint template Keeper can read ({exc}).") from exc
    _clear_slides(prs)
    fast_parts(prs)
    return prs


def build_deck(data: ExportData, template: Path | None = None, names: bool = False) -> (
        PresentationType):
    prs = open_template(template)
    lay = Layouts.pick(prs)
    offsite.title_slide(prs, lay, data, names)
    offsite.agenda_slides(prs, lay, data)
    day.okr_slides(prs, lay, data)
    day.question_slides(prs, lay, data)
    kickoff.kickoff_slides(prs, lay, data, names)
    if data.offsite.kind != OffsiteKind.KICKOFF or data.ideas:  # a kickoff may have no board
        offsite.opportunity_slides(prs, lay, data)
        offsite.tally_slide(prs, lay, data)
        offsite.big_bets_slide(prs, lay, data)
    day.plan_slides(prs, lay, data)
    offsite.quadrant_slides(prs, lay, data, names)
    day.reflection_slides(prs, lay, data)
    offsite.gratitude_slides(prs, lay, data)
    prs.core_properties.title = one_line(data.offsite.title, 200)
    prs.core_properties.author = one_line(data.offsite.keeper or "Keeper", 200)
    return prs


@collection_paused()
def write_pptx(data: ExportData, dest: Path, template: Path | None = None,
               names: bool = False) -> Path:
    """Write the deck to ``dest`` atomically; return the path written."""
    prs = build_deck(data, template, names)
    return write_atomically(Path(dest), lambda tmp: prs.save(str(tmp)))

