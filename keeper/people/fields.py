"""A person's name and e-mail as Keeper keeps them: the limits and what is wrong with a value.

One rule for the roster import and the Add/Edit person dialog, so that a file
never holds a name or an address that one of them would have refused.
"""

from __future__ import annotations

import re

from keeper.tables.cells import EXCEL_CELL_LIMIT
from keeper.text import NAME_MAX, clean_line

# RFC 5321: a path is at most 256 octets with its angle brackets, so an address 254;
# the part before the @ at most 64.
EMAIL_MAX = 254
EMAIL_LOCAL_MAX = 64
# Anything that is not a space or an @, an @, then a domain of dot-separated labels.
_EMAIL = re.compile(r"[^\s@]+@[^\s@.]+(\.[^\s@.]+)*")

__all__ = ["EMAIL_MAX", "NAME_MAX", "email_problem", "name_problem", "uncut_line"]


def uncut_line(value: object) -> str:
    """A name or an address as typed, on one line, not cut (so an over-long one is refused)."""
    return clean_line(value, max_len=EXCEL_CELL_LIMIT)


def email_problem(email: str) -> str | None:
    """Why ``email`` is not an address Keeper keeps, or ``None`` if it is (or is blank)."""
    if not email:
        return None
    if len(email) > EMAIL_MAX:
        return f"e-mail is {len(email)} characters; an address has at most {EMAIL_MAX}"
    if not _EMAIL.fullmatch(email):
        shown = email if len(email) <= 40 else email[:39] + "…"
        return f"e-mail {shown!r} does not look like an address"
    if len(email.split("@", 1)[0]) > EMAIL_LOCAL_MAX:
        return f"e-mail has more than {EMAIL_LOCAL_MAX} characters before the @"
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be kept as it is, or ``None``. Names are never cut silently."""
    if not name:
        return "missing name"
    if len(name) > NAME_MAX:
        return (f"name is {len(name)} characters; Keeper keeps names up to {NAME_MAX} "
                "(shorten it in the file)")
    return None
