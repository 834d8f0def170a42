"""Side panels of the board: grouping suggestions, tally, big bets, and the notes as a list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.ops import Operation
from keeper.tally import IdeaKind, TallyMode, validate_dot_vote
from ui.board import style
from ui.board.ranking import RankingWidget, rank_label

RunOp = Callable[[Operation], bool]

try:  # the colleague's rule module; the board works (without suggestions) until it lands
    from keeper.clustering import Suggestion
except ImportError:  # pragma: no cover
    Suggestion = object  # type: ignore[assignment,misc]


def colour_icon(colour: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(0, 0, size, size)
    p.end()
    return QIcon(pix)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #667085")
    return label


def _clear(layout: QVBoxLayout | QGridLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


# --------------------------------------------------------------------------- suggestions


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
        self.setStyleSheet("#suggestionCard { background: #FFFFFF; border: 1px solid #D0D5DD;"
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
        body.setStyleSheet("color: #344054")
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
        row = QHBoxLayout()
        self.include_grouped = QCheckBox("Include notes already in a group")
        row.addWidget(self.include_grouped, 1)
        self.suggest = QPushButton("Suggest groups")
        self.suggest.setToolTip("Suggest groups for the notes (Ctrl+Shift+S)")
        self.suggest.clicked.connect(lambda: self.requested.emit(self.include_grouped.isChecked()))
        row.addWidget(self.suggest)
        layout.addLayout(row)
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
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)

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
        _clear(self.list_layout)
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
        from keeper.ops import Composite

        parts = [op for op in (self._operation(c) for c in self.cards) if op is not None]
        if parts and self.run_op(Composite(parts, text=f"Accept {len(parts)} suggestions")):
            for card in list(self.cards):
                self._remove(card)


# --------------------------------------------------------------------------- tally


class TallyPanel(QWidget):
    """Record the room's support for the selected idea: click names (or set dots)."""

    def __init__(self, run_op: RunOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_op = run_op
        self.data: bo.BoardData | None = None
        self.idea: tuple[IdeaKind, int] | None = None
        self._loading = False
        layout = QVBoxLayout(self)

        settings = QFrame()
        form = QFormLayout(settings)
        form.setContentsMargins(0, 0, 0, 0)
        self.mode = QComboBox()
        self.mode.addItem("Supporters (people who back each idea)", TallyMode.SUPPORTERS.value)
        self.mode.addItem("Dot voting", TallyMode.DOTS.value)
        self.mode.setAccessibleName("Tally mode")
        self.mode.activated.connect(lambda _i: self._set(mode=self.mode.currentData()))
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setAccessibleName("Dots per person")
        self.dots.editingFinished.connect(lambda: self._set(dots_per_person=self.dots.value()))
        self.cap = QSpinBox()
        self.cap.setRange(0, 20)
        self.cap.setSpecialValueText("No cap")
        self.cap.setAccessibleName("Most dots per idea")
        self.cap.editingFinished.connect(lambda: self._set(cap_per_idea=self.cap.value() or None))
        self.keeper_counted = QCheckBox("Count the Keeper's own support")
        self.keeper_counted.toggled.connect(
            lambda on: self._set(keeper_counted=on) if not self._loading else None)
        form.addRow("Count", self.mode)
        form.addRow("Dots each", self.dots)
        form.addRow("Cap per idea", self.cap)
        form.addRow(self.keeper_counted)
        layout.addWidget(settings)

        self.idea_title = heading("Select a note or a group on the board")
        self.idea_title.setWordWrap(True)
        layout.addWidget(self.idea_title)
        self.idea_hint = hint("Then click the names of the people who support it.")
        layout.addWidget(self.idea_hint)
        self.people_box = QWidget()
        self.people_grid = QGridLayout(self.people_box)
        self.people_grid.setContentsMargins(0, 0, 0, 0)
        self.people_grid.setSpacing(6)
        layout.addWidget(self.people_box)
        self.issues = QLabel()
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet("color: #B42318")
        layout.addWidget(self.issues)
        layout.addWidget(heading("Ranking"))
        self.ranking = RankingWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.ranking)
        layout.addWidget(scroll, 1)
        self.person_buttons: dict[int, QToolButton] = {}
        self.person_spins: dict[int, QSpinBox] = {}

    # ----- data -------------------------------------------------------------------
    def set_data(self, data: bo.BoardData) -> None:
        self.data = data
        self._loading = True
        try:
            cfg = data.config
            self.mode.setCurrentIndex(self.mode.findData(cfg.mode.value))
            self.dots.setValue(cfg.dots_per_person)
            self.cap.setValue(cfg.cap_per_idea or 0)
            self.keeper_counted.setChecked(cfg.keeper_counted)
            dots = cfg.mode is TallyMode.DOTS
            self.dots.setEnabled(dots)
            self.cap.setEnabled(dots)
        finally:
            self._loading = False
        bets = {c.id for c in data.clusters if c.big_bet}
        self.ranking.set_ranking(data.ranking(), bets, data.config.mode)
        if self.idea is not None and not self._exists(self.idea):
            self.idea = None
        self._fill_people()

    def _exists(self, idea: tuple[IdeaKind, int]) -> bool:
        assert self.data is not None
        kind, idea_id = idea
        if kind is IdeaKind.NOTE:
            return self.data.note(idea_id) is not None
        return self.data.cluster(idea_id) is not None

    def set_idea(self, idea: tuple[IdeaKind, int] | None) -> None:
        self.idea = idea
        self._fill_people()

    def _fill_people(self) -> None:
        _clear(self.people_grid)
        self.person_buttons, self.person_spins = {}, {}
        data = self.data
        if data is None or self.idea is None:
            self.idea_title.setText("Select a note or a group on the board")
            self.idea_hint.setText("Then click the names of the people who support it.")
            self.issues.clear()
            return
        kind, idea_id = self.idea
        if kind is IdeaKind.CLUSTER:
            cluster = data.cluster(idea_id)
            title = cluster.title if cluster else ""
            self.idea_hint.setText("Support for the whole group. Support on its notes also "
                                   "counts towards the group.")
        else:
            note = data.note(idea_id)
            title = note.text if note else ""
            home = data.cluster(note.cluster_id) if note else None
            self.idea_hint.setText(
                f"Support for this note; it counts towards \u201c{home.title}\u201d."
                if home else "Support for this note.")
        shown = title.replace("\n", " ")
        self.idea_title.setText(shown[:120] + ("…" if len(shown) > 120 else ""))
        self.idea_title.setToolTip(title[:1000])
        current = data.supporters_of(kind, idea_id)
        dots_mode = data.config.mode is TallyMode.DOTS
        used: dict[int, int] = {}
        for s in data.supports:
            used[s.person_id] = used.get(s.person_id, 0) + s.dots
        columns = 2
        for index, person in enumerate(data.people):
            row, col = divmod(index, columns)
            colour = style.person_colour(person.colour, person.id)
            label = person.name + (" (Keeper)" if person.is_keeper else "")
            if dots_mode:
                cell = QWidget()
                h = QHBoxLayout(cell)
                h.setContentsMargins(0, 0, 0, 0)
                name = QLabel(label)
                name.setToolTip(f"{used.get(person.id, 0)} of {data.config.dots_per_person} "
                                "dots used")
                spin = QSpinBox()
                spin.setRange(0, 20)
                spin.setValue(current.get(person.id, 0))
                spin.setAccessibleName(f"Dots from {person.name}")
                spin.editingFinished.connect(
                    lambda p=person.id, sp=spin: self._set_dots(p, sp.value()))
                h.addWidget(name, 1)
                h.addWidget(spin)
                self.person_spins[person.id] = spin
                self.people_grid.addWidget(cell, row, col)
            else:
                button = QToolButton()
                button.setText(label)
                button.setIcon(colour_icon(colour))
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                button.setCheckable(True)
                button.setChecked(person.id in current)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setAccessibleName(f"{person.name} supports this")
                button.setStyleSheet(
                    "QToolButton { padding: 5px 8px; border: 1px solid #D0D5DD;"
                    " border-radius: 6px; background: #FFFFFF; text-align: left; }"
                    "QToolButton:checked { background: #DBE7FE; border-color: #2563EB;"
                    " font-weight: bold; }")
                button.clicked.connect(lambda _c=False, p=person.id: self._toggle(p))
                self.person_buttons[person.id] = button
                self.people_grid.addWidget(button, row, col)
        names = {p.id: p.name for p in data.people}
        issues = validate_dot_vote(data.supports, data.config, person_names=names)
        self.issues.setText("\n".join(i.message for i in issues[:6]))

    # ----- edits --------------------------------------------------------------------
    def _idea_kwargs(self) -> dict[str, int]:
        assert self.idea is not None
        kind, idea_id = self.idea
        return {"note_id": idea_id} if kind is IdeaKind.NOTE else {"cluster_id": idea_id}

    def _toggle(self, person_id: int) -> None:
        if self.data is None or self.idea is None:
            return
        self.run_op(bo.ToggleSupport(self.data.offsite_id, person_id, **self._idea_kwargs()))

    def _set_dots(self, person_id: int, dots: int) -> None:
        if self.data is None or self.idea is None:
            return
        if self.data.supporters_of(*self.idea).get(person_id, 0) == dots:
            return
        self.run_op(bo.SetDots(self.data.offsite_id, person_id, dots, **self._idea_kwargs()))

    def _set(self, **values: object) -> None:
        if self._loading or self.data is None:
            return
        cfg = self.data.config
        current = {"mode": cfg.mode.value, "dots_per_person": cfg.dots_per_person,
                   "cap_per_idea": cfg.cap_per_idea, "keeper_counted": cfg.keeper_counted}
        if all(current.get(k) == v for k, v in values.items()):
            return
        self.run_op(bo.SetTallySettings(self.data.offsite_id, **values))


