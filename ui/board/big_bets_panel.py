"""The big bets panel: the company's initiatives, and the 2–4 groups chosen as big bets,
each tied to one initiative."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.board.tally import IdeaKind
from ui import palette
from ui.board.ranking import rank_label
from ui.board.widgets import RunOp
from ui.widgets import heading, hint


class BigBetsPanel(QWidget):
    """The company's initiatives, and the 2–4 groups chosen as big bets, each linked to one."""

    def __init__(self, run_op: RunOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_op = run_op
        self.data: bo.BoardData | None = None
        self._loading = False
        self._shown: object = None
        self._table_shown: object = None  # the table is filled when the tab is shown
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Big bets"))
        layout.addWidget(hint("Pick 2 to 4 groups the team will commit to, and tie each to one "
                              "of the company's initiatives."))
        # The table comes before anything whose height changes with a tick (the check,
        # the initiatives' links), so its rows never move under the Keeper's mouse.
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Bet", "Group", "Support", "Initiative"])
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Groups and big bets")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemChanged.connect(self._bet_toggled)
        layout.addWidget(heading("Groups, by support"))
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Big bet check")
        layout.addWidget(self.status)
        layout.addWidget(heading("Company initiatives"))
        self.initiatives = QLabel()
        self.initiatives.setWordWrap(True)
        self.initiatives.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.initiatives)

    def set_data(self, data: bo.BoardData) -> None:
        self.data = data
        shown = (tuple(data.clusters), data.initiatives,
                 tuple((e.kind, e.id, e.count, e.rank, e.tied) for e in data.ranking()))
        if shown == self._shown:
            return  # an edit elsewhere on the board: nothing here changed
        self._shown = shown
        self._fill_status(data)
        if self.isVisible():
            self._fill_table()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self._fill_table()

    def _fill_table(self) -> None:
        """The groups table (a row and an initiative list per group): filled only when
        seen, so a vote while another tab is up costs nothing here."""
        if self.data is None or self._table_shown == self._shown:
            return
        self._table_shown = self._shown
        self._loading = True
        try:
            self._fill_rows(self.data)
        finally:
            self._loading = False

    def _fill_status(self, data: bo.BoardData) -> None:
        issues = data.big_bet_issues()
        bets = [c for c in data.clusters if c.big_bet]
        if issues:
            self.status.setText("\u26a0 " + "\n\u26a0 ".join(i.message for i in issues))
            self.status.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold")
        else:
            self.status.setText(f"\u2713 {len(bets)} big bets, each tied to an initiative.")
            self.status.setStyleSheet(f"color: {palette.GOOD_BOARD}; font-weight: bold")
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

    def _fill_rows(self, data: bo.BoardData) -> None:
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
            title.setToolTip(cluster.title)
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
            combo.setToolTip(combo.currentText())
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setEnabled(cluster.big_bet)
            combo.activated.connect(lambda _i, c=cluster.id, cb=combo: self._link(c, cb))
            self.table.setCellWidget(row, 3, combo)

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
