"""Time to read and plan an import: the table reader on 10,000-row files, and a roster
of 1,000 people planned new, then re-imported with 100 changes and applied.

Run: python bench/bench_import.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _median_ms(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _roster(people: int, changed: int = 0) -> str:
    lines = ["Name;Role;Manager;Email"]
    for m in range(people // 10):
        lines.append(f"Manager {m};{'leader' if changed and m < changed else 'manager'};;"
                     f"m{m}@x.example")
        lines += [f"Rep {m}-{r};rep;Manager {m};r{m}.{r}@x.example" for r in range(9)]
    return "\n".join(lines) + "\n"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="keeper-bench-"))
    os.environ["KEEPER_DATA_DIR"] = str(tmp / "data")
    from openpyxl import Workbook

    from keeper.people.roster import plan_import
    from keeper.people.roster_apply import ImportPeople
    from keeper.store.files import new_file
    from keeper.tables.reading import read_table

    rows = [["Rep", "Skill", "Motivation", "Note"]] + [
        [f"Rep {n}", str(n % 10 + 1), str((n * 7) % 10 + 1), "fine " * 8] for n in range(10_000)]
    csv_path = tmp / "big.csv"
    csv_path.write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    xlsx_path = tmp / "big.xlsx"
    book.save(xlsx_path)
    print(f"read_table, 10,000-row CSV : {_median_ms(lambda: read_table(csv_path)):8.1f} ms")
    print(f"read_table, 10,000-row xlsx: {_median_ms(lambda: read_table(xlsx_path)):8.1f} ms")

    store = new_file(tmp / "bench.keeper")
    first, second = tmp / "roster.csv", tmp / "roster-2.csv"
    first.write_text(_roster(1000), "utf-8")
    second.write_text(_roster(1000, changed=100), "utf-8")
    print(f"plan 1,000 new people      : {_median_ms(lambda: plan_import(store, first)):8.1f} ms")
    start = time.perf_counter()
    ImportPeople(plan_import(store, first)).apply(store)
    print(f"plan + apply 1,000 new     : {(time.perf_counter() - start) * 1000:8.1f} ms")
    plan = plan_import(store, second)
    print(f"re-import: {plan.summary()}")
    print(f"plan the re-import         : {_median_ms(lambda: plan_import(store, second)):8.1f} ms")
    operation = ImportPeople(plan)
    start = time.perf_counter()
    operation.apply(store)
    print(f"apply 100 changes          : {(time.perf_counter() - start) * 1000:8.1f} ms")
    start = time.perf_counter()
    operation.revert(store)
    print(f"undo them (one step)       : {(time.perf_counter() - start) * 1000:8.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
