"""The one text sanitiser's primitives: typed or imported text made safe to keep.

:func:`plain` removes what no screen, file or spreadsheet should hold (control
characters, the non-characters U+FFFE/U+FFFF, lone surrogates) and makes every line
break a LF; :func:`clean_line` and :func:`clean_block` build on it for what people
type or import (one line, or lines, with single spaces and a length cap), and
:mod:`keeper.tables.cells` builds on it for spreadsheet cells and slides.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, LF and CR; DEL; C1 controls (legal XML, but shown as boxes);
# U+FFFE and U+FFFF, which XML 1.0 cannot hold.
NEVER_KEPT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0]+")

NAME_MAX = 200
NOTE_MAX = 2000


def plain(value: object, surrogate: str = "") -> str:
    """``value`` as text without control characters; CR and CRLF become LF.

    A lone surrogate (from a broken paste or file) becomes ``surrogate``: dropped
    from what people keep, shown as U+FFFD where text is exported as it is."""
    text = "" if value is None else str(value)
    text = SURROGATES.sub(surrogate, text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return NEVER_KEPT.sub("", text)


def clean_line(value: object, max_len: int = NAME_MAX) -> str:
    """One line of text: no control characters, single spaces, at most ``max_len``."""
    text = unicodedata.normalize("NFC", plain(value)).replace("\n", " ")
    text = _SPACES.sub(" ", text).strip()
    return text[:max_len].rstrip()


def clean_block(value: object, max_len: int = NOTE_MAX) -> str:
    """Multi-line text (a note): control characters removed, line breaks kept."""
    text = unicodedata.normalize("NFC", plain(value))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()[:max_len].rstrip()
