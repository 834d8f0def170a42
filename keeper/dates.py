"""Calendar arithmetic the rules share, with no other import (the prebuilt demo uses it
at start-up, before the day's package is loaded)."""

from __future__ import annotations

import datetime as dt


def monthly_check_ins(start: dt.date, months: int = 6) -> list[dt.date]:
    """One check-in a month after ``start``, on the same day of the month (clamped)."""
    dates = []
    for n in range(1, months + 1):
        month_index = start.month - 1 + n
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = start.day
        while True:
            try:
                dates.append(dt.date(year, month, day))
                break
            except ValueError:
                day -= 1
    return dates
