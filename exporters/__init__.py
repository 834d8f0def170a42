"""Writers for the files the Keeper takes home: the tally workbook and the offsite deck.

Reads ``keeper/`` only; never imports PySide6 or ``ui/``. Import lazily (openpyxl and
python-pptx cost ~230 ms together): only when exporting.
"""

from keeper.tables.atomic import ExportError

__all__ = ["ExportError"]
