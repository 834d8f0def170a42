"""The control window: navigation, menus, the open file, the views."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from keeper import __version__
from keeper.store import paths
from keeper.store.recent import last_used_file, load_recent, remember
from ui import file_actions, palette
from ui.context import AppContext
from ui.settings import app_settings
from ui.views.lazy import LazyViews
from ui.views.registry import VIEWS
from ui.widgets import Banner

if TYPE_CHECKING:
    from keeper.store.offsite_file import OffsiteStore
    from ui.new_offsite import NewOffsite
    from ui.runner.actions import Commands, WindowRunnerActions

log = logging.getLogger(__name__)
AUTO_BACKUP_MS = 5 * 60 * 1000
FILE_FILTER = "Keeper offsite files (*.keeper);;All files (*)"
NAV_STYLE = f"""
QListWidget#nav {{ background: {palette.NAV_BG}; color: {palette.NAV_TEXT}; border: none;
                  padding-top: 8px; font-size: 11pt; outline: 0; }}
QListWidget#nav::item {{ padding: 9px 14px; border-left: 4px solid transparent; }}
QListWidget#nav::item:selected {{ background: {palette.NAV_SELECTED}; color: {palette.SURFACE};
                                 border-left: 4px solid {palette.NAV_MARK}; }}
QListWidget#nav::item:hover:!selected {{ background: {palette.NAV_HOVER}; }}
"""


class NavList(QListWidget):
    """The sections list: a letter typed there is a runner key, never a jump to a view."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt's name)
        return


