"""Benchmark keeper.board.clustering: timing on 1,000 notes and ARI on the labelled sets.

Run: python bench/bench_clustering.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from keeper.board.clustering import suggest_clusters  # noqa: E402
from tests.unit.board.rand_index import adjusted_rand_index  # noqa: E402

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = ("opportunity_notes.json", "brainstorms.json")
FILLERS = ["asap", "!!", "(big one)", "for FY26", "- owner: VP", "🚀", "team-wide", "pls", "#1"]


def labelled_sets() -> dict[str, list[dict]]:
    result: dict[str, list[dict]] = {}
    for name in SETS:
        doc = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
        result.update({k: v for k, v in doc.items() if not k.startswith("_")})
    return result


def realistic_notes(n: int, seed: int = 7) -> list[tuple[int, str]]:
    """n notes built from the labelled ones with random filler words and casing."""
    rng = random.Random(seed)
    pool = [note["text"] for notes in labelled_sets().values() for note in notes]
    out = []
    for i in range(n):
        text = rng.choice(pool)
        if rng.random() < 0.5:
            text = f"{text} {rng.choice(FILLERS)}"
        out.append((i, text.upper() if rng.random() < 0.1 else text))
    return out


def unmatched_notes(n: int, seed: int = 11) -> list[tuple[int, str]]:
    """Worst case: notes of made-up words no lexicon knows, all compared pairwise."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
             for _ in range(400)]
    return [(i, " ".join(rng.choices(vocab, k=rng.randint(3, 9)))) for i in range(n)]


def time_ms(notes: list[tuple[int, str]], repeats: int = 7) -> tuple[float, float]:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        suggest_clusters(notes)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs)


def main() -> None:
    for name, notes in labelled_sets().items():
        suggestions = suggest_clusters([(n["id"], n["text"]) for n in notes])
        label = {i: k for k, s in enumerate(suggestions) for i in s.note_ids}
        ari = adjusted_rand_index([n["theme"] for n in notes], [label[n["id"]] for n in notes])
        themes = len({n["theme"] for n in notes})
        print(f"ARI {name:12s} {ari:.3f}  ({len(notes)} notes, {themes} themes, "
              f"{len(suggestions)} suggestions)")
    for name, notes in (("realistic", realistic_notes(1000)), ("unmatched", unmatched_notes(1000))):
        median, worst = time_ms(notes)
        print(f"1,000 {name} notes: median {median:.1f} ms, max {worst:.1f} ms")
    long_notes = [(i, "renewal upsell churn " * 500) for i in range(1000)]
    median, worst = time_ms(long_notes, repeats=3)
    print(f"1,000 x 10k-char notes: median {median:.1f} ms, max {worst:.1f} ms")


if __name__ == "__main__":
    main()
