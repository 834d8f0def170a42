"""The thank-you the deck will carry for a leader whose note is not written, shown in place.

The table's text stays the Keeper's own note (empty when unwritten); the draft is drawn in
the placeholder colour over an empty cell and seeds the editor, so what the slide will say
is seen before the deck is written and is edited from there. Drafts are worked out off the
UI thread from the file on disk (``exporters.gratitude.drafts``): they read the whole day.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def draft_of(index: Index) -> str | None:
    """The draft shown in an unwritten note's cell, None when the note is written."""
    if index.data(Qt.ItemDataRole.DisplayRole):
        return None
    draft = index.data(DRAFT_ROLE)
    return draft if isinstance(draft, str) and draft else None


class DraftDelegate(QStyledItemDelegate):
    """Draws an unwritten note's draft in italics and the placeholder colour; edits start
    from it."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: Index) -> None:
        super().initStyleOption(option, index)
        draft = draft_of(index)
        if draft is not None:
            option.text = draft  # type: ignore[attr-defined]  # PySide6's stub lacks it
            option.font.setItalic(True)  # type: ignore[attr-defined]
            muted = option.palette.color(QPalette.ColorRole.PlaceholderText)  # type: ignore[attr-defined]
            option.palette.setColor(QPalette.ColorRole.Text, muted)  # type: ignore[attr-defined]

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        super().setEditorData(editor, index)
        draft = draft_of(index)
        if draft is not None and isinstance(editor, QLineEdit):
            editor.setText(draft)
            editor.selectAll()
