"""A sales kickoff, read into frozen data for the exports: the look back, the reality audit,
goal architecture, agenda mix and compensation flag, recognition, and follow-through.
Every rule is ``keeper.kickoff.rules``'s (and ``keeper.agenda.schedule``'s for the content mix)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.agenda import schedule
from keeper.kickoff import rules as sko
from keeper.kickoff.follow_through import MetricRow, load_follow_through
from keeper.kickoff.look_back import LookBack, load_look_back
from keeper.store.models import (
    Attainment,
    Competency,
    CompetencyRating,
    Goal,
    GoalLink,
    Offsite,
    Person,
    RecognitionTier,
    RepMetric,
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
    metrics: tuple[float | None, ...]  # in the order of ``Audit.metric_names``
    cells: tuple[AuditCell, ...]  # in the order of ``Audit.competencies``
    manager_mean: float | None


@dataclass(frozen=True)
class Audit:
    competencies: tuple[str, ...]
    metric_names: tuple[str, ...]
    reps: tuple[AuditRep, ...]  # highest mean manager rating first
    team: tuple[AuditCell, ...]  # the team means per competency
    gaps: tuple[sko.TeamGap, ...]
    priorities: tuple[sko.TeamGap, ...]


@dataclass(frozen=True)
class GoalRow:
    layer: str
    text: str
    target: str | None
    carries: tuple[str, ...]  # the goals one layer up that this one carries
    carried_by: tuple[str, ...]  # the goals one layer down that carry it


@dataclass(frozen=True)
class Goals:
    rows: tuple[GoalRow, ...]  # outcome, then performance, then development
    tree: tuple[sko.GoalNode, ...]
    links: tuple[tuple[int, int], ...]  # (parent index, child index) into ``rows``
    unlinked: tuple[str, ...]


@dataclass(frozen=True)
class TierRow:
    name: str
    threshold: float
    reps: tuple[tuple[str, float], ...]  # (name, attainment), highest first


@dataclass(frozen=True)
class Recognition:
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
    audit: Audit
    goals: Goals
    recognition: Recognition
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
                   people: dict[int, Person]) -> KickoffData:
    s = store.session
    name = {pid: p.name for pid, p in people.items()}
    follow = load_follow_through(store, offsite.id)
    dates = tuple(sorted({x.measured_on for m in follow.metrics for x in m.measures}))
    first30 = tuple(sorted((
        First30Row(name[p.person_id], _manager(people, p.person_id), p.week1_focus, p.weeks2_3,
                   p.week4_review, p.daily_habits, name.get(p.partner_id or -1))
        for p in follow.plans.values() if p.person_id in people),
        key=lambda r: r.rep.casefold()))
    return KickoffData(load_look_back(store, offsite.id), _audit(s, offsite.id, people),
                       _goals(s, offsite.id), _recognition(s, offsite.id, name),
                       _mix(offsite), tuple(follow.metrics), dates, first30)


def _manager(people: dict[int, Person], pid: int) -> str | None:
    mid = people[pid].manager_id
    return people[mid].name if mid in people else None


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _audit(s: Session, oid: int, people: dict[int, Person]) -> Audit:
    comps = list(s.scalars(select(Competency).where(Competency.offsite_id == oid)
                           .order_by(Competency.position, Competency.id)))
    comp_ids = [c.id for c in comps]
    ratings = [r for r in s.scalars(select(CompetencyRating).where(
        CompetencyRating.competency_id.in_(comp_ids))) if r.person_id in people]
    metrics = [m for m in s.scalars(select(RepMetric).where(RepMetric.offsite_id == oid)
                                    .order_by(RepMetric.id)) if m.person_id in people]
    metric_names = tuple(dict.fromkeys(m.name for m in metrics))
    metric_of = {(m.person_id, m.name): m.value for m in metrics}
    rating_of = {(r.person_id, r.competency_id): r for r in ratings}
    rep_ids = sorted({r.person_id for r in ratings} | {m.person_id for m in metrics},
                     key=lambda pid: people[pid].name.casefold())
    reps = []
    for pid in rep_ids:
        cells = []
        for cid in comp_ids:
            r = rating_of.get((pid, cid))
            cells.append(_cell(r.self_rating if r else None, r.manager_rating if r else None))
        reps.append(AuditRep(
            people[pid].name, _manager(people, pid),
            tuple(metric_of.get((pid, n)) for n in metric_names), tuple(cells),
            _mean([c.manager_rating for c in cells if c.manager_rating is not None])))
    reps.sort(key=lambda r: -(r.manager_mean if r.manager_mean is not None else -1.0))
    gaps = sko.team_gaps(
        (sko.Rating(r.person_id, r.competency_id, r.self_rating, r.manager_rating)
         for r in ratings), {c.id: c.name for c in comps})
    team = tuple(_cell(g.self_mean, g.manager_mean) for g in gaps)
    return Audit(tuple(c.name for c in comps), metric_names, tuple(reps), team, tuple(gaps),
                 tuple(sko.training_priorities(gaps)))


def _goals(s: Session, oid: int) -> Goals:
    goals = list(s.scalars(select(Goal).where(Goal.offsite_id == oid)))
    goals.sort(key=lambda g: (sko.LAYER_ORDER.get(g.layer, 3), g.position, g.id))
    ids = [g.id for g in goals]
    links = [(link.parent_id, link.child_id) for link in s.scalars(
        select(GoalLink).where(GoalLink.parent_id.in_(ids)))] if ids else []
    index = {gid: n for n, gid in enumerate(ids)}
    text = {g.id: g.text for g in goals}
    triples = [(g.id, g.layer, g.text) for g in goals]
    rows = tuple(GoalRow(
        g.layer, g.text, g.target,
        tuple(text[p] for p, c in links if c == g.id and p in text),
        tuple(text[c] for p, c in sorted(links, key=lambda pc: index.get(pc[1], 0))
              if p == g.id and c in text)) for g in goals)
    return Goals(rows, tuple(sko.goal_tree(triples, links)),
                 tuple((index[p], index[c]) for p, c in links if p in index and c in index),
                 tuple(sko.unlinked_goals(triples, links)))


def _recognition(s: Session, oid: int, name: dict[int, str]) -> Recognition:
    tiers = [sko.Tier(t.id, t.name, t.threshold) for t in s.scalars(
        select(RecognitionTier).where(RecognitionTier.offsite_id == oid)
        .order_by(RecognitionTier.threshold, RecognitionTier.id))]
    attainments = {a.person_id: a.attainment for a in s.scalars(
        select(Attainment).where(Attainment.offsite_id == oid)) if a.person_id in name}
    placed = sko.recognition(attainments, tiers)
    rows = tuple(TierRow(t.name, t.threshold,
                         tuple((name[pid], attainments[pid]) for pid in placed[t.id]))
                 for t in tiers)
    everyone = sorted(attainments.items(), key=lambda kv: (-kv[1], name[kv[0]].casefold()))
    return Recognition(rows, tuple(
        (name[pid], value, (t.name if (t := sko.tier_for(value, tiers)) else None))
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
