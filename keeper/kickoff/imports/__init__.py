"""Kickoff imports from a spreadsheet (.xlsx or .csv): preview, row report, all or nothing.

Three files come from outside the room:

* **Attendee survey** of the last kickoff (:mod:`~keeper.kickoff.imports.survey`): an
  optional respondent, *what went well*, *what to improve*, and any number of numeric
  rating columns (the header may give the scale: ``Overall (1-5)``; otherwise 0–10).
* **Reality audit** (:mod:`~keeper.kickoff.imports.audit`, its columns read by
  :mod:`~keeper.kickoff.imports.audit_columns`): rep, competency, self rating, manager
  rating (1–10), one row per rep and competency; or *wide*, one column per competency
  (``Discovery questioning (self)``, ``… (manager)``; unmarked columns are read as self
  ratings unless told otherwise or a *Rater* column says so); plus any numeric per-rep
  metric columns (win rate, deal velocity, …).
* **Plan attainment** (:mod:`~keeper.kickoff.imports.attainment`): rep and attainment as
  ``112%``, ``1.12`` or ``112``.

Planning reads and checks every row and writes nothing; the report says why each
rejected row is rejected (rows and reports as in :mod:`keeper.people.roster`, the shared
reading in :mod:`~keeper.kickoff.imports.reading`). Applying writes every accepted row in
one transaction (one undo step), so nothing is ever half imported.
"""

from keeper.kickoff.imports.attainment import (
    ATTAINMENT_HEADERS,
    AttainmentPlan,
    AttainmentRow,
    import_attainment,
    plan_attainment,
)
from keeper.kickoff.imports.audit import AuditPlan, AuditRow, import_audit, plan_audit
from keeper.kickoff.imports.audit_columns import FIELD_WORDS, MANAGER, SELF, match_competency
from keeper.kickoff.imports.reading import SkoImportError, read_sheet
from keeper.kickoff.imports.survey import (
    RatingColumn,
    SurveyPlan,
    SurveyRow,
    import_survey,
    plan_survey,
)

__all__ = [
    "ATTAINMENT_HEADERS", "FIELD_WORDS", "MANAGER", "SELF",
    "AttainmentPlan", "AttainmentRow", "AuditPlan", "AuditRow", "RatingColumn",
    "SkoImportError", "SurveyPlan", "SurveyRow",
    "import_attainment", "import_audit", "import_survey", "match_competency",
    "plan_attainment", "plan_audit", "plan_survey", "read_sheet",
]
