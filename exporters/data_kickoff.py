"""A sales kickoff, read into frozen data for the exports: the look back, the reality audit,
goal architecture, agenda mix and compensation flag, recognition, and follow-through.
Every rule is ``keeper.kickoff.rules``'s (and ``keeper.agenda.schedule``'s for the content mix)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from keeper.agenda import schedule
from keeper.kickoff import rules as sko
from keeper.kickoff.audit import load_audit
from keeper.kickoff.follow_through import MetricRow, load_follow_through
from keeper.kickoff.goals import load_goals
from keeper.kickoff.look_back import LookBack, load_look_back
from keeper.kickoff.recognition import load_recognition
from keeper.people.directory import PersonRow
from keeper.store.models import (
    Offsite,
)
from keeper.store.offsite_file import OffsiteStore


@dataclass(frozen=True)
class AuditCell:
    self_rating: float | None
    manager_rating: float | None
    gap: float | None
    self_level: str  # heat_level bands: "strong", "ok", "develop" or ""
    manager_level: str
    gap_level: str  # keeper.kickoff.rules.gap_level bands: "over", "near", "under" or ""


@dataclass(frozen=True)
class AuditRep:
    name: str
    manager: str | None
    metrics: tuple[float | None, ...]  # in the order of ``HeatMap.metric_names``
    cells: tuple[AuditCell, ...]  # in the order of ``HeatMap.competencies``
    manager_mean: float | None


@dataclass(frozen=True)
class HeatMap:
    """The reality audit as a heat map: keeper's ratings with their bands and means."""

    competencies: tuple[str, ...]
    metric_names: tuple[str, ...]
    reps: tuple[AuditRep, ...]  # highest mean manager rating first
    team: tuple[AuditCell, ...]  # the team means per competency
    gaps: tuple[sko.TeamGap, ...]
    priorities: tuple[sko.TeamGap, ...]


@dataclass(frozen=True)
class LinkedGoal:
    """A goal of keeper's with the texts of the goals it carries and that carry it."""

    layer: str
    text: str
    target: str | None
    carries: tuple[str, ...]  # the goals one layer up that this one carries
    carried_by: tuple[str, ...]  # the goals one layer down that carry it


@dataclass(frozen=True)
class GoalLinks:
    rows: tuple[LinkedGoal, ...]  # outcome, then performance, then development
    tree: tuple[sko.GoalNode, ...]
    links: tuple[tuple[int, int], ...]  # (parent index, child index) into ``rows``
    unlinked: tuple[str, ...]


@dataclass(frozen=True)
class TierRow:
    name: str
    threshold: float
    reps: tuple[tuple[str, float], ...]  # (name, attainment), highest first


@dataclass(frozen=True)
class RecognitionTiers:
    """keeper's tiers with the names of the reps in each, for reading out."""

    tiers: tuple[TierRow, ...]  # lowest threshold first
    attainment: tuple[tuple[str, float, str | None], ...]  # (rep, attainment, tier), highest first


@dataclass(frozen=True)
class MixRow:
    bucket: str
    minutes: int
    share: float
    target: float


@dataclass(frozen=True)
class AgendaMix:
    rule: str
    shares: tuple[MixRow, ...]
    untagged_minutes: int
    formats: tuple[tuple[str, int], ...]  # (session format, sessions), most first
    compensation: tuple[tuple[str, str], ...]  # (session title, advice)


@dataclass(frozen=True)
class First30Row:
    rep: str
    manager: str | None
    week1_focus: str | None
    weeks2_3: str | None
    week4_review: str | None
    daily_habits: str | None
    partner: str | None


@dataclass(frozen=True)
class KickoffData:
    look_back: LookBack  # keeper's
    audit: HeatMap
    goals: GoalLinks
    recognition: RecognitionTiers
    mix: AgendaMix
    grid: tuple[MetricRow, ...]  # keeper's success metrics, by horizon
    measure_dates: tuple[dt.date, ...]  # every date any metric was measured on
    first30: tuple[First30Row, ...]


def _cell(self_rating: float | None, manager_rating: float | None) -> AuditCell:
    gap = (None if self_rating is None or manager_rating is None
           else self_rating - manager_rating)
    return AuditCell(self_rating, manager_rating, gap, sko.heat_level(self_rating),
                     sko.heat_level(manager_rating), sko.gap_level(gap))


