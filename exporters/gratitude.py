"""Notes of gratitude: which leaders' notes the Keeper has not written yet, and the
thank-you drafted for them from what they did on the day (the notes they wrote, the talk
they gave, the big bet they back, the initiative they own). The Keeper edits the draft in
the Export view; a placeholder in brackets never reaches a slide."""

from __future__ import annotations

from exporters.data import Attendee, ExportData
from keeper.tables.cells import one_line


def unwritten(data: ExportData) -> tuple[Attendee, ...]:
    """The leaders to thank whose note the Keeper has not written."""
    return tuple(a for a in data.leaders_to_thank if not (a.gratitude_note or "").strip())


def drafts(data: ExportData) -> dict[int, str]:
    """The drafted thank-you for each leader whose note is not written, by person id."""
    return {a.person_id: drafted(data, a) for a in unwritten(data)}


def warning(data: ExportData) -> str | None:
    """One line for the Keeper before the deck is written, or None when every note is."""
    missing = unwritten(data)
    if not missing:
        return None
    who = ", ".join(a.name for a in missing[:6]) + (" \u2026" if len(missing) > 6 else "")
    return (f"{len(missing)} of {len(data.leaders_to_thank)} notes of gratitude are not written "
            f"({who}): their slides carry a thank-you drafted from the day. Write your own "
            "in the Export view.")


def _quoted(title: str) -> str:
    return f"\u201c{one_line(title, 60)}\u201d"


def drafted(data: ExportData, person: Attendee) -> str:
    """A thank-you to ``person`` from what they did on the day, in the Keeper's voice."""
    clauses = []
    notes = sum(1 for i in data.ideas if i.author == person.name)
    if notes:
        clauses.append(f"the {notes} opportunit{'y' if notes == 1 else 'ies'} you put on "
                       "the board")
    talks = [t for t in (data.day.talks if data.day else ()) if t.presenter_name == person.name]
    if talks:
        topic = talks[0].strength
        clauses.append(f"your talk on {one_line(topic, 60)}" if topic else
                       "the best practice you shared")
    owned = [p for p in (data.day.plan if data.day else ()) if p.owner_name == person.name]
    if owned:
        clauses.append(f"taking on {_quoted(owned[0].title)}")
    backed = [b for b in data.big_bets if person.name in b.supporter_names]
    if backed and not owned:
        clauses.append(f"backing {_quoted(backed[0].title)}")
    if not clauses:
        return (f"Thank you, {person.first_name}, for your time, your candour and your "
                "energy today.")
    listed = clauses[0] if len(clauses) == 1 else (
        ", ".join(clauses[:-1]) + " and " + clauses[-1])
    return f"Thank you, {person.first_name}, for {listed}. Today was better for it."
