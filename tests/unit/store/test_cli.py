"""The keeper command line, run as a user would (a child process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from keeper import __version__
from keeper.store.migrations import LATEST_VERSION

ROOT = Path(__file__).resolve().parents[3]


def keeper(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp / "data"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_version(tmp_path: Path) -> None:
    result = keeper("--version", tmp=tmp_path)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_new_check_and_import(tmp_path: Path) -> None:
    file = tmp_path / "team.keeper"
    assert keeper("new", str(file), "--template", "Sales kickoff, 2 days",
                  tmp=tmp_path).returncode == 0
    check = keeper("check", str(file), tmp=tmp_path)
    assert check.returncode == 0, check.stderr
    assert f"schema version: {LATEST_VERSION}" in check.stdout
    assert "agenda_item: 18" in check.stdout
    assert "integrity: ok" in check.stdout

    roster = tmp_path / "r.csv"
    roster.write_text("name,role,manager\nMo,manager,\nRita,rep,Mo\n,rep,\n", encoding="utf-8")
    imported = keeper("import-people", str(file), str(roster), tmp=tmp_path)
    assert imported.returncode == 1  # one row was rejected
    assert "2 new, 0 changed, 0 unchanged, 1 row rejected." in imported.stdout
    assert "row 4: missing name" in imported.stdout
    assert "new leaders and managers now attend 'Sales kickoff, 2 days'" in imported.stdout
    check = keeper("check", str(file), tmp=tmp_path)
    assert "person: 2" in check.stdout
    from keeper.store.models import Attendance
    from keeper.store.offsite_file import OffsiteStore

    store = OffsiteStore.open(file)
    try:
        assert store.count(Attendance) == 1  # Mo the manager; Rita is a rep
    finally:
        store.close()


def test_new_with_demo_and_unknown_template(tmp_path: Path) -> None:
    demo = tmp_path / "demo.keeper"
    result = keeper("new", str(demo), "--demo", tmp=tmp_path)
    assert result.returncode == 0
    assert "person: 36" in keeper("check", str(demo), tmp=tmp_path).stdout
    bad = keeper("new", str(tmp_path / "b.keeper"), "--template", "nope", tmp=tmp_path)
    assert bad.returncode == 1
    assert "no agenda template called 'nope'" in bad.stderr
    assert not (tmp_path / "b.keeper").exists()
    again = keeper("new", str(demo), tmp=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_check_refuses_foreign_and_corrupt(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello")
    result = keeper("check", str(foreign), tmp=tmp_path)
    assert result.returncode == 1
    assert "not a Keeper offsite file" in result.stderr
    missing = keeper("check", str(tmp_path / "missing.keeper"), tmp=tmp_path)
    assert missing.returncode == 1 and "no file" in missing.stderr


def test_new_kickoff_demo_opens_on_the_kickoff_and_check_lists_offsites(tmp_path: Path) -> None:
    file = tmp_path / "sko.keeper"
    made = keeper("new", str(file), "--template", "sales-kickoff-2-days", "--demo",
                  tmp=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "with offsite 'Sales kickoff 2026'" in made.stdout
    check = keeper("check", str(file), tmp=tmp_path)
    assert check.returncode == 0, check.stderr
    lines = [ln for ln in check.stdout.splitlines() if ln[:1] in ("*", " ")]
    assert len(lines) == 3  # spring and today's leadership offsites, and the kickoff
    chosen = [ln for ln in lines if ln.startswith("*")]
    assert len(chosen) == 1 and "kickoff" in chosen[0] and "Sales kickoff 2026" in chosen[0]
    assert all(ln[1:].split()[0].isdigit() for ln in lines)  # each with its id
