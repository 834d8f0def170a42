"""One column type for the fixed vocabularies: the file holds the text, Python the enum.

``StoredEnum(Role)`` reads ``"rep"`` as ``Role.REP`` and writes either back as
``"rep"``, so files written before the columns were enums read the same, with no
migration. Text that is none of the enum's values is refused on the way in
(``ValueError``, a bug or unchecked input) and on the way out (:class:`UnknownKind`,
the file's own "damaged or changed by another program" message, never a traceback
from deep inside the database library).
"""

from __future__ import annotations

import enum
import re
from typing import Any, TypeVar

from sqlalchemy import Dialect, String
from sqlalchemy.types import TypeDecorator

from keeper.store.probe import InconsistentFile

E = TypeVar("E", bound=enum.StrEnum)


class UnknownKind(InconsistentFile):
    """The file holds a role, kind, tag or mode this Keeper does not know."""


def _words(kind: type[enum.StrEnum]) -> str:
    """``OkrKind`` -> ``"OKR kind"``, ``ItemKind`` -> ``"item kind"``: for messages."""
    words = re.findall(r"[A-Z][a-z]*", kind.__name__)
    return " ".join(w.upper() if w == "Okr" else w.lower() for w in words)


class StoredEnum(TypeDecorator[E]):
    """A column holding one of ``kind``'s members, stored as the member's value."""

    impl = String
    cache_ok = True

    def __init__(self, kind: type[E], length: int = 16) -> None:
        super().__init__(length)
        self.kind = kind

    @property
    def what(self) -> str:
        return _words(self.kind)

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        try:
            return self.kind(value).value
        except ValueError:  # the value is not shown: it may be anything
            known = ", ".join(self.kind)
            raise ValueError(f"A {self.what} is one of: {known}.") from None

    def process_result_value(self, value: Any | None, dialect: Dialect) -> E | None:
        if value is None:
            return None
        try:
            return self.kind(value)
        except ValueError:
            raise UnknownKind(
                f"The offsite file holds a {self.what} that Keeper does not know: another "
                "program has changed the file, or it is damaged. Use File ▸ Restore from "
                "backup to recover an earlier copy.") from None
