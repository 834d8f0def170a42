"""North-star questions: 4–5 strategic questions and the room's answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QListWidget, QSplitter, QVBoxLayout, QWidget

from keeper import day as day_ops
from keeper.day import QUESTIONS_MAX, QUESTIONS_MIN, DayData, DayError, QuestionRow
from ui.day.base import Host, Tab
from ui.day.widgets import (
    SAVE_KEYS,
    Banner,
    DirtyTracker,
    TextBox,
    button,
    current_id,
    field_label,
    fill_list,
    heading,
    hint,
    ids_in,
    moved,
    row,
    select_id,
)


def question_line(number: int, question: QuestionRow) -> str:
    state = "answered" if question.answers else "no answers yet"
    return f"{number}. {question.text}\n     {state}"


class QuestionsTab(Tab):
    title = "North-star questions"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.data: DayData | None = None
        self.editing_id: int | None = None
        self.tracker = DirtyTracker(self)

        self.flag = Banner()
        self.list = QListWidget()
        self.list.setAccessibleName("North-star questions")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._picked())
        QShortcut(QKeySequence("Delete"), self.list, self.delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self.move(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self.move(1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.add_button = button("&Add question", self.start_new, tip="Add a question",
                                 shortcut="Alt+A")
        self.delete_button = button("Delete", self.delete_current, name="Delete question",
                                    tip="Delete the selected question (Delete)")
        self.up_button = button("▲", lambda: self.move(-1), tip="Move up (Alt+Up)",
                                name="Move question up")
        self.down_button = button("▼", lambda: self.move(1), tip="Move down (Alt+Down)",
                                  name="Move question down")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(heading("Questions"))
        left_layout.addWidget(hint(f"{QUESTIONS_MIN} or {QUESTIONS_MAX} strategic questions "
                                   "about what the postmortem showed; about an hour to answer "
                                   "them as a team."))
        left_layout.addWidget(self.flag)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(row(self.add_button, self.delete_button, self.up_button,
                                  self.down_button, stretch_at=4))

        self.editor_title = heading("Question")
        self.text = TextBox("e.g. Why are we missing on staffing, and what can we do about it?",
                            "Question", lines=3)
        self.answers = TextBox("What the room answered: decisions, owners, next steps",
                               "Answers", lines=12)
        self.tracker.watch(self.text, self.answers)
        self.tracker.changed.connect(lambda _d: self._update_buttons())
        self.text.submitted.connect(self.save)
        self.answers.submitted.connect(self.save)
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
        editor_layout.addLayout(row(hint(f"{SAVE_KEYS} saves"), self.revert_button,
                                    self.save_button, stretch_at=1))
        QShortcut(QKeySequence("Ctrl+Return"), self.editor, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
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

    def _picked(self) -> None:
        question_id = current_id(self.list)
        if question_id is None or question_id == self.editing_id:
            return
        self.save_pending()
        self._load(self._question(question_id))

    def save(self) -> bool:
        if self.data is None or self.data.offsite_id is None or not self.host.editable:
            return False
        try:
            if self.editing_id is None:
                op: Any = day_ops.add_question(self.host.store_for_ops(), self.data.offsite_id,
                                               self.text.text(), self.answers.text())
            else:
                op = day_ops.edit_question(self.editing_id, self.text.text(),
                                           self.answers.text())
        except DayError as exc:
            self.host.say(str(exc), "error")
            self.text.setFocus()
            return False
        self.tracker.clear()
        is_new = self.editing_id is None
        if not self.host.run(op, "Saving the question"):
            return False
        if is_new:
            self.editing_id = op.key.get("id")
            self.host.reload()
        return True

    def save_pending(self) -> None:
        if self.tracker.dirty:
            self.save()

    def revert(self) -> None:
        self.tracker.clear()
        self._load(self._question(self.editing_id))

    def start_new(self) -> None:
        self.save_pending()
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._load(None)
        self.text.setFocus()

    def delete_current(self) -> None:
        if self.editing_id is None or not self.host.editable:
            return
        question_id, self.editing_id = self.editing_id, None
        self.tracker.clear()
        self.host.run(day_ops.delete_question(question_id), "Deleting the question")

    def move(self, step: int) -> None:
        if self.editing_id is None or not self.host.editable:
            return
        self.save_pending()
        order = moved(ids_in(self.list), self.editing_id, step)
        if order is not None:
            self.host.run(day_ops.reorder_questions(order), "Reordering questions")