# --------------------------------------------------------------------------- big bets


class BigBetsPanel(QWidget):
    """The company's initiatives, and the 2–4 groups chosen as big bets, each linked to one."""

    def __init__(self, run_op: RunOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_op = run_op
        self.data: bo.BoardData | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Big bets"))
        layout.addWidget(hint("Pick 2 to 4 groups the team will commit to, and tie each to one "
                              "of the company's initiatives."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Big bet check")
        layout.addWidget(self.status)
        layout.addWidget(heading("Company initiatives"))
        self.initiatives = QLabel()
        self.initiatives.setWordWrap(True)
        self.initiatives.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.initiatives)
        layout.addWidget(heading("Groups, by support"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Big bet", "Group", "Support", "Initiative"])
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Groups and big bets")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._bet_toggled)
        layout.addWidget(self.table, 1)

    def set_data(self, data: bo.BoardData) -> None:
        self.data = data
        self._loading = True
        try:
            self._fill(data)
        finally:
            self._loading = False

    def _fill(self, data: bo.BoardData) -> None:
        issues = data.big_bet_issues()
        bets = [c for c in data.clusters if c.big_bet]
        if issues:
            self.status.setText("\u26a0 " + "\n\u26a0 ".join(i.message for i in issues))
            self.status.setStyleSheet("color: #B42318; font-weight: bold")
        else:
            self.status.setText(f"\u2713 {len(bets)} big bets, each tied to an initiative.")
            self.status.setStyleSheet("color: #067647; font-weight: bold")
        linked: dict[int, list[str]] = {}
        for c in bets:
            if c.initiative_id is not None:
                linked.setdefault(c.initiative_id, []).append(c.title)
        lines = []
        for i, ini in enumerate(data.initiatives, start=1):
            tail = ("  \u2190 " + ", ".join(linked[ini.id])) if ini.id in linked else ""
            lines.append(f"{i}. {ini.title}{tail}")
        self.initiatives.setText("\n".join(lines) or "No initiatives yet: add 3 to 5 in the "
                                 "Offsite view.")
        ranking = [e for e in data.ranking() if e.kind is IdeaKind.CLUSTER]
        self.table.setRowCount(len(ranking))
        for row, entry in enumerate(ranking):
            cluster = data.cluster(entry.id)
            assert cluster is not None
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if cluster.big_bet
                                else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, cluster.id)
            check.setData(Qt.ItemDataRole.AccessibleTextRole, f"Big bet: {cluster.title}")
            self.table.setItem(row, 0, check)
            title = QTableWidgetItem(("\u2605 " if cluster.big_bet else "") + cluster.title)
            if cluster.big_bet:
                font = QFont(title.font())
                font.setBold(True)
                title.setFont(font)
            self.table.setItem(row, 1, title)
            support = QTableWidgetItem(str(entry.count))
            support.setToolTip(f"Rank {rank_label(entry)}")
            support.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 2, support)
            combo = QComboBox()
            combo.setAccessibleName(f"Initiative for {cluster.title}")
            combo.addItem("— not linked —", None)
            for ini in data.initiatives:
                combo.addItem(ini.title, ini.id)
            combo.setCurrentIndex(max(0, combo.findData(cluster.initiative_id)))
            combo.setEnabled(cluster.big_bet)
            combo.activated.connect(lambda _i, c=cluster.id, cb=combo: self._link(c, cb))
            self.table.setCellWidget(row, 3, combo)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 220))

    def _bet_toggled(self, item: QTableWidgetItem) -> None:
        if self._loading or self.data is None or item.column() != 0:
            return
        cluster = self.data.cluster(item.data(Qt.ItemDataRole.UserRole))
        if cluster is None:
            return
        on = item.checkState() == Qt.CheckState.Checked
        if on != cluster.big_bet:
            self.run_op(bo.SetBigBet(cluster.id, on, cluster.initiative_id if on else None))

    def _link(self, cluster_id: int, combo: QComboBox) -> None:
        if self.data is None:
            return
        cluster = self.data.cluster(cluster_id)
        if cluster is None or combo.currentData() == cluster.initiative_id:
            return
        self.run_op(bo.SetBigBet(cluster_id, True, combo.currentData()))


