"""Cleaning text that people type or import: control characters, length, spacing."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0]+")

NAME_MAX = 200
NOTE_MAX = 2000


def clean_line(value: object, max_len: int = NAME_MAX) -> str:
    """One line of text: no control characters, single spaces, at most ``max_len``."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", _SURROGATE.sub("", text))
    text = _CONTROL.sub("", text.replace("\r", " ").replace("\n", " "))
    text = _SPACES.sub(" ", text).strip()
    return text[:max_len].rstrip()


def clean_block(value: object, max_len: int = NOTE_MAX) -> str:
    """Multi-line text (a note): control characters removed, line breaks kept."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", _SURROGATE.sub("", text)).replace("\r\n", "\n")
    text = _CONTROL.sub("", text.replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()[:max_len].rstrip()
