"""Sessions & plan view: entering each kind of data through the widgets, checked in the file."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from sqlalchemy import select

from keeper.clock import FakeClock
from keeper.store.models import (
    AgendaItem,
    BestPractice,
    Charter,
    Feedback,
    Okr,
    OkrKind,
    Person,
    Question,
    Reflection,
    Tactic,
    TacticUpdate,
)
from keeper.store.offsite_file import OffsiteStore
from tests.ui.showing import shown
from ui.context import AppContext
from ui.day.view import DayView
from ui.widgets import Banner


@pytest.fixture
def view(qtbot, context: AppContext) -> DayView:  # noqa: ANN001
    return shown(qtbot, DayView(context))


def store_of(context: AppContext) -> OffsiteStore:
    assert context.store is not None
    context.store.session.expire_all()
    return context.store


def pid(context: AppContext, name: str) -> int:
    return store_of(context).session.scalars(select(Person.id).where(Person.name == name)).one()


def rows(context: AppContext, model: type, *where: object) -> list:  # noqa: ANN401
    return list(store_of(context).session.scalars(select(model).where(*where)))


def type_into(qtbot, widget: QWidget, text: str, clear: bool = True) -> None:  # noqa: ANN001
    widget.setFocus()
    if clear:
        widget.selectAll() if hasattr(widget, "selectAll") else None
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def ctrl_enter(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as a user would (activated, not just currentIndexChanged)."""
    at = combo.findData(data)
    assert at >= 0
    combo.setCurrentIndex(at)
    combo.activated.emit(at)


def test_building_the_view_opens_no_window_of_its_own(qtbot, context: AppContext) -> None:  # noqa: ANN001
    """The feedback tab's privacy banner was shown before it had a parent: it opened as a
    window of its own for a moment while the view was built, just after a file opened,
    and took the keyboard away from the main window."""
    windows: list[str] = []

    class WindowsShown(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                    and watched.isWindow()):
                windows.append(type(watched).__name__)
            return False

    spy = WindowsShown()
    QApplication.instance().installEventFilter(spy)
    try:
        widget = DayView(context)
    finally:
        QApplication.instance().removeEventFilter(spy)
    qtbot.addWidget(widget)
    assert windows == []
    widget.show()
    widget.show_tab(4)
    privacy = [b for b in widget.feedback.findChildren(Banner) if b.text().startswith("Private")]
    assert len(privacy) == 1 and privacy[0].isVisible() and not privacy[0].isWindow()


# ----- OKR postmortem -------------------------------------------------------------------


