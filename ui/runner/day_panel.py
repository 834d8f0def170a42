"""The lower panel: up next and later today; the day's drift, take the time back, the message."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel

from keeper.agenda import runner as runner_rules
from keeper.agenda import schedule
from keeper.agenda.schedule import clock_text
from ui.runner.actions import action_button
from ui.runner.text import ShownText, message_text


class DayPanel(QFrame):
    def __init__(self, actions: dict[str, QAction], shown: ShownText) -> None:
        super().__init__()
        self.setObjectName("lower")
        self.shown = shown
        self.next_line = QLabel()
        self.next_line.setObjectName("nextLine")
        self.next_line.setWordWrap(True)
        self.drift_line = QLabel()
        self.drift_line.setObjectName("driftLine")
        self.drift_line.setAccessibleName("Schedule drift")
        self.take_back_button = action_button(actions["takeback"], "Take the time back…")
        self.take_back_button.setMinimumHeight(34)
        self.later = QLabel()
        self.later.setObjectName("later")
        self.later.setTextFormat(Qt.TextFormat.RichText)
        self.later.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message_line = QLabel()
        self.message_line.setObjectName("muted")
        self.message_line.setWordWrap(True)
        help_button = action_button(actions["help"], "Shortcuts  ?")
        help_button.setMinimumHeight(32)

        day = QGridLayout()
        day.setHorizontalSpacing(16)
        day.setVerticalSpacing(8)
        up_next = QLabel("Up next")
        up_next.setObjectName("section")
        day.addWidget(up_next, 0, 0)
        day.addWidget(self.next_line, 1, 0)
        day.addWidget(self.later, 2, 0)
        schedule_caption = QLabel("The day")
        schedule_caption.setObjectName("section")
        day.addWidget(schedule_caption, 0, 1)
        drift_row = QHBoxLayout()
        drift_row.addWidget(self.drift_line, 1)
        day.addLayout(drift_row, 1, 1)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.take_back_button)
        actions_row.addStretch(1)
        actions_row.addWidget(help_button)
        day.addLayout(actions_row, 2, 1, Qt.AlignmentFlag.AlignTop)
        day.addWidget(self.message_line, 3, 0, 1, 2)
        day.setColumnStretch(0, 3)
        day.setColumnStretch(1, 2)
        self.setLayout(day)

    def show_day(self, late: schedule.Drift | None, outlook: runner_rules.Outlook,
                 finished: bool, message: str) -> None:
        self.shown.set("drift", self.drift_line,
                       schedule.status_line(late) if late is not None else "")
        if late is not None:
            colour = runner_rules.drift_colour(late)
            if self.shown.changed("driftColour", colour):
                self.drift_line.setStyleSheet(f"color: {colour};")
        first = outlook.next
        if first is not None:
            self.shown.set("next", self.next_line, f"{clock_text(first.start)}  {first.entry.title}"
                                                   f" · {first.entry.planned_minutes} min")
        else:
            self.shown.set("next", self.next_line, "Nothing after this" if not finished else "")
        rows = [f"<tr><td style='padding-right:12px'>{clock_text(u.start)}</td>"
                f"<td>{escape(u.entry.title)}</td></tr>" for u in outlook.later]
        self.shown.set("later", self.later, f"<table>{''.join(rows)}</table>" if rows else "")
        self.shown.set("message", self.message_line, message_text(message))

    def clear(self) -> None:
        for key, widget in (("next", self.next_line), ("drift", self.drift_line),
                            ("later", self.later), ("message", self.message_line)):
            self.shown.set(key, widget, "")
