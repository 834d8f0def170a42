"""What the day's slides put on the projector, and what they keep on the laptop."""

from __future__ import annotations

from keeper.day.okrs import OkrRow
from keeper.day.slides import POSTMORTEM_PROMPTS, okr_slide, question_slide

SAID = ("QBRs caught churn early", "Renewals arrive late", "CSMs call 90 days out")


def okr(**changes: object) -> OkrRow:
    values: dict[str, object] = dict(
        id=7, kind="review", position=1, objective="Renewal rate at 92% or better",
        target="92%", result="93.5%", hit=True, went_well=SAID[0], went_badly=SAID[1],
        on_the_floor=SAID[2], agenda_item_id=None, agenda_title=None, agenda_minutes=None,
        carried_from_id=None)
    values.update(changes)
    return OkrRow(**values)  # type: ignore[arg-type]


def test_an_okr_slide_has_the_objective_measures_verdict_and_the_three_questions() -> None:
    slide = okr_slide(2, 4, okr())
    assert slide.caption == "OKR postmortem 2 of 4 · Hit"
    assert slide.text == "Renewal rate at 92% or better"
    assert slide.lines[0] == "Target: 92%   ·   Result: 93.5%"
    assert all(prompt in slide.lines[1] for prompt in POSTMORTEM_PROMPTS)
    words = " ".join([slide.caption, slide.text, *slide.lines])
    assert not any(said in words for said in SAID)  # what the room says stays on the laptop


def test_an_undecided_okr_goes_up_without_a_verdict_or_empty_measures() -> None:
    slide = okr_slide(1, 4, okr(hit=None, target=None, result=""))
    assert slide.caption == "OKR postmortem 1 of 4"
    assert len(slide.lines) == 1 and "What went well?" in slide.lines[0]
    assert okr_slide(1, 4, okr(hit=False)).caption.endswith("· Missed")


def test_a_question_slide_is_the_question_alone() -> None:
    slide = question_slide(3, 5, "Why are we missing on staffing?")
    assert (slide.caption, slide.text, slide.lines) == (
        "North-star question 3 of 5", "Why are we missing on staffing?", ())
