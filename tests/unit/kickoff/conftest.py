"""What the kickoff tests share: the demo's kickoff, and a fresh one from the template."""

from __future__ import annotations

import datetime as dt

import pytest

from keeper.agenda.templates import find_template
from keeper.kickoff import setup as so
from keeper.store.files import add_offsite_from_template
from keeper.store.offsite_file import OffsiteStore


@pytest.fixture
def kickoff(demo_store: OffsiteStore) -> int:
    return so.kickoffs(demo_store)[0][0]


@pytest.fixture
def fresh(demo_store: OffsiteStore) -> int:
    """A new kickoff from the template, dated, with nothing filled in."""
    return add_offsite_from_template(demo_store, find_template("sales-kickoff-2-days"),
                                     "Sales kickoff 2027", dt.date(2027, 1, 26))
