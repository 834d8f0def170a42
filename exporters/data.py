"""Everything the exports need, read once from an ``OffsiteStore`` into plain frozen data.

The writers (``xlsx.py``, ``pptx.py``) only format what is here; every rule
(tally and rank, big-bet checks, quadrants and shares, planned vs actual) is
the one in ``keeper/``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from exporters.data_day import DayExport, gather_day
from exporters.data_kickoff import KickoffData, gather_kickoff
from exporters.pause import collection_paused
from keeper.agenda import schedule
from keeper.board import tally as tl
from keeper.board.loading import load_board
from keeper.people import directory
from keeper.people.directory import PersonRow
from keeper.quadrant import rules as quad
from keeper.quadrant.ops import load_board as quadrant_board
from keeper.store.kinds import role_rank
from keeper.store.models import (
    AgendaItem,
    Offsite,
    OffsiteKind,
    Role,
)
from keeper.store.offsite_file import OffsiteStore


class NoOffsite(ValueError):
    """The file holds no offsite to export."""


@dataclass(frozen=True)
class OffsiteInfo:
    id: int
    title: str
    kind: str
    date: dt.date | None
    venue: str | None
    day_start: dt.time
    keeper: str | None
    previous_title: str | None


@dataclass(frozen=True)
class Attendee:
    person_id: int
    name: str
    role: str
    is_keeper: bool
    gratitude_note: str | None

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else self.name


@dataclass(frozen=True)
class AgendaRow:
    position: int
    title: str
    kind: str
    content_tag: str | None
    presenter: str | None
    planned_start: dt.datetime
    planned_end: dt.datetime
    planned_minutes: int
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    actual_minutes: float | None  # an item in progress counts to the export's "now"
    day: int = 1  # of a multi-day offsite (a two-day kickoff)

    @property
    def status(self) -> str:
        if self.actual_start is None:
            return "Not run"
        return "Done" if self.actual_end is not None else "In progress"

    @property
    def over_minutes(self) -> float | None:
        """Minutes over plan (negative: under) once the item is done; None before."""
        if self.actual_minutes is None or self.actual_end is None:
            return None
        return self.actual_minutes - self.planned_minutes


@dataclass(frozen=True)
class IdeaRow:
    note_id: int
    text: str
    author: str | None
    cluster: str | None
    supporters: int  # support on the note itself (counted as the tally counts)
    supporter_names: tuple[str, ...]
    cluster_supporters: int | None = None  # the tally of the note's cluster


@dataclass(frozen=True)
class ClusterNotes:
    """One line of the tally with its notes: a cluster, or an unclustered note alone."""

    rank: int
    tied: bool
    kind: str  # "cluster" or "note"
    title: str
    count: int
    supporter_names: tuple[str, ...]
    big_bet: bool
    initiative: str | None
    notes: tuple[IdeaRow, ...]


@dataclass(frozen=True)
class QuadrantRow:
    rep: str
    manager: str | None
    skill: float
    motivation: float
    quadrant: str  # label, e.g. "Coach and upskill"
    previous_quadrant: str | None
    moved: bool | None  # None: not on the previous board


@dataclass(frozen=True)
class ShareRow:
    quadrant: str  # label
    axes: str  # "High motivation, low skill"
    count: int
    share: float
    percent: int
    previous_count: int | None
    previous_share: float | None
    care_plan: str | None
    rep_names: tuple[str, ...]


@dataclass(frozen=True)
class ExportData:
    offsite: OffsiteInfo
    generated_at: dt.datetime  # naive local
    tally_mode: str  # "supporters" or "dots"
    attendees: tuple[Attendee, ...]
    agenda: tuple[AgendaRow, ...]
    ideas: tuple[IdeaRow, ...]
    tally: tuple[ClusterNotes, ...]  # in rank order
    big_bets: tuple[ClusterNotes, ...]  # the tally's lines chosen as big bets, by rank
    big_bet_issues: tuple[str, ...]
    initiatives: tuple[str, ...]
    quadrant: tuple[QuadrantRow, ...]
    shares: tuple[ShareRow, ...]  # in the guide's quadrant order
    reps_placed: int
    previous_reps_placed: int | None
    quadrant_flags: tuple[str, ...]
    people: tuple[PersonRow, ...]  # keeper's directory: leaders, managers, reps; by name
    names: Mapping[int, str]  # everyone in the file, by id
    day: DayExport | None = None  # OKR review, questions, feedback, charter, operating plan
    kickoff: KickoffData | None = None  # a sales kickoff's systems (kind "kickoff" only)

    @property
    def leaders_to_thank(self) -> tuple[Attendee, ...]:
        """Every leader who attended, except the Keeper who does the thanking."""
        return tuple(a for a in self.attendees if a.role != Role.REP and not a.is_keeper)

    @property
    def count_word(self) -> str:
        return "Dots" if self.tally_mode == tl.TallyMode.DOTS else "Supporters"

    def count_of(self, n: int) -> str:
        """``n`` with the tally's unit: "1 supporter", "3 supporters", "1 dot"."""
        return tl.support_count(n, self.tally_mode)


