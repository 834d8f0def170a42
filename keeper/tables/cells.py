"""Text that is safe to put in a spreadsheet cell or a slide (built on :func:`keeper.text.plain`).

- Characters XML 1.0 cannot hold (C0 controls other than tab/LF/CR, U+FFFE,
  U+FFFF, lone surrogates) are removed, or replaced by U+FFFD for surrogates.
  openpyxl's own check misses U+FFFE, U+FFFF and lone surrogates, which then
  fail at ``save()``.
- Text longer than Excel's 32,767-character cell limit is cut (with an ellipsis).
- Text a spreadsheet would run as a formula (starting with = + - @, tab or CR)
  is written as text: ``data_type = "s"`` plus the quote-prefix style, so Excel
  and LibreOffice show it and never evaluate it.
"""

from __future__ import annotations

from typing import Any

from keeper.text import plain

EXCEL_CELL_LIMIT = 32_767
ELLIPSIS = "\u2026"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units (how Excel counts), ending in an ellipsis."""
    if _utf16_len(text) <= limit:
        return text
    budget = limit - 1
    out: list[str] = []
    used = 0
    for ch in text:
        size = 2 if ord(ch) > 0xFFFF else 1
        if used + size > budget:
            break
        out.append(ch)
        used += size
    return "".join(out) + ELLIPSIS


def xml_safe(value: object) -> str:
    """``value`` as text XML can hold: illegal characters gone, lone surrogates as U+FFFD.

    CR becomes LF: a slide would show it as "_x000D_", a cell as a stray character."""
    return plain(value, surrogate="\ufffd")


def clean(value: object, limit: int = EXCEL_CELL_LIMIT) -> str:
    """XML-safe text no longer than ``limit`` (Excel's cell limit by default)."""
    return truncate(xml_safe(value), limit)


def one_line(value: object, limit: int) -> str:
    """Clean text on one line (line breaks and tabs as spaces), cut to ``limit``."""
    text = " ".join(xml_safe(value).split())
    return truncate(text, limit)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def set_text(cell: Any, value: object) -> None:
    """Write ``value`` into an openpyxl cell as plain text, never as a formula."""
    text = clean(value)
    cell.value = text
    if is_formula_like(text):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_value(cell: Any, value: object) -> None:
    """Write a computed value: strings through :func:`set_text`, anything else as it is."""
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
