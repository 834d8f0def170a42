"""How a sticky note's text is laid out: the note font and a greedy word wrap."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF


def note_font() -> QFont:
    font = QFont()
    font.setPixelSize(15)
    return font


def wrap_lines(
    text: str, font: QFont, width: float, max_lines: int, last_width: float | None = None
) -> list[str]:
    """Greedy word wrap measured with the font that draws it.

    At most ``max_lines`` lines; the last may be narrower (``last_width``, room for a
    badge) and ends with "…" when text is cut. Words longer than a line are broken.
    """
    metrics = QFontMetricsF(font)
    last_width = width if last_width is None else last_width

    def room(index: int) -> float:
        return last_width if index == max_lines - 1 else width

    lines: list[str] = []
    cut = False
    paragraphs = [p.split() for p in text.split("\n")]
    paragraphs = [words for words in paragraphs if words]
    for p_index, words in enumerate(paragraphs):
        if len(lines) >= max_lines:
            cut = True
            break
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(candidate) <= room(len(lines)):
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
            while len(lines) < max_lines and metrics.horizontalAdvance(word) > room(len(lines)):
                keep = len(word) - 1  # break a word longer than the line
                while keep > 1 and metrics.horizontalAdvance(word[:keep]) > room(len(lines)):
                    keep = max(1, int(keep * 0.8)) if keep > 40 else keep - 1
                lines.append(word[:keep])
                word = word[keep:]
            if len(lines) >= max_lines:
                cut = True
                break
            current = word
        if cut:
            break
        if current:
            lines.append(current)
        if len(lines) > max_lines or (len(lines) == max_lines and p_index < len(paragraphs) - 1):
            cut = True
            break
    lines = lines[:max_lines]
    if cut and lines:
        last = lines[-1]
        limit = room(len(lines) - 1)
        while last and metrics.horizontalAdvance(last + "…") > limit:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines or [""]
