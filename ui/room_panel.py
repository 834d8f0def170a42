"""The Keeper's room panel: the address and code, who joined, what each sent, and control.

Opened by Run ▸ Open the room. It lists each phone (name, status, what it
sent; never the private text), lets a waiting second phone in, removes a
phone, pauses sending, chooses what the phones show, and puts the join screen
on the projector. Closing the panel closes the room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.changes import Changes
from ui import palette
from ui.audience.join_screen import JoinScreen
from ui.context import AppContext
from ui.room import reads
from ui.room.activity import LABELS, Activity
from ui.room.desk import NoOffsite
from ui.room.devices import RoomError
from ui.room.network import qr_matrix
from ui.room_bridge import RoomController
from ui.throttle import Throttle

PROJECTOR_KEY = "room"


class RoomPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 controller: RoomController | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("The room · phones")
        self.context = context
        self.controller = controller or RoomController(context, self)
        # a phone joining or sending: the list follows, at most four times a second
        self._refresh_soon = Throttle(self.refresh, 250, self)
        self.controller.devices_changed.connect(self._refresh_soon)
        self.controller.opened_changed.connect(lambda _open: self.refresh())
        self._roster: list[str] | None = None  # who may join, read when first needed
        context.data_changed.connect(self._data_changed)

        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        self.code = QLabel()
        self.code.setAccessibleName("Room code")
        self.code.setStyleSheet("font-size: 28pt; font-weight: 700; letter-spacing: 6px;")
        self.project = QPushButton("Show the join screen on the projector")
        self.project.clicked.connect(self.show_join_screen)
        self.timer_back = QPushButton("Back to the timer")
        self.timer_back.clicked.connect(self.context.audience.present_timer)
        self.shows = QComboBox()
        self.shows.setAccessibleName("Phones show")
        self.shows.addItem("Follow the agenda", None)
        for activity in Activity:
            self.shows.addItem(LABELS[activity], activity.value)
        self.shows.currentIndexChanged.connect(self._choose)
        self.pause = QCheckBox("Pause sending")
        self.pause.toggled.connect(self._pause)
        self.people = QTreeWidget()
        self.people.setHeaderLabels(["Name", "Status", "Sent", "Last", "Phone"])
        self.people.setRootIsDecorated(False)
        self.people.setAccessibleName("Phones in the room")
        self.people.itemSelectionChanged.connect(self._selection)
        self.people.itemActivated.connect(self._activated)
        self.missing = QLabel()  # who has not joined yet
        self.missing.setObjectName("muted")
        self.missing.setWordWrap(True)
        self.admit = QPushButton("Let this phone in")
        self.admit.clicked.connect(self._admit)
        self.remove = QPushButton("Remove this phone")
        self.remove.clicked.connect(self._remove)
        self.close_button = QPushButton("Close the room")
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.code)
        top.addWidget(self.status, 1)
        projector = QHBoxLayout()
        projector.addWidget(self.project)
        projector.addWidget(self.timer_back)
        choice = QHBoxLayout()
        choice.addWidget(QLabel("Phones show:"))
        choice.addWidget(self.shows, 1)
        choice.addWidget(self.pause)
        actions = QHBoxLayout()
        actions.addWidget(self.admit)
        actions.addWidget(self.remove)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for row in (top, projector, choice):
            layout.addLayout(row)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.missing)
        layout.addLayout(actions)
        self.resize(640, 420)
        self.refresh()

    # ----- opening and closing ---------------------------------------------------------
    def open_room(self) -> None:
        """Open (or show again) the room; a failure is said in the panel, not raised."""
        try:
            self.controller.open()
        except RoomError as e:
            self.status.setText(e.message)
        else:
            self.show_join_screen()
        self.refresh()
        self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_room()
        super().closeEvent(event)

    def close_room(self) -> None:
        self.controller.close()
        if self.context.audience.key == PROJECTOR_KEY:
            self.context.audience.present_timer()

    def show_join_screen(self) -> None:
        if self.controller.room is None:
            return
        url, code = self.controller.url, self.controller.room.code
        matrix = qr_matrix(f"{url}?code={code}")
        self.context.audience.present(
            PROJECTOR_KEY, lambda parent: JoinScreen(matrix, url, code, parent))

    # ----- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        room = self.controller.room
        opened = room is not None
        for widget in (self.project, self.shows, self.pause, self.people):
            widget.setEnabled(opened)
        if room is None:
            self.code.setText("")
            if not self.status.text() or self.status.text().startswith("Open at"):
                self.status.setText("The room is closed.")
            self.people.clear()
            self.missing.setText("")
            self._selection()
            return
        self.code.setText(room.code)
        rows = sorted(room.devices(), key=lambda r: r.admitted)  # waiting for the Keeper first
        waiting = sum(1 for r in rows if not r.admitted)
        self.status.setText(f"Open at {self.controller.url} · {len(rows) - waiting} joined"
                            + (f" · {waiting} waiting for your OK" if waiting else ""))
        chosen = self.people.currentItem()
        keep = chosen.data(0, Qt.ItemDataRole.UserRole) if chosen else None
        self.people.setUpdatesEnabled(False)
        self.people.clear()
        for row in rows:
            sent = ", ".join(f"{what} {n}" for what, n in sorted(row.sent.items())) or "—"
            item = QTreeWidgetItem([row.name, "in" if row.admitted else "waiting for your OK",
                                    sent, row.last_sent, row.address])
            item.setData(0, Qt.ItemDataRole.UserRole, row.token)
            if not row.admitted:  # a second phone for a name: the Keeper's call
                font = item.font(0)
                font.setBold(True)
                for column in range(item.columnCount()):
                    item.setFont(column, font)
                    item.setForeground(column, QColor(palette.WARN_TEXT))
            self.people.addTopLevelItem(item)
            if row.token == keep:
                self.people.setCurrentItem(item)
        for column in range(self.people.columnCount() - 1):
            self.people.resizeColumnToContents(column)
        self.people.setUpdatesEnabled(True)
        joined = {r.name for r in rows if r.admitted}
        missing = [name for name in self._roster_names() if name not in joined]
        self.missing.setText(f"Not joined yet ({len(missing)}): {', '.join(missing)}" if missing
                             else "Everyone on the list has joined." if joined else "")
        self._selection()

    def _roster_names(self) -> list[str]:
        """The names a phone may pick (the room's own roster rule), kept until the people,
        the attendance or the board change."""
        if self._roster is None:
            try:
                self._roster = [m.name for m in reads.roster(self.controller.desk.keep)]
            except NoOffsite:  # no file open: nobody to wait for
                self._roster = []
        return self._roster

    def _data_changed(self, changes: Changes) -> None:
        if changes.people or changes.offsite or changes.board:
            self._roster = None
            if self.controller.room is not None:
                self._refresh_soon()

    def _token(self) -> str | None:
        item = self.people.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selection(self) -> None:
        room, token = self.controller.room, self._token()
        row = next((r for r in room.devices() if r.token == token), None) if room else None
        self.admit.setEnabled(row is not None and not row.admitted)
        self.remove.setEnabled(row is not None)

    def _activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        if self.admit.isEnabled():  # Enter or a double-click on a waiting phone lets it in
            self._admit()

    def _admit(self) -> None:
        token = self._token()
        if self.controller.room is not None and token:
            self.controller.room.admit(token)

    def _remove(self) -> None:
        token = self._token()
        if self.controller.room is not None and token:
            self.controller.room.remove(token)

    def _choose(self) -> None:
        value = self.shows.currentData()
        if self.controller.room is not None:
            self.controller.room.choose(Activity(value) if value else None)

    def _pause(self, paused: bool) -> None:
        if self.controller.room is not None:
            self.controller.room.set_paused(paused)
