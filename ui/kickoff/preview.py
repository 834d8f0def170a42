"""The import preview: what will be written and which rows are rejected, before writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass
class PreviewText:
    summary: str  # rich text, one paragraph
    lines: list[str] = field(default_factory=list)
    count: int = 0
    verb: str = "Import"


@dataclass
class PreviewOption:
    label: str
    choices: list[tuple[str, str]]  # (shown, value)
    replan: Callable[[str], PreviewText]
    current: str = ""


class ImportPreview(QDialog):
    def __init__(self, title: str, text: PreviewText, option: PreviewOption | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.option = option
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.choice: QComboBox | None = None
        if option is not None:
            row = QHBoxLayout()
            label = QLabel(option.label)
            self.choice = QComboBox()
            self.choice.setAccessibleName(option.label.rstrip(":"))
            for shown, value in option.choices:
                self.choice.addItem(shown, value)
            index = self.choice.findData(option.current)
            self.choice.setCurrentIndex(max(0, index))
            self.choice.currentIndexChanged.connect(self._replan)
            label.setBuddy(self.choice)
            row.addWidget(label)
            row.addWidget(self.choice, 1)
            layout.addLayout(row)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Import report")
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 480)
        self.show_text(text)

    @property
    def value(self) -> str:
        return str(self.choice.currentData()) if self.choice is not None else ""

    def show_text(self, text: PreviewText) -> None:
        self.summary.setText(text.summary)
        self.report.setPlainText("\n".join(text.lines))
        self.import_button.setText(f"{text.verb} {text.count}")
        self.import_button.setEnabled(text.count > 0)

    def _replan(self, _index: int) -> None:
        if self.option is not None:
            self.show_text(self.option.replan(self.value))
