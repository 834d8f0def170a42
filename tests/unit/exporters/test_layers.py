"""The exporters are layered: drawing kits below, per-part writers above, no cycle, and
no import hidden inside a function to get round one."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "exporters"
# run.py picks the writer a command asks for, so that ``--xlsx`` alone never loads python-pptx
LAZY_ALLOWED = {"exporters/run.py": {"exporters.xlsx.workbook", "exporters.pptx.deck",
                                     "exporters.xlsx.feedback"}}


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                bases = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                targets |= {b for b in bases if b in modules}
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name in modules}
        graph[name] = targets - {name}
    return graph


def test_no_import_cycles_among_the_exporters() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(name):], name]))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


# the deck's kit: drawing, tables, fitting text to a template's boxes, the package's parts
DECK_KIT = {"exporters.pptx.kit", "exporters.pptx.table", "exporters.pptx.fit",
            "exporters.pptx.measure", "exporters.pptx.parts"}


def test_kits_import_no_writer() -> None:
    graph = _graph()
    for kit in ("exporters.xlsx.kit", *sorted(DECK_KIT)):
        writers = {t for t in graph[kit] if t.startswith(("exporters.xlsx", "exporters.pptx"))}
        assert writers <= DECK_KIT, f"{kit} imports {writers}"


def test_no_imports_buried_in_functions() -> None:
    buried = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    if inner.module not in LAZY_ALLOWED.get(rel, set()):
                        buried.append(f"{rel}: {inner.module}")
                elif isinstance(inner, ast.Import):
                    buried.append(f"{rel}: {', '.join(a.name for a in inner.names)}")
    assert buried == []


def test_every_module_is_short() -> None:
    long = [f"{p.relative_to(ROOT)}: {n}" for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) >= 500]
    assert long == []
