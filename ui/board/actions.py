"""The board's actions and shortcuts: the tool bar (edits, zoom, tools, projector menu)
and the rows it adds to the F1 help."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton

if TYPE_CHECKING:
    from ui.board.view import BoardView

MORE_ACTIONS_NAME = "More board actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey
    tip: str
    slot: Callable[[BoardView], object]


EDITS = (
    ActionSpec("group", "Group", "Ctrl+G", "Group the selected notes into a new named frame",
               lambda v: v.group_selection()),
    ActionSpec("rename", "Rename", "F2", "Rename the selected group, or edit the selected note",
               lambda v: v.edit_selected()),
    ActionSpec("merge", "Merge", "Ctrl+M", "Merge the selected groups (every vote is kept)",
               lambda v: v.merge_selection()),
    ActionSpec("dissolve", "Dissolve", "Ctrl+Shift+G",
               "Remove the frame; its notes stay and its votes move to them",
               lambda v: v.dissolve_selection()),
    ActionSpec("tidy", "Tidy", "Ctrl+T", "Lay the group's notes out in a grid",
               lambda v: v.tidy_selection()),
    ActionSpec("arrange", "Arrange", "Ctrl+Shift+A",
               "Tidy every group and lay the board out without overlaps",
               lambda v: v.arrange_board()),
    ActionSpec("delete", "Delete", QKeySequence.StandardKey.Delete,
               "Delete the selected notes (a selected group is dissolved)",
               lambda v: v.delete_selection()),
)
ZOOM_OUT = ActionSpec("zoom_out", "\u2212", "Ctrl+-", "Zoom out",
                      lambda v: v.canvas.zoom_by(1 / 1.25))
ZOOM_IN = ActionSpec("zoom_in", "+", "Ctrl+=", "Zoom in", lambda v: v.canvas.zoom_by(1.25))
FIT = ActionSpec("fit", "Fit", "Ctrl+0", "Fit the whole board", lambda v: v.canvas.fit_all())
TOOLS = (
    ActionSpec("suggest", "Suggest groups", "Ctrl+Shift+S", "Ask Keeper to suggest groups",
               lambda v: v.request_suggestions(False)),
    ActionSpec("capture", "New note", "Ctrl+L", "Type a new note", lambda v: v.focus_capture()),
)

HELP_ROWS = (
    ("Enter", "Add the typed note"), ("Ctrl+L", "Type a new note"),
    ("Ctrl+G", "Group selected notes"), ("F2 / Enter", "Rename group / edit note"),
    ("Ctrl+M", "Merge selected groups"), ("Ctrl+Shift+G", "Dissolve group"),
    ("Del", "Delete selected notes"), ("Ctrl+Shift+A", "Arrange the board"),
    ("Arrows / Tab", "Move between notes"),
    ("Ctrl+wheel, Ctrl+= / Ctrl+-", "Zoom"), ("Ctrl+0", "Fit the board"),
    ("Middle drag", "Pan (Space and F are the runner's keys)"),
    ("Ctrl+Shift+P / R", "Board / ranking on the projector"),
)


def shortcut_help() -> str:
    """The board's rows for the F1 help table."""
    return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in HELP_ROWS)


class BoardActions:
    """Builds the tool bar; every action also works by its shortcut anywhere in the view."""

    def __init__(self, view: BoardView) -> None:
        self.view = view
        self.by_name: dict[str, QAction] = {}
        toolbar = QToolBar("Board")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # "»" when narrow
        if more is not None:
            more.setAccessibleName(MORE_ACTIONS_NAME)
            more.setToolTip(MORE_ACTIONS_NAME)
        self.toolbar = toolbar
        for spec in EDITS:
            self._add(spec)
        toolbar.addSeparator()
        self._add(ZOOM_OUT)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setAccessibleName("Zoom level")
        toolbar.addWidget(self.zoom_label)
        zoom_in = self._add(ZOOM_IN)
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._add(FIT)
        toolbar.addSeparator()
        for spec in TOOLS:
            self._add(spec)
        toolbar.addSeparator()
        self.projector_button = self._projector_button()
        toolbar.addWidget(self.projector_button)

    def _add(self, spec: ActionSpec) -> QAction:
        view = self.view
        action = QAction(spec.text, view)
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{spec.tip} ({keys})" if keys else spec.tip)
        action.triggered.connect(lambda _checked=False: spec.slot(view))
        view.addAction(action)
        self.toolbar.addAction(action)
        self.by_name[spec.name] = action
        return action

    def _projector_button(self) -> QToolButton:
        view = self.view
        projector = QToolButton()
        projector.setText("Show on projector")
        projector.setToolTip("Show the board or the ranking on the audience display")
        projector.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(projector)
        show_board = menu.addAction("Show board on projector")
        show_board.setShortcut(QKeySequence("Ctrl+Shift+P"))
        show_board.triggered.connect(lambda: view.present("board"))
        show_rank = menu.addAction("Show ranking on projector")
        show_rank.setShortcut(QKeySequence("Ctrl+Shift+R"))
        show_rank.triggered.connect(lambda: view.present("ranking"))
        menu.addSeparator()
        authors = menu.addAction("Show authors on projector")
        authors.setCheckable(True)
        authors.setChecked(False)
        authors.toggled.connect(view.set_projector_authors)
        back = menu.addAction("Back to the timer")
        back.triggered.connect(view.context.audience.present_timer)
        for a in (show_board, show_rank):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(a)
        projector.setMenu(menu)
        self.by_name["show_authors"] = authors
        return projector
