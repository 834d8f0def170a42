"""Quadrant board with 500 reps: how long a repaint takes while one dot is dragged.

Goal: < 16 ms per frame. Only the changed region (the dot's old and new place,
its arrow, its quadrant's count badge) should repaint, not the whole board.
Then drops, undo, redo and arrow-key nudges: goal < 16 ms of UI-thread CPU for the
event and all it queued (refresh, repaint), also shown split into the two.
Prints figures; no asserts. Run: python bench/bench_quadrant.py [--reps 500]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KEEPER_DATA_DIR", tempfile.mkdtemp(prefix="keeper-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent, QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from keeper.clock import FakeClock  # noqa: E402
from keeper.store.files import new_file  # noqa: E402
from keeper.store.models import Person, Placement, Role  # noqa: E402


class PaintSpy(QObject):
    """Counts paint events on the board and the area they cover."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[int] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            rect = event.region().boundingRect()  # type: ignore[attr-defined]
            self.areas.append(rect.width() * rect.height())
        return False


def make_file(path: Path, reps: int) -> None:
    store = new_file(path, demo=True, clock=FakeClock())
    rng = random.Random(7)
    today = store.current_offsite()
    previous = store.previous_offsite(today)
    with store.edit() as s:
        managers = [p for p in s.scalars(select(Person)) if p.role == Role.MANAGER.value]
        have = sum(1 for p in s.scalars(select(Person)) if p.role == Role.REP.value)
        for i in range(reps - have):
            person = Person(name=f"Bench Rep {i:03d}", role=Role.REP.value,
                            manager_id=managers[i % len(managers)].id, active=True)
            s.add(person)
            s.flush()
            skill, motivation = rng.random(), rng.random()
            s.add(Placement(offsite_id=previous.id, person_id=person.id, skill=skill,
                            motivation=motivation))
            s.add(Placement(offsite_id=today.id, person_id=person.id,
                            skill=min(1, max(0, skill + rng.uniform(-0.2, 0.2))),
                            motivation=min(1, max(0, motivation + rng.uniform(-0.2, 0.2)))))
    store.close()


