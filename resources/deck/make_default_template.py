"""Build ``resources/deck/keeper-default.pptx``: Keeper's clean 16:9 default design.

Run ``python resources/deck/make_default_template.py`` after changing the design and
commit both files. A script beside the file it builds, not a module of the app: it
is left out of the wheel and of the frozen app (pyproject.toml, build.spec).
python-pptx's own template is 4:3, and changing the slide size leaves every
placeholder where it was for 4:3; here the master and layouts are laid out
again for 13.333 × 7.5 in, with a navy/blue colour scheme, Calibri (Carlito on
LibreOffice) and a title slide on a dark background.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
OLD_WIDTH = Inches(10)
MARGIN = Inches(0.6)

COLOURS = {
    "dk1": "1F2933", "lt1": "FFFFFF", "dk2": "1F3A5F", "lt2": "EEF2F6",
    "accent1": "2E86AB", "accent2": "F18F01", "accent3": "76B041", "accent4": "7D5BA6",
    "accent5": "C73E1D", "accent6": "17BEBB", "hlink": "2E86AB", "folHlink": "7D5BA6",
}
FONT = "Calibri"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

OUT = Path(__file__).resolve().parent / "keeper-default.pptx"


def _theme(prs: Presentation) -> None:
    part = prs.slide_master.part.part_related_by(THEME_REL)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{{{A}}}clrScheme")
    assert scheme is not None
    scheme.set("name", "Keeper")
    for key, hex_ in COLOURS.items():
        slot = scheme.find(f"{{{A}}}{key}")
        assert slot is not None
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=hex_)
    fonts = root.find(f".//{{{A}}}fontScheme")
    assert fonts is not None
    fonts.set("name", "Keeper")
    for which in ("majorFont", "minorFont"):
        latin = fonts.find(f"{{{A}}}{which}/{{{A}}}latin")
        assert latin is not None
        latin.set("typeface", FONT)
    root.set("name", "Keeper")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _place(shape: object, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top = Inches(left), Inches(top)  # type: ignore[attr-defined]
    shape.width, shape.height = Inches(width), Inches(height)  # type: ignore[attr-defined]


def _scale_x(shape: object) -> None:
    """Stretch a 4:3 position to 16:9 (only shapes with their own position)."""
    xfrm = shape._element.spPr.find(qn("a:xfrm"))  # type: ignore[attr-defined]
    if xfrm is None:
        return
    factor = WIDTH / OLD_WIDTH
    shape.left = Emu(int(shape.left * factor))  # type: ignore[attr-defined]
    shape.width = Emu(int(shape.width * factor))  # type: ignore[attr-defined]


def _set_run_props(lvl: etree._Element, size: int, bold: bool, colour: str,
                   font: str = "+mn-lt") -> None:
    for old in lvl.findall(qn("a:defRPr")):
        lvl.remove(old)
    rpr = etree.SubElement(lvl, qn("a:defRPr"), sz=str(size * 100), b="1" if bold else "0")
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=colour)
    etree.SubElement(rpr, qn("a:latin"), typeface=font)
    etree.SubElement(rpr, qn("a:ea"), typeface=font.replace("lt", "ea"))
    etree.SubElement(rpr, qn("a:cs"), typeface=font.replace("lt", "cs"))


def _master_styles(prs: Presentation) -> None:
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _set_run_props(title, 30, True, "tx2", "+mj-lt")
    body = styles.find(qn("p:bodyStyle"))
    for level, size in ((1, 20), (2, 18), (3, 16), (4, 14), (5, 14)):
        lvl = body.find(qn(f"a:lvl{level}pPr"))
        if lvl is not None:
            _set_run_props(lvl, size, False, "tx1")
            lvl.set("marL", str(Inches(0.3 * level)))
            lvl.set("indent", str(-Inches(0.3)))
            spc = lvl.find(qn("a:spcBef"))
            if spc is not None:
                for child in list(spc):
                    spc.remove(child)
                etree.SubElement(spc, qn("a:spcPts"), val="900")


def _list_style(placeholder: object, size: int, bold: bool, colour: str, bullets: bool) -> None:
    tx = placeholder._element.find(qn("p:txBody"))  # type: ignore[attr-defined]
    lst = tx.find(qn("a:lstStyle"))
    if lst is None:
        lst = etree.Element(qn("a:lstStyle"))
        tx.insert(1, lst)
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, qn("a:lvl1pPr"), algn="l", marL="0", indent="0")
    if not bullets:
        etree.SubElement(lvl, qn("a:buNone"))
    _set_run_props(lvl, size, bold, colour)


def _accent_bar(prs: Presentation, target_tree: etree._Element, left: float, top: float,
                width: float, height: float, scheme: str) -> None:
    """Draw a bar on a scratch slide and move its XML into ``target_tree``."""
    layout = prs.slide_layouts[6]
    slide = prs.slides.add_slide(layout)
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(width),
                                 Inches(height))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor(0, 0, 0)
    bar.line.fill.background()
    bar.name = "Keeper accent"
    srgb = bar._element.spPr.find(qn("a:solidFill")).find(qn("a:srgbClr"))
    srgb.getparent().replace(srgb, etree.Element(qn("a:schemeClr"), val=scheme))
    style = bar._element.find(qn("p:style"))
    if style is not None:
        bar._element.remove(style)
    target_tree.append(copy.deepcopy(bar._element))
    # drop the scratch slide
    sld_ids = prs.slides._sldIdLst
    last = sld_ids[-1]
    prs.part.drop_rel(last.get(qn("r:id")))
    sld_ids.remove(last)


def build() -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _theme(prs)
    _master_styles(prs)
    master = prs.slide_master
    inner = Emu(WIDTH - 2 * MARGIN)
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, 0.6, 0.35, inner.inches, 1.0)
            shape._element.find(qn("p:txBody")).find(qn("a:bodyPr")).set("anchor", "b")
        elif kind == PP_PLACEHOLDER.BODY:
            _place(shape, 0.6, 1.65, inner.inches, 5.1)
        elif kind == PP_PLACEHOLDER.DATE:
            _place(shape, 0.6, 6.95, 3.0, 0.35)
        elif kind == PP_PLACEHOLDER.FOOTER:
            _place(shape, 4.67, 6.95, 4.0, 0.35)
        elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            _place(shape, 9.73, 6.95, 3.0, 0.35)
    _accent_bar(prs, master.shapes._spTree, 0.7, 1.42, 1.0, 0.06, "accent1")

    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            _scale_x(shape)

    title_slide = prs.slide_layouts[0]
    title_slide.background.fill.solid()
    title_slide.background.fill.fore_color.rgb = RGBColor.from_string(COLOURS["dk2"])
    title_slide._element.set("showMasterSp", "0")
    for shape in title_slide.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.CENTER_TITLE:
            _place(shape, 0.8, 1.6, 11.7, 2.2)
            shape._element.find(qn("p:txBody")).find(qn("a:bodyPr")).set("anchor", "b")
            _list_style(shape, 44, True, "bg1", bullets=False)
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            _place(shape, 0.8, 4.2, 11.7, 1.8)
            shape._element.find(qn("p:txBody")).find(qn("a:bodyPr")).set("anchor", "t")
            _list_style(shape, 22, False, "bg2", bullets=False)
    _accent_bar(prs, title_slide.shapes._spTree, 0.9, 3.95, 1.4, 0.08, "accent2")

    section = prs.slide_layouts[2]
    for shape in section.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, 0.6, 2.4, inner.inches, 1.5)
            _list_style(shape, 36, True, "tx2", bullets=False)
        elif kind == PP_PLACEHOLDER.BODY:
            _place(shape, 0.6, 4.0, inner.inches, 1.2)
            _list_style(shape, 20, False, "tx1", bullets=False)
    return prs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    prs = build()
    prs.core_properties.title = "Keeper default"
    prs.core_properties.author = "Keeper"
    prs.save(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
