"""Export figures: an offsite with 12 leaders, 1,000 notes and 200 reps (with its OKRs,
every leader's feedback to every other, and an operating plan), and a sales kickoff with
the same 200 reps (audit ratings, attainment, a first-30-days plan each).

Prints, side by side in one run:
- the anchor: wall time of ``python -c "import keeper"`` (median of 5), and the
  ``keeper`` command's wall time for ``--version``, ``check`` and ``export`` of the demo
  (``--xlsx`` alone, ``--pptx`` alone), each as a multiple of the anchor (goal: export at
  most 3x);
- in-process, for the workbook and the deck: wall and CPU time (median of 3, data
  gathered from the file each time; CPU time is the steadier figure on a shared
  machine), peak Python memory (tracemalloc) and, in a fresh child process per file,
  the growth of peak RSS after imports (lxml's C allocations are not seen by
  tracemalloc). Goal: each file under 0.5 s.
Run: ``python bench/bench_export.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exporters.data import gather  # noqa: E402
from exporters.pptx.deck import write_pptx  # noqa: E402
from exporters.xlsx.workbook import write_xlsx  # noqa: E402
from keeper.agenda.templates import find_template  # noqa: E402
from keeper.clock import FakeClock  # noqa: E402
from keeper.kickoff.demo import build_kickoff  # noqa: E402
from keeper.store.files import add_offsite_from_template, new_file  # noqa: E402
from keeper.store.models import (  # noqa: E402
    Attendance,
    CheckIn,
    Cluster,
    Feedback,
    Initiative,
    Note,
    Offsite,
    Okr,
    Person,
    Placement,
    PlanInitiative,
    Support,
    Tactic,
)
from keeper.store.offsite_file import OffsiteStore  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)
WORDS = ["pipeline", "renewals", "hiring", "ramp", "coaching", "forecast", "partners",
         "pricing", "territory", "enablement", "onboarding", "churn", "expansion",
         "outbound", "events", "referrals", "quota"]


def build(path: Path, leaders: int = 12, notes: int = 1000, reps: int = 200,
          clusters: int = 30) -> None:
    rng = random.Random(7)
    clock = FakeClock(NOW)
    store = new_file(path, clock=clock)
    try:
        template = find_template("sales-leadership-offsite")
        spring_id = add_offsite_from_template(store, template, "Spring",
                                              dt.date(2026, 5, 1), clock)
        with store.edit() as s:
            offsite = store.current_offsite()
            assert offsite is not None
            if offsite.id == spring_id:
                offsite = s.get(Offsite, 1)
            offsite.date = NOW.date()
            chiefs = [Person(name=f"Leader {i:02d}", role="leader" if i < 4 else "manager")
                      for i in range(leaders)]
            s.add_all(chiefs)
            s.flush()
            team = [Person(name=f"Rep {i:03d}", role="rep", manager_id=chiefs[4 + i % 8].id)
                    for i in range(reps)]
            s.add_all(team)
            s.flush()
            s.add_all(Attendance(offsite_id=offsite.id, person_id=p.id,
                                 gratitude_note=f"Thank you, {p.name}." if i % 2 else None)
                      for i, p in enumerate(chiefs))
            inits = [Initiative(offsite_id=offsite.id, position=i, title=f"Initiative {i}")
                     for i in range(4)]
            s.add_all(inits)
            s.flush()
            groups = [Cluster(offsite_id=offsite.id, title=f"{WORDS[i % len(WORDS)]} {i}",
                              big_bet=i < 3, initiative_id=inits[i].id if i < 3 else None)
                      for i in range(clusters)]
            s.add_all(groups)
            s.flush()
            created = NOW.replace(tzinfo=None)
            for n in range(notes):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
                s.add(Note(offsite_id=offsite.id, author_id=rng.choice(chiefs).id,
                           text=text.capitalize(),
                           cluster_id=groups[n % clusters].id if n % 10 else None,
                           created_at=created))
            for p in chiefs:
                for c in rng.sample(groups, 5):
                    s.add(Support(offsite_id=offsite.id, person_id=p.id, cluster_id=c.id))
            for oid in (spring_id, offsite.id):
                for r in team:
                    s.add(Placement(offsite_id=oid, person_id=r.id, skill=rng.random(),
                                    motivation=rng.random()))
            _day(s, offsite, chiefs, groups, rng)
            build_kickoff(s, NOW, team, chiefs, rng)
            # the file opens on (and the offsite figures export) this offsite, not Spring
            store.set_default_offsite(offsite.id)
    finally:
        store.close()


def _day(s: object, offsite: Offsite, chiefs: list[Person], groups: list[Cluster],
         rng: random.Random) -> None:
    """OKRs, all-to-all Start/Stop/Continue, 4 initiatives of 9 tactics, 6 check-ins."""
    s.add_all(Okr(offsite_id=offsite.id, kind="review", position=i, objective=f"Objective {i}",
                  target="5 of 6", result="3 of 6", hit=i % 2 == 0, went_well="w",
                  went_badly="b", on_the_floor="f") for i in range(5))
    for g in chiefs:
        for r in chiefs:
            if g is not r:
                s.add_all(Feedback(offsite_id=offsite.id, giver_id=g.id, receiver_id=r.id,
                                   kind=k, text=" ".join(rng.choice(WORDS) for _ in range(12)))
                          for k in ("start", "stop", "continue"))
    for i, c in enumerate(groups[:4]):
        plan = PlanInitiative(offsite_id=offsite.id, cluster_id=c.id, position=i, title=c.title,
                              owner_id=chiefs[i].id)
        s.add(plan)
        s.flush()
        s.add_all(Tactic(plan_initiative_id=plan.id, position=n, text=f"Tactic {n}")
                  for n in range(9))
    s.add_all(CheckIn(offsite_id=offsite.id, date=NOW.date() + dt.timedelta(days=30 * m))
              for m in range(1, 7))


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn``."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


ROOT = Path(__file__).resolve().parents[1]


def spawned(args: list[str], runs: int) -> float:
    """Median wall seconds of ``python ARGS`` in a fresh process."""
    times = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_line(folder: Path) -> None:
    """The ``keeper`` command against ``python -c "import keeper"``, in one run."""
    demo = folder / "demo.keeper"
    new_file(demo, demo=True, clock=FakeClock(NOW)).close()
    anchor = spawned(["-c", "import keeper"], 5)
    print(f"anchor: python -c 'import keeper'   {anchor:6.3f} s")
    keeper = ["-m", "ui.launcher"]
    for label, args in (
            ("keeper --version", [*keeper, "--version"]),
            ("keeper check demo", [*keeper, "check", str(demo)]),
            ("keeper export demo --xlsx", [*keeper, "export", str(demo), "--xlsx",
                                           str(folder / "cli.xlsx")]),
            ("keeper export demo --pptx", [*keeper, "export", str(demo), "--pptx",
                                           str(folder / "cli.pptx")])):
        seconds = spawned(args, 3)
        print(f"{label:<33} {seconds:6.3f} s  = {seconds / anchor:4.1f}x the anchor")


def peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _kickoff_id(path: Path) -> int:
    store = OffsiteStore.open(path, read_only=True)
    try:
        return next(o.id for o in store.offsites() if o.kind == "kickoff")
    finally:
        store.close()


def child(kind: str, path: Path) -> None:
    """Write one file in this fresh process; print the peak RSS growth in MB."""
    offsite_id = _kickoff_id(path) if kind.startswith("kickoff-") else None
    kind = kind.removeprefix("kickoff-")
    store = OffsiteStore.open(path, read_only=True)
    try:
        d = gather(store, offsite_id, now=NOW)
    finally:
        store.close()
    import openpyxl  # noqa: F401  (imports are not the export's memory)
    import pptx  # noqa: F401

    base = _rss_mb()
    if kind == "xlsx":
        write_xlsx(d, path.with_suffix(".child.xlsx"))
    else:
        write_pptx(d, path.with_suffix(".child.pptx"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{max(0.0, peak - base):.1f}")


def rss_growth(kind: str, path: Path) -> float:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return
    folder = Path(tempfile.mkdtemp(prefix="keeper-bench-"))
    path = folder / "big.keeper"
    command_line(folder)
    build(path)

    kickoff = _kickoff_id(path)
    for label, offsite_id, prefix in (("offsite", None, ""), ("kickoff", kickoff, "kickoff-")):

        def data(offsite_id: int | None = offsite_id) -> object:
            store = OffsiteStore.open(path, read_only=True)
            try:
                return gather(store, offsite_id, now=NOW)
            finally:
                store.close()

        def xlsx(data: Callable[[], object] = data, label: str = label) -> object:
            return write_xlsx(data(), folder / f"{label}.xlsx")  # type: ignore[arg-type]

        def pptx(data: Callable[[], object] = data, label: str = label) -> object:
            return write_pptx(data(), folder / f"{label}.pptx")  # type: ignore[arg-type]

        xlsx(), pptx()  # warm imports and caches
        d = data()
        if offsite_id is None:
            print("offsite: 12 leaders, 1,000 notes (30 clusters), 200 reps placed on two "
                  f"offsites, 132 feedback pairs; tally lines {len(d.tally)}")  # type: ignore[attr-defined]
        else:
            print(f"kickoff: 200 reps x 8 competencies, attainment, {len(d.kickoff.first30)} "  # type: ignore[attr-defined]
                  "first-30-days plans")
        wall, cpu = timed(data)
        print(f"gather from file        {wall:6.3f} s (CPU {cpu:5.3f} s)  peak "
              f"{peak_mb(data):6.1f} MB")
        for name, fn, kind in (("workbook (.xlsx)", xlsx, "xlsx"), ("deck (.pptx)", pptx, "pptx")):
            wall, cpu = timed(fn)
            size = (folder / f"{label}.{kind}").stat().st_size
            print(f"{name:<22}  {wall:6.3f} s (CPU {cpu:5.3f} s)  Python peak "
                  f"{peak_mb(fn):5.1f} MB  RSS growth {rss_growth(prefix + kind, path):5.1f} MB  "
                  f"({size / 1024:.0f} KiB)  {'OK' if cpu < 0.5 else 'OVER the 0.5 s goal'}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench process max RSS   {rss:6.1f} MB (Python, SQLAlchemy, openpyxl, python-pptx)")


if __name__ == "__main__":
    main()
