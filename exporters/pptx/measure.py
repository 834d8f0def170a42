"""How wide a line of text is on a slide, in points, and which typefaces a template
uses. Measured with Pillow's FreeType fonts (Pillow comes with python-pptx): the
template's own typeface where it is installed, else a metric twin (Carlito has
Calibri's widths, Liberation has Arial's and Times New Roman's), else DejaVu Sans or
Pillow's bundled font, both wider than most slide faces, so a fit errs on the safe side.
"""

from __future__ import annotations

import weakref
from functools import lru_cache

from PIL import ImageFont
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.slide import Slide

REFERENCE_PX = 100  # fonts are loaded once at this size; widths scale linearly
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# file names to try for a typeface: the face's own (Windows, macOS), then its twins
_FILES: dict[str, tuple[str, ...]] = {
    "calibri": ("calibri", "Calibri", "Carlito-Regular"),
    "calibri light": ("calibril", "Calibri Light", "Carlito-Regular"),
    "arial": ("arial", "Arial", "LiberationSans-Regular"),
    "helvetica": ("Helvetica", "LiberationSans-Regular"),
    "times new roman": ("times", "Times New Roman", "LiberationSerif-Regular"),
    "cambria": ("cambria", "Cambria", "Caladea-Regular"),
    "verdana": ("verdana", "Verdana", "DejaVuSans"),
}
_BOLD: dict[str, tuple[str, ...]] = {
    "calibri": ("calibrib", "Calibri Bold", "Carlito-Bold"),
    "calibri light": ("calibri", "Calibri", "Carlito-Regular"),
    "arial": ("arialbd", "Arial Bold", "LiberationSans-Bold"),
    "helvetica": ("Helvetica-Bold", "LiberationSans-Bold"),
    "times new roman": ("timesbd", "Times New Roman Bold", "LiberationSerif-Bold"),
    "cambria": ("cambriab", "Cambria Bold", "Caladea-Bold"),
    "verdana": ("verdanab", "Verdana Bold", "DejaVuSans-Bold"),
}
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont | ImageFont.TransposedFont


@lru_cache(maxsize=32)
def _font(typeface: str, bold: bool) -> Font:
    key = typeface.strip().lower()
    table = _BOLD if bold else _FILES
    names = [*table.get(key, (typeface,)), "DejaVuSans-Bold" if bold else "DejaVuSans"]
    for name in names:
        try:
            return ImageFont.truetype(f"{name}.ttf", REFERENCE_PX)
        except OSError:
            continue
    return ImageFont.load_default(REFERENCE_PX)


@lru_cache(maxsize=65_536)
def _reference_width(text: str, typeface: str, bold: bool) -> float:
    return float(_font(typeface, bold).getlength(text))


def width_pt(text: str, size_pt: float, typeface: str = "Calibri", bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size_pt``, in points."""
    return _reference_width(text, typeface, bold) * size_pt / REFERENCE_PX


_THEMES: weakref.WeakKeyDictionary[object, tuple[str, str]] = weakref.WeakKeyDictionary()


def theme_fonts(slide: Slide) -> tuple[str, str]:
    """The (headings, body) typefaces of the slide's theme; Calibri where none is named."""
    master = slide.slide_layout.slide_master.part
    known = _THEMES.get(master)
    if known is None:
        faces = {"major": "Calibri", "minor": "Calibri"}
        try:
            root = parse_xml(master.part_related_by(RT.THEME).blob)
        except (KeyError, SyntaxError):  # no theme, or lxml's XMLSyntaxError
            root = None
        for kind in faces:
            latin = None if root is None else root.find(f".//{_A}{kind}Font/{_A}latin")
            if latin is not None and latin.get("typeface"):
                faces[kind] = str(latin.get("typeface"))
        known = (faces["major"], faces["minor"])
        _THEMES[master] = known
    return known
