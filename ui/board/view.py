"""The Board view: capture notes, group them on a whiteboard, tally support, pick big bets.

No rules live here: every edit is a ``keeper.board`` operation run through
``AppContext.run`` (committed at once, undoable), and counts, ranks and checks
come from ``keeper.board.tally`` through ``BoardData``. The pieces: ``capture`` (capture
bar and progress chips), ``canvas``/``scene`` (the whiteboard), ``actions`` (tool
bar and shortcuts), ``edits`` (what the actions do), the side panels, and
``projector`` (what the audience sees).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from keeper import board as bo
from keeper.board.patch import BoardPatch
from keeper.board.tally import IdeaKind, TallyConfig
from keeper.changes import Changes
from keeper.ops import Operation
from keeper.store.offsite_file import StoreError
from ui.board import actions, projector
from ui.board.actions import BoardActions
from ui.board.areas import REFRESH_AREAS
from ui.board.big_bets_panel import BigBetsPanel
from ui.board.canvas import BoardCanvas
from ui.board.capture import CaptureBar
from ui.board.edits import BoardEdits
from ui.board.notes_list import NotesList
from ui.board.scene import BoardScene
from ui.board.suggestions_panel import SuggestionsPanel
from ui.board.tally_panel import TallyPanel
from ui.context import AppContext
from ui.tasks import run_in_background
from ui.widgets import Banner


class BoardView(BoardEdits):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: bo.BoardData | None = None
        self._shown_offsite: int | None = None
        self._selection_guard = False
        self.show_authors_on_projector = False  # the room sees ideas, not who wrote them
        self._suggest_job: object | None = None

        # ----- capture bar
        self.capture_bar = bar = CaptureBar()
        bar.submitted.connect(self.add_notes)
        self.author, self.capture = bar.author, bar.capture
        self.chips, self.chips_summary = bar.chips, bar.chips_summary

        # ----- whiteboard
        self.scene = BoardScene(self)
        self.canvas = BoardCanvas(self.scene)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.moved.connect(self._on_moved)
        self.scene.context_menu.connect(self._context_menu)
        self.canvas.activated.connect(self.edit_selected)
        self.canvas.zoom_changed.connect(self._show_zoom)

        # ----- actions
        board_actions = BoardActions(self)
        self.toolbar = board_actions.toolbar
        self.actions_by_name = board_actions.by_name
        self.zoom_label = board_actions.zoom_label
        self.projector_button = board_actions.projector_button

        self.message = Banner()
        self.message.setAccessibleName("Board message")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        # ----- side panels
        self.suggestions = SuggestionsPanel(self.run)
        self.suggestions.requested.connect(self.request_suggestions)
        self.suggestions.show_notes.connect(self._show_suggested)
        self.tally = TallyPanel(self.run)
        self.big_bets = BigBetsPanel(self.run)
        self.notes_list = NotesList()
        self.notes_list.idea_selected.connect(self._list_selected)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.tally, "Tally")
        tabs.addTab(self.suggestions, "Suggestions")
        tabs.addTab(self.big_bets, "Big bets")
        tabs.addTab(self.notes_list, "Notes")
        tabs.setMinimumWidth(330)
        self.tabs = tabs

        board_box = QWidget()
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(0)
        board_layout.addWidget(self.toolbar)
        board_layout.addWidget(self.message)
        board_layout.addWidget(self.canvas, 1)
        splitter = QSplitter()
        splitter.addWidget(board_box)
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)

        context.file_changed.connect(self.refresh)
        context.data_changed.connect(self.reload)
        self.refresh()
        self._update_actions()

    # ----- plumbing ---------------------------------------------------------------
    def shortcut_help(self) -> str:
        return actions.shortcut_help()

    def run(self, op: Operation) -> bool:
        """Apply an edit (committed, undoable); say why if it cannot be made."""
        try:
            self.context.run(op)
        except (bo.BoardError, StoreError) as exc:
            self.say(str(exc), error=True)
            self.refresh()
            return False
        return True

    def say(self, text: str, error: bool = False) -> None:
        self.message.show_message(text, "error" if error else "info")
        self._message_timer.start(7000)

    def reload(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes & REFRESH_AREAS:
            return
        patch = None
        store, data = self.context.store, self.data
        if (changes is not None and store is not None and data is not None
                and data.offsite_id == self.context.offsite_id):
            patch = bo.patch_board(store.session, data, changes)
        if patch is None:
            self.refresh()
        else:
            self._show(patch.data, patch)

    def _show(self, data: bo.BoardData, patch: BoardPatch | None = None) -> None:
        """Show ``data``: the whole scene in step with it, or only what ``patch`` changed."""
        self.data = data
        self._selection_guard = True
        try:
            if patch is None:
                self.scene.set_data(data)
            else:
                self.scene.patch(patch)
            self.canvas.update_scene_rect()
            self.notes_list.set_data(data)
        finally:
            self._selection_guard = False
        self.tally.set_data(data)
        self.big_bets.set_data(data)
        self.suggestions.set_data(data)
        self.capture_bar.set_data(data)
        self._selection_changed()

    def refresh(self) -> None:
        store, offsite_id = self.context.store, self.context.offsite_id
        if store is None or offsite_id is None:
            self.data = None
            self.scene.set_data(bo.BoardData(0, None, (), (), (), (), TallyConfig(), ()))
            return
        self._show(bo.load_board(store.session, offsite_id))
        if self._shown_offsite != offsite_id:
            self._shown_offsite = offsite_id
            QTimer.singleShot(0, self.canvas.fit_all)
        self.capture.setEnabled(not self.context.read_only)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self.canvas.fit_on_next_show:
            self.canvas.fit_on_next_show = False
            QTimer.singleShot(0, self.canvas.fit_all)

    def focus_capture(self) -> None:
        self.capture_bar.focus_capture()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    # ----- selection ------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if self._selection_guard:
            return
        idea = self.selected_idea()
        self.tally.set_idea(idea)
        self.notes_list.select_idea(idea)
        self._update_actions()

    def _update_actions(self) -> None:
        notes = self.scene.selected_note_ids()
        clusters = self.scene.selected_cluster_ids()
        writable = not self.context.read_only
        enable = {
            "group": bool(notes), "rename": len(notes) + len(clusters) == 1,
            "merge": len(clusters) >= 2, "dissolve": bool(clusters), "tidy": bool(clusters),
            "delete": bool(notes or clusters),
        }
        for name, on in enable.items():
            self.actions_by_name[name].setEnabled(on and writable)

    def _list_selected(self, idea: tuple[IdeaKind, int] | None) -> None:
        if idea is None:
            return
        kind, idea_id = idea
        item = (self.scene.notes.get(idea_id) if kind is IdeaKind.NOTE
                else self.scene.clusters.get(idea_id))
        if item is not None:
            self._selection_guard = True
            try:
                self.scene.select_only([item])
            finally:
                self._selection_guard = False
            self.canvas.ensureVisible(item, 60, 60)
            self.tally.set_idea(idea)
            self._update_actions()

    def select_notes(self, note_ids: list[int]) -> None:
        self.scene.select_only(self.scene.notes[i] for i in note_ids if i in self.scene.notes)

    def _show_suggested(self, note_ids: list[int]) -> None:
        self.select_notes(note_ids)
        items = [self.scene.notes[i] for i in note_ids if i in self.scene.notes]
        if items:
            self.canvas.ensureVisible(items[0], 80, 80)

    # ----- capture --------------------------------------------------------------------
    def add_notes(self, text: str) -> None:
        if self.data is None or self.context.read_only:
            return
        try:
            op = bo.AddNotes(self.data.offsite_id, self.author.currentData(), text,
                             self.context.clock.now())
        except bo.BoardError as exc:
            self.say(str(exc), error=True)
            return
        if self.run(op):
            self.capture.clear()
            self.message.hide()
            added = [self.scene.notes[i] for i in op.note_ids if i in self.scene.notes]
            if added:
                self.canvas.ensureVisible(added[-1], 80, 80)

    # ----- suggestions ----------------------------------------------------------------
    def request_suggestions(self, include_grouped: bool = False) -> None:
        if self.data is None:
            return
        self.tabs.setCurrentWidget(self.suggestions)
        known = {c.id for c in self.data.clusters}
        loose = [(n.id, n.text) for n in self.data.notes if n.cluster_id not in known]
        if include_grouped or len(loose) < 2:
            notes = [(n.id, n.text) for n in self.data.notes]
        else:
            notes = loose
        self.suggestions.set_busy(True)

        def work() -> object:
            from keeper.board.clustering import suggest_clusters

            start = time.perf_counter()
            result = suggest_clusters(notes)
            return result, (time.perf_counter() - start) * 1000

        def done(value: object) -> None:
            result, elapsed = value  # type: ignore[misc]
            self.suggestions.show_suggestions(result, elapsed)

        def failed(exc: BaseException) -> None:
            self.suggestions.show_error(f"Suggestions are not available: {exc}")

        self._suggest_job = run_in_background(self, work, done, failed)

    # ----- projector ------------------------------------------------------------------
    def set_projector_authors(self, on: bool) -> None:
        self.show_authors_on_projector = on
        if self.context.audience.key in ("board",):
            self.present("board")

    def present(self, what: str) -> None:
        projector.present(self.context, what, self.show_authors_on_projector, self.scene)
        self.say(f"The {what} is on the projector.")
