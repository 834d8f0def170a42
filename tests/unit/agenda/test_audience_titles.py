"""An agenda item's title is what the room reads; backstage words live in its private notes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from keeper.agenda.templates import agenda_items, find_template, template_keys
from keeper.store.models import AgendaItem
from keeper.store.offsite_file import OffsiteStore

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
BACKSTAGE = ("keeper", "facilitat", "synthes", "backstage", "prep", "(")


def test_templates_keep_backstage_words_out_of_titles() -> None:
    for key in template_keys():
        for item in agenda_items(find_template(key), 1):
            lowered = item.title.lower()
            assert not any(word in lowered for word in BACKSTAGE), (key, item.title)
    lunch = next(i for i in agenda_items(find_template("sales-leadership-offsite"), 1)
                 if i.kind == "lunch")
    assert lunch.title == "Lunch" and "synthesises" in (lunch.notes or "")


def test_a_file_titled_by_the_old_template_is_upgraded_to_an_audience_title(
        tmp_path: Path) -> None:
    path = tmp_path / "v4.keeper"
    shutil.copyfile(FIXTURES / "v4.keeper", path)
    conn = sqlite3.connect(path)
    offsite, = conn.execute("SELECT id FROM offsite LIMIT 1").fetchone()
    conn.execute("INSERT INTO agenda_item (offsite_id, position, day, title, kind, "
                 "planned_minutes, protected, warn_amber_s, warn_red_s, notes) VALUES "
                 "(?, 5, 1, 'Lunch (the Keeper synthesises)', 'lunch', 60, 1, 120, 30, "
                 "'Order vegetarian.')", (offsite,))
    conn.execute("INSERT INTO agenda_item (offsite_id, position, day, title, kind, "
                 "planned_minutes, protected, warn_amber_s, warn_red_s) VALUES "
                 "(?, 6, 1, 'Lunch (with the CEO)', 'lunch', 60, 1, 120, 30)", (offsite,))
    conn.commit()
    conn.close()
    store = OffsiteStore.open(path)
    try:
        items = {i.position: i for i in store.session.query(AgendaItem)}
        assert items[5].title == "Lunch"
        assert items[5].notes == ("The Keeper synthesises the morning over lunch. "
                                  "Order vegetarian.")
        assert items[6].title == "Lunch (with the CEO)"  # the Keeper's own title stays
    finally:
        store.close()
