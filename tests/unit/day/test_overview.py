"""The Offsite view's cards: counts and the planned day of the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from keeper.clock import FakeClock
from keeper.ops import SetFields
from keeper.overview import offsite_overview
from keeper.store.files import new_file
from keeper.store.models import Cluster
from keeper.store.offsite_file import OffsiteStore


def test_demo_overview(demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    view = offsite_overview(demo_store.session, offsite.id)
    assert (view.notes, view.clusters, view.big_bets) == (40, 7, 2)
    assert view.reps_placed == 28 and view.attending == 8 and view.initiatives == 4
    assert view.sessions == 15 and view.agenda_minutes == 625
    assert view.sessions_done == 7  # of the 15 sessions (a break and lunch ran too)
    assert view.running_item == "Opportunities brainstorm"
    assert view.planned_start is not None and view.planned_finish is not None
    assert (view.planned_finish - view.planned_start).total_seconds() == 625 * 60


def test_overview_follows_edits(demo_store: OffsiteStore) -> None:
    offsite = demo_store.current_offsite()
    assert offsite is not None
    cluster = demo_store.session.query(Cluster).filter_by(offsite_id=offsite.id,
                                                          big_bet=False).first()
    SetFields(Cluster, {"id": cluster.id}, {"big_bet": True}).apply(demo_store)
    assert offsite_overview(demo_store.session, offsite.id).big_bets == 3


def test_a_day_done_counts_its_sessions_not_its_breaks(tmp_path: Path) -> None:
    late_evening = dt.datetime(2026, 11, 23, 23, 0).astimezone(dt.UTC)
    store = new_file(tmp_path / "demo.keeper", demo=True, clock=FakeClock(late_evening))
    try:
        offsite = store.current_offsite()
        assert offsite is not None
        view = offsite_overview(store.session, offsite.id)
        assert (view.sessions, view.sessions_done, view.running_item) == (15, 15, None)
    finally:
        store.close()
