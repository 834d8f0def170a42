"""The opportunities whiteboard as undoable operations, plus loading it for the tally rules.

Every operation follows the :class:`keeper.ops.Operation` protocol: ``apply``
runs its changes in **one** transaction and commits; ``revert`` undoes them in
one transaction. An operation works out its changes from the file the first
time it is applied and records them as small reversible steps; redo replays
the same steps (an inserted row gets its old id back, so later operations that
refer to it stay valid).

Vote-keeping rules (what happens to support when notes are regrouped) are not
here: they come from :mod:`keeper.tally` (``merge_clusters``,
``dissolve_cluster``, ``move_note``). This module only writes their result.

Geometry: notes are ``NOTE_W`` x ``NOTE_H`` scene units at absolute positions;
a cluster is a frame ``(x, y, width, height)`` with a title band of
``HEADER`` at the top. The frame shown is the stored one grown to hold its
notes (:func:`cluster_bounds`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from keeper import tally
from keeper.models import (
    Attendance,
    Base,
    Cluster,
    Initiative,
    Note,
    Offsite,
    Person,
    Role,
    Support,
    TallySettings,
)
from keeper.ops import _Snapshot, _snapshot
from keeper.store import OffsiteStore
from keeper.text import clean_block, clean_line

NOTE_W, NOTE_H = 180.0, 96.0
GAP_X, GAP_Y = 20.0, 14.0
PAD, HEADER = 20.0, 50.0
MARGIN = 60.0  # between frames placed automatically
INBOX_COLUMNS = 4
MAX_ROW_WIDTH = 4 * 480.0  # automatic placement fills rows about this wide (4 frames)
DEFAULT_CLUSTER_TITLE = "New group"


class BoardError(ValueError):
    """An edit that cannot be made, worded for the person using the app."""


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class BoardPerson:
    id: int
    name: str
    colour: str | None
    initials: str
    is_keeper: bool = False


@dataclass(frozen=True)
class BoardNote:
    id: int
    text: str
    author_id: int | None
    cluster_id: int | None
    x: float
    y: float


@dataclass(frozen=True)
class BoardCluster:
    id: int
    title: str
    x: float
    y: float
    width: float
    height: float
    big_bet: bool
    initiative_id: int | None


@dataclass(frozen=True)
class BoardData:
    """Everything the board shows for one offsite, as plain values."""

    offsite_id: int
    keeper_id: int | None
    notes: tuple[BoardNote, ...]
    clusters: tuple[BoardCluster, ...]
    people: tuple[BoardPerson, ...]
    supports: tuple[tally.TallySupport, ...]
    config: tally.TallyConfig
    initiatives: tuple[tally.TallyInitiative, ...]

    # ----- views for the tally rules -----
    @property
    def tally_notes(self) -> list[tally.TallyNote]:
        return [tally.TallyNote(n.id, n.cluster_id, n.author_id, n.text) for n in self.notes]

    @property
    def tally_clusters(self) -> list[tally.TallyCluster]:
        return [
            tally.TallyCluster(c.id, c.title, c.big_bet, c.initiative_id) for c in self.clusters
        ]

    def entries(self) -> list[tally.Entry]:
        return tally.tally(self.tally_notes, self.tally_clusters, self.supports, self.config)

    def ranking(self) -> list[tally.RankedEntry]:
        return tally.rank(self.entries())

    def big_bet_issues(self) -> list[tally.BigBetIssue]:
        return tally.check_big_bets(self.tally_clusters, self.initiatives)

    def progress(self, target: int = tally.NOTES_PER_PERSON) -> tally.NoteProgress:
        return tally.note_progress(self.tally_notes, [p.id for p in self.people], target)

    def person(self, person_id: int | None) -> BoardPerson | None:
        return next((p for p in self.people if p.id == person_id), None)

    def cluster(self, cluster_id: int | None) -> BoardCluster | None:
        return next((c for c in self.clusters if c.id == cluster_id), None)

    def note(self, note_id: int) -> BoardNote | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def notes_in(self, cluster_id: int) -> list[BoardNote]:
        return [n for n in self.notes if n.cluster_id == cluster_id]

    def supporters_of(self, kind: tally.IdeaKind, idea_id: int) -> dict[int, int]:
        """``{person: dots}`` placed directly on one note or cluster."""
        return {s.person_id: s.dots for s in self.supports if s.idea == (kind, idea_id)}


def initials(name: str) -> str:
    """Up to two letters: "Maya Johansson" -> "MJ", "Cher" -> "CH", "" -> "?"."""
    words = [w for w in clean_line(name).replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def tally_config(settings: TallySettings | None, keeper_id: int | None) -> tally.TallyConfig:
    if settings is None:
        return tally.TallyConfig(keeper_id=keeper_id)
    return tally.TallyConfig(
        mode=tally.TallyMode(settings.mode),
        dots_per_person=settings.dots_per_person,
        cap_per_idea=settings.cap_per_idea,
        keeper_counted=settings.keeper_counted,
        keeper_id=keeper_id,
    )


def board_people(session: Session, offsite_id: int) -> list[Person]:
    """Who writes notes and votes: the offsite's attendees (leaders first), plus any author."""
    offsite = session.get(Offsite, offsite_id)
    attending = set(
        session.scalars(select(Attendance.person_id).where(Attendance.offsite_id == offsite_id))
    )
    authors = set(
        session.scalars(
            select(Note.author_id).where(Note.offsite_id == offsite_id, Note.author_id.is_not(None))
        )
    )
    wanted = attending | authors
    if offsite is not None and offsite.keeper_id is not None:
        wanted.add(offsite.keeper_id)
    if not wanted:  # nobody marked as attending yet: the active leaders and managers
        wanted = set(
            session.scalars(
                select(Person.id).where(Person.active.is_(True), Person.role != Role.REP.value)
            )
        )
    people = session.scalars(select(Person).where(Person.id.in_(wanted))).all()
    order = {Role.LEADER.value: 0, Role.MANAGER.value: 1, Role.REP.value: 2}
    keeper_id = offsite.keeper_id if offsite else None
    return sorted(
        people, key=lambda p: (p.id != keeper_id, order.get(p.role, 3), p.name.casefold(), p.id)
    )


