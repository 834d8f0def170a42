"""A facilitator's offsite, end to end, through the real main window.

The Keeper starts a fresh file from the "Sales leadership offsite" template, imports the
team from a CSV, sets the offsite up, tunes the agenda, runs the morning, fills the board,
maps the reps, records an OKR and feedback, exports the workbook and the deck, and finally
reopens the file to find everything where it was left. Each step is a helper named after
what the Keeper does; the test at the bottom reads as the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel
from sqlalchemy import select

from keeper.agenda.ops import agenda_items, load_runner_state
from keeper.agenda.timer import TimerState
from keeper.clock import FakeClock
from keeper.quadrant.rules import Quadrant, quadrant_of
from keeper.store.files import new_file
from keeper.store.models import (
    Attendance,
    Cluster,
    Feedback,
    Note,
    Okr,
    Person,
    Placement,
    Support,
)
from keeper.store.offsite_file import OffsiteStore
from ui import people_import
from ui.agenda.columns import C_MIN, C_START, C_TITLE
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.quadrant.board import SIZE

OFFSITE_DAY = dt.date(2026, 11, 23)
TITLE = "Q1 sales leadership offsite"
VENUE = "Harbour House, Leith"
MAYA_NOTES = ["Renewal desk for SMB accounts", "Co-sell pilot with two partners"]
TOM_NOTES = ["Renewal playbook in the CRM", "Partner deal registration"]
RENEWALS, PARTNERS = "Renewals engine", "Partner pilots"
INITIATIVES = ["Land 40 new logos", "Net retention to 110%", "Launch the partner channel"]

ROSTER = """Name,Role,Manager,Email
Vera Lindqvist,VP Sales,,vera@example.com
Maya Patel,Sales Manager,,maya@example.com
Tom Okafor,Sales Manager,,tom@example.com
Rita Reyes,Account Executive,Maya Patel,rita@example.com
Sam Cho,AE,Maya Patel,sam@example.com
Lena Berg,SDR,Maya Patel,
Omar Haddad,rep,Tom Okafor,omar@example.com
Ines Duarte,rep,Tom Okafor,
Ken Ito,rep,Tom Okafor,
Zed Unknown,astronaut,,zed@example.com
"""
LEADERS = ["Vera Lindqvist", "Maya Patel", "Tom Okafor"]
REPS = ["Rita Reyes", "Sam Cho", "Lena Berg", "Omar Haddad", "Ines Duarte", "Ken Ito"]


# ----- helpers -------------------------------------------------------------------------------


def store_of(window: MainWindow) -> OffsiteStore:
    store = window.context.store
    assert store is not None
    store.session.expire_all()
    return store


def person_id(window: MainWindow, name: str) -> int:
    return store_of(window).session.scalars(select(Person.id).where(Person.name == name)).one()


def show(window: MainWindow, key: str, qtbot) -> object:  # noqa: ANN001
    """Click the section in the navigation, as the Keeper does; returns its view."""
    window.show_view(key)
    view = window.views[key]
    qtbot.waitUntil(view.isVisible)
    return view


# ----- the steps -----------------------------------------------------------------------------


def import_the_roster(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    roster = tmp_path / "team.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    seen: list[str] = []

    def read_and_accept(dialog: people_import.ImportPreview) -> int:
        seen.append(dialog.import_button.text())
        seen.append("\n".join(line for lines in dialog.group_lines().values() for line in lines))
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(people_import.ImportPreview, "exec", read_and_accept)
    assert people_import.import_people(window, roster) == 9
    button, report, *labels = seen
    assert button == "Add 9"
    assert "row 5 · Rita Reyes (rep), reports to Maya Patel" in report
    assert "row 11 · unknown role 'astronaut'" in report
    assert ("<b>9</b> new · <b>0</b> changed · <b>0</b> unchanged · <b>1</b> rejected"
            in labels)
    assert "The new leaders and managers will attend Sales leadership offsite." in labels

    people = show(window, "people", qtbot)
    assert people.model.rowCount() == 9
    offsite = show(window, "offsite", qtbot)
    ticked = {offsite.attendees.item(i).text(): offsite.attendees.item(i).checkState()
              for i in range(offsite.attendees.count())}
    assert ticked == {"Vera Lindqvist — leader": Qt.CheckState.Checked,
                      "Maya Patel — manager": Qt.CheckState.Checked,
                      "Tom Okafor — manager": Qt.CheckState.Checked}
    assert offsite.attendance_summary.text() == "3 attending"


def set_up_the_offsite(window: MainWindow, qtbot, monkeypatch) -> None:  # noqa: ANN001
    view = show(window, "offsite", qtbot)
    view.title.setFocus()
    view.title.selectAll()
    qtbot.keyClicks(view.title, TITLE)
    view.title.editingFinished.emit()
    view.date.setDate(QDate(OFFSITE_DAY.year, OFFSITE_DAY.month, OFFSITE_DAY.day))
    view.date.editingFinished.emit()
    view.venue.setFocus()
    qtbot.keyClicks(view.venue, VENUE)
    view.venue.editingFinished.emit()
    answers = iter(INITIATIVES)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    for _ in INITIATIVES:
        view.add_initiative()
    assert view.heading.text() == TITLE
    assert VENUE in view.subheading.text() and "23 November 2026" in view.subheading.text()
    assert [view.initiatives.item(i).text() for i in range(view.initiatives.count())] \
        == INITIATIVES
    assert view.initiative_hint.text() == "3 initiatives"
    assert TITLE in window.windowTitle()


def agenda_titles(view) -> list[str]:  # noqa: ANN001
    return [view.model.index(r, C_TITLE).data() for r in range(view.model.rowCount())]


def tune_the_agenda(window: MainWindow, qtbot) -> list[str]:  # noqa: ANN001
    view = show(window, "agenda", qtbot)
    titles = agenda_titles(view)
    assert titles[0] == "Welcome: always proud, never satisfied"
    assert view.model.index(0, C_START).data() == "09:00"
    # The welcome gets 15 minutes instead of 10: everything after it starts 5 minutes later.
    second_start = view.model.index(1, C_START).data()
    assert view.model.setData(view.model.index(0, C_MIN), 15)
    assert view.model.index(0, C_MIN).data() == "15"
    assert view.model.index(1, C_START).data() == "09:15" != second_start
    # OKR postmortem 1 moves down twice with Ctrl+Down; the second move is undone.
    view.table.setFocus()
    view.table.selectRow(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda_titles(view)[1:3] == ["OKR postmortem 2", "OKR postmortem 1"]
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda_titles(view)[2:4] == ["OKR postmortem 3", "OKR postmortem 1"]
    window.context.undo_stack.undo()
    assert agenda_titles(view)[1:4] == ["OKR postmortem 2", "OKR postmortem 1",
                                        "OKR postmortem 3"]
    assert view.model.index(0, C_MIN).data() == "15"  # the earlier edit stays
    return agenda_titles(view)


def run_the_morning(window: MainWindow, qtbot, clock: FakeClock) -> None:  # noqa: ANN001
    view = show(window, "runner", qtbot)
    qtbot.waitUntil(view.hasFocus)
    assert view.title.text() == "Welcome: always proud, never satisfied"
    assert view.countdown.text() == "15:00"  # the 15 minutes set in the agenda
    clock.advance(5 * 60)  # 09:00: the room is ready
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.runner.state is TimerState.RUNNING
    clock.advance(10 * 60)
    view.tick()
    assert view.countdown.text() == "05:00"
    clock.advance(7 * 60)  # the welcome runs two minutes over
    view.tick()
    assert "Over time" in view.state_line.text()
    assert view.audience_window.face.state.digits == "+02:00"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.title.text() == "OKR postmortem 2"
    assert view.runner.state is TimerState.RUNNING
    # 10 h 30 min planned from 09:00, two minutes lost in the welcome
    assert view.drift_line.text() == "Running 2 min late · projected end 19:32"
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.countdown.text() == "16:00"
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.countdown.text() == "14:00"
    welcome = next(i for i in agenda_items(store_of(window), window.context.offsite_id)
                   if i.title.startswith("Welcome"))
    assert welcome.actual_start == dt.datetime(2026, 11, 23, 9, 0)
    assert welcome.actual_end == dt.datetime(2026, 11, 23, 9, 17)


def note_item(view, text: str):  # noqa: ANN001, ANN201
    return next(i for i in view.scene.notes.values() if i.note.text == text)


def write_notes(view, qtbot, author: str, notes: list[str]) -> None:  # noqa: ANN001
    view.author.setCurrentIndex(view.author.findText(author))
    assert view.author.currentText() == author
    view.capture.setFocus()
    for text in notes:
        qtbot.keyClicks(view.capture, text)
        qtbot.keyClick(view.capture, Qt.Key.Key_Return)
        assert view.capture.text() == ""


def group(view, qtbot, monkeypatch, texts: list[str], title: str) -> int:  # noqa: ANN001
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (title, True))
    view.scene.select_only([note_item(view, t) for t in texts])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    return next(c.id for c in view.data.clusters if c.title == title)


def toggle_supporters(view, qtbot, cluster_id: int, names: list[str]) -> None:  # noqa: ANN001
    view.scene.select_only([view.scene.clusters[cluster_id]])
    for name in names:
        button = view.tally.person_buttons[person_id_in(view, name)]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def person_id_in(view, name: str) -> int:  # noqa: ANN001
    return next(p.id for p in view.data.people if p.name == name)


def mark_big_bet(view, title: str, initiative: str) -> None:  # noqa: ANN001
    view.tabs.setCurrentWidget(view.big_bets)  # the Keeper opens the Big bets tab
    table = view.big_bets.table

    def row_of() -> int:
        return next(r for r in range(table.rowCount())
                    if table.item(r, 1).text().lstrip("★ ") == title)

    table.item(row_of(), 0).setCheckState(Qt.CheckState.Checked)
    combo = table.cellWidget(row_of(), 3)
    at = combo.findText(initiative)
    combo.setCurrentIndex(at)
    combo.activated.emit(at)


def fill_the_board(window: MainWindow, qtbot, monkeypatch) -> None:  # noqa: ANN001
    view = show(window, "board", qtbot)
    authors = [view.author.itemText(i) for i in range(view.author.count())]
    assert set(LEADERS) <= set(authors)
    assert not set(REPS) & set(authors)  # reps do not write notes at the offsite
    write_notes(view, qtbot, "Maya Patel", MAYA_NOTES)
    write_notes(view, qtbot, "Tom Okafor", TOM_NOTES)
    assert len(view.scene.notes) == 4
    renewals = group(view, qtbot, monkeypatch, [MAYA_NOTES[0], TOM_NOTES[0]], RENEWALS)
    partners = group(view, qtbot, monkeypatch, [MAYA_NOTES[1], TOM_NOTES[1]], PARTNERS)
    toggle_supporters(view, qtbot, renewals, LEADERS)
    toggle_supporters(view, qtbot, partners, ["Vera Lindqvist", "Tom Okafor"])
    toggle_supporters(view, qtbot, partners, ["Tom Okafor"])  # Tom changes his mind
    ranked = {e.title: e.count for e in view.tally.ranking.entries}
    assert ranked[RENEWALS] == 3 and ranked[PARTNERS] == 1
    view.tabs.setCurrentWidget(view.big_bets)
    mark_big_bet(view, RENEWALS, INITIATIVES[1])
    mark_big_bet(view, PARTNERS, INITIATIVES[2])
    assert view.big_bets.status.text().startswith("✓ 2 big bets"), view.big_bets.status.text()


# Where each rep goes, in Shift+arrow steps (5 points each) from the centre of the board.
REP_STEPS = {
    "Rita Reyes": (6, 6),      # high skill, high motivation
    "Sam Cho": (4, -5),        # a breather: skilled, not motivated
    "Lena Berg": (-5, 6),      # keen, still learning
    "Omar Haddad": (-6, -6),   # low, low
    "Ines Duarte": (3, 3),
}
DRAGGED = "Ken Ito"            # dragged with the mouse instead


def place_with_keys(view, qtbot, rep_id: int, steps: tuple[int, int]) -> None:  # noqa: ANN001
    view.reps.table.selectRow(view.reps.model.row_of(rep_id))
    assert view.selected_rep() == rep_id
    qtbot.mouseClick(view.reps.place_button, Qt.MouseButton.LeftButton)
    assert view.board.hasFocus()  # placed: the arrow keys move the dot
    dx, dy = steps
    for key, count in ((Qt.Key.Key_Right if dx > 0 else Qt.Key.Key_Left, abs(dx)),
                       (Qt.Key.Key_Up if dy > 0 else Qt.Key.Key_Down, abs(dy))):
        for _ in range(count):
            qtbot.keyClick(view.board, key, Qt.KeyboardModifier.ShiftModifier)


def drag_dot(view, rep_id: int, skill: float, motivation: float) -> None:  # noqa: ANN001
    viewport = view.board.viewport()
    start = view.board.mapFromScene(view.scene.dots[rep_id].pos())
    end = view.board.mapFromScene(QPointF(skill * SIZE, (1 - motivation) * SIZE))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def map_the_reps(window: MainWindow, qtbot) -> dict[str, tuple[float, float]]:  # noqa: ANN001
    view = show(window, "quadrant", qtbot)
    assert view.reps.model.rowCount() == len(REPS)
    assert view.scene.dots == {}  # a fresh offsite: nobody placed yet
    for name, steps in REP_STEPS.items():
        place_with_keys(view, qtbot, person_id(window, name), steps)
    view.reps.table.selectRow(view.reps.model.row_of(person_id(window, DRAGGED)))
    qtbot.mouseClick(view.reps.place_button, Qt.MouseButton.LeftButton)
    drag_dot(view, person_id(window, DRAGGED), 0.3, 0.2)
    expected = {name: (0.5 + 0.05 * dx, 0.5 + 0.05 * dy) for name, (dx, dy) in REP_STEPS.items()}
    expected[DRAGGED] = (0.3, 0.2)
    assert len(view.scene.dots) == len(REPS)
    counts = {q: int(item.text.split()[0]) for q, item in view.scene.counts.items()}
    wanted: dict[Quadrant, int] = dict.fromkeys(Quadrant, 0)
    for skill, motivation in expected.values():
        wanted[quadrant_of(skill, motivation)] += 1
    assert counts == wanted
    return expected


OKR = ("Win rate above 25%", "25%")
FEEDBACK = {"start": "Sharing your forecast method", "stop": "Skipping the Friday 1:1",
            "continue": "Coaching Rita through renewals"}
MAYA_THANKS = "Thank you for carrying the mid-market quarter 🎉"


def type_into(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def record_the_sessions(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    view = show(window, "day", qtbot)
    okr = view.okr
    qtbot.mouseClick(okr.add_review, Qt.MouseButton.LeftButton)
    type_into(qtbot, okr.objective, OKR[0])
    type_into(qtbot, okr.target, OKR[1])
    qtbot.mouseClick(okr.save_button, Qt.MouseButton.LeftButton)
    assert any(OKR[0] in okr.review_list.item(i).text() for i in range(okr.review_list.count()))

    view.show_tab(4)
    feedback = view.feedback
    assert feedback.counts.text().startswith("0 of 6 pairs complete"), feedback.counts.text()
    ids = [p.id for p in view.data.people]
    maya, tom = person_id(window, "Maya Patel"), person_id(window, "Tom Okafor")
    rect = feedback.grid.visualItemRect(feedback.grid.item(ids.index(maya), ids.index(tom)))
    qtbot.mouseClick(feedback.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert feedback.pair_title.text() == "Maya Patel → Tom Okafor"
    for kind, text in FEEDBACK.items():
        type_into(qtbot, feedback.boxes[kind], text)
    qtbot.mouseClick(feedback.next_button, Qt.MouseButton.LeftButton)
    assert feedback.cell_state_at(maya, tom) == "complete"
    assert feedback.counts.text().startswith("1 of 6 pairs complete")


def write_gratitude_and_export(window: MainWindow, qtbot, out: Path) -> tuple[Path, Path]:  # noqa: ANN001
    view = show(window, "export", qtbot)
    table = view.gratitude
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert sorted(names) == sorted(LEADERS)
    table.item(names.index("Maya Patel"), 1).setText(MAYA_THANKS)
    xlsx, pptx = out / "tally.xlsx", out / "deck.pptx"
    view.xlsx_path.setText(str(xlsx))
    view.pptx_path.setText(str(pptx))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.running
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    assert view.result.text().startswith("Exported."), view.result.text()
    return xlsx, pptx


def sheet_rows(workbook, title: str) -> list[tuple]:  # noqa: ANN001
    return [tuple(row) for row in workbook[title].iter_rows(values_only=True)]


def check_the_workbook(path: Path) -> None:
    workbook = load_workbook(path)
    summary = dict((r[0], r[1]) for r in sheet_rows(workbook, "Summary") if r[0])
    assert summary["Venue"] == VENUE
    assert summary["Opportunity notes"] == 4 and summary["Clusters"] == 2
    assert summary["Big bets"] == f"{RENEWALS}, {PARTNERS}"
    assert summary["Reps placed on the quadrant"] == len(REPS)
    ideas = sheet_rows(workbook, "Ideas")
    by_note = {r[0]: r for r in ideas[1:]}
    assert set(MAYA_NOTES + TOM_NOTES) <= set(by_note)
    assert by_note[MAYA_NOTES[0]][1:3] == ("Maya Patel", RENEWALS)
    tally = {r[1]: r for r in sheet_rows(workbook, "Tally")[1:]}
    assert tally[RENEWALS][2:5] == (3, "Yes", INITIATIVES[1])
    assert tally[PARTNERS][2:5] == (1, "Yes", INITIATIVES[2])
    people = {r[0]: r for r in sheet_rows(workbook, "People")[1:]}
    assert set(people) == set(LEADERS + REPS)
    assert people["Maya Patel"][-1] == MAYA_THANKS


def slide_texts(path: Path) -> list[str]:
    """Each slide's text, title first: text frames, then table cells row by row."""
    texts = []
    for slide in Presentation(str(path)).slides:
        parts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        parts += [" | ".join(cell.text for cell in row.cells)
                  for shape in slide.shapes if shape.has_table for row in shape.table.rows]
        texts.append("\n".join(parts))
    return texts


