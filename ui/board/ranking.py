"""The ranking drawn as horizontal bars, most support first; ties share a rank ("=2")."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from keeper.board.tally import IdeaKind, RankedEntry, TallyMode, support_count
from ui import palette
from ui.board import style


def rank_label(entry: RankedEntry) -> str:
    return f"={entry.rank}" if entry.tied else str(entry.rank)


class RankingWidget(QWidget):
    """Bars for clusters (and any supported loose note), sorted by the tally rules.

    ``projector=True`` draws large type on a dark-free, high-contrast canvas and
    shows as many rows as fit.
    """

    def __init__(self, parent: QWidget | None = None, *, projector: bool = False) -> None:
        super().__init__(parent)
        self.projector = projector
        self.entries: list[RankedEntry] = []
        self.big_bets: set[int] = set()
        self.unit = "supporters"
        self.title = "Which ideas have the most support"
        self.setAccessibleName("Ranking of ideas by support")
        self.setSizePolicy(QSizePolicy.Policy.Expanding,
                           QSizePolicy.Policy.Expanding if projector
                           else QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(palette.SURFACE))
        self.setPalette(pal)

    def set_ranking(self, entries: list[RankedEntry], big_bets: set[int], mode: TallyMode) -> None:
        # clusters always; a loose note only once someone supports it
        self.entries = [e for e in entries if e.kind is IdeaKind.CLUSTER or e.count > 0]
        self.big_bets = big_bets
        self.unit = "dots" if mode is TallyMode.DOTS else "supporters"
        lines = [f"{rank_label(e)}. {e.title}: {support_count(e.count, mode)}"
                 for e in self.entries]
        self.setAccessibleDescription("; ".join(lines) or "No ideas yet")
        self.setToolTip("\n".join(lines[:30]))
        self.updateGeometry()
        self.update()

    def _row_h(self) -> float:
        if not self.projector:
            return 30.0
        rows = max(len(self.entries), 6)
        return max(36.0, min(90.0, (self.height() - 140) / min(rows, 12)))

    def sizeHint(self) -> QSize:  # noqa: N802
        if self.projector:
            return QSize(1280, 720)
        return QSize(320, int(48 + max(1, len(self.entries)) * self._row_h()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 80) if not self.projector else QSize(320, 200)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w = float(self.width())
        margin = 48.0 if self.projector else 8.0
        top = margin
        if self.projector:
            head = QFont()
            head.setPixelSize(round(max(28.0, self.height() / 18)))
            head.setBold(True)
            painter.setFont(head)
            painter.setPen(style.INK)
            painter.drawText(QRectF(margin, top, w - 2 * margin, head.pixelSize() * 1.4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.title)
            top += head.pixelSize() * 1.4 + 24
        if not self.entries:
            painter.setPen(style.MUTED)
            font = QFont()
            font.setPixelSize(28 if self.projector else 13)
            painter.setFont(font)
            painter.drawText(QRectF(margin, top, w - 2 * margin, 60),
                             Qt.AlignmentFlag.AlignLeft, "No ideas on the board yet.")
            return
        row_h = self._row_h()
        text_px = round(row_h * (0.42 if self.projector else 0.45))
        font = QFont()
        font.setPixelSize(text_px)
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetricsF(font)
        rank_w = QFontMetricsF(bold).horizontalAdvance("=88") + 10
        title_w = min(w * 0.42, max(120.0, w * 0.38))
        bar_x = margin + rank_w + title_w + 12
        count_w = QFontMetricsF(bold).horizontalAdvance("888") + 12
        bar_max = max(20.0, w - margin - bar_x - count_w)
        top_count = max((e.count for e in self.entries), default=0) or 1
        visible = self.entries
        if self.projector:
            visible = self.entries[: max(1, int((self.height() - top - margin) // row_h))]
        for i, e in enumerate(visible):
            y = top + i * row_h
            if not self.projector and i % 2 == 1:
                painter.fillRect(QRectF(0, y, w, row_h), QColor(palette.SURFACE_ROW_ALT))
            painter.setFont(bold)
            painter.setPen(style.MUTED if e.tied else style.INK)
            painter.drawText(QRectF(margin, y, rank_w - 8, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             rank_label(e))
            title = ("\u2605 " if e.id in self.big_bets and e.kind is IdeaKind.CLUSTER else "")
            title += e.title.replace("\n", " ")
            painter.setFont(font)
            painter.setPen(style.INK)
            painter.drawText(QRectF(margin + rank_w, y, title_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_w))
            bar_len = bar_max * e.count / top_count
            bet = e.kind is IdeaKind.CLUSTER and e.id in self.big_bets
            colour = style.BET_GOLD if bet else style.ACCENT
            if e.kind is IdeaKind.NOTE:
                colour = QColor(palette.TEXT_FAINT_BOARD)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            bar = QRectF(bar_x, y + row_h * 0.22, max(bar_len, 3.0), row_h * 0.56)
            painter.drawRoundedRect(bar, 4, 4)
            painter.setFont(bold)
            painter.setPen(style.INK)
            painter.drawText(QRectF(bar.right() + 8, y, count_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(e.count))
        if self.projector and len(visible) < len(self.entries):
            painter.setFont(font)
            painter.setPen(style.MUTED)
            rest = len(self.entries) - len(visible)
            painter.drawText(QRectF(margin, top + len(visible) * row_h, w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"+ {rest} more")
        painter.end()