def load_board(session: Session, offsite_id: int) -> BoardData:
    """Read the board of one offsite into plain values (a few fast queries)."""
    offsite = session.get(Offsite, offsite_id)
    keeper_id = offsite.keeper_id if offsite else None
    notes = tuple(
        BoardNote(r.id, r.text, r.author_id, r.cluster_id, r.x, r.y)
        for r in session.execute(
            select(Note.id, Note.text, Note.author_id, Note.cluster_id, Note.x, Note.y)
            .where(Note.offsite_id == offsite_id)
            .order_by(Note.id)
        )
    )
    clusters = tuple(
        BoardCluster(r.id, r.title, r.x, r.y, r.width, r.height, r.big_bet, r.initiative_id)
        for r in session.execute(
            select(
                Cluster.id, Cluster.title, Cluster.x, Cluster.y, Cluster.width, Cluster.height,
                Cluster.big_bet, Cluster.initiative_id,
            )
            .where(Cluster.offsite_id == offsite_id)
            .order_by(Cluster.id)
        )
    )
    supports: list[tally.TallySupport] = []
    for r in session.execute(
        select(Support.person_id, Support.note_id, Support.cluster_id, Support.dots)
        .where(Support.offsite_id == offsite_id)
        .order_by(Support.id)
    ):
        if (r.note_id is None) == (r.cluster_id is None) or r.dots < 1:
            continue  # a malformed row never breaks the board
        supports.append(tally.TallySupport(r.person_id, r.note_id, r.cluster_id, r.dots))
    people = tuple(
        BoardPerson(p.id, p.name, p.colour, initials(p.name), p.id == keeper_id)
        for p in board_people(session, offsite_id)
    )
    initiatives = tuple(
        tally.TallyInitiative(r.id, r.title)
        for r in session.execute(
            select(Initiative.id, Initiative.title)
            .where(Initiative.offsite_id == offsite_id)
            .order_by(Initiative.position, Initiative.id)
        )
    )
    config = tally_config(session.get(TallySettings, offsite_id), keeper_id)
    return BoardData(
        offsite_id, keeper_id, notes, clusters, people, tuple(supports), config, initiatives
    )


# --------------------------------------------------------------------------- geometry

Rect = tuple[float, float, float, float]  # x, y, width, height


def grid_columns(count: int) -> int:
    """Columns for ``count`` notes in a frame: two for a handful, then roughly square."""
    if count <= 8:
        return 2
    return min(8, math.ceil(math.sqrt(count)))


def frame_size(count: int, columns: int | None = None) -> tuple[float, float]:
    columns = columns or grid_columns(count)
    rows = max(1, math.ceil(count / columns))
    width = 2 * PAD + columns * NOTE_W + (columns - 1) * GAP_X
    height = HEADER + rows * NOTE_H + (rows - 1) * GAP_Y + PAD
    return width, height


