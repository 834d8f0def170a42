"""One edit, one transaction: every multi-step operation is all or nothing.

Each operation below is made to fail midway (the disk fails on one of its writes);
the file, read back through a second, read-only store, is then exactly as before and
the operation counts as not applied. Applied for real, it reports the areas whose
rows changed; undo restores the file exactly and redo brings the same rows back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from keeper import board as bo
from keeper import kickoff as ko
from keeper.agenda.ops import agenda_items, replace_agenda
from keeper.changes import TABLE_AREAS, Changes
from keeper.day import okrs as day_okrs
from keeper.day.reflections import set_reflections
from keeper.kickoff import imports as ki
from keeper.ops import Composite, InsertRow, Operation, ReplaceRows, SetFields, Tx
from keeper.quadrant.ops import PlaceMany
from keeper.store.models import AgendaItem, Base, Offsite, Person, Role
from keeper.store.offsite_file import OffsiteStore

Dump = dict[str, list[tuple[Any, ...]]]
Make = Callable[[OffsiteStore], Operation]


def dump(path: Path) -> Dump:
    """Every row of the file as another program sees it (committed data only)."""
    other = OffsiteStore.open(path, read_only=True)
    try:
        return {t.name: sorted((tuple(r) for r in other.session.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}
    finally:
        other.close()


def changed_tables(before: Dump, after: Dump) -> set[str]:
    return {name for name in before if before[name] != after[name]}


class DiskFull(OSError):
    pass


def fail_on_write(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    """The n-th write of the next operations fails, as a full disk would."""
    calls = {"n": 0}
    real_do, real_done = Tx.do, Tx.done

    def count() -> None:
        calls["n"] += 1
        if calls["n"] == n:
            raise DiskFull("No space left on device")

    def do(self: Tx, step: Any) -> None:
        count()
        real_do(self, step)

    def done(self: Tx, step: Any) -> None:
        count()
        real_done(self, step)

    monkeypatch.setattr(Tx, "do", do)
    monkeypatch.setattr(Tx, "done", done)


def _person(store: OffsiteStore, name: str) -> int:
    person_id = store.session.scalar(select(Person.id).where(Person.name == name))
    assert person_id is not None
    return person_id


def _offsite(store: OffsiteStore) -> int:
    offsite = store.current_offsite()
    assert offsite is not None
    return offsite.id


def _replace_agenda(store: OffsiteStore) -> Operation:
    rows = [{"title": f"Imported {n}", "planned_minutes": 20 + n} for n in range(3)]
    return replace_agenda(store, _offsite(store), rows)


def _merge_clusters(store: OffsiteStore) -> Operation:
    data = bo.load_board(store.session, _offsite(store))
    into, *rest = [c.id for c in data.clusters][:3]
    return bo.MergeClusters(into, rest)


def _place_many(store: OffsiteStore) -> Operation:
    reps = list(store.session.scalars(select(Person.id).where(Person.role == Role.REP.value)))
    return PlaceMany(_offsite(store), {rep: (0.1 * (n % 9), 0.9, f"note {n}")
                                       for n, rep in enumerate(reps[:5])})


def _timebox(store: OffsiteStore) -> Operation:
    offsite_id = _offsite(store)
    for item in agenda_items(store, offsite_id):  # no OKR timeboxes yet: all are inserted
        if day_okrs.is_postmortem_title(item.title):
            SetFields(AgendaItem, {"id": item.id}, {"title": "Something else"}).apply(store)
    return day_okrs.timebox_okrs(offsite_id)


def _reflections(store: OffsiteStore) -> Operation:
    return set_reflections(_offsite(store), _person(store, "Priya Raman"),
                           ["First thought", "Second thought"], "Thanks for the coaching")


def _kickoff(store: OffsiteStore) -> int:
    return ko.kickoffs(store)[0][0]


def _import_attainment(store: OffsiteStore, tmp_path: Path) -> Operation:
    path = tmp_path / "attainment.csv"
    path.write_text("Rep,Attainment\nAva Chen,150%\nLiam Novak,80%\n", encoding="utf-8")
    return ki.import_attainment(ki.plan_attainment(store, _kickoff(store), path))


def _checkpoints(store: OffsiteStore) -> Operation:
    kickoff = _kickoff(store)
    SetFields(Offsite, {"id": kickoff}, {"date": dt.date(2027, 1, 26)}).apply(store)
    for check_in in ko.load_follow_through(store, kickoff).check_ins:
        ko.delete_checkpoint(check_in.id).apply(store)
    return ko.generate_checkpoints(store, kickoff)


def _composite(store: OffsiteStore) -> Operation:
    offsite_id = _offsite(store)
    return Composite([
        SetFields(Offsite, {"id": offsite_id}, {"venue": "Lisbon"}),
        InsertRow(Person, {"name": "New Leader", "role": "leader"}),
        SetFields(Person, {"id": _person(store, "Priya Raman")}, {"email": "p@example.com"}),
        InsertRow(Person, {"name": "New Rep", "role": "rep"}),
    ], "Several edits")


OPS: dict[str, Callable[[OffsiteStore, Path], Operation]] = {
    "composite": lambda s, _t: _composite(s),
    "replace agenda": lambda s, _t: _replace_agenda(s),
    "merge clusters": lambda s, _t: _merge_clusters(s),
    "place many reps": lambda s, _t: _place_many(s),
    "timebox OKRs": lambda s, _t: _timebox(s),
    "reflections": lambda s, _t: _reflections(s),
    "kickoff check-ins": lambda s, _t: _checkpoints(s),
    "kickoff import": _import_attainment,
}


@pytest.mark.parametrize("name", sorted(OPS))
def test_an_edit_that_fails_midway_leaves_the_file_unchanged(
        name: str, demo_store: OffsiteStore, demo_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    probe = OPS[name](demo_store, tmp_path)
    probe.apply(demo_store)
    writes = len(probe._steps or [])
    probe.revert(demo_store)
    # an import writes its rows itself, then records them as one step: failing there
    # comes after the writes, midway too
    assert writes >= 2 or name == "kickoff import", f"{name} is not a multi-step edit"
    before = dump(demo_path)

    op = OPS[name](demo_store, tmp_path)
    with monkeypatch.context() as m:
        fail_on_write(m, writes // 2 + 1)
        with pytest.raises(DiskFull):
            op.apply(demo_store)
    assert dump(demo_path) == before
    assert not op.applied  # the undo stack is never given it (AppContext.run re-raises)


@pytest.mark.parametrize("name", sorted(OPS))
def test_undo_and_redo_restore_the_file_exactly_and_changes_name_the_areas(
        name: str, demo_store: OffsiteStore, demo_path: Path, tmp_path: Path) -> None:
    op = OPS[name](demo_store, tmp_path)
    before = dump(demo_path)
    changes = op.apply(demo_store)
    after = dump(demo_path)
    touched = changed_tables(before, after)
    assert touched
    assert changes == Changes.of_tables(touched)
    assert op.revert(demo_store) == changes
    assert dump(demo_path) == before
    assert op.apply(demo_store) == changes  # redo: the same rows, the same ids
    assert dump(demo_path) == after
    op.revert(demo_store)
    assert dump(demo_path) == before


def test_a_failing_part_three_of_a_composite_keeps_parts_one_and_two_out(
        demo_store: OffsiteStore, demo_path: Path) -> None:
    class Refused(Operation):
        def perform(self, tx: Tx) -> None:
            raise ValueError("That item is no longer there.")

    offsite_id = _offsite(demo_store)
    before = dump(demo_path)
    first = SetFields(Offsite, {"id": offsite_id}, {"venue": "Porto"})
    second = InsertRow(Person, {"name": "Half Done", "role": "rep"})
    op = Composite([first, second, Refused()])
    with pytest.raises(ValueError, match="no longer there"):
        op.apply(demo_store)
    assert dump(demo_path) == before
    assert not (op.applied or first.applied or second.applied)
    assert demo_store.session.scalar(select(Offsite.venue).where(Offsite.id == offsite_id)) \
        != "Porto"


def test_an_edit_of_a_row_that_is_gone_is_refused_in_words(demo_store: OffsiteStore) -> None:
    with pytest.raises(ValueError, match="no longer there"):
        SetFields(Person, {"id": 987654}, {"name": "Ghost"}).apply(demo_store)


def test_a_replayed_import_puts_back_the_same_ids(demo_store: OffsiteStore,
                                                  tmp_path: Path) -> None:
    op = _import_attainment(demo_store, tmp_path)
    op.apply(demo_store)
    steps = [s for s in op._steps or [] if isinstance(s, ReplaceRows)]
    assert len(steps) == 1
    after = steps[0].after
    op.revert(demo_store)
    op.apply(demo_store)
    assert ReplaceRows.snapshot(demo_store.session, steps[0].scopes) == after


def test_changes_combine_and_every_table_has_an_area() -> None:
    assert set(TABLE_AREAS) == {t.name for t in Base.metadata.sorted_tables}
    both = Changes(agenda=True) | Changes(board=True)
    assert both.areas() == ["agenda", "board"]
    assert both & Changes(board=True, people=True) == Changes(board=True)
    assert not Changes.NONE and not (Changes(agenda=True) & Changes(people=True))
    assert Changes.of_tables(["check_in"]) == Changes(day=True, kickoff=True)
    assert all(getattr(Changes.ALL, area) for area in Changes.ALL.areas())


def test_an_edit_that_writes_nothing_changes_nothing(demo_store: OffsiteStore,
                                                    demo_path: Path) -> None:
    before = dump(demo_path)
    op = SetFields(Offsite, {"id": _offsite(demo_store)}, {})
    assert op.apply(demo_store) == Changes.NONE and not op.changed
    assert op.revert(demo_store) == Changes.NONE
    assert dump(demo_path) == before


def test_a_batch_commits_its_edits_together_and_a_refused_one_alone_stays_out(
        demo_store: OffsiteStore, demo_path: Path) -> None:
    class Refused(Operation):
        def perform(self, tx: Tx) -> None:
            tx.insert(Person, {"name": "Half Done", "role": "rep"})
            raise ValueError("That item is no longer there.")

    offsite_id = _offsite(demo_store)
    before = dump(demo_path)
    first = SetFields(Offsite, {"id": offsite_id}, {"venue": "Porto"})
    refused = Refused()
    third = InsertRow(Person, {"name": "Third Phone", "role": "leader"})
    with demo_store.batch():
        first.apply(demo_store)
        with pytest.raises(ValueError):
            refused.apply(demo_store)
        third.apply(demo_store)
        assert dump(demo_path) == before  # nothing is on disk until the batch commits
    after = dump(demo_path)
    names = {row[1] for row in after["person"]}
    assert "Third Phone" in names and "Half Done" not in names
    assert any("Porto" in row for row in after["offsite"])
    assert first.applied and third.applied and not refused.applied
    first.revert(demo_store)  # each stays its own undo step
    assert not any("Porto" in row for row in dump(demo_path)["offsite"])


def test_a_batch_that_fails_leaves_the_file_as_it_was(
        demo_store: OffsiteStore, demo_path: Path) -> None:
    before = dump(demo_path)
    with pytest.raises(DiskFull), demo_store.batch():
        InsertRow(Person, {"name": "Lost Phone", "role": "leader"}).apply(demo_store)
        raise DiskFull("no space left")
    assert dump(demo_path) == before
