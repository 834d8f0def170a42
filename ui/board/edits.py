"""The board's edits, as the base of ``BoardView``: drags turned into moves, grouping,
rename and note edits, merge, dissolve, tidy, arrange, delete, and the context menu.

Each edit is one ``keeper.board`` operation (or a ``Composite`` of them) run through
``run`` (committed at once, undoable); the subclass builds the widgets and says why an
edit was refused.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QWidget

from keeper import board as bo
from keeper.board.tally import IdeaKind
from keeper.ops import Composite, Operation
from ui.board.canvas import BoardCanvas
from ui.board.note_dialog import NoteDialog
from ui.board.scene import BoardScene


class BoardEdits(QWidget):
    data: bo.BoardData | None
    scene: BoardScene
    canvas: BoardCanvas
    actions_by_name: dict[str, QAction]

    def run(self, op: Operation) -> bool:
        """Apply an edit; False (and the reason said) when it cannot be made."""
        raise NotImplementedError

    def say(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    def selected_idea(self) -> tuple[IdeaKind, int] | None:
        return self.scene.selected_idea()

    # ----- drag and drop --------------------------------------------------------------
    def _on_moved(self, note_moves: list[tuple[int, float, float]],
                  cluster_moves: list[tuple[int, float, float]], drop: QPointF) -> None:
        if self.data is None:
            return
        parts: list[Operation] = []
        moved_notes = {m[0] for m in note_moves}
        for cluster_id, dx, dy in cluster_moves:
            parts.append(bo.MoveCluster(cluster_id, dx, dy, skip_notes=moved_notes))
        if note_moves:
            if cluster_moves:  # notes dragged along with frames keep their group
                homes = {n.id: n.cluster_id for n in self.data.notes}
                target = None
                moves = [bo.NoteMove(i, x, y, homes.get(i)) for i, x, y in note_moves]
            else:
                hit = self.scene.cluster_item_at(drop)
                target = hit.cluster.id if hit is not None else None
                moves = [bo.NoteMove(i, x, y, target) for i, x, y in note_moves]
            parts.append(bo.MoveNotes(moves))
        op: Operation = parts[0] if len(parts) == 1 else Composite(parts, text="Move")
        self.run(op)

    # ----- grouping -------------------------------------------------------------------
    def group_selection(self, title: str | None = None) -> None:
        if self.data is None:
            return
        notes = self.scene.selected_note_ids()
        if not notes:
            self.say("Select the notes to group first (drag a box around them).", error=True)
            return
        if title is None:
            title, ok = QInputDialog.getText(self, "Group notes", "Name of the new group:",
                                             text=self._guess_title(notes))
            if not ok:
                return
        op = bo.CreateCluster(self.data.offsite_id, notes, title or bo.DEFAULT_CLUSTER_TITLE)
        if self.run(op) and op.cluster_id in self.scene.clusters:
            self.scene.select_only([self.scene.clusters[op.cluster_id]])

    def _guess_title(self, note_ids: list[int]) -> str:
        if self.data is None:
            return bo.DEFAULT_CLUSTER_TITLE
        try:
            from keeper.board.clustering import suggest_clusters

            texts = [(n.id, n.text) for n in self.data.notes if n.id in set(note_ids)]
            found = suggest_clusters(texts[:200])
            best = max(found, key=lambda s: len(s.note_ids), default=None)
            if best is not None and len(best.note_ids) > 1:
                return best.title
        except Exception:  # a naming hint must never block grouping
            pass
        return bo.DEFAULT_CLUSTER_TITLE

    def edit_selected(self, text: str | None = None) -> None:
        if self.data is None:
            return
        idea = self.selected_idea()
        if idea is None:
            return
        kind, idea_id = idea
        if kind is IdeaKind.CLUSTER:
            cluster = self.data.cluster(idea_id)
            if cluster is None:
                return
            if text is None:
                text, ok = QInputDialog.getText(self, "Rename group", "Name:", text=cluster.title)
                if not ok:
                    return
            if text != cluster.title:
                try:
                    self.run(bo.RenameCluster(idea_id, text))
                except bo.BoardError as exc:
                    self.say(str(exc), error=True)
            return
        note = self.data.note(idea_id)
        if note is None:
            return
        author = note.author_id
        if text is None:
            dialog = NoteDialog(self.data, note, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text, author = dialog.text.toPlainText(), dialog.author.currentData()
        if text == note.text and author == note.author_id:
            return
        try:
            self.run(bo.EditNote(idea_id, text, author))
        except bo.BoardError as exc:
            self.say(str(exc), error=True)

    def merge_selection(self) -> None:
        if self.data is None:
            return
        ids = self.scene.selected_cluster_ids()
        if len(ids) < 2:
            self.say("Select two or more groups to merge (Ctrl+click their titles).", error=True)
            return
        sizes = {c: len(self.data.notes_in(c)) for c in ids}
        into = max(ids, key=lambda c: (sizes[c], -c))  # the biggest group stays in place
        self.run(bo.MergeClusters(into, [c for c in ids if c != into]))

    def dissolve_selection(self) -> None:
        ids = self.scene.selected_cluster_ids()
        if not ids:
            return
        ops: list[Operation] = [bo.DissolveCluster(c) for c in ids]
        self.run(ops[0] if len(ops) == 1 else Composite(ops, text=f"Dissolve {len(ops)} groups"))

    def tidy_selection(self) -> None:
        ids = self.scene.selected_cluster_ids()
        if ids:
            ops: list[Operation] = [bo.TidyCluster(c) for c in ids]
            self.run(ops[0] if len(ops) == 1 else Composite(ops, text="Tidy groups"))

    def arrange_board(self) -> None:
        viewport = self.canvas.viewport()  # packed to the shape of this screen
        aspect = viewport.width() / max(1, viewport.height())
        if self.data is not None and self.run(bo.ArrangeBoard(self.data.offsite_id, aspect)):
            self.canvas.fit_all()

    def delete_selection(self) -> None:
        notes = self.scene.selected_note_ids()
        clusters = self.scene.selected_cluster_ids()
        parts: list[Operation] = [bo.DissolveCluster(c) for c in clusters]
        if notes:
            parts.append(bo.DeleteNotes(notes))
        if not parts:
            return
        self.run(parts[0] if len(parts) == 1 else Composite(parts, text="Delete"))

    def _context_menu(self, screen_pos: object) -> None:
        menu = QMenu(self)
        for name in ("rename", "group", "merge", "tidy", "dissolve", "delete"):
            menu.addAction(self.actions_by_name[name])
        idea = self.selected_idea()
        if idea is not None and idea[0] is IdeaKind.CLUSTER and self.data is not None:
            cluster = self.data.cluster(idea[1])
            if cluster is not None:
                menu.addSeparator()
                bet = menu.addAction("Unmark big bet" if cluster.big_bet else "Mark as big bet")
                bet.triggered.connect(lambda: self.run(
                    bo.SetBigBet(cluster.id, not cluster.big_bet, cluster.initiative_id)))
        point = screen_pos.toPoint() if isinstance(screen_pos, QPointF) else None
        if point is not None:
            menu.popup(point)

