"""The ``AppContext.data_changed`` areas the board writes to and redraws on."""

from __future__ import annotations

AREA = "board"
REFRESH_AREAS = ("board", "offsite", "people")