def send(widget, kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:  # noqa: ANN001
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


class TimingApp(QApplication):
    """Times each event the event loop hands out (nested sends count in their parent)."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.depth = 0
        self.longest = 0.0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        if self.depth:
            return super().notify(receiver, event)
        self.depth += 1
        t = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            self.longest = max(self.longest, (time.perf_counter() - t) * 1000)


def timed(app: QApplication, action: Callable[[], object]) -> tuple[float, float, float]:
    """(ms in the action itself, ms for what it left queued: deferred refresh + repaint,
    ms of the longest single event among those queued ones)."""
    t, cpu = time.perf_counter(), time.thread_time()
    action()
    t_sync = time.perf_counter()
    if isinstance(app, TimingApp):
        app.longest = 0.0
    app.processEvents()
    longest = app.longest if isinstance(app, TimingApp) else float("nan")
    CPU_MS.append((time.thread_time() - cpu) * 1000)
    return (t_sync - t) * 1000, (time.perf_counter() - t_sync) * 1000, longest


CPU_MS: list[float] = []  # UI-thread CPU time of each timed action (a busy machine
# stretches wall time; CPU time is what the event costs)


def report(label: str, runs: list[tuple[float, float, float]]) -> None:
    cpu = CPU_MS[-len(runs):]
    sync = [a for a, _, _ in runs]
    later = [b for _, b, _ in runs]
    longest = [c for _, _, c in runs]
    total = [a + b for a, b, _ in runs]
    print(f"{label} ({len(runs)}x): total median {statistics.median(total):.1f} ms, "
          f"max {max(total):.1f} ms\n"
          f"    the event itself: median {statistics.median(sync):.1f}, max {max(sync):.1f} ms"
          f" | queued after it (refresh, repaint): median {statistics.median(later):.1f}, "
          f"max {max(later):.1f} ms, longest single queued event: median "
          f"{statistics.median(longest):.1f}, max {max(longest):.1f} ms  [goal: each < 16 ms]\n"
          f"    UI-thread CPU, event and all it queued: median {statistics.median(cpu):.1f} ms")


def drop(app: QApplication, view, rep_id: int, dx: float) -> tuple[float, float, float]:  # noqa: ANN001
    """Drag ``rep_id`` by ``dx`` pixels in a few moves; time the release."""
    viewport = view.board.viewport()
    start = view.board.mapFromScene(view.scene.dots[rep_id].pos()).toPointF()
    left = Qt.MouseButton.LeftButton
    send(viewport, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, 5):
        send(viewport, QEvent.Type.MouseMove, QPointF(start.x() + dx * i / 4, start.y()), left)
    app.processEvents()
    end = QPointF(start.x() + dx, start.y())
    return timed(app, lambda: send(viewport, QEvent.Type.MouseButtonRelease, end,
                                   Qt.MouseButton.NoButton))


def edits(app: QApplication, view, context, count: int) -> None:  # noqa: ANN001
    """Drops, undo, redo and arrow-key nudges: the UI thread's time per edit."""
    reps = sorted(view.scene.dots)[1:count + 1]
    drops = [drop(app, view, rep_id, 60 if i % 2 else -60) for i, rep_id in enumerate(reps)]
    report("drop (store the move, undo entry, refresh)", drops)
    undos = [timed(app, context.undo_stack.undo) for _ in reps]
    report("undo of a drop", undos)
    redos = [timed(app, context.undo_stack.redo) for _ in reps]
    report("redo of a drop", redos)
    rep_id = reps[0]
    view.select_rep(rep_id)
    view.board.setFocus()
    before = context.undo_stack.count()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    nudges = [timed(app, lambda: QApplication.sendEvent(view.board, key)) for _ in range(count)]
    report("arrow-key nudge", nudges)
    steps = context.undo_stack.count() - before
    print(f"  {count} nudges of one rep made {steps} undo step(s)")
    report("undo of the nudges", [timed(app, context.undo_stack.undo) for _ in range(steps)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=500)
    parser.add_argument("--moves", type=int, default=60)
    parser.add_argument("--edits", type=int, default=8, help="drops/nudges to time")
    parser.add_argument("--size", default="1600x1000", help="view size WxH")
    args = parser.parse_args()

    app = QApplication.instance() or TimingApp([])
    from keeper.store.offsite_file import OffsiteStore
    from ui.context import AppContext
    from ui.quadrant.view import QuadrantView

    path = Path(tempfile.mkdtemp()) / "bench.keeper"
    t = time.perf_counter()
    make_file(path, args.reps)
    print(f"file with {args.reps} reps (both offsites): {time.perf_counter() - t:.2f} s")
    context = AppContext(clock=FakeClock())
    t = time.perf_counter()
    context.set_store(OffsiteStore.open(path))
    view = QuadrantView(context)
    width, height = (int(v) for v in args.size.split("x"))
    view.resize(width, height)
    view.show()
    app.processEvents()
    print(f"view built and first shown: {(time.perf_counter() - t) * 1000:.0f} ms "
          f"({len(view.scene.dots)} dots, {len(view.scene.arrows)} arrows)")

    board = view.board
    viewport = board.viewport()
    spy = PaintSpy()
    viewport.installEventFilter(spy)
    full, full_cpu = [], []
    for _ in range(10):
        t, c = time.perf_counter(), time.thread_time()
        viewport.repaint()
        full.append((time.perf_counter() - t) * 1000)
        full_cpu.append((time.thread_time() - c) * 1000)
    area = viewport.width() * viewport.height()
    print(f"full repaint of the board ({viewport.width()}x{viewport.height()}): "
          f"median {statistics.median(full):.1f} ms (CPU {statistics.median(full_cpu):.1f} ms)")

    rep_id = next(iter(sorted(view.scene.dots)))
    dot = view.scene.dots[rep_id]
    start = board.mapFromScene(dot.pos()).toPointF()
    left = Qt.MouseButton.LeftButton
    send(viewport, QEvent.Type.MouseButtonPress, start, left)
    app.processEvents()
    spy.areas.clear()
    frames, handle, cpu = [], [], []
    for i in range(1, args.moves + 1):
        target = QPointF(start.x() + 4 * i, start.y() + 2.5 * i)
        t, c = time.perf_counter(), time.thread_time()
        send(viewport, QEvent.Type.MouseMove, target, left)
        t_moved = time.perf_counter()
        app.processEvents()  # the queued update: paints only the dirty region
        t_painted = time.perf_counter()
        cpu.append((time.thread_time() - c) * 1000)
        handle.append((t_moved - t) * 1000)
        frames.append((t_painted - t) * 1000)
    painted = [a / area for a in spy.areas] or [0.0]
    send(viewport, QEvent.Type.MouseButtonRelease, QPointF(start.x() + 4 * args.moves,
                                                            start.y() + 2.5 * args.moves),
         Qt.MouseButton.NoButton)
    app.processEvents()

    frames.sort()
    p95 = frames[int(len(frames) * 0.95) - 1]
    print(f"drag of one dot, {args.moves} moves: frame (move handling + repaint) "
          f"median {statistics.median(frames):.2f} ms, p95 {p95:.2f} ms, max {frames[-1]:.2f} ms"
          f"  [goal < 16 ms]")
    print(f"  CPU time of the UI thread per frame: median {statistics.median(cpu):.2f} ms "
          "(wall time above includes waiting for a busy machine)")
    print(f"  of which move handling (live counts, arrow): median "
          f"{statistics.median(handle):.2f} ms")
    print(f"  paint events during the drag: {len(spy.areas)}; area repainted per paint: "
          f"median {statistics.median(painted) * 100:.1f}% of the board, "
          f"max {max(painted) * 100:.1f}%")
    edits(app, view, context, args.edits)
    context.set_store(None)


if __name__ == "__main__":
    main()