def check_the_deck(path: Path) -> None:
    slides = slide_texts(path)
    assert TITLE in slides[0]
    renewals = next(t for t in slides if t.startswith(f"#1 {RENEWALS}"))
    assert f"3 supporters · Big bet → {INITIATIVES[1]}" in renewals
    assert MAYA_NOTES[0] in renewals and TOM_NOTES[0] in renewals
    partners = next(t for t in slides if t.startswith(f"#2 {PARTNERS}"))
    assert f"1 supporter · Big bet → {INITIATIVES[2]}" in partners
    bets = next(t for t in slides if t.startswith("Our big bets"))
    assert f"{RENEWALS}\n→ {INITIATIVES[1]}\n3 supporters · rank 1" in bets
    assert f"{PARTNERS}\n→ {INITIATIVES[2]}\n1 supporter · rank 2" in bets
    assert any(t.startswith("Where our reps are: 6 reps placed") for t in slides)
    okrs = next(t for t in slides if t.startswith("Last period's OKRs"))
    assert f"{OKR[0]} | {OKR[1]} | " in okrs
    thanks = {t.split("\n")[0]: t for t in slides if t.startswith("Thank you, ")}
    assert set(thanks) == {f"Thank you, {n}" for n in LEADERS}
    assert MAYA_THANKS in thanks["Thank you, Maya Patel"]
    assert "Thank you, Tom, for" in thanks["Thank you, Tom Okafor"]  # drafted from his day
    assert "[" not in thanks["Thank you, Tom Okafor"]


