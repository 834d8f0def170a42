"""Tallying support for brainstormed opportunities, and the big-bet checks.

Pure rules, no Qt and no database: the store maps ``Note``, ``Cluster``,
``Support``, ``TallySettings`` and ``Initiative`` rows into the plain
dataclasses below.

Votes live on notes or on clusters, never on a grouping: moving a note keeps
its votes with it. Merging and dissolving clusters go through
:func:`merge_clusters` / :func:`dissolve_cluster`, which move the cluster-level
votes so that no vote is lost (see each function for the rule).

Modes:

- ``supporters`` (the guide's "tally up the number of people who support each
  idea"): the count is the number of distinct people;
- ``dots``: each person has ``dots_per_person`` dots and may put at most
  ``cap_per_idea`` of them on any single idea (note or cluster). The count is
  the sum of dots. Limit and cap are *voting* rules, reported by
  :func:`validate_dot_vote`; counts never drop dots, so regrouping never
  changes a total.

With ``keeper_counted`` off, the Keeper's support (``keeper_id``) is ignored
in both modes.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from keeper.store.kinds import TallyMode  # stored in tally_settings.mode

MIN_BIG_BETS, MAX_BIG_BETS = 2, 4
MIN_INITIATIVES, MAX_INITIATIVES = 3, 5
NOTES_PER_PERSON = 5


class IdeaKind(enum.StrEnum):
    NOTE = "note"
    CLUSTER = "cluster"


@dataclass(frozen=True)
class TallyNote:
    id: int
    cluster_id: int | None
    author_id: int | None
    text: str = ""


@dataclass(frozen=True)
class TallyCluster:
    id: int
    title: str
    big_bet: bool = False
    initiative_id: int | None = None


@dataclass(frozen=True)
class TallyInitiative:
    id: int
    title: str


def support_problem(note_id: int | None, cluster_id: int | None, dots: int) -> str | None:
    """Why a support is not valid, or None: it is on exactly one of a note or a cluster
    and has at least one dot."""
    if (note_id is None) == (cluster_id is None):
        return "a support is on exactly one of a note or a cluster"
    if dots < 1:
        return "a support has at least one dot"
    return None


@dataclass(frozen=True)
class TallySupport:
    """Support on exactly one of a note or a cluster; ``dots`` only matters in dots mode."""

    person_id: int
    note_id: int | None = None
    cluster_id: int | None = None
    dots: int = 1

    def __post_init__(self) -> None:
        problem = support_problem(self.note_id, self.cluster_id, self.dots)
        if problem is not None:
            raise ValueError(problem)

    @classmethod
    def stored(cls, person_id: int, note_id: int | None, cluster_id: int | None,
               dots: int) -> TallySupport | None:
        """A stored support row, or None for a malformed one (the board and the exports
        skip it rather than fail)."""
        if support_problem(note_id, cluster_id, dots) is not None:
            return None
        return cls(person_id, note_id, cluster_id, dots)

    @property
    def idea(self) -> tuple[IdeaKind, int]:
        if self.note_id is not None:
            return IdeaKind.NOTE, self.note_id
        assert self.cluster_id is not None
        return IdeaKind.CLUSTER, self.cluster_id


@dataclass(frozen=True)
class TallyConfig:
    mode: TallyMode = TallyMode.SUPPORTERS
    dots_per_person: int = 3
    cap_per_idea: int | None = None
    keeper_counted: bool = True
    keeper_id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", TallyMode(self.mode))  # accepts the stored string
        if self.dots_per_person < 0:
            raise ValueError("dots per person must not be negative")
        if self.cap_per_idea is not None and self.cap_per_idea < 1:
            raise ValueError("the cap per idea is at least 1 dot")


# --- counting -------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the tally: a cluster (with its notes) or an unclustered note."""

    kind: IdeaKind
    id: int
    title: str
    count: int
    supporter_ids: tuple[int, ...]


def _counted(supports: Iterable[TallySupport], config: TallyConfig) -> list[TallySupport]:
    if config.keeper_counted or config.keeper_id is None:
        return list(supports)
    return [s for s in supports if s.person_id != config.keeper_id]


