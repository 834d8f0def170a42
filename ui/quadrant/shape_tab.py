"""The Shape tab: shares per quadrant, per manager, the guide's flags, movement.

Everything here is recomputed from the board data with ``keeper.quadrant.rules``
rules; the view calls ``show`` at most once per event-loop turn.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keeper.quadrant.ops import BoardData
from keeper.quadrant.rules import (
    Flag,
    FlagKind,
    Movement,
    RepPlacement,
    flags,
    movements,
    shares,
    shares_by_manager,
)
from ui import palette
from ui.quadrant.bars import ManagerBars, ManagerRow, ShareBars
from ui.quadrant.geometry import ACCENT
from ui.widgets import heading

FLAG_COLOURS = {FlagKind.ENABLEMENT: palette.ENABLE, FlagKind.RETENTION: palette.STAR,
                FlagKind.BREATHER: palette.BREATHER}
FLAG_TITLES = {FlagKind.ENABLEMENT: "Enablement focus",
               FlagKind.RETENTION: "Retention and promotion path",
               FlagKind.BREATHER: "Breathers"}
NO_FLAGS = (f"<span style='color:{palette.TEXT_MUTED_SLATE}'>"
            "No flags: no quadrant is unusually large and "
            "nobody burned out since last time.</span>")


class ShapeTab(QScrollArea):
    """``rep_activated(rep_id)`` when a line of the movement list is activated."""

    rep_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shape = QWidget()
        col = QVBoxLayout(shape)
        col.setContentsMargins(10, 6, 10, 10)
        self.shape_title = heading("Reps per quadrant", wrap=True)
        col.addWidget(self.shape_title)
        self.share_bars = ShareBars()
        col.addWidget(self.share_bars)
        col.addWidget(heading("By manager", wrap=True))
        self.manager_bars = ManagerBars()
        col.addWidget(self.manager_bars)
        col.addWidget(heading("Flags", wrap=True))
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.RichText)
        self.flags_label.setAccessibleName("Flags")
        self.flags_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Minimum)
        col.addWidget(self.flags_label)
        self.movement_title = heading("Movement since the last offsite", wrap=True)
        col.addWidget(self.movement_title)
        self.movement_list = MovementList()
        self._keys: list[OrderKey] = []  # the movement list's rows, by their sort order
        self._key_of: dict[int, OrderKey] = {}  # by rep
        self.movement_list.setAccessibleName("Movement since the last offsite")
        self.movement_list.setMinimumHeight(120)
        self.movement_list.itemActivated.connect(
            lambda item, _column: self.rep_activated.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        col.addWidget(self.movement_list, 1)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(shape)

    def show_shape(self, data: BoardData, current: list[RepPlacement],
                   previous: list[RepPlacement], who: str,
                   highlighted: Callable[[int | None], bool],
                   name: Callable[[int], str]) -> None:
        """``current``/``previous``: the filtered placements; ``who``: whose shares these are;
        ``highlighted(manager_id)``: whether that manager's bar is the one filtered on."""
        self.share_bars.set_result(shares(current))
        self.shape_title.setText(f"Reps per quadrant — {who}")
        by_manager = shares_by_manager(data.current.values())
        rows = []
        for manager_id, team in sorted(by_manager.items(),
                                       key=lambda m: data.managers.get(m[0] or -1, "~")):
            rows.append(ManagerRow(data.managers.get(manager_id or -1, "No manager"), team,
                                   highlighted(manager_id)))
        self.manager_bars.set_rows(rows)
        found = flags(current, previous)
        self.flags_label.setText(flags_html(found, name) if found else NO_FLAGS)

    def show_movement(self, data: BoardData, current: list[RepPlacement],
                      previous: list[RepPlacement], name: Callable[[int], str]) -> None:
        title = data.previous_title or "the last offsite"
        self.movement_title.setText(f"Movement since {title}")
        listing = self.movement_list
        scrolled = listing.verticalScrollBar().value()
        listing.setUpdatesEnabled(False)
        try:
            listing.clear()
            self._keys, self._key_of = [], {}
            if not data.previous_offsite_id:
                listing.addTopLevelItem(QTreeWidgetItem(["No earlier offsite in this file."]))
                return
            moves = sorted(movements(previous, current), key=lambda m: _order(m, name))
            for move in moves:
                key = self._key_of[move.rep_id] = _order(move, name)
                self._keys.append(key)
                listing.addTopLevelItem(_move_item(move, name(move.rep_id)))
        finally:
            listing.verticalScrollBar().setValue(scrolled)  # an edit keeps the place
            listing.setUpdatesEnabled(True)

    def patch_movement(self, moves: dict[int, Movement | None],
                       name: Callable[[int], str]) -> None:
        """Only these reps' rows (``None``: no longer on either board), each taken out
        and put back where the order now puts it; every other row stays as it is."""
        listing = self.movement_list
        keys = self._keys
        for rep_id, move in moves.items():
            old = self._key_of.pop(rep_id, None)
            new = None if move is None else _order(move, name)
            was = None if old is None else bisect_left(keys, old)
            if was is not None:
                del keys[was]
            at = None if new is None else bisect_left(keys, new)
            if at is not None:
                keys.insert(at, new)
                self._key_of[rep_id] = new
            if was is not None and at is not None and abs(at - was) <= SHIFT_IN_PLACE:
                # A short way: the rows between take their neighbour's text, so only
                # those rows repaint (taking a row out lays out and repaints the list).
                step = 1 if at > was else -1
                for row in range(was, at, step):
                    _copy_row(listing.item(row + step), listing.item(row))
                _show_move(listing.item(at), move, name(rep_id))  # type: ignore[arg-type]
                continue
            item = listing.takeTopLevelItem(was) if was is not None else None
            if move is not None and at is not None:
                item = item or QTreeWidgetItem()
                _show_move(item, move, name(rep_id))
                listing.insertTopLevelItem(at, item)


