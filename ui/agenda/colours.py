"""The colours and names of the content buckets, shared by the table and the charts."""

from __future__ import annotations

from keeper.agenda import schedule
from keeper.agenda.files import TAG_LABELS
from keeper.store.models import ItemKind
from ui import palette

BUCKET_COLOURS = {"skills": palette.BUCKET_SKILLS, "strategy": palette.BUCKET_STRATEGY,
                  "culture": palette.BUCKET_CULTURE, "business": palette.BUCKET_BUSINESS}
BUCKET_NAMES = {**TAG_LABELS, "business": "Business & training"}
SHORT_NAMES = {"skills": "Skills", "strategy": "Strategy", "culture": "Culture",
               "business": "Business"}
KIND_COLOURS = {"break": palette.BREAK, "lunch": palette.LUNCH}


def tag_colour(entry: schedule.AgendaEntry) -> str:
    """An item's colour: its content bucket for a session, grey shades for breaks and lunch."""
    if entry.kind != ItemKind.SESSION:
        return KIND_COLOURS.get(entry.kind, palette.BREAK)
    return BUCKET_COLOURS.get(entry.content_tag or "", palette.BUCKET_NONE)
