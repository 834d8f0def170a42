"""Import people from a spreadsheet (.xlsx or .csv): the plan, row by row; nothing written.

A roster is imported again and again as the team changes. Each row is matched to
someone already in the file by e-mail, else by name, and planned as **new**,
**changed** (what changes, before and after), **unchanged** or **rejected** (why).
A blank cell leaves what the file holds: an updated roster without e-mails keeps
the e-mails already typed in. Applying the plan is :mod:`keeper.people.roster_apply`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from keeper.people.fields import email_problem, name_problem, uncut_line
from keeper.store.models import Person, Role
from keeper.store.offsite_file import OffsiteStore
from keeper.tables.reading import TableError, read_table
from keeper.text import clean_line

HEADERS = {
    "name": ("name", "full name", "person", "rep", "employee"),
    "role": ("role", "title", "position", "job title"),
    "manager": ("manager", "reports to", "manager name", "line manager"),
    "email": ("email", "e-mail", "mail", "email address"),
}

ROLE_WORDS = {
    Role.LEADER: ("leader", "vp", "vice president", "director", "head", "cro", "chief", "lead"),
    Role.MANAGER: ("manager", "mgr", "team lead", "supervisor"),
    Role.REP: ("rep", "ae", "account executive", "sdr", "bdr", "am", "account manager",
               "seller", "sales", "associate"),
}


class RosterError(ValueError):
    """The file cannot be read as a roster at all."""


@dataclass(frozen=True)
class RosterRow:
    """A person as the roster row gives them (blank cells filled in from the file)."""

    row: int
    name: str
    role: str
    manager: str | None
    email: str | None


@dataclass(frozen=True)
class Change:
    label: str  # "name", "role", "manager", "e-mail"
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.label} {self.before or '(none)'} → {self.after or '(none)'}"


@dataclass(frozen=True)
class RosterUpdate:
    """Someone already in the file whom the row changes."""

    person_id: int
    matched_by: str  # "e-mail" or "name"
    person: RosterRow
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Rejection:
    row: int
    reason: str
    values: tuple[str, ...]


@dataclass
class ImportPlan:
    source: Path
    accepted: list[RosterRow] = field(default_factory=list)  # new people
    changed: list[RosterUpdate] = field(default_factory=list)
    unchanged: list[RosterRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        """Whether applying the plan changes the file at all."""
        return bool(self.accepted or self.changed)

    def summary(self) -> str:
        rows = len(self.rejected)
        return (f"{len(self.accepted)} new, {len(self.changed)} changed, "
                f"{len(self.unchanged)} unchanged, {rows} row{'s' * (rows != 1)} rejected.")

    def report(self) -> str:
        lines = [self.summary()]
        lines += [f"  row {r.row}: new: {r.name} ({r.role})" for r in self.accepted]
        lines += [f"  row {u.person.row}: {u.person.name}: " + "; ".join(map(str, u.changes))
                  for u in self.changed]
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        return "\n".join(lines)


def parse_role(raw: str) -> Role | None:
    text = raw.strip().lower()
    if not text:
        return Role.REP
    for role in (Role.MANAGER, Role.LEADER, Role.REP):
        if text == role or any(word == text for word in ROLE_WORDS[role]):
            return role
    for role in (Role.MANAGER, Role.LEADER, Role.REP):
        if any(word in text.split() for word in ROLE_WORDS[role]):
            return role
    return None


def read_rows(path: Path) -> list[list[str]]:
    """The roster file's rows as text (the shared table reader, its errors as ``RosterError``)."""
    try:
        return read_table(Path(path))
    except TableError as exc:
        raise RosterError(str(exc)) from exc


HEADER_SEARCH = 10  # rows a title or a blank line may take above the column names


