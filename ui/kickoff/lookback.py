"""Look back at the last kickoff: revenue against goal, objectives hit or missed, and
the attendee survey summarised (counts, averages, the most frequent themes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from keeper.kickoff.rules import revenue_against_goal
from ui import palette
from ui.kickoff.bars import BarRow, RevenueBar, ValueBars
from ui.kickoff.layout import scrolled
from ui.kickoff.style import GOOD, WARN
from ui.kickoff.widgets import Host, fmt
from ui.widgets import NoteEdit, button, hint

HIT_CHOICES = (("not known", None), ("hit", True), ("missed", False))


def _money_text(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


class LookBackTab(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.LookBack()
        self._filling = False

        # Revenue against goal.
        revenue = QGroupBox("Revenue against goal")
        form = QFormLayout(revenue)
        self.goal_edit = QLineEdit()
        self.goal_edit.setAccessibleName("Revenue goal")
        self.goal_edit.setPlaceholderText("e.g. 24,000,000")
        self.goal_edit.editingFinished.connect(lambda: self._save_revenue("revenue_goal"))
        self.actual_edit = QLineEdit()
        self.actual_edit.setAccessibleName("Actual revenue")
        self.actual_edit.setPlaceholderText("e.g. 22,100,000")
        self.actual_edit.editingFinished.connect(lambda: self._save_revenue("revenue_actual"))
        form.addRow("&Goal", self.goal_edit)
        form.addRow("&Actual", self.actual_edit)
        self.revenue_bar = RevenueBar()
        form.addRow(self.revenue_bar)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Revenue verdict")
        form.addRow(self.verdict)
        self.factors = NoteEdit("Outside factors", "Outside factors that boosted or hindered "
                                                   "the team… (saved when you leave the box)")
        self.factors.setMaximumHeight(70)
        self.factors.committed.connect(self._save_factors)
        form.addRow("Outside &factors", self.factors)

        # Objectives hit or missed.
        objectives = QGroupBox("Objectives set for last kickoff's attendees")
        col = QVBoxLayout(objectives)
        self.objective_table = QTableWidget(0, 2)
        self.objective_table.setAccessibleName("Objectives, hit or missed")
        self.objective_table.setHorizontalHeaderLabels(["Objective", "Result"])
        self.objective_table.verticalHeader().hide()
        header = self.objective_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 120)
        self.objective_table.setWordWrap(True)
        self.objective_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.objective_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.objective_table.itemChanged.connect(self._objective_edited)
        col.addWidget(self.objective_table, 1)
        self.objective_tally = hint("")
        col.addWidget(self.objective_tally)
        row = QHBoxLayout()
        self.new_objective = QLineEdit()
        self.new_objective.setAccessibleName("New objective")
        self.new_objective.setPlaceholderText("A new objective… (Enter adds it)")
        self.new_objective.returnPressed.connect(self.add_objective)
        row.addWidget(self.new_objective, 1)
        self.add_objective_button = button("Add", self.add_objective, name="Add objective")
        row.addWidget(self.add_objective_button)
        self.delete_objective_button = button("Delete", self.delete_objective,
                                              name="Delete objective",
                                              tip="Delete the selected objective")
        row.addWidget(self.delete_objective_button)
        col.addLayout(row)

        # Survey.
        survey = QGroupBox("Attendee survey")
        col = QVBoxLayout(survey)
        top = QHBoxLayout()
        self.survey_count = QLabel()
        self.survey_count.setProperty("role", "big")
        self.survey_count.setAccessibleName("Survey responses")
        top.addWidget(self.survey_count)
        top.addStretch(1)
        self.import_button = button("&Import survey…", lambda: self.host.start_import("survey"),
                                    tip="Respondent (optional), what went well, what to improve "
                                        "and any rating columns, from .xlsx or .csv",
                                    shortcut="Ctrl+Shift+I")
        top.addWidget(self.import_button)
        col.addLayout(top)
        col.addWidget(hint("Average rating per question"))
        self.averages = ValueBars("Average survey ratings")
        self.averages.empty_text = "No ratings yet: import the survey"
        col.addWidget(self.averages)
        themes = QGridLayout()
        themes.addWidget(hint("Most frequent: went well"), 0, 0)
        themes.addWidget(hint("Most frequent: to improve"), 0, 1)
        self.well_list = QListWidget()
        self.well_list.setAccessibleName("Most frequent themes: went well")
        self.improve_list = QListWidget()
        self.improve_list.setAccessibleName("Most frequent themes: to improve")
        for widget in (self.well_list, self.improve_list):
            widget.setMaximumHeight(96)
            widget.setWordWrap(True)
        themes.addWidget(self.well_list, 1, 0)
        themes.addWidget(self.improve_list, 1, 1)
        col.addLayout(themes)
        self.responses = QTableWidget(0, 3)
        self.responses.setAccessibleName("Survey responses")
        self.responses.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.responses.verticalHeader().hide()
        self.responses.setWordWrap(True)
        col.addWidget(self.responses, 1)

        left = QVBoxLayout()
        left.addWidget(revenue)
        left.addWidget(objectives, 1)
        body = QHBoxLayout()
        left_widget = QWidget()
        left_widget.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        body.addWidget(left_widget, 5)
        body.addWidget(survey, 6)
        inner = QWidget()
        inner.setLayout(body)
        scroll = scrolled(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)

    # --- loading -----------------------------------------------------------------
    def reload(self) -> None:
        store, offsite_id = self.host.store, self.host.offsite_id
        self.data = ko.load_look_back(store, offsite_id) if offsite_id else ko.LookBack()
        editable = self.host.editable
        self._filling = True
        try:
            if not self.goal_edit.hasFocus():
                self.goal_edit.setText(_money_text(self.data.revenue_goal))
            if not self.actual_edit.hasFocus():
                self.actual_edit.setText(_money_text(self.data.revenue_actual))
            text = revenue_against_goal(self.data.revenue_goal, self.data.revenue_actual)
            self.revenue_bar.set_values(self.data.revenue_goal, self.data.revenue_actual, text)
            self.verdict.setText(text)
            verdict = self.data.revenue_verdict
            colour = (GOOD if verdict == "met" else WARN).name()
            self.verdict.setStyleSheet(f"color: {colour}; font-weight: 600;"
                                       if verdict else f"color: {palette.TEXT_MUTED};")
            self.factors.set_saved(self.data.outside_factors)
            self._fill_objectives(editable)
            self._fill_survey()
        finally:
            self._filling = False
        for widget in (self.goal_edit, self.actual_edit, self.factors, self.new_objective,
                       self.add_objective_button, self.delete_objective_button,
                       self.import_button):
            widget.setEnabled(editable)

    def _fill_objectives(self, editable: bool) -> None:
        table = self.objective_table
        table.setRowCount(len(self.data.objectives))
        for row, objective in enumerate(self.data.objectives):
            item = QTableWidgetItem(objective.text)
            item.setData(Qt.ItemDataRole.UserRole, objective.id)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if editable:
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(f"Result of {objective.text[:60]}")
            for label, value in HIT_CHOICES:
                combo.addItem(label, value)
            combo.setCurrentIndex([v for _l, v in HIT_CHOICES].index(objective.hit))
            combo.setEnabled(editable)
            combo.setStyleSheet({True: f"color: {palette.GOOD}; font-weight: 600;",
                                 False: f"color: {palette.ERROR_TEXT}; font-weight: 600;"}.get(
                                     objective.hit, ""))  # type: ignore[call-overload]
            combo.currentIndexChanged.connect(
                lambda _i, oid=objective.id, c=combo: self.set_hit(oid, c.currentData()))
            table.setCellWidget(row, 1, combo)
        table.resizeRowsToContents()
        hit = sum(1 for o in self.data.objectives if o.hit is True)
        missed = sum(1 for o in self.data.objectives if o.hit is False)
        self.objective_tally.setText(f"{hit} hit, {missed} missed, "
                                     f"{len(self.data.objectives) - hit - missed} not known"
                                     if self.data.objectives else "No objectives recorded yet.")

    def _fill_survey(self) -> None:
        summary = self.data.summary
        count = summary.responses if summary else 0
        self.survey_count.setText(f"{count} response{'s' if count != 1 else ''}")
        rows = []
        if summary is not None:
            for question in self.data.questions:
                average = summary.averages.get(question)
                scale = self.data.scales.get(question, 5.0)
                share = average / scale if average is not None else None
                rows.append(BarRow(question, share,
                                   f"{fmt(average, 2)} / {scale:g}  "
                                   f"({summary.rated.get(question, 0)} rated)"))
        self.averages.set_rows(rows, 1.0)
        for widget, themes in ((self.well_list, summary.went_well_themes if summary else []),
                               (self.improve_list, summary.to_improve_themes if summary else [])):
            widget.clear()
            for theme, n in themes:
                widget.addItem(f"{theme} — {n} mentions")
            if not themes:
                widget.addItem("No repeated theme yet")
        headers = ["Respondent", "Went well", "To improve", *self.data.questions]
        self.responses.setColumnCount(len(headers))
        self.responses.setHorizontalHeaderLabels(headers)
        self.responses.setRowCount(len(self.data.responses))
        for row, response in enumerate(self.data.responses):
            values = [response.respondent or "anonymous", response.went_well or "",
                      response.to_improve or ""]
            values += [fmt(response.ratings.get(q)) for q in self.data.questions]
            for column, value in enumerate(values):
                self.responses.setItem(row, column, QTableWidgetItem(value))
        header = self.responses.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 120)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in range(3, len(headers)):
            header.resizeSection(column, 72)
        header.setStretchLastSection(False)
        self.responses.resizeRowsToContents()

    # --- editing -------------------------------------------------------------------
    def _save_revenue(self, key: str) -> None:
        if self._filling or self.host.offsite_id is None:
            return
        edit = self.goal_edit if key == "revenue_goal" else self.actual_edit
        current = self.data.revenue_goal if key == "revenue_goal" else self.data.revenue_actual
        typed = ko.number(edit.text()) if edit.text().strip() else None
        if edit.text().strip() and typed is None:
            pass  # the operation explains what is wrong
        elif typed == current:
            return
        offsite_id = self.host.offsite_id
        self.host.run(lambda: ko.set_look_back(offsite_id, **{key: edit.text()}),
                      "Saving revenue")

    def set_revenue(self, goal: str | None = None, actual: str | None = None) -> None:
        if goal is not None:
            self.goal_edit.setText(goal)
            self._save_revenue("revenue_goal")
        if actual is not None:
            self.actual_edit.setText(actual)
            self._save_revenue("revenue_actual")

    def _save_factors(self, text: str) -> None:
        offsite_id = self.host.offsite_id
        if offsite_id is not None:
            self.host.run(lambda: ko.set_look_back(offsite_id, outside_factors=text),
                          "Saving outside factors")

    def add_objective(self) -> None:
        offsite_id = self.host.offsite_id
        text = self.new_objective.text()
        if offsite_id is None:
            return
        if self.host.run(lambda: ko.add_objective(self.host.store, offsite_id, text),
                         "Adding an objective"):
            self.new_objective.clear()

    def selected_objective(self) -> int | None:
        row = self.objective_table.currentRow()
        item = self.objective_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def delete_objective(self) -> None:
        objective_id = self.selected_objective()
        if objective_id is not None:
            self.host.run(lambda: ko.delete_objective(objective_id), "Deleting an objective")

    def set_hit(self, objective_id: int, hit: bool | None) -> None:
        if not self._filling:
            self.host.run(lambda: ko.edit_objective(objective_id, hit=hit), "Marking objective")

    def _objective_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        objective_id = item.data(Qt.ItemDataRole.UserRole)
        old = next((o.text for o in self.data.objectives if o.id == objective_id), None)
        if objective_id is None or item.text() == old:
            return
        text = item.text()
        self.host.run(lambda: ko.edit_objective(objective_id, text=text), "Editing objective")
