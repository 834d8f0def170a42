"""The agenda as a spreadsheet: export to .xlsx/.csv, import with a row report.

Export writes values, never formulas (text that looks like a formula is
written as text). Import reads the same columns back; each row is accepted,
accepted with warnings, or skipped with the reason, so the person importing
sees exactly what happened to each line.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keeper.agenda.ops import MAX_MINUTES, clean_item_values
from keeper.agenda.schedule import plan
from keeper.store.models import AgendaItem, ContentTag, ItemKind, Person
from keeper.tables import cells, reading
from keeper.tables.atomic import write_atomically
from keeper.text import clean_line

HEADERS = (
    "Day", "Start", "Title", "Kind", "Minutes", "Presenter", "Content", "Format",
    "Protected", "Amber at (s)", "Red at (s)", "Notes",
)
TAG_LABELS: dict[str, str] = {
    ContentTag.SKILLS: "Skills application",
    ContentTag.STRATEGY: "Strategic alignment",
    ContentTag.CULTURE: "Motivation & culture",
}
MAX_IMPORT_ROWS = 500  # the reader refuses a longer file


class AgendaFileError(ValueError):
    """The file cannot be read as an agenda (worded for the user)."""


@dataclass(frozen=True)
class RowReport:
    row: int  # spreadsheet row number (header is row 1)
    status: str  # "ok", "warning", "skipped"
    message: str = ""


@dataclass
class ImportResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    report: list[RowReport] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.report if r.status == "skipped")

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.report if r.status == "warning")

    def summary(self) -> str:
        return (
            f"{len(self.rows)} items read, {self.warnings} with warnings, "
            f"{self.skipped} rows skipped"
        )


# -- export ------------------------------------------------------------------


def _table(
    items: Sequence[AgendaItem], people: dict[int, str], day_start: dt.time
) -> list[list[Any]]:
    from keeper.agenda.ops import entry_of

    rows: list[list[Any]] = []
    for day in sorted({i.day for i in items}):
        day_items = [i for i in items if i.day == day]
        slots = plan([entry_of(i) for i in day_items], day_start, dt.date(2000, 1, 1))
        for item, slot in zip(day_items, slots, strict=True):
            rows.append([
                item.day,
                slot.start.strftime("%H:%M"),
                item.title,
                item.kind,
                item.planned_minutes,
                people.get(item.presenter_id or -1, ""),
                TAG_LABELS.get(item.content_tag or "", ""),
                item.session_format or "",
                "yes" if item.protected else "",
                item.warn_amber_s,
                item.warn_red_s,
                item.notes or "",
            ])
    return rows


def export_agenda(
    path: Path,
    items: Sequence[AgendaItem],
    people: dict[int, str],
    day_start: dt.time,
    title: str = "Agenda",
) -> Path:
    """Write ``.xlsx`` or ``.csv`` (by suffix) atomically; returns the path.

    Raises ``AgendaFileError`` for another suffix and ``ExportError`` (a
    ``ValueError`` worded for the user) when the folder cannot be written."""
    path = Path(path)
    rows = _table(items, people, day_start)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise AgendaFileError("Save the agenda as .xlsx or .csv.")
    if suffix == ".csv":
        return write_atomically(path, lambda tmp: _write_csv(tmp, rows))
    return write_atomically(path, lambda tmp: _write_xlsx(tmp, rows, title))


def _csv_safe(value: Any) -> Any:
    # A CSV cannot mark a cell as text: a leading apostrophe keeps a formula from running.
    if isinstance(value, str):
        text = cells.clean(value)
        return "'" + text if cells.is_formula_like(text) else text
    return value


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_csv_safe(v) for v in row])


def _write_xlsx(path: Path, rows: list[list[Any]], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Agenda"
    ws.append(list(HEADERS))
    for n, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cells.set_value(ws.cell(row=n, column=column), value)  # "=…" stays text
    header_fill = PatternFill("solid", fgColor="1F2937")
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
    widths = (6, 8, 44, 10, 9, 22, 22, 14, 10, 12, 11, 60)
    for n, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + n)].width = width
    for cell in ws["L"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if rows:
        ref = f"A1:L{len(rows) + 1}"
        table = Table(displayName="Agenda", ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    wb.properties.title = cells.one_line(title, 200)
    wb.save(path)


# -- import ------------------------------------------------------------------


def read_table(path: Path) -> list[list[str]]:
    """The agenda file's rows as text (the shared table reader, its errors as
    ``AgendaFileError``)."""
    try:
        return reading.read_table(Path(path), max_rows=MAX_IMPORT_ROWS)
    except reading.TableError as exc:
        raise AgendaFileError(str(exc)) from exc


def _header_map(header: Sequence[Any]) -> dict[str, int]:
    names = [clean_line(h).lower() for h in header]
    wanted = {
        "day": ("day",),
        "title": ("title", "session", "item"),
        "kind": ("kind", "type"),
        "minutes": ("minutes", "planned minutes", "length", "duration"),
        "presenter": ("presenter", "speaker", "owner"),
        "content": ("content", "content tag", "tag"),
        "format": ("format", "session format"),
        "protected": ("protected",),
        "amber": ("amber at (s)", "amber", "amber (s)"),
        "red": ("red at (s)", "red", "red (s)"),
        "notes": ("notes", "note"),
    }
    found: dict[str, int] = {}
    for key, options in wanted.items():
        for n, name in enumerate(names):
            if name in options:
                found[key] = n
                break
    return found


def _tag(value: str) -> str | None:
    text = value.strip().lower()
    if not text:
        return None
    for tag, label in TAG_LABELS.items():
        if text in (tag, label.lower()) or label.lower().startswith(text):
            return tag
    for tag in TAG_LABELS:
        if text.startswith(tag[:5]):
            return tag
    if "motivation" in text or "culture" in text:
        return ContentTag.CULTURE
    return "?"


def _unquote(value: Any) -> str:
    text = clean_line(value, 2000) if value is not None else ""
    if text.startswith("'") and cells.is_formula_like(text[1:]):
        return text[1:]
    return text


def parse_rows(table: Sequence[Sequence[Any]], people: Sequence[Person]) -> ImportResult:
    """Rows of cells (header first) to agenda values, with a report per row."""
    result = ImportResult()
    if not table:
        raise AgendaFileError("The file is empty.")
    columns = _header_map(table[0])
    if "title" not in columns:
        raise AgendaFileError(
            "No “Title” column in the first row. Expected columns: " + ", ".join(HEADERS)
        )
    by_name = {p.name.strip().lower(): p.id for p in people}
    kinds = set(ItemKind)
    for n, raw in enumerate(table[1:], start=2):
        cells = list(raw)

        def cell(key: str, cells: list[Any] = cells) -> Any:
            i = columns.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        title = _unquote(cell("title"))
        if not title and all(c in (None, "") for c in cells):
            continue  # blank line
        if not title:
            result.report.append(RowReport(n, "skipped", "no title"))
            continue
        notes: list[str] = []
        kind_text = _unquote(cell("kind")).lower() or ItemKind.SESSION
        if kind_text not in kinds:
            notes.append(f"unknown kind “{kind_text[:20]}”, taken as session")
            kind_text = ItemKind.SESSION
        minutes_raw = cell("minutes")
        values = clean_item_values({"planned_minutes": minutes_raw})
        if "planned_minutes" not in values:
            shown = str(minutes_raw)[:20]
            result.report.append(RowReport(n, "skipped", f"minutes “{shown}” is not a number"))
            continue
        minutes = float(minutes_raw)
        if not 1 <= minutes <= MAX_MINUTES:
            notes.append(f"minutes {minutes:g} set to {values['planned_minutes']}")
        row: dict[str, Any] = {
            "title": title,
            "kind": kind_text,
            "planned_minutes": values["planned_minutes"],
            "notes": cell("notes"),
            "session_format": _unquote(cell("format")) or None,
            "protected": _unquote(cell("protected")).lower() in ("yes", "y", "true", "1", "x"),
            "day": cell("day") if cell("day") not in (None, "") else 1,
            "warn_amber_s": cell("amber") if cell("amber") not in (None, "") else 120,
            "warn_red_s": cell("red") if cell("red") not in (None, "") else 30,
        }
        tag = _tag(_unquote(cell("content")))
        if tag == "?":
            notes.append(f"unknown content “{_unquote(cell('content'))[:30]}”, left blank")
            tag = None
        row["content_tag"] = tag
        presenter = _unquote(cell("presenter"))
        if presenter:
            pid = by_name.get(presenter.lower())
            if pid is None:
                notes.append(f"presenter “{presenter[:40]}” is not in People, left blank")
            row["presenter_id"] = pid
        clean = clean_item_values(row)
        for key in ("day", "warn_amber_s", "warn_red_s"):
            if key not in clean:
                notes.append(f"{key.replace('_', ' ')} not a number, default used")
                clean[key] = {"day": 1, "warn_amber_s": 120, "warn_red_s": 30}[key]
        if kind_text != ItemKind.SESSION:
            clean["content_tag"] = None
        result.rows.append(clean)
        result.report.append(RowReport(n, "warning" if notes else "ok", "; ".join(notes)))
    return result


def import_agenda(path: Path, people: Sequence[Person]) -> ImportResult:
    return parse_rows(read_table(path), people)
