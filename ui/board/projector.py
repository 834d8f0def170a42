"""What the board puts on the audience display: the board fitted to the screen (or zoomed to
the cluster the Keeper has selected, the one being discussed), or the ranking in large type.
Both stay current as the Keeper edits. Authors are off unless the Keeper turns them on; the
surround is the timer's dark; an emoji no installed font can draw is said by name."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF
from PySide6.QtWidgets import QGraphicsView, QVBoxLayout, QWidget

from keeper import board as bo
from keeper.changes import Changes
from keeper.contrast import AUDIENCE_PALETTE
from ui.board.areas import REFRESH_AREAS
from ui.board.ranking import RankingWidget
from ui.board.scene import BoardScene
from ui.board.text_layout import note_font
from ui.context import AppContext
from ui.graphics import show_scene, still_view

PROJECTOR_SURROUND = QColor(AUDIENCE_PALETTE["normal"].background)  # the timer's dark
MIN_TEXT_SHARE = 0.025  # note text at least this share of the screen height, when focused
EMOJI_FAMILIES = ("Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", "Twemoji")
Focus = Callable[[], list[int]]  # the clusters selected on the Keeper's board


def load_current(context: AppContext) -> bo.BoardData | None:
    """The open offsite's board, read afresh (None with no file open)."""
    if context.store is None or context.offsite_id is None:
        return None
    return bo.load_board(context.store.session, context.offsite_id)


def drawable_text(text: str, font: QFont, emoji_font: bool) -> str:
    """``text`` with every character no installed font can draw said by its name in
    brackets ("🚀" -> "(rocket)"), so the room never reads a missing-glyph box."""
    if emoji_font:
        return text
    metrics = QFontMetricsF(font)
    out = []
    for char in text:
        if ord(char) < 0x2000 or char in "\n\t" or metrics.inFontUcs4(ord(char)):
            out.append(char)
        elif unicodedata.category(char) in ("Mn", "Cf") or 0x1F3FB <= ord(char) <= 0x1F3FF:
            # variation selectors, joiners, skin tones: nothing to say
            continue
        else:
            out.append(f"({unicodedata.name(char, 'symbol').lower()})")
    return "".join(out)


_DRAWN: dict[tuple[str, str, bool], str] = {}  # (text, font, emoji font?) -> as drawn


def for_the_room(data: bo.BoardData) -> bo.BoardData:
    """The board as the projector draws it: note texts the room can read (each text
    worked out once: the projector follows every edit, sixty phones' included)."""
    emoji = any(QFontDatabase.hasFamily(f) for f in EMOJI_FAMILIES)
    font = note_font()
    key = font.key()
    notes = []
    for n in data.notes:
        drawn = _DRAWN.get((n.text, key, emoji))
        if drawn is None:
            drawn = _DRAWN[(n.text, key, emoji)] = drawable_text(n.text, font, emoji)
        notes.append(n if drawn == n.text else replace(n, text=drawn))
    return replace(data, notes=tuple(notes))


def present(context: AppContext, what: str, show_authors: bool,
            focus_scene: BoardScene | None = None) -> None:
    """Put the ranking (``what == "ranking"``) or else the board on the projector; with the
    Keeper's ``focus_scene``, the projector zooms to the cluster selected there."""
    if what == "ranking":
        context.audience.present("ranking", lambda parent: ProjectorRanking(context, parent))
    else:
        context.audience.present("board", lambda parent: ProjectorBoard(
            context, lambda: load_current(context), show_authors, parent, focus_scene))


def make_projector_view(
    data_source: Callable[[], bo.BoardData | None], show_authors: bool,
    parent: QWidget | None = None, focus: Focus | None = None,
) -> FittedBoardView:
    """A non-interactive board, fitted to its size (for the audience display)."""
    scene = BoardScene(parent, interactive=False)
    view = FittedBoardView(scene, data_source, show_authors, parent, focus)
    return view


class FittedBoardView(QGraphicsView):
    """The board scaled to fit, not interactive; ``reload`` reads the board again."""

    def __init__(self, scene: BoardScene, data_source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None, focus: Focus | None = None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._source = data_source
        self._show_authors = show_authors
        self._focus = focus
        self.raw: bo.BoardData | None = None  # the board as read, before for_the_room
        show_scene(self, scene)
        still_view(self, PROJECTOR_SURROUND)
        self.setInteractive(False)
        self.setAccessibleName("Opportunities board")
        self.reload()

    def reload(self) -> None:
        data = self.raw = self._source()
        if data is not None:
            self._scene.set_data(for_the_room(data), self._show_authors)
        self._fit()

    def follow(self, context: AppContext, changes: Changes) -> None:
        """Bring the board up to date with an edit: only the items it changed when it
        says which rows it wrote (``bo.patch_board``), else read afresh."""
        store = context.store
        patch = (bo.patch_board(store.session, self.raw, changes)
                 if store is not None and self.raw is not None else None)
        if patch is None:
            self.reload()
            return
        self.raw = patch.data
        self._scene.patch(replace(patch, data=for_the_room(patch.data)))
        self._fit()

    def focus_rect(self) -> QRectF | None:
        """The selected clusters' frames on the Keeper's board, if any."""
        ids = self._focus() if self._focus is not None else []
        rect = QRectF()
        for cluster_id in ids:
            item = self._scene.clusters.get(cluster_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-30, -30, 30, 30) if not rect.isEmpty() else None

    def note_text_px(self) -> float:
        """How tall a note's text is on this screen, in pixels."""
        return note_font().pixelSize() * self.transform().m22()

    def refit(self) -> None:
        self._fit()

    def _fit(self) -> None:
        content = self._scene.content_rect()
        self.setSceneRect(content)
        self.fitInView(self.focus_rect() or content, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()


class ProjectorBoard(QWidget):
    """The board for the audience: fitted, not editable, authors optional; stays current."""

    def __init__(self, context: AppContext, source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None = None,
                 focus_scene: BoardScene | None = None) -> None:
        super().__init__(parent)
        focus = focus_scene.selected_cluster_ids if focus_scene is not None else None
        self.view = make_projector_view(source, show_authors, self, focus)
        if focus_scene is not None:  # the cluster being discussed fills the screen
            focus_scene.selectionChanged.connect(self.view.refit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setAccessibleName("Opportunities board (projector)")
        self.context = context
        context.data_changed.connect(self.on_data_changed)

    def on_data_changed(self, changes: Changes) -> None:
        if changes & REFRESH_AREAS:
            self.view.follow(self.context, changes)


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
