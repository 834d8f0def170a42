"""``keeper --demo`` as a person starts it: the window paints with the demo in it, and
the garbage collector, off while starting, is back on with start-up's objects frozen;
in the smoke mode of a built app (KEEPER_EXIT_AFTER_MS) every view is built."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_demo_start_paints_the_demo_then_collects_again(tmp_path: Path) -> None:
    code = (
        "import gc, sys\n"
        "from ui.launcher import main\n"
        "from ui.views import lazy\n"
        "made = []\n"
        "init = lazy.LazyViews.__init__\n"
        "def spy(self, *args):\n"
        "    init(self, *args); made.append(self)\n"
        "lazy.LazyViews.__init__ = spy\n"
        "rc = main(['--demo'])\n"
        "print('gc', gc.isenabled(), gc.get_freeze_count(), flush=True)\n"
        "print('views', len(list(made[0].built())), len(lazy.VIEWS), flush=True)\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT),
           "KEEPER_STARTUP_T0": f"{time.time():.6f}", "KEEPER_EXIT_AFTER_MS": "2500"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    stages = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert {"first-paint", "ready", "gc"} <= set(stages), result.stdout
    assert float(stages["first-paint"][0]) <= float(stages["ready"][0])
    enabled, frozen = stages["gc"]
    assert enabled == "True"
    assert int(frozen) > 10_000  # start-up's objects, skipped by every later collection
    assert (tmp_path / "data" / "demo.keeper").exists()
    built, every = stages["views"]
    assert built == every  # the smoke run of a built app builds every view
