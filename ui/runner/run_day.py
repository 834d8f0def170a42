"""The day being run: items, timer, message and blackout, read from and saved to the file.

No widgets here; ``RunnerView`` shows what this holds and calls ``persist``
after every command, so a restart resumes a running timer.
"""

from __future__ import annotations

import datetime as dt
import logging

from keeper.agenda import runner as runner_rules
from keeper.agenda import schedule
from keeper.agenda.ops import (
    SavedRunner,
    agenda_items,
    apply_rebalance,
    days_of,
    entry_of,
    load_runner_state,
    read_target_end,
    record_actuals,
    runner_day,
    save_runner_state,
)
from keeper.agenda.timer import PersistedTimer, Runner, TimerState
from keeper.changes import Changes
from keeper.ops import Composite
from keeper.people import directory
from keeper.store.models import AgendaItem
from keeper.store.offsite_file import StoreError
from ui.context import AppContext

log = logging.getLogger(__name__)


class RunDay:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.clock = context.clock
        self.runner: Runner | None = None
        self.items: list[AgendaItem] = []
        self.entries: list[schedule.AgendaEntry] = []
        self.day = 1
        self.days: list[int] = [1]
        self.people: dict[int, str] = {}
        self.message = ""
        self.blackout = False
        self.cue = False  # the wrap-up cue on the projector (not saved: it is for the moment)
        self.target_end: dt.datetime | None = None  # see agenda_ops.anchored_drift
        # read once per load, not per tick: AppContext.offsite is a SELECT each time
        self.offsite_title: str | None = None
        self.day_start: dt.time | dt.datetime | None = None

    def read_offsite(self) -> None:
        """The offsite's title and day start, again (after an edit in the Offsite view)."""
        offsite = self.context.offsite
        self.offsite_title = offsite.title if offsite is not None else None
        self.day_start = offsite.day_start if offsite is not None else None

    def load(self) -> None:
        """Read the agenda and the saved runner state: a running timer goes on running."""
        store, offsite = self.context.store, self.context.offsite
        self.read_offsite()
        if store is None or offsite is None:
            self.runner, self.items, self.entries = None, [], []
            self.message, self.blackout = "", False
            return
        self.people = directory.names(store)
        saved = load_runner_state(store, offsite.id)
        self.message, self.blackout = saved.message or "", saved.blackout
        all_items = agenda_items(store, offsite.id)
        self.days = days_of(all_items)
        self.day = runner_day(all_items, saved.timer.item_id)
        self._build_runner(all_items, saved.timer)

    def _build_runner(self, all_items: list[AgendaItem], saved: PersistedTimer | None) -> None:
        store, offsite = self.context.store, self.context.offsite
        self.target_end = (read_target_end(store, offsite.id, self.day)
                           if store is not None and offsite is not None else None)
        self.items = [i for i in all_items if i.day == self.day]
        self.entries = [entry_of(i) for i in self.items]
        ids = [e.id for e in self.entries]
        if saved is not None and saved.item_id in ids:
            self.runner = Runner.restore(self.entries, self.clock, saved)
        else:
            index = next((n for n, e in enumerate(self.entries) if e.actual_end is None),
                         len(self.entries))
            self.runner = Runner(self.entries, self.clock, index)

    def reload_keeping_timer(self) -> bool:
        """The agenda or the people changed: read them again, the timer going on as it was."""
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            return False
        saved = self.runner.to_persisted() if self.runner else None
        self.people = directory.names(store)
        all_items = agenda_items(store, offsite.id)
        self.days = days_of(all_items)
        if self.day not in self.days:
            self.day = self.days[0]
        self._build_runner(all_items, saved)
        return True

    def set_day(self, day: int) -> bool:
        """Run another day of a multi-day offsite (this one's timer is paused and saved)."""
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None or day == self.day:
            return False
        if self.runner is not None and self.runner.state is TimerState.RUNNING:
            self.runner.pause()
        self.persist()
        self.day = day
        self._build_runner(agenda_items(store, offsite.id), None)
        self.persist()
        return True

    def persist(self) -> None:
        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None or self.runner is None or store.read_only:
            return
        try:
            save_runner_state(store, offsite.id,
                              SavedRunner(self.runner.to_persisted(), self.message, self.blackout))
            if record_actuals(store, self.runner.all_actuals()):
                self.context.tell(Changes(runner=True))
        except StoreError as exc:  # the day goes on even if the file cannot be written
            log.warning("runner state not saved: %s", exc)

    def drift(self) -> schedule.Drift | None:
        runner, day_start = self.runner, self.day_start
        if runner is None or day_start is None:
            return None
        return runner_rules.runner_drift(runner, self.entries, day_start,
                                         self.clock.now().astimezone(), self.target_end)

    def take_back(self, preview: schedule.RebalancePreview) -> Composite:
        """The undoable edit that applies a take-back; the day's end it was late against stays
        the end the drift reads against."""
        titles = {e.id: e.title for e in self.entries}
        offsite = self.context.offsite
        late = self.drift()
        anchor = (offsite.id, self.day, late.planned_end) if offsite and late else None
        return apply_rebalance(preview, titles, anchor)