# --------------------------------------------------------------------------- notes list


class NotesList(QTreeWidget):
    """The board as text, for screen readers and keyboard users: groups and their notes."""

    idea_selected = Signal(object)  # (IdeaKind, id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Note", "Author", "Support"])
        self.setAccessibleName("Notes on the board, by group")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemSelectionChanged.connect(self._selected)
        self._loading = False
        self._dirty = False
        self._data: bo.BoardData | None = None
        self._show_authors = True
        self._pending: tuple[IdeaKind, int] | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 400)

    def set_data(self, data: bo.BoardData, show_authors: bool = True) -> None:
        """Filled now if shown, else when it is next shown (it is rebuilt on every edit)."""
        self._data, self._show_authors = data, show_authors
        if self.isVisible():
            self._fill()
        else:
            self._dirty = True

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self._dirty:
            self._fill()

    def _fill(self) -> None:
        data, show_authors = self._data, self._show_authors
        if data is None:
            return
        self._dirty = False
        self._loading = True
        self.setUpdatesEnabled(False)
        try:
            selected = self._pending if self._pending is not None else self.current_idea()
            self._pending = None
            self.clear()
            people = {p.id: p.name for p in data.people}
            direct: dict[int, int] = {}
            for s in data.supports:
                if s.note_id is not None:
                    direct[s.note_id] = direct.get(s.note_id, 0) + (
                        s.dots if data.config.mode is TallyMode.DOTS else 1)
            counts = {(e.kind, e.id): e.count for e in data.entries()}
            by_cluster: dict[int | None, list[bo.BoardNote]] = {}
            for n in data.notes:
                by_cluster.setdefault(n.cluster_id, []).append(n)
            tops: list[QTreeWidgetItem] = []
            for c in data.clusters:
                top = QTreeWidgetItem([
                    ("\u2605 " if c.big_bet else "") + c.title,
                    f"{len(by_cluster.get(c.id, []))} notes",
                    str(counts.get((IdeaKind.CLUSTER, c.id), 0)),
                ])
                top.setData(0, Qt.ItemDataRole.UserRole, (IdeaKind.CLUSTER, c.id))
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                top.addChildren([self._note_item(n, people, direct, show_authors)
                                 for n in by_cluster.get(c.id, [])])
                tops.append(top)
            known = {c.id for c in data.clusters}
            loose = [n for n in data.notes if n.cluster_id not in known]
            if loose:
                top = QTreeWidgetItem(["Not grouped yet", f"{len(loose)} notes", ""])
                top.addChildren([self._note_item(n, people, direct, show_authors)
                                 for n in loose])
                tops.append(top)
            self.addTopLevelItems(tops)
            for top in tops:
                top.setExpanded(True)
            self.setColumnWidth(0, 260)
            self.setColumnWidth(1, 120)
        finally:
            self._loading = False
            self.setUpdatesEnabled(True)
        self.select_idea(selected)

    @staticmethod
    def _note_item(n: bo.BoardNote, people: dict[int, str], direct: dict[int, int],
                   show_authors: bool) -> QTreeWidgetItem:
        text = n.text.replace("\n", " ")
        item = QTreeWidgetItem([text[:200], people.get(n.author_id or -1, "")
                                if show_authors else "", str(direct.get(n.id, "")) or ""])
        if len(text) > 60:
            item.setToolTip(0, n.text[:1000])
        item.setData(0, Qt.ItemDataRole.UserRole, (IdeaKind.NOTE, n.id))
        return item

    def current_idea(self) -> tuple[IdeaKind, int] | None:
        item = self.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, tuple) else None

    def select_idea(self, idea: tuple[IdeaKind, int] | None) -> None:
        if self._dirty:
            self._pending = idea
            return
        if idea is None:
            self.setCurrentItem(None)  # type: ignore[arg-type]
            self.clearSelection()
            return
        self._loading = True
        try:
            it = self.invisibleRootItem()
            stack = [it.child(i) for i in range(it.childCount())]
            while stack:
                item = stack.pop()
                if item.data(0, Qt.ItemDataRole.UserRole) == idea:
                    self.setCurrentItem(item)
                    self.scrollToItem(item)
                    return
                stack += [item.child(i) for i in range(item.childCount())]
            self.clearSelection()
        finally:
            self._loading = False

    def _selected(self) -> None:
        if not self._loading:
            self.idea_selected.emit(self.current_idea())