def _entry(
    kind: IdeaKind, id_: int, title: str, supports: list[TallySupport], mode: TallyMode
) -> Entry:
    people = tuple(sorted({s.person_id for s in supports}))
    count = len(people) if mode is TallyMode.SUPPORTERS else sum(s.dots for s in supports)
    return Entry(kind, id_, title, count, people)


def tally(
    notes: Sequence[TallyNote],
    clusters: Sequence[TallyCluster],
    supports: Iterable[TallySupport],
    config: TallyConfig | None = None,
) -> list[Entry]:
    """One entry per cluster (support on it or any of its notes) and per unclustered note.

    Support on a note or cluster that is not in ``notes``/``clusters`` is ignored.
    """
    config = config or TallyConfig()
    cluster_of = {n.id: n.cluster_id for n in notes}
    known_clusters = {c.id for c in clusters}
    by_cluster: defaultdict[int, list[TallySupport]] = defaultdict(list)
    by_note: defaultdict[int, list[TallySupport]] = defaultdict(list)
    for s in _counted(supports, config):
        kind, idea_id = s.idea
        if kind is IdeaKind.CLUSTER:
            by_cluster[idea_id].append(s)
        elif idea_id in cluster_of:
            home = cluster_of[idea_id]
            if home in known_clusters:
                by_cluster[home].append(s)
            else:
                by_note[idea_id].append(s)
    entries = [
        _entry(IdeaKind.CLUSTER, c.id, c.title, by_cluster[c.id], config.mode) for c in clusters
    ]
    entries += [
        _entry(IdeaKind.NOTE, n.id, n.text, by_note[n.id], config.mode)
        for n in notes
        if n.cluster_id not in known_clusters
    ]
    return entries


def note_counts(
    notes: Sequence[TallyNote],
    supports: Iterable[TallySupport],
    config: TallyConfig | None = None,
) -> list[Entry]:
    """One entry per note, counting only support on the note itself."""
    config = config or TallyConfig()
    by_note: defaultdict[int, list[TallySupport]] = defaultdict(list)
    for s in _counted(supports, config):
        if s.note_id is not None:
            by_note[s.note_id].append(s)
    return [_entry(IdeaKind.NOTE, n.id, n.text, by_note[n.id], config.mode) for n in notes]


# --- ranking --------------------------------------------------------------


@dataclass(frozen=True)
class RankedEntry:
    rank: int
    tied: bool
    id: int
    title: str
    count: int
    supporter_ids: tuple[int, ...]
    kind: IdeaKind = IdeaKind.CLUSTER


def rank(entries: Iterable[Entry]) -> list[RankedEntry]:
    """Most support first; equal counts share a rank (1, 2, 2, 4) and are marked tied.

    Within a tie the order is by title (case-insensitive), then kind and id.
    """
    ordered = sorted(entries, key=lambda e: (-e.count, e.title.casefold(), e.kind, e.id))
    per_count: defaultdict[int, int] = defaultdict(int)
    for e in ordered:
        per_count[e.count] += 1
    result: list[RankedEntry] = []
    for position, e in enumerate(ordered, start=1):
        same = result[-1].rank if result and result[-1].count == e.count else position
        tied = per_count[e.count] > 1
        result.append(RankedEntry(same, tied, e.id, e.title, e.count, e.supporter_ids, e.kind))
    return result


# --- dot-vote validation --------------------------------------------------


class VoteIssueKind(enum.StrEnum):
    OVER_LIMIT = "over_limit"
    OVER_CAP = "over_cap"


@dataclass(frozen=True)
class VoteIssue:
    kind: VoteIssueKind
    person_id: int
    message: str
    idea: tuple[IdeaKind, int] | None = None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def support_count(n: int, mode: str) -> str:
    """How much support an idea has, in words: "1 supporter", "3 supporters", "1 dot"."""
    return _plural(n, "dot" if mode == TallyMode.DOTS else "supporter")


