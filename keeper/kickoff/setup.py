"""Finding the file's kickoffs and setting a fresh one up."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from keeper.kickoff.audit import default_competencies, load_competencies
from keeper.kickoff.recognition import default_tiers
from keeper.ops import Composite, Operation
from keeper.store.models import Offsite, OffsiteKind, RecognitionTier
from keeper.store.offsite_file import OffsiteStore


def kickoff_of(store: OffsiteStore, offsite_id: int | None) -> Offsite | None:
    if offsite_id is None:
        return None
    offsite = store.session.get(Offsite, offsite_id)
    if offsite is None or offsite.kind != OffsiteKind.KICKOFF:
        return None
    return offsite


def kickoffs(store: OffsiteStore) -> list[tuple[int, str, dt.date | None]]:
    """The file's kickoffs, newest first."""
    rows = store.session.execute(
        select(Offsite.id, Offsite.title, Offsite.date)
        .where(Offsite.kind == OffsiteKind.KICKOFF))
    return sorted(((r.id, r.title, r.date) for r in rows),
                  key=lambda r: (r[2] or dt.date.min, r[0]), reverse=True)


def setup_kickoff(store: OffsiteStore, offsite_id: int) -> Composite | None:
    """What a fresh kickoff needs: the default competencies and tiers, when it has none."""
    parts: list[Operation] = []
    if not load_competencies(store, offsite_id):
        parts.append(default_competencies(store, offsite_id))
    has_tiers = store.session.scalars(
        select(RecognitionTier.id).where(RecognitionTier.offsite_id == offsite_id)).first()
    if has_tiers is None:
        parts.append(default_tiers(store, offsite_id))
    return Composite(parts, "Set up the kickoff") if parts else None
