"""Creating offsite files: from a template, or with the demo offsite in them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from keeper.agenda.templates import AgendaTemplate, agenda_items, find_template, new_offsite
from keeper.clock import Clock, SystemClock
from keeper.demo import build_demo
from keeper.store import paths
from keeper.store.lock import WriterLock
from keeper.store.models import Attendance, Person, Role
from keeper.store.offsite_file import OffsiteStore

DEFAULT_TEMPLATE = "sales-leadership-offsite"


def add_offsite_from_template(
    store: OffsiteStore,
    template: AgendaTemplate,
    title: str | None = None,
    date: dt.date | None = None,
    clock: Clock | None = None,
) -> int:
    """Add a new offsite (agenda from ``template``, everyone active attending)."""
    clock = clock or SystemClock()
    with store.edit() as session:
        offsite = new_offsite(template, title or template.name, date, clock.now())
        session.add(offsite)
        session.flush()
        session.add_all(agenda_items(template, offsite.id))
        leaders = session.query(Person).filter(
            Person.active.is_(True), Person.role != Role.REP.value
        )
        session.add_all(Attendance(offsite_id=offsite.id, person_id=p.id) for p in leaders)
        session.flush()
        return offsite.id


def new_file(
    path: Path,
    template_name: str = DEFAULT_TEMPLATE,
    demo: bool = False,
    clock: Clock | None = None,
) -> OffsiteStore:
    clock = clock or SystemClock()
    template = find_template(template_name)  # fail before creating anything
    store = OffsiteStore.create(Path(path))
    try:
        if demo:
            with store.edit() as session:
                build_demo(session, clock)
        else:
            add_offsite_from_template(store, template, clock=clock)
    except BaseException:
        store.close()
        raise
    return store


def fresh_demo_file(clock: Clock | None = None) -> OffsiteStore:
    """A new copy of the demo offsite each time (another Keeper may hold the old one)."""
    target = paths.demo_file()
    lock = WriterLock.acquire(target) if target.exists() else None
    if isinstance(lock, WriterLock):
        lock.release()
        for suffix in ("", "-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
    elif lock is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target.with_name(f"demo-{stamp}.keeper")
    return new_file(target, demo=True, clock=clock)