def validate_dot_vote(
    supports: Iterable[TallySupport],
    config: TallyConfig,
    *,
    person_names: Mapping[int, str] | None = None,
    idea_titles: Mapping[tuple[IdeaKind, int], str] | None = None,
) -> list[VoteIssue]:
    """Who is over their dot limit, and who put more than the cap on one idea.

    Pass the existing supports plus a proposed one to check a vote before saving
    it. Nothing is reported in supporters mode.
    """
    if config.mode is not TallyMode.DOTS:
        return []
    names, titles = person_names or {}, idea_titles or {}
    per_person: defaultdict[int, int] = defaultdict(int)
    per_idea: defaultdict[tuple[int, tuple[IdeaKind, int]], int] = defaultdict(int)
    for s in supports:
        per_person[s.person_id] += s.dots
        per_idea[(s.person_id, s.idea)] += s.dots
    issues = []
    for person, used in sorted(per_person.items()):
        if used > config.dots_per_person:
            who = names.get(person, f"Person {person}")
            message = (
                f"{who} has placed {_plural(used, 'dot')}; the limit is {config.dots_per_person}."
            )
            issues.append(VoteIssue(VoteIssueKind.OVER_LIMIT, person, message))
    cap = config.cap_per_idea
    for (person, idea), used in sorted(per_idea.items()):
        if cap is not None and used > cap:
            who = names.get(person, f"Person {person}")
            what = titles.get(idea, f"{idea[0].value} {idea[1]}")
            message = (
                f"{who} has put {_plural(used, 'dot')} on \u201c{what}\u201d; "
                f"at most {cap} per idea."
            )
            issues.append(VoteIssue(VoteIssueKind.OVER_CAP, person, message, idea))
    return issues


# --- regrouping keeps every vote -------------------------------------------


def _combine(supports: Iterable[TallySupport]) -> list[TallySupport]:
    """One support per (person, idea), dots added, first-seen order kept."""
    merged: dict[tuple[int, tuple[IdeaKind, int]], TallySupport] = {}
    for s in supports:
        key = (s.person_id, s.idea)
        prior = merged.get(key)
        merged[key] = s if prior is None else replace(prior, dots=prior.dots + s.dots)
    return list(merged.values())


def merge_supports(
    supports: Iterable[TallySupport], into_id: int, from_ids: Iterable[int]
) -> list[TallySupport]:
    """Move support on clusters ``from_ids`` onto cluster ``into_id``.

    A person who supported several of the merged clusters ends with one support
    on the merged cluster (no duplicate person) carrying all their dots.
    Support on notes is untouched.
    """
    sources = set(from_ids) - {into_id}
    moved = (replace(s, cluster_id=into_id) if s.cluster_id in sources else s for s in supports)
    return _combine(moved)


def merge_notes(
    notes: Iterable[TallyNote], into_id: int, from_ids: Iterable[int]
) -> list[TallyNote]:
    sources = set(from_ids)
    return [replace(n, cluster_id=into_id) if n.cluster_id in sources else n for n in notes]


def merge_clusters(
    notes: Iterable[TallyNote],
    supports: Iterable[TallySupport],
    into_id: int,
    from_ids: Iterable[int],
) -> tuple[list[TallyNote], list[TallySupport]]:
    """Notes and support after merging clusters ``from_ids`` into ``into_id``.

    The caller then deletes the ``from_ids`` clusters.
    """
    sources = list(from_ids)
    return merge_notes(notes, into_id, sources), merge_supports(supports, into_id, sources)


def dissolve_supports(
    supports: Iterable[TallySupport],
    cluster_id: int,
    note_ids: Sequence[int],
    mode: TallyMode,
) -> list[TallySupport]:
    """Move support on a dissolved cluster onto its former notes.

    - supporters mode: whoever supported the cluster now supports **each** former
      note (they backed the whole group); no duplicate if they already did;
    - dots mode: dots can't be copied, so a person's cluster dots go onto the
      **first** former note in ``note_ids`` order, added to any dots already there.

    Raises ``ValueError`` if the cluster has support but no notes to carry it:
    that support would be lost, so the caller must decide explicitly.
    """
    supports = list(supports)
    on_cluster = [s for s in supports if s.cluster_id == cluster_id]
    rest = [s for s in supports if s.cluster_id != cluster_id]
    if on_cluster and not note_ids:
        raise ValueError(
            f"cluster {cluster_id} has {_plural(len(on_cluster), 'support')} and no notes "
            "to carry them; dissolving it would lose votes"
        )
    targets = note_ids if mode is TallyMode.SUPPORTERS else note_ids[:1]
    moved = [replace(s, cluster_id=None, note_id=n) for s in on_cluster for n in targets]
    if mode is TallyMode.DOTS:
        return _combine(rest + moved)
    result, have = list(rest), {(s.person_id, s.idea) for s in rest}
    for s in moved:
        if (s.person_id, s.idea) not in have:
            have.add((s.person_id, s.idea))
            result.append(s)
    return result


