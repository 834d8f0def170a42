"""The board as a text list (groups and their notes), for screen readers and keyboard users."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from keeper import board as bo
from keeper.board.tally import IdeaKind, TallyMode


class NotesList(QTreeWidget):
    """The board as text, for screen readers and keyboard users: groups and their notes."""

    idea_selected = Signal(object)  # (IdeaKind, id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Note", "Author", "Support"])
        self.setAccessibleName("Notes on the board, by group")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemSelectionChanged.connect(self._selected)
        self._loading = False
        self._dirty = False
        self._data: bo.BoardData | None = None
        self._show_authors = True
        self._pending: tuple[IdeaKind, int] | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 400)

    def set_data(self, data: bo.BoardData, show_authors: bool = True) -> None:
        """Filled now if shown, else when it is next shown (it is rebuilt on every edit)."""
        self._data, self._show_authors = data, show_authors
        if self.isVisible():
            self._fill()
        else:
            self._dirty = True

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self._dirty:
            self._fill()

    def _fill(self) -> None:
        data, show_authors = self._data, self._show_authors
        if data is None:
            return
        self._dirty = False
        self._loading = True
        self.setUpdatesEnabled(False)
        try:
            selected = self._pending if self._pending is not None else self.current_idea()
            self._pending = None
            self.clear()
            people = {p.id: p.name for p in data.people}
            direct: dict[int, int] = {}
            for s in data.supports:
                if s.note_id is not None:
                    direct[s.note_id] = direct.get(s.note_id, 0) + (
                        s.dots if data.config.mode is TallyMode.DOTS else 1)
            counts = {(e.kind, e.id): e.count for e in data.entries()}
            by_cluster: dict[int | None, list[bo.BoardNote]] = {}
            for n in data.notes:
                by_cluster.setdefault(n.cluster_id, []).append(n)
            tops: list[QTreeWidgetItem] = []
            for c in data.clusters:
                top = QTreeWidgetItem([
                    ("\u2605 " if c.big_bet else "") + c.title,
                    f"{len(by_cluster.get(c.id, []))} notes",
                    str(counts.get((IdeaKind.CLUSTER, c.id), 0)),
                ])
                top.setData(0, Qt.ItemDataRole.UserRole, (IdeaKind.CLUSTER, c.id))
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                top.addChildren([self._note_item(n, people, direct, show_authors)
                                 for n in by_cluster.get(c.id, [])])
                tops.append(top)
            known = {c.id for c in data.clusters}
            loose = [n for n in data.notes if n.cluster_id not in known]
            if loose:
                top = QTreeWidgetItem(["Not grouped yet", f"{len(loose)} notes", ""])
                top.addChildren([self._note_item(n, people, direct, show_authors)
                                 for n in loose])
                tops.append(top)
            self.addTopLevelItems(tops)
            for top in tops:
                top.setExpanded(True)
            self.setColumnWidth(0, 260)
            self.setColumnWidth(1, 120)
        finally:
            self._loading = False
            self.setUpdatesEnabled(True)
        self.select_idea(selected)

    @staticmethod
    def _note_item(n: bo.BoardNote, people: dict[int, str], direct: dict[int, int],
                   show_authors: bool) -> QTreeWidgetItem:
        text = n.text.replace("\n", " ")
        item = QTreeWidgetItem([text[:200], people.get(n.author_id or -1, "")
                                if show_authors else "", str(direct.get(n.id, "")) or ""])
        if len(text) > 60:
            item.setToolTip(0, n.text[:1000])
        item.setData(0, Qt.ItemDataRole.UserRole, (IdeaKind.NOTE, n.id))
        return item

    def current_idea(self) -> tuple[IdeaKind, int] | None:
        item = self.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, tuple) else None

    def select_idea(self, idea: tuple[IdeaKind, int] | None) -> None:
        if self._dirty:
            self._pending = idea
            return
        if idea is None:
            self.setCurrentItem(None)  # type: ignore[arg-type]
            self.clearSelection()
            return
        self._loading = True
        try:
            it = self.invisibleRootItem()
            stack = [it.child(i) for i in range(it.childCount())]
            while stack:
                item = stack.pop()
                if item.data(0, Qt.ItemDataRole.UserRole) == idea:
                    self.setCurrentItem(item)
                    self.scrollToItem(item)
                    return
                stack += [item.child(i) for i in range(item.childCount())]
            self.clearSelection()
        finally:
            self._loading = False

    def _selected(self) -> None:
        if not self._loading:
            self.idea_selected.emit(self.current_idea())
