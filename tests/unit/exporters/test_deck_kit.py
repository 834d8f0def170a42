"""The deck kit's own shortcuts write what python-pptx would: speaker notes set as one
XML fragment are the paragraphs and escaped text of ``frame.text = ...``; an export
pauses garbage collection and leaves it as it found it."""

from __future__ import annotations

import gc
import threading

from lxml import etree

from exporters.pause import collection_paused
from exporters.pptx.deck import open_template
from exporters.pptx.kit import Layouts, speaker_notes


def test_speaker_notes_are_what_python_pptx_writes() -> None:
    prs = open_template(None)
    lay = Layouts.pick(prs)
    ours, theirs = (prs.slides.add_slide(lay.title_only) for _ in range(2))
    lines = ["A & B <not a tag>", "", "=SUM(A1) \u00e9\U0001f389", "  spaced  "]
    speaker_notes(ours, lines)
    theirs.notes_slide.notes_text_frame.text = "\n".join(x for x in lines if x)
    frame = ours.notes_slide.notes_text_frame
    assert frame.text == "A & B <not a tag>\n=SUM(A1) \u00e9\U0001f389\n  spaced  "
    assert etree.tostring(frame._txBody) == etree.tostring(
        theirs.notes_slide.notes_text_frame._txBody)


def test_an_export_pauses_collection_and_leaves_it_as_it_was() -> None:
    seen: list[bool] = []

    @collection_paused()
    def export() -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    export()
    assert seen == [False] and gc.isenabled()
    gc.disable()  # as at start-up, until the app has settled (ui/startup.py)
    try:
        export()
        assert not gc.isenabled()  # an export does not turn collection back on
    finally:
        gc.enable()


def test_an_export_on_a_worker_thread_leaves_collection_alone() -> None:
    seen: list[bool] = []

    @collection_paused()
    def export() -> None:
        seen.append(gc.isenabled())

    worker = threading.Thread(target=export)
    worker.start()
    worker.join()
    assert seen == [True]  # the app's window keeps collecting while a worker exports
