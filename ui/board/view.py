"""The Board view: capture notes, group them on a whiteboard, tally support, pick big bets.

No rules live here: every edit is a ``keeper.board`` operation run through
``AppContext.run`` (committed at once, undoable), and counts, ranks and checks
come from ``keeper.tally`` through ``BoardData``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keeper import board as bo
from keeper.ops import Composite, Operation
from keeper.store import StoreError
from keeper.tally import IdeaKind, TallyConfig
from keeper.text import NOTE_MAX
from ui.board import style
from ui.board.panels import (
    BigBetsPanel,
    NotesList,
    SuggestionsPanel,
    TallyPanel,
    colour_icon,
)
from ui.board.ranking import RankingWidget
from ui.board.scene import BoardCanvas, BoardScene, ClusterItem, NoteItem, make_projector_view
from ui.context import AppContext
from ui.tasks import run_in_background

AREA = "board"
REFRESH_AREAS = ("board", "offsite", "people")


# --------------------------------------------------------------------------- capture bar


class CaptureLine(QLineEdit):
    """Enter adds a note; pasting several lines adds one note per line at once."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Type an opportunity and press Enter  (paste several lines for "
                                "several notes)")
        self.setAccessibleName("New note text")
        self.setClearButtonEnabled(True)
        self.setMaxLength(NOTE_MAX)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit(self.text())
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if len(bo.split_notes(text)) > 1:
                self.submitted.emit(text)
                return
        super().keyPressEvent(event)


