"""Fitting a title to the box its template gives: the size and the bold the template
sets for it, then smaller down to a floor on one line, then wrapped onto the lines the
box holds, then cut with an ellipsis on the last of them. The deck writes the size chosen
on the run, so PowerPoint and LibreOffice show the same lines.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.slide import Slide

from exporters.pptx.measure import theme_fonts, width_pt

LINE = 1.2  # a line's height as a multiple of the font size (what renderers give Calibri)
SLACK = 0.95  # of the width: renderers' metrics differ a little from FreeType's
FLOOR_SHARE, FLOOR_MIN = 0.75, 18  # a title never shrinks below both
INSETS = (91440, 91440, 45720, 45720)  # OOXML's default left, right, top, bottom (EMU)
EMU_PER_PT = 12700
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]  # as the text will wrap (the last may end in an ellipsis)
    size: int  # points

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def wrap(text: str, size: float, width: float, face: str, bold: bool) -> list[str]:
    """Greedy word wrap at ``size`` into lines of at most ``width`` points (a word wider
    than a line is a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_pt(f"{lines[-1]} {word}", size, face, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _cut(line: str, size: float, width: float, face: str, bold: bool) -> str:
    """``line`` shortened (at a word where it can) until it and an ellipsis fit."""
    while line and width_pt(line + "\u2026", size, face, bold) > width:
        line = line.rsplit(" ", 1)[0] if " " in line.strip() else line[:-1]
    return line.rstrip(" ,;:\u00b7-") + "\u2026"


def fit(text: str, width: float, height: float, size: int, face: str, bold: bool,
        floor: int | None = None) -> Fitted:
    """The largest size at which ``text`` fits a ``width`` x ``height`` box (points):
    one line first, then wrapped; at the floor, the lines that fit, the last cut."""
    low = min(size, floor if floor is not None else max(FLOOR_MIN, round(size * FLOOR_SHARE)))
    width *= SLACK
    sizes = range(size, low - 1, -1)
    for s in sizes:
        if width_pt(text, s, face, bold) <= width:
            return Fitted((text,), s)
    for s in sizes:
        lines = wrap(text, s, width, face, bold)
        if (len(lines) * s * LINE <= height
                and all(width_pt(x, s, face, bold) <= width for x in lines)):
            return Fitted(tuple(lines), s)
    room = max(1, int(height // (low * LINE)))
    lines = wrap(text, low, width, face, bold)
    kept = lines[:room]
    if len(lines) > room or width_pt(kept[-1], low, face, bold) > width:
        kept[-1] = _cut(" ".join(lines[room - 1:]), low, width, face, bold)
    return Fitted(tuple(kept), low)


def _chain(shape: object) -> Iterator[BaseOxmlElement]:
    """A layout placeholder's element, then its master placeholder's."""
    current: object | None = shape
    while current is not None:
        yield current._element  # type: ignore[attr-defined]
        current = getattr(current, "_base_placeholder", None)


def _inherited(shape: object, master: BaseOxmlElement, attribute: str) -> str | None:
    """A lvl-1 run attribute (``sz``, ``b``) as the placeholder inherits it."""
    for element in _chain(shape):
        found = element.find(f"./{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr")
        if found is not None and found.get(attribute) is not None:
            return str(found.get(attribute))
    style = master.find(f"./{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr/{_A}defRPr")
    return None if style is None or style.get(attribute) is None else str(style.get(attribute))


def _insets(shape: object) -> tuple[int, int, int, int]:
    found = list(INSETS)
    for i, name in enumerate(("lIns", "rIns", "tIns", "bIns")):
        for element in _chain(shape):
            body = element.find(f"./{_P}txBody/{_A}bodyPr")
            if body is not None and body.get(name) is not None:
                found[i] = int(str(body.get(name)))
                break
    return found[0], found[1], found[2], found[3]


@dataclass(frozen=True)
class TitleBox:
    """A layout's title placeholder as its slides inherit it."""
    left: int  # EMU
    top: int
    width: int
    height: int
    size: int  # points
    bold: bool
    face: str
    room: tuple[float, float]  # width and height inside the insets, in points


_LAYOUTS: weakref.WeakKeyDictionary[object, TitleBox | None] = weakref.WeakKeyDictionary()


def title_box(slide: Slide) -> TitleBox | None:
    """The slide's layout's title box (None if the layout has no title); worked out
    once a layout, as walking placeholder inheritance is python-pptx's slowest path."""
    layout = slide.slide_layout
    if layout.part in _LAYOUTS:
        return _LAYOUTS[layout.part]
    found = None
    for shape in layout.shapes:
        if (shape.is_placeholder and shape.placeholder_format.type in TITLES
                and shape.width and shape.height):
            master = layout.slide_master._element
            left, right, top, bottom = _insets(shape)
            found = TitleBox(
                int(shape.left or 0), int(shape.top or 0), int(shape.width), int(shape.height),
                int(_inherited(shape, master, "sz") or 4400) // 100,
                _inherited(shape, master, "b") in ("1", "true"), theme_fonts(slide)[0],
                ((shape.width - left - right) / EMU_PER_PT,
                 (shape.height - top - bottom) / EMU_PER_PT))
            break
    _LAYOUTS[layout.part] = found
    return found


def title_fit(box: TitleBox, text: str) -> Fitted:
    """How ``text`` fits a title box: its lines and size."""
    return fit(text, box.room[0], box.room[1], box.size, box.face, box.bold)
