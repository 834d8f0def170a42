"""The colours and names of the content buckets, shared by the table and the charts."""

from __future__ import annotations

from keeper.agenda import schedule
from keeper.agenda.files import TAG_LABELS
from keeper.store.models import ItemKind

BUCKET_COLOURS = {"skills": "#2563EB", "strategy": "#7C3AED", "culture": "#DB2777",
                  "business": "#4F46E5"}
BUCKET_NAMES = {**TAG_LABELS, "business": "Business & training"}
SHORT_NAMES = {"skills": "Skills", "strategy": "Strategy", "culture": "Culture",
               "business": "Business"}
KIND_COLOURS = {"break": "#9CA3AF", "lunch": "#6B7280"}


def tag_colour(entry: schedule.AgendaEntry) -> str:
    """An item's colour: its content bucket for a session, grey shades for breaks and lunch."""
    if entry.kind != ItemKind.SESSION.value:
        return KIND_COLOURS.get(entry.kind, "#9CA3AF")
    return BUCKET_COLOURS.get(entry.content_tag or "", "#D1D5DB")