def check_everything_was_kept(path: Path, placed: dict[str, tuple[float, float]],
                              agenda: list[str]) -> None:
    """The window is closed; the file, opened afresh, holds the whole day."""
    store = OffsiteStore.open(path)
    try:
        assert not store.read_only  # the closed window let go of the file
        s = store.session
        offsite = store.current_offsite()
        assert (offsite.title, offsite.date, offsite.venue) == (TITLE, OFFSITE_DAY, VENUE)
        assert [i.title for i in offsite.initiatives] == INITIATIVES
        ids = {p.name: p.id for p in s.scalars(select(Person))}
        assert set(ids) == set(LEADERS + REPS)
        assert {a.person_id for a in s.scalars(select(Attendance))} == {ids[n] for n in LEADERS}

        items = agenda_items(store, offsite.id)
        assert [i.title for i in items] == agenda
        assert (items[0].planned_minutes, items[0].actual_end) == (
            15, dt.datetime(2026, 11, 23, 9, 17))
        runner = load_runner_state(store, offsite.id)
        assert (runner.timer.item_id, runner.timer.state) == (items[1].id, TimerState.RUNNING)

        notes = {n.text: n for n in s.scalars(select(Note))}
        assert set(notes) == set(MAYA_NOTES + TOM_NOTES)
        assert {notes[t].author_id for t in MAYA_NOTES} == {ids["Maya Patel"]}
        clusters = {c.title: c for c in s.scalars(select(Cluster))}
        initiatives = {i.id: i.title for i in offsite.initiatives}
        assert {t: (c.big_bet, initiatives[c.initiative_id]) for t, c in clusters.items()} == {
            RENEWALS: (True, INITIATIVES[1]), PARTNERS: (True, INITIATIVES[2])}
        assert notes[TOM_NOTES[0]].cluster_id == clusters[RENEWALS].id
        backers = {(c.title, sp.person_id) for c in clusters.values()
                   for sp in s.scalars(select(Support).where(Support.cluster_id == c.id))}
        assert backers == ({(RENEWALS, ids[n]) for n in LEADERS}
                           | {(PARTNERS, ids["Vera Lindqvist"])})

        stored = {p.person_id: (p.skill, p.motivation) for p in s.scalars(select(Placement))}
        assert set(stored) == {ids[n] for n in REPS}
        for name, spot in placed.items():
            assert stored[ids[name]] == pytest.approx(spot, abs=0.011), name

        okr = s.scalars(select(Okr).where(Okr.objective == OKR[0])).one()
        assert (okr.target, okr.kind) == (OKR[1], "review")
        given = {f.kind: f.text for f in s.scalars(select(Feedback))}
        assert given == FEEDBACK
        thanks = s.get(Attendance, {"offsite_id": offsite.id, "person_id": ids["Maya Patel"]})
        assert thanks.gratitude_note == MAYA_THANKS
    finally:
        store.close()


