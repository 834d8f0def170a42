"""Runner figures: CPU while a countdown runs, beside a bare Qt label; key press → repaint.

    python bench/bench_runner.py [--seconds 60] [--presses 60]

Runs the real runner view (the control window, 1920×1080 on the laptop screen) and the
audience window (full screen on a 1920×1080 "projector") with the system clock and a
real event loop, on the ``offscreen`` platform with two declared screens unless
QT_QPA_PLATFORM is set (for example ``xcb`` under Xvfb). Prints:

* the anchor: CPU of a separate process showing only a bare QLabel (1920×1080, big
  digits) whose text is set at 10 Hz, for as long, on the same platform;
* CPU used by the whole process (both windows, Python included) while the
  countdown runs, as a percentage of one core (``time.process_time`` over
  wall time), and how many times the projector painted;
* the time from a key press (+ adds a minute) to the audience window's paint
  (the paint's own timestamp), median and 95th percentile over ``--presses`` presses.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _screens_config(folder: Path) -> Path:
    config = folder / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "PROJECTOR", "x": 1920, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}))
    return config


def bare_label(seconds: float) -> int:
    """The anchor: a bare QLabel, 1920×1080, its text set 10 times a second; prints its CPU."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    label = QLabel("00:00")
    label.setStyleSheet("font-size: 400px; font-weight: 700;")
    label.resize(1920, 1080)
    label.show()
    for _ in range(20):
        app.processEvents()
    started = time.monotonic()

    def update() -> None:
        left = max(0, 3600 - int(time.monotonic() - started))
        label.setText(f"{left // 60:02d}:{left % 60:02d}")

    timer = QTimer()
    timer.timeout.connect(update)
    timer.start(100)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    loop.exec()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(json.dumps({"wall": wall, "cpu": cpu}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--anchor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="keeper-bench-"))
    os.environ.setdefault("KEEPER_DATA_DIR", str(folder / "data"))
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens_config(folder)}"
    if args.anchor:
        return bare_label(args.seconds)
    anchor = subprocess.run([sys.executable, __file__, "--anchor", "--seconds",
                             str(args.seconds)], capture_output=True, text=True, check=True)
    bare = json.loads(anchor.stdout.strip().splitlines()[-1])
    print(f"anchor: bare QLabel at 10 Hz for {bare['wall']:.1f} s: CPU {bare['cpu']:.3f} s = "
          f"{100 * bare['cpu'] / bare['wall']:.2f}% of one core")

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)

    from keeper.clock import SystemClock
    from keeper.store.files import new_file
    from keeper.store.offsite_file import OffsiteStore
    from ui.context import AppContext
    from ui.runner.view import RunnerView

    path = folder / "demo.keeper"
    new_file(path, demo=True, clock=SystemClock()).close()
    context = AppContext(clock=SystemClock())
    context.set_store(OffsiteStore.open(path))
    view = RunnerView(context)
    view.resize(1920, 1040)
    view.show()
    window = view.audience_window
    if not window.isVisible():
        window.full_screen_wanted = True
        window.place()
    face = window.face
    for _ in range(20):
        app.processEvents()
    screens = ", ".join(f"{s.name()} {s.geometry().width()}×{s.geometry().height()}"
                        for s in QGuiApplication.screens())
    print(f"platform {QGuiApplication.platformName()}; screens: {screens}")
    print(f"audience window: {window.width()}×{window.height()} on "
          f"{window.screen().name()}, full screen {window.isFullScreen()}; "
          f"digits {face.digit_glyph_height():.0f} px high "
          f"({face.digit_glyph_height() / max(1, face.height()):.0%} of the window)")

    # -- CPU while the countdown runs -------------------------------------------------
    loop = QEventLoop()
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    paints, wall0, cpu0 = face.paint_count, time.perf_counter(), time.process_time()
    usage0 = os.times()
    loop.exec()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    usage = os.times()
    face_paints = face.paint_count - paints
    print(f"countdown for {wall:.1f} s: CPU {cpu:.3f} s = {100 * cpu / wall:.2f}% of one core "
          f"(user {usage.user - usage0.user:.2f} s, system {usage.system - usage0.system:.2f} s); "
          f"projector painted {face_paints} times ({face_paints / wall:.2f}/s); "
          f"shown {view.countdown.text()}")

    # -- key press → projector repainted -------------------------------------------------
    view.activateWindow()
    view.setFocus()
    app.processEvents()
    latencies: list[float] = []
    for n in range(args.presses):
        key = Qt.Key.Key_Plus if n % 2 == 0 else Qt.Key.Key_Minus
        before = face.paint_count
        start = time.perf_counter()
        QTest.keyClick(view, key)
        while face.paint_count == before and time.perf_counter() - start < 1.0:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        latencies.append((face.last_paint_at - start) * 1000)
        app.processEvents()
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"key press → audience window repainted: median {statistics.median(latencies):.2f} ms, "
          f"p95 {p95:.2f} ms, max {latencies[-1]:.2f} ms over {len(latencies)} presses")
    view.shutdown()
    context.set_store(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
