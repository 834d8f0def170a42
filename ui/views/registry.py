"""Which views the main window shows, in order. Each is built lazily by import path."""

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
    return view
