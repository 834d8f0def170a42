"""The follow-through's first 30 days: each rep's execution blueprint and accountability
partner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper import kickoff as ko
from ui.kickoff.layout import side_by_side
from ui.kickoff.widgets import Host
from ui.widgets import NoteEdit, heading, hint


class FirstThirtyDays:
    """The first-30-days page of the follow-through tab: each rep's plan and partner."""

    host: Host
    data: ko.FollowThrough
    rep_id: int | None
    _filling: bool

    def _build_plans(self) -> QWidget:
        page = QWidget()
        self.rep_list = QListWidget()
        self.rep_list.setAccessibleName("Reps and their first-30-days plans")
        self.rep_list.currentItemChanged.connect(lambda cur, _p: self._rep_selected(cur))
        form_box = QGroupBox("First 30 days execution blueprint")
        box_col = QVBoxLayout(form_box)
        form = QFormLayout()
        box_col.addLayout(form)
        box_col.addStretch(1)
        self.plan_title = heading("")
        form.addRow(self.plan_title)
        self.plan_edits: dict[str, NoteEdit] = {}
        hints = {"week1_focus": "Specific prospects to contact with the new messaging",
                 "weeks2_3": "Pipeline deals to advance with the new frameworks",
                 "week4_review": "Metrics review and adjustment session",
                 "daily_habits": "2–3 micro-behaviours to practise every day"}
        for key in ko.PLAN_FIELDS:
            edit = NoteEdit(ko.PLAN_LABELS[key], hints[key] + "… (saved when you leave the box)")
            edit.setMaximumHeight(72)
            edit.committed.connect(lambda text, key=key: self.save_plan_field(key, text))
            self.plan_edits[key] = edit
            label = QLabel(ko.PLAN_LABELS[key])
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Accountability partner")
        self.partner_box.activated.connect(lambda _i: self.save_partner())
        partner_label = QLabel("Accountability &partner")
        partner_label.setBuddy(self.partner_box)
        form.addRow(partner_label, self.partner_box)
        self.partner_note = hint("")
        form.addRow("", self.partner_note)
        self.rep_list.setMinimumWidth(300)
        splitter = side_by_side(self.rep_list, form_box, (1, 3), [340, 900])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.plan_summary = hint("")
        layout.addWidget(self.plan_summary)
        layout.addWidget(splitter, 1)
        return page

    def _fill_plans(self) -> None:
        names = {r.id: r.name for r in self.data.reps}
        if self.rep_id is None or self.rep_id not in names:
            self.rep_id = self.data.reps[0].id if self.data.reps else None
        self.rep_list.clear()
        for rep in self.data.reps:
            plan = self.data.plans.get(rep.id)
            partner = names.get(plan.partner_id or -1) if plan else None
            mark = "✓ " if plan else "○ "
            item = QListWidgetItem(mark + rep.name + (f"  ·  with {partner}" if partner else ""))
            item.setData(Qt.ItemDataRole.UserRole, rep.id)
            self.rep_list.addItem(item)
            if rep.id == self.rep_id:
                self.rep_list.setCurrentItem(item)
        with_plan = sum(1 for r in self.data.reps if r.id in self.data.plans)
        without_partner = sum(1 for p in self.data.plans.values() if p.partner_id is None)
        self.plan_summary.setText(f"{with_plan} of {len(self.data.reps)} reps have a plan; "
                                  f"{without_partner} plan(s) without an accountability "
                                  "partner. Exported one sheet per rep.")
        self._fill_plan_form()

    def _fill_plan_form(self) -> None:
        editable = self.host.editable and self.rep_id is not None
        rep = next((r for r in self.data.reps if r.id == self.rep_id), None)
        plan = self.data.plans.get(self.rep_id) if self.rep_id is not None else None
        self.plan_title.setText(f"{rep.name}'s first 30 days" if rep else "Select a rep")
        for key, edit in self.plan_edits.items():
            edit.set_saved(getattr(plan, key) if plan else "")
            edit.setEnabled(editable)
        was = self._filling
        self._filling = True
        try:
            self.partner_box.clear()
            self.partner_box.addItem("— no partner yet —", None)
            for other in self.data.reps:
                if other.id != self.rep_id:
                    self.partner_box.addItem(other.name, other.id)
            partner_id = plan.partner_id if plan else None
            self.partner_box.setCurrentIndex(max(0, self.partner_box.findData(partner_id))
                                             if partner_id else 0)
        finally:
            self._filling = was
        self.partner_box.setEnabled(editable)
        note = ""
        if plan and plan.partner_id:
            back = self.data.plans.get(plan.partner_id)
            partner_name = next((r.name for r in self.data.reps if r.id == plan.partner_id), "")
            if back is None or back.partner_id != self.rep_id:
                note = f"{partner_name} has not named {rep.name if rep else ''} as partner yet."
            else:
                note = f"{partner_name} and {rep.name if rep else ''} check in on each other."
        self.partner_note.setText(note)

    def _rep_selected(self, item: QListWidgetItem | None) -> None:
        if self._filling or item is None:
            return
        rep_id = item.data(Qt.ItemDataRole.UserRole)
        if rep_id != self.rep_id:
            for edit in self.plan_edits.values():  # save what was typed for the previous rep
                if edit.hasFocus():
                    edit.commit()
            self.rep_id = rep_id
            self._fill_plan_form()

    def select_rep(self, name: str) -> None:
        for n in range(self.rep_list.count()):
            item = self.rep_list.item(n)
            rep = next(r for r in self.data.reps if r.id == item.data(Qt.ItemDataRole.UserRole))
            if rep.name == name:
                self.rep_list.setCurrentItem(item)
                return
        raise KeyError(name)

    def save_plan_field(self, key: str, text: str) -> None:
        offsite_id, rep_id = self.host.offsite_id, self.rep_id
        if offsite_id is None or rep_id is None:
            return
        self.host.run(lambda: ko.set_plan(self.host.store, offsite_id, rep_id, {key: text}),
                      "Saving the plan")

    def save_partner(self) -> None:
        offsite_id, rep_id = self.host.offsite_id, self.rep_id
        if self._filling or offsite_id is None or rep_id is None:
            return
        partner = self.partner_box.currentData()
        plan = self.data.plans.get(rep_id)
        if (plan.partner_id if plan else None) == partner:
            return
        self.host.run(lambda: ko.set_plan(self.host.store, offsite_id, rep_id,
                                          {"partner_id": partner}), "Choosing a partner")
