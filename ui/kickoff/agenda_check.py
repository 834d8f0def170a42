"""Agenda check: the kickoff agenda's content mix against 60/30/10, each session's format
and content, and the compensation flag with its advice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from keeper.kickoff.rules import COMPENSATION_ADVICE, SESSION_FORMATS
from ui import palette
from ui.agenda.mix_bar import MixBar  # one content-mix bar, one set of bucket colours
from ui.kickoff.widgets import Host
from ui.widgets import Banner, heading, hint

TAGS = (("—", None), ("skills", "skills"), ("strategy", "strategy"), ("culture", "culture"))
FLAG_BG = QColor(palette.ERROR_BG)


class AgendaCheckTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.AgendaCheck()
        self._filling = False

        self.mix_bar = MixBar()
        self.mix_text = QLabel()
        self.mix_text.setWordWrap(True)
        self.mix_text.setAccessibleName("Content mix")
        self.comp_banner = Banner(strong=True)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName("Kickoff sessions")
        self.table.setHorizontalHeaderLabels(["Day", "Session", "Min", "Content", "Format",
                                              "Flag"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in enumerate((44, 360, 50, 120, 190, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.currentCellChanged.connect(lambda *_a: self._show_advice())
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName("Advice on the selected session")
        self.advice.setStyleSheet(f"color: {palette.INK}; padding: 4px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        top = QHBoxLayout()
        top.addWidget(heading("Content mix"))
        self.rule_label = hint("")
        top.addWidget(self.rule_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.mix_bar)
        layout.addWidget(self.mix_text)
        layout.addWidget(self.comp_banner)
        layout.addWidget(heading("Sessions: content and format"))
        layout.addWidget(hint("Formats: keynote for vision, role-play to apply skills, breakouts "
                              "by role or tenure, a success-story panel of top performers. "
                              "Breaks and lunch are not counted in the mix."))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)

    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.data = ko.load_agenda_check(self.host.store, offsite_id) if offsite_id \
            else ko.AgendaCheck()
        editable = self.host.editable
        mix = self.data.mix
        self.mix_bar.set_report(mix)
        if mix is not None and mix.counted_minutes:
            self.rule_label.setText(f"rule {mix.rule}: upper bar is the agenda, lower the "
                                    "target")
            parts = []
            for share in mix.shares:
                verdict = (share.verdict if share.verdict == "on target"
                           else f"{share.points:+d} points {share.verdict}")
                parts.append(f"<b>{share.bucket}</b> {share.share:.0%} of {mix.counted_minutes} "
                             f"session minutes (target {share.target:.0%}, {verdict})")
            untagged = (f" · {mix.untagged_minutes} min in {len(mix.untagged_ids)} untagged "
                        "session(s) not counted" if mix.untagged_minutes else "")
            self.mix_text.setText("; ".join(parts) + untagged)
        else:
            self.rule_label.setText("")
            self.mix_text.setText("Tag sessions as skills, strategy or culture to see the mix.")
        flagged = [s for s in self.data.sessions if s.comp_advice]
        if flagged:
            names = ", ".join(f"“{s.title}”" for s in flagged)
            verb = "is" if len(flagged) == 1 else "are"
            self.comp_banner.show_message(
                f"⚠ {names} {verb} about compensation. {COMPENSATION_ADVICE}", "warn")
        else:
            self.comp_banner.show_message(None)
        self._fill_table(editable)

    def _fill_table(self, editable: bool) -> None:
        self._filling = True
        current = self.current_session()
        try:
            self.table.setRowCount(len(self.data.sessions))
            for row, session in enumerate(self.data.sessions):
                cells = [str(session.day), session.title, str(session.minutes)]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, session.id)
                    if column != 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if session.comp_advice:
                        item.setBackground(FLAG_BG)
                    self.table.setItem(row, column, item)
                tag = QComboBox()
                tag.setAccessibleName(f"Content of {session.title[:60]}")
                for label, value in TAGS:
                    tag.addItem(label, value)
                tag.setCurrentIndex(max(0, tag.findData(session.content_tag))
                                    if session.content_tag else 0)
                tag.setEnabled(editable)
                tag.currentIndexChanged.connect(
                    lambda _i, sid=session.id, box=tag: self.set_tag(sid, box.currentData()))
                self.table.setCellWidget(row, 3, tag)
                fmt_box = QComboBox()
                fmt_box.setEditable(True)
                fmt_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                fmt_box.setAccessibleName(f"Format of {session.title[:60]}")
                fmt_box.addItem("")
                fmt_box.addItems(list(SESSION_FORMATS))
                fmt_box.setCurrentText(session.session_format or "")
                fmt_box.setEnabled(editable)
                fmt_box.activated.connect(
                    lambda _i, sid=session.id, box=fmt_box: self.set_format(sid,
                                                                            box.currentText()))
                line = fmt_box.lineEdit()
                if line is not None:
                    line.editingFinished.connect(
                        lambda sid=session.id, box=fmt_box: self.set_format(sid,
                                                                            box.currentText()))
                self.table.setCellWidget(row, 4, fmt_box)
                flag = QTableWidgetItem("⚠ compensation" if session.comp_advice else "")
                if session.comp_advice:
                    flag.setBackground(FLAG_BG)
                    flag.setForeground(QColor(palette.ERROR_TEXT))
                    flag.setToolTip(session.comp_advice)
                self.table.setItem(row, 5, flag)
                if session.id == current:
                    self.table.setCurrentCell(row, 1)
        finally:
            self._filling = False
        self._show_advice()

    def current_session(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 \
            else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_advice(self) -> None:
        session_id = self.current_session()
        session = next((s for s in self.data.sessions if s.id == session_id), None)
        if session is None:
            self.advice.setText("")
        elif session.comp_advice:
            self.advice.setText(f"<b>{session.title}</b>: {session.comp_advice}")
        else:
            self.advice.setText(f"<b>{session.title}</b>: {session.minutes} min, "
                                f"{session.content_tag or 'no content tag'}, "
                                f"{session.session_format or 'no format yet'}.")

    def session_format(self, session_id: int) -> str | None:
        session = next((s for s in self.data.sessions if s.id == session_id), None)
        return session.session_format if session else None

    def set_format(self, session_id: int, text: str) -> None:
        if self._filling or (text.strip() or None) == self.session_format(session_id):
            return
        self.host.run(lambda: ko.set_session_format(self.host.store, session_id, text),
                      "Setting a format")

    def set_tag(self, session_id: int, tag: str | None) -> None:
        if self._filling:
            return
        self.host.run(lambda: ko.set_content_tag(self.host.store, session_id, tag),
                      "Setting the content")