def gather_kickoff(store: OffsiteStore, offsite: Offsite,
                   people: dict[int, PersonRow]) -> KickoffData:
    name = {pid: p.name for pid, p in people.items()}
    follow = load_follow_through(store, offsite.id)
    dates = tuple(sorted({x.measured_on for m in follow.metrics for x in m.measures}))
    first30 = tuple(sorted((
        First30Row(name[p.person_id], _manager(people, p.person_id), p.week1_focus, p.weeks2_3,
                   p.week4_review, p.daily_habits, name.get(p.partner_id or -1))
        for p in follow.plans.values() if p.person_id in people),
        key=lambda r: r.rep.casefold()))
    return KickoffData(load_look_back(store, offsite.id), _heat_map(store, offsite.id, people),
                       _goal_links(store, offsite.id), _tiers(store, offsite.id, name),
                       _mix(offsite), tuple(follow.metrics), dates, first30)


def _manager(people: dict[int, PersonRow], pid: int) -> str | None:
    mid = people[pid].manager_id
    return people[mid].name if mid in people else None


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _heat_map(store: OffsiteStore, oid: int, people: dict[int, PersonRow]) -> HeatMap:
    audit = load_audit(store, oid)
    comp_ids = [c.id for c in audit.competencies]
    rated = {pid for pid, _ in audit.ratings} | {pid for pid, _ in audit.metrics}
    rep_ids = sorted((pid for pid in rated if pid in people),
                     key=lambda pid: people[pid].name.casefold())
    reps = []
    for pid in rep_ids:
        cells = []
        for cid in comp_ids:
            r = audit.rating(pid, cid)
            cells.append(_cell(r.self_rating if r else None, r.manager_rating if r else None))
        reps.append(AuditRep(
            people[pid].name, _manager(people, pid),
            tuple(audit.metrics.get((pid, n)) for n in audit.metric_names), tuple(cells),
            _mean([c.manager_rating for c in cells if c.manager_rating is not None])))
    reps.sort(key=lambda r: -(r.manager_mean if r.manager_mean is not None else -1.0))
    team = tuple(_cell(g.self_mean, g.manager_mean) for g in audit.gaps)
    return HeatMap(tuple(c.name for c in audit.competencies), tuple(audit.metric_names),
                   tuple(reps), team, tuple(audit.gaps), tuple(audit.priorities))


def _goal_links(store: OffsiteStore, oid: int) -> GoalLinks:
    goals = load_goals(store, oid)
    index = {g.id: n for n, g in enumerate(goals.goals)}
    text = {g.id: g.text for g in goals.goals}
    rows = tuple(LinkedGoal(
        g.layer, g.text, g.target,
        tuple(text[p] for p, c in goals.links if c == g.id),
        tuple(text[c] for p, c in sorted(goals.links, key=lambda pc: index[pc[1]])
              if p == g.id)) for g in goals.goals)
    return GoalLinks(rows, tuple(goals.tree),
                     tuple((index[p], index[c]) for p, c in goals.links),
                     tuple(goals.warnings))


def _tiers(store: OffsiteStore, oid: int, name: dict[int, str]) -> RecognitionTiers:
    rec = load_recognition(store, oid)
    attainments = {pid: v for pid, v in rec.attainment.items() if pid in name}
    rows = tuple(TierRow(t.name, t.threshold,
                         tuple((name[pid], attainments[pid]) for pid in rec.by_tier[t.id]
                               if pid in attainments))
                 for t in rec.tiers)
    everyone = sorted(attainments.items(), key=lambda kv: (-kv[1], name[kv[0]].casefold()))
    return RecognitionTiers(rows, tuple(
        (name[pid], value, (t.name if (t := sko.tier_for(value, rec.tiers)) else None))
        for pid, value in everyone))


def _mix(offsite: Offsite) -> AgendaMix:
    items = list(offsite.agenda)
    entries = [schedule.AgendaEntry(i.id, i.title, i.kind, i.planned_minutes, i.protected,
                                    i.content_tag) for i in items]
    rule = offsite.mix_rule if offsite.mix_rule in schedule.MIX_RULES else "60/30/10"
    report = schedule.content_mix(entries, rule)
    formats: dict[str, int] = defaultdict(int)
    for i in items:
        if i.kind == schedule.SESSION and i.session_format:
            formats[i.session_format] += 1
    title = {i.id: i.title for i in items}
    flags = sko.compensation_flags((i.id, i.title, i.notes) for i in items
                                   if i.kind == schedule.SESSION)
    return AgendaMix(
        rule, tuple(MixRow(x.bucket, x.minutes, x.share, x.target) for x in report.shares),
        report.untagged_minutes,
        tuple(sorted(formats.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple((title[item_id], advice) for item_id, advice in flags))
