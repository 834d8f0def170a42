"""The adjusted Rand index: how well suggested groups match a facilitator's answer key
(1 is the same grouping, 0 is chance). A test and bench tool, not shipped in keeper/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def adjusted_rand_index(labels_true: Sequence[Hashable], labels_pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index of two labelings of the same items (same convention as sklearn)."""
    if len(labels_true) != len(labels_pred):
        raise ValueError("label sequences differ in length")
    n = len(labels_true)
    classes, clusters = set(labels_true), set(labels_pred)
    if len(classes) == len(clusters) and len(classes) in (0, 1, n):
        return 1.0

    def pairs(k: int) -> float:
        return k * (k - 1) / 2

    index = sum(pairs(c) for c in Counter(zip(labels_true, labels_pred, strict=True)).values())
    sum_a = sum(pairs(c) for c in Counter(labels_true).values())
    sum_b = sum(pairs(c) for c in Counter(labels_pred).values())
    expected = sum_a * sum_b / pairs(n)
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
