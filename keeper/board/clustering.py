"""Grouping suggestions for the opportunities brainstorm (pure Python, Qt-free, deterministic).

Rule, in order:

1. Normalise each note (NFKC, lowercase, punctuation/emoji/control chars -> spaces, common
   sales abbreviations expanded), stem with a small suffix stemmer.
2. Match stemmed words and phrases (longest first) against the concept lexicon in
   :mod:`keeper.board.lexicon`; a note whose best concept scores >= ``MIN_CONCEPT_SCORE``
   joins that concept's group ("upsell at renewal", "reduce churn" -> Renewals & Expansion).
3. Notes with no clear concept are compared by TF-IDF cosine over stems: they join the
   concept group whose centroid they resemble, else are clustered among themselves with
   average-linkage agglomeration (threshold ``LINK_THRESHOLD``), titled by top keywords.
   Two notes are never paired on common words alone (``lexicon.WEAK_WORDS``: "customers",
   "calls"...).
4. Near-identical themes merge: a group of one or two notes joins a bigger theme its notes
   also speak of (rep retention, hiring and customer retention are separate concepts, so
   they never merge this way).

Every note lands in exactly one :class:`Suggestion` (a partition of the input). Groups of two
or more notes come first (largest first), then singletons (``is_singleton``), which the UI can
show as "unclustered". Output does not depend on input order. Cost is linear in the number of
notes for concept matching; only the leftover notes are compared pairwise.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from keeper.board.lexicon import ABBREVIATIONS, CONCEPTS, GLUE, STOPWORDS, WEAK_WORDS

MAX_CHARS = 600  # post-its are short; longer text is truncated before analysis
MAX_TOKENS = 80
MIN_CONCEPT_SCORE = 0.45
CENTROID_THRESHOLD = 0.2
LINK_THRESHOLD = 0.25
FOLD_MAX = 2  # a group this small joins a bigger one on the same theme
FOLD_SHARE = 0.5  # ... when its note scores at least this share of its own best on that theme
UNSORTED_TITLE = "Unsorted"


@dataclass(frozen=True)
class Suggestion:
    """A suggested group of notes; ``note_ids`` ascending, ``keywords`` most telling first."""

    title: str
    note_ids: tuple[int, ...]
    keywords: tuple[str, ...] = ()
    concept: str | None = None  # key in sales_lexicon.CONCEPTS, None for keyword groups

    @property
    def is_singleton(self) -> bool:
        return len(self.note_ids) == 1


# --------------------------------------------------------------------------- text handling

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_NON_WORD = re.compile(r"[^\w]+|_")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ization", ""), ("isation", ""), ("ational", "ate"), ("ation", ""), ("ition", ""),
    ("ement", ""), ("ment", ""), ("ness", ""), ("ance", ""), ("ence", ""), ("able", ""),
    ("ible", ""), ("ing", ""), ("ity", ""), ("ism", ""), ("ist", ""), ("ive", ""), ("ize", ""),
    ("ise", ""), ("ful", ""), ("ous", ""), ("er", ""), ("ed", ""), ("al", ""), ("ly", ""),
)
_NO_STEM = frozenset({"leader", "leaders", "news", "series", "ops", "revops", "sales"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light suffix stemmer: consistent rather than linguistically exact."""
    if word in _NO_STEM:
        return word.rstrip("s")
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lowercased raw tokens with abbreviations expanded; never raises on odd input."""
    text = unicodedata.normalize("NFKC", str(text)[:MAX_CHARS]).lower()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    tokens: list[str] = []
    for tok in _NON_WORD.sub(" ", text).split():
        tokens.extend(ABBREVIATIONS.get(tok, tok).split())
    return tokens


# --------------------------------------------------------------------------- lexicon index

@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], dict[str, float]]  # stemmed phrase -> concept -> score
    display: dict[tuple[str, ...], str]  # stemmed phrase -> human form
    order: dict[str, int]
    longest: dict[str, int]  # first stem of a phrase -> longest phrase length starting with it


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    phrases: dict[tuple[str, ...], dict[str, float]] = defaultdict(dict)
    display: dict[tuple[str, ...], str] = {}
    for concept, spec in CONCEPTS.items():
        for raw in spec.terms.split(","):
            term, _, weight = raw.strip().partition("=")
            key = tuple(stem(t) for t in tokenize(term) if t not in GLUE)
            if not key:
                continue
            content = sum(1 for t in tokenize(term) if t not in STOPWORDS) or 1
            score = (float(weight) if weight else 1.0) * spec.salience * (0.75 + 0.25 * content)
            phrases[key][concept] = max(score, phrases[key].get(concept, 0.0))
            display.setdefault(key, " ".join(tokenize(term)))
    longest: dict[str, int] = {}
    for key in phrases:
        longest[key[0]] = max(len(key), longest.get(key[0], 0))
    return _Lexicon(
        dict(phrases),
        display,
        {c: i for i, c in enumerate(CONCEPTS)},
        longest,
    )


@dataclass
class _Note:
    note_id: int
    stems: list[str]  # content stems (no stopwords / numbers)
    surface: dict[str, str]  # stem -> first surface word
    concept_scores: dict[str, float]
    matched: list[tuple[str, ...]]


def _analyse(note_id: int, text: str) -> _Note:
    lex = _lexicon()
    raw = tokenize(text)[:MAX_TOKENS]
    stems = [stem(t) for t in raw]
    phrase_stems = [s for t, s in zip(raw, stems, strict=True) if t not in GLUE]
    scores: dict[str, float] = defaultdict(float)
    matched: list[tuple[str, ...]] = []
    i = 0
    while i < len(phrase_stems):
        for n in range(min(lex.longest.get(phrase_stems[i], 0), len(phrase_stems) - i), 0, -1):
            key = tuple(phrase_stems[i : i + n])
            hit = lex.phrases.get(key)
            if hit is None:
                continue
            for concept, score in hit.items():
                scores[concept] += score
            matched.append(key)
            i += n
            break
        else:
            i += 1
    content_stems: list[str] = []
    surface: dict[str, str] = {}
    for tok, st in zip(raw, stems, strict=True):
        if tok in STOPWORDS or st in STOPWORDS or tok.isdigit() or len(st) < 2:
            continue
        content_stems.append(st)
        surface.setdefault(st, tok)
    return _Note(note_id, content_stems, surface, dict(scores), matched)


def _best_concept(note: _Note) -> str | None:
    if not note.concept_scores:
        return None
    order = _lexicon().order
    concept = min(note.concept_scores, key=lambda c: (-note.concept_scores[c], order[c]))
    return concept if note.concept_scores[concept] >= MIN_CONCEPT_SCORE else None


# --------------------------------------------------------------------------- vectors

Vector = dict[str, float]


def _tfidf(notes: Sequence[_Note]) -> list[Vector]:
    df = Counter(s for n in notes for s in set(n.stems))
    total = len(notes)
    vectors: list[Vector] = []
    for n in notes:
        counts = Counter(n.stems)
        idf = {s: math.log((1 + total) / (1 + df[s])) + 1.0 for s in counts}
        vectors.append(_normalise({s: c * idf[s] for s, c in counts.items()}))
    return vectors


def _normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _average_linkage(vectors: Sequence[Vector], threshold: float) -> list[list[int]]:
    """Average-linkage agglomeration over sparse vectors; only overlapping pairs are scored."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    links: dict[int, dict[int, float]] = {i: {} for i in range(len(vectors))}  # sum of sims
    for i, vec in enumerate(vectors):
        dots: dict[int, float] = defaultdict(float)
        for k, v in vec.items():
            for j, w in postings[k]:
                dots[j] += v * w
            postings[k].append((i, v))
        for j, sim in dots.items():
            links[i][j] = links[j][i] = sim
    members = {i: [i] for i in range(len(vectors))}
    # Only mergeable pairs go on the heap; the sums in ``links`` keep every pair's evidence.
    heap = [(-s, i, j) for i in links for j, s in links[i].items() if i < j and s >= threshold]
    heapq.heapify(heap)
    next_id = len(vectors)
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:  # stale entry: a side was merged already
            continue
        new = next_id
        next_id += 1
        members[new] = members.pop(a) + members.pop(b)
        merged: dict[int, float] = defaultdict(float)
        for old in (a, b):
            for c, s in links.pop(old).items():
                if c not in (a, b):
                    merged[c] += s
                    del links[c][old]
        links[new] = dict(merged)
        for c, s in merged.items():
            links[c][new] = s
            avg = s / (len(members[new]) * len(members[c]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, c, new))
    return [sorted(m) for m in members.values()]