# ----- the day -------------------------------------------------------------------------------


@pytest.fixture
def clock() -> FakeClock:
    # 08:55 local on the day of the offsite
    return FakeClock(start=dt.datetime.combine(OFFSITE_DAY, dt.time(8, 55)).astimezone())


@pytest.fixture
def window(qtbot, tmp_path: Path, clock: FakeClock):  # noqa: ANN001
    path = tmp_path / "team.keeper"
    new_file(path, template_name="sales-leadership-offsite", clock=clock).close()
    w = MainWindow(context=AppContext(clock=clock))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(path)
    yield w
    if w.context.store is not None:
        w.close()


def test_a_facilitators_offsite_from_a_fresh_file(qtbot, window: MainWindow, tmp_path: Path,  # noqa: ANN001
                                                  clock: FakeClock, monkeypatch) -> None:  # noqa: ANN001
    path = window.context.store.path
    assert window.windowTitle().startswith("Sales leadership offsite — team.keeper")

    import_the_roster(window, qtbot, tmp_path, monkeypatch)
    set_up_the_offsite(window, qtbot, monkeypatch)
    agenda = tune_the_agenda(window, qtbot)
    run_the_morning(window, qtbot, clock)
    fill_the_board(window, qtbot, monkeypatch)
    placed = map_the_reps(window, qtbot)
    record_the_sessions(window, qtbot)
    xlsx, pptx = write_gratitude_and_export(window, qtbot, tmp_path)
    check_the_workbook(xlsx)
    check_the_deck(pptx)

    window.close()
    assert window.context.store is None
    check_everything_was_kept(path, placed, agenda)
