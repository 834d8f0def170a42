"""Kickoff mode: the sales kickoff's look-back, reality audit, goals, agenda check,
recognition and follow-through, on the same file as the leadership offsites.

The view works on the context's offsite when it is a kickoff; otherwise it offers
to open one of the file's kickoffs or to create one from the two-day template.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keeper.agenda.templates import find_template
from keeper.changes import Changes
from keeper.kickoff import SkoError, kickoff_of, kickoffs, setup_kickoff
from keeper.kickoff import imports as ki
from keeper.ops import Operation
from keeper.store.files import add_offsite_from_template
from keeper.store.offsite_file import OffsiteStore, StoreError
from ui.context import AppContext
from ui.kickoff.agenda_check import AgendaCheckTab
from ui.kickoff.audit import AuditTab
from ui.kickoff.follow import FollowTab
from ui.kickoff.goals import GoalsTab
from ui.kickoff.import_text import attainment_text, audit_text, survey_text
from ui.kickoff.lookback import LookBackTab
from ui.kickoff.preview import ImportPreview, PreviewOption, PreviewText
from ui.kickoff.recognition import RecognitionTab
from ui.kickoff.style import STYLE
from ui.tasks import run_in_background
from ui.widgets import Banner, button, heading, hint

log = logging.getLogger(__name__)
KICKOFF_TEMPLATE = "sales-kickoff-2-days"
AREAS = Changes(kickoff=True, agenda=True, people=True, offsite=True, runner=True)
IMPORT_TITLES = {"survey": "Import attendee survey", "audit": "Import reality audit",
                 "attainment": "Import plan attainment"}


class KickoffView(QWidget):
    """Six tabs over one kickoff; every edit is undoable and saved when made."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        self._stale: set[int] = set()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_chooser())
        self.pages.addWidget(self._build_tabs())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        context.file_changed.connect(self.reload)
        context.data_changed.connect(self.reload)
        self.reload()

    # --- construction ------------------------------------------------------------
    def _build_chooser(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(24, 24, 24, 24)
        col.addWidget(heading("Kickoff mode works on a sales kickoff"))
        self.chooser_text = hint("")
        col.addWidget(self.chooser_text)
        row = QHBoxLayout()
        self.kickoff_box = QComboBox()
        self.kickoff_box.setAccessibleName("Kickoffs in this file")
        self.kickoff_box.setMinimumWidth(320)
        label = QLabel("&Kickoff")
        label.setBuddy(self.kickoff_box)
        self.open_button = button("&Open kickoff", self.open_selected, primary=True,
                                  tip="Work on the chosen kickoff")
        row.addWidget(label)
        row.addWidget(self.kickoff_box)
        row.addWidget(self.open_button)
        row.addStretch(1)
        col.addLayout(row)
        self.create_button = button("&Create a sales kickoff", self.create_kickoff,
                                    tip="A new two-day sales kickoff with the template agenda, "
                                        "the default competencies and recognition tiers")
        create_row = QHBoxLayout()
        create_row.addWidget(self.create_button)
        create_row.addStretch(1)
        col.addLayout(create_row)
        self.chooser_banner = Banner(strong=True)
        col.addWidget(self.chooser_banner)
        col.addStretch(1)
        return page

    def _build_tabs(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title_label = heading("")
        self.title_label.setAccessibleName("Kickoff")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.switch_button = button("Other kickoff…", self.show_chooser,
                                    tip="Open another kickoff or create one")
        top.addWidget(self.switch_button)
        col.addLayout(top)
        self.banner = Banner(strong=True)
        col.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Kickoff parts")
        self.look_back = LookBackTab(self)
        self.audit = AuditTab(self)
        self.goals = GoalsTab(self)
        self.agenda_check = AgendaCheckTab(self)
        self.recognition = RecognitionTab(self)
        self.follow = FollowTab(self)
        self.parts: list[tuple[QWidget, str]] = [
            (self.look_back, "Look back"), (self.audit, "Reality audit"),
            (self.goals, "Goals"), (self.agenda_check, "Agenda check"),
            (self.recognition, "Recognition"), (self.follow, "Follow-through")]
        for n, (widget, title) in enumerate(self.parts):
            self.tabs.addTab(widget, title)
            self.tabs.setTabToolTip(n, f"{title} (Alt+{n + 1})")
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self,
                      lambda n=n: self.tabs.setCurrentIndex(n),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tabs.currentChanged.connect(self._on_tab)
        col.addWidget(self.tabs, 1)
        return page

    # --- the host API the tabs use -------------------------------------------------
    @property
    def offsite_id(self) -> int | None:
        store = self.context.store
        if store is None:
            return None
        offsite = kickoff_of(store, self.context.offsite_id)
        return offsite.id if offsite is not None else None

    @property
    def editable(self) -> bool:
        return not self.context.read_only and self.offsite_id is not None

    @property
    def store(self) -> OffsiteStore:
        assert self.context.store is not None
        return self.context.store

    def say(self, text: str | None, kind: str = "error") -> None:
        self.banner.show_message(text, kind)

    def message(self) -> str:
        return self.banner.text()

    def today(self) -> dt.date:
        """Today on the injected clock, in local time."""
        return self.context.clock.now().astimezone().date()

    def run(self, make: Callable[[], Operation | None], what: str) -> bool:
        """Build the operation (which checks the input) and run it, undoably.

        A refused edit is explained in the banner; the view shows the file as it is.
        """
        if not self.editable:
            self.say("This file is open read-only; nothing can be changed.", "warn")
            return False
        try:
            operation = make()
            if operation is None:
                return False
            self.context.run(operation)
        except SkoError as exc:
            self.say(str(exc), "error")
            self.reload_current()
            return False
        except (StoreError, OSError) as exc:
            log.exception("kickoff edit failed")
            self.say(f"{what} failed: {exc}", "error")
            self.reload_current()
            return False
        self.say(None)
        return True

    # --- loading -------------------------------------------------------------------
    def reload(self, changes: Changes | None = None, keep_message: bool = False) -> None:
        if changes is not None:  # an edit: only when it touched the kickoff's areas
            if not changes & AREAS:
                return
            keep_message = True
        store = self.context.store
        if store is None:
            self.chooser_text.setText("Open or create a file first.")
            self.kickoff_box.clear()
            for widget in (self.kickoff_box, self.open_button, self.create_button):
                widget.setEnabled(False)
            self.pages.setCurrentIndex(0)
            return
        offsite = kickoff_of(store, self.context.offsite_id)
        if offsite is None:
            self._fill_chooser()
            self.pages.setCurrentIndex(0)
            return
        when = f" · {offsite.date:%d %b %Y}" if offsite.date else " · no date yet"
        venue = f" · {offsite.venue}" if offsite.venue else ""
        read_only = " · read-only" if self.context.read_only else ""
        self.title_label.setText(f"{offsite.title}{when}{venue}{read_only}")
        self.pages.setCurrentIndex(1)
        if not keep_message:
            self.say(None)
        self._stale = set(range(self.tabs.count()))
        self.reload_current()

    def reload_current(self) -> None:
        index = self.tabs.currentIndex()
        self._stale.discard(index)
        tab = self.tabs.widget(index)
        try:
            tab.reload()  # type: ignore[attr-defined]
        except Exception:  # a damaged file must not take the window down
            log.exception("could not load the kickoff tab")
            self.say("Part of this kickoff could not be read; the file may be damaged.", "error")

    def _on_tab(self, index: int) -> None:
        if index in self._stale:
            self.reload_current()

    def show_tab(self, title: str) -> QWidget:
        for n, (widget, name) in enumerate(self.parts):
            if name == title:
                self.tabs.setCurrentIndex(n)
                return widget
        raise KeyError(title)

    # --- choosing a kickoff -------------------------------------------------------
    def _fill_chooser(self) -> None:
        store = self.context.store
        assert store is not None
        current = self.context.offsite
        found = kickoffs(store)
        self.kickoff_box.clear()
        for offsite_id, title, date in found:
            self.kickoff_box.addItem(f"{title} ({date:%d %b %Y})" if date else title, offsite_id)
        name = f"“{current.title}” is a leadership offsite. " if current is not None else ""
        if found:
            self.chooser_text.setText(f"{name}Open one of this file's kickoffs, or create a "
                                      "new one from the two-day template.")
        else:
            self.chooser_text.setText(f"{name}This file has no sales kickoff yet: create one "
                                      "from the two-day template (agenda, the eight default "
                                      "competencies and the recognition tiers).")
        self.kickoff_box.setEnabled(bool(found))
        self.open_button.setEnabled(bool(found))
        self.create_button.setEnabled(not self.context.read_only)

    def show_chooser(self) -> None:
        if self.context.store is None:
            return
        self._fill_chooser()
        self.chooser_banner.show_message(None)
        self.pages.setCurrentIndex(0)

    def open_selected(self) -> None:
        offsite_id = self.kickoff_box.currentData()
        if offsite_id is not None:
            self.context.set_offsite(int(offsite_id))

    def create_kickoff(self) -> int | None:
        store = self.context.store
        if store is None or self.context.read_only:
            return None
        try:
            template = find_template(KICKOFF_TEMPLATE)
            year = self.context.clock.now().year + 1
            offsite_id = add_offsite_from_template(store, template, f"Sales kickoff {year}",
                                                   clock=self.context.clock)
            setup = setup_kickoff(store, offsite_id)
            if setup is not None:
                setup.apply(store)
        except (StoreError, OSError, SkoError) as exc:
            log.exception("could not create a kickoff")
            self.chooser_banner.show_message(f"The kickoff could not be created: {exc}", "error")
            return None
        self.context.set_offsite(offsite_id)
        self.context.tell(Changes(offsite=True))
        return offsite_id

    # --- imports --------------------------------------------------------------------
    def start_import(self, kind: str, path: Path | None = None) -> None:
        if not self.editable:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, IMPORT_TITLES[kind], str(Path.home()),
                                                  "Spreadsheets (*.xlsx *.csv)")
            if not name:
                return
            path = Path(name)
        source = path

        def done(rows: object) -> None:
            assert isinstance(rows, list)
            self.review_import(kind, source, rows)

        def failed(exc: BaseException) -> None:
            self.say(f"{IMPORT_TITLES[kind]}: {exc}", "error")

        run_in_background(self, lambda: ki.read_sheet(source), done, failed)

    def review_import(self, kind: str, path: Path, rows: list[list[str]]) -> bool:
        """Plan the import, show the preview, write the accepted rows if the Keeper agrees."""
        store, offsite_id = self.context.store, self.offsite_id
        if store is None or offsite_id is None:
            return False
        option: PreviewOption | None = None
        try:
            if kind == "survey":
                survey = ki.plan_survey(store, offsite_id, path, rows)
                text, make = survey_text(survey), lambda: ki.import_survey(survey)
            elif kind == "attainment":
                attain = ki.plan_attainment(store, offsite_id, path, rows)
                text, make = attainment_text(attain), lambda: ki.import_attainment(attain)
            else:
                plans = {ki.SELF: ki.plan_audit(store, offsite_id, path, rows)}

                def replan(unmarked: str) -> PreviewText:
                    if unmarked not in plans:
                        plans[unmarked] = ki.plan_audit(store, offsite_id, path, rows,
                                                                unmarked=unmarked)
                    return audit_text(plans[unmarked])

                text = audit_text(plans[ki.SELF])
                if any("unmarked" in note for note in plans[ki.SELF].column_notes):
                    option = PreviewOption(
                        "Competency columns without (self) or (manager) hold:",
                        [("self ratings", ki.SELF),
                         ("manager ratings", ki.MANAGER)], replan, ki.SELF)
                make = None
        except ki.SkoImportError as exc:
            self.say(f"{IMPORT_TITLES[kind]}: {exc}", "error")
            return False
        dialog = ImportPreview(f"{IMPORT_TITLES[kind]} from {path.name}", text, option, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if make is None:
            chosen = plans.get(dialog.value or ki.SELF) or plans[ki.SELF]
            return self.run(lambda: ki.import_audit(chosen), IMPORT_TITLES[kind])
        return self.run(make, IMPORT_TITLES[kind])

    def shortcut_help(self) -> str:
        rows = [("Alt+1 … Alt+6", "the kickoff's parts"),
                ("Ctrl+Enter", "save a note"),
                ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo any kickoff edit")]
        return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