# --------------------------------------------------------------------------- public API

def suggest_clusters(notes: Sequence[tuple[int, str]]) -> list[Suggestion]:
    """Suggest theme groups for ``(note_id, text)`` pairs; see the module docstring."""
    ordered = sorted(notes, key=lambda n: (str(n[1]), n[0]))
    analysed = [_analyse(note_id, text) for note_id, text in ordered]
    vectors = _tfidf(analysed)

    groups: dict[str, list[int]] = defaultdict(list)  # concept -> indices into analysed
    leftover: list[int] = []
    for i, note in enumerate(analysed):
        concept = _best_concept(note)
        (groups[concept] if concept else leftover).append(i)

    centroids = {c: _normalise(_sum_vectors(vectors[i] for i in idx)) for c, idx in groups.items()}
    unplaced: list[int] = []
    for i in leftover:
        best = max(
            sorted(centroids), key=lambda c: _cosine(vectors[i], centroids[c]), default=None
        )
        if best is not None and _cosine(vectors[i], centroids[best]) >= CENTROID_THRESHOLD:
            groups[best].append(i)
        else:
            unplaced.append(i)

    keyword_groups: list[list[int]] = []
    linkable = [_without_weak(vectors[i]) for i in unplaced]
    for cluster in _average_linkage(linkable, LINK_THRESHOLD):
        keyword_groups.append([unplaced[k] for k in cluster])
    _fold_small_groups(groups, keyword_groups, analysed, vectors)
    suggestions = [_concept_suggestion(c, [analysed[i] for i in idx])
                   for c, idx in groups.items() if idx]
    for members in keyword_groups:
        if members:
            suggestions.append(
                _keyword_suggestion([analysed[i] for i in members], vectors, members))
    suggestions.sort(key=lambda s: (s.is_singleton, -len(s.note_ids), s.title, s.note_ids))
    return suggestions


