"""The content mix as a horizontal stacked bar against the rule's target."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from keeper.agenda import schedule
from ui import palette
from ui.agenda.colours import BUCKET_COLOURS, BUCKET_NAMES, SHORT_NAMES


class MixBar(QWidget):
    """The content mix as a horizontal stacked bar against the rule's target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: schedule.MixReport | None = None
        self.setMinimumHeight(92)
        self.setAccessibleName("Content mix")

    def set_report(self, report: schedule.MixReport | None) -> None:
        self.report = report
        if report is not None:
            parts = ", ".join(f"{BUCKET_NAMES.get(s.bucket, s.bucket)} {s.share:.0%} "
                              f"(target {s.target:.0%})" for s in report.shares)
            self.setAccessibleDescription(parts)
            self.setToolTip(parts)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 92)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        report = self.report
        w = self.width()
        label_w = 112
        bar_w = max(10, w - label_w - 8)
        small = QFont(self.font())
        small.setPixelSize(12)
        painter.setFont(small)
        if report is None or report.counted_minutes == 0:
            painter.setPen(QColor(palette.TEXT_MUTED_COOL))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter),
                             "Tag sessions (skills, strategy, culture) to see the content mix.")
            painter.end()
            return
        rows = (("This agenda", [(s.bucket, s.share) for s in report.shares]),
                (f"Target {report.rule}", [(s.bucket, s.target) for s in report.shares]))
        for n, (label, parts) in enumerate(rows):
            y = 6 + n * 30
            painter.setPen(QColor(palette.INK_SOFT))
            painter.drawText(QRectF(0, y, label_w, 22),
                             int(Qt.AlignmentFlag.AlignVCenter), label)
            x = float(label_w)
            for bucket, share in parts:
                width = bar_w * share
                if width <= 0:
                    continue
                rect = QRectF(x, y, width, 22)
                painter.fillRect(rect, QColor(BUCKET_COLOURS.get(bucket, palette.DISABLED)))
                if width > 34:
                    painter.setPen(QColor(palette.SURFACE))
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"{share:.0%}")
                x += width
        # legend
        x = float(label_w)
        y = 66
        for share in report.shares:
            painter.fillRect(QRectF(x, y + 5, 10, 10), QColor(BUCKET_COLOURS.get(share.bucket,
                                                                                 palette.DISABLED)))
            text = f"{SHORT_NAMES.get(share.bucket, share.bucket)} {share.minutes} min"
            painter.setPen(QColor(palette.INK_SOFT))
            painter.drawText(QRectF(x + 14, y, 260, 20), int(Qt.AlignmentFlag.AlignVCenter), text)
            x += 14 + painter.fontMetrics().horizontalAdvance(text) + 10
        painter.end()
