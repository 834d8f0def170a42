"""The shared widgets: one look for headings and hints in every view, one banner, one
text box that saves when the Keeper leaves it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui import palette
from ui.board.view import BoardView
from ui.context import AppContext
from ui.day.view import DayView
from ui.widgets import Banner, NoteEdit, heading, hint


def _leave(edit: NoteEdit) -> None:
    edit.focusOutEvent(QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def test_a_heading_and_a_hint_look_the_same_without_a_view_style_sheet(qtbot) -> None:
    panel = QWidget()  # a board or quadrant panel: no style sheet of its own
    qtbot.addWidget(panel)
    title, note = heading("Big bets"), hint("Pick 2 to 4 groups.")
    layout = QVBoxLayout(panel)
    layout.addWidget(title)
    layout.addWidget(note)
    assert title.font().pointSizeF() == 11
    assert title.font().weight() == QFont.Weight.DemiBold
    assert title.palette().color(QPalette.ColorRole.WindowText) == QColor(palette.INK)
    assert note.palette().color(QPalette.ColorRole.WindowText) == QColor(palette.TEXT_MUTED)
    assert note.wordWrap()


def test_the_banner_shows_each_kind_in_its_colours_and_hides_when_empty(qtbot) -> None:
    banner = Banner(strong=True)
    qtbot.addWidget(banner)
    banner.show_message("The file is read-only", "error")
    assert not banner.isHidden() and banner.text() == "The file is read-only"
    assert palette.ERROR_BG in banner.styleSheet() and "font-weight: 600" in banner.styleSheet()
    assert banner.kind == "error"
    banner.show_message(None)
    assert banner.isHidden() and banner.text() == "" and banner.kind == ""


def test_leaving_a_note_unchanged_stores_nothing_and_a_change_once(qtbot) -> None:
    edit = NoteEdit("Care plan")
    qtbot.addWidget(edit)
    stored: list[str] = []
    edit.committed.connect(stored.append)
    edit.set_saved("Promotion path by Q2")
    _leave(edit)
    assert stored == []
    edit.setPlainText("Promotion path by Q3")
    _leave(edit)
    assert stored == ["Promotion path by Q3"]


def test_a_board_panel_heading_looks_like_a_sessions_heading(qtbot,
                                                             context: AppContext) -> None:
    board, day = BoardView(context), DayView(context)
    for view in (board, day):
        qtbot.addWidget(view)
        view.reload()
        view.show()
    looks = []
    for view in (board, day):
        label = next(label for label in view.findChildren(QLabel)
                     if label.property("role") == "heading")
        label.ensurePolished()
        looks.append((label.font().pointSizeF(), label.font().weight(),
                      label.palette().color(QPalette.ColorRole.WindowText).name()))
    assert looks[0] == looks[1] == (11, QFont.Weight.DemiBold, palette.INK.lower())
