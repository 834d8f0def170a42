"""The window-less commands load only what they use: ``--version`` and ``check`` start
about as fast as the interpreter (no SQLAlchemy, no Qt), ``export`` loads no Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "openpyxl", "pptx")

pytestmark = pytest.mark.slow


def _loaded_by(argv: list[str], tmp_path: Path) -> tuple[int, str, list[str]]:
    """Run ``keeper ARGV`` in a fresh interpreter; its exit code, output and heavy modules."""
    code = (
        "import json, sys\n"
        "from ui.launcher import main\n"
        "try:\n"
        f"    rc = main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    rc = exc.code or 0\n"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
        "print('LOADED ' + json.dumps(heavy))\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=120)
    loaded_line = [ln for ln in result.stdout.splitlines() if ln.startswith("LOADED ")]
    assert loaded_line, result.stderr
    return result.returncode, result.stdout, json.loads(loaded_line[-1][len("LOADED "):])


@pytest.fixture(scope="module")
def offsite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from keeper.store.files import new_file

    path = tmp_path_factory.mktemp("cli") / "team.keeper"
    new_file(path).close()
    return path


def test_version_loads_neither_the_store_nor_qt(tmp_path: Path) -> None:
    rc, out, loaded = _loaded_by(["--version"], tmp_path)
    assert rc == 0
    assert "Keeper " in out
    assert loaded == []


def test_check_reads_the_file_without_sqlalchemy_or_qt(offsite_file: Path,
                                                        tmp_path: Path) -> None:
    rc, out, loaded = _loaded_by(["check", str(offsite_file)], tmp_path)
    assert rc == 0
    assert "integrity: ok" in out
    assert "person: " in out
    assert loaded == []


def test_check_of_a_foreign_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.keeper"
    foreign.write_text("shopping list", encoding="utf-8")
    code = ("import sys; from ui.launcher import main; "
            f"sys.exit(main(['check', r'{foreign}']))")
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "not a Keeper offsite file" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_loads_no_qt(offsite_file: Path, tmp_path: Path) -> None:
    out_xlsx = tmp_path / "tally.xlsx"
    rc, _out, loaded = _loaded_by(["export", str(offsite_file), "--xlsx", str(out_xlsx)],
                                  tmp_path)
    assert rc == 0
    assert out_xlsx.stat().st_size > 0
    assert "PySide6" not in loaded and "shiboken6" not in loaded
