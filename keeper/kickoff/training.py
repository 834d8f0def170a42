"""Training priorities from the reality audit as skills-lab sessions in the agenda."""

from __future__ import annotations

from typing import Any

from keeper.agenda.ops import InsertItems, agenda_items
from keeper.kickoff.fields import SkoError
from keeper.kickoff.rules import TeamGap
from keeper.store.models import ContentTag, ItemKind
from keeper.store.offsite_file import OffsiteStore
from keeper.text import clean_line

TRAINING_MINUTES = 60


def training_session_rows(priority: TeamGap) -> list[dict[str, Any]]:
    self_mean = f"{priority.self_mean:.1f}" if priority.self_mean is not None else "–"
    manager_mean = f"{priority.manager_mean:.1f}" if priority.manager_mean is not None else "–"
    return [{
        "title": training_title(priority.name),
        "kind": ItemKind.SESSION,
        "planned_minutes": TRAINING_MINUTES,
        "content_tag": ContentTag.SKILLS,
        "session_format": "role-play",
        "notes": (f"Training priority from the reality audit: reps rate themselves {self_mean} "
                  f"on average, their managers {manager_mean} (gap +{priority.gap or 0:.1f}, "
                  f"{priority.rated} reps)."),
        "warn_amber_s": 120,
        "warn_red_s": 30,
    }]


def training_title(name: str) -> str:
    return clean_line(f"Skills lab: {name}", 200)


def training_in_agenda(store: OffsiteStore, offsite_id: int) -> set[str]:
    """Competency names that already have a skills-lab session in the agenda."""
    prefix = "skills lab: "
    return {i.title[len(prefix):].casefold() for i in agenda_items(store, offsite_id)
            if i.title.casefold().startswith(prefix)}


def add_training_session(store: OffsiteStore, offsite_id: int, priority: TeamGap) -> InsertItems:
    """A skills session for a training priority, after the agenda's last skills session
    of the first day (else at the end of day 1)."""
    if priority.name.casefold() in training_in_agenda(store, offsite_id):
        raise SkoError(f"The agenda already has a skills lab on {priority.name}.")
    items = agenda_items(store, offsite_id)
    first_day = min((i.day for i in items), default=1)
    day_items = [n for n, i in enumerate(items) if i.day == first_day]
    skills = [n for n in day_items if items[n].content_tag == ContentTag.SKILLS
              and items[n].kind == ItemKind.SESSION]
    if skills:
        at = skills[-1] + 1
    elif day_items:
        at = day_items[-1] + 1
    else:
        at = len(items)
    rows = training_session_rows(priority)
    rows[0]["day"] = first_day
    return InsertItems(offsite_id, at, rows, f"Add a skills lab on {priority.name[:40]}")
