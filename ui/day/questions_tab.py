"""North-star questions: 4–5 strategic questions and the room's answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QListWidget, QVBoxLayout, QWidget

from keeper import day as day_ops
from keeper.day import QUESTIONS_MAX, QUESTIONS_MIN, DayData, QuestionRow
from keeper.day.slides import Slide, question_slide
from ui.day.base import Host, RecordTab
from ui.day.projector import SlideOnProjector
from ui.day.widgets import (
    SAVE_KEYS,
    TextBox,
    current_id,
    deselect,
    field_label,
    fill_list,
    ids_in,
    list_keys,
    move_buttons,
    row,
    save_row,
    select_id,
    side_column,
)
from ui.widgets import Banner, button, heading, hint


def question_line(number: int, question: QuestionRow) -> str:
    state = "answered" if question.answers else "no answers yet"
    return f"{number}. {question.text}\n     {state}"


class QuestionsTab(RecordTab):
    title = "North-star questions"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.flag = Banner()
        self.list = QListWidget()
        self.list.setAccessibleName("North-star questions")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._picked())
        list_keys(self.list, self.delete_current, self.move)
        self.add_button = button("&Add question", self.start_new, tip="Add a question",
                                 shortcut="Alt+A")
        self.delete_button = button("Delete", self.delete_current, name="Delete question",
                                    tip="Delete the selected question (Delete)")
        self.up_button, self.down_button = move_buttons(self.move, "question")
        self.on_projector = SlideOnProjector(host, "question", self._slide)
        self.project_button = button("Show on &projector", self.show_on_projector,
                                     tip="The selected question, large, on the audience "
                                         "screen; answers stay here (Ctrl+Shift+P)",
                                     shortcut="Ctrl+Shift+P")
        left = side_column(
            heading("Questions"),
            hint(f"{QUESTIONS_MIN} or {QUESTIONS_MAX} strategic questions about what the "
                 "postmortem showed; about an hour to answer them as a team."),
            self.flag, (self.list, 1),
            row(self.add_button, self.delete_button, self.up_button, self.down_button,
                stretch_at=4),
            self.project_button)

        self.editor_title = heading("Question")
        self.text = TextBox("e.g. Why are we missing on staffing, and what can we do about it?",
                            "Question", lines=3)
        self.answers = TextBox("What the room answered: decisions, owners, next steps",
                               "Answers", lines=12)
        self.save_button = button("Save", self.save, primary=True, name="Save question")
        self.save_button.setToolTip(f"Save the question and answers ({SAVE_KEYS})")
        self.revert_button = button("Revert", self.revert, name="Revert question",
                                    tip="Throw away the unsaved changes")
        self.editor = QGroupBox()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(field_label("&Question", self.text))
        editor_layout.addWidget(self.text)
        editor_layout.addWidget(field_label("The room's a&nswers", self.answers))
        editor_layout.addWidget(self.answers, 1)
        editor_layout.addLayout(save_row(self.revert_button, self.save_button))
        self.watch_form(self.editor, self.text, self.answers, on_dirty=self._update_buttons)
        self.split(left, self.editor)

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        self.on_projector.follow()
        flag = data.questions_flag
        self.flag.show_message(flag, "warn")
        if not flag and data.questions:
            self.flag.show_message(f"{len(data.questions)} questions: the right number.", "ok")
        fill_list(self.list, [(q.id, question_line(n, q)) for n, q in
                              enumerate(data.questions, 1)], self.editing_id,
                  empty="No questions yet: Add question (Alt+A).")
        self.add_button.setEnabled(editable)
        self.text.setReadOnly(not editable)
        self.answers.setReadOnly(not editable)
        question = self._question(self.editing_id)
        if self.editing_id is not None and question is None:
            self.editing_id = None
        if not self.tracker.dirty:
            if question is None and self.editing_id is None and data.questions:
                question = data.questions[0]
                select_id(self.list, question.id)
            self._load(question)
        self._update_buttons()

    def _question(self, question_id: int | None) -> QuestionRow | None:
        if self.data is None or question_id is None:
            return None
        return next((q for q in self.data.questions if q.id == question_id), None)

    def _load(self, question: QuestionRow | None) -> None:
        with self.tracker.loading():
            self.editing_id = question.id if question else None
            self.text.set_text(question.text if question else "")
            self.answers.set_text(question.answers if question else "")
        self.tracker.clear()
        if question is None:
            self.editor_title.setText("New question")
        else:
            number = self.data.questions.index(question) + 1 if self.data else 1
            self.editor_title.setText(f"Question {number}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.host.editable
        selected = self.editing_id is not None
        self.save_button.setEnabled(editable and (self.tracker.dirty or not selected))
        self.revert_button.setEnabled(self.tracker.dirty)
        for widget in (self.delete_button, self.up_button, self.down_button):
            widget.setEnabled(editable and selected)
        self.project_button.setEnabled(selected)

    def show_on_projector(self) -> None:
        self.on_projector.show(self.editing_id)

    def _slide(self, question_id: int) -> Slide | None:
        question = self._question(question_id)
        if question is None or self.data is None:
            return None
        return question_slide(self.data.questions.index(question) + 1,
                              len(self.data.questions), question.text)

    def _picked(self) -> None:
        question_id = current_id(self.list)
        if question_id is None or question_id == self.editing_id:
            return
        self.save_pending()
        self._load(self._question(question_id))

    def save(self) -> bool:
        def build() -> Any:
            assert self.data is not None and self.data.offsite_id is not None
            if self.editing_id is None:
                return day_ops.add_question(self.host.store_for_ops(), self.data.offsite_id,
                                            self.text.text(), self.answers.text())
            return day_ops.edit_question(self.editing_id, self.text.text(), self.answers.text())

        return self.save_record(build, "Saving the question", self.text)

    def revert(self) -> None:
        self.tracker.clear()
        self._load(self._question(self.editing_id))

    def start_new(self) -> None:
        self.save_pending()
        deselect(self.list)
        self._load(None)
        self.text.setFocus()

    def delete_current(self) -> None:
        self.delete_record(day_ops.delete_question, "Deleting the question")

    def move(self, step: int) -> None:
        self.move_record(ids_in(self.list), step, day_ops.reorder_questions,
                         "Reordering questions")
