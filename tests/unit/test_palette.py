"""A colour is written once, in ui/palette.py, under a name saying what it means.

A colour typed anywhere else in ui/ fails here: a hex value in a style sheet, a
``QColor("#...")`` or an HTML snippet, an ``rgba(...)``, a named ``"white"``, a
``QColor(255, 255, 255)`` or ``Qt.GlobalColor.white``. Add it to the palette, or use
the name already there.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PALETTE = ROOT / "ui" / "palette.py"
HEX = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\b")
NAMES = "white|black|red|green|blue|yellow|gray|grey|darkGray|lightGray|cyan|magenta"
IN_STRING = re.compile(HEX.pattern + r"|rgba?\([^)]*\)"  # in a style sheet or HTML
                       rf"|(?<=:)\s*(?:{NAMES})\b"  # color: white
                       rf"|^[\'\"](?:{NAMES})[\'\"]$")  # QColor("white")
GLOBAL_COLOUR = re.compile(rf"(?:{NAMES})$")


def hex_literals(source: str) -> list[tuple[int, str]]:
    """(line, colour) for each hex colour inside a string literal of ``source``."""
    return [(line, text) for line, text in colour_literals(source) if HEX.fullmatch(text)]


def colour_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) for each colour written out in ``source``: in a string (hex, rgba,
    a colour name), as numbers (``QColor(255, 255, 255)``) or as ``Qt.GlobalColor.white``."""
    found = []
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type in (tokenize.STRING, tokenize.NAME, tokenize.OP, tokenize.NUMBER)]
    for n, token in enumerate(tokens):
        if token.type == tokenize.STRING:
            body = re.sub(r"^[A-Za-z]*", "", token.string)
            found += [(token.start[0] + body[:m.start()].count("\n"), m.group(0).strip())
                      for m in IN_STRING.finditer(body)]
        elif token.string == "QColor" and n + 2 < len(tokens) and tokens[n + 1].string == "(" \
                and tokens[n + 2].type == tokenize.NUMBER:
            found.append((token.start[0], "QColor(" + tokens[n + 2].string + ", …)"))
        elif token.string == "GlobalColor" and n + 2 < len(tokens) \
                and GLOBAL_COLOUR.match(tokens[n + 2].string):
            found.append((token.start[0], "GlobalColor." + tokens[n + 2].string))
    return found


def test_the_scanner_sees_colours_in_every_kind_of_string() -> None:
    source = ('a = QColor("#1F2328")\n'
              'b = f"color: {x}; background: #fff4d6;"\n'
              'c = """\nQLabel { color: #57606A; }\n"""\n'
              "# a comment may say #123456\n"
              'd = "#12345"  # not a colour\n')
    assert hex_literals(source) == [(1, "#1F2328"), (2, "#fff4d6"), (4, "#57606A")]


def test_the_scanner_sees_colours_written_without_hex() -> None:
    source = ('a = QColor("white")\n'
              'b = "QLabel { color: white; background: rgba(11, 92, 173, 60); }"\n'
              "c = QColor(255, 255, 255, 200)\n"
              "p.setPen(Qt.GlobalColor.black)\n"
              "p.fill(Qt.GlobalColor.transparent)  # no colour: allowed\n"
              'd = "a white note"  # words, not a colour\n')
    assert colour_literals(source) == [(1, '"white"'), (2, "white"), (2, "rgba(11, 92, 173, 60)"),
                                       (3, "QColor(255, …)"), (4, "GlobalColor.black")]


def test_no_colour_in_ui_outside_the_palette() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {colour}"
                 for path in sorted((ROOT / "ui").rglob("*.py")) if path != PALETTE
                 for line, colour in colour_literals(path.read_text("utf-8"))]
    assert offenders == [], "use a name from ui/palette.py:\n" + "\n".join(offenders)


def test_each_colour_is_written_once_in_the_palette() -> None:
    colours = [colour.upper() for _line, colour in hex_literals(PALETTE.read_text("utf-8"))]
    twice = sorted({c for c in colours if colours.count(c) > 1})
    assert twice == [], f"alias the first name instead of repeating the value: {twice}"
