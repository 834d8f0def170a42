"""The ``AppContext.data_changed`` areas the board redraws on."""

from __future__ import annotations

from keeper.changes import Changes

REFRESH_AREAS = Changes(board=True, offsite=True, people=True)
