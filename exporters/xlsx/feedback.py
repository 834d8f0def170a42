"""Private Start/Stop/Continue feedback: one workbook per person, holding only what that
person received. Written only when the Keeper asks for it (``keeper export FILE --feedback
DIR`` or the Export view's own button); the tally workbook and the deck never carry it."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook

from exporters.data import ExportData
from exporters.data_day import FeedbackFor
from exporters.xlsx.kit import LABEL_FONT, TITLE_FONT, Table, first_sheet, put
from exporters.xlsx.sheet_names import SheetNames
from keeper.tables.atomic import ExportError, write_atomically
from keeper.tables.cells import clean, one_line

# characters Windows, macOS or Linux refuse in a file name, and control characters
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def file_stem(name: str) -> str:
    """``name`` as the stem of a file name on any system (never empty, never hidden)."""
    stem = _NOT_IN_FILE_NAMES.sub(" ", one_line(name, 80)).strip(" .")
    return " ".join(stem.split()) or "Someone"


def feedback_workbook(data: ExportData, person: FeedbackFor) -> Workbook:
    """One sheet: the feedback ``person`` received, and from whom."""
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = SheetNames(()).take(f"Feedback \u2013 {person.receiver}")
    put(ws, 1, 1, f"Feedback for {person.receiver}").font = TITLE_FONT
    ws.row_dimensions[1].height = 26
    note = (f"Private: for {person.receiver} only. {data.offsite.title}. "
            f"{len(person.received)} of {person.givers_expected} colleagues wrote feedback.")
    put(ws, 2, 1, note).font = LABEL_FONT
    table = Table(ws, ["From", "Start", "Stop", "Continue"], wrap=(1, 2, 3), row=4)
    for i in (1, 2, 3):
        table.widths[i] = 45
    for f in person.received:
        table.add([f.giver, f.start or "", f.stop or "", f.continue_ or ""])
    if not person.received:
        table.add(["(no feedback yet)", "", "", ""])
    table.finish(filter_=False, freeze=False)
    ws.freeze_panes = "A5"
    ws.sheet_view.showGridLines = False
    wb.properties.title = clean(f"Feedback for {person.receiver}", 200)
    wb.properties.creator = "Keeper"
    return wb


def write_feedback(data: ExportData, folder: Path) -> list[Path]:
    """Write "Feedback – <name>.xlsx" for each person who gives or receives feedback
    into ``folder`` (created if missing, in a folder that exists); return the paths written."""
    people = data.day.feedback if data.day else ()
    if not people:
        raise ExportError(f"{data.offsite.title} has no Start/Stop/Continue feedback to "
                          "write.")
    folder = Path(folder).expanduser()
    folder.mkdir(exist_ok=True)
    written, taken = [], set()
    for person in people:
        stem = f"Feedback \u2013 {file_stem(person.receiver)}"
        name, n = stem, 2
        while name.casefold() in taken:  # two people with one name get a file each
            name, n = f"{stem} ({n})", n + 1
        taken.add(name.casefold())
        wb = feedback_workbook(data, person)
        written.append(write_atomically(folder / f"{name}.xlsx", wb.save))
    return written
