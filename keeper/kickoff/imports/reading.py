"""What every kickoff import shares: reading the sheet, naming columns, finding reps,
the row report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from keeper.kickoff import rep_lookup
from keeper.people.roster import Rejection, RosterError
from keeper.store.models import Person, Role
from keeper.store.offsite_file import OffsiteStore
from keeper.tables.reading import TableError, read_table
from keeper.text import clean_line

TEXT_MAX = 2000
PARENS = re.compile(r"\(.*?\)|\[.*?\]")

_WORDS = re.compile(r"[^\w]+")

REP_HEADERS = ("rep", "name", "rep name", "full name", "person", "employee", "seller",
               "account executive", "ae", "salesperson", "sales rep")
MANAGER_HEADERS = ("manager", "reports to", "manager name", "line manager", "team")

NOT_RATINGS = ("id", "#", "no", "number", "timestamp", "date", "time", "email", "e-mail",
               "submitted", "submitted at", "response id")


class SkoImportError(RosterError):
    """The file cannot be read as this import at all (nothing was imported)."""


def read_sheet(path: Path) -> list[list[str]]:
    """The file's rows as text (safe off the UI thread: no database)."""
    try:
        return read_table(Path(path))
    except TableError as exc:
        raise SkoImportError(str(exc)) from exc


def header_label(cell: object) -> str:
    return clean_line(cell).lower().rstrip(":").strip()


def bare_label(cell: object) -> str:
    """A header without its parentheses: 'Overall (1-5)' → 'overall'."""
    return clean_line(PARENS.sub(" ", clean_line(cell))).lower().rstrip(":").strip()


def normalise(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


def nonblank(rows: Sequence[Sequence[object]]) -> bool:
    return any(any(str(c).strip() for c in r) for r in rows)


def cell_text(row: Sequence[object], index: int | None) -> str:
    return str(row[index]) if index is not None and index < len(row) else ""


def row_values(row: Sequence[object]) -> tuple[str, ...]:
    return tuple(clean_line(c, 80) for c in row)


def shorten(text: str, limit: int = 40) -> str:
    clean = clean_line(text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def rows_or_read(path: Path, rows: list[list[str]] | None) -> list[list[str]]:
    if rows is None:
        rows = read_sheet(Path(path))
    if not rows or not nonblank(rows):
        raise SkoImportError(f"{Path(path).name} is empty.")
    return rows


@dataclass
class RepFinder:
    """Finds reps by name (a Manager column tells namesakes apart)."""

    by_name: dict[str, list[Person]]
    names: dict[int, str]

    def find(self, name: str, manager: str = "") -> tuple[Person | None, str | None]:
        if not name:
            return None, "missing rep name"
        candidates = self.by_name.get(name.casefold(), [])
        reps = [p for p in candidates if p.role == Role.REP]
        if len(reps) > 1 and manager:
            reps = [p for p in reps if self.names.get(p.manager_id or -1, "").casefold()
                    == manager.casefold()] or reps
        if not candidates:
            return None, f"unknown rep {shorten(name)!r} (not in the file's people)"
        if not reps:
            return None, f"{shorten(name)} is not a rep ({candidates[0].role})"
        if len(reps) > 1:
            return None, (f"{len(reps)} reps are called {shorten(name)}; add a Manager column "
                          "to tell them apart")
        return reps[0], None


def rep_finder(store: OffsiteStore) -> RepFinder:
    by_name, names = rep_lookup(store)
    return RepFinder(by_name, names)


def report_lines(rejected: Iterable[Rejection], warnings: Iterable[str] = ()) -> list[str]:
    """The row report's tail: why each rejected row is rejected, then the notes."""
    return [f"  row {r.row}: {r.reason}" for r in rejected] + [f"  note: {w}" for w in warnings]
