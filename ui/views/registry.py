"""Which views the main window shows, in order, and how each is built and loaded.

Views are built lazily (``ui/views/lazy.py``): the one shown first at start-up,
the rest when idle or when first shown. Every view reloads through one method,
``reload(changes: Changes | None = None)``: ``None`` means everything (a file is
open), a ``Changes`` value (from ``AppContext.data_changed``) what an edit touched;
a view skips the reloads its areas did not change.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, cast

from PySide6.QtWidgets import QWidget

from keeper.changes import Changes
from ui.context import AppContext


class Reloads(Protocol):
    def reload(self, changes: Changes | None = None) -> None: ...


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    module: str
    cls: str


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("offsite", "Offsite", "ui.views.offsite_view", "OffsiteView"),
    ViewSpec("agenda", "Agenda", "ui.agenda.view", "AgendaView"),
    ViewSpec("runner", "Run the day", "ui.runner.view", "RunnerView"),
    ViewSpec("board", "Board", "ui.board.view", "BoardView"),
    ViewSpec("quadrant", "Quadrant", "ui.quadrant.view", "QuadrantView"),
    ViewSpec("day", "Sessions & plan", "ui.day.view", "DayView"),
    ViewSpec("kickoff", "Kickoff", "ui.kickoff.view", "KickoffView"),
    ViewSpec("people", "People", "ui.views.people_view", "PeopleView"),
    ViewSpec("export", "Export", "ui.export.view", "ExportView"),
)


def make_view(spec: ViewSpec, context: AppContext, parent: QWidget) -> QWidget:
    module = importlib.import_module(spec.module)
    view: QWidget = getattr(module, spec.cls)(context, parent)
    view.setObjectName(f"view-{spec.key}")
    if context.store is not None:  # a file is already open: show it at once
        cast(Reloads, view).reload()
    return view