def dissolve_cluster(
    notes: Iterable[TallyNote],
    supports: Iterable[TallySupport],
    cluster_id: int,
    mode: TallyMode,
) -> tuple[list[TallyNote], list[TallySupport]]:
    """Notes (now unclustered) and support after dissolving ``cluster_id``."""
    notes = list(notes)
    former = [n.id for n in notes if n.cluster_id == cluster_id]
    loose = [replace(n, cluster_id=None) if n.cluster_id == cluster_id else n for n in notes]
    return loose, dissolve_supports(supports, cluster_id, former, mode)


def move_note(notes: Iterable[TallyNote], note_id: int, cluster_id: int | None) -> list[TallyNote]:
    """Put one note in another cluster (or none); its support stays on the note."""
    return [replace(n, cluster_id=cluster_id) if n.id == note_id else n for n in notes]


# --- big bets -------------------------------------------------------------


class BigBetIssueKind(enum.StrEnum):
    TOO_FEW = "too_few"
    TOO_MANY = "too_many"
    NO_INITIATIVE = "no_initiative"
    INITIATIVE_COUNT = "initiative_count"


@dataclass(frozen=True)
class BigBetIssue:
    kind: BigBetIssueKind
    message: str
    cluster_ids: tuple[int, ...] = ()


def check_big_bets(
    clusters: Iterable[TallyCluster], initiatives: Iterable[TallyInitiative]
) -> list[BigBetIssue]:
    """The guide's shape: 2 to 4 big bets, each tied to one of 3 to 5 company initiatives.

    A big bet linked to an initiative id not in ``initiatives`` counts as unlinked.
    """
    bets = [c for c in clusters if c.big_bet]
    initiative_ids = {i.id for i in initiatives}
    issues = []
    if len(bets) < MIN_BIG_BETS:
        issues.append(
            BigBetIssue(
                BigBetIssueKind.TOO_FEW,
                f"{_plural(len(bets), 'big bet')} chosen; pick {MIN_BIG_BETS} to {MAX_BIG_BETS}.",
                tuple(c.id for c in bets),
            )
        )
    elif len(bets) > MAX_BIG_BETS:
        issues.append(
            BigBetIssue(
                BigBetIssueKind.TOO_MANY,
                f"{len(bets)} big bets chosen; focus on {MIN_BIG_BETS} to {MAX_BIG_BETS}.",
                tuple(c.id for c in bets),
            )
        )
    for c in bets:
        if c.initiative_id not in initiative_ids:
            issues.append(
                BigBetIssue(
                    BigBetIssueKind.NO_INITIATIVE,
                    f"Big bet \u201c{c.title}\u201d is not tied to a company initiative.",
                    (c.id,),
                )
            )
    if not MIN_INITIATIVES <= len(initiative_ids) <= MAX_INITIATIVES:
        issues.append(
            BigBetIssue(
                BigBetIssueKind.INITIATIVE_COUNT,
                f"{_plural(len(initiative_ids), 'company initiative')}; "
                f"expected {MIN_INITIATIVES} to {MAX_INITIATIVES}.",
            )
        )
    return issues


# --- capture progress -----------------------------------------------------


@dataclass(frozen=True)
class NoteProgress:
    by_person: Mapping[int, tuple[int, int]]
    not_started: tuple[int, ...]

    @property
    def done(self) -> tuple[int, ...]:
        return tuple(p for p, (count, target) in self.by_person.items() if count >= target)


def note_progress(
    notes: Iterable[TallyNote], people_ids: Iterable[int], target: int = NOTES_PER_PERSON
) -> NoteProgress:
    """``{person: (notes written, target)}`` for each person, and who has written none.

    Notes by people not listed (or without an author) are not counted.
    """
    if target < 0:
        raise ValueError("target must not be negative")
    people = list(dict.fromkeys(people_ids))
    written = dict.fromkeys(people, 0)
    for n in notes:
        if n.author_id in written:
            written[n.author_id] += 1
    return NoteProgress(
        by_person={p: (written[p], target) for p in people},
        not_started=tuple(p for p in people if written[p] == 0),
    )
