"""Reading a deck back as text: every text frame, table cell and speaker note."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def text_of(slides: Iterable[Any]) -> str:
    parts = []
    for slide in slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)
