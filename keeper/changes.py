"""What an edit changed, as a typed value: one flag per area of the app.

Every operation (:mod:`keeper.ops`) reports the areas it touched, worked out from
the tables its steps wrote, so a view reloads only when its own area changed.
Combine with ``|``; test an overlap with ``&`` (a ``Changes`` is true when any
flag is set).

An operation also says which rows it wrote (``rows``: ``(table, id)`` pairs), so a view
can patch just those items; ``None`` means "not known" (reload the whole area). Rows
are a detail of the value: two ``Changes`` with the same flags are equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

Row = tuple[str, Any]  # (table name, primary key value: an id, or a tuple of values)


@dataclass(frozen=True)
class Changes:
    agenda: bool = False
    runner: bool = False
    board: bool = False
    quadrant: bool = False
    day: bool = False
    kickoff: bool = False
    people: bool = False
    offsite: bool = False
    rows: frozenset[Row] | None = field(default=None, compare=False, kw_only=True)

    ALL: ClassVar[Changes]
    NONE: ClassVar[Changes]
    FLAGS: ClassVar[tuple[str, ...]]

    def _flags(self) -> tuple[bool, ...]:
        return tuple(getattr(self, name) for name in self.FLAGS)

    def __or__(self, other: Changes) -> Changes:
        if not other:
            return self
        if not self:
            return other
        rows = None if self.rows is None or other.rows is None else self.rows | other.rows
        return Changes(*(a or b for a, b in zip(self._flags(), other._flags(), strict=True)),
                       rows=rows)

    def __and__(self, other: Changes) -> Changes:
        return Changes(*(a and b for a, b in zip(self._flags(), other._flags(), strict=True)))

    def __bool__(self) -> bool:
        return any(self._flags())

    def areas(self) -> list[str]:
        """The names of the areas changed, e.g. ``["agenda", "day"]``."""
        return [name for name in self.FLAGS if getattr(self, name)]

    def rows_of(self, table: str) -> set[Any]:
        """The ids of ``table`` written (only meaningful when ``rows`` is known)."""
        return {key for name, key in self.rows or () if name == table}

    @classmethod
    def of_tables(cls, names: Iterable[str], rows: Iterable[Row] | None = None) -> Changes:
        """The areas the rows of these tables belong to (and the rows, when known)."""
        areas = {area for name in names for area in TABLE_AREAS[name]}
        return cls(**{area: True for area in areas},
                   rows=None if rows is None else frozenset(rows))


Changes.FLAGS = tuple(f.name for f in fields(Changes) if f.name != "rows")
Changes.ALL = Changes(*(True for _ in Changes.FLAGS))
Changes.NONE = Changes()

# The tables each area shows; a table may belong to several (the check-ins are the day's
# plan and the kickoff's follow-through). A test checks that every table has an area.
AREA_TABLES: dict[str, tuple[str, ...]] = {
    "agenda": ("agenda_item", "keeper_meta"),  # meta: the runner's committed day end
    "runner": ("runner_state",),
    "board": ("cluster", "note", "support", "tally_settings"),
    "quadrant": ("placement", "quadrant_note"),
    "day": ("okr", "question", "best_practice", "reflection", "feedback", "charter",
            "plan_initiative", "tactic", "check_in", "tactic_update"),
    "kickoff": ("sko_look_back", "sko_objective", "survey_response", "survey_rating",
                "competency", "competency_rating", "rep_metric", "goal", "goal_link",
                "recognition_tier", "attainment", "success_metric", "metric_measure",
                "first30_plan", "check_in"),
    "people": ("person",),
    "offsite": ("offsite", "initiative", "attendance"),
}
TABLE_AREAS: dict[str, tuple[str, ...]] = {}
for _area, _tables in AREA_TABLES.items():
    for _table in _tables:
        TABLE_AREAS[_table] = (*TABLE_AREAS.get(_table, ()), _area)