def _labels(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        label = clean_line(cell).lower()
        for key, names in HEADERS.items():
            if key not in found and label in names:
                found[key] = index
    return found


def _columns(rows: list[list[str]]) -> tuple[int, dict[str, int]]:
    """Where the column names are and each column. An HR export may put a title (one
    cell) or blank lines above them; the first row with more is the header."""
    for at, row in enumerate(rows[:HEADER_SEARCH]):
        found = _labels(row)
        if "name" in found:
            return at, found
        if sum(1 for cell in row if cell.strip()) > 1:
            break
    raise RosterError("No row names the columns: a 'Name' column is required (Role, Manager "
                      "and Email are optional).")


@dataclass(frozen=True)
class _Row:
    number: int
    name: str
    role: str | None  # None: blank, keep what the file holds (rep for someone new)
    manager: str | None
    email: str | None
    values: tuple[str, ...]


class _People:
    """Who is in the file, found by e-mail or by name."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_id = {p.id: p for p in people}
        self.by_email = {p.email.casefold(): p for p in people if p.email}
        self.by_name: dict[str, list[Person]] = {}
        for person in people:
            self.by_name.setdefault(person.name.casefold(), []).append(person)

    def match(self, row: _Row) -> tuple[Person | None, str | None, str | None]:
        """(person, how they were matched, why the row is ambiguous)."""
        if row.email and row.email.casefold() in self.by_email:
            return self.by_email[row.email.casefold()], "e-mail", None
        namesakes = self.by_name.get(row.name.casefold(), [])
        if len(namesakes) > 1:
            return None, None, (f"{len(namesakes)} people in the file are called {row.name}; "
                                "add their e-mail to the row to say which")
        if namesakes:
            return namesakes[0], "name", None
        return None, None, None

    def manager_name(self, person: Person) -> str:
        manager = self.by_id.get(person.manager_id or -1)
        return manager.name if manager is not None else ""


def _read(rows: list[list[str]]) -> tuple[list[_Row], list[Rejection]]:
    at, cols = _columns(rows)
    read: list[_Row] = []
    rejected: list[Rejection] = []

    def cell(row: list[str], key: str) -> str:
        index = cols.get(key)
        return uncut_line(row[index]) if index is not None and index < len(row) else ""

    for number, row in enumerate(rows[at + 1:], start=at + 2):
        if not any(str(c).strip() for c in row):
            continue
        values = tuple(clean_line(c) for c in row)
        name, role_text = cell(row, "name"), cell(row, "role")
        role = parse_role(role_text) if role_text else None
        email = cell(row, "email")
        reason = name_problem(name) or email_problem(email)
        if reason is None and role_text and role is None:
            reason = f"unknown role {clean_line(role_text, 40)!r} (use leader, manager or rep)"
        if reason:
            rejected.append(Rejection(number, reason, values))
            continue
        read.append(_Row(number, name, role, clean_line(cell(row, "manager")) or None,
                         email or None, values))
    return read, rejected


def plan_import(store: OffsiteStore, path: Path) -> ImportPlan:
    """Read and check every row; nothing is written."""
    rows = read_rows(path)
    if not rows:
        raise RosterError(f"{Path(path).name} is empty.")
    plan = ImportPlan(source=Path(path))
    read, plan.rejected = _read(rows)
    people = _People(list(store.session.scalars(select(Person))))
    claimed: dict[object, int] = {}  # a person's id, a new name or an e-mail → its row
    planned: list[tuple[_Row, RosterRow, Person | None, str | None]] = []
    for row in read:
        person, matched_by, reason = people.match(row)
        key: object = person.id if person is not None else row.name.casefold()
        # An e-mail someone in the file has matches them, so only rows can share one.
        email = ("@", (row.email or "").casefold())
        if reason is None and key in claimed:
            who = person.name if person is not None else row.name
            reason = f"duplicate: {who} is also on row {claimed[key]}"
        elif reason is None and email in claimed:
            reason = f"e-mail {row.email} is also on row {claimed[email]}"
        if reason:
            plan.rejected.append(Rejection(row.number, reason, row.values))
            continue
        claimed[key] = row.number
        if row.email:
            claimed[email] = row.number
        planned.append((row, _merged(row, person, people), person, matched_by))
    _check_managers(plan, planned, people)
    for _row, merged, person, matched_by in planned:
        if person is None:
            plan.accepted.append(merged)
            continue
        changes = _changes(person, merged, people)
        if changes:
            plan.changed.append(RosterUpdate(person.id, matched_by or "name", merged, changes))
        else:
            plan.unchanged.append(merged)
    plan.rejected.sort(key=lambda r: r.row)
    return plan


def _merged(row: _Row, person: Person | None, people: _People) -> RosterRow:
    if person is None:
        return RosterRow(row.number, row.name, row.role or Role.REP, row.manager, row.email)
    return RosterRow(row.number, row.name, row.role or person.role,
                     row.manager or people.manager_name(person) or None,
                     row.email or person.email)


def _changes(person: Person, merged: RosterRow, people: _People) -> tuple[Change, ...]:
    pairs = (("name", person.name, merged.name), ("role", person.role, merged.role),
             ("manager", people.manager_name(person), merged.manager or ""),
             ("e-mail", person.email or "", merged.email or ""))
    # A name's or address's case is a change; a manager named in other case is the same one.
    return tuple(Change(label, before, after) for label, before, after in pairs
                 if (before.casefold() != after.casefold() if label == "manager"
                     else before != after))


def _check_managers(plan: ImportPlan,
                    planned: list[tuple[_Row, RosterRow, Person | None, str | None]],
                    people: _People) -> None:
    """Reject rows whose manager is unknown, themselves, or a rejected row (until none is)."""
    dropped: dict[str, int] = {}
    while True:
        known = set(people.by_name) | {merged.name.casefold() for _, merged, _, _ in planned}
        kept = []
        for entry in planned:
            row, merged, _, _ = entry
            manager = (row.manager or "").casefold()
            if manager and manager == row.name.casefold():
                reason = "a person cannot manage themselves"
            elif manager and manager in dropped and manager not in known:
                reason = f"manager {row.manager!r} was rejected (row {dropped[manager]})"
            elif manager and manager not in known:
                reason = f"unknown manager {row.manager!r}"
            else:
                kept.append(entry)
                continue
            dropped[row.name.casefold()] = row.number
            plan.rejected.append(Rejection(row.number, reason, row.values))
        if len(kept) == len(planned):
            return
        planned[:] = kept
