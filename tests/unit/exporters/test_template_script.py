"""The script that rebuilds the default deck template still runs from where it lives
(beside the template, outside every package) and rebuilds the same design."""

from __future__ import annotations

import runpy
from pathlib import Path

from pptx import Presentation

from exporters.pptx.deck import DEFAULT_TEMPLATE

SCRIPT = DEFAULT_TEMPLATE.parent / "make_default_template.py"


def test_the_script_rebuilds_the_shipped_template(tmp_path: Path) -> None:
    out = tmp_path / "rebuilt.pptx"
    main = runpy.run_path(str(SCRIPT))["main"]
    assert main([str(out)]) == 0
    rebuilt, shipped = Presentation(str(out)), Presentation(str(DEFAULT_TEMPLATE))
    assert (rebuilt.slide_width, rebuilt.slide_height) == (shipped.slide_width,
                                                           shipped.slide_height)
    assert [lay.name for lay in rebuilt.slide_layouts] == [
        lay.name for lay in shipped.slide_layouts]
    for new, old in zip(rebuilt.slide_layouts, shipped.slide_layouts, strict=True):
        assert [(p.left, p.top, p.width, p.height) for p in new.placeholders] == [
            (p.left, p.top, p.width, p.height) for p in old.placeholders]


def test_the_script_is_not_part_of_any_package() -> None:
    assert not (Path(__file__).resolve().parents[3] / "exporters"
                / "make_default_template.py").exists()
    assert not (SCRIPT.parent / "__init__.py").exists()
