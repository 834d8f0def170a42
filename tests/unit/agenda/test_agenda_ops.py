from __future__ import annotations

import datetime as dt

import pytest

from keeper.agenda.ops import (
    DeleteItems,
    InsertItems,
    SavedRunner,
    agenda_items,
    apply_rebalance,
    clean_item_values,
    entry_of,
    insert_from_template,
    load_runner_state,
    move_item,
    record_actuals,
    runner_day,
    running_title,
    save_runner_state,
    update_item,
)
from keeper.agenda.schedule import drift, rebalance
from keeper.agenda.templates import find_template
from keeper.agenda.timer import Actuals, PersistedTimer, Runner, TimerState
from keeper.clock import FakeClock
from keeper.store.models import AgendaItem, RunnerState
from keeper.store.offsite_file import OffsiteStore


def titles(store: OffsiteStore, offsite_id: int) -> list[str]:
    return [i.title for i in agenda_items(store, offsite_id)]


def positions(store: OffsiteStore, offsite_id: int) -> list[int]:
    return [i.position for i in agenda_items(store, offsite_id)]


def test_move_and_undo_restores_order(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    before = titles(store, oid)
    first = agenda_items(store, oid)[0]
    op = move_item(store, oid, [first.id], 3)  # drop between rows 2 and 3
    op.apply(store)
    after = titles(store, oid)
    assert after[:3] == [before[1], before[2], before[0]]
    assert positions(store, oid) == list(range(len(before)))
    op.revert(store)
    assert titles(store, oid) == before
    op.apply(store)  # redo
    assert titles(store, oid) == after


def test_move_several_to_end(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    items = agenda_items(store, oid)
    op = move_item(store, oid, [items[0].id, items[2].id], len(items))
    op.apply(store)
    got = titles(store, oid)
    assert got[-2:] == [items[0].title, items[2].title]
    assert got[0] == items[1].title


def test_insert_and_delete_are_undoable_and_keep_ids(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    before = titles(store, oid)
    op = InsertItems(oid, 1, [{"title": "Pipeline clinic", "planned_minutes": 25}])
    op.apply(store)
    assert titles(store, oid)[1] == "Pipeline clinic"
    new_id = op.ids[0]
    op.revert(store)
    assert titles(store, oid) == before
    op.apply(store)
    assert op.ids == [new_id]  # redo keeps the id
    delete = DeleteItems(oid, [new_id, agenda_items(store, oid)[0].id])
    delete.apply(store)
    assert titles(store, oid) == before[1:]
    assert positions(store, oid) == list(range(len(before) - 1))
    delete.revert(store)
    assert titles(store, oid)[:3] == [before[0], "Pipeline clinic", before[1]]


def test_insert_from_template_appends_all_items(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    n = len(titles(store, oid))
    template = find_template("sales-kickoff-2-days")
    op = insert_from_template(oid, template, n, day=2)
    op.apply(store)
    items = agenda_items(store, oid)
    assert len(items) == n + len(template.items)
    assert {i.day for i in items[n:]} == {2}
    op.revert(store)
    assert len(agenda_items(store, oid)) == n


def test_update_item_cleans_bad_input(store: OffsiteStore) -> None:
    item = agenda_items(store, store.current_offsite().id)[0]
    op = update_item(item, {"title": "=HYPERLINK(\"x\")\x00\u202e🎉" + "x" * 500,
                            "planned_minutes": "-5", "kind": "party", "content_tag": "bogus",
                            "warn_red_s": 1e12})
    op.apply(store)
    store.session.refresh(item)
    assert "\x00" not in item.title and len(item.title) <= 200
    assert item.planned_minutes == 1
    assert item.kind == "session"  # unknown kind dropped, old value kept
    assert item.warn_red_s == 3600


def test_clean_values_rejects_nan_and_bools() -> None:
    assert clean_item_values({"planned_minutes": float("nan")}) == {}
    assert clean_item_values({"planned_minutes": True}) == {}
    assert clean_item_values({"planned_minutes": "12.6"}) == {"planned_minutes": 13}


def test_apply_rebalance_is_one_undo_step(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    items = agenda_items(store, oid)
    entries = [entry_of(i) for i in items]
    preview = rebalance(entries, 12)
    op = apply_rebalance(preview)
    before = {i.id: i.planned_minutes for i in items}
    op.apply(store)
    after = {i.id: i.planned_minutes for i in agenda_items(store, oid)}
    assert sum(before.values()) - sum(after.values()) == preview.recovered_minutes == 12
    lunch = next(i for i in items if i.kind == "lunch")
    assert after[lunch.id] == before[lunch.id]
    op.revert(store)
    assert {i.id: i.planned_minutes for i in agenda_items(store, oid)} == before


def test_runner_state_round_trip_resumes_with_right_remaining(store: OffsiteStore) -> None:
    clock = FakeClock()
    oid = store.current_offsite().id
    items = agenda_items(store, oid)
    runner = Runner([entry_of(i) for i in items], clock)
    runner.start()
    clock.advance(125)
    save_runner_state(store, oid, SavedRunner(runner.to_persisted(), "Back at 10:15", True))
    record_actuals(store, runner.all_actuals())
    # the app restarts 40 s later
    clock.jump_wall(40)
    store.session.expire_all()
    saved = load_runner_state(store, oid)
    assert saved.message == "Back at 10:15" and saved.blackout
    row = store.session.get(RunnerState, oid)
    assert row.deadline.tzinfo is None  # stored naive UTC
    fresh = [entry_of(i) for i in agenda_items(store, oid)]
    again = Runner.restore(fresh, clock, saved.timer)
    assert again.state is TimerState.RUNNING
    assert again.remaining_s() == pytest.approx(items[0].planned_minutes * 60 - 165)
    assert again.actuals(items[0].id).start == clock.now() - dt.timedelta(seconds=165)


def test_actual_times_are_stored_as_local_naive_and_read_back_aware(store: OffsiteStore) -> None:
    oid = store.current_offsite().id
    item = agenda_items(store, oid)[0]
    start = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    assert record_actuals(store, {item.id: Actuals(start, start + dt.timedelta(minutes=12))})
    store.session.refresh(item)
    assert item.actual_start == start.astimezone().replace(tzinfo=None)
    entry = entry_of(item)
    assert entry.actual_start == start
    assert not record_actuals(store, {item.id: Actuals(start, start + dt.timedelta(minutes=12))})


def test_demo_day_drift_uses_local_times(demo_store: OffsiteStore, clock: FakeClock) -> None:
    offsite = demo_store.current_offsite()
    items = agenda_items(demo_store, offsite.id)
    saved = load_runner_state(demo_store, offsite.id)
    entries = [entry_of(i) for i in items]
    runner = Runner.restore(entries, clock, saved.timer)
    assert runner.state is TimerState.RUNNING
    assert runner.current.title == "Opportunities brainstorm"
    late = drift(entries, offsite.day_start, clock.now().astimezone(), runner.index,
                 runner.remaining_s())
    assert late.late_minutes == 14  # the demo's morning ran 14 minutes long


def test_runner_day_picks_first_unfinished(store: OffsiteStore) -> None:
    items = [AgendaItem(id=1, day=1, actual_end=dt.datetime(2026, 1, 1)),
             AgendaItem(id=2, day=2, actual_end=None)]
    assert runner_day(items, None) == 2
    assert runner_day(items, 1) == 1


def test_load_without_row_is_idle(store: OffsiteStore) -> None:
    saved = load_runner_state(store, store.current_offsite().id)
    assert saved.timer == PersistedTimer(None, TimerState.IDLE)


def test_after_taking_time_back_the_day_reads_on_time(demo_store: OffsiteStore,
                                                     clock: FakeClock) -> None:
    from keeper.agenda.ops import anchored_drift, read_target_end

    offsite = demo_store.current_offsite()
    items = agenda_items(demo_store, offsite.id)
    runner = Runner.restore([entry_of(i) for i in items], clock,
                            load_runner_state(demo_store, offsite.id).timer)
    now = clock.now().astimezone()

    def late() -> object:
        entries = [entry_of(i) for i in agenda_items(demo_store, offsite.id)]
        plain = drift(entries, offsite.day_start, now, runner.index, runner.remaining_s())
        return anchored_drift(plain, read_target_end(demo_store, offsite.id, 1))

    before = late()
    assert before.late_minutes == 14
    preview = rebalance([entry_of(i) for i in items], 14, runner.index)
    op = apply_rebalance(preview, anchor=(offsite.id, 1, before.planned_end))
    op.apply(demo_store)
    after = late()
    assert after.late_minutes == 14 - preview.recovered_minutes == 0
    assert after.projected_end == before.planned_end
    op.revert(demo_store)
    assert late().late_minutes == 14
    assert read_target_end(demo_store, offsite.id, 1) is None


def test_the_session_under_way_is_named_while_running_or_paused_and_not_when_idle(
        store: OffsiteStore) -> None:
    clock = FakeClock()
    oid = store.current_offsite().id
    items = agenda_items(store, oid)
    runner = Runner([entry_of(i) for i in items], clock)
    assert running_title(store, oid) == ""  # nothing saved yet
    save_runner_state(store, oid, SavedRunner(runner.to_persisted()))
    assert running_title(store, oid) == ""  # waiting on the first session
    runner.start()
    save_runner_state(store, oid, SavedRunner(runner.to_persisted()))
    assert running_title(store, oid) == items[0].title
    runner.pause()
    save_runner_state(store, oid, SavedRunner(runner.to_persisted()))
    assert running_title(store, oid) == items[0].title
