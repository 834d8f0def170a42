"""The agenda table's columns, the item field each edits, and the drag-and-drop MIME type."""

from __future__ import annotations

COLUMNS = ("Day", "Start", "Title", "Kind", "Minutes", "Presenter", "Content", "Format",
           "Protected", "Amber (s)", "Red (s)", "Notes", "Actual")
C_DAY, C_START, C_TITLE, C_KIND, C_MIN, C_PRESENTER, C_TAG, C_FORMAT, C_PROT, C_AMBER, C_RED, \
    C_NOTES, C_ACTUAL = range(len(COLUMNS))
FIELD = {C_DAY: "day", C_TITLE: "title", C_KIND: "kind", C_MIN: "planned_minutes",
         C_PRESENTER: "presenter_id", C_TAG: "content_tag", C_FORMAT: "session_format",
         C_PROT: "protected", C_AMBER: "warn_amber_s", C_RED: "warn_red_s", C_NOTES: "notes"}
SPIN_RANGE = {C_DAY: (1, 14), C_MIN: (1, 600), C_AMBER: (0, 3600), C_RED: (0, 3600)}
MIME = "application/x-keeper-agenda-ids"
