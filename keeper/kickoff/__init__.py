"""The sales kickoff as data and undoable edits.

Loaders turn the kickoff's rows into the plain data of :mod:`keeper.kickoff.rules`
(tiers, ratings, goal links, survey answers) plus what the views show; every
edit is an operation (``apply``/``revert``, see :mod:`keeper.ops`) committed
when made. Edits that cannot be made raise :class:`SkoError` with a message
worded for the Keeper.

The modules, by part: :mod:`~keeper.kickoff.look_back`, :mod:`~keeper.kickoff.audit`
(the reality audit), :mod:`~keeper.kickoff.training` (its priorities into the agenda),
:mod:`~keeper.kickoff.goals`, :mod:`~keeper.kickoff.agenda_check`,
:mod:`~keeper.kickoff.recognition`, :mod:`~keeper.kickoff.follow_through` and
:mod:`~keeper.kickoff.setup` (finding and setting up kickoffs). They share
:mod:`~keeper.kickoff.fields` (error, limits, typed-in numbers),
:mod:`~keeper.kickoff.people` (the reps) and :mod:`~keeper.kickoff.replace`
(an import as one undoable transaction).

This package re-exports what the kickoff view, the imports and the tests use, so
callers can write ``from keeper import kickoff as ko`` and ``ko.add_goal(...)``.
"""

from keeper.kickoff.agenda_check import (
    AgendaCheck,
    SessionRow,
    load_agenda_check,
    set_content_tag,
    set_session_format,
)
from keeper.kickoff.audit import (
    Audit,
    CompetencyRow,
    add_competency,
    default_competencies,
    load_audit,
    load_competencies,
    move_competency,
    remove_competency,
    rename_competency,
    reorder_competencies,
    set_rating,
    set_rep_metric,
)
from keeper.kickoff.fields import (
    ATTAINMENT_MAX,
    MONEY_MAX,
    NAME_MAX,
    RATING_MAX,
    RATING_MIN,
    TEXT_MAX,
    THRESHOLD_MAX,
    UNIT_MAX,
    SkoError,
    check_rating,
    next_position,
    number,
    one_line,
    parse_share,
    table_of,
    text_or_none,
)
from keeper.kickoff.follow_through import (
    PLAN_FIELDS,
    PLAN_LABELS,
    SUGGESTED_METRICS,
    CheckpointRow,
    FollowThrough,
    MeasureRow,
    MetricRow,
    PlanRow,
    add_measure,
    add_metric,
    checkpoint_label,
    delete_checkpoint,
    delete_measure,
    delete_metric,
    edit_checkpoint,
    edit_measure,
    edit_metric,
    generate_checkpoints,
    load_follow_through,
    set_plan,
    suggested_metrics,
)
from keeper.kickoff.goals import (
    LAYER_HINTS,
    LAYER_TITLES,
    LAYERS,
    GoalRow,
    Goals,
    add_goal,
    delete_goal,
    edit_goal,
    link_goals,
    link_pair,
    load_goals,
    reorder_goals,
    unlink_goals,
)
from keeper.kickoff.look_back import (
    LookBack,
    ObjectiveRow,
    ResponseRow,
    add_objective,
    clear_survey,
    delete_objective,
    edit_objective,
    load_look_back,
    rating_scale_max,
    reorder_objectives,
    set_look_back,
)
from keeper.kickoff.people import (
    SkoPerson,
    kickoff_reps,
    rep_lookup,
)
from keeper.kickoff.recognition import (
    Recognition,
    add_tier,
    check_attainment,
    default_tiers,
    delete_tier,
    edit_tier,
    load_recognition,
    set_attainment,
)
from keeper.kickoff.replace import (
    ScopedReplace,
)
from keeper.kickoff.rules import DEFAULT_COMPETENCIES, Tier, gap_level
from keeper.kickoff.setup import (
    kickoff_of,
    kickoffs,
    setup_kickoff,
)
from keeper.kickoff.training import (
    TRAINING_MINUTES,
    add_training_session,
    training_in_agenda,
    training_session_rows,
    training_title,
)

__all__ = [
    "ATTAINMENT_MAX", "DEFAULT_COMPETENCIES", "LAYERS", "LAYER_HINTS", "LAYER_TITLES",
    "MONEY_MAX", "NAME_MAX", "PLAN_FIELDS", "PLAN_LABELS", "RATING_MAX", "RATING_MIN",
    "SUGGESTED_METRICS", "TEXT_MAX", "THRESHOLD_MAX", "TRAINING_MINUTES", "UNIT_MAX",
    "AgendaCheck", "Audit", "CheckpointRow", "CompetencyRow", "FollowThrough", "GoalRow",
    "Goals", "LookBack", "MeasureRow", "MetricRow", "ObjectiveRow", "PlanRow", "Recognition",
    "ResponseRow", "ScopedReplace", "SessionRow", "SkoError", "SkoPerson", "Tier",
    "add_competency", "add_goal", "add_measure", "add_metric", "add_objective", "add_tier",
    "add_training_session", "check_attainment", "check_rating", "checkpoint_label",
    "clear_survey", "default_competencies", "default_tiers", "delete_checkpoint", "delete_goal",
    "delete_measure", "delete_metric", "delete_objective", "delete_tier", "edit_checkpoint",
    "edit_goal", "edit_measure", "edit_metric", "edit_objective", "edit_tier", "gap_level",
    "generate_checkpoints", "kickoff_of", "kickoff_reps", "kickoffs", "link_goals", "link_pair",
    "load_agenda_check", "load_audit", "load_competencies", "load_follow_through", "load_goals",
    "load_look_back", "load_recognition", "move_competency", "next_position", "number",
    "one_line", "parse_share", "rating_scale_max", "remove_competency", "rename_competency",
    "reorder_competencies", "reorder_goals", "reorder_objectives", "rep_lookup",
    "set_attainment", "set_content_tag", "set_look_back", "set_plan", "set_rating",
    "set_rep_metric", "set_session_format", "setup_kickoff", "suggested_metrics", "table_of",
    "text_or_none", "training_in_agenda", "training_session_rows", "training_title",
    "unlink_goals",
]
