"""Which views the main window shows, in order, and how each is built and loaded.

Views are built lazily (``ui/views/lazy.py``): the one shown first at start-up,
the rest when idle or when first shown.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ui.context import AppContext


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    module: str
    cls: str
    # The method the view connects to ``file_changed``: called once when the view is
    # built while a file is already open, so it shows that file at once.
    load: str


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("offsite", "Offsite", "ui.views.offsite_view", "OffsiteView", "refresh"),
    ViewSpec("agenda", "Agenda", "ui.agenda.view", "AgendaView", "refresh"),
    ViewSpec("runner", "Run the day", "ui.runner.view", "RunnerView", "load"),
    ViewSpec("board", "Board", "ui.board.view", "BoardView", "refresh"),
    ViewSpec("quadrant", "Quadrant", "ui.quadrant.view", "QuadrantView", "_on_file_changed"),
    ViewSpec("day", "Sessions & plan", "ui.day.view", "DayView", "_on_file_changed"),
    ViewSpec("kickoff", "Kickoff", "ui.kickoff.view", "KickoffView", "reload"),
    ViewSpec("people", "People", "ui.views.people_view", "PeopleView", "refresh"),
    ViewSpec("export", "Export", "ui.export.view", "ExportView", "reload"),
)


def make_view(spec: ViewSpec, context: AppContext, parent: QWidget) -> QWidget:
    module = importlib.import_module(spec.module)
    view: QWidget = getattr(module, spec.cls)(context, parent)
    view.setObjectName(f"view-{spec.key}")
    if context.store is not None:
        getattr(view, spec.load)()
    return view