def _local_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


@collection_paused()
def gather(store: OffsiteStore, offsite_id: int | None = None,
           now: dt.datetime | None = None) -> ExportData:
    """Read one offsite (the current one by default). ``now`` (naive local or aware) times
    an item still in progress; it defaults to the moment of export."""
    s = store.session
    offsite = s.get(Offsite, offsite_id) if offsite_id is not None else store.current_offsite()
    if offsite is None:
        raise NoOffsite("This file holds no offsite to export." if offsite_id is None
                        else f"There is no offsite with the id {offsite_id}.")
    now_local = _local_naive(now) if now is not None else dt.datetime.now()

    people = sorted(directory.people(store), key=lambda p: (p.name, p.id))
    by_id = {p.id: p for p in people}
    name = {p.id: p.name for p in people}
    previous = store.previous_offsite(offsite)

    attendance = directory.attendance(store, offsite.id)
    attendees = tuple(sorted(
        (Attendee(person_id, name.get(person_id, "?"), by_id[person_id].role,
                  person_id == offsite.keeper_id, note)
         for person_id, note in attendance.items() if person_id in by_id),
        key=lambda a: (not a.is_keeper, role_rank(a.role), a.name.casefold()),
    ))

    info = OffsiteInfo(offsite.id, offsite.title, offsite.kind, offsite.date, offsite.venue,
                       offsite.day_start, name.get(offsite.keeper_id or -1),
                       previous.title if previous else None)

    agenda = _agenda(offsite, name, now_local)
    ideas, tally_rows, big_bets, issues, initiatives, mode = _board(s, offsite, name)
    quadrant_rows, share_rows, placed, prev_placed, flag_texts = _quadrant(
        store, offsite, previous, by_id, name)

    people_rows = tuple(sorted(people, key=lambda p: (role_rank(p.role),
                                                      p.name.casefold())))
    day = gather_day(store, offsite, name)
    kickoff = (gather_kickoff(store, offsite, by_id)
               if offsite.kind == OffsiteKind.KICKOFF else None)
    return ExportData(info, now_local, mode, attendees, agenda, ideas, tally_rows, big_bets,
                      issues, initiatives, quadrant_rows, share_rows, placed, prev_placed,
                      flag_texts, people_rows, name, day, kickoff)


def _agenda(offsite: Offsite, name: dict[int, str],
            now: dt.datetime) -> tuple[AgendaRow, ...]:
    items: list[AgendaItem] = list(offsite.agenda)
    day = offsite.date or now.date()
    rows: list[schedule.PlannedVsActual] = []
    day_of: dict[int, int] = {}
    for number in sorted({i.day or 1 for i in items}):  # each day starts at the day start
        todays = [i for i in items if (i.day or 1) == number]
        entries = [
            schedule.AgendaEntry(i.id, i.title, i.kind, i.planned_minutes, i.protected,
                                 i.content_tag, i.actual_start, i.actual_end)
            for i in todays
        ]
        start = dt.datetime.combine(day + dt.timedelta(days=number - 1),
                                    offsite.day_start or dt.time(9, 0))
        rows += schedule.planned_vs_actual(entries, start, now)
        day_of.update((i.id, number) for i in todays)
    by_id = {i.id: i for i in items}
    result = []
    for position, row in enumerate(rows, start=1):
        item = by_id[row.item_id]
        result.append(AgendaRow(
            position, row.title, row.kind, item.content_tag,
            name.get(item.presenter_id) if item.presenter_id else None,
            row.planned_start, row.planned_end, row.planned_minutes,
            row.actual_start, row.actual_end,
            None if row.actual_minutes is None else max(0.0, row.actual_minutes),
            day_of[row.item_id],
        ))
    return tuple(result)


