"""The Export view: files, choices, a background export, results, gratitude notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLineEdit

from keeper.store.models import Attendance, Person
from keeper.store.offsite_file import OffsiteStore
from ui.context import AppContext
from ui.export.drafts import DRAFT_ROLE
from ui.export.view import ExportView


@pytest.fixture
def view(qtbot, demo_path: Path, clock):
    context = AppContext(clock=clock)
    context.set_store(OffsiteStore.open(demo_path))
    v = ExportView(context)
    qtbot.addWidget(v)
    v.resize(900, 760)
    v.show()
    yield v
    context.set_store(None)


def _wait_done(qtbot, view: ExportView) -> None:
    qtbot.waitUntil(lambda: not view.running, timeout=30_000)


def test_defaults_sit_beside_the_offsite_file(view: ExportView, demo_path: Path) -> None:
    assert view.xlsx_path.text() == str(demo_path.parent / "Autumn leadership offsite tally.xlsx")
    assert view.pptx_path.text().endswith("Autumn leadership offsite deck.pptx")
    assert view.default_design.isChecked() and not view.names.isChecked()
    assert view.export_button.isEnabled()
    view.grab().save(str(demo_path.parent / "export-view.png"))


def test_export_runs_in_background_and_offers_the_folder(
        qtbot, view: ExportView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    view.xlsx_path.setText(str(out / "t.xlsx"))
    view.pptx_path.setText(str(out / "d.pptx"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.running and not view.export_button.isEnabled()
    assert view.progress.isVisible()
    _wait_done(qtbot, view)
    assert "Exported." in view.result.text() and str(out / "d.pptx") in view.result.text()
    assert not view.progress.isVisible()
    assert load_workbook(out / "t.xlsx").sheetnames[0] == "Summary"
    deck = Presentation(str(out / "d.pptx"))
    assert not any(s.shapes.title.text == "Reps by quadrant" for s in deck.slides)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert view.open_folder.isEnabled()
    qtbot.mouseClick(view.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(out)]


def test_names_choice_reaches_the_deck(qtbot, view: ExportView, tmp_path: Path) -> None:
    view.want_xlsx.setChecked(False)
    view.pptx_path.setText(str(tmp_path / "d.pptx"))
    view.names.setChecked(True)
    view.start_export()
    _wait_done(qtbot, view)
    deck = Presentation(str(tmp_path / "d.pptx"))
    assert any(s.shapes.title.text == "Reps by quadrant" for s in deck.slides)


def test_missing_folder_shows_a_clear_error(qtbot, view: ExportView, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "t.xlsx"
    view.xlsx_path.setText(str(target))
    view.want_pptx.setChecked(False)
    view.start_export()
    _wait_done(qtbot, view)
    assert str(target.parent) in view.result.text()
    assert "does not exist" in view.result.text()
    assert not view.open_folder.isEnabled()
    assert view.export_button.isEnabled()


def test_nothing_ticked_or_no_template_is_explained(view: ExportView) -> None:
    view.want_xlsx.setChecked(False)
    view.want_pptx.setChecked(False)
    view.start_export()
    assert not view.running and "Tick the workbook" in view.result.text()
    view.want_pptx.setChecked(True)
    view.company_design.setChecked(True)
    view.start_export()
    assert not view.running and "company's template" in view.result.text()


def test_gratitude_notes_are_edited_with_undo(qtbot, view: ExportView) -> None:
    table = view.gratitude
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Dana Whitfield" not in names  # the Keeper
    assert len(names) == 7 and "Marcus Obi" in names
    row = names.index("Marcus Obi")
    table.item(row, 1).setText("Thank you for   the\x07 hard questions 🎉")
    store = view.context.store
    marcus = store.session.query(Person).filter_by(name="Marcus Obi").one()
    key = {"offsite_id": view.context.offsite_id, "person_id": marcus.id}
    assert store.session.get(Attendance, key).gratitude_note == (
        "Thank you for the hard questions 🎉")
    view.context.undo_stack.undo()
    assert store.session.get(Attendance, key).gratitude_note is None
    assert view.gratitude.item(row, 1).text() == ""  # the table follows the undo


def test_private_feedback_has_its_own_button_and_files(
        qtbot, view: ExportView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "private"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    view.xlsx_path.setText(str(tmp_path / "t.xlsx"))
    qtbot.mouseClick(view.feedback_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, view)
    assert "private feedback files" in view.result.text()
    files = sorted(p.name for p in out.iterdir())
    assert "Feedback \u2013 Elena Fischer.xlsx" in files
    assert not (tmp_path / "t.xlsx").exists()  # the tally workbook is a separate export
    sheet = load_workbook(out / "Feedback \u2013 Elena Fischer.xlsx").active
    assert sheet["A1"].value == "Feedback for Elena Fischer"


def test_tally_workbook_has_no_feedback_sheets(qtbot, view: ExportView, tmp_path: Path) -> None:
    view.want_pptx.setChecked(False)
    view.xlsx_path.setText(str(tmp_path / "t.xlsx"))
    view.start_export()
    _wait_done(qtbot, view)
    assert not any(n.startswith("Feedback") for n in load_workbook(tmp_path / "t.xlsx").sheetnames)


def test_unwritten_notes_of_gratitude_are_flagged(view: ExportView) -> None:
    assert view.gratitude_warning.isVisible()
    assert view.gratitude_warning.text().startswith("5 of 7 notes are not written yet")


def test_an_unwritten_note_shows_the_draft_its_slide_will_carry(qtbot, view: ExportView) -> None:
    table = view.gratitude
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    elena = table.item(names.index("Elena Fischer"), 1)
    qtbot.waitUntil(lambda: elena.data(DRAFT_ROLE) is not None, timeout=10_000)
    draft = elena.data(DRAFT_ROLE)
    assert draft.startswith("Thank you, Elena, for ")
    assert elena.text() == ""  # still unwritten: the draft is shown, not stored
    written = table.item(names.index("Jill Morgan"), 1)
    assert written.data(DRAFT_ROLE) is None  # a written note shows as written
    # Editing starts from the draft; the Keeper's change is what is saved.
    table.setCurrentItem(elena)
    table.editItem(elena)
    editor = table.viewport().focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == draft
    editor.setText(draft.replace("Today was better for it.", "You made the day."))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it on the next turn
    store = view.context.store
    person = store.session.query(Person).filter_by(name="Elena Fischer").one()
    key = {"offsite_id": view.context.offsite_id, "person_id": person.id}

    def note() -> str | None:
        store.session.expire_all()
        return store.session.get(Attendance, key).gratitude_note

    qtbot.waitUntil(lambda: note() is not None, timeout=5_000)
    assert note().endswith("You made the day.")
