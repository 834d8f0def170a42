"""The rest of the offsite day as data and undoable edits.

OKR postmortem (carried forward from the previous offsite, timeboxed in the
agenda), north-star questions, best-practice talks, reflections and gratitude,
Start / Stop / Continue feedback, the charter and the operating plan.

Loaders return plain frozen data for the views; every edit is an operation
(``apply``/``revert``, see :mod:`keeper.ops`) committed when made. The rules
(what to carry, how long a timebox is, whom to suggest, which pairs are
complete, how many tactics) come from :mod:`keeper.day.rules`.

The modules, by area: :mod:`~keeper.day.okrs`, :mod:`~keeper.day.questions`,
:mod:`~keeper.day.talks`, :mod:`~keeper.day.reflections`, :mod:`~keeper.day.feedback`,
:mod:`~keeper.day.plan` (charter and operating plan), :mod:`~keeper.day.check_ins`, and
:mod:`~keeper.day.loading` (all of it for the view). They share
:mod:`~keeper.day.fields` (error, text limits), :mod:`~keeper.day.edits` (generic
undoable edits) and :mod:`~keeper.day.people` (attendees).

This package re-exports what the day view and its tests use, so callers can write
``from keeper import day`` and ``day.add_okr(...)``.
"""

# agenda_items and PlanInitiative are re-exported too: the tests and the plan tab use them
from keeper.agenda.ops import agenda_items
from keeper.day.check_ins import (
    CHECK_IN_MONTHS,
    CheckInRow,
    add_check_in,
    delete_check_in,
    edit_check_in,
    generate_check_ins,
    load_check_ins,
    record_check_in,
)
from keeper.day.edits import (
    PutRow,
    SetPositions,
)
from keeper.day.feedback import (
    feedback_for,
    load_feedback,
    load_grid,
    set_feedback,
    set_feedback_pair,
)
from keeper.day.fields import (
    OBJECTIVE_MAX,
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    DayError,
)
from keeper.day.loading import (
    DayData,
    load_day,
)
from keeper.day.okrs import (
    POSTMORTEM_TITLE,
    OkrRow,
    TimeboxOkrs,
    add_okr,
    carry_forward_okrs,
    clean_okr_values,
    delete_okr,
    edit_okr,
    is_postmortem_title,
    load_okrs,
    okrs_available_to_carry,
    postmortem_title,
    reorder_okrs,
    timebox_okrs,
)
from keeper.day.people import (
    DayPerson,
    attendees,
    previous_offsite,
)
from keeper.day.plan import (
    CHARTER_FIELDS,
    BigBet,
    InitiativeRow,
    TacticRow,
    add_initiative,
    add_tactic,
    delete_initiative,
    delete_tactic,
    edit_initiative,
    edit_tactic,
    initiatives_for_big_bets,
    load_charter,
    load_plan,
    reorder_tactics,
    set_charter,
)
from keeper.day.questions import (
    QUESTIONS_MAX,
    QUESTIONS_MIN,
    QuestionRow,
    add_question,
    delete_question,
    edit_question,
    load_questions,
    questions_flag,
    reorder_questions,
)
from keeper.day.reflections import (
    REFLECTIONS_MAX,
    ReflectionRow,
    SetReflections,
    add_reflection,
    delete_reflection,
    edit_reflection,
    load_gratitude,
    load_reflections,
    set_gratitude,
    set_reflections,
)
from keeper.day.talks import (
    PRESENTER_SLOTS,
    TALK_TITLE,
    TalkSlot,
    is_talk_title,
    load_talks,
    presenter_candidates,
    presenter_history,
    set_presenter,
    set_strength,
    talk_items,
)
from keeper.store.models import PlanInitiative

__all__ = [
    "BigBet", "CHARTER_FIELDS", "CHECK_IN_MONTHS", "CheckInRow", "DayData", "DayError",
    "DayPerson", "InitiativeRow", "OBJECTIVE_MAX", "OkrRow", "POSTMORTEM_TITLE",
    "PRESENTER_SLOTS", "PlanInitiative", "PutRow", "QUESTIONS_MAX", "QUESTIONS_MIN",
    "QuestionRow", "REFLECTIONS_MAX", "ReflectionRow", "SHORT_MAX", "SetPositions",
    "SetReflections", "TALK_TITLE", "TEXT_MAX", "TITLE_MAX", "TacticRow", "TalkSlot",
    "TimeboxOkrs", "add_check_in", "add_initiative", "add_okr", "add_question",
    "add_reflection", "add_tactic", "agenda_items", "attendees", "carry_forward_okrs",
    "clean_okr_values", "delete_check_in", "delete_initiative", "delete_okr",
    "delete_question", "delete_reflection", "delete_tactic", "edit_check_in",
    "edit_initiative", "edit_okr", "edit_question", "edit_reflection", "edit_tactic",
    "feedback_for", "generate_check_ins", "initiatives_for_big_bets", "is_postmortem_title",
    "is_talk_title", "load_charter", "load_check_ins", "load_day", "load_feedback",
    "load_gratitude", "load_grid", "load_okrs", "load_plan", "load_questions",
    "load_reflections", "load_talks", "okrs_available_to_carry", "postmortem_title",
    "presenter_candidates", "presenter_history", "previous_offsite", "questions_flag",
    "record_check_in", "reorder_okrs", "reorder_questions", "reorder_tactics", "set_charter",
    "set_feedback", "set_feedback_pair", "set_gratitude", "set_presenter", "set_reflections",
    "set_strength", "talk_items", "timebox_okrs",
]
