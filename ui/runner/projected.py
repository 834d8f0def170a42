"""What the runner puts on the projector: one ``AudienceState`` for the room's current view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from keeper.agenda import runner as runner_rules
from keeper.agenda import schedule
from keeper.agenda.schedule import clock_text
from keeper.agenda.timer import Runner, WarningLevel
from keeper.store.models import AgendaItem, ItemKind
from ui.audience.state import AudienceState


@dataclass(frozen=True)
class Room:
    """What the runner knows besides the timer: the day, the people, what the Keeper set."""

    entries: Sequence[schedule.AgendaEntry]
    items: Sequence[AgendaItem]
    people: dict[int, str]
    offsite_title: str | None
    message: str
    blackout: bool
    cue: bool = False  # the Keeper's wrap-up cue


def audience_state(runner: Runner, room: Room, now: dt.datetime,
                   level: WarningLevel) -> AudienceState:
    if room.blackout:
        return AudienceState(mode="blackout")
    item = runner.current
    if item is None:
        return AudienceState(mode="idle", title="Thank you" if room.entries else
                             (room.offsite_title if room.offsite_title is not None
                              else "Keeper"), message=room.message)
    index = runner.index
    nxt = room.entries[index + 1] if index + 1 < len(room.entries) else None
    start_next = runner_rules.next_start(runner, now)
    next_line = (f"Next · {clock_text(start_next)}  {nxt.title}" if nxt
                 else "Last session of the day")
    status = runner_rules.status_word(runner.state, level)
    clock = f"{now:%H:%M}"  # the time of day: the minute it is (times ahead round up)
    progress = round(runner.progress(), 3)
    if item.kind != ItemKind.SESSION:
        back = runner_rules.back_at(runner, now)
        return AudienceState(mode="break", title=item.title, digits=runner.display(),
                             level=level.value, status=status if status != "Over time" else "",
                             back_at=f"Back at {clock_text(back)}" if back else "Welcome back",
                             next_line=next_line, message=room.message, clock=clock,
                             progress=progress)
    source = room.items[index]
    subtitle = " · ".join(p for p in (
        (source.session_format or "").capitalize(),
        room.people.get(source.presenter_id or -1, ""),
    ) if p)
    return AudienceState(mode="timer", title=item.title, subtitle=subtitle,
                         digits=runner.display(), level=level.value, status=status,
                         next_line=next_line, message=room.message, clock=clock,
                         progress=progress, cue=room.cue)