def test_edit_an_okr_and_undo(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    tab = view.okr
    first = view.data.review_okrs[0]
    assert tab.editing_id == first.id and tab.objective.text() == first.objective
    type_into(qtbot, tab.result, "4 of 6 months")
    qtbot.mouseClick(tab.hit, Qt.MouseButton.LeftButton)
    type_into(qtbot, tab.floor, "SDRs came back in June")
    ctrl_enter(qtbot, tab.floor)
    okr = store_of(context).session.get(Okr, first.id)
    assert (okr.result, okr.hit, okr.on_the_floor) == ("4 of 6 months", True,
                                                       "SDRs came back in June")
    assert "✓ 1." in tab.review_list.item(0).text()
    context.undo_stack.undo()
    okr = store_of(context).session.get(Okr, first.id)
    assert (okr.result, okr.hit) == ("3 of 6 months", False)
    assert tab.result.text() == "3 of 6 months"


def test_add_okr_needs_an_objective(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    tab = view.okr
    before = len(rows(context, Okr, Okr.offsite_id == context.offsite_id))
    qtbot.mouseClick(tab.add_review, Qt.MouseButton.LeftButton)
    assert tab.editor_title.text() == "New OKR to review"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert view.message.isVisible() and "needs an objective" in view.message.text()
    assert len(rows(context, Okr, Okr.offsite_id == context.offsite_id)) == before
    type_into(qtbot, tab.objective, "Win rate above 25%")
    type_into(qtbot, tab.target, "25%")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    new = rows(context, Okr, Okr.objective == "Win rate above 25%")
    assert len(new) == 1 and new[0].kind == "review" and new[0].target == "25%"
    assert tab.editing_id == new[0].id
    # the agenda no longer matches: five OKRs, four timeboxes
    assert tab.timebox_state.isVisible() and "does not match" in tab.timebox_state.text()
    qtbot.mouseClick(tab.timebox_button, Qt.MouseButton.LeftButton)
    item = store_of(context).session.get(AgendaItem, new[0].agenda_item_id)
    assert item is not None and item.planned_minutes == 12
    assert item.title == "OKR postmortem 5: Win rate above 25%"
    assert "In the agenda: 5 postmortems of 12 minutes" in tab.timebox_state.text()


def test_delete_then_carry_forward(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    tab = view.okr
    assert not tab.carry_button.isEnabled()
    tab.review_list.setCurrentRow(1)
    removed = tab.editing_id
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert store_of(context).session.get(Okr, removed) is None
    assert tab.carry_button.isEnabled() and "(1)" in tab.carry_button.text()
    qtbot.mouseClick(tab.carry_button, Qt.MouseButton.LeftButton)
    review = rows(context, Okr, Okr.offsite_id == context.offsite_id, Okr.kind == "review")
    assert len(review) == 4
    assert not tab.carry_button.isEnabled()
    context.undo_stack.undo()
    assert len(rows(context, Okr, Okr.offsite_id == context.offsite_id,
                    Okr.kind == "review")) == 3


def test_next_period_okr(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    tab = view.okr
    qtbot.mouseClick(tab.add_next, Qt.MouseButton.LeftButton)
    assert not tab.result.isVisible()  # a next-period OKR has no result yet
    type_into(qtbot, tab.objective, "Net revenue retention 110%")
    type_into(qtbot, tab.target, "110%")
    qtbot.keyClick(tab.target, Qt.Key.Key_Return)  # Enter in a one-line field saves
    okr = rows(context, Okr, Okr.kind == "next", Okr.offsite_id == context.offsite_id)
    assert [(o.objective, o.target) for o in okr] == [("Net revenue retention 110%", "110%")]
    assert tab.next_list.count() == 1 and "110%" in tab.next_list.item(0).text()


# ----- questions -----------------------------------------------------------------------


def test_questions_and_the_four_to_five_flag(qtbot, view: DayView,  # noqa: ANN001
                                             context: AppContext) -> None:
    view.show_tab(1)
    tab = view.questions
    assert "right number" in tab.flag.text()
    for n in (5, 6):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        type_into(qtbot, tab.text, f"Question {n}? ")
        tab.text.insertPlainText("مرحبا 👋")  # pasted: RTL and emoji
        type_into(qtbot, tab.answers, f"Answer {n}")
        ctrl_enter(qtbot, tab.answers)
    texts = [q.text for q in rows(context, Question, Question.offsite_id == context.offsite_id)]
    assert texts[-2:] == ["Question 5? مرحبا 👋", "Question 6? مرحبا 👋"]
    assert tab.flag.kind == "warn" and "6 questions" in tab.flag.text()
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "right number" in tab.flag.text()


def test_question_list_keys_move_and_delete(qtbot, view: DayView,  # noqa: ANN001
                                            context: AppContext) -> None:
    view.show_tab(1)
    tab = view.questions

    def order() -> list[int]:
        found = rows(context, Question, Question.offsite_id == context.offsite_id)
        return [q.id for q in sorted(found, key=lambda q: q.position)]

    first, second, *rest = order()
    tab.list.setCurrentRow(0)
    tab.list.setFocus()
    type_into(qtbot, tab.answers, "Typed, not saved yet")
    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert order() == [second, first, *rest]
    assert store_of(context).session.get(Question, first).answers == "Typed, not saved yet"
    assert tab.editing_id == first and tab.list.currentRow() == 1  # still on the moved one
    qtbot.keyClick(tab.list, Qt.Key.Key_Delete)
    assert order() == [second, *rest]
    assert tab.editing_id != first
    context.undo_stack.undo()
    assert order() == [second, first, *rest]


def test_switching_tabs_keeps_what_was_typed(qtbot, view: DayView,  # noqa: ANN001
                                             context: AppContext) -> None:
    view.show_tab(1)
    tab = view.questions
    question_id = tab.editing_id
    type_into(qtbot, tab.answers, "Hire ahead of need")
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentIndex() == 0
    assert store_of(context).session.get(Question, question_id).answers == "Hire ahead of need"


# ----- best practices ------------------------------------------------------------------


def test_choose_presenters_and_strength(qtbot, view: DayView,  # noqa: ANN001
                                        context: AppContext) -> None:
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentIndex() == 2
    tab = view.talks
    card = tab.cards[1]
    jane, tommy = pid(context, "Jane Alvarez"), pid(context, "Tommy Becker")
    choose(card.presenter, jane)
    talk = view.data.talks[1]
    assert talk.presenter_id == jane
    assert store_of(context).session.get(AgendaItem, talk.agenda_item_id).presenter_id == jane
    type_into(qtbot, card.strength, "Getting reps bought into the strategy")
    qtbot.keyClick(card.strength, Qt.Key.Key_Return)
    bp = rows(context, BestPractice, BestPractice.offsite_id == context.offsite_id,
              BestPractice.position == 1)
    assert bp[0].strength == "Getting reps bought into the strategy"
    assert "Jane, compared to other managers" in card.ask.text()
    # Tommy presents talk 3: choosing him for talk 1 is refused and explained
    choose(tab.cards[0].presenter, tommy)
    assert "already presents talk 3" in view.message.text()
    assert view.data.talks[0].presenter_name == "John Park"
    assert tab.cards[0].presenter.currentData() == view.data.talks[0].presenter_id


def test_use_suggestions_fills_empty_talks(qtbot, view: DayView,  # noqa: ANN001
                                           context: AppContext) -> None:
    tab = view.talks
    view.show_tab(2)
    qtbot.mouseClick(tab.cards[0].clear_button, Qt.MouseButton.LeftButton)
    assert view.data.talks[0].presenter_id is None
    assert tab.fill_button.isEnabled()
    qtbot.mouseClick(tab.fill_button, Qt.MouseButton.LeftButton)
    # the only manager not presenting today is Jane: suggested and chosen
    assert view.data.talks[0].presenter_name == "Jane Alvarez"
    context.undo_stack.undo()
    assert view.data.talks[0].presenter_id is None


# ----- reflections and gratitude ---------------------------------------------------------


def test_reflections_and_gratitude(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    view.show_tab(3)
    tab = view.reflections
    priya = pid(context, "Priya Raman")
    from ui.day.widgets import select_id

    select_id(tab.people, priya)
    assert tab.name.text() == "Priya Raman"
    type_into(qtbot, tab.reflection_boxes[0], "Renewals are a pipeline")
    type_into(qtbot, tab.reflection_boxes[1], "Hire ahead of need")
    type_into(qtbot, tab.gratitude, "Thank you for carrying the mid-market quarter.")
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    texts = [r.text for r in rows(context, Reflection, Reflection.person_id == priya,
                                  Reflection.offsite_id == context.offsite_id)]
    assert texts == ["Renewals are a pipeline", "Hire ahead of need"]
    assert view.data.gratitude[priya] == "Thank you for carrying the mid-market quarter."
    assert tab.person_id != priya  # moved on to the next person
    assert "2 reflections · ✓ note" in tab.people.item(
        [p.id for p in view.data.people].index(priya)).text()
    context.undo_stack.undo()
    assert rows(context, Reflection, Reflection.person_id == priya) == []


# ----- Start / Stop / Continue --------------------------------------------------------------


def test_feedback_grid_quick_entry(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    view.show_tab(4)
    tab = view.feedback
    elena, dana = pid(context, "Elena Fischer"), pid(context, "Dana Whitfield")
    ids = [p.id for p in view.data.people]
    assert tab.cell_state_at(elena, dana) == "missing"
    assert tab.counts.text().startswith("1 of 56 pairs complete")
    rect = tab.grid.visualItemRect(tab.grid.item(ids.index(elena), ids.index(dana)))
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (tab.giver_id, tab.receiver_id) == (elena, dana)
    assert tab.pair_title.text() == "Elena Fischer → Dana Whitfield"
    type_into(qtbot, tab.boxes["start"], "Delegating the agenda")
    ctrl_enter(qtbot, tab.boxes["start"])
    assert tab.cell_state_at(elena, dana) == "partial"
    type_into(qtbot, tab.boxes["stop"], "Rescheduling our 1:1s")
    type_into(qtbot, tab.boxes["continue"], "Running a calm offsite")
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.cell_state_at(elena, dana) == "complete"
    given = {f.kind: f.text for f in rows(context, Feedback, Feedback.giver_id == elena,
                                          Feedback.receiver_id == dana)}
    assert given == {"start": "Delegating the agenda", "stop": "Rescheduling our 1:1s",
                     "continue": "Running a calm offsite"}
    assert tab.counts.text().startswith("2 of 56 pairs complete")
    assert (tab.giver_id, tab.receiver_id) != (elena, dana)  # on to the next missing pair
    item = tab.grid.item(ids.index(elena), ids.index(dana))
    assert item.background().color().name() == "#cdebd3"
    context.undo_stack.undo()
    assert tab.cell_state_at(elena, dana) == "partial"
    # the per-person sheet
    tab.show_sheet_for_column(ids.index(pid(context, "Tommy Becker")))
    sheet = tab.sheet.toPlainText()
    assert "Feedback for Tommy Becker" in sheet
    assert "Coaching new reps through their first deals." in sheet
    assert "Not yet from:" in sheet


def test_feedback_is_never_presented(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    presented: list[object] = []
    context.audience.changed.connect(lambda: presented.append(True))
    view.show_tab(4)
    tab = view.feedback
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    tab.show_sheet_for_column(0)
    QApplication.processEvents()
    assert presented == []
    assert all(not w.isWindow() or w is view for w in [tab, tab.sheet, tab.grid])


# ----- charter and operating plan ------------------------------------------------------------


def test_charter_plan_and_check_in(qtbot, view: DayView, context: AppContext) -> None:  # noqa: ANN001
    view.show_tab(5)
    tab = view.plan
    type_into(qtbot, tab.charter["what_went_wrong"], "We hired too late.")
    ctrl_enter(qtbot, tab.charter["what_went_wrong"])
    assert store_of(context).session.get(
        Charter, context.offsite_id).what_went_wrong == "We hired too late."

    hiring = next(i for i in view.data.initiatives if i.title == "Hiring & ramp")
    assert hiring.flags
    top = next(tab.tree.topLevelItem(n) for n in range(tab.tree.topLevelItemCount())
               if tab.tree.topLevelItem(n).text(0).startswith("Hiring & ramp"))
    assert top.child(0).text(0).startswith("⚠")
    tab.tree.setCurrentItem(top)
    for text in ("Sourcing budget per quarter", "Hiring dashboard in the Monday call"):
        type_into(qtbot, tab.new_tactic, text)
        qtbot.keyClick(tab.new_tactic, Qt.Key.Key_Return)
    tactics = [t.text for t in rows(context, Tactic, Tactic.plan_initiative_id == hiring.id)]
    assert len(tactics) == 7 and tactics[-1] == "Hiring dashboard in the Monday call"
    hiring = next(i for i in view.data.initiatives if i.id == hiring.id)
    assert hiring.flags == ()
    top = next(tab.tree.topLevelItem(n) for n in range(tab.tree.topLevelItemCount())
               if tab.tree.topLevelItem(n).text(0).startswith("Hiring & ramp"))
    assert not top.child(0).text(0).startswith("⚠")

    # owner and status
    choose(tab.owner, pid(context, "Priya Raman"))
    assert view.data.initiatives[1].owner_name == "Priya Raman"
    top = next(tab.tree.topLevelItem(n) for n in range(tab.tree.topLevelItemCount())
               if tab.tree.topLevelItem(n).text(0).startswith("Hiring & ramp"))
    assert "Owner: Priya Raman" in top.text(0)
    tab.tree.setCurrentItem(top.child(0))
    tactic_id = hiring.tactics[0].id
    choose(tab.status, "at risk")
    assert store_of(context).session.get(Tactic, tactic_id).status == "at risk"
    assert tab.tree.currentItem().text(1) == "at risk"  # the selection survives the reload

    # record the first check-in
    tab.check_in_box.check_ins.setCurrentRow(0)
    dialog = tab.check_in_box.open_check_in()
    assert dialog is not None
    choose(dialog.combos[tactic_id], "off track")
    type_into(qtbot, dialog.notes, "Lost a recruiter")
    dialog.accept()
    updates = rows(context, TacticUpdate, TacticUpdate.tactic_id == tactic_id)
    assert [u.status for u in updates] == ["off track"]
    assert store_of(context).session.get(Tactic, tactic_id).status == "off track"
    assert "recorded" in tab.check_in_box.check_ins.item(0).text()
    context.undo_stack.undo()
    assert rows(context, TacticUpdate) == []


def test_read_only_file_cannot_be_edited(qtbot, demo_path: Path, clock: FakeClock) -> None:  # noqa: ANN001
    ctx = AppContext(clock=clock)
    ctx.set_store(OffsiteStore.open(demo_path, read_only=True))
    try:
        view = DayView(ctx)
        qtbot.addWidget(view)
        assert not view.okr.add_review.isEnabled()
        assert view.okr.objective.isReadOnly()
        assert not view.talks.cards[0].presenter.isEnabled()
        assert not view.feedback.save_button.isEnabled()
        assert view.plan.charter["what_we_will_do"].isReadOnly()
        assert "read-only" in view.subheader.text()
    finally:
        ctx.set_store(None)


def test_a_question_goes_on_the_projector_without_its_answers(view, context, qtbot) -> None:
    from ui.day.projector import TextSlide
    from ui.day.questions_tab import QuestionsTab

    questions_tab = view.findChild(QuestionsTab)
    questions_tab.list.setCurrentRow(1)
    questions_tab.project_button.click()
    assert context.audience.key == "question"
    slide = context.audience.factory(None)
    qtbot.addWidget(slide)
    assert isinstance(slide, TextSlide)
    assert slide.text.startswith("How can we increase our top-of-funnel")
    assert slide.caption == "North-star question 2 of 4"
    answers = questions_tab.data.questions[1].answers
    assert answers and answers not in slide.text
    slide.resize(1280, 720)
    image = slide.grab().toImage()
    assert image.pixelColor(5, 5).name() == "#0b0c10"


def test_the_okr_under_review_goes_on_the_projector_without_the_rooms_words(
        view, context, qtbot) -> None:  # noqa: ANN001
    from keeper.day.slides import POSTMORTEM_PROMPTS
    from ui.day.projector import TextSlide

    tab = view.okr
    tab.review_list.setCurrentRow(0)
    okr = tab.data.review_okrs[0]
    assert tab.project_button.isEnabled()
    tab.project_button.click()
    assert context.audience.key == "okr"
    slide = context.audience.factory(None)
    qtbot.addWidget(slide)
    assert isinstance(slide, TextSlide)
    count = len(tab.data.review_okrs)
    assert slide.caption == f"OKR postmortem 1 of {count} · {okr.verdict}"
    assert slide.text == okr.objective
    assert f"Target: {okr.target}" in slide.lines[0] and f"Result: {okr.result}" in slide.lines[0]
    assert all(prompt in slide.lines[-1] for prompt in POSTMORTEM_PROMPTS)
    shown = " ".join([slide.caption, slide.text, *slide.lines])
    for said in (okr.went_well, okr.went_badly, okr.on_the_floor):
        assert said and said not in shown  # what the room says stays on the laptop
    slide.resize(1280, 720)
    image = slide.grab().toImage()
    assert image.pixelColor(5, 5).name() == "#0b0c10"
    tab.start_new(OkrKind.NEXT)  # next period's OKRs are set today, not reviewed
    assert not tab.project_button.isEnabled()


def test_the_slide_on_the_projector_follows_the_okrs_verdict(view, context, qtbot) -> None:  # noqa: ANN001
    tab = view.okr
    tab.review_list.setCurrentRow(1)
    okr = tab.data.review_okrs[1]
    tab.project_button.click()
    first = context.audience.factory
    tab.undecided.setChecked(True)  # the room has not decided after all
    assert tab.save()
    assert context.audience.factory is not first  # shown again, from the saved row
    slide = context.audience.factory(None)
    qtbot.addWidget(slide)
    assert slide.caption == f"OKR postmortem 2 of {len(tab.data.review_okrs)}"
    assert slide.text == okr.objective
    unchanged = context.audience.factory
    view.reload()  # nothing on the slide changed: it is not rebuilt
    assert context.audience.factory is unchanged
    context.audience.present_timer()  # the projector moved on: later edits leave it there
    tab.hit.setChecked(True)
    assert tab.save()
    assert context.audience.key == "timer"


def test_feedback_column_headers_are_never_cut(qtbot, view: DayView) -> None:  # noqa: ANN001
    view.show_tab(4)
    tab = view.feedback
    header = tab.grid.horizontalHeader()
    names = [p.name for p in view.data.people]
    for width in (1280, 1920, 900):
        view.resize(width, 800)
        qtbot.wait(20)
        shown = [tab.grid.horizontalHeaderItem(c).text() for c in range(len(names))]
        for column, text in enumerate(shown):
            assert header.fontMetrics().horizontalAdvance(text) <= \
                header.sectionSize(column) - 12, (width, text)
            assert tab.grid.horizontalHeaderItem(column).toolTip() == names[column]
        assert all(names[c].startswith(shown[c].rstrip(".")) or shown[c].isupper()
                   for c in range(len(names)))
