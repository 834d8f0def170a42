"""Import people from a spreadsheet (.xlsx or .csv): preview, row report, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from keeper.store.models import Attendance, Person, Role
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
    row: int
    name: str
    role: str
    manager: str | None
    email: str | None


@dataclass(frozen=True)
class Rejection:
    row: int
    reason: str
    values: tuple[str, ...]


@dataclass
class ImportPlan:
    source: Path
    accepted: list[RosterRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"{len(self.accepted)} people to import, {len(self.rejected)} rows rejected."]
        lines += [f"  row {r.row}: {r.reason}" for r in self.rejected]
        return "\n".join(lines)


def parse_role(raw: str) -> str | None:
    text = raw.strip().lower()
    if not text:
        return Role.REP.value
    for role in (Role.MANAGER, Role.LEADER, Role.REP):
        if text == role.value or any(word == text for word in ROLE_WORDS[role]):
            return role.value
    for role in (Role.MANAGER, Role.LEADER, Role.REP):
        if any(word in text.split() for word in ROLE_WORDS[role]):
            return role.value
    return None


def read_rows(path: Path) -> list[list[str]]:
    """The roster file's rows as text (the shared table reader, its errors as ``RosterError``)."""
    try:
        return read_table(Path(path))
    except TableError as exc:
        raise RosterError(str(exc)) from exc


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = clean_line(cell).lower()
        for key, names in HEADERS.items():
            if key not in found and label in names:
                found[key] = index
    if "name" not in found:
        raise RosterError("The first row must name the columns; a 'Name' column is required.")
    return found


def plan_import(store: OffsiteStore, path: Path) -> ImportPlan:
    """Read and check every row; nothing is written."""
    rows = read_rows(path)
    plan = ImportPlan(source=Path(path))
    if not rows:
        raise RosterError(f"{Path(path).name} is empty.")
    cols = _columns(rows[0])
    existing = {p.name.casefold(): p for p in store.session.scalars(select(Person))}
    candidates: list[RosterRow] = []
    seen: dict[str, int] = {}

    def cell(row: list[str], key: str) -> str:
        index = cols.get(key)
        return clean_line(row[index]) if index is not None and index < len(row) else ""

    for number, row in enumerate(rows[1:], start=2):
        if not any(str(c).strip() for c in row):
            continue
        values = tuple(clean_line(c) for c in row)
        name, role_text = cell(row, "name"), cell(row, "role")
        manager, email = cell(row, "manager") or None, cell(row, "email") or None
        role = parse_role(role_text)
        reason = None
        if not name:
            reason = "missing name"
        elif role is None:
            reason = f"unknown role {role_text!r} (use leader, manager or rep)"
        elif name.casefold() in existing:
            reason = f"duplicate: {name} is already in the file"
        elif name.casefold() in seen:
            reason = f"duplicate: {name} is also on row {seen[name.casefold()]}"
        elif email and ("@" not in email or " " in email):
            reason = f"email {email!r} does not look like an address"
        if reason:
            plan.rejected.append(Rejection(number, reason, values))
            continue
        seen[name.casefold()] = number
        candidates.append(RosterRow(number, name, role or Role.REP.value, manager, email))

    known = set(existing) | {c.name.casefold() for c in candidates}
    for candidate in candidates:
        if candidate.manager and candidate.manager.casefold() not in known:
            plan.rejected.append(Rejection(
                candidate.row, f"unknown manager {candidate.manager!r}",
                (candidate.name, candidate.role, candidate.manager, candidate.email or ""),
            ))
        elif candidate.manager and candidate.manager.casefold() == candidate.name.casefold():
            plan.rejected.append(Rejection(candidate.row, "a person cannot manage themselves",
                                           (candidate.name, candidate.manager)))
        else:
            plan.accepted.append(candidate)
    # A manager who was rejected cannot be referred to either.
    accepted_names = set(existing) | {c.name.casefold() for c in plan.accepted}
    still: list[RosterRow] = []
    for candidate in plan.accepted:
        if candidate.manager and candidate.manager.casefold() not in accepted_names:
            plan.rejected.append(Rejection(candidate.row,
                                           f"manager {candidate.manager!r} was rejected",
                                           (candidate.name,)))
        else:
            still.append(candidate)
    plan.accepted = still
    plan.rejected.sort(key=lambda r: r.row)
    return plan


def apply_import(store: OffsiteStore, plan: ImportPlan,
                 offsite_id: int | None = None) -> list[int]:
    """Insert every accepted row in one transaction; returns the new ids.

    With ``offsite_id``, the new leaders and managers attend that offsite (as everyone
    who is not a rep does when an offsite is made from a template)."""
    with store.edit() as session:
        by_name = {p.name.casefold(): p for p in session.scalars(select(Person))}
        created: list[Person] = []
        for row in plan.accepted:
            person = Person(name=row.name, role=row.role, email=row.email, active=True)
            session.add(person)
            by_name[row.name.casefold()] = person
            created.append(person)
        session.flush()
        for row, person in zip(plan.accepted, created, strict=True):
            if row.manager:
                person.manager_id = by_name[row.manager.casefold()].id
        if offsite_id is not None:
            session.add_all(Attendance(offsite_id=offsite_id, person_id=p.id)
                            for p in created if p.role != Role.REP.value)
        session.flush()
        return [p.id for p in created]


@dataclass
class ImportPeople:
    """The import as one undoable operation."""

    plan: ImportPlan
    offsite_id: int | None = None  # the offsite the new leaders and managers attend
    text: str = "Import people"
    created: list[int] = field(default_factory=list)

    def apply(self, store: OffsiteStore) -> None:
        self.created = apply_import(store, self.plan, self.offsite_id)

    def revert(self, store: OffsiteStore) -> None:
        from keeper.ops import DeleteRows

        DeleteRows(Person, [{"id": i} for i in reversed(self.created)]).apply(store)
