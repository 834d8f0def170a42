import json
import random
from collections import Counter
from pathlib import Path

import pytest

from keeper.board.clustering import Suggestion, stem, suggest_clusters
from tests.unit.board.rand_index import adjusted_rand_index

DATA_FILE = Path(__file__).parents[2] / "data" / "opportunity_notes.json"
DATA = json.loads(DATA_FILE.read_text("utf-8"))


def ari_for(notes: list[dict]) -> float:
    suggestions = suggest_clusters([(n["id"], n["text"]) for n in notes])
    label = {i: k for k, s in enumerate(suggestions) for i in s.note_ids}
    return adjusted_rand_index([n["theme"] for n in notes], [label[n["id"]] for n in notes])


def group_of(suggestions: list[Suggestion], note_id: int) -> Suggestion:
    return next(s for s in suggestions if note_id in s.note_ids)


# ------------------------------------------------------------------ adjusted_rand_index

@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1.0),
        ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),  # label names do not matter
        ([0, 0, 1, 2], [0, 0, 1, 1], 0.5714285714285714),
        ([0, 0, 1, 1], [0, 0, 1, 2], 0.5714285714285714),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
        (["a", "a", "b", "b", "c", "c"], ["x", "x", "y", "y", "y", "z"], 0.4444444444444444),
        ([], [], 1.0),
        ([7], [3], 1.0),
    ],
)
def test_ari_known_values(a, b, expected):
    assert adjusted_rand_index(a, b) == pytest.approx(expected)


def test_ari_rejects_length_mismatch():
    with pytest.raises(ValueError):
        adjusted_rand_index([0, 1], [0])


# ------------------------------------------------------------------ quality

@pytest.mark.parametrize("name", ["tuning", "heldout"])
def test_ari_on_labelled_sets(name):
    notes = DATA[name]
    assert len(notes) == 60
    assert len({n["theme"] for n in notes}) == 9
    assert ari_for(notes) >= 0.6


@pytest.mark.parametrize("name", ["stress", "fresh"])
def test_ari_on_harder_sets_stays_useful(name):
    assert ari_for(DATA[name]) >= 0.6


def test_partition_covers_every_note_once():
    notes = [(n["id"], n["text"]) for n in DATA["heldout"]]
    ids = [i for s in suggest_clusters(notes) for i in s.note_ids]
    assert sorted(ids) == sorted(i for i, _ in notes)


def test_low_overlap_wording_grouped():
    notes = [(1, "upsell at renewal"), (2, "expansion revenue"), (3, "reduce churn"),
             (4, "renewals pipeline"), (5, "renewal pipeline"), (6, "grow renewals"),
             (7, "Hire 5 more SDRs"), (8, "recruiting process is too slow"), (9, "faster ramp")]
    suggestions = suggest_clusters(notes)
    assert group_of(suggestions, 1).note_ids == (1, 2, 3, 4, 5, 6)
    assert group_of(suggestions, 7).note_ids == (7, 8, 9)


def test_near_duplicates_grouped_without_lexicon():
    notes = [(1, "Quarterly offsite for the leadership group"),
             (2, "Leadership group offsite - quarterly!"),
             (3, "Volunteer day at the food bank"),
             (4, "volunteering day w/ food bank 🙌")]
    suggestions = suggest_clusters(notes)
    assert group_of(suggestions, 1).note_ids == (1, 2)
    assert group_of(suggestions, 3).note_ids == (3, 4)


def test_unrelated_notes_separated():
    notes = [(1, "Launch reseller program"), (2, "Stop over-discounting"),
             (3, "Clean up CRM data"), (4, "Win/loss interviews"), (5, "Redraw territories")]
    suggestions = suggest_clusters(notes)
    assert all(s.is_singleton for s in suggestions)
    assert len(suggestions) == 5


def test_titles_sensible():
    notes = [(1, "Upsell at renewal time"), (2, "Reduce churn"), (3, "Push NRR to 115%"),
             (4, "Hire 10 AEs"), (5, "Backfill open headcount")]
    suggestions = suggest_clusters(notes)
    renewals = group_of(suggestions, 1)
    assert renewals.title == "Renewals & Expansion"
    assert renewals.concept == "growth"
    assert "churn" in renewals.keywords
    assert group_of(suggestions, 4).title == "Hiring & Talent"
    for s in suggest_clusters([(n["id"], n["text"]) for n in DATA["stress"]]):
        assert s.title.strip()


