"""Grouping suggestions: ask Keeper for groupings of the notes; accept, rename or reject each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.ops import Composite, Operation
from ui import palette
from ui.board.widgets import RunOp, clear_layout, scroll_area
from ui.widgets import heading, hint

try:  # the colleague's rule module; the board works (without suggestions) until it lands
    from keeper.board.clustering import Suggestion
except ImportError:  # pragma: no cover
    Suggestion = object  # type: ignore[assignment,misc]


class SuggestionCard(QFrame):
    accepted = Signal(object)  # self
    rejected = Signal(object)
    focused = Signal(object)  # clicked: show its notes on the board

    def __init__(self, suggestion: Suggestion, texts: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.note_ids = tuple(suggestion.note_ids)
        self.setObjectName("suggestionCard")
        self.setStyleSheet(f"#suggestionCard {{ background: {palette.SURFACE};"
                           f" border: 1px solid {palette.BORDER_BOARD};"
                           " border-radius: 8px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLineEdit(suggestion.title)
        self.title.setMaxLength(200)
        self.title.setAccessibleName("Suggested group name")
        self.title.setToolTip("Edit the name before accepting")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        shown = [t.replace("\n", " ") for t in texts[:4]]
        preview = "\n".join(f"\u2022 {t[:80]}{'…' if len(t) > 80 else ''}" for t in shown)
        if len(texts) > 4:
            preview += f"\n… and {len(texts) - 4} more"
        body = QLabel(preview)
        body.setWordWrap(True)
        body.setStyleSheet(f"color: {palette.INK_BOARD_BODY}")
        layout.addWidget(body)
        row = QHBoxLayout()
        count = hint(f"{len(self.note_ids)} notes")
        row.addWidget(count, 1)
        accept = QPushButton("Accept")
        accept.setToolTip("Make this a group on the board")
        accept.clicked.connect(lambda: self.accepted.emit(self))
        reject = QPushButton("Reject")
        reject.clicked.connect(lambda: self.rejected.emit(self))
        row.addWidget(accept)
        row.addWidget(reject)
        layout.addLayout(row)
        self.accept_button, self.reject_button = accept, reject
        self.setToolTip("Click to see these notes on the board")

    def mousePressEvent(self, event: object) -> None:  # noqa: N802
        self.focused.emit(self)
        super().mousePressEvent(event)  # type: ignore[arg-type]


class SuggestionsPanel(QWidget):
    """Ask the core for groupings of the notes; accept, edit or reject each."""

    requested = Signal(bool)  # include notes already in a group
    show_notes = Signal(object)  # note ids of a suggestion, to select on the board

    def __init__(self, run_op: RunOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_op = run_op
        self.data: bo.BoardData | None = None
        self.cards: list[SuggestionCard] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Grouping suggestions"))
        layout.addWidget(hint("Keeper groups notes that say similar things. Accept, rename or "
                              "reject each suggestion; nothing changes until you accept."))
        # The box and the button each get the panel's full width: side by side, the
        # box's label was cut at 1280x800.
        self.include_grouped = QCheckBox("Also regroup notes in groups")
        self.include_grouped.setToolTip("Include notes already in a group in the suggestions")
        layout.addWidget(self.include_grouped)
        self.suggest = QPushButton("Suggest groups")
        self.suggest.setToolTip("Suggest groups for the notes (Ctrl+Shift+S)")
        self.suggest.clicked.connect(lambda: self.requested.emit(self.include_grouped.isChecked()))
        layout.addWidget(self.suggest, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = hint()
        layout.addWidget(self.status)
        self.accept_all = QPushButton("Accept all")
        self.accept_all.setEnabled(False)
        self.accept_all.clicked.connect(self._accept_all)
        layout.addWidget(self.accept_all)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(8)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.list_layout)
        outer.addStretch(1)
        layout.addWidget(scroll_area(holder), 1)

    def set_data(self, data: bo.BoardData) -> None:
        self.data = data
        # drop notes that are gone from pending cards
        alive = {n.id for n in data.notes}
        for card in list(self.cards):
            if not set(card.note_ids) & alive:
                self._remove(card)

    def set_busy(self, busy: bool) -> None:
        self.suggest.setEnabled(not busy)
        if busy:
            self.status.setText("Looking for groups…")

    def show_suggestions(self, suggestions: Sequence[Suggestion], elapsed_ms: float) -> None:
        clear_layout(self.list_layout)
        self.cards = []
        texts = {n.id: n.text for n in self.data.notes} if self.data else {}
        groups = [s for s in suggestions if len(s.note_ids) > 1]
        singles = sum(1 for s in suggestions if len(s.note_ids) == 1)
        for s in groups:
            card = SuggestionCard(s, [texts.get(i, "") for i in s.note_ids])
            card.accepted.connect(self._accept)
            card.rejected.connect(self._remove)
            card.focused.connect(lambda c: self.show_notes.emit(list(c.note_ids)))
            self.list_layout.addWidget(card)
            self.cards.append(card)
        left = f"; {singles} notes fit no group" if singles else ""
        self.status.setText(f"{len(groups)} suggested groups{left} ({elapsed_ms:.0f} ms)."
                            if groups else "No groups found: the notes say different things.")
        self.accept_all.setEnabled(bool(self.cards))
        self.suggest.setEnabled(True)

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.suggest.setEnabled(True)

    def _remove(self, card: SuggestionCard) -> None:
        if card in self.cards:
            self.cards.remove(card)
        card.hide()
        card.deleteLater()
        self.accept_all.setEnabled(bool(self.cards))

    def _operation(self, card: SuggestionCard) -> Operation | None:
        if self.data is None:
            return None
        alive = {n.id for n in self.data.notes}
        ids = [i for i in card.note_ids if i in alive]
        if not ids:
            return None
        return bo.accept_suggestion(self.data.offsite_id, card.title.text(), ids)

    def _accept(self, card: SuggestionCard) -> None:
        op = self._operation(card)
        if op is not None and self.run_op(op):
            self._remove(card)

    def _accept_all(self) -> None:
        parts = [op for op in (self._operation(c) for c in self.cards) if op is not None]
        if parts and self.run_op(Composite(parts, text=f"Accept {len(parts)} suggestions")):
            for card in list(self.cards):
                self._remove(card)
