"""Time of one edit committed to the offsite file (goal: under 2 ms median).

Run: python bench/bench_store.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="keeper-bench-"))
    os.environ["KEEPER_DATA_DIR"] = str(tmp / "data")
    from keeper.ops import Composite, InsertRow, SetFields
    from keeper.store.files import new_file
    from keeper.store.models import Offsite, Person

    store = new_file(tmp / "bench.keeper", demo=True)
    offsite = store.current_offsite()
    assert offsite is not None
    timings: dict[str, list[float]] = {"SetFields (one column)": [], "InsertRow (person)": [],
                                       "Composite (3 edits, one transaction)": [],
                                       "undo of the Composite": []}
    for n in range(500):
        start = time.perf_counter()
        SetFields(Offsite, {"id": offsite.id}, {"venue": f"Room {n}"}).apply(store)
        timings["SetFields (one column)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        InsertRow(Person, {"name": f"Bench {n}", "role": "rep"}).apply(store)
        timings["InsertRow (person)"].append(time.perf_counter() - start)
        three = Composite([SetFields(Offsite, {"id": offsite.id}, {"venue": f"Hall {n}"}),
                           InsertRow(Person, {"name": f"Twin {n}", "role": "rep"}),
                           SetFields(Offsite, {"id": offsite.id}, {"title": f"Offsite {n}"})])
        start = time.perf_counter()
        three.apply(store)
        timings["Composite (3 edits, one transaction)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        three.revert(store)
        timings["undo of the Composite"].append(time.perf_counter() - start)
    for name, values in timings.items():
        values.sort()
        print(f"{name}: median {statistics.median(values) * 1000:.2f} ms, "
              f"p95 {values[int(len(values) * 0.95)] * 1000:.2f} ms over {len(values)} edits")
    store.close()


if __name__ == "__main__":
    main()
