"""A colour is written once, in ui/palette.py, under a name saying what it means.

A hex colour typed anywhere else in ui/ (a style sheet, a ``QColor("#...")``, an
HTML snippet) fails here: add it to the palette, or use the name already there.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PALETTE = ROOT / "ui" / "palette.py"
HEX = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\b")


def hex_literals(source: str) -> list[tuple[int, str]]:
    """(line, colour) for each hex colour inside a string literal of ``source``."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            found += [(token.start[0] + token.string[:m.start()].count("\n"), m.group(0))
                      for m in HEX.finditer(token.string)]
    return found


def test_the_scanner_sees_colours_in_every_kind_of_string() -> None:
    source = ('a = QColor("#1F2328")\n'
              'b = f"color: {x}; background: #fff4d6;"\n'
              'c = """\nQLabel { color: #57606A; }\n"""\n'
              "# a comment may say #123456\n"
              'd = "#12345"  # not a colour\n')
    assert hex_literals(source) == [(1, "#1F2328"), (2, "#fff4d6"), (4, "#57606A")]


def test_no_hex_colour_in_ui_outside_the_palette() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {colour}"
                 for path in sorted((ROOT / "ui").rglob("*.py")) if path != PALETTE
                 for line, colour in hex_literals(path.read_text("utf-8"))]
    assert offenders == [], "use a name from ui/palette.py:\n" + "\n".join(offenders)


def test_each_colour_is_written_once_in_the_palette() -> None:
    colours = [colour.upper() for _line, colour in hex_literals(PALETTE.read_text("utf-8"))]
    twice = sorted({c for c in colours if colours.count(c) > 1})
    assert twice == [], f"alias the first name instead of repeating the value: {twice}"
