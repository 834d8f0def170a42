"""Progress chips: one per person with how many notes they have written against the
target; red while someone has not started, green when they are done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

from keeper import board as bo
from ui import palette
from ui.board import style
from ui.board.flow_layout import FlowLayout
from ui.board.widgets import colour_icon

NOT_STARTED_CSS = (f"border: 1px dashed {palette.ERROR_BOARD_BORDER}; color: {palette.ERROR};"
                   f" background: {palette.ERROR_BOARD_BG};")
DONE_CSS = (f"border: 1px solid {palette.GOOD_BOARD_BORDER}; color: {palette.GOOD_BOARD};"
            f" background: {palette.GOOD_BOARD_BG};")
WRITING_CSS = (f"border: 1px solid {palette.BORDER_BOARD}; color: {palette.INK_BOARD_BODY};"
               f" background: {palette.SURFACE};")


def progress_chip(person: bo.BoardPerson, count: int, target: int) -> QToolButton:
    first = style.first_name(person.name)
    chip = QToolButton()
    chip.setText(f"{first} {count}/{target}")
    chip.setIcon(colour_icon(style.person_colour(person.colour, person.id), 10))
    chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    state = ("has not written a note yet" if count == 0
             else "done" if count >= target else f"{count} of {target} notes")
    chip.setToolTip(f"{person.name}: {state}. Click to write as {first}.")
    chip.setAccessibleName(f"{person.name}, {count} of {target} notes")
    css = (NOT_STARTED_CSS if count == 0 else DONE_CSS if count >= target else WRITING_CSS)
    chip.setStyleSheet(f"QToolButton {{ {css} border-radius: 11px; padding: 2px 8px; }}")
    return chip


def show_progress(chips: FlowLayout, summary: QLabel, data: bo.BoardData,
                  write_as: Callable[[int], None]) -> None:
    """Replace the chips in ``chips``; a click on one calls ``write_as(person_id)``."""
    while chips.count():
        item = chips.takeAt(0)
        if item is not None and item.widget() is not None:
            item.widget().deleteLater()  # type: ignore[union-attr]
    progress = data.progress()
    for p in data.people:
        count, target = progress.by_person[p.id]
        chip = progress_chip(p, count, target)
        chip.clicked.connect(lambda _c=False, pid=p.id: write_as(pid))
        chips.addWidget(chip)
    missing = len(progress.not_started)
    summary.setText(f"{missing} not started" if missing else "Everyone has written")
    summary.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold" if missing
                          else f"color: {palette.GOOD_BOARD}; font-weight: bold")
