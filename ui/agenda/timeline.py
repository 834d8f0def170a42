"""One day planned (top lane) against actual (bottom lane), with the hours and now."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from keeper.agenda import rules as agenda_rules
from keeper.agenda import schedule
from ui import palette
from ui.agenda.colours import tag_colour


class DayTimeline(QWidget):
    """Planned (top lane) against actual (bottom lane) for one day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[schedule.PlannedVsActual] = []
        self.entries: dict[int, schedule.AgendaEntry] = {}
        self.now: dt.datetime | None = None
        self.setMinimumHeight(92)
        self.setAccessibleName("Day timeline, planned against actual")

    def set_rows(self, rows: list[schedule.PlannedVsActual],
                 entries: list[schedule.AgendaEntry], now: dt.datetime) -> None:
        self.rows, self.now = rows, now
        self.entries = {e.id: e for e in entries}
        late = [r.over_minutes for r in rows if r.over_minutes is not None]
        self.setAccessibleDescription(
            f"{len(rows)} items; {sum(1 for r in rows if r.actual_start)} run so far"
            + (f"; {sum(late):+.0f} min against plan" if late else "")
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 92)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPixelSize(12)
        painter.setFont(small)
        if not self.rows or self.now is None:
            painter.end()
            return
        now = self.now

        def aware(moment: dt.datetime) -> dt.datetime:
            return moment.astimezone(now.tzinfo) if moment.tzinfo else moment.replace(
                tzinfo=now.tzinfo)

        start = aware(self.rows[0].planned_start)
        ends = [aware(self.rows[-1].planned_end)]
        for r in self.rows:
            if r.actual_start is not None:
                ends.append(aware(r.actual_end) if r.actual_end else now)
        starts = [start] + [aware(r.actual_start) for r in self.rows if r.actual_start]
        t0, t1 = min(starts), max(ends)
        span = max(60.0, (t1 - t0).total_seconds())
        label_w = 64
        width = max(10, self.width() - label_w - 8)

        def x_of(moment: dt.datetime) -> float:
            return label_w + width * (aware(moment) - t0).total_seconds() / span

        lanes = (("Planned", 6), ("Actual", 34))
        for name, y in lanes:
            painter.setPen(QColor(palette.INK_SOFT))
            painter.drawText(QRectF(0, y, label_w, 22), int(Qt.AlignmentFlag.AlignVCenter), name)
        for r in self.rows:
            entry = self.entries.get(r.item_id)
            colour = QColor(tag_colour(entry) if entry else palette.DISABLED)
            a, b = x_of(r.planned_start), x_of(r.planned_end)
            painter.fillRect(QRectF(a, 6, max(1.0, b - a - 1), 22), colour)
            if r.actual_start is not None:
                end = r.actual_end if r.actual_end is not None else now
                a, b = x_of(r.actual_start), x_of(end)
                over = agenda_rules.ran_over(r)
                painter.fillRect(QRectF(a, 34, max(1.0, b - a - 1), 22), colour)
                if over:
                    painter.fillRect(QRectF(a, 54, max(1.0, b - a - 1), 3), QColor(palette.LATE))
        # hour ticks
        painter.setPen(QColor(palette.TEXT_FAINT))
        hour = t0.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
        while hour < t1:
            x = x_of(hour)
            painter.drawLine(int(x), 60, int(x), 64)
            painter.drawText(QRectF(x - 24, 64, 48, 18), int(Qt.AlignmentFlag.AlignCenter),
                             f"{hour:%H:%M}")
            hour += dt.timedelta(hours=1)
        if t0 <= now <= t1:
            painter.setPen(QPen(QColor(palette.LATE), 2))
            x = x_of(now)
            painter.drawLine(int(x), 2, int(x), 60)
        painter.end()
