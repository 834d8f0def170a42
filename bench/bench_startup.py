"""Start-up, each figure beside its anchor from the same run:

- spawn → first painted frame and → demo offsite shown (painted) in the main window, beside
  a bare PySide6 window painted (the floor), wall time and CPU time, runs interleaved;
- the same bare window shown after importing the store stack (SQLAlchemy and the mapped
  models), the least any start that reads the file through the store can take;
- the longest the UI thread was busy in the 3 s after the demo showed (views built later);
- ``keeper --version`` and ``keeper check FILE`` beside ``python -c "import keeper"``.

One unreported warm-up run each first; modules run from bytecode, as installed.

Uses the current QT_QPA_PLATFORM (xcb under Xvfb is what a user gets;
../shared/tools/qt-startup-baseline measures the first frame from outside).

Run: xvfb-run -a python bench/bench_startup.py [RUNS]   (or QT_QPA_PLATFORM=offscreen ...)
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
# The floor: a bare window, timed as Keeper times itself (ui/startup.py): just after the
# first Paint event of the window has been handled.
BARE = (
    "import os, time, sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1280, 800)\n"
    "def done():\n"
    "    wall = time.time() - float(os.environ['KEEPER_STARTUP_T0'])\n"
    "    print('first-paint', wall, time.process_time(), flush=True)\n"
    "    app.quit()\n"
    "class Watch(QObject):\n"
    "    def eventFilter(self, obj, event):\n"
    "        if event.type() == QEvent.Type.Paint and obj is w:\n"
    "            app.removeEventFilter(self); QTimer.singleShot(0, done)\n"
    "        return False\n"
    "watch = Watch(); app.installEventFilter(watch)\n"
    "w.show()\n"
    "app.exec()\n"
)
# The least a start that reads the file through the store can take: SQLAlchemy imported and
# Keeper's models mapped (as the launcher does first), then the same bare window.
STORE_THEN_BARE = (
    "import keeper.store.offsite_file\n"
    "from sqlalchemy.orm import configure_mappers\n"
    "configure_mappers()\n"
) + BARE
Figures = dict[str, tuple[float, ...]]


def _env() -> dict[str, str]:
    env = {**os.environ, "KEEPER_DATA_DIR": tempfile.mkdtemp(prefix="keeper-start-"),
           "PYTHONPATH": str(ROOT), "KEEPER_STARTUP_T0": f"{time.time():.6f}"}
    # As installed: pip compiles every module, so each start reads bytecode (a shell with
    # PYTHONDONTWRITEBYTECODE would recompile Keeper's ~300 modules on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(args: list[str], stages: tuple[str, ...]) -> Figures:
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    found: Figures = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        name, *values = line.split()
        if name in stages:
            found[name] = tuple(float(v) for v in values)
        if set(stages) <= set(found):
            break
    proc.kill()
    proc.wait()
    proc.stdout.close()
    return found


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=_env(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(runs: list[Figures], stage: str, index: int) -> float:
    return statistics.median(r[stage][index] for r in runs)


def window(runs: int) -> None:
    bare: list[Figures] = []
    app: list[Figures] = []
    stack: list[Figures] = []
    _run(["-c", BARE], ("first-paint",))  # warm-up: the page cache, and bytecode written
    _run(["-m", "ui.launcher", "--demo"], ("ready",))
    for _ in range(runs):  # interleaved: a busy moment hits both alike
        bare.append(_run(["-c", BARE], ("first-paint",)))
        app.append(_run(["-m", "ui.launcher", "--demo"], ("first-paint", "ready", "max-stall")))
        stack.append(_run(["-c", STORE_THEN_BARE], ("first-paint",)))
    floor, floor_cpu = _median(bare, "first-paint", 0), _median(bare, "first-paint", 1)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'default')}, {runs} runs, medians")
    print(f"bare PySide6 window painted: {floor:.3f} s  (CPU {floor_cpu:.3f} s)")
    for label, stage in (("first frame painted", "first-paint"),
                         ("demo offsite shown ", "ready")):
        wall, cpu = _median(app, stage, 0), _median(app, stage, 1)
        print(f"Keeper {label}: {wall:.3f} s  ({wall / floor:.2f}x the floor)"
              f"  (CPU {cpu:.3f} s, {cpu / floor_cpu:.2f}x)")
    store = _median(stack, "first-paint", 0)
    print(f"the bare window after importing the store (SQLAlchemy, Keeper's models mapped): "
          f"{store:.3f} s ({store / floor:.2f}x the floor; before any of Keeper's own "
          f"window, views or file)")
    stall = _median(app, "max-stall", 0)
    print(f"longest UI-thread block in the 3 s after the demo showed: {stall * 1000:.0f} ms"
          f"  (a frame: 16 ms)")


def commands(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "team.keeper"
        subprocess.run([sys.executable, "-m", "ui.launcher", "new", str(target)], cwd=ROOT,
                       env=_env(), check=True, stdout=subprocess.DEVNULL)
        cases = {
            'python -c "import keeper"': ["-c", "import keeper"],
            "keeper --version": ["-m", "ui.launcher", "--version"],
            "keeper check FILE": ["-m", "ui.launcher", "check", str(target)],
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, args in cases.items():
                times[name].append(_wall(args))
    anchor = statistics.median(times['python -c "import keeper"'])
    for name, values in times.items():
        value = statistics.median(values)
        print(f"{name:27s} {value:.3f} s  ({value / anchor:.2f}x import keeper)")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    window(count)
    commands(count)
