"""The runner's words: formatting helpers and the lines the control window shows."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from keeper.agenda.files import TAG_LABELS
from keeper.agenda.timer import Runner, TimerState, WarningLevel
from keeper.store.models import AgendaItem, ItemKind


def fmt_minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class ShownText:
    """What each label shows, so a tick only touches what changed."""

    def __init__(self) -> None:
        self._shown: dict[str, object] = {}

    def set(self, key: str, widget: QLabel | QPushButton, text: str) -> None:
        if self._shown.get(key) != text:
            self._shown[key] = text
            widget.setText(text)
            if isinstance(widget, QPushButton):  # screen readers say what the button says
                widget.setAccessibleName(text.replace("&", ""))

    def changed(self, key: str, value: object) -> bool:
        """Remember ``value`` under ``key``; True if it differs from the last one."""
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        return True

    def forget(self, key: str) -> None:
        self._shown.pop(key, None)

    def clear(self) -> None:
        self._shown.clear()


def meta_text(item: AgendaItem, people: dict[int, str]) -> str:
    """``"Strategic alignment · Workshop · 60 min planned · Jill Morgan · protected"``."""
    parts: list[str] = []
    if item.kind != ItemKind.SESSION:
        parts.append(item.kind.capitalize())
    elif item.content_tag:
        parts.append(TAG_LABELS.get(item.content_tag, item.content_tag))
    if item.session_format:
        parts.append(item.session_format.capitalize())
    parts.append(f"{item.planned_minutes} min planned")
    if item.presenter_id and item.presenter_id in people:
        parts.append(people[item.presenter_id])
    if item.protected:
        parts.append("protected")
    return " · ".join(parts)


def state_text(runner: Runner, level: WarningLevel) -> str:
    """The line under the countdown: state, what the keys do, the warning times."""
    item = runner.current
    assert item is not None
    warn = (f"amber at {fmt_minutes(item.warn_amber_s)} · "
            f"red at {fmt_minutes(item.warn_red_s)}")
    if runner.state is TimerState.IDLE:
        return f"Ready · press Space to start · {warn}"
    if runner.state is TimerState.PAUSED:
        return f"Paused · Space resumes · {warn}"
    if level is WarningLevel.OVERTIME:
        return "Over time · N moves on, + adds a minute"
    return f"Running · {warn}"


def start_text(state: TimerState) -> str:
    """The start button's word."""
    if state is TimerState.RUNNING:
        return "Pause"
    return "Resume" if state is TimerState.PAUSED else "Start"


def message_text(message: str) -> str:
    return (f"Message on screen: “{message}”  (M to change)" if message
            else "No message on screen (M to add one)")
