"""Kickoff view: entering and viewing each part (typing, clicking), the file and the screen
agree, undo takes edits back, refused input is explained and changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLineEdit
from sqlalchemy import select

from keeper import kickoff as so
from keeper.agenda.ops import agenda_items
from keeper.clock import FakeClock
from keeper.kickoff import imports as si
from keeper.store.models import (
    AgendaItem,
    Attainment,
    CheckIn,
    CompetencyRating,
    First30Plan,
    GoalLink,
    MetricMeasure,
    Person,
    RecognitionTier,
    SkoLookBack,
    SkoObjective,
)
from keeper.store.offsite_file import OffsiteStore
from tests.sheets import write_csv
from tests.ui.showing import shown
from ui.context import AppContext
from ui.kickoff import view as view_module
from ui.kickoff.preview import ImportPreview
from ui.kickoff.style import BANDS
from ui.kickoff.view import KickoffView


def _show(qtbot, context: AppContext) -> KickoffView:  # noqa: ANN001
    return shown(qtbot, KickoffView(context), 1366, 800)


@pytest.fixture
def view(qtbot, context: AppContext) -> KickoffView:  # noqa: ANN001
    assert context.store is not None
    context.set_offsite(so.kickoffs(context.store)[0][0])
    return _show(qtbot, context)


@pytest.fixture
def accept_previews(monkeypatch: pytest.MonkeyPatch) -> list[ImportPreview]:
    shown: list[ImportPreview] = []

    def exec_(self: ImportPreview) -> int:
        shown.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreview, "exec", exec_)
    return shown


def _store(context: AppContext) -> OffsiteStore:
    assert context.store is not None
    context.store.session.expire_all()
    return context.store


def _person(context: AppContext, name: str) -> int:
    return _store(context).session.scalars(select(Person.id).where(Person.name == name)).one()


def _type(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# ----- choosing and creating ------------------------------------------------------------------


def test_leadership_offsite_offers_the_kickoff_and_opens_it(qtbot, context: AppContext) -> None:  # noqa: ANN001
    widget = _show(qtbot, context)
    assert widget.pages.currentIndex() == 0
    assert "leadership offsite" in widget.chooser_text.text()
    assert widget.kickoff_box.currentText() == "Sales kickoff 2026 (27 Jan 2026)"
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    assert widget.pages.currentIndex() == 1
    assert widget.title_label.text().startswith("Sales kickoff 2026 · 27 Jan 2026")
    assert widget.offsite_id == so.kickoffs(_store(context))[0][0]


def test_creating_a_kickoff_sets_it_up(qtbot, context: AppContext) -> None:  # noqa: ANN001
    widget = _show(qtbot, context)
    qtbot.mouseClick(widget.create_button, Qt.MouseButton.LeftButton)
    store = _store(context)
    new_id = context.offsite_id
    assert new_id == widget.offsite_id and so.kickoff_of(store, new_id) is not None
    assert widget.title_label.text().startswith("Sales kickoff 2027")
    assert len(so.load_competencies(store, new_id)) == 8
    assert len(list(store.session.scalars(select(RecognitionTier).where(
        RecognitionTier.offsite_id == new_id)))) == 2
    assert agenda_items(store, new_id)  # the template's agenda
    widget.tabs.setCurrentIndex(1)
    assert widget.audit.model.columnCount() == 8


# ----- look back ---------------------------------------------------------------------------


def test_revenue_typed_is_saved_drawn_and_undone(qtbot, view: KickoffView,  # noqa: ANN001
                                                  context: AppContext) -> None:
    tab = view.look_back
    assert tab.verdict.text() == ("Revenue 22,100,000 against a goal of 24,000,000: 92% "
                                  "(missed)")
    _type(qtbot, tab.actual_edit, "25,200,000")
    row = _store(context).session.get(SkoLookBack, view.offsite_id)
    assert row is not None and row.revenue_actual == 25_200_000
    assert tab.verdict.text().endswith("105% (met)")
    assert "105%" in tab.revenue_bar.accessibleDescription()
    _type(qtbot, tab.goal_edit, "a lot")
    assert view.banner.isVisible() and "must be a number" in view.banner.text()
    assert _store(context).session.get(SkoLookBack, view.offsite_id).revenue_goal == 24_000_000
    context.undo_stack.undo()
    assert _store(context).session.get(SkoLookBack, view.offsite_id).revenue_actual == 22_100_000
    assert tab.actual_edit.text() == "22,100,000"


def test_objectives_added_marked_and_undone(qtbot, view: KickoffView,  # noqa: ANN001
                                            context: AppContext) -> None:
    tab = view.look_back
    _type(qtbot, tab.new_objective, "Pipeline reviews every Friday")
    rows = so.load_look_back(_store(context), view.offsite_id).objectives
    assert rows[-1].text == "Pipeline reviews every Friday" and tab.objective_table.rowCount() == 4
    combo = tab.objective_table.cellWidget(3, 1)
    combo.setCurrentIndex(1)  # hit
    assert _store(context).session.get(SkoObjective, rows[-1].id).hit is True
    assert tab.objective_tally.text() == "3 hit, 1 missed, 0 not known"
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert len(so.load_look_back(_store(context), view.offsite_id).objectives) == 3
    assert tab.objective_table.rowCount() == 3


def test_survey_summary_and_import(qtbot, view: KickoffView, context: AppContext,  # noqa: ANN001
                                   tmp_path: Path, accept_previews: list) -> None:
    tab = view.look_back
    assert tab.survey_count.text() == "10 responses"
    assert "Overall: 4.2 / 5" in tab.averages.accessibleDescription()
    assert tab.improve_list.count() >= 1 and "mentions" in tab.improve_list.item(0).text()
    path = write_csv(tmp_path / "survey.csv", [
        ["Respondent", "Went well", "To improve", "Overall (1-5)", "Venue (1-5)"],
        ["Ava Chen", "Role plays on real deals", "Keynotes too long", "5", "4"],
        ["", "Role plays were practical", "Keynotes ran over", "4", "3"],
        ["Liam Novak", "Battle cards", "Wifi", "9", "4"],
    ])
    assert tab.import_button.isEnabled()
    view.start_import("survey", path)  # the path the file dialog would give
    qtbot.waitUntil(lambda: tab.survey_count.text() == "2 responses", timeout=5000)
    preview = accept_previews[-1]
    assert "row 4: Overall 9 is out of range (1 to 5)" in preview.report.toPlainText()
    assert preview.import_button.text() == "Import 2"
    assert "Venue: 3.5 / 5" in tab.averages.accessibleDescription()
    context.undo_stack.undo()
    assert tab.survey_count.text() == "10 responses"


# ----- reality audit ---------------------------------------------------------------------------


def test_heat_map_shows_bands_and_takes_typed_ratings(qtbot, view: KickoffView,  # noqa: ANN001
                                                      context: AppContext) -> None:
    view.tabs.setCurrentIndex(1)
    tab = view.audit
    model = tab.model
    assert model.rowCount() == 28 and model.columnCount() == 8 + 3
    rep = tab.audit.reps[0]
    competency = tab.audit.competencies[0]
    rating = tab.audit.rating(rep.id, competency.id)
    assert rating is not None
    index = model.index(0, 0)
    assert index.data() == f"{rating.self_rating:.0f}"
    band = "strong" if rating.self_rating >= 8 else "ok" if rating.self_rating >= 6 else "develop"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(BANDS[band][0])
    assert rep.name in index.data(Qt.ItemDataRole.ToolTipRole)

    tab.table.setFocus()
    tab.table.setCurrentIndex(index)
    qtbot.keyClicks(tab.table, "3")  # typing opens the cell's editor
    editor = tab.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "3"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "3")  # the delegate commits queued
    stored = _store(context).session.scalars(select(CompetencyRating).where(
        CompetencyRating.person_id == rep.id,
        CompetencyRating.competency_id == competency.id)).one()
    assert stored.self_rating == 3 and stored.manager_rating == rating.manager_rating
    assert model.index(0, 0).data() == "3"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == QColor(BANDS["develop"][0])

    assert tab.set_cell(0, 0, "12") is False
    assert "from 1 to 10" in view.banner.text()
    assert model.index(0, 0).data() == "3"

    tab.set_mode("gap")
    gap = 3 - (rating.manager_rating or 0)
    assert model.index(0, 0).data() == (f"{gap:+.0f}" if gap else "0")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    context.undo_stack.undo()
    assert model.index(0, 0).data() == ("0" if rating.gap == 0 else f"{rating.gap:+.0f}")


def test_training_priority_added_to_the_agenda(qtbot, view: KickoffView,  # noqa: ANN001
                                               context: AppContext) -> None:
    view.tabs.setCurrentIndex(1)
    tab = view.audit
    assert tab.priorities.item(0).text().startswith("1. Discovery questioning")
    assert "Discovery questioning" in tab.gap_bars.accessibleDescription()
    qtbot.mouseClick(tab.agenda_button, Qt.MouseButton.LeftButton)
    titles = [i.title for i in agenda_items(_store(context), view.offsite_id)]
    assert "Skills lab: Discovery questioning" in titles
    assert "✓ in the agenda" in tab.priorities.item(0).text()
    assert view.banner.kind == "ok"
    qtbot.mouseClick(tab.agenda_button, Qt.MouseButton.LeftButton)  # not twice
    assert "already has a skills lab" in view.banner.text()
    context.undo_stack.undo()
    titles = [i.title for i in agenda_items(_store(context), view.offsite_id)]
    assert "Skills lab: Discovery questioning" not in titles


def test_competencies_added_renamed_removed(qtbot, view: KickoffView,  # noqa: ANN001
                                            context: AppContext) -> None:
    view.tabs.setCurrentIndex(1)
    tab = view.audit
    tab.edit_competencies()
    dialog = tab.dialog
    assert dialog is not None and dialog.list.count() == 8
    _type(qtbot, dialog.new_name, "Storytelling")
    assert dialog.list.count() == 9 and tab.model.columnCount() == 12
    _type(qtbot, dialog.new_name, "discovery questioning")
    assert "already in the list" in dialog.message.text() and dialog.list.count() == 9
    story = so.load_competencies(_store(context), view.offsite_id)[-1]
    dialog.rename(story.id, "Executive storytelling")
    assert so.load_competencies(_store(context), view.offsite_id)[-1].name == \
        "Executive storytelling"
    assert "Executive" in str(tab.model.headerData(8, Qt.Orientation.Horizontal))
    dialog.list.setCurrentRow(0)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert dialog.list.count() == 8 and dialog.list.item(0).text() == "Objection handling"
    context.undo_stack.undo()
    assert dialog.list.count() == 9 and dialog.list.item(0).text() == "Discovery questioning"
    assert tab.audit.rating(tab.audit.reps[0].id, tab.audit.competencies[0].id) is not None
    dialog.close()


def test_audit_import_with_preview_choice(qtbot, view: KickoffView, context: AppContext,  # noqa: ANN001
                                          tmp_path: Path, accept_previews: list) -> None:
    view.tabs.setCurrentIndex(1)
    path = write_csv(tmp_path / "wide.csv", [
        ["Rep", "Objection handling", "Prospecting", "Quota calls"],
        ["Ava Chen", "2", "3", "40"],
        ["Nobody", "5", "5", ""],
    ])
    rows = si.read_sheet(path)
    original = ImportPreview.exec

    def choose_manager(self: ImportPreview) -> int:
        assert self.choice is not None
        self.choice.setCurrentIndex(1)  # unmarked columns hold manager ratings
        accept_previews.append(self)
        return QDialog.DialogCode.Accepted

    ImportPreview.exec = choose_manager  # type: ignore[method-assign]
    try:
        assert view.review_import("audit", path, rows)
    finally:
        ImportPreview.exec = original  # type: ignore[method-assign]
    preview = accept_previews[-1]
    assert "unknown rep 'Nobody'" in preview.report.toPlainText()
    ava = _person(context, "Ava Chen")
    audit = so.load_audit(_store(context), view.offsite_id)
    objection = next(c for c in audit.competencies if c.name == "Objection handling")
    assert audit.rating(ava, objection.id).manager_rating == 2  # type: ignore[union-attr]
    assert audit.metrics[(ava, "Quota calls")] == 40
    assert "Quota calls" in view.audit.audit.metric_names


# ----- goals -------------------------------------------------------------------------------


def test_selecting_a_revenue_goal_shows_what_carries_it(qtbot, view: KickoffView,  # noqa: ANN001
                                                        context: AppContext) -> None:
    view.tabs.setCurrentIndex(2)
    tab = view.goals
    goals = tab.data
    pipeline = goals.layer("outcome")[0]
    assert tab.selected == pipeline.id
    assert tab.highlighted() == goals.connected(pipeline.id)
    assert "is carried by <b>2</b> activities" in tab.carry.text()
    revenue = goals.layer("outcome")[1]
    tab.columns["outcome"].list.setCurrentRow(1)
    assert tab.selected == revenue.id and tab.highlighted() == goals.connected(revenue.id)
    calls = goals.layer("performance")[0]
    assert calls.id not in tab.highlighted()
    item = next(tab.down_list.item(n) for n in range(tab.down_list.count())
                if tab.down_list.item(n).data(Qt.ItemDataRole.UserRole) == calls.id)
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert _store(context).session.get(GoalLink, (revenue.id, calls.id)) is not None
    assert calls.id in tab.highlighted()
    context.undo_stack.undo()
    assert _store(context).session.get(GoalLink, (revenue.id, calls.id)) is None
    assert calls.id not in tab.highlighted()


def test_goals_added_and_unlinked_warned(qtbot, view: KickoffView,  # noqa: ANN001
                                         context: AppContext) -> None:
    view.tabs.setCurrentIndex(2)
    tab = view.goals
    assert tab.warnings.item(0).text() == "Every goal is connected."
    column = tab.columns["development"]
    column.target.setText("by day 30")
    _type(qtbot, column.text, "Multi-threading into finance")
    assert column.list.count() == 4
    assert "“Multi-threading into finance” is not linked to an activity goal." in \
        tab.warnings.item(0).text()
    context.undo_stack.undo()
    assert column.list.count() == 3


# ----- agenda check -----------------------------------------------------------------------------


def test_agenda_check_flags_comp_and_edits_formats(qtbot, view: KickoffView,  # noqa: ANN001
                                                   context: AppContext) -> None:
    view.tabs.setCurrentIndex(3)
    tab = view.agenda_check
    assert tab.comp_banner.isVisible()
    assert "“New comp plan walkthrough” is about compensation" in tab.comp_banner.text()
    assert "within two weeks" in tab.comp_banner.text()
    assert "skills</b> 72%" in tab.mix_text.text()
    row = next(n for n, s in enumerate(tab.data.sessions) if s.session_format is None)
    session = tab.data.sessions[row]
    box = tab.table.cellWidget(row, 4)
    box.setCurrentIndex(box.findText("success-story panel"))
    box.activated.emit(box.currentIndex())
    assert _store(context).session.get(AgendaItem, session.id).session_format == \
        "success-story panel"
    comp_row = next(n for n, s in enumerate(tab.data.sessions) if s.comp_advice)
    tab.table.setCurrentCell(comp_row, 1)
    assert "separate compensation call" in tab.advice.text()
    tag = tab.table.cellWidget(comp_row, 3)
    tag.setCurrentIndex(tag.findData("strategy"))
    assert "culture</b> 7%" in tab.mix_text.text()
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert _store(context).session.get(AgendaItem, session.id).session_format is None


# ----- recognition ----------------------------------------------------------------------------


def test_attainment_typed_and_tiers_renamed(qtbot, view: KickoffView,  # noqa: ANN001
                                            context: AppContext) -> None:
    view.tabs.setCurrentIndex(4)
    tab = view.recognition
    chairman = tab.data.tiers[1]
    before = len(tab.data.by_tier[chairman.id])
    below = tab.data.below[0]
    name = next(r.name for r in tab.data.reps if r.id == below)
    tab.set_attainment(name, "125%")
    row = _store(context).session.scalars(select(Attainment).where(
        Attainment.person_id == below, Attainment.offsite_id == view.offsite_id)).one()
    assert row.attainment == pytest.approx(1.25)
    assert len(tab.data.by_tier[chairman.id]) == before + 1
    assert f"Chairman's Club — 125% of plan — {before + 1} reps" == \
        tab.tree.topLevelItem(0).text(0)
    tab.set_attainment(name, "999%")
    assert "from 0% to 500%" in view.banner.text()
    tab.tier_table.item(0, 0).setText("Chairman's Circle")
    assert _store(context).session.get(RecognitionTier, chairman.id).name == "Chairman's Circle"
    tab.tier_table.item(0, 1).setText("130%")
    assert _store(context).session.get(RecognitionTier, chairman.id).threshold == 1.3
    for _ in range(3):
        context.undo_stack.undo()
    assert _store(context).session.get(RecognitionTier, chairman.id).name == "Chairman's Club"
    assert len(tab.data.by_tier[chairman.id]) == before


def test_attainment_import(qtbot, view: KickoffView, context: AppContext,  # noqa: ANN001
                           tmp_path: Path, accept_previews: list) -> None:
    view.tabs.setCurrentIndex(4)
    path = write_csv(tmp_path / "attain.csv", [["Rep", "Attainment"], ["Ava Chen", "1.3"],
                                          ["Ava Chen", "90%"], ["Ghost", "100%"]])
    rows = si.read_sheet(path)
    assert view.review_import("attainment", path, rows)
    text = accept_previews[-1].report.toPlainText()
    assert "Ava Chen: 1.3 → 130% of plan" in text and "duplicate: Ava Chen" in text
    ava = _person(context, "Ava Chen")
    assert view.recognition.data.attainment[ava] == pytest.approx(1.3)


# ----- follow-through ----------------------------------------------------------------------------


def test_success_grid_measures(qtbot, view: KickoffView, context: AppContext) -> None:  # noqa: ANN001
    view.tabs.setCurrentIndex(5)
    tab = view.follow
    texts = [tab.grid.item(r, 0).text() for r in range(tab.grid.rowCount())]
    assert texts[0] == "Immediate · 0–7 days" and "Long term · 2–12 months" in texts
    tab.select_metric("CRM feature adoption")
    row = tab.grid.currentRow()
    assert tab.grid.item(row, 3).text() == "behind" and tab.grid.item(row, 2).text() == "71%"
    _type(qtbot, tab.measure_value, "84")
    metric = tab.current_metric()
    assert metric is not None and metric.latest == 84 and metric.status == "met"
    row = tab.grid.currentRow()
    assert tab.grid.item(row, 3).text() == "met"
    assert len(list(_store(context).session.scalars(select(MetricMeasure).where(
        MetricMeasure.metric_id == metric.id)))) == 3
    _type(qtbot, tab.metric_target, "ninety")
    assert "must be a number" in view.banner.text()
    context.undo_stack.undo()
    assert tab.current_metric().status == "behind"  # type: ignore[union-attr]


def test_check_ins_and_first_30_days(qtbot, view: KickoffView, context: AppContext) -> None:  # noqa: ANN001
    view.tabs.setCurrentIndex(5)
    tab = view.follow
    tab.inner.setCurrentIndex(1)
    first = tab.data.check_ins[0]
    notes = tab.check_in_notes[first.id]
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Certification at 88%")
    qtbot.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _store(context).session.get(CheckIn, first.id).notes == "Certification at 88%"
    context.undo_stack.undo()
    assert _store(context).session.get(CheckIn, first.id).notes.startswith("Discovery calls")

    tab.inner.setCurrentIndex(2)
    tab.select_rep("Ava Chen")
    ava = _person(context, "Ava Chen")
    edit = tab.plan_edits["week1_focus"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Acme, Initech, Globex")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    plan = _store(context).session.scalars(select(First30Plan).where(
        First30Plan.person_id == ava, First30Plan.offsite_id == view.offsite_id)).one()
    assert plan.week1_focus == "Acme, Initech, Globex"
    index = tab.partner_box.findText("Zoe Adeyemi")
    tab.partner_box.setCurrentIndex(index)
    tab.partner_box.activated.emit(index)
    assert plan.partner_id == _person(context, "Zoe Adeyemi")
    assert "has not named Ava Chen" in tab.partner_note.text()
    assert tab.partner_box.findText("Ava Chen") == -1  # nobody partners themselves
    context.undo_stack.undo()
    context.undo_stack.undo()
    plan = _store(context).session.scalars(select(First30Plan).where(
        First30Plan.person_id == ava, First30Plan.offsite_id == view.offsite_id)).one()
    assert plan.week1_focus.startswith("Three conversations")


def test_fresh_kickoff_check_ins_are_generated(qtbot, context: AppContext) -> None:  # noqa: ANN001
    widget = _show(qtbot, context)
    new_id = widget.create_kickoff()
    assert new_id is not None
    store = _store(context)
    with store.edit() as s:  # a date for the kickoff
        import datetime as dt

        from keeper.store.models import Offsite

        s.get(Offsite, new_id).date = dt.date(2027, 1, 26)  # type: ignore[union-attr]
    widget.reload()
    widget.tabs.setCurrentIndex(5)
    widget.follow.inner.setCurrentIndex(1)
    qtbot.mouseClick(widget.follow.generate_button, Qt.MouseButton.LeftButton)
    labels = [c.label for c in widget.follow.data.check_ins]
    assert labels == ["30-day checkpoint", "60-day checkpoint", "90-day checkpoint"]
    assert len(widget.follow.check_in_notes) == 3


def test_read_only_file_changes_nothing(qtbot, demo_path: Path, clock: FakeClock) -> None:  # noqa: ANN001
    ctx = AppContext(clock=clock)
    ctx.set_store(OffsiteStore.open(demo_path, read_only=True))
    try:
        assert ctx.store is not None
        ctx.set_offsite(so.kickoffs(ctx.store)[0][0])
        widget = _show(qtbot, ctx)
        assert "read-only" in widget.title_label.text()
        assert not widget.look_back.goal_edit.isEnabled()
        widget.tabs.setCurrentIndex(1)
        assert not widget.audit.agenda_button.isEnabled()
        assert widget.audit.set_cell(0, 0, "5") is False
        assert "read-only" in widget.banner.text()
    finally:
        ctx.set_store(None)


def test_view_survives_context_without_a_file(qtbot) -> None:  # noqa: ANN001
    ctx = AppContext(clock=FakeClock())
    widget = _show(qtbot, ctx)
    assert widget.pages.currentIndex() == 0 and not widget.create_button.isEnabled()
    assert view_module.KICKOFF_TEMPLATE == "sales-kickoff-2-days"
