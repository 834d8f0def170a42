"""Import people as the Keeper does it: pick a roster, read the preview, click, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from keeper.store.models import Person
from ui import people_import
from ui.main_window import MainWindow

# Against the demo: Pat is new, Ava Chen (a rep under Tommy Becker) becomes a manager,
# Liam Novak is as the file has him, and the astronaut is rejected.
ROSTER = ("Name,Role,Manager\n"
          "Pat Lee,AE,Jill Morgan\n"
          "Ava Chen,Sales Manager,Tommy Becker\n"
          "Liam Novak,rep,Tommy Becker\n"
          "Zed Unknown,astronaut,\n")


def _roster(tmp_path: Path, text: str = ROSTER) -> Path:
    path = tmp_path / "team.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _when_shown(qtbot, act: Callable[[people_import.ImportPreview], None]) -> list[str]:
    """Run ``act`` on the preview once it is up (it is modal); returns what it said."""
    said: list[str] = []

    def find() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, people_import.ImportPreview):
            QTimer.singleShot(10, find)
            return
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        act(dialog)

    QTimer.singleShot(0, find)
    return said


def _role(window: MainWindow, name: str) -> str | None:
    store = window.context.store
    store.session.expire_all()
    person = store.session.query(Person).filter_by(name=name).one_or_none()
    return None if person is None else person.role


def test_preview_shows_new_changed_unchanged_rejected_and_applies_in_one_undo_step(
        window: MainWindow, qtbot, tmp_path: Path) -> None:
    seen: dict[str, list[str]] = {}

    def read_then_click(dialog: people_import.ImportPreview) -> None:
        seen.update(dialog.group_lines())
        assert dialog.import_button.text() == "Add 1, update 1"
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    said = _when_shown(qtbot, read_then_click)
    assert people_import.import_people(window, _roster(tmp_path)) == 2
    assert "<b>1</b> new · <b>1</b> changed · <b>1</b> unchanged · <b>1</b> rejected" in said
    assert seen == {
        "New (1)": ["row 2 · Pat Lee (rep), reports to Jill Morgan"],
        "Changed (1)": ["row 3 · Ava Chen (by name): role rep → manager"],
        "Rejected (1)": ["row 5 · unknown role 'astronaut' (use leader, manager or rep)"],
        "Unchanged (1)": ["row 4 · Liam Novak (rep), reports to Tommy Becker"],
    }
    assert (_role(window, "Pat Lee"), _role(window, "Ava Chen")) == ("rep", "manager")
    assert window.views["people"].model.rowCount() == 37

    stack = window.context.undo_stack
    stack.undo()  # one step takes the new person and the promotion back
    assert (_role(window, "Pat Lee"), _role(window, "Ava Chen")) == (None, "rep")
    assert window.views["people"].model.rowCount() == 36
    stack.redo()
    assert (_role(window, "Pat Lee"), _role(window, "Ava Chen")) == ("rep", "manager")


def test_the_same_roster_again_has_nothing_to_import(window: MainWindow, qtbot,
                                                     tmp_path: Path) -> None:
    path = _roster(tmp_path, "Name,Role,Manager\nLiam Novak,rep,Tommy Becker\n")
    state: list[bool] = []

    def look_then_cancel(dialog: people_import.ImportPreview) -> None:
        state.append(dialog.import_button.isEnabled())
        state.append(dialog.tree.topLevelItem(0).isExpanded())
        dialog.reject()

    _when_shown(qtbot, look_then_cancel)
    count = window.context.undo_stack.count()
    assert people_import.import_people(window, path) == 0
    assert state == [False, False]  # nothing to click; the unchanged list stays folded
    assert window.context.undo_stack.count() == count


def test_cancel_writes_nothing(window: MainWindow, qtbot, tmp_path: Path) -> None:
    _when_shown(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert people_import.import_people(window, _roster(tmp_path)) == 0
    assert (_role(window, "Pat Lee"), _role(window, "Ava Chen")) == (None, "rep")


def test_imported_manager_attends_the_offsite_shown(window: MainWindow, qtbot,
                                                    tmp_path: Path) -> None:
    """A new manager imported for this offsite was missing from its attendees."""
    roster = _roster(tmp_path, "Name,Role\nNia Park,Sales Manager\nPat Lee,AE\n")
    said = _when_shown(qtbot, lambda dialog: qtbot.mouseClick(dialog.import_button,
                                                              Qt.MouseButton.LeftButton))
    assert people_import.import_people(window, roster) == 2
    assert "The new leaders and managers will attend Autumn leadership offsite." in said
    window.show_view("offsite")
    attendees = window.views["offsite"].attendees
    ticked = {attendees.item(i).text(): attendees.item(i).checkState()
              for i in range(attendees.count())}
    assert ticked["Nia Park — manager"] == Qt.CheckState.Checked
    window.context.undo_stack.undo()
    assert not any(name.startswith("Nia Park") for name in
                   (attendees.item(i).text() for i in range(attendees.count())))


def test_people_view_import_button_opens_the_preview(window: MainWindow, qtbot,
                                                     tmp_path: Path, monkeypatch) -> None:
    path = _roster(tmp_path)
    monkeypatch.setattr(people_import.QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))
    titles: list[str] = []

    def note_and_cancel(dialog: people_import.ImportPreview) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    _when_shown(qtbot, note_and_cancel)
    window.show_view("people")
    view = window.views["people"]
    button = next(b for b in view.findChildren(QPushButton)
                  if b.text().replace("&", "").startswith("Import"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert titles == ["Import people from team.csv"]
