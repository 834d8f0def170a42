"""Benchmark the room: 60 phones on loopback join and send 5 notes, 3 votes, 11 feedback lines.

The real path: aiohttp server thread → queued signal → UI thread → AppContext.run
(committed, on the undo stack) → answer. The Keeper moves the room from notes
to support to feedback; each phase every phone sends its share concurrently.

Prints: request latency p50/p95 (goal p95 < 100 ms on this machine), lost and
duplicated writes (goal 0), the laptop's CPU per request (the steadier figure on a
shared machine: all at once, the latency is the queue), the UI thread's longest stall
(goal < 50 ms) and its longest single room job. ``--window`` runs it with the full
main window (every view refreshing on each edit) and the room's panel, as on the day.

``--think S`` paces each phone like a person typing (0.5-1.5 x S seconds between
sends); the default sends everything at once, the worst case: the queue is the latency.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_room.py [--window] [--phones N] [--think S]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KEEPER_DATA_DIR", tempfile.mkdtemp(prefix="keeper-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from keeper.clock import SystemClock  # noqa: E402
from keeper.store.files import new_file  # noqa: E402
from keeper.store.models import Attendance, Feedback, Note, Person, Support  # noqa: E402
from keeper.store.offsite_file import OffsiteStore  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.room.activity import Activity  # noqa: E402
from ui.room_bridge import RoomController  # noqa: E402

NOTES, VOTES, FEEDBACK = 5, 3, 11
SOLO = 20


def add_people(store: OffsiteStore, offsite_id: int, count: int) -> list[int]:
    with store.edit() as s:
        people = [Person(name=f"Bench Leader {n:02d}", role="leader") for n in range(count)]
        s.add_all(people)
        s.flush()
        for p in people:
            s.add(Attendance(offsite_id=offsite_id, person_id=p.id))
        return [p.id for p in people]


class Phones:
    """The phones, on their own thread and event loop, as a venue's Wi-Fi would carry them."""

    def __init__(self, port: int, code: str, people: list[int], clusters: list[int],
                 think: float = 0.0) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.think = think
        self.code, self.people, self.clusters = code, people, clusters
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self.tokens: dict[int, str] = {}

    async def _post(self, http: aiohttp.ClientSession, path: str, body: dict,
                    token: str = "") -> dict:
        headers = {"Origin": self.base, "X-Room-Code": self.code, "X-Room-Token": token}
        if self.think and token:  # a person types between sends: 0.5-1.5 x think seconds
            await asyncio.sleep(self.think * random.uniform(0.5, 1.5))
        started = time.perf_counter()
        async with http.post(self.base + path, json=body, headers=headers) as response:
            data = await response.json()
        self.latencies.append(time.perf_counter() - started)
        if response.status != 200:
            self.failures.append(f"{path}: {response.status} {data.get('error')}")
        return data

    async def _phase(self, name: str) -> None:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            if name == "solo":  # one phone alone: the latency without a queue
                for n in range(SOLO):
                    await self._post(http, "/api/notes/add", {"text": f"Solo idea {n}"},
                                     self.tokens[self.people[0]])
                return
            await asyncio.gather(*(self._phone(http, name, i, p)
                                   for i, p in enumerate(self.people)))

    async def _phone(self, http: aiohttp.ClientSession, phase: str, index: int,
                     person: int) -> None:
        if phase == "join":
            data = await self._post(http, "/api/claim", {"code": self.code, "person": person})
            self.tokens[person] = data.get("token", "")
            return
        token = self.tokens[person]
        if phase == "notes":
            for n in range(NOTES):
                await self._post(http, "/api/notes/add",
                                 {"text": f"Bench idea {person}-{n}"}, token)
        elif phase == "votes":
            for n in range(VOTES):
                cluster = self.clusters[(index + n) % len(self.clusters)]
                await self._post(http, "/api/vote", {"kind": "cluster", "id": cluster,
                                                     "dots": 1}, token)
        elif phase == "feedback":
            for n in range(1, FEEDBACK + 1):
                to = self.people[(index + n) % len(self.people)]
                await self._post(http, "/api/feedback",
                                 {"to": to, "texts": {"start": f"Start {person}->{to}"}}, token)



def _phones_process(conn: Connection, port: int, code: str, people: list[int],
                    clusters: list[int], think: float) -> None:
    """The phones in a process of their own (as real phones, they do not share the GIL)."""
    phones = Phones(port, code, people, clusters, think)
    while True:
        phase = conn.recv()
        if phase is None:
            return
        before, failures = len(phones.latencies), len(phones.failures)
        asyncio.run(phones._phase(phase))
        conn.send((phones.latencies[before:], phones.failures[failures:]))