@lru_cache(maxsize=1)
def _weak_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in WEAK_WORDS)


def _without_weak(vector: Vector) -> Vector:
    """The vector without words too common to pair two notes on their own."""
    weak = _weak_stems()
    return _normalise({k: v for k, v in vector.items() if k not in weak})


def _fold_small_groups(groups: dict[str, list[int]], keyword_groups: list[list[int]],
                       notes: Sequence[_Note], vectors: Sequence[Vector]) -> None:
    """Merge near-identical themes: each note of a group of at most ``FOLD_MAX`` notes
    joins a bigger concept group when it also speaks of that concept (at least
    ``FOLD_SHARE`` of its best score); a note of no concept joins the one whose
    centroid it resembles beyond the common words."""
    big = {c: idx for c, idx in groups.items() if len(idx) > FOLD_MAX}
    if not big:
        return
    centroids = {c: _normalise(_sum_vectors(vectors[i] for i in idx)) for c, idx in big.items()}
    order = _lexicon().order
    small = [idx for c, idx in groups.items() if c not in big] + keyword_groups
    for members in small:
        if len(members) > FOLD_MAX:
            continue
        for i in list(members):
            scores = notes[i].concept_scores
            own = max(scores.values(), default=0.0)
            by_concept = [c for c in big if own and scores.get(c, 0.0) >= FOLD_SHARE * own]
            target = min(by_concept, key=lambda c: (-scores[c], order[c]), default=None)
            if target is None and not scores:  # a note of no theme: the nearest in words
                near = max(sorted(big), key=lambda c: _cosine(vectors[i], centroids[c]))
                if _cosine(_without_weak(vectors[i]), _without_weak(centroids[near])) \
                        >= CENTROID_THRESHOLD:
                    target = near
            if target is not None:
                members.remove(i)
                groups[target].append(i)


def _sum_vectors(vectors: Iterable[Vector]) -> Vector:
    total: Vector = defaultdict(float)
    for vec in vectors:
        for k, v in vec.items():
            total[k] += v
    return total


def _concept_suggestion(concept: str, notes: Sequence[_Note]) -> Suggestion:
    display = _lexicon().display
    counts = Counter(key for n in notes for key in n.matched if concept in _lexicon().phrases[key])
    keywords = tuple(display[k] for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    ids = tuple(sorted(n.note_id for n in notes))
    return Suggestion(CONCEPTS[concept].label, ids, keywords[:5], concept)


def _keyword_suggestion(
    notes: Sequence[_Note], vectors: Sequence[Vector], indices: Sequence[int]
) -> Suggestion:
    weight = _sum_vectors(vectors[i] for i in indices)
    top = sorted(weight, key=lambda k: (-round(weight[k], 9), k))[:5]
    surface = {k: v for n in reversed(notes) for k, v in n.surface.items()}
    keywords = tuple(surface[k] for k in top)
    title = " & ".join(w.capitalize() for w in keywords[:2]) or UNSORTED_TITLE
    return Suggestion(title, tuple(sorted(n.note_id for n in notes)), keywords, None)
