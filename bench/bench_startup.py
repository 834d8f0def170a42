"""Start-up: process spawn → first painted frame, and → demo offsite shown in the main window,
beside a bare PySide6 window (the floor). Uses the current QT_QPA_PLATFORM (xcb under Xvfb is
what a user gets; ../shared/tools/qt-startup-baseline measures the same from outside).

Run: xvfb-run -a python bench/bench_startup.py   (or QT_QPA_PLATFORM=offscreen python ...)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "import os, time, sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1280, 800); w.show()\n"
    "def done():\n"
    "    print('first-paint', time.time() - float(os.environ['KEEPER_STARTUP_T0']), flush=True)\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, done)\n"
    "app.exec()\n"
)


def _run(args: list[str], stages: tuple[str, ...]) -> dict[str, float]:
    env = {**os.environ, "KEEPER_DATA_DIR": tempfile.mkdtemp(prefix="keeper-start-"),
           "PYTHONPATH": str(ROOT), "KEEPER_STARTUP_T0": f"{time.time():.6f}"}
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    found: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        name, _, value = line.strip().partition(" ")
        if name in stages:
            found[name] = float(value)
        if set(stages) <= set(found):
            break
    proc.kill()
    proc.wait()
    proc.stdout.close()
    return found


def main(runs: int = 5) -> None:
    bare = [_run(["-c", BARE], ("first-paint",))["first-paint"] for _ in range(runs)]
    app = [_run(["-m", "ui.launcher", "--demo"], ("first-paint", "ready")) for _ in range(runs)]
    floor = statistics.median(bare)
    first = statistics.median(r["first-paint"] for r in app)
    ready = statistics.median(r["ready"] for r in app)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'default')}, {runs} runs, medians")
    print(f"bare PySide6 window painted: {floor:.3f} s")
    print(f"Keeper first frame painted:  {first:.3f} s  ({first / floor:.2f}x the floor)")
    print(f"Keeper demo offsite shown:   {ready:.3f} s  ({ready / floor:.2f}x the floor)")


if __name__ == "__main__":
    main()