class PhonesProcess:
    def __init__(self, port: int, code: str, people: list[int], clusters: list[int],
                 think: float) -> None:
        self.conn, child = multiprocessing.get_context("spawn").Pipe()
        self.process = multiprocessing.get_context("spawn").Process(
            target=_phones_process, args=(child, port, code, people, clusters, think),
            daemon=True)
        self.process.start()
        self.latencies: list[float] = []
        self.failures: list[str] = []

    def run(self, phase: str) -> threading.Thread:
        def wait() -> None:
            self.conn.send(phase)
            latencies, failures = self.conn.recv()
            self.latencies += latencies
            self.failures += failures

        thread = threading.Thread(target=wait)
        thread.start()
        return thread

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", action="store_true", help="with the full main window")
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds a person takes between sends (0: all at once)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="keeper-room-bench-"))
    path = folder / "room.keeper"
    new_file(path, demo=True).close()
    store = OffsiteStore.open(path)
    offsite = store.current_offsite()
    assert offsite is not None
    people = add_people(store, offsite.id, args.phones)
    clusters = [c for (c,) in store.session.execute(
        select(Note.cluster_id).where(Note.offsite_id == offsite.id,
                                      Note.cluster_id.is_not(None)).distinct())]
    context = AppContext(clock=SystemClock())
    window = None
    if args.window:
        from ui.main_window import MainWindow

        window = MainWindow(context=context)
        window.show()
    context.set_store(store)
    if window is not None:
        for _ in range(50):  # the lazily built views
            app.processEvents()
    gc.freeze()  # as the app does once the file shows (ui/startup.py)
    controller = RoomController(context, hosts=lambda: ["127.0.0.1"], port=0)
    if window is not None:  # as on the day: Run ▸ Open the room, its panel listing the phones
        from ui.room_panel import RoomPanel

        panel = RoomPanel(context, controller=controller)
        panel.open_room()
    else:
        controller.open()
    assert controller.room is not None and controller.server is not None
    room = controller.room
    phones = PhonesProcess(controller.server.port, room.code, people, clusters, args.think)

    stall = 0.0
    ticks = QElapsedTimer()
    ticks.start()
    last = [ticks.nsecsElapsed()]

    def tick() -> None:
        nonlocal stall
        now = ticks.nsecsElapsed()
        stall = max(stall, (now - last[0]) / 1e9 - 0.005)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    started, started_cpu = time.perf_counter(), time.process_time()
    phases: list[str] = []
    solo: list[float] = []
    for phase, activity in (("join", None), ("notes", Activity.NOTES),
                            ("votes", Activity.VOTE), ("feedback", Activity.FEEDBACK),
                            ("solo", Activity.NOTES)):
        room.choose(activity)
        before, phase_started = len(phones.latencies), time.perf_counter()
        thread = phones.run(phase)
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(lambda t=thread, lp=loop: None if t.is_alive() else lp.quit())
        poll.start()
        loop.exec()
        poll.stop()
        last[0] = ticks.nsecsElapsed()  # between phases the bench itself is not the UI
        took = sorted(phones.latencies[before:])
        if phase == "solo":
            solo = took
            del phones.latencies[before:]
            continue
        phases.append(f"{phase} {len(took)} in {time.perf_counter() - phase_started:.1f} s "
                      f"(p95 {took[int(len(took) * 0.95) - 1] * 1000:.0f} ms)")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    timer.stop()
    longest_job = controller.desk.longest_job_s
    phones.close()
    controller.close()

    s = store.session
    wanted = set(people)
    notes = [t for t in s.scalars(select(Note.text).where(Note.author_id.in_(wanted)))
             if not t.startswith("Solo idea")]
    supports = s.scalar(select(func.count()).select_from(Support)
                        .where(Support.person_id.in_(wanted))) or 0
    feedback = list(s.scalars(select(Feedback.text).where(Feedback.giver_id.in_(wanted))))
    expected = (len(people) * NOTES, len(people) * VOTES, len(people) * FEEDBACK)
    lost = (max(0, expected[0] - len(set(notes))) + max(0, expected[1] - supports)
            + max(0, expected[2] - len(set(feedback))))
    duplicated = (len(notes) - len(set(notes))) + max(0, supports - expected[1]) + (
        len(feedback) - len(set(feedback)))
    lat = sorted(phones.latencies)
    p95 = lat[int(len(lat) * 0.95) - 1]
    pace = f"{args.think:g} s between sends" if args.think else "all at once"
    print(f"room bench: {args.phones} phones ({pace}), {len(lat)} requests in {elapsed:.1f} s"
          f"{' (full main window)' if window else ''}")
    print(f"  phases: {'; '.join(phases)}")
    print(f"  latency p50 {statistics.median(lat) * 1000:.1f} ms, "
          f"p95 {p95 * 1000:.1f} ms (goal < 100 ms), max {lat[-1] * 1000:.1f} ms")
    print(f"  one phone alone: p50 {statistics.median(solo) * 1000:.1f} ms, "
          f"p95 {solo[int(len(solo) * 0.95) - 1] * 1000:.1f} ms ({len(solo)} notes)")
    print(f"  writes: {len(notes)} notes, {supports} supports, {len(feedback)} feedback "
          f"(expected {expected[0]}, {expected[1]}, {expected[2]}); lost {lost}, "
          f"duplicated {duplicated} (goal 0)")
    per_request = cpu / (len(lat) + len(solo))
    print(f"  laptop CPU (server, reads and UI threads; the phones are another process): "
          f"{cpu:.1f} s, {per_request * 1000:.1f} ms a request")
    if not args.think:  # one interpreter serves them in turn: the last waits for the rest
        print(f"  the queue when all send at once: {args.phones} x {per_request * 1000:.1f} ms "
              f"= {args.phones * per_request * 1000:.0f} ms for the last phone; a p95 under "
              f"100 ms needs at most {100 / (0.95 * args.phones):.1f} ms a request")
    print(f"  UI thread: longest stall {stall * 1000:.1f} ms (goal < 50 ms), "
          f"longest room job {longest_job * 1000:.1f} ms; undo steps {context.undo_stack.count()}")
    if phones.failures:
        print(f"  refused: {len(phones.failures)}, first: {phones.failures[0]}")
    if window is not None:
        window.close()
    context.set_store(None)


if __name__ == "__main__":
    main()
