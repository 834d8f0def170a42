"""The tally panel: the room's support for the selected idea (click names, or set dots),
the tally settings, and the ranking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.board.tally import IdeaKind, TallyMode, validate_dot_vote
from ui import palette
from ui.board import style
from ui.board.ranking import RankingWidget
from ui.board.widgets import RunOp, clear_layout, colour_icon, scroll_area
from ui.text_fit import fitting_label
from ui.widgets import heading, hint

RANKING_ROWS_SHOWN = 6  # the ranking always shows at least this many rows
RANKING_ROW_H = 30


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
        # Twelve leaders' names scroll rather than squeeze the ranking to three rows.
        people = scroll_area(self.people_box)
        people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(people, 1)
        self.issues = QLabel()
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet(f"color: {palette.ERROR}")
        layout.addWidget(self.issues)
        layout.addWidget(heading("Ranking"))
        self.ranking = RankingWidget()
        ranking = scroll_area(self.ranking)
        ranking.setMinimumHeight(RANKING_ROWS_SHOWN * RANKING_ROW_H + 16)
        layout.addWidget(ranking, 1)
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
        clear_layout(self.people_grid)
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
                button.setProperty("person_name", person.name)
                button.setProperty("name_suffix", " (Keeper)" if person.is_keeper else "")
                button.setToolTip(label)
                button.setIcon(colour_icon(colour))
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                button.setCheckable(True)
                button.setChecked(person.id in current)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setAccessibleName(f"{person.name} supports this")
                button.setStyleSheet(
                    f"QToolButton {{ padding: 5px 8px; border: 1px solid {palette.BORDER_BOARD};"
                    f" border-radius: 6px; background: {palette.SURFACE}; text-align: left; }}"
                    f"QToolButton:checked {{ background: {palette.ACCENT_BOARD_FILL};"
                    f" border-color: {palette.ACCENT_BOARD};"
                    " font-weight: bold; }")
                button.clicked.connect(lambda _c=False, p=person.id: self._toggle(p))
                self.person_buttons[person.id] = button
                self.people_grid.addWidget(button, row, col)
        self._fit_names()
        names = {p.id: p.name for p in data.people}
        issues = validate_dot_vote(data.supports, data.config, person_names=names)
        self.issues.setText("\n".join(i.message for i in issues[:6]))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_names()

    def _fit_names(self) -> None:
        """Each support button shows as much of the name as its half of the panel holds."""
        room = (self.people_box.width() or self.width()) / 2 - 3
        if not self.person_buttons:
            return
        sample = next(iter(self.person_buttons.values()))
        bold = QFont(sample.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)  # a checked button's name is bold, the widest form
        for button in self.person_buttons.values():
            text_room = room - button.iconSize().width() - 30  # icon, padding, border
            text = fitting_label(button.property("person_name"), text_room,
                                 wide.horizontalAdvance,
                                 button.property("name_suffix"))
            if button.text() != text:
                button.setText(text)

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
