"""The runner's keyboard commands: one table of shortcuts, the actions and buttons made from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


@dataclass(frozen=True)
class Shortcut:
    key: str
    keys: tuple[str, ...]
    text: str
    help: str


# Bare keys act wherever the keyboard is not in a text field; the F-keys act from anywhere,
# text fields included (they never type anything). Each key means one thing in the app.
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("toggle", ("Space", "F5"), "&Start / pause", "Start, pause or resume the session"),
    Shortcut("next", ("N", "F7"), "&Next session", "End this session and go to the next"),
    Shortcut("previous", ("P", "F6"), "&Previous session", "Back to the previous session"),
    Shortcut("plus", ("+", "=", "F9"), "Add a &minute", "One more minute"),
    Shortcut("minus", ("-", "F8"), "&Remove a minute", "One minute less"),
    Shortcut("reset", ("R",), "Rese&t session", "Start this session's timer over"),
    Shortcut("blackout", ("B", "F10"), "&Blackout", "Black projector (Esc to come back)"),
    Shortcut("message", ("M", "F11"), "&Message on screen…", "Show a line on the projector"),
    Shortcut("fullscreen", ("F",), "Audience &full screen", "Full screen ↔ window"),
    Shortcut("audience", ("A", "F12"), "Show &audience window",
             "Open or close the projector window"),
    Shortcut("wrapup", ("W",), "&Wrap-up cue", "Flash “Please wrap up” on the projector"),
    Shortcut("timer", ("T",), "Projector shows the t&imer", "Back to the timer from a board"),
    Shortcut("takeback", (), "Take the time &back…", "Shorten the sessions not yet started"),
    Shortcut("help", ("?",), "Runner &help", "The runner's keys over the runner"),
)
# keys handled outside the table: (keys, what they do)
EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("Esc", "Leave blackout, close this help"), ("Enter", "Press the focused button"))


def keys_text(keys: tuple[str, ...]) -> str:
    return " or ".join(keys)


def make_actions(owner: QWidget, slots: dict[str, Callable[[], object]],
                 leave: Callable[[], object]) -> dict[str, QAction]:
    """One action per shortcut (on ``owner`` and its children), plus Esc as ``"escape"``."""
    actions: dict[str, QAction] = {}
    for spec in SHORTCUTS:
        action = QAction(spec.text, owner)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        # the whole control window, whichever view shows: the Run menu carries the actions
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{spec.help} ({keys_text(spec.keys)})" if spec.keys else spec.help)
        slot = slots[spec.key]
        action.triggered.connect(lambda _c=False, s=slot: s())
        owner.addAction(action)
        actions[spec.key] = action
    escape = QAction("Leave blackout", owner)
    escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    # enabled only during a blackout (RunnerView): Esc keeps its meaning elsewhere otherwise
    escape.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    escape.setEnabled(False)
    escape.triggered.connect(leave)
    owner.addAction(escape)
    actions["escape"] = escape
    return actions


def menu_order(a: dict[str, QAction], sound: list[QAction]) -> list[QAction | None]:
    """The main window's Run menu (None: a separator)."""
    return [a["toggle"], a["next"], a["previous"], None, a["plus"], a["minus"], a["reset"],
            None, a["takeback"], None, a["audience"], a["fullscreen"], a["blackout"], a["escape"],
            a["message"], a["wrapup"], a["timer"], None, *sound, None, a["help"]]


def action_button(action: QAction, text: str, primary: bool = False) -> QPushButton:
    """A button that triggers ``action``: reached by Tab (Enter presses it), never by a click,
    so clicking it leaves the keyboard where it was; its accessible name is its label."""
    b = QPushButton(text)
    b.setToolTip(action.toolTip())
    b.setAccessibleName(text)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    b.setAutoDefault(True)  # Enter presses the focused button (Space is the runner's)
    b.clicked.connect(lambda _c=False: action.trigger())
    b.setMinimumHeight(46)
    if primary:
        b.setObjectName("primary")
    return b


class Commands(Protocol):
    """What the window's runner actions reach: the runner view, once built."""

    def command(self, key: str) -> None: ...

    def leave_blackout(self) -> None: ...

    def flash(self) -> None: ...


class WindowRunnerActions:
    """The Run menu's actions, made with the main window so that its keys work from the
    first frame; the runner view is built only when a command (or the view) needs it.

    ``view()`` returns the runner view, building it on first use; the view takes these
    actions (and their sound settings) instead of making its own.
    """

    def __init__(self, owner: QWidget, view: Callable[[], Commands]) -> None:
        from ui.runner.sound import RunnerSound

        self.actions = make_actions(
            owner, {spec.key: (lambda k=spec.key: view().command(k)) for spec in SHORTCUTS},
            lambda: view().leave_blackout())
        self.sound = RunnerSound(owner, lambda: view().flash())

    def menu(self) -> list[QAction | None]:
        return menu_order(self.actions, self.sound.actions())
