"""What the board puts on the audience display: the board fitted to the screen, or the
ranking in large type. Both stay current as the Keeper edits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView, QVBoxLayout, QWidget

from keeper import board as bo
from keeper.changes import Changes
from ui.board import style
from ui.board.areas import REFRESH_AREAS
from ui.board.ranking import RankingWidget
from ui.board.scene import BoardScene
from ui.context import AppContext
from ui.graphics import show_scene, still_view


def load_current(context: AppContext) -> bo.BoardData | None:
    """The open offsite's board, read afresh (None with no file open)."""
    if context.store is None or context.offsite_id is None:
        return None
    return bo.load_board(context.store.session, context.offsite_id)


def present(context: AppContext, what: str, show_authors: bool) -> None:
    """Put the ranking (``what == "ranking"``) or else the board on the projector."""
    if what == "ranking":
        context.audience.present("ranking", lambda parent: ProjectorRanking(context, parent))
    else:
        context.audience.present("board", lambda parent: ProjectorBoard(
            context, lambda: load_current(context), show_authors, parent))


def make_projector_view(
    data_source: Callable[[], bo.BoardData | None], show_authors: bool,
    parent: QWidget | None = None,
) -> FittedBoardView:
    """A non-interactive board, fitted to its size (for the audience display)."""
    scene = BoardScene(parent, interactive=False)
    view = FittedBoardView(scene, data_source, show_authors, parent)
    return view


class FittedBoardView(QGraphicsView):
    """The board scaled to fit, not interactive; ``reload`` reads the board again."""

    def __init__(self, scene: BoardScene, data_source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._source = data_source
        self._show_authors = show_authors
        show_scene(self, scene)
        still_view(self, style.CANVAS)
        self.setInteractive(False)
        self.setAccessibleName("Opportunities board")
        self.reload()

    def reload(self) -> None:
        data = self._source()
        if data is not None:
            self._scene.set_data(data, self._show_authors)
        self._fit()

    def _fit(self) -> None:
        rect = self._scene.content_rect()
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()


class ProjectorBoard(QWidget):
    """The board for the audience: fitted, not editable, authors optional; stays current."""

    def __init__(self, context: AppContext, source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = make_projector_view(source, show_authors, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setAccessibleName("Opportunities board (projector)")
        context.data_changed.connect(self.on_data_changed)

    def on_data_changed(self, changes: Changes) -> None:
        if changes & REFRESH_AREAS:
            self.view.reload()


class ProjectorRanking(RankingWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, projector=True)
        self.context = context
        self.reload()
        context.data_changed.connect(self.on_data_changed)

    def reload(self) -> None:
        data = load_current(self.context)
        if data is None:
            return
        self.set_ranking(data.ranking(), {c.id for c in data.clusters if c.big_bet},
                         data.config.mode)

    def on_data_changed(self, changes: Changes) -> None:
        if changes & REFRESH_AREAS:
            self.reload()