class MainWindow(QMainWindow):
    file_ready = Signal()  # a file was opened and the views show it

    def __init__(self, log_file: Path | None = None, context: AppContext | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Keeper")
        self.log_file = log_file
        self._starting = False  # opening the first file, before the window shows
        self.failed_path: Path | None = None  # the file that would not open, if none is open
        self.context = context or AppContext(self)
        self.context.file_changed.connect(self._on_file_changed)
        self.context.data_changed.connect(lambda _changes: self._update_title())

        self.nav = NavList()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName("Sections")
        self.nav.setFixedWidth(176)
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget()
        self.views = LazyViews(self.stack, self.context, self)
        self._build_nav()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.banner = Banner()  # why the file is read-only, whichever view shows
        self.projector_note = QLabel()  # "Projector disconnected…", whichever view shows
        self.projector_note.setObjectName("projectorNote")
        self.projector_note.setStyleSheet(
            f"QLabel#projectorNote {{ background: {palette.PROJECTOR_NOTE_BG};"
            f" color: {palette.PROJECTOR_NOTE_TEXT}; padding: 6px 10px;"
            " font-weight: 600; }")
        self.projector_note.hide()
        self.context.audience.projector_note.connect(self._show_projector_note)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.projector_note)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.statusBar().showMessage("Opening…")
        self._restore_geometry()
        self.nav.setCurrentRow(self._last_view())

        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(AUTO_BACKUP_MS)
        self._backup_timer.timeout.connect(self._auto_backup)
        self._backup_timer.start()

    # ----- construction ----------------------------------------------------
    def _build_nav(self) -> None:
        for index, spec in enumerate(VIEWS):
            item = QListWidgetItem(f"{spec.title}")
            item.setToolTip(f"{spec.title} (Ctrl+{index + 1})")
            self.nav.addItem(item)

    def _action(self, menu_text: str, slot: Callable[[], object],
                shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(menu_text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&New offsite file…", self.new_file,
                                         QKeySequence.StandardKey.New))
        file_menu.addAction(self._action("New offsite in this file…", self.new_offsite_here))
        file_menu.addAction(self._action("&Open…", self.open_file, QKeySequence.StandardKey.Open))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self._action("Open &demo offsite", lambda: self.open_demo()))
        file_menu.addSeparator()
        file_menu.addAction(self._action("Save &As…", self.save_as,
                                         QKeySequence.StandardKey.SaveAs))
        file_menu.addAction(self._action("Restore from &backup…", self.restore_backup))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Import people…", self.import_people, "Ctrl+I"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("&Edit")
        undo = self.context.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        view_menu = bar.addMenu("&View")
        for index, spec in enumerate(VIEWS):
            view_menu.addAction(self._action(
                spec.title, lambda i=index: self.nav.setCurrentRow(i), f"Ctrl+{index + 1}"
            ))
        self.view_menu = view_menu

        run_menu = bar.addMenu("&Run")
        for run_action in self._runner_actions().menu():
            if run_action is None:
                run_menu.addSeparator()
            else:
                run_menu.addAction(run_action)
        run_menu.addSeparator()
        run_menu.addAction(self._action("Open the &room…", self.open_room))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action("&About Keeper", self.show_about))

    def _runner_actions(self) -> WindowRunnerActions:
        """The Run menu's actions, made now; the runner view (~75 ms to build) only when a
        command, the view itself or the projector first needs it, not before the first frame."""
        from ui.runner.actions import WindowRunnerActions

        shared = WindowRunnerActions(self, lambda: cast("Commands", self.views["runner"]))
        self.context.runner_actions = shared
        # the projector window belongs to the runner view: something to show builds it
        self.context.audience.changed.connect(lambda: self.views.wanted("runner"))
        return shared

    def open_room(self) -> None:
        """Run ▸ Open the room: phones join over the venue's network (ui/room_panel.py)."""
        from ui.room_panel import RoomPanel  # the web stack loads only when the room opens

        if getattr(self, "room_panel", None) is None:
            self.room_panel = RoomPanel(self.context, self)
        self.room_panel.open_room()

    def show_view(self, key: str) -> None:
        keys = [spec.key for spec in VIEWS]
        self.nav.setCurrentRow(keys.index(key))

    # ----- opening files ---------------------------------------------------
    def open_initial(self, file: Path | None, demo: bool) -> None:
        """The file Keeper starts on, opened before the window shows (the first frame has
        it); what it has to say waits for the window."""
        self._starting = True
        try:
            if demo:
                self.open_demo()
            elif file is not None:
                self.open_path(file)
            else:
                last = last_used_file()  # the demo only when the Keeper has used no file yet
                if last is not None:
                    self.open_path(last)
                else:
                    self.open_demo(first_run=True)
        finally:
            self._starting = False

    def open_demo(self, first_run: bool = False) -> None:
        """A fresh copy of the demo offsite (the prebuilt file moved to now: keeper/demo_file)."""
        from keeper.store.files import fresh_demo_file

        try:
            store = fresh_demo_file(self.context.clock)  # the clock the runner reads
        except Exception as exc:  # a full disk, a locked folder: said, and the window stays
            self._show_error(exc, title="Cannot prepare the demo offsite")
            return
        self.show_store(store)  # the last file used, reopened by plain `keeper`
        if first_run:
            self.statusBar().showMessage(
                "This is the demo offsite. File ▸ New offsite file starts your own.", 10000
            )

    def open_path(self, path: Path, remember_it: bool = True) -> bool:
        from keeper.store.offsite_file import OffsiteStore, StoreError

        try:
            store = OffsiteStore.open(Path(path))
        except StoreError as exc:
            from ui.restore import cannot_open

            log.warning("Cannot open this file: %s", exc)
            if self.context.store is None:
                self.failed_path = Path(path)  # File ▸ Restore from backup offers its copies
            self.statusBar().showMessage("No file open" if self.context.store is None
                                         else f"Still showing {self.context.store.path.name}")
            self._when_shown(lambda error=exc: cannot_open(self, Path(path), error))
            return False
        self.show_store(store, remember_it)
        return True

    def show_store(self, store: OffsiteStore, remember_it: bool = True) -> None:
        """Show the file ``store`` has open (the window owns it from now on)."""
        self.failed_path = None
        self.context.set_store(store)
        if remember_it:  # the Keeper's own file (not the demo): back where the day is
            self._show_running_session()
        self.file_ready.emit()
        if remember_it:
            remember(store.path)
        if store.migrated_backup is not None:
            upgraded = (f"{store.path.name} was upgraded to this version of Keeper. "
                        f"A copy of the original is at:\n{store.migrated_backup}")
            self._when_shown(lambda: QMessageBox.information(self, "File upgraded", upgraded))

    def _when_shown(self, tell: Callable[[], object]) -> None:
        """A message about the file opened at start-up waits for the window to show:
        never a dialog over nothing."""
        if self._starting and not self.isVisible():
            QTimer.singleShot(0, tell)
        else:
            tell()

    def _show_projector_note(self, note: str) -> None:
        self.projector_note.setText(note)
        self.projector_note.setVisible(bool(note))

    def _show_running_session(self) -> None:
        """A restart in the middle of a session opens on the runner, not the last view."""
        from keeper.agenda.ops import load_runner_state
        from keeper.agenda.timer import TimerState

        store, offsite = self.context.store, self.context.offsite
        if store is None or offsite is None:
            return
        if load_runner_state(store, offsite.id).timer.state is not TimerState.IDLE:
            self.show_view("runner")

    def _on_file_changed(self) -> None:
        store = self.context.store
        self.banner.show_message(  # the reason: who holds it, or a read-only file or folder
            f"Read-only: {store.path.name} — {store.read_only_reason()}. "
            "You can look and export, but not edit." if store is not None and store.read_only
            else None)
        self._update_title()
        offsite = self.context.offsite
        self.statusBar().showMessage(
            f"{store.path}" + (f" · {offsite.title}" if offsite else "") if store else "No file"
        )

    def _update_title(self) -> None:
        store = self.context.store
        offsite = self.context.offsite
        parts = [offsite.title if offsite else None, store.path.name if store else None, "Keeper"]
        suffix = " [read-only]" if store is not None and store.read_only else ""
        self.setWindowTitle(" — ".join(p for p in parts if p) + suffix)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in load_recent() if p.exists()]
        if not recent:
            action = self.recent_menu.addAction("(no recent files)")
            action.setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(
                str(path), lambda p=path: self.open_path(p)  # type: ignore[misc]
            )

    # ----- file actions (dialogs live in ui/file_actions.py) -----------------
    def new_file(self) -> None:
        file_actions.new_file(self)

    def new_offsite_here(self) -> None:
        file_actions.new_offsite_here(self)

    def open_file(self) -> None:
        file_actions.open_file(self)

    def save_as(self) -> None:
        file_actions.save_as(self)

    def restore_backup(self) -> None:
        file_actions.restore_backup(self)

    def import_people(self) -> None:
        from ui import people_import  # the roster reader loads when it is used

        people_import.import_people(self)

    def _auto_backup(self) -> None:
        store = self.context.store
        if store is None:
            return
        try:
            store.backup_if_changed()
        except Exception as exc:  # a backup failing must not interrupt the day
            log.warning("automatic backup failed: %s", exc)

    # ----- help --------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """F1: every key once, the menus' and then the shown view's own."""
        from ui.runner.actions import EXTRA_KEYS
        from ui.shortcut_sheet import ShortcutSheet, menu_rows

        sections = menu_rows(self.menuBar())
        key = VIEWS[max(0, self.nav.currentRow())].key
        view_help = getattr(self.views.get(key), "shortcut_help", None)
        view_rows = view_help() if callable(view_help) else ""
        listed = {k for _title, rows in sections for keys, _t in rows for k in keys.split(" or ")}
        extras = [row for row in EXTRA_KEYS
                  if row[0] not in listed and f"<b>{row[0]}</b>" not in view_rows]
        if extras:  # each key once: the view's own meaning of a key wins in its sheet
            sections.append(("Running the day, also", extras))
        self.shortcut_sheet = ShortcutSheet(sections, view_rows, self)
        self.shortcut_sheet.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About Keeper",
            f"<h3>Keeper {__version__}</h3><p>Run a sales leadership offsite or a sales "
            "kickoff from one laptop and a projector.</p>"
            f"<p>Data: {paths.data_dir()}<br>Log: {self.log_file or paths.log_dir()}</p>",
        )

    def _show_error(self, exc: BaseException, title: str = "Keeper") -> None:
        log.warning("%s: %s", title, exc)
        QMessageBox.warning(self, title, str(exc))

    def ask_new_offsite(self, heading: str) -> NewOffsite | None:
        """Template (the leadership offsite preselected), title and date of a new offsite."""
        from ui.new_offsite import ask_new_offsite

        return ask_new_offsite(self, self.context.clock.now().date(), heading)

    # ----- window state -------------------------------------------------------
    def _settings(self) -> QSettings:
        return app_settings()

    def _restore_geometry(self) -> None:
        geometry = self._settings().value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        # First start: most of the laptop's screen, title bar and all, never off it.
        area = screen.availableGeometry()
        width, height = min(1400, int(area.width() * 0.92)), min(900, int(area.height() * 0.9))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def _last_view(self) -> int:
        keys = [spec.key for spec in VIEWS]
        key = self._settings().value("main/view", "offsite")
        return keys.index(key) if key in keys else 0

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # The view shown is built now, not with the window: opening a file may show
        # another (a running session opens on the runner), and only that one is built.
        self.views.build_at(self.stack.currentIndex())
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._settings().setValue("main/geometry", self.saveGeometry())
        self._settings().setValue("main/view", VIEWS[max(0, self.nav.currentRow())].key)
        for view in self.views.values():
            closer = getattr(view, "shutdown", None)
            if callable(closer):
                closer()
        if getattr(self, "room_panel", None) is not None:
            self.room_panel.close_room()  # the phones' server stops with the app
        self.context.set_store(None)
        super().closeEvent(event)
