"""The runner's keyboard commands: one table of shortcuts, the actions and buttons made from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


@dataclass(frozen=True)
class Shortcut:
    key: str
    keys: tuple[str, ...]
    text: str
    help: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("toggle", ("Space",), "&Start / pause", "Start, pause or resume the session"),
    Shortcut("next", ("N",), "&Next session", "End this session and go to the next"),
    Shortcut("previous", ("P",), "&Previous session", "Back to the previous session"),
    Shortcut("plus", ("+", "="), "Add a &minute", "One more minute"),
    Shortcut("minus", ("-",), "&Remove a minute", "One minute less"),
    Shortcut("reset", ("R",), "Rese&t session", "Start this session's timer over"),
    Shortcut("blackout", ("B",), "&Blackout", "Black projector (Esc to come back)"),
    Shortcut("message", ("M",), "&Message on screen…", "Show a line on the projector"),
    Shortcut("fullscreen", ("F",), "Audience &full screen", "Full screen ↔ window"),
    Shortcut("audience", ("A",), "Show &audience window", "Open or close the projector window"),
    Shortcut("timer", ("T",), "Projector shows the t&imer", "Back to the timer from a board"),
    Shortcut("takeback", ("Ctrl+T",), "Take the time &back…", "Shorten what's left"),
    Shortcut("help", ("?",), "Runner &help", "These shortcuts (also F1 in the runner)"),
)
# keys handled outside the table: (keys, what they do)
EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("Esc", "Leave blackout, close this help"), ("F1", "This help"))


def make_actions(owner: QWidget, slots: dict[str, Callable[[], object]],
                 leave: Callable[[], object]) -> dict[str, QAction]:
    """One action per shortcut (on ``owner`` and its children), plus Esc as ``"escape"``."""
    actions: dict[str, QAction] = {}
    for spec in SHORTCUTS:
        action = QAction(spec.text, owner)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{spec.help} ({' or '.join(spec.keys)})")
        slot = slots[spec.key]
        action.triggered.connect(lambda _c=False, s=slot: s())
        owner.addAction(action)
        actions[spec.key] = action
    escape = QAction("Leave blackout", owner)
    escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    escape.triggered.connect(leave)
    owner.addAction(escape)
    actions["escape"] = escape
    return actions


def menu_order(a: dict[str, QAction], sound: QAction) -> list[QAction | None]:
    """The main window's Run menu (None: a separator)."""
    return [a["toggle"], a["next"], a["previous"], None, a["plus"], a["minus"], a["reset"],
            None, a["takeback"], None, a["audience"], a["fullscreen"], a["blackout"],
            a["message"], a["timer"], sound, None, a["help"]]


def action_button(action: QAction, text: str, primary: bool = False) -> QPushButton:
    """A button that triggers ``action``; it never takes the keyboard from the runner."""
    b = QPushButton(text)
    b.setToolTip(action.toolTip())
    b.setAccessibleName(action.text().replace("&", ""))
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.clicked.connect(lambda _c=False: action.trigger())
    b.setMinimumHeight(46)
    if primary:
        b.setObjectName("primary")
    return b


def main_help_rows() -> str:
    """The runner's rows for the main window's F1 help table."""
    rows = "".join(
        f"<tr><td><b>{' or '.join(s.keys)}</b></td><td>{s.help} (Run the day)</td></tr>"
        for s in SHORTCUTS
    )
    return rows + "<tr><td><b>Esc</b></td><td>Leave blackout (Run the day)</td></tr>"