def grid_positions(
    x: float, y: float, count: int, columns: int | None = None
) -> list[tuple[float, float]]:
    """Note positions in a tidy grid inside a frame whose top-left is ``(x, y)``."""
    columns = columns or grid_columns(count)
    return [
        (x + PAD + (i % columns) * (NOTE_W + GAP_X), y + HEADER + (i // columns) * (NOTE_H + GAP_Y))
        for i in range(count)
    ]


def note_rect(x: float, y: float) -> Rect:
    return (x, y, NOTE_W, NOTE_H)


def union(rects: Iterable[Rect]) -> Rect | None:
    rects = list(rects)
    if not rects:
        return None
    left = min(r[0] for r in rects)
    top = min(r[1] for r in rects)
    right = max(r[0] + r[2] for r in rects)
    bottom = max(r[1] + r[3] for r in rects)
    return (left, top, right - left, bottom - top)


def cluster_bounds(frame: Rect, note_positions: Iterable[tuple[float, float]]) -> Rect:
    """The stored frame, grown so that every note of the cluster sits inside it."""
    inner = union(note_rect(x, y) for x, y in note_positions)
    if inner is None:
        return frame
    grown = (inner[0] - PAD, inner[1] - HEADER, inner[2] + 2 * PAD, inner[3] + HEADER + PAD)
    result = union([frame, grown])
    assert result is not None
    return result


def _overlaps(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return not (
        a[0] + a[2] + margin <= b[0]
        or b[0] + b[2] + margin <= a[0]
        or a[1] + a[3] + margin <= b[1]
        or b[1] + b[3] + margin <= a[1]
    )


def free_spot(obstacles: Sequence[Rect], width: float, height: float) -> tuple[float, float]:
    """Top-left for a ``width`` x ``height`` frame that overlaps none of ``obstacles``.

    Candidates are the board's origin and the right/bottom edges of what is
    there; rows are filled up to about ``MAX_ROW_WIDTH`` before starting a new one.
    """
    if not obstacles:
        return (0.0, 0.0)
    left = min(r[0] for r in obstacles)
    top = min(r[1] for r in obstacles)
    xs = sorted({left} | {r[0] + r[2] + MARGIN for r in obstacles})
    ys = sorted({top} | {r[1] + r[3] + MARGIN for r in obstacles})
    limit = left + max(MAX_ROW_WIDTH, width)
    for y in ys:
        for x in xs:
            if x + width > limit and x != left:
                break
            spot = (x, y, width, height)
            if not any(_overlaps(spot, r, MARGIN / 2) for r in obstacles):
                return (x, y)
    bottom = max(r[1] + r[3] for r in obstacles)
    return (left, bottom + MARGIN)


def _frames(data_clusters: Sequence[BoardCluster], notes: Sequence[BoardNote]) -> list[Rect]:
    by_cluster: dict[int, list[tuple[float, float]]] = {}
    for n in notes:
        if n.cluster_id is not None:
            by_cluster.setdefault(n.cluster_id, []).append((n.x, n.y))
    return [
        cluster_bounds((c.x, c.y, c.width, c.height), by_cluster.get(c.id, []))
        for c in data_clusters
    ]


def inbox_positions(
    clusters: Sequence[BoardCluster], notes: Sequence[BoardNote], count: int
) -> list[tuple[float, float]]:
    """Where new notes land: free slots of a grid right of the clusters (the inbox)."""
    frames = _frames(clusters, notes)
    known = {c.id for c in clusters}
    loose = [n for n in notes if n.cluster_id not in known]
    if frames:
        x0 = max(r[0] + r[2] for r in frames) + MARGIN
        y0 = min(r[1] for r in frames)
    elif loose:
        x0, y0 = min(n.x for n in loose), min(n.y for n in loose)
    else:
        x0, y0 = 0.0, 0.0
    step_x, step_y = NOTE_W + GAP_X, NOTE_H + GAP_Y
    taken: set[tuple[int, int]] = set()
    for n in loose:
        col, row = round((n.x - x0) / step_x), round((n.y - y0) / step_y)
        if abs(n.x - (x0 + col * step_x)) < step_x / 2 and abs(n.y - (y0 + row * step_y)) < step_y:
            taken.add((col, row))
    result: list[tuple[float, float]] = []
    slot = 0
    while len(result) < count:
        col, row = slot % INBOX_COLUMNS, slot // INBOX_COLUMNS
        if (col, row) not in taken:
            result.append((x0 + col * step_x, y0 + row * step_y))
        slot += 1
    return result


def cluster_at(data: BoardData, x: float, y: float, ignore: Iterable[int] = ()) -> int | None:
    """The cluster whose frame contains the point (the smallest, if frames overlap)."""
    skip = set(ignore)
    best: tuple[float, int] | None = None
    frames = _frames(data.clusters, [n for n in data.notes if n.id not in skip])
    for c, (fx, fy, fw, fh) in zip(data.clusters, frames, strict=True):
        if fx <= x <= fx + fw and fy <= y <= fy + fh and (best is None or fw * fh < best[0]):
            best = (fw * fh, c.id)
    return best[1] if best else None


# --------------------------------------------------------------------------- steps


def _table(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _where(table: Table, key: dict[str, Any]) -> list[Any]:
    return [table.c[name] == value for name, value in key.items()]


class _Step(Protocol):
    def do(self, s: Session) -> None: ...

    def undo(self, s: Session) -> None: ...


@dataclass
class _Update:
    table: Table
    key: dict[str, Any]
    values: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)

    def do(self, s: Session) -> None:
        cols = [self.table.c[k] for k in self.values]
        row = s.execute(select(*cols).where(*_where(self.table, self.key))).one_or_none()
        if row is None:
            raise BoardError("That item is no longer on the board.")
        self.old = dict(row._mapping)
        s.execute(update(self.table).where(*_where(self.table, self.key)).values(**self.values))

    def undo(self, s: Session) -> None:
        s.execute(update(self.table).where(*_where(self.table, self.key)).values(**self.old))


@dataclass
class _Insert:
    table: Table
    values: dict[str, Any]
    key: dict[str, Any] = field(default_factory=dict)

    def do(self, s: Session) -> None:
        values = {**self.values, **self.key}
        result = s.execute(insert(self.table).values(**values))
        if not self.key:
            pk = result.inserted_primary_key
            assert pk is not None
            self.key = {c.name: v for c, v in zip(self.table.primary_key.columns, pk, strict=True)}

    def undo(self, s: Session) -> None:
        s.execute(delete(self.table).where(*_where(self.table, self.key)))


@dataclass
class _Delete:
    """Delete one row; remembers it and whatever the database cascades, for undo."""

    table: Table
    key: dict[str, Any]
    snap: _Snapshot = field(default_factory=_Snapshot)

    def do(self, s: Session) -> None:
        self.snap = _Snapshot()
        _snapshot(s, self.table, _where(self.table, self.key), self.snap)
        s.execute(delete(self.table).where(*_where(self.table, self.key)))

    def undo(self, s: Session) -> None:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        for table, row in self.snap.inserts:
            ident = (table.name, tuple(row[c.name] for c in table.primary_key.columns))
            if ident not in seen:
                seen.add(ident)
                s.execute(insert(table).values(**row))
        for table, key, column, value in self.snap.nulled:
            s.execute(update(table).where(*_where(table, key)).values({column: value}))


class BoardOperation:
    """Base: subclasses implement ``_perform(session)`` by calling ``_do(session, step)``."""

    text = "Edit board"

    def __init__(self) -> None:
        self._steps: list[_Step] | None = None
        self._recording: list[_Step] = []

    def _perform(self, s: Session) -> None:
        raise NotImplementedError

    def _do(self, s: Session, step: _Step) -> None:
        step.do(s)
        self._recording.append(step)

    def _update(self, s: Session, model: type[Base], id_: int, **values: Any) -> None:
        self._do(s, _Update(_table(model), {"id": id_}, values))

    def _insert(self, s: Session, model: type[Base], **values: Any) -> int:
        step = _Insert(_table(model), values)
        self._do(s, step)
        return int(step.key["id"])

    def _delete(self, s: Session, model: type[Base], id_: int) -> None:
        self._do(s, _Delete(_table(model), {"id": id_}))

    def apply(self, store: OffsiteStore) -> None:
        try:
            with store.edit() as s:
                if self._steps is None:
                    self._recording = []
                    self._perform(s)
                    self._steps = self._recording
                else:
                    for step in self._steps:
                        step.do(s)
        except BaseException:
            if self._steps is None:
                self._recording = []
            raise
        finally:
            store.session.expire_all()

    def revert(self, store: OffsiteStore) -> None:
        if self._steps is None:
            return
        try:
            with store.edit() as s:
                for step in reversed(self._steps):
                    step.undo(s)
        finally:
            store.session.expire_all()


def _load(s: Session, offsite_id: int) -> BoardData:
    s.flush()
    return load_board(s, offsite_id)


def _offsite_of_note(s: Session, note_id: int) -> int:
    offsite_id = s.scalar(select(Note.offsite_id).where(Note.id == note_id))
    if offsite_id is None:
        raise BoardError("That note is no longer on the board.")
    return offsite_id


def _offsite_of_cluster(s: Session, cluster_id: int) -> int:
    offsite_id = s.scalar(select(Cluster.offsite_id).where(Cluster.id == cluster_id))
    if offsite_id is None:
        raise BoardError("That group is no longer on the board.")
    return offsite_id


def _fit_frame(op: BoardOperation, s: Session, data: BoardData, cluster_id: int) -> None:
    """Grow a cluster's stored frame to hold its notes (never shrinks it)."""
    c = data.cluster(cluster_id)
    if c is None:
        return
    x, y, w, h = cluster_bounds(
        (c.x, c.y, c.width, c.height), [(n.x, n.y) for n in data.notes_in(cluster_id)]
    )
    if (x, y, w, h) != (c.x, c.y, c.width, c.height):
        op._update(s, Cluster, cluster_id, x=x, y=y, width=w, height=h)


def _write_supports(
    op: BoardOperation,
    s: Session,
    offsite_id: int,
    before: Sequence[tally.TallySupport],
    after: Sequence[tally.TallySupport],
) -> None:
    """Replace the rows of ``before`` that differ from ``after`` (one row per person/idea)."""

    def keyed(items: Iterable[tally.TallySupport]) -> dict[tuple[int, int | None, int | None], int]:
        return {(x.person_id, x.note_id, x.cluster_id): x.dots for x in items}

    old, new = keyed(before), keyed(after)
    table = _table(Support)
    for key, dots in old.items():
        if new.get(key) == dots:
            continue
        ids = s.scalars(
            select(Support.id).where(
                Support.offsite_id == offsite_id,
                Support.person_id == key[0],
                Support.note_id.is_(None) if key[1] is None else Support.note_id == key[1],
                Support.cluster_id.is_(None) if key[2] is None else Support.cluster_id == key[2],
            )
        ).all()
        for support_id in ids:
            op._do(s, _Delete(table, {"id": support_id}))
    for key, dots in new.items():
        if old.get(key) == dots:
            continue
        op._insert(
            s, Support, offsite_id=offsite_id, person_id=key[0], note_id=key[1],
            cluster_id=key[2], dots=dots,
        )


# --------------------------------------------------------------------------- notes


def split_notes(text: str) -> list[str]:
    """One note per non-empty line, each cleaned (control characters out, length capped)."""
    raw = "" if text is None else str(text)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_block(line) for line in raw.split("\n")]
    return [line for line in lines if line]


class AddNotes(BoardOperation):
    """Add one note per non-empty line of ``text`` by ``author_id``, in the inbox."""

    def __init__(
        self,
        offsite_id: int,
        author_id: int | None,
        text: str,
        now: dt.datetime,
        position: tuple[float, float] | None = None,
    ) -> None:
        super().__init__()
        if author_id is None:
            raise BoardError("Pick who wrote the note first.")
        self.lines = split_notes(text)
        if not self.lines:
            raise BoardError("An empty note was not added: type the opportunity first.")
        self.offsite_id, self.author_id, self.now = offsite_id, author_id, now
        self.position = position
        self.note_ids: list[int] = []
        count = len(self.lines)
        self.text = "Add note" if count == 1 else f"Add {count} notes"

    def _perform(self, s: Session) -> None:
        if s.get(Person, self.author_id) is None:
            raise BoardError("That person is no longer in the file.")
        data = _load(s, self.offsite_id)
        if self.position is not None and len(self.lines) == 1:
            spots = [self.position]
        else:
            spots = inbox_positions(data.clusters, data.notes, len(self.lines))
        self.note_ids = [
            self._insert(
                s, Note, offsite_id=self.offsite_id, author_id=self.author_id, text=line,
                cluster_id=None, x=x, y=y, created_at=self.now.replace(tzinfo=None),
            )
            for line, (x, y) in zip(self.lines, spots, strict=True)
        ]


class EditNote(BoardOperation):
    text = "Edit note"

    def __init__(self, note_id: int, text: str, author_id: int | None = None) -> None:
        super().__init__()
        self.note_id = note_id
        self.new_text = clean_block(text)
        if not self.new_text:
            raise BoardError("A note cannot be empty; delete it instead.")
        self.author_id = author_id

    def _perform(self, s: Session) -> None:
        values: dict[str, Any] = {"text": self.new_text}
        if self.author_id is not None:
            values["author_id"] = self.author_id
        self._update(s, Note, self.note_id, **values)


class DeleteNotes(BoardOperation):
    """Delete notes (their support goes with them, and comes back on undo)."""

    def __init__(self, note_ids: Sequence[int]) -> None:
        super().__init__()
        self.note_ids = list(dict.fromkeys(note_ids))
        if not self.note_ids:
            raise BoardError("Select the notes to delete.")
        n = len(self.note_ids)
        self.text = "Delete note" if n == 1 else f"Delete {n} notes"

    def _perform(self, s: Session) -> None:
        for note_id in self.note_ids:
            self._delete(s, Note, note_id)


@dataclass(frozen=True)
class NoteMove:
    note_id: int
    x: float
    y: float
    cluster_id: int | None


class MoveNotes(BoardOperation):
    """Move notes on the board and into/out of clusters; their support stays on them."""

    def __init__(self, moves: Sequence[NoteMove]) -> None:
        super().__init__()
        self.moves = list(moves)
        if not self.moves:
            raise BoardError("Nothing to move.")
        n = len(self.moves)
        self.text = "Move note" if n == 1 else f"Move {n} notes"

    def _perform(self, s: Session) -> None:
        offsite_id = _offsite_of_note(s, self.moves[0].note_id)
        data = _load(s, offsite_id)
        known = {c.id for c in data.clusters}
        targets: set[int] = set()
        for move in self.moves:
            cluster_id = move.cluster_id if move.cluster_id in known else None
            self._update(s, Note, move.note_id, x=move.x, y=move.y, cluster_id=cluster_id)
            if cluster_id is not None:
                targets.add(cluster_id)
        if targets:
            data = _load(s, offsite_id)
            for cluster_id in sorted(targets):
                _fit_frame(self, s, data, cluster_id)


class MoveCluster(BoardOperation):
    """Move a cluster frame and every note in it by ``(dx, dy)``."""

    text = "Move group"

    def __init__(
        self, cluster_id: int, dx: float, dy: float, skip_notes: Iterable[int] = ()
    ) -> None:
        super().__init__()
        self.cluster_id, self.dx, self.dy = cluster_id, dx, dy
        self.skip = set(skip_notes)  # notes already placed by the same drag

    def _perform(self, s: Session) -> None:
        data = _load(s, _offsite_of_cluster(s, self.cluster_id))
        c = data.cluster(self.cluster_id)
        assert c is not None
        self._update(s, Cluster, c.id, x=c.x + self.dx, y=c.y + self.dy)
        for n in data.notes_in(c.id):
            if n.id not in self.skip:
                self._update(s, Note, n.id, x=n.x + self.dx, y=n.y + self.dy)


class CreateCluster(BoardOperation):
    """A new named frame holding ``note_ids``, laid out in a grid.

    With ``origin`` the frame's top-left is there; otherwise it is placed at the
    selection's top-left (``near_notes``) or in free space. Support stays on the notes.
    """

    def __init__(
        self,
        offsite_id: int,
        note_ids: Sequence[int],
        title: str = DEFAULT_CLUSTER_TITLE,
        *,
        near_notes: bool = True,
        text: str = "Group notes",
    ) -> None:
        super().__init__()
        self.offsite_id = offsite_id
        self.note_ids = list(dict.fromkeys(note_ids))
        if not self.note_ids:
            raise BoardError("Select at least one note to group.")
        self.title = clean_line(title) or DEFAULT_CLUSTER_TITLE
        self.near_notes = near_notes
        self.text = text
        self.cluster_id: int | None = None

    def _perform(self, s: Session) -> None:
        data = _load(s, self.offsite_id)
        notes = [n for n in data.notes if n.id in set(self.note_ids)]
        if not notes:
            raise BoardError("Those notes are no longer on the board.")
        notes.sort(key=lambda n: (round(n.y / (NOTE_H / 2)), n.x, n.id))  # reading order
        width, height = frame_size(len(notes))
        if self.near_notes:
            x = min(n.x for n in notes) - PAD
            y = min(n.y for n in notes) - HEADER
        else:
            moving = {n.id for n in notes}
            rest = [n for n in data.notes if n.id not in moving]
            known = {c.id for c in data.clusters}
            obstacles = _frames(data.clusters, rest)
            loose = union(note_rect(n.x, n.y) for n in rest if n.cluster_id not in known)
            if loose is not None:
                obstacles.append(loose)
            x, y = free_spot(obstacles, width, height)
        self.cluster_id = self._insert(
            s, Cluster, offsite_id=self.offsite_id, title=self.title, x=x, y=y,
            width=width, height=height, big_bet=False, initiative_id=None,
        )
        for n, (nx, ny) in zip(notes, grid_positions(x, y, len(notes)), strict=True):
            self._update(s, Note, n.id, cluster_id=self.cluster_id, x=nx, y=ny)


def accept_suggestion(offsite_id: int, title: str, note_ids: Sequence[int]) -> CreateCluster:
    """Accepting a grouping suggestion: a new cluster in free space with its notes."""
    name = clean_line(title) or DEFAULT_CLUSTER_TITLE
    return CreateCluster(
        offsite_id, note_ids, name, near_notes=False, text=f"Accept suggestion \u201c{name}\u201d"
    )


class RenameCluster(BoardOperation):
    text = "Rename group"

    def __init__(self, cluster_id: int, title: str) -> None:
        super().__init__()
        self.cluster_id = cluster_id
        self.title = clean_line(title)
        if not self.title:
            raise BoardError("A group needs a name.")

    def _perform(self, s: Session) -> None:
        self._update(s, Cluster, self.cluster_id, title=self.title)


class TidyCluster(BoardOperation):
    """Lay a cluster's notes out in a grid and fit the frame to them."""

    text = "Tidy group"

    def __init__(self, cluster_id: int) -> None:
        super().__init__()
        self.cluster_id = cluster_id

    def _perform(self, s: Session) -> None:
        data = _load(s, _offsite_of_cluster(s, self.cluster_id))
        c = data.cluster(self.cluster_id)
        assert c is not None
        notes = sorted(data.notes_in(c.id), key=lambda n: (round(n.y / (NOTE_H / 2)), n.x, n.id))
        width, height = frame_size(len(notes))
        self._update(s, Cluster, c.id, width=width, height=height)
        for n, (nx, ny) in zip(notes, grid_positions(c.x, c.y, len(notes)), strict=True):
            if (nx, ny) != (n.x, n.y):
                self._update(s, Note, n.id, x=nx, y=ny)


class ArrangeBoard(BoardOperation):
    """Tidy every cluster and lay the frames out in rows without overlaps, biggest
    first; loose notes go in a grid to the right. Nothing changes group or votes."""

    text = "Arrange the board"

    def __init__(self, offsite_id: int) -> None:
        super().__init__()
        self.offsite_id = offsite_id

    def _perform(self, s: Session) -> None:
        data = _load(s, self.offsite_id)
        known = {c.id for c in data.clusters}
        groups = []
        for c in data.clusters:
            notes = sorted(data.notes_in(c.id),
                           key=lambda n: (round(n.y / (NOTE_H / 2)), n.x, n.id))
            groups.append((c, notes, frame_size(len(notes))))
        total = sum(w * h for _c, _n, (w, h) in groups)
        row_width = max(MAX_ROW_WIDTH, math.sqrt(total) * 1.6)
        x = y = row_h = 0.0
        right = 0.0
        for c, notes, (w, h) in groups:
            if x > 0 and x + w > row_width:
                x, y, row_h = 0.0, y + row_h + MARGIN, 0.0
            if (c.x, c.y, c.width, c.height) != (x, y, w, h):
                self._update(s, Cluster, c.id, x=x, y=y, width=w, height=h)
            for n, (nx, ny) in zip(notes, grid_positions(x, y, len(notes)), strict=True):
                if (n.x, n.y) != (nx, ny):
                    self._update(s, Note, n.id, x=nx, y=ny)
            right = max(right, x + w)
            x += w + MARGIN
            row_h = max(row_h, h)
        loose = [n for n in data.notes if n.cluster_id not in known]
        x0 = right + MARGIN if groups else 0.0
        for i, n in enumerate(loose):
            col, row = i % INBOX_COLUMNS, i // INBOX_COLUMNS
            nx, ny = x0 + col * (NOTE_W + GAP_X), row * (NOTE_H + GAP_Y)
            if (n.x, n.y) != (nx, ny):
                self._update(s, Note, n.id, x=nx, y=ny)


class MergeClusters(BoardOperation):
    """Merge ``from_ids`` into ``into_id``: notes move into its frame, every vote is kept
    (``tally.merge_clusters``: one support per person on the merged cluster)."""

    def __init__(self, into_id: int, from_ids: Sequence[int]) -> None:
        super().__init__()
        self.into_id = into_id
        self.from_ids = [c for c in dict.fromkeys(from_ids) if c != into_id]
        if not self.from_ids:
            raise BoardError("Select two or more groups to merge.")
        self.text = f"Merge {len(self.from_ids) + 1} groups"

    def _perform(self, s: Session) -> None:
        offsite_id = _offsite_of_cluster(s, self.into_id)
        data = _load(s, offsite_id)
        target = data.cluster(self.into_id)
        assert target is not None
        sources = [c for c in self.from_ids if data.cluster(c) is not None]
        new_notes, new_supports = tally.merge_clusters(
            data.tally_notes, data.supports, self.into_id, sources
        )
        _write_supports(self, s, offsite_id, data.supports, new_supports)
        moved = {n.id for n in new_notes if n.cluster_id == self.into_id}
        members = [n for n in data.notes if n.id in moved]
        # the target's own notes first, in reading order, then the incoming ones
        rank_of = {c: i for i, c in enumerate([self.into_id, *sources])}
        members.sort(
            key=lambda n: (rank_of.get(n.cluster_id or -1, 0), round(n.y / (NOTE_H / 2)), n.x, n.id)
        )
        width, height = frame_size(len(members))
        for n, (nx, ny) in zip(members, grid_positions(target.x, target.y, len(members)),
                               strict=True):
            self._update(s, Note, n.id, cluster_id=self.into_id, x=nx, y=ny)
        bet = target.big_bet or any(
            c.big_bet for c in data.clusters if c.id in sources
        )
        initiative = target.initiative_id or next(
            (c.initiative_id for c in data.clusters if c.id in sources and c.initiative_id), None
        )
        self._update(
            s, Cluster, self.into_id, width=width, height=height, big_bet=bet,
            initiative_id=initiative,
        )
        for cluster_id in sources:
            self._delete(s, Cluster, cluster_id)


class DissolveCluster(BoardOperation):
    """Remove a cluster's frame; its notes stay where they are, ungrouped.

    Votes on the cluster move to its notes by ``tally.dissolve_cluster`` (in
    supporters mode each former note gets the supporter; in dots mode the dots go
    to the first note). A cluster with votes and no notes is refused: its votes
    would be lost.
    """

    text = "Dissolve group"

    def __init__(self, cluster_id: int) -> None:
        super().__init__()
        self.cluster_id = cluster_id

    def _perform(self, s: Session) -> None:
        offsite_id = _offsite_of_cluster(s, self.cluster_id)
        data = _load(s, offsite_id)
        # the first former note in reading order gets a dissolved cluster's dots
        position = {n.id: (round(n.y / (NOTE_H / 2)), n.x) for n in data.notes}
        ordered = sorted(
            data.tally_notes,
            key=lambda n: (n.cluster_id != self.cluster_id, position[n.id], n.id),
        )
        try:
            _notes, new_supports = tally.dissolve_cluster(
                ordered, data.supports, self.cluster_id, data.config.mode
            )
        except ValueError as exc:
            raise BoardError(
                "This group has votes and no notes, so dissolving it would lose them. "
                "Move a note into it first, or remove its votes."
            ) from exc
        _write_supports(self, s, offsite_id, data.supports, new_supports)
        for n in data.notes_in(self.cluster_id):
            self._update(s, Note, n.id, cluster_id=None)
        self._delete(s, Cluster, self.cluster_id)


# --------------------------------------------------------------------------- tally


class ToggleSupport(BoardOperation):
    """A person supports an idea (note or cluster), or stops supporting it."""

    def __init__(
        self,
        offsite_id: int,
        person_id: int,
        *,
        note_id: int | None = None,
        cluster_id: int | None = None,
    ) -> None:
        super().__init__()
        if (note_id is None) == (cluster_id is None):
            raise BoardError("Choose one note or one group.")
        self.offsite_id, self.person_id = offsite_id, person_id
        self.note_id, self.cluster_id = note_id, cluster_id
        self.added: bool | None = None
        self.text = "Change support"

    def _perform(self, s: Session) -> None:
        data = _load(s, self.offsite_id)
        idea = tally.TallySupport(self.person_id, self.note_id, self.cluster_id)
        has = any(x.person_id == self.person_id and x.idea == idea.idea for x in data.supports)
        after = [
            x for x in data.supports if not (x.person_id == self.person_id and x.idea == idea.idea)
        ]
        if not has:
            after.append(idea)
        self.added = not has
        self.text = "Add support" if self.added else "Remove support"
        _write_supports(self, s, self.offsite_id, data.supports, after)


class SetDots(BoardOperation):
    """Set how many dots a person puts on one idea (0 removes them).

    The dot limit and cap are voting rules reported by ``tally.validate_dot_vote``;
    the Keeper may record over them, and the panel shows the warning.
    """

    text = "Set dots"

    def __init__(
        self,
        offsite_id: int,
        person_id: int,
        dots: int,
        *,
        note_id: int | None = None,
        cluster_id: int | None = None,
    ) -> None:
        super().__init__()
        if (note_id is None) == (cluster_id is None):
            raise BoardError("Choose one note or one group.")
        if dots < 0:
            raise BoardError("Dots cannot be negative.")
        self.offsite_id, self.person_id, self.dots = offsite_id, person_id, dots
        self.note_id, self.cluster_id = note_id, cluster_id

    def _perform(self, s: Session) -> None:
        data = _load(s, self.offsite_id)
        probe = tally.TallySupport(self.person_id, self.note_id, self.cluster_id)
        after = [x for x in data.supports if not (x.person_id == self.person_id
                                                  and x.idea == probe.idea)]
        if self.dots:
            after.append(tally.TallySupport(self.person_id, self.note_id, self.cluster_id,
                                            self.dots))
        _write_supports(self, s, self.offsite_id, data.supports, after)


class SetTallySettings(BoardOperation):
    """Change how support is counted (mode, dots per person, cap per idea, Keeper counted)."""

    text = "Change tally settings"
    FIELDS = ("mode", "dots_per_person", "cap_per_idea", "keeper_counted")

    def __init__(self, offsite_id: int, **values: Any) -> None:
        super().__init__()
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise BoardError(f"Unknown tally setting: {', '.join(sorted(unknown))}.")
        if "mode" in values:
            values["mode"] = tally.TallyMode(values["mode"]).value
        if "cap_per_idea" in values and values["cap_per_idea"] is not None:
            values["cap_per_idea"] = int(values["cap_per_idea"]) or None
        if values.get("dots_per_person", 1) < 0:
            raise BoardError("Dots per person cannot be negative.")
        self.offsite_id, self.values = offsite_id, values

    def _perform(self, s: Session) -> None:
        table = _table(TallySettings)
        if s.get(TallySettings, self.offsite_id) is None:
            defaults = {"mode": "supporters", "dots_per_person": 3, "cap_per_idea": None,
                        "keeper_counted": True}
            self._do(s, _Insert(table, {**defaults, **self.values, "offsite_id": self.offsite_id}))
        else:
            self._do(s, _Update(table, {"offsite_id": self.offsite_id}, dict(self.values)))


# --------------------------------------------------------------------------- big bets


class SetBigBet(BoardOperation):
    """Mark a cluster as a big bet (or not) and link it to a company initiative."""

    def __init__(
        self, cluster_id: int, big_bet: bool, initiative_id: int | None = None
    ) -> None:
        super().__init__()
        self.cluster_id, self.big_bet, self.initiative_id = cluster_id, big_bet, initiative_id
        if big_bet:
            self.text = "Mark big bet" if initiative_id is None else "Link big bet"
        else:
            self.text = "Unmark big bet"

    def _perform(self, s: Session) -> None:
        if self.initiative_id is not None and s.get(Initiative, self.initiative_id) is None:
            raise BoardError("That initiative is no longer in the offsite.")
        self._update(
            s, Cluster, self.cluster_id, big_bet=self.big_bet,
            initiative_id=self.initiative_id if self.big_bet else None,
        )