class FlowLayout(QLayout):
    """Chips that wrap onto the next line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line_h = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_h > 0:
                x, y = rect.x(), y + line_h + self._spacing
                line_h = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()


class NoteDialog(QDialog):
    def __init__(self, data: bo.BoardData, note: bo.BoardNote, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit note")
        form = QFormLayout(self)
        self.text = QPlainTextEdit(note.text)
        self.text.setAccessibleName("Note text")
        self.author = QComboBox()
        self.author.setAccessibleName("Author")
        for p in data.people:
            self.author.addItem(colour_icon(style.person_colour(p.colour, p.id)), p.name, p.id)
        self.author.setCurrentIndex(max(0, self.author.findData(note.author_id)))
        form.addRow("&Text", self.text)
        form.addRow("&Author", self.author)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B42318")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ok(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText("A note cannot be empty; delete it instead.")
            return
        self.accept()


# --------------------------------------------------------------------------- the view


class BoardView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: bo.BoardData | None = None
        self._shown_offsite: int | None = None
        self._selection_guard = False
        self.show_authors_on_projector = True
        self._suggest_job: object | None = None

        # ----- capture bar
        self.author = QComboBox()
        self.author.setAccessibleName("Author of the next note")
        self.author.setToolTip("Who wrote the note")
        self.author.setMinimumWidth(170)
        self.capture = CaptureLine()
        self.capture.submitted.connect(self.add_notes)
        add = QPushButton("Add note")
        add.setToolTip("Add the note (Enter)")
        add.clicked.connect(lambda: self.add_notes(self.capture.text()))
        capture_row = QHBoxLayout()
        capture_row.addWidget(QLabel("&Who"))
        capture_row.itemAt(0).widget().setBuddy(self.author)  # type: ignore[union-attr]
        capture_row.addWidget(self.author)
        capture_row.addWidget(self.capture, 1)
        capture_row.addWidget(add)
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        self.chips_summary = QLabel()
        self.chips_summary.setStyleSheet("color: #667085")
        capture = QFrame()
        capture.setObjectName("captureBar")
        capture.setStyleSheet("#captureBar { background: #FFFFFF; border-bottom: 1px solid "
                              "#E4E7EC; }")
        cap_layout = QVBoxLayout(capture)
        cap_layout.setContentsMargins(10, 8, 10, 8)
        cap_layout.addLayout(capture_row)
        chips_row = QHBoxLayout()
        chips_row.addWidget(self.chips_summary)
        chips_row.addWidget(self.chips_box, 1)
        cap_layout.addLayout(chips_row)

        # ----- whiteboard
        self.scene = BoardScene(self)
        self.canvas = BoardCanvas(self.scene)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.moved.connect(self._on_moved)
        self.scene.context_menu.connect(self._context_menu)
        self.canvas.activated.connect(self.edit_selected)
        self.canvas.zoom_changed.connect(self._show_zoom)

        # ----- actions
        self.actions_by_name: dict[str, QAction] = {}
        toolbar = QToolBar("Board")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = toolbar
        self._act("group", "Group", "Ctrl+G", self.group_selection,
                  "Group the selected notes into a new named frame")
        self._act("rename", "Rename", "F2", self.edit_selected,
                  "Rename the selected group, or edit the selected note")
        self._act("merge", "Merge", "Ctrl+M", self.merge_selection,
                  "Merge the selected groups (every vote is kept)")
        self._act("dissolve", "Dissolve", "Ctrl+Shift+G", self.dissolve_selection,
                  "Remove the frame; its notes stay and its votes move to them")
        self._act("tidy", "Tidy", "Ctrl+T", self.tidy_selection,
                  "Lay the group's notes out in a grid")
        self._act("arrange", "Arrange", "Ctrl+Shift+A", self.arrange_board,
                  "Tidy every group and lay the board out without overlaps")
        self._act("delete", "Delete", QKeySequence.StandardKey.Delete, self.delete_selection,
                  "Delete the selected notes (a selected group is dissolved)")
        toolbar.addSeparator()
        self._act("zoom_out", "\u2212", "Ctrl+-", lambda: self.canvas.zoom_by(1 / 1.25),
                  "Zoom out")
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setAccessibleName("Zoom level")
        toolbar.addWidget(self.zoom_label)
        zoom_in = self._act("zoom_in", "+", "Ctrl+=", lambda: self.canvas.zoom_by(1.25),
                            "Zoom in")
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._act("fit", "Fit", "Ctrl+0", self.canvas.fit_all, "Fit the whole board (F)")
        toolbar.addSeparator()
        self._act("suggest", "Suggest groups", "Ctrl+Shift+S",
                  lambda: self.request_suggestions(False), "Ask Keeper to suggest groups")
        self._act("capture", "New note", "Ctrl+L", self.focus_capture,
                  "Type a new note")
        toolbar.addSeparator()
        projector = QToolButton()
        projector.setText("Show on projector")
        projector.setToolTip("Show the board or the ranking on the audience display")
        projector.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(projector)
        show_board = menu.addAction("Show board on projector")
        show_board.setShortcut(QKeySequence("Ctrl+Shift+P"))
        show_board.triggered.connect(lambda: self.present("board"))
        show_rank = menu.addAction("Show ranking on projector")
        show_rank.setShortcut(QKeySequence("Ctrl+Shift+R"))
        show_rank.triggered.connect(lambda: self.present("ranking"))
        menu.addSeparator()
        authors = menu.addAction("Show authors on projector")
        authors.setCheckable(True)
        authors.setChecked(True)
        authors.toggled.connect(self._set_projector_authors)
        back = menu.addAction("Back to the timer")
        back.triggered.connect(self.context.audience.present_timer)
        for a in (show_board, show_rank):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        projector.setMenu(menu)
        toolbar.addWidget(projector)
        self.projector_button = projector
        self.actions_by_name["show_authors"] = authors

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Board message")
        self.message.hide()
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
        board_layout.addWidget(toolbar)
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
        layout.addWidget(capture)
        layout.addWidget(splitter, 1)

        context.file_changed.connect(self.refresh)
        context.data_changed.connect(self._on_data_changed)
        self.refresh()
        self._update_actions()

    # ----- plumbing ---------------------------------------------------------------
    def _act(self, name: str, text: str, shortcut: str | QKeySequence.StandardKey,
             slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.toolbar.addAction(action)
        self.actions_by_name[name] = action
        return action

    def shortcut_help(self) -> str:
        rows = [("Enter", "Add the typed note"), ("Ctrl+L", "Type a new note"),
                ("Ctrl+G", "Group selected notes"), ("F2 / Enter", "Rename group / edit note"),
                ("Ctrl+M", "Merge selected groups"), ("Ctrl+Shift+G", "Dissolve group"),
                ("Del", "Delete selected notes"), ("Ctrl+Shift+A", "Arrange the board"),
                ("Arrows / Tab", "Move between notes"),
                ("Ctrl+wheel, Ctrl+= / Ctrl+-", "Zoom"), ("F / Ctrl+0", "Fit the board"),
                ("Space+drag, middle drag", "Pan"),
                ("Ctrl+Shift+P / R", "Board / ranking on the projector")]
        return "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)

    def run(self, op: Operation) -> bool:
        """Apply an edit (committed, undoable); say why if it cannot be made."""
        try:
            self.context.run(op, AREA)
        except (bo.BoardError, StoreError) as exc:
            self.say(str(exc), error=True)
            self.refresh()
            return False
        return True

    def say(self, text: str, error: bool = False) -> None:
        colour = "#B42318" if error else "#344054"
        background = "#FEF3F2" if error else "#F2F4F7"
        self.message.setStyleSheet(f"color: {colour}; background: {background}; "
                                   "padding: 6px 10px;")
        self.message.setText(text)
        self.message.show()
        self._message_timer.start(7000)

    def _on_data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS:
            self.refresh()

    def refresh(self) -> None:
        store, offsite_id = self.context.store, self.context.offsite_id
        if store is None or offsite_id is None:
            self.data = None
            self.scene.set_data(bo.BoardData(0, None, (), (), (), (), TallyConfig(), ()))
            return
        data = bo.load_board(store.session, offsite_id)
        self.data = data
        self._selection_guard = True
        try:
            self.scene.set_data(data)
            self.canvas.update_scene_rect()
            self.notes_list.set_data(data)
        finally:
            self._selection_guard = False
        self.tally.set_data(data)
        self.big_bets.set_data(data)
        self.suggestions.set_data(data)
        self._fill_capture(data)
        if self._shown_offsite != offsite_id:
            self._shown_offsite = offsite_id
            QTimer.singleShot(0, self.canvas.fit_all)
        writable = not self.context.read_only
        self.capture.setEnabled(writable)
        self._selection_changed()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self.canvas.fit_on_next_show:
            self.canvas.fit_on_next_show = False
            QTimer.singleShot(0, self.canvas.fit_all)

    def _fill_capture(self, data: bo.BoardData) -> None:
        current = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        for p in data.people:
            self.author.addItem(colour_icon(style.person_colour(p.colour, p.id)), p.name, p.id)
        index = self.author.findData(current)
        self.author.setCurrentIndex(index if index >= 0 else 0)
        self.author.blockSignals(False)
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        progress = data.progress()
        for p in data.people:
            count, target = progress.by_person[p.id]
            chip = QToolButton()
            chip.setText(f"{style.first_name(p.name)} {count}/{target}")
            chip.setIcon(colour_icon(style.person_colour(p.colour, p.id), 10))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            state = ("has not written a note yet" if count == 0
                     else "done" if count >= target else f"{count} of {target} notes")
            chip.setToolTip(f"{p.name}: {state}. Click to write as {style.first_name(p.name)}.")
            chip.setAccessibleName(f"{p.name}, {count} of {target} notes")
            if count == 0:
                css = "border: 1px dashed #F04438; color: #B42318; background: #FEF3F2;"
            elif count >= target:
                css = "border: 1px solid #ABEFC6; color: #067647; background: #ECFDF3;"
            else:
                css = "border: 1px solid #D0D5DD; color: #344054; background: #FFFFFF;"
            chip.setStyleSheet(f"QToolButton {{ {css} border-radius: 11px; padding: 2px 8px; }}")
            chip.clicked.connect(lambda _c=False, pid=p.id: self._write_as(pid))
            self.chips.addWidget(chip)
        missing = len(progress.not_started)
        self.chips_summary.setText(
            f"{missing} not started" if missing else "Everyone has written")
        self.chips_summary.setStyleSheet("color: #B42318; font-weight: bold" if missing
                                         else "color: #067647; font-weight: bold")

    def _write_as(self, person_id: int) -> None:
        self.author.setCurrentIndex(max(0, self.author.findData(person_id)))
        self.focus_capture()

    def focus_capture(self) -> None:
        self.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.capture.selectAll()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    # ----- selection ------------------------------------------------------------------
    def selected_idea(self) -> tuple[IdeaKind, int] | None:
        items = self.scene.selectedItems()
        if len(items) != 1:
            return None
        item = items[0]
        if isinstance(item, NoteItem):
            return (IdeaKind.NOTE, item.note.id)
        if isinstance(item, ClusterItem):
            return (IdeaKind.CLUSTER, item.cluster.id)
        return None

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

    # ----- drag and drop --------------------------------------------------------------
    def _on_moved(self, note_moves: list[tuple[int, float, float]],
                  cluster_moves: list[tuple[int, float, float]], drop: QPointF) -> None:
        if self.data is None:
            return
        parts: list[Operation] = []
        moved_notes = {m[0] for m in note_moves}
        for cluster_id, dx, dy in cluster_moves:
            parts.append(bo.MoveCluster(cluster_id, dx, dy, skip_notes=moved_notes))
        if note_moves:
            if cluster_moves:  # notes dragged along with frames keep their group
                homes = {n.id: n.cluster_id for n in self.data.notes}
                target = None
                moves = [bo.NoteMove(i, x, y, homes.get(i)) for i, x, y in note_moves]
            else:
                hit = self.scene.cluster_item_at(drop)
                target = hit.cluster.id if hit is not None else None
                moves = [bo.NoteMove(i, x, y, target) for i, x, y in note_moves]
            parts.append(bo.MoveNotes(moves))
        op: Operation = parts[0] if len(parts) == 1 else Composite(parts, text="Move")
        self.run(op)

    # ----- grouping -------------------------------------------------------------------
    def group_selection(self, title: str | None = None) -> None:
        if self.data is None:
            return
        notes = self.scene.selected_note_ids()
        if not notes:
            self.say("Select the notes to group first (drag a box around them).", error=True)
            return
        if title is None:
            title, ok = QInputDialog.getText(self, "Group notes", "Name of the new group:",
                                             text=self._guess_title(notes))
            if not ok:
                return
        op = bo.CreateCluster(self.data.offsite_id, notes, title or bo.DEFAULT_CLUSTER_TITLE)
        if self.run(op) and op.cluster_id in self.scene.clusters:
            self.scene.select_only([self.scene.clusters[op.cluster_id]])

    def _guess_title(self, note_ids: list[int]) -> str:
        if self.data is None:
            return bo.DEFAULT_CLUSTER_TITLE
        try:
            from keeper.clustering import suggest_clusters

            texts = [(n.id, n.text) for n in self.data.notes if n.id in set(note_ids)]
            found = suggest_clusters(texts[:200])
            best = max(found, key=lambda s: len(s.note_ids), default=None)
            if best is not None and len(best.note_ids) > 1:
                return best.title
        except Exception:  # a naming hint must never block grouping
            pass
        return bo.DEFAULT_CLUSTER_TITLE

    def edit_selected(self, text: str | None = None) -> None:
        if self.data is None:
            return
        idea = self.selected_idea()
        if idea is None:
            return
        kind, idea_id = idea
        if kind is IdeaKind.CLUSTER:
            cluster = self.data.cluster(idea_id)
            if cluster is None:
                return
            if text is None:
                text, ok = QInputDialog.getText(self, "Rename group", "Name:", text=cluster.title)
                if not ok:
                    return
            if text != cluster.title:
                try:
                    self.run(bo.RenameCluster(idea_id, text))
                except bo.BoardError as exc:
                    self.say(str(exc), error=True)
            return
        note = self.data.note(idea_id)
        if note is None:
            return
        author = note.author_id
        if text is None:
            dialog = NoteDialog(self.data, note, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text, author = dialog.text.toPlainText(), dialog.author.currentData()
        if text == note.text and author == note.author_id:
            return
        try:
            self.run(bo.EditNote(idea_id, text, author))
        except bo.BoardError as exc:
            self.say(str(exc), error=True)

    def merge_selection(self) -> None:
        if self.data is None:
            return
        ids = self.scene.selected_cluster_ids()
        if len(ids) < 2:
            self.say("Select two or more groups to merge (Ctrl+click their titles).", error=True)
            return
        sizes = {c: len(self.data.notes_in(c)) for c in ids}
        into = max(ids, key=lambda c: (sizes[c], -c))  # the biggest group stays in place
        self.run(bo.MergeClusters(into, [c for c in ids if c != into]))

    def dissolve_selection(self) -> None:
        ids = self.scene.selected_cluster_ids()
        if not ids:
            return
        ops: list[Operation] = [bo.DissolveCluster(c) for c in ids]
        self.run(ops[0] if len(ops) == 1 else Composite(ops, text=f"Dissolve {len(ops)} groups"))

    def tidy_selection(self) -> None:
        ids = self.scene.selected_cluster_ids()
        if ids:
            ops: list[Operation] = [bo.TidyCluster(c) for c in ids]
            self.run(ops[0] if len(ops) == 1 else Composite(ops, text="Tidy groups"))

    def arrange_board(self) -> None:
        if self.data is not None and self.run(bo.ArrangeBoard(self.data.offsite_id)):
            self.canvas.fit_all()

    def delete_selection(self) -> None:
        notes = self.scene.selected_note_ids()
        clusters = self.scene.selected_cluster_ids()
        parts: list[Operation] = [bo.DissolveCluster(c) for c in clusters]
        if notes:
            parts.append(bo.DeleteNotes(notes))
        if not parts:
            return
        self.run(parts[0] if len(parts) == 1 else Composite(parts, text="Delete"))

    def _context_menu(self, screen_pos: object) -> None:
        menu = QMenu(self)
        for name in ("rename", "group", "merge", "tidy", "dissolve", "delete"):
            menu.addAction(self.actions_by_name[name])
        idea = self.selected_idea()
        if idea is not None and idea[0] is IdeaKind.CLUSTER and self.data is not None:
            cluster = self.data.cluster(idea[1])
            if cluster is not None:
                menu.addSeparator()
                bet = menu.addAction("Unmark big bet" if cluster.big_bet else "Mark as big bet")
                bet.triggered.connect(lambda: self.run(
                    bo.SetBigBet(cluster.id, not cluster.big_bet, cluster.initiative_id)))
        point = screen_pos.toPoint() if isinstance(screen_pos, QPointF) else None
        if point is not None:
            menu.popup(point)

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
            from keeper.clustering import suggest_clusters

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
    def _set_projector_authors(self, on: bool) -> None:
        self.show_authors_on_projector = on
        if self.context.audience.key in ("board",):
            self.present("board")

    def present(self, what: str) -> None:
        context = self.context
        authors = self.show_authors_on_projector

        def source() -> bo.BoardData | None:
            if context.store is None or context.offsite_id is None:
                return None
            return bo.load_board(context.store.session, context.offsite_id)

        if what == "ranking":
            context.audience.present("ranking", lambda parent: ProjectorRanking(context, parent))
        else:
            context.audience.present(
                "board", lambda parent: ProjectorBoard(context, source, authors, parent))
        self.say(f"The {what} is on the projector.")


class ProjectorBoard(QWidget):
    """The board for the audience: fitted, not editable, authors optional; stays current."""

    def __init__(self, context: AppContext, source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = make_projector_view(source, show_authors, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setAccessibleName("Opportunities board (projector)")
        context.data_changed.connect(self.on_data_changed)

    def on_data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS:
            self.view.reload()  # type: ignore[attr-defined]


class ProjectorRanking(RankingWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, projector=True)
        self.context = context
        self.reload()
        context.data_changed.connect(self.on_data_changed)

    def reload(self) -> None:
        store, offsite_id = self.context.store, self.context.offsite_id
        if store is None or offsite_id is None:
            return
        data = bo.load_board(store.session, offsite_id)
        self.set_ranking(data.ranking(), {c.id for c in data.clusters if c.big_bet},
                         data.config.mode)

    def on_data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS:
            self.reload()
