from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from keeper.agenda.files import import_agenda
from keeper.clock import FakeClock
from keeper.store.models import Person
from keeper.store.offsite_file import OffsiteStore
from tests.ui.showing import shown
from ui.agenda.columns import C_MIN, C_PROT, C_START, C_TITLE
from ui.agenda.view import AgendaView
from ui.context import AppContext


@pytest.fixture
def agenda(qtbot, demo_path: Path, clock: FakeClock):
    context = AppContext(clock=clock)
    context.set_store(OffsiteStore.open(demo_path))
    view = shown(qtbot, AgendaView(context), 1200, 800)
    yield view
    context.set_store(None)


def titles(view: AgendaView) -> list[str]:
    return [view.model.index(r, C_TITLE).data() for r in range(view.model.rowCount())]


def starts(view: AgendaView) -> list[str]:
    return [view.model.index(r, C_START).data() for r in range(view.model.rowCount())]


def drop(view: AgendaView, rows: list[int], to_row: int) -> None:
    """What a drag in the table does: the model's mime data dropped between rows."""
    model = view.model
    data = model.mimeData([model.index(r, C_TITLE) for r in rows])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, to_row, 0, model.index(-1, -1))
    model.dropMimeData(data, Qt.DropAction.MoveAction, to_row, 0, model.index(-1, -1))


def test_drag_reorders_recomputes_start_times_and_undoes(agenda: AgendaView) -> None:
    before_titles, before_starts = titles(agenda), starts(agenda)
    drop(agenda, [0], 3)  # the 10-minute welcome goes after the second postmortem
    after = titles(agenda)
    assert after[:3] == [before_titles[1], before_titles[2], before_titles[0]]
    assert starts(agenda)[0] == before_starts[0]  # the day still starts at the same time
    assert starts(agenda)[2] != before_starts[2]
    stack = agenda.context.undo_stack
    assert stack.undoText() == "Move item"
    stack.undo()
    assert titles(agenda) == before_titles and starts(agenda) == before_starts
    stack.redo()
    assert titles(agenda) == after


def test_keyboard_move_keeps_the_selection(qtbot, agenda: AgendaView) -> None:
    agenda.table.setFocus()
    agenda.table.selectRow(1)
    name = titles(agenda)[1]
    qtbot.keyClick(agenda.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(agenda)[2] == name
    assert agenda.selected_ids() == [agenda.model.items[2].id]
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(agenda)[0] == name


def test_editing_minutes_moves_later_start_times(agenda: AgendaView) -> None:
    later = starts(agenda)[1]
    assert agenda.model.setData(agenda.model.index(0, C_MIN), 25)
    assert agenda.model.index(0, C_MIN).data() == "25"
    assert starts(agenda)[1] != later
    agenda.context.undo_stack.undo()
    assert starts(agenda)[1] == later


def test_protected_checkbox_and_bad_text(agenda: AgendaView) -> None:
    model = agenda.model
    model.setData(model.index(1, C_PROT), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert model.index(1, C_PROT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.setData(model.index(1, C_TITLE), "=1+1\x00\x07 " + "🎉" * 300)
    title = model.index(1, C_TITLE).data()
    assert "\x00" not in title and len(title) <= 200


def test_add_delete_and_template(agenda: AgendaView, monkeypatch) -> None:
    n = agenda.model.rowCount()
    agenda.table.selectRow(0)
    agenda.add_break.trigger()
    assert agenda.model.rowCount() == n + 1 and titles(agenda)[1] == "Break"
    agenda._select_ids([agenda.model.items[1].id])
    agenda.delete.trigger()
    assert agenda.model.rowCount() == n
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Sales leadership offsite", True))
    agenda.table.clearSelection()
    agenda.from_template.trigger()
    assert agenda.model.rowCount() == 2 * n
    agenda.context.undo_stack.undo()
    assert agenda.model.rowCount() == n


def test_content_mix_against_the_chosen_rule(agenda: AgendaView) -> None:
    report = agenda.mix.report
    assert report.rule == "60/30/10"
    assert [s.bucket for s in report.shares] == ["skills", "strategy", "culture"]
    assert sum(s.share for s in report.shares) == pytest.approx(1.0)
    agenda.mix_rule.setCurrentIndex(1)
    agenda.mix_rule.activated.emit(1)
    assert agenda.mix.report.rule == "65/35"
    assert agenda.context.offsite.mix_rule == "65/35"
    agenda.context.undo_stack.undo()
    assert agenda.mix.report.rule == "60/30/10"


def test_timeline_has_planned_and_actual(agenda: AgendaView) -> None:
    rows = agenda.timeline.rows
    done = [r for r in rows if r.actual_end is not None]
    assert len(rows) == agenda.model.rowCount() and len(done) == 9
    assert rows[9].actual_start is not None and rows[9].actual_end is None  # under way
    agenda.timeline.grab()


def test_export_then_import_round_trip(qtbot, agenda: AgendaView, tmp_path: Path) -> None:
    out = tmp_path / "agenda.xlsx"
    agenda.export_spreadsheet(out)
    qtbot.waitUntil(out.exists, timeout=5000)
    people = list(agenda.context.store.session.query(Person))
    result = import_agenda(out, people)
    assert [r["title"] for r in result.rows] == titles(agenda)
    presenters = [r.get("presenter_id") for r in result.rows]
    assert presenters == [i.presenter_id for i in agenda.model.items]
    agenda.apply_import(result, "replace")
    assert titles(agenda) == [r["title"] for r in result.rows]
    agenda.context.undo_stack.undo()
    agenda.apply_import(result, "append")
    assert agenda.model.rowCount() == 2 * len(result.rows)
