"""The agenda table's editors: lists for kind, content and presenter, spin boxes for numbers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from keeper.agenda.files import TAG_LABELS
from keeper.store.models import ItemKind
from ui.agenda.columns import C_KIND, C_NOTES, C_PRESENTER, C_TAG, SPIN_RANGE
from ui.agenda.model import AgendaModel, Index


class AgendaDelegate(QStyledItemDelegate):
    def __init__(self, model: AgendaModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.agenda_model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        column = index.column()
        if column == C_KIND:
            box = QComboBox(parent)
            for kind in ItemKind:
                box.addItem(kind.capitalize(), kind)
            return box
        if column == C_TAG:
            box = QComboBox(parent)
            box.addItem("(none)", None)
            for tag, label in TAG_LABELS.items():
                box.addItem(label, tag)
            return box
        if column == C_PRESENTER:
            box = QComboBox(parent)
            box.addItem("(nobody)", None)
            for pid, name in sorted(self.agenda_model.people.items(), key=lambda p: p[1]):
                box.addItem(name, pid)
            return box
        if column in SPIN_RANGE:
            spin = QSpinBox(parent)
            spin.setRange(*SPIN_RANGE[column])
            return spin
        editor = QLineEdit(parent)
        editor.setMaxLength(2000 if column == C_NOTES else 200)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
