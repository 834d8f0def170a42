"""What the import preview says about each kind of kickoff import: a summary, then one
line per accepted row (+), rejected row (✗) and note (!)."""

from __future__ import annotations

from html import escape

from keeper.kickoff import imports as ki
from ui.kickoff.preview import PreviewText


def _rejections(plan: object) -> list[str]:
    return [f"✗ row {r.row}: {r.reason}" for r in getattr(plan, "rejected", [])]


def survey_text(plan: ki.SurveyPlan) -> PreviewText:
    scales = ", ".join(f"{escape(q.question)} ({q.low:g}–{q.high:g})" for q in plan.questions)
    replaces = (f" They replace the <b>{plan.replaces}</b> responses already in the file."
                if plan.replaces else "")
    summary = (f"<b>{len(plan.accepted)}</b> responses will be imported; "
               f"<b>{len(plan.rejected)}</b> rows are rejected. Ratings: "
               f"{scales or 'none'}.{replaces}")
    lines = []
    for row in plan.accepted:
        who = row.respondent or "anonymous"
        ratings = ", ".join(f"{q} {v:g}" for q, v in row.ratings.items())
        lines.append(f"+ row {row.row}: {who}" + (f" — {ratings}" if ratings else ""))
    lines += _rejections(plan) + [f"! {w}" for w in plan.warnings]
    return PreviewText(summary, lines, len(plan.accepted), "Import")


def audit_text(plan: ki.AuditPlan) -> PreviewText:
    metrics = f" and {len(plan.metric_names)} metrics" if plan.metric_names else ""
    summary = (f"<b>{plan.rating_count}</b> ratings{metrics} for <b>{plan.reps}</b> reps will be "
               f"imported; <b>{len(plan.rejected)}</b> rows are rejected "
               f"({plan.layout} layout).")
    if plan.new_competencies:
        summary += " The eight default competencies are added to the list."
    lines = [f"  {note}" for note in plan.column_notes]
    for row in plan.accepted:
        parts = [f"{len(row.ratings)} ratings"] if row.ratings else []
        parts += [f"{name} {value:g}" for name, value in row.metrics.items()]
        lines.append(f"+ row {row.row}: {row.name}: {', '.join(parts)}")
    lines += _rejections(plan) + [f"! {w}" for w in plan.warnings]
    return PreviewText(summary, lines, len(plan.accepted), "Import")


def attainment_text(plan: ki.AttainmentPlan) -> PreviewText:
    replaced = sum(1 for r in plan.accepted if r.replaces is not None)
    summary = (f"<b>{len(plan.accepted)}</b> reps' attainment will be imported "
               f"({replaced} replace a value already in the file); "
               f"<b>{len(plan.rejected)}</b> rows are rejected.")
    lines = []
    for row in plan.accepted:
        was = f" (was {row.replaces:.0%})" if row.replaces is not None else ""
        lines.append(f"+ row {row.row}: {row.name}: {row.raw} → {row.attainment:.0%} of plan{was}")
    lines += _rejections(plan)
    return PreviewText(summary, lines, len(plan.accepted), "Import")
