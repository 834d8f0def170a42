"""Creating offsite files: from a template, or with the demo offsite in them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from keeper.agenda.templates import AgendaTemplate, agenda_items, find_template, new_offsite
from keeper.clock import Clock, SystemClock
from keeper.store import backups, paths
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
        store.set_default_offsite(offsite.id)  # the Keeper works on what they just added
        session.add_all(agenda_items(template, offsite.id))
        leaders = session.query(Person).filter(
            Person.active.is_(True), Person.role != Role.REP
        )
        session.add_all(Attendance(offsite_id=offsite.id, person_id=p.id) for p in leaders)
        session.flush()
        return offsite.id


def new_file(
    path: Path,
    template_name: str = DEFAULT_TEMPLATE,
    demo: bool = False,
    clock: Clock | None = None,
    title: str | None = None,
    date: dt.date | None = None,
) -> OffsiteStore:
    clock = clock or SystemClock()
    template = find_template(template_name)  # fail before creating anything
    store = OffsiteStore.create(Path(path))
    try:
        if demo:
            with store.edit() as session:
                from keeper.demo import build_demo  # ~0.1 s of imports: only to build it

                build_demo(session, clock)
                # The template's kind picks the demo offsite the file opens on (the kickoff).
                mine = [o for o in store.offsites() if o.kind == template.kind]
                current = store.current_offsite()
                if mine and current is not None and current.kind != template.kind:
                    store.set_default_offsite(mine[-1].id)
        else:
            # A real date from the start (today unless given): monthly check-ins, the title
            # slide and the summary need one.
            add_offsite_from_template(store, template, title=title,
                                      date=date or clock.now().date(), clock=clock)
    except BaseException:
        store.close()
        raise
    return store


def fresh_demo_file(clock: Clock | None = None) -> OffsiteStore:
    """A new copy of the demo offsite each time (another Keeper may hold the old one).

    Edits in the old demo are never lost: a copy differing from its newest
    backup is backed up first ("before-fresh-demo"), and a demo that cannot be
    read or is held by another Keeper is kept, the fresh one taking a new name.
    """
    target = paths.demo_file()
    lock = WriterLock.acquire(target) if target.exists() else None
    keep_old = lock is not None and not isinstance(lock, WriterLock)
    if isinstance(lock, WriterLock):
        lock.release()
        try:
            backups.make_backup(target, reason="before-fresh-demo", only_if_changed=True)
        except sqlite3.DatabaseError:
            keep_old = True  # damaged: leave it for the Keeper to look at
        else:
            for suffix in ("", "-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
    if keep_old:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target.with_name(f"demo-{stamp}.keeper")
    from keeper.demo_file import copy_demo  # the prebuilt demo, moved to now: ~15 ms

    if copy_demo(target, clock or SystemClock()):  # a fresh copy: nothing to back up yet
        return OffsiteStore.open(target, backup=False)
    return new_file(target, demo=True, clock=clock)
