"""On opening: every fixed-vocabulary column holds one of its words.

A role, kind, tag or mode this Keeper does not know (another program edited the file,
or it is damaged) is named when the file opens, table and column, never the text
itself, instead of failing later in the middle of the day when some view reads it.
One plain SQL statement, built once from the models: it runs on every open, start-up
included, so it is not compiled afresh each time.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy.orm import Session

from keeper.store.base import Base
from keeper.store.enum_column import StoredEnum, UnknownKind


def _quoted(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


@cache
def _checks() -> tuple[str, dict[str, str]]:
    """The statement (each odd column's name, first one only) and each column's words."""
    parts, what = [], {}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, StoredEnum):
                name = f"{table.name}.{column.name}"
                words = ", ".join(_quoted(m.value) for m in column.type.kind)
                parts.append(f"SELECT '{name}' FROM \"{table.name}\" WHERE \"{column.name}\" "
                             f"IS NOT NULL AND \"{column.name}\" NOT IN ({words})")
                what[name] = column.type.what
    return " UNION ALL ".join(f"SELECT * FROM ({p} LIMIT 1)" for p in parts) + " LIMIT 1", what


def check_vocabularies(session: Session) -> None:
    """Raise :class:`UnknownKind` for the first column holding a word it does not know."""
    sql, what = _checks()
    odd = session.connection().exec_driver_sql(sql).scalar()
    if odd is not None:
        raise UnknownKind(
            f"The offsite file holds a {what[odd]} that Keeper does not know ({odd}): another "
            "program has changed the file, or it is damaged. Use File ▸ Restore from backup "
            "to recover an earlier copy.")
