"""The arrows point one way: ui → exporters → keeper. keeper/ and exporters/ never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "keeper": ("PySide6", "shiboken6", "ui", "exporters"),
    "exporters": ("PySide6", "shiboken6", "ui"),
    # The phones' web layer: no Qt (its glue is ui/room_bridge.py), no SQL of its own.
    "ui/room": ("PySide6", "shiboken6", "sqlalchemy"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            names += [a.value for a in node.args if isinstance(a, ast.Constant)
                      and isinstance(a.value, str)]
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_core_packages_do_not_import_qt_or_higher_layers(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[package]):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_window_less_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from ui.launcher import main; "
        f"rc = main(['new', r'{tmp_path / 'x.keeper'}']); "
        f"rc |= main(['check', r'{tmp_path / 'x.keeper'}']); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=_env(tmp_path), timeout=60)
    assert result.returncode == 0, result.stderr


def _env(tmp_path: Path) -> dict[str, str]:
    import os

    return {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def test_importing_keeper_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = ("import keeper, keeper.store.offsite_file, keeper.store.models, keeper.cli, "
            "keeper.store.files, keeper.store.paths, keeper.people.roster, keeper.agenda.templates")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env=_env(tmp_path),
                   timeout=60)
    assert not data.exists()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that ``path`` imports when it is loaded (not in functions,
    not under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
            elif isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                for alias in node.names:
                    if f"{base}.{alias.name}" in modules:
                        found.add(f"{base}.{alias.name}")
                    elif base in modules:
                        found.add(base)

    visit(tree.body)
    return found - {here}


def test_keeper_and_exporters_have_no_import_cycles() -> None:
    paths = [p for package in ("keeper", "exporters") for p in (ROOT / package).rglob("*.py")]
    modules = {_module_name(p) for p in paths}
    graph = {_module_name(p): _top_level_imports(p, modules) for p in paths}
    cycles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def strongly_connected(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                strongly_connected(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            strongly_connected(module)
    assert cycles == []



def test_ui_never_queries_the_database_itself() -> None:
    offenders = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in sorted((ROOT / "ui").rglob("*.py")) for name in _imports(path)
                 if name == "sqlalchemy" or name.startswith("sqlalchemy.")]
    assert offenders == []
