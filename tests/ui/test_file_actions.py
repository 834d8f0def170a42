"""File menu actions a facilitator uses: import people, restore a backup, save as, crash dialog."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from keeper.ops import InsertRow, SetFields
from keeper.store import backups, paths
from keeper.store.models import Person
from ui import file_actions
from ui.app import install_crash_dialog
from ui.context import AppContext
from ui.main_window import MainWindow


def test_restore_from_backup_brings_back_the_earlier_file(window: MainWindow,
                                                          monkeypatch) -> None:
    store = window.context.store
    path = store.path
    assert backups.list_backups(path)  # taken when the file was opened
    window.context.run(InsertRow(Person, {"name": "Mistake", "role": "rep"}))
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    file_actions.restore_backup(window)
    restored = window.context.store
    assert restored is not None and restored.path == path
    assert restored.session.query(Person).filter_by(name="Mistake").count() == 0


def test_save_as_switches_to_the_copy(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    file_actions.save_as(window)
    assert window.context.store.path == target.with_suffix(".keeper")
    assert window.context.store.count(Person) == 36


def test_unexpected_error_shows_what_happened_and_the_log(qtbot, tmp_path: Path,
                                                          monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    log_file = tmp_path / "keeper.log"
    old_hook = sys.excepthook
    try:
        install_crash_dialog(log_file)
        try:
            raise ZeroDivisionError("tally divided by zero")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
    assert shown and "tally divided by zero" in shown[0] and str(log_file) in shown[0]


def test_a_failed_edit_says_not_saved_and_leaks_nothing(window: MainWindow, qtbot,
                                                        monkeypatch) -> None:
    import logging
    import sqlite3
    import stat

    from keeper.store.models import Offsite
    from ui.app import setup_logging
    from ui.settings import app_settings

    private = "Stop: Lena talks over her reps"
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(
        self.windowTitle() + "|" + self.text() + "|" + self.detailedText()) or 0)
    log_file = setup_logging()
    handler = logging.getLogger().handlers[-1]
    old_hook = sys.excepthook
    store = window.context.store
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the file
    try:
        install_crash_dialog(log_file)
        offsite = window.context.offsite
        try:
            window.context.run(SetFields(Offsite, {"id": offsite.id}, {"venue": private}))
        except Exception:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
        other.rollback()
        other.close()
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert len(shown) == 1
    assert "NOT saved" in shown[0] and "Your last edits are saved" not in shown[0]
    assert private not in shown[0]
    logged = log_file.read_text("utf-8")
    assert "NOT saved" in logged and private not in logged
    assert window.context.store is store and window.context.undo_stack.count() == 0
    assert window.context.offsite.venue != private
    app_settings().setValue("test/key", 1)
    app_settings().sync()
    for kept in (log_file, paths.data_dir() / "window.ini"):
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600, kept


def test_plain_keeper_reopens_the_last_file_and_new_suggests_the_same_name(
        qtbot, tmp_path: Path, clock, monkeypatch) -> None:
    from keeper.store.files import new_file

    team = tmp_path / "team.keeper"
    new_file(team, clock=clock).close()
    first = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(first)
    assert first.open_path(team)
    first.context.set_store(None)
    second = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(second)
    second.open_initial(None, demo=False)  # plain `keeper`
    assert second.context.store is not None and second.context.store.path == team
    second.context.set_store(None)
    suggested: list[str] = []
    from ui.new_offsite import NewOffsite

    monkeypatch.setattr(second, "ask_new_offsite", lambda heading: NewOffsite(
        "sales-leadership-offsite", "", clock.now().date()))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: suggested.append(a[2]) or ("", ""))
    file_actions.new_file(second)
    assert suggested == [str(paths.default_offsite_file())]


def test_a_read_only_file_opens_with_a_banner_not_as_damaged(qtbot, tmp_path: Path,
                                                              clock) -> None:
    from keeper.store.files import new_file

    path = tmp_path / "from the stick.keeper"
    new_file(path, demo=True, clock=clock).close()
    path.chmod(0o444)
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    assert w.banner.isVisible()
    assert w.banner.text() == ("Read-only: from the stick.keeper — the file or its folder is "
                               "read-only. You can look and export, but not edit.")
    w.context.set_store(None)


def test_a_file_that_wont_open_is_restored_into_a_new_file_beside_it(
        qtbot, tmp_path: Path, clock, monkeypatch) -> None:
    from keeper.store.files import new_file
    from keeper.store.offsite_file import OffsiteStore
    from ui.restore import RESTORE_BUTTON

    path = tmp_path / "team.keeper"
    new_file(path, demo=True, clock=clock).close()
    store = OffsiteStore.open(path)  # backed up as it is, 36 people
    InsertRow(Person, {"name": "Late hire", "role": "rep"}).apply(store)
    store.close()
    OffsiteStore.open(path).close()  # and again with 37
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 3:4096 * 6] = b"\x00garbage" * (3 * 4096 // 8)
    path.write_bytes(bytes(damaged))
    before = path.read_bytes()

    offered: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        offered.append(box.text())
        button = next(b for b in box.buttons() if b.text() == RESTORE_BUTTON)
        button.click()
        return 0

    listed: list[list[str]] = []

    def pick_second(dialog: QDialog) -> int:
        from PySide6.QtWidgets import QListWidget

        choices = dialog.findChild(QListWidget)
        listed.append([choices.item(i).text() for i in range(choices.count())])
        choices.setCurrentRow(1)  # the older copy
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QDialog, "exec", pick_second)
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    assert not w.open_path(path)
    assert offered and "damaged" in offered[0]
    assert "37 people" in listed[0][0] and "36 people" in listed[0][1]
    restored = w.context.store
    assert restored is not None and restored.path != path
    assert restored.path.parent == path.parent and "restored" in restored.path.name
    assert restored.count(Person) == 36
    assert path.read_bytes() == before  # the damaged file is kept as it was
    w.context.set_store(None)

    # With no file open, File ▸ Restore from backup offers the copies of the file that failed.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    w2 = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w2)
    assert not w2.open_path(path)
    listed.clear()
    file_actions.restore_backup(w2)
    assert len(listed) == 1 and w2.context.store is not None
    assert w2.context.store.path != path
    w2.context.set_store(None)


def test_ctrl_n_enter_makes_a_dated_leadership_offsite(qtbot, tmp_path: Path, clock,
                                                       monkeypatch) -> None:
    from PySide6.QtCore import QTimer

    from keeper.store.models import Offsite
    from ui.new_offsite import NewOffsiteDialog

    target = tmp_path / "spring.keeper"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: list[list[str]] = []

    def press_enter() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, NewOffsiteDialog) and w.isVisible()), None)
        if dialog is None:  # not open yet
            QTimer.singleShot(10, press_enter)
            return
        seen.append([dialog.templates.item(i).text() for i in range(dialog.templates.count())])
        qtbot.keyClick(dialog.templates, Qt.Key.Key_Return)

    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()  # keys reach the menus of the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    QTimer.singleShot(0, press_enter)
    qtbot.keyClick(w.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File ▸ New
    qtbot.waitUntil(lambda: w.context.store is not None)
    assert seen and len(seen[0]) == 2
    assert all(" — " in line and len(line.split(" — ")[1]) > 20 for line in seen[0])
    store = w.context.store
    assert store is not None and store.path == target
    offsite = store.session.query(Offsite).one()
    assert offsite.kind == "leadership" and offsite.title == "Sales leadership offsite"
    assert offsite.date == clock.now().date()
    view = w.views["offsite"]
    assert view.date.text() == clock.now().strftime("%a %-d %b %Y")
    w.context.set_store(None)


def test_an_undated_offsite_shows_no_date(window: MainWindow) -> None:
    from keeper.store.models import Offsite

    offsite = window.context.offsite
    window.context.run(SetFields(Offsite, {"id": offsite.id}, {"date": None}))
    window.context.set_offsite(offsite.id)
    view = window.views["offsite"]
    assert view.date.text() == "Not set: choose the date"
    assert "2000" not in view.date.text()


def test_the_demo_opens_around_the_windows_own_clock(qtbot) -> None:
    import datetime as dt

    from keeper.agenda.ops import running_title
    from keeper.clock import FakeClock

    local = dt.datetime.now().astimezone().replace(hour=16, minute=1, second=0, microsecond=0)
    window = MainWindow(context=AppContext(clock=FakeClock(local.astimezone(dt.UTC))))
    qtbot.addWidget(window)
    window.open_demo()
    store, offsite_id = window.context.store, window.context.offsite_id
    assert store is not None and offsite_id is not None
    # the clock the runner counts down by, not the machine's: a talk is under way at 16:01
    assert running_title(store, offsite_id) == "Best practice talk 2"
    window.context.set_store(None)