def test_multi_note_groups_come_before_singletons():
    notes = [(n["id"], n["text"]) for n in DATA["fresh"]] + [(99, "zzz qqq")]
    flags = [s.is_singleton for s in suggest_clusters(notes)]
    assert flags == sorted(flags)


# ------------------------------------------------------------------ determinism

def test_deterministic_and_order_independent():
    notes = [(n["id"], n["text"]) for n in DATA["tuning"] + DATA["heldout"]]
    first = suggest_clusters(notes)
    assert suggest_clusters(notes) == first
    shuffled = notes[:]
    random.Random(3).shuffle(shuffled)
    assert suggest_clusters(shuffled) == first


# ------------------------------------------------------------------ robustness

@pytest.mark.parametrize(
    "text",
    ["", "   ", "🚀🔥💯", "x" * 10_000, "renewal " * 2_000, "זיהוי הזדמנויות מכירה", "تجديد العقود",
     "\x00\x01\x02\x1b[31mred\x7f", "\u202eRTL override\u202c", "a\u0301\u200b\ufeff", "!!!???",
     "12345 67890", "_ _ __"],
)
def test_odd_inputs_do_not_crash(text):
    suggestions = suggest_clusters([(1, text), (2, text), (3, "Upsell at renewal")])
    assert sorted(i for s in suggestions for i in s.note_ids) == [1, 2, 3]
    assert all(s.title for s in suggestions)


def test_empty_input():
    assert suggest_clusters([]) == []


def test_emoji_only_notes_stay_unsorted():
    suggestions = suggest_clusters([(1, "🚀"), (2, "🔥🔥")])
    assert [s.title for s in suggestions] == ["Unsorted", "Unsorted"]


def test_stemmer_is_consistent():
    assert stem("renewals") == stem("renewal") == stem("renew")
    assert stem("hiring") == stem("hire") == stem("hires")
    assert stem("pricing") == stem("price")
    assert stem("leaders") != stem("leads")


# ------------------------------------------------------------------ brainstorms of three industries

BRAINSTORMS = json.loads((DATA_FILE.parent / "brainstorms.json").read_text("utf-8"))
PEOPLE_APART = {  # per set: rep retention, hiring, customer retention (by the answer key)
    "saas": ("Rep retention", "Hiring & ramp", "Customer retention & expansion"),
    "medtech": ("Rep retention", "Recruiting", "Service & account retention"),
    "distribution": ("Rep retention & careers", "Recruiting", "Key account retention"),
}


@pytest.mark.parametrize(("name", "floor"),
                         [("saas", 0.9), ("medtech", 0.55), ("distribution", 0.7)])
def test_ari_on_three_industries(name, floor):
    notes = BRAINSTORMS[name]
    assert 50 <= len(notes) <= 100
    assert ari_for(notes) >= floor


@pytest.mark.parametrize("name", list(PEOPLE_APART))
def test_rep_retention_stays_apart_from_hiring_and_customer_retention(name):
    notes = BRAINSTORMS[name]
    suggestions = suggest_clusters([(n["id"], n["text"]) for n in notes])
    retention, hiring, customers = PEOPLE_APART[name]
    themes = {n["id"]: n["theme"] for n in notes}
    for s in suggestions:
        present = {themes[i] for i in s.note_ids}
        if retention in present:
            assert not present & {hiring, customers}, s.title
    hired = Counter(group_of(suggestions, n["id"]) for n in notes if n["theme"] == hiring)
    assert customers not in {themes[i] for i in hired.most_common(1)[0][0].note_ids}
    retained = [group_of(suggestions, n["id"]) for n in notes if n["theme"] == retention]
    assert retained[0].title == "Rep Retention & Careers"
    assert sum(1 for g in retained if g == retained[0]) >= len(retained) - 1


def test_top_of_funnel_is_one_group_not_two():
    notes = [n for n in BRAINSTORMS["saas"] if n["theme"] == "Top of funnel"]
    suggestions = suggest_clusters([(n["id"], n["text"]) for n in notes])
    assert len(suggestions) == 1 and len(suggestions[0].note_ids) == len(notes)


def test_notes_that_share_only_common_words_are_not_paired():
    notes = [(1, "Calls with customers about fonts"), (2, "Calls about the weather")]
    assert all(s.is_singleton for s in suggest_clusters(notes))