def _board(s: Session, offsite: Offsite, name: dict[int, str]) -> tuple[
        tuple[IdeaRow, ...], tuple[ClusterNotes, ...], tuple[ClusterNotes, ...], tuple[str, ...],
        tuple[str, ...], str]:
    board = load_board(s, offsite.id)  # the board's own read model and tally settings
    clusters, notes = board.clusters, board.notes
    cluster_title = {c.id: c.title for c in clusters}
    initiative_title = {i.id: i.title for i in board.initiatives}

    def names(ids: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(sorted((name.get(i, "?") for i in ids), key=str.casefold))

    ranked = board.ranking()
    cluster_count = {r.id: r.count for r in ranked if r.kind is tl.IdeaKind.CLUSTER}
    per_note = {e.id: e for e in tl.note_counts(board.tally_notes, board.supports,
                                                  board.config)}
    ideas = tuple(
        IdeaRow(n.id, n.text, name.get(n.author_id) if n.author_id else None,
                cluster_title.get(n.cluster_id) if n.cluster_id else None,
                per_note[n.id].count, names(per_note[n.id].supporter_ids),
                cluster_count.get(n.cluster_id) if n.cluster_id else None)
        for n in notes
    )
    idea_by_id = {i.note_id: i for i in ideas}
    notes_in: defaultdict[int, list[IdeaRow]] = defaultdict(list)
    for n in notes:
        if n.cluster_id in cluster_title:
            notes_in[n.cluster_id].append(idea_by_id[n.id])
    cluster_by_id = {c.id: c for c in clusters}

    rows = []
    for r in ranked:
        if r.kind is tl.IdeaKind.CLUSTER:
            c = cluster_by_id[r.id]
            in_cluster = tuple(sorted(notes_in[c.id], key=lambda i: (-i.supporters, i.note_id)))
            rows.append(ClusterNotes(
                r.rank, r.tied, r.kind.value, r.title, r.count, names(r.supporter_ids),
                c.big_bet, initiative_title.get(c.initiative_id or -1), in_cluster))
        else:
            rows.append(ClusterNotes(r.rank, r.tied, r.kind.value, r.title, r.count,
                                     names(r.supporter_ids), False, None, (idea_by_id[r.id],)))
    bets = tuple(r for r in rows if r.big_bet)
    issues = tuple(i.message for i in board.big_bet_issues())
    return (ideas, tuple(rows), bets, issues, tuple(i.title for i in board.initiatives),
            board.config.mode.value)


def _quadrant(store: OffsiteStore, offsite: Offsite, previous: Offsite | None,
              by_id: dict[int, PersonRow], name: dict[int, str]) -> tuple[
        tuple[QuadrantRow, ...], tuple[ShareRow, ...], int, int | None, tuple[str, ...]]:
    board = quadrant_board(store, offsite.id)  # the quadrant's own read model
    current = [p for p in board.placements() if p.rep_id in by_id]
    before = [p for p in board.previous_placements() if p.rep_id in by_id]
    moves = {m.rep_id: m for m in quad.movements(before, current)}
    rows = []
    for p in current:
        move = moves[p.rep_id]
        rows.append(QuadrantRow(
            name[p.rep_id], name.get(p.manager_id) if p.manager_id else None,
            p.skill, p.motivation, p.quadrant.label,
            move.before.label if move.before else None,
            None if move.before is None else move.changed_quadrant,
        ))
    rows.sort(key=lambda r: ((r.manager or "\uffff").casefold(), r.rep.casefold()))
    now_shares = quad.shares(current)
    prev_shares = quad.shares(before) if previous and before else None
    pct = now_shares.percentages()
    care = board.quadrant_notes
    share_rows = tuple(
        ShareRow(q.label, q.axes, now_shares.counts[q], now_shares.shares[q], pct[q],
                 prev_shares.counts[q] if prev_shares else None,
                 prev_shares.shares[q] if prev_shares else None,
                 care.get(q) or None,
                 tuple(sorted((name[i] for i in now_shares.rep_ids[q]), key=str.casefold)))
        for q in quad.Quadrant
    )
    flag_texts = tuple(f.message for f in quad.flags(current, before))
    return (tuple(rows), share_rows, len(current),
            len(before) if previous and before else None, flag_texts)
