"""The base of every board edit: a :class:`keeper.ops.Operation` written as ``_perform``.

Board operations work out their changes from the board as the transaction sees it
(``load_fresh``: only the part each reads, never the whole read model) and write them
through ``_update``/``_insert``/``_delete``, each a recorded step of the one transaction
``apply`` commits (see :mod:`keeper.ops`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keeper.board import tally
from keeper.board.geometry import cluster_bounds
from keeper.board.loading import BoardData, load_slice
from keeper.ops import Delete, Operation, OperationError, Step, Tx, table_of
from keeper.store.models import Base, Cluster, Note, Support


class BoardError(OperationError):
    """An edit that cannot be made, worded for the person using the app."""


GONE = "That item is no longer on the board."


class BoardOperation(Operation):
    """Base: subclasses implement ``_perform(session)`` by calling ``_update``/``_insert``/
    ``_delete`` (or ``_do(session, step)``), each recorded as a step of this operation."""

    text = "Edit board"

    def __init__(self) -> None:
        self._tx: Tx | None = None

    def _perform(self, s: Session) -> None:
        raise NotImplementedError

    def perform(self, tx: Tx) -> None:
        self._tx = tx
        try:
            self._perform(tx.session)
        finally:
            self._tx = None

    def _do(self, s: Session, step: Step) -> None:
        assert self._tx is not None, "board steps run inside apply()"
        self._tx.do(step)

    def _update(self, s: Session, model: type[Base], id_: int, **values: Any) -> None:
        assert self._tx is not None, "board steps run inside apply()"
        try:
            self._tx.update(model, id_, values, GONE)
        except OperationError as exc:
            raise BoardError(str(exc)) from None

    def _insert(self, s: Session, model: type[Base], **values: Any) -> int:
        assert self._tx is not None, "board steps run inside apply()"
        return int(self._tx.insert(model, values)["id"])

    def _delete(self, s: Session, model: type[Base], id_: int) -> None:
        assert self._tx is not None, "board steps run inside apply()"
        self._tx.delete(model, id_)


def load_fresh(
    s: Session,
    offsite_id: int,
    *,
    notes: Sequence[Any] | None = (),
    supports: Sequence[Any] | None = None,
) -> BoardData:
    """The part of the board this edit reads (:func:`~keeper.board.loading.load_slice`:
    all notes and no supports unless told), as this transaction sees it."""
    s.flush()
    return load_slice(s, offsite_id, notes=notes, supports=supports)


def offsite_of_note(s: Session, note_id: int) -> int:
    offsite_id = s.scalar(select(Note.offsite_id).where(Note.id == note_id))
    if offsite_id is None:
        raise BoardError("That note is no longer on the board.")
    return offsite_id


def offsite_of_cluster(s: Session, cluster_id: int) -> int:
    offsite_id = s.scalar(select(Cluster.offsite_id).where(Cluster.id == cluster_id))
    if offsite_id is None:
        raise BoardError("That group is no longer on the board.")
    return offsite_id


def fit_frame(op: BoardOperation, s: Session, data: BoardData, cluster_id: int) -> None:
    """Grow a cluster's stored frame to hold its notes (never shrinks it)."""
    c = data.cluster(cluster_id)
    if c is None:
        return
    x, y, w, h = cluster_bounds(
        (c.x, c.y, c.width, c.height), [(n.x, n.y) for n in data.notes_in(cluster_id)]
    )
    if (x, y, w, h) != (c.x, c.y, c.width, c.height):
        op._update(s, Cluster, cluster_id, x=x, y=y, width=w, height=h)


def write_supports(
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
    table = table_of(Support)
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
            op._do(s, Delete(table, {"id": support_id}))
    for key, dots in new.items():
        if old.get(key) == dots:
            continue
        op._insert(
            s, Support, offsite_id=offsite_id, person_id=key[0], note_id=key[1],
            cluster_id=key[2], dots=dots,
        )

