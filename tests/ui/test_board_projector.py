"""The board on the projector: no authors by default, the timer's dark, readable when focused."""

from __future__ import annotations

import pytest

from keeper.contrast import AUDIENCE_PALETTE
from tests.ui.showing import shown
from ui.board.projector import MIN_TEXT_SHARE, ProjectorBoard, drawable_text
from ui.board.text_layout import note_font
from ui.board.view import BoardView


@pytest.fixture
def view(qtbot, context):
    return shown(qtbot, BoardView(context))


def projected(qtbot, view, context) -> ProjectorBoard:
    view.present("board")
    widget = context.audience.factory(None)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_projected_board_has_no_authors_by_default_and_the_timers_dark(
        qtbot, view, context) -> None:
    assert not view.actions_by_name["show_authors"].isChecked()
    widget = projected(qtbot, view, context)
    scene = widget.view.scene()
    assert scene.notes and all(n.initials == "" for n in scene.notes.values())
    surround = widget.view.backgroundBrush().color().name().upper()
    assert surround == AUDIENCE_PALETTE["normal"].background.upper()


def test_the_cluster_being_discussed_fills_the_projector_with_readable_notes(
        qtbot, view, context) -> None:
    widget = projected(qtbot, view, context)
    whole = widget.view.note_text_px()
    cluster = min(view.scene.clusters.values(), key=lambda c: c.sceneBoundingRect().height())
    view.scene.select_only([cluster])
    focused = widget.view.note_text_px()
    assert focused > whole
    assert focused >= MIN_TEXT_SHARE * widget.height()
    view.scene.clearSelection()
    assert widget.view.note_text_px() == pytest.approx(whole)


def test_an_emoji_no_font_can_draw_is_said_by_name_never_a_box() -> None:
    font = note_font()
    assert drawable_text("Ship it 🚀 now", font, emoji_font=False) == "Ship it (rocket) now"
    assert drawable_text("Thumbs 👍🏽", font, emoji_font=False) == "Thumbs (thumbs up sign)"
    assert drawable_text("Café – naïve", font, emoji_font=False) == "Café – naïve"
    assert drawable_text("Ship it 🚀", font, emoji_font=True) == "Ship it 🚀"


def test_the_projector_follows_an_edit_by_redrawing_only_that_note(
        qtbot, view, context, monkeypatch) -> None:
    """While phones add notes the projector stays current without redrawing the board."""
    from keeper import board as bo
    from ui.board.note_item import NoteItem

    widget = projected(qtbot, view, context)
    synced: list[int] = []
    update = NoteItem.update_from

    def counted(item, note, *args):  # noqa: ANN001, ANN202
        synced.append(note.id)
        return update(item, note, *args)

    monkeypatch.setattr(NoteItem, "update_from", counted)
    note = view.data.notes[4]
    assert view.run(bo.EditNote(note.id, "Launch the partner portal \U0001F680"))
    projected_note = widget.view.scene().notes[note.id].note
    assert projected_note.text.startswith("Launch the partner portal")
    assert synced.count(note.id) == 2 and len(synced) == 2  # the Keeper's board, the projector
    patched = {i: n.note for i, n in widget.view.scene().notes.items()}
    widget.view.reload()  # a full read draws the same notes
    assert {i: n.note for i, n in widget.view.scene().notes.items()} == patched
