"""The north-star questions (the guide asks for 4 or 5) and their answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from keeper.day.edits import SetPositions, next_position
from keeper.day.fields import (
    OBJECTIVE_MAX,
    TEXT_MAX,
    require_changes,
    required_text,
    text_or_none,
)
from keeper.ops import DeleteRows, InsertRow, SetFields
from keeper.store.models import Question
from keeper.store.offsite_file import OffsiteStore

QUESTIONS_MIN, QUESTIONS_MAX = 4, 5


@dataclass(frozen=True)
class QuestionRow:
    id: int
    position: int
    text: str
    answers: str | None


def questions_flag(count: int) -> str | None:
    """The guide asks for 4 or 5 north-star questions."""
    if count < QUESTIONS_MIN:
        more = QUESTIONS_MIN - count
        return (f"{count} question{'s' if count != 1 else ''}: the guide asks for "
                f"{QUESTIONS_MIN}–{QUESTIONS_MAX}; add {more} more.")
    if count > QUESTIONS_MAX:
        return (f"{count} questions: the guide asks for {QUESTIONS_MIN}–{QUESTIONS_MAX}; "
                "an hour will not answer them all. Merge or drop some.")
    return None


def load_questions(store: OffsiteStore, offsite_id: int) -> list[QuestionRow]:
    return [QuestionRow(q.id, q.position, q.text, q.answers) for q in
            store.session.scalars(select(Question)
                                  .where(Question.offsite_id == offsite_id)
                                  .order_by(Question.position, Question.id))]


def add_question(store: OffsiteStore, offsite_id: int, text: str,
                 answers: str | None = None) -> InsertRow:
    clean = required_text(text, OBJECTIVE_MAX, "Type the question first.")
    position = next_position(store, Question, Question.offsite_id == offsite_id)
    return InsertRow(Question, {"offsite_id": offsite_id, "position": position, "text": clean,
                                "answers": text_or_none(answers, TEXT_MAX)}, "Add question")


def edit_question(question_id: int, text: str | None = None,
                  answers: str | None = None) -> SetFields:
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = required_text(text, OBJECTIVE_MAX,
                                       "A question cannot be empty; delete it instead.")
    if answers is not None:
        values["answers"] = text_or_none(answers, TEXT_MAX)
    require_changes(values)
    return SetFields(Question, {"id": question_id}, values, "Edit question")


def delete_question(question_id: int) -> DeleteRows:
    return DeleteRows(Question, [{"id": question_id}], "Delete question")


def reorder_questions(question_ids: Sequence[int]) -> SetPositions:
    return SetPositions(Question, list(question_ids), "Reorder questions")
