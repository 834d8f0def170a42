"""On opening: every fixed-vocabulary column holds one of its words.

A role, kind, tag or mode this Keeper does not know (another program edited the file,
or it is damaged) is named when the file opens, table and column, never the text
itself, instead of failing later in the middle of the day when some view reads it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keeper.store.base import Base
from keeper.store.enum_column import StoredEnum, UnknownKind


def check_vocabularies(session: Session) -> None:
    """Raise :class:`UnknownKind` for the first column holding a word it does not know."""
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, StoredEnum):
                continue
            words = [member.value for member in column.type.kind]
            odd = session.scalar(select(func.count()).select_from(table).where(
                column.is_not(None), column.not_in(words)))
            if odd:
                raise UnknownKind(
                    f"The offsite file holds a {column.type.what} that Keeper does not know "
                    f"({table.name}.{column.name}): another program has changed the file, or "
                    "it is damaged. Use File ▸ Restore from backup to recover an earlier copy.")
