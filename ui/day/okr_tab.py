"""OKR postmortem: last period's OKRs, one timebox each, and the OKRs for the next period."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from keeper import day as day_ops
from keeper.day import DayData, OkrRow
from keeper.day.slides import Slide, okr_slide
from keeper.store.models import OkrKind
from ui import palette
from ui.day.base import Host, RecordTab
from ui.day.projector import SlideOnProjector
from ui.day.widgets import (
    SAVE_KEYS,
    LineBox,
    TextBox,
    current_id,
    deselect,
    field_label,
    fill_list,
    ids_in,
    list_keys,
    move_buttons,
    row,
    save_row,
    select_id,
    side_column,
)
from ui.widgets import Banner, button, heading, hint

REVIEW, NEXT = OkrKind.REVIEW, OkrKind.NEXT
HIT_COLOUR, MISS_COLOUR = palette.GOOD, palette.ERROR_TEXT


def okr_line(number: int, okr: OkrRow) -> str:
    mark = {True: "✓", False: "✗"}.get(okr.hit, "•") if okr.kind == REVIEW else "→"
    text = f"{mark} {number}. {okr.objective}"
    if okr.kind == REVIEW and okr.result:
        text += f"  —  {okr.result}"
    elif okr.kind == NEXT and okr.target:
        text += f"  —  target {okr.target}"
    return text


class OkrTab(RecordTab):
    title = "OKR postmortem"

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.editing_kind = REVIEW

        # ----- left: the two lists
        self.source = hint("")
        self.carry_button = button("Carry &forward", self.carry_forward,
                                   tip="Bring the previous offsite's OKRs into this postmortem",
                                   name="Carry forward OKRs from the previous offsite")
        self.timebox_button = button("&Timebox in agenda", self.timebox,
                                     tip="One 10–15 minute OKR postmortem item per OKR in the "
                                         "agenda", name="Timebox OKRs in the agenda")
        self.timebox_state = Banner()

        self.review_list = QListWidget()
        self.review_list.setAccessibleName("OKRs reviewed today")
        self.review_list.setWordWrap(True)
        self.review_list.setSpacing(3)
        self.review_list.currentItemChanged.connect(lambda *_: self._picked(self.review_list))
        self.next_list = QListWidget()
        self.next_list.setAccessibleName("OKRs for the next period")
        self.next_list.setWordWrap(True)
        self.next_list.setSpacing(3)
        self.next_list.currentItemChanged.connect(lambda *_: self._picked(self.next_list))
        for widget in (self.review_list, self.next_list):
            list_keys(widget, self.delete_current, self.move)

        self.add_review = button("&Add OKR", lambda: self.start_new(REVIEW),
                                 tip="Add an OKR to review", shortcut="Alt+A")
        self.add_next = button("Add &next-period OKR", lambda: self.start_new(NEXT),
                               tip="Add an OKR for the coming period", shortcut="Alt+N")
        self.delete_button = button("Delete", self.delete_current, tip="Delete the selected OKR",
                                    shortcut=None, name="Delete OKR")
        self.up_button, self.down_button = move_buttons(self.move)
        self.on_projector = SlideOnProjector(host, "okr", self._slide)
        self.project_button = button("Show on &projector", self.show_on_projector,
                                     tip="The selected OKR under review, large, on the audience "
                                         "screen with the postmortem's questions; what the "
                                         "room says stays here (Ctrl+Shift+P)",
                                     shortcut="Ctrl+Shift+P")
        left = side_column(
            heading("Last period's OKRs"), self.source,
            row(self.carry_button, self.timebox_button, stretch_at=2), self.timebox_state,
            (self.review_list, 3),
            row(self.add_review, self.delete_button, self.up_button, self.down_button,
                stretch_at=4),
            self.project_button,
            8,
            heading("OKRs for the next period"),
            hint("Set today; the next offsite carries them into its postmortem."),
            (self.next_list, 2), row(self.add_next, stretch_at=1))

        # ----- right: the editor
        self.editor_title = heading("OKR")
        self.objective = TextBox("What the team set out to do", "Objective", lines=2)
        self.target = LineBox("e.g. 5 of 6 months above budget", "Target")
        self.result = LineBox("e.g. 3 of 6 months", "Result")
        self.hit = QRadioButton("&Hit")
        self.missed = QRadioButton("&Missed")
        self.undecided = QRadioButton("Not &decided")
        self.outcome = QButtonGroup(self)
        for n, radio in enumerate((self.hit, self.missed, self.undecided)):
            self.outcome.addButton(radio, n)
        self.went_well = TextBox("The high-level good", "What went well", lines=3)
        self.went_badly = TextBox("The high-level bad", "What didn't go well", lines=3)
        self.floor = TextBox("What happened tactically on the sales floor", "On the floor",
                             lines=3)
        self.timebox_label = hint("")
        self.save_button = button("Save", self.save, tip="Save this OKR", primary=True,
                                  name="Save OKR")
        self.save_button.setToolTip(f"Save this OKR ({SAVE_KEYS})")
        self.cancel_button = button("Revert", self.revert, tip="Throw away the unsaved changes",
                                    name="Revert OKR")

        self.outcome_row = QWidget()
        self.outcome_row.setLayout(row(self.hit, self.missed, self.undecided, stretch_at=3))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(field_label("&Objective", self.objective), self.objective)
        self.form.addRow(field_label("Tar&get", self.target), self.target)
        self.form.addRow(field_label("&Result", self.result), self.result)
        self.form.addRow(field_label("Outcome"), self.outcome_row)
        self.form.addRow(field_label("Went &well", self.went_well), self.went_well)
        self.form.addRow(field_label("Didn't go we&ll", self.went_badly), self.went_badly)
        self.form.addRow(field_label("On the &floor", self.floor), self.floor)
        self.review_only = [self.result, self.outcome_row, self.went_well, self.went_badly,
                            self.floor]

        self.editor = QGroupBox()
        self.editor.setTitle("")
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.timebox_label)
        editor_layout.addLayout(self.form)
        editor_layout.addLayout(save_row(self.cancel_button, self.save_button))
        editor_layout.addStretch(1)
        self.watch_form(self.editor, self.objective, self.target, self.result, self.hit,
                        self.missed, self.undecided, self.went_well, self.went_badly,
                        self.floor, on_dirty=self._update_buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        self.split(left, scroll)

    # ----- showing -----------------------------------------------------------------
    def show_data(self, data: DayData, editable: bool) -> None:
        self.data = data
        self.on_projector.follow()
        if data.previous_title:
            self.source.setText(f"Set at {data.previous_title}; each one gets a "
                                f"{data.minutes_per_okr}-minute postmortem.")
        else:
            self.source.setText("There is no earlier offsite in this file: add the OKRs "
                                "to review by hand.")
        carry = len(data.to_carry)
        self.carry_button.setText(f"Carry &forward ({carry})" if carry else "Carry &forward")
        self.carry_button.setEnabled(editable and carry > 0)
        self.timebox_button.setEnabled(editable and bool(data.review_okrs))
        if not data.review_okrs:
            self.timebox_state.show_message(None)
        elif data.timebox_needed:
            self.timebox_state.show_message(
                f"The agenda does not match these {len(data.review_okrs)} OKRs yet: "
                f"press Timebox in agenda for {data.minutes_per_okr} minutes each.", "warn")
        else:
            self.timebox_state.show_message(
                f"In the agenda: {len(data.review_okrs)} postmortems of "
                f"{data.minutes_per_okr} minutes.", "ok")
        keep = self.editing_id
        fill_list(self.review_list, [(o.id, okr_line(n, o)) for n, o in
                                     enumerate(data.review_okrs, 1)],
                  keep if self.editing_kind == REVIEW else None, self._decorate,
                  empty="No OKRs to review yet: carry them forward or add one (Alt+A).")
        fill_list(self.next_list, [(o.id, okr_line(n, o)) for n, o in
                                   enumerate(data.next_okrs, 1)],
                  keep if self.editing_kind == NEXT else None,
                  empty="None yet: Add next-period OKR (Alt+N) to set one.")
        for widget in (self.add_review, self.add_next):
            widget.setEnabled(editable)
        for widget in (self.objective, self.target, self.result, self.went_well,
                       self.went_badly, self.floor):
            widget.setReadOnly(not editable)
        for radio in (self.hit, self.missed, self.undecided):
            radio.setEnabled(editable)
        okr = self._okr(self.editing_id)
        if self.editing_id is not None and okr is None:
            self.editing_id = None  # deleted (or undone): pick something else
        if self.editing_id is None and not self.tracker.dirty:
            first = data.review_okrs[0] if data.review_okrs else None
            if first is not None:
                self.editing_kind = REVIEW
                select_id(self.review_list, first.id)
                self._load(first)
            else:
                self._load(None)
        elif okr is not None and not self.tracker.dirty:
            self._load(okr)
        self._update_buttons()

    def _decorate(self, item: QListWidgetItem, okr_id: int) -> None:
        okr = self._okr(okr_id)
        if okr is not None and okr.hit is not None:
            item.setForeground(QBrush(QColor(HIT_COLOUR if okr.hit else MISS_COLOUR)))

    def _okr(self, okr_id: int | None) -> OkrRow | None:
        if self.data is None or okr_id is None:
            return None
        for okr in self.data.review_okrs + self.data.next_okrs:
            if okr.id == okr_id:
                return okr
        return None

    def _load(self, okr: OkrRow | None, kind: str | None = None) -> None:
        with self.tracker.loading():
            self.editing_id = okr.id if okr else None
            self.editing_kind = okr.kind if okr else (kind or self.editing_kind)
            self.objective.set_text(okr.objective if okr else "")
            self.target.set_text(okr.target if okr else "")
            self.result.set_text(okr.result if okr else "")
            hit = okr.hit if okr else None
            {True: self.hit, False: self.missed, None: self.undecided}[hit].setChecked(True)
            self.went_well.set_text(okr.went_well if okr else "")
            self.went_badly.set_text(okr.went_badly if okr else "")
            self.floor.set_text(okr.on_the_floor if okr else "")
        self.tracker.clear()
        review = self.editing_kind == REVIEW
        for widget in self.review_only:
            widget.setVisible(review)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(review)
        if okr is None:
            self.editor_title.setText("New OKR to review" if review else
                                      "New OKR for the next period")
            self.timebox_label.setText("Type the objective, then save.")
        else:
            number = (self.data.review_okrs if review else self.data.next_okrs).index(okr) + 1 \
                if self.data else 1
            self.editor_title.setText(f"OKR {number}" + ("" if review else
                                                          " for the next period"))
            if not review:
                self.timebox_label.setText("Reviewed in the postmortem of the next offsite.")
            elif okr.agenda_title:
                self.timebox_label.setText(
                    f"Timebox: {okr.agenda_title} · {okr.agenda_minutes} min")
            else:
                self.timebox_label.setText("Not in the agenda yet: press Timebox in agenda.")
        self.editor.setEnabled(self.data is not None and (okr is not None or
                                                          self.host.editable))
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.host.editable
        dirty = self.tracker.dirty
        self.save_button.setEnabled(editable and (dirty or self.editing_id is None))
        self.cancel_button.setEnabled(dirty)
        selected = self.editing_id is not None
        self.delete_button.setEnabled(editable and selected)
        self.up_button.setEnabled(editable and selected)
        self.down_button.setEnabled(editable and selected)
        self.project_button.setEnabled(selected and self.editing_kind == REVIEW)

    def show_on_projector(self) -> None:
        """The OKR under review on the audience screen (as saved; the answers stay here)."""
        self.on_projector.show(self.editing_id)

    def _slide(self, okr_id: int) -> Slide | None:
        okr = self._okr(okr_id)
        if okr is None or okr.kind != REVIEW or self.data is None:
            return None
        return okr_slide(self.data.review_okrs.index(okr) + 1, len(self.data.review_okrs), okr)

    def _picked(self, widget: QListWidget) -> None:
        okr_id = current_id(widget)
        if okr_id is None or okr_id == self.editing_id:
            return
        self.save_pending()
        deselect(self.next_list if widget is self.review_list else self.review_list)
        self._load(self._okr(okr_id))

    # ----- editing -----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"objective": self.objective.text(),
                                  "target": self.target.text()}
        if self.editing_kind == REVIEW:
            values.update({
                "result": self.result.text(),
                "hit": {0: True, 1: False}.get(self.outcome.checkedId()),
                "went_well": self.went_well.text(),
                "went_badly": self.went_badly.text(),
                "on_the_floor": self.floor.text(),
            })
        return values

    def save(self) -> bool:
        def build() -> Any:
            assert self.data is not None and self.data.offsite_id is not None
            if self.editing_id is None:
                return day_ops.add_okr(self.host.store_for_ops(), self.data.offsite_id,
                                       self.values(), self.editing_kind)
            return day_ops.edit_okr(self.editing_id, self.values())

        return self.save_record(build, "Saving the OKR", self.objective)

    def revert(self) -> None:
        self.tracker.clear()
        self._load(self._okr(self.editing_id), self.editing_kind)

    def start_new(self, kind: str) -> None:
        self.save_pending()
        deselect(self.review_list, self.next_list)
        self._load(None, kind)
        self.objective.setFocus()

    def delete_current(self) -> None:
        if self._okr(self.editing_id) is not None:
            self.delete_record(day_ops.delete_okr, "Deleting the OKR")

    def move(self, step: int) -> None:
        okr = self._okr(self.editing_id)
        if okr is not None:
            widget = self.review_list if okr.kind == REVIEW else self.next_list
            self.move_record(ids_in(widget), step, day_ops.reorder_okrs, "Reordering OKRs")

    def carry_forward(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        self.save_pending()
        op = day_ops.carry_forward_okrs(self.host.store_for_ops(), self.data.offsite_id)
        if op is None:
            self.host.say("Every OKR from the previous offsite is already here.", "info")
            return
        if self.host.run(op, "Carrying OKRs forward"):
            self.host.say(f"{op.text} from {self.data.previous_title}. Next: Timebox in "
                          "agenda.", "ok")

    def timebox(self) -> None:
        if self.data is None or self.data.offsite_id is None:
            return
        self.save_pending()
        if not self.data.timebox_needed:
            self.host.say("The agenda already has one postmortem per OKR.", "info")
            return
        op = day_ops.timebox_okrs(self.data.offsite_id)
        if self.host.run(op, "Timeboxing OKRs"):
            self.host.say(f"The agenda now has {len(self.data.review_okrs)} OKR "
                          f"postmortems of {self.data.minutes_per_okr} minutes.", "ok")