SHIFT_IN_PLACE = 8  # rows a movement row may move by text alone (each repaints)
OrderKey = tuple[int, float, str, int]


def _order(move: Movement, name: Callable[[int], str]) -> OrderKey:
    """Changed quadrant first, the furthest moved first, then by name."""
    return (0 if move.changed_quadrant else 1, -(move.distance or 0), name(move.rep_id),
            move.rep_id)


class MovementList(QTreeWidget):
    """A flat list of rows two lines high (a long row wraps; a longer one ends in "…" and
    shows whole in its tooltip) where a changed row repaints alone: a QListView, or rows
    of their own heights, lay out and repaint every row when one row's text changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformRowHeights(True)
        self.setItemDelegate(_TwoLines(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)

    def count(self) -> int:
        return self.topLevelItemCount()

    def item(self, row: int) -> QTreeWidgetItem:
        return self.topLevelItem(row)


class _TwoLines(QStyledItemDelegate):
    """Every row two lines high, so no row's height depends on its text."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), option.fontMetrics.height() * 2 + 6)


def _move_item(move: Movement, name: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem()
    _show_move(item, move, name)
    return item


def _show_move(item: QTreeWidgetItem, move: Movement, name: str) -> None:
    text, colour = _movement_row(move, name)
    item.setText(0, text)
    item.setToolTip(0, text)
    item.setData(0, Qt.ItemDataRole.UserRole, move.rep_id)
    item.setData(0, Qt.ItemDataRole.ForegroundRole,
                 QBrush(colour) if colour is not None else None)


def _copy_row(source: QTreeWidgetItem, target: QTreeWidgetItem) -> None:
    target.setData(0, Qt.ItemDataRole.UserRole, source.data(0, Qt.ItemDataRole.UserRole))
    target.setData(0, Qt.ItemDataRole.ForegroundRole,
                   source.data(0, Qt.ItemDataRole.ForegroundRole))
    target.setText(0, source.text(0))
    target.setToolTip(0, source.text(0))


def flags_html(found: list[Flag], name: Callable[[int], str]) -> str:
    parts = []
    for flag in found:
        names = ""
        if flag.kind is FlagKind.BREATHER:
            names = "<br><i>" + escape(", ".join(name(i) for i in flag.rep_ids)) + "</i>"
        parts.append(
            f"<p style='margin:0 0 6px 0'><b style='color:{FLAG_COLOURS[flag.kind]}'>⚑ "
            f"{FLAG_TITLES[flag.kind]}.</b> {escape(flag.message)}{names}</p>")
    return "".join(parts)


@lru_cache(maxsize=4096)
def _movement_row(move: Movement, name: str) -> tuple[str, QColor | None]:
    """The list row of one movement: its text and colour (kept: most rows repeat)."""
    colour = ACCENT[move.after] if move.changed_quadrant and move.after is not None else None
    return movement_text(move, name), colour


def movement_text(move: Movement, name: str) -> str:
    if move.is_new:
        return f"{name}: new on the board → {move.after.label if move.after else ''}"
    if move.is_gone:
        return f"{name}: not placed today (was {move.before.label if move.before else ''})"
    arrows = {"up": "↑", "down": "↓"}
    arrow = ""
    if move.motivation_trend:
        arrow += f" motivation {arrows[move.motivation_trend]}"
    if move.skill_trend:
        arrow += f" skill {arrows[move.skill_trend]}"
    if move.changed_quadrant and move.before and move.after:
        return f"{name}: {move.before.label} → {move.after.label}{arrow and ' ·' + arrow}"
    where = move.after.label if move.after else ""
    return f"{name}: stayed in {where}{arrow and ' ·' + arrow}"
