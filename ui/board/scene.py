"""The whiteboard: sticky notes and cluster frames in a QGraphicsScene, and the view on it.

Performance (DESIGN.md): note text is laid out once into cached ``QStaticText``
lines and notes use ``DeviceCoordinateCache``; below a readable zoom the text
is drawn as grey bars; the scene keeps its default BSP index.
Qt traps: no ``__slots__`` on the item classes; the scene is kept referenced
by its view (``self._scene``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmapCache,
    QStaticText,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from keeper import board as bo
from keeper.tally import TallyMode
from ui.board import style

NOTE_W, NOTE_H = bo.NOTE_W, bo.NOTE_H
TEXT_PAD = 11.0
MAX_LINES = 4
READABLE_LOD = 0.42  # below this zoom, text is drawn as bars
_NOTE_BOUNDS = QRectF(-2, -2, NOTE_W + 6, NOTE_H + 7)
MIN_ZOOM, MAX_ZOOM = 0.04, 4.0


def note_font() -> QFont:
    font = QFont()
    font.setPixelSize(15)
    return font


def wrap_lines(
    text: str, font: QFont, width: float, max_lines: int, last_width: float | None = None
) -> list[str]:
    """Greedy word wrap measured with the font that draws it.

    At most ``max_lines`` lines; the last may be narrower (``last_width``, room for a
    badge) and ends with "…" when text is cut. Words longer than a line are broken.
    """
    metrics = QFontMetricsF(font)
    last_width = width if last_width is None else last_width

    def room(index: int) -> float:
        return last_width if index == max_lines - 1 else width

    lines: list[str] = []
    cut = False
    paragraphs = [p.split() for p in text.split("\n")]
    paragraphs = [words for words in paragraphs if words]
    for p_index, words in enumerate(paragraphs):
        if len(lines) >= max_lines:
            cut = True
            break
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(candidate) <= room(len(lines)):
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
            while len(lines) < max_lines and metrics.horizontalAdvance(word) > room(len(lines)):
                keep = len(word) - 1  # break a word longer than the line
                while keep > 1 and metrics.horizontalAdvance(word[:keep]) > room(len(lines)):
                    keep = max(1, int(keep * 0.8)) if keep > 40 else keep - 1
                lines.append(word[:keep])
                word = word[keep:]
            if len(lines) >= max_lines:
                cut = True
                break
            current = word
        if cut:
            break
        if current:
            lines.append(current)
        if len(lines) > max_lines or (len(lines) == max_lines and p_index < len(paragraphs) - 1):
            cut = True
            break
    lines = lines[:max_lines]
    if cut and lines:
        last = lines[-1]
        limit = room(len(lines) - 1)
        while last and metrics.horizontalAdvance(last + "…") > limit:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines or [""]


class NoteItem(QGraphicsRectItem):
    """A sticky note: wrapped text, the author's colour and initials, its own support.

    A rect item so that Qt asks C++ for its bounds (no Python call per item per paint).
    """

    def __init__(self, note: bo.BoardNote) -> None:
        super().__init__(_NOTE_BOUNDS)
        self.setPen(Qt.PenStyle.NoPen)
        self.note = note
        self.colour = style.PLAIN_NOTE
        self.initials = ""
        self.author = ""
        self.show_author = True
        self.support = 0
        self.cluster_id: int | None = note.cluster_id
        self._lines: list[QStaticText] | None = None
        self._rtl = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.setPos(note.x, note.y)
        self.setAcceptHoverEvents(False)

    def update_from(
        self,
        note: bo.BoardNote,
        person: bo.BoardPerson | None,
        support: int,
        show_author: bool,
    ) -> None:
        colour = (
            style.person_colour(person.colour if person else None, note.author_id)
            if show_author else style.PLAIN_NOTE
        )
        initials = person.initials if (person and show_author) else ""
        author = person.name if person else ""
        changed = (
            note.text != self.note.text or colour != self.colour or initials != self.initials
            or support != self.support or show_author != self.show_author
        )
        if note.text != self.note.text:
            self._lines = None
        self.note, self.colour, self.initials, self.author = note, colour, initials, author
        self.support, self.show_author = support, show_author
        self.cluster_id = note.cluster_id
        if self.pos() != QPointF(note.x, note.y):
            self.setPos(note.x, note.y)
        tip = note.text[:500] + ("\n— " + author if author and show_author else "")
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if changed:
            self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, NOTE_W, NOTE_H))
        return path

    def _text_lines(self) -> list[QStaticText]:
        if self._lines is None:
            font = note_font()
            self._rtl = style.is_rtl(self.note.text)
            width = NOTE_W - 2 * TEXT_PAD
            wrapped = wrap_lines(self.note.text, font, width, MAX_LINES, width - 26)
            self._lines = []
            for line in wrapped:
                st = QStaticText(line)
                st.setTextFormat(Qt.TextFormat.PlainText)
                st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
                st.prepare(QTransform(), font)
                self._lines.append(st)
        return self._lines

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        body = QRectF(0, 0, NOTE_W, NOTE_H)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(16, 24, 40, 28))
        painter.drawRoundedRect(body.translated(1.5, 3), 5, 5)
        fill = style.tint(self.colour, 0.80) if self.show_author else self.colour
        painter.setBrush(fill)
        painter.drawRoundedRect(body, 5, 5)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(0, 0, NOTE_W, 6), 3, 3)
        painter.drawRect(QRectF(0, 3, NOTE_W, 3))
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(style.ACCENT, 3))
            painter.drawRoundedRect(body.adjusted(-1, -1, 1, 1), 6, 6)
        if lod < READABLE_LOD:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(31, 36, 48, 70))
            lines = min(3, max(1, len(self.note.text) // 22 + 1))
            for i in range(lines):
                w = (NOTE_W - 2 * TEXT_PAD) * (0.9 if i < lines - 1 else 0.55)
                painter.drawRect(QRectF(TEXT_PAD, 18 + i * 18, w, 9))
            return
        painter.setPen(style.INK)
        painter.setFont(note_font())
        y = 14.0
        width = NOTE_W - 2 * TEXT_PAD
        for st in self._text_lines():
            x = TEXT_PAD + (width - st.size().width() if self._rtl else 0)
            painter.drawStaticText(QPointF(x, y), st)
            y += 18.5
        if self.initials:
            badge = QRectF(NOTE_W - 30, NOTE_H - 28, 22, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour)
            painter.drawEllipse(badge)
            font = QFont()
            font.setPixelSize(10)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.initials)
        if self.support:
            pill = QRectF(TEXT_PAD - 2, NOTE_H - 26, 34, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(pill, 9, 9)
            font = QFont()
            font.setPixelSize(11)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(style.INK)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, f"\u25CF {self.support}")


class ClusterItem(QGraphicsItem):
    """A named frame; dragging it carries its notes."""

    def __init__(self, cluster: bo.BoardCluster) -> None:
        super().__init__()
        self.cluster = cluster
        self.rect = QRectF(0, 0, cluster.width, cluster.height)
        self.subtitle = ""
        self.initiative = ""
        self.highlight = False
        self.projector = False  # larger titles for the audience
        self.members: list[NoteItem] = []
        self._moving_members = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(0)  # not cached: frames are large, a cache of them would thrash
        self.setPos(cluster.x, cluster.y)

    def update_from(
        self, cluster: bo.BoardCluster, frame: bo.Rect, subtitle: str, initiative: str
    ) -> None:
        x, y, w, h = frame
        self._moving_members = True  # a sync moves the notes itself
        try:
            if self.pos() != QPointF(x, y):
                self.setPos(x, y)
        finally:
            self._moving_members = False
        rect = QRectF(0, 0, w, h)
        changed = (cluster, subtitle, initiative) != (self.cluster, self.subtitle,
                                                      self.initiative)
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = rect
            changed = True
        self.cluster, self.subtitle, self.initiative = cluster, subtitle, initiative
        if changed:
            tip = cluster.title + (f"\nBig bet: {initiative}" if cluster.big_bet else "")
            self.setToolTip(tip)
            self.update()

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        # only the title band grabs the mouse, so a drag inside the frame can rubber-band
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.rect.width(), bo.HEADER))
        path.addRect(QRectF(0, 0, 14, self.rect.height()))
        path.addRect(QRectF(self.rect.width() - 14, 0, 14, self.rect.height()))
        path.addRect(QRectF(0, self.rect.height() - 14, self.rect.width(), 14))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        bet = self.cluster.big_bet
        painter.setBrush(style.BET_FILL if bet else style.FRAME_FILL)
        if self.highlight:
            pen = QPen(style.ACCENT, 3, Qt.PenStyle.DashLine)
        elif self.isSelected():
            pen = QPen(style.ACCENT, 3)
        else:
            pen = QPen(style.BET_GOLD if bet else style.FRAME_LINE, 2 if bet else 1.5)
        pen.setCosmetic(self.highlight or self.isSelected())
        # a plain fill (cheap) under an antialiased outline
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawRoundedRect(self.rect.adjusted(1, 1, -1, -1), 11, 11)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.rect.adjusted(0.5, 0.5, -0.5, -0.5), 12, 12)
        # title band, readable at any zoom: at low zoom the font grows to stay legible
        scale = 1.0 if lod >= 0.6 else min(0.6 / max(lod, 0.01), 4.0)
        title_font = QFont()
        big = self.projector and scale == 1.0
        title_font.setPixelSize(round((25 if big else 19) * scale))
        title_font.setBold(True)
        painter.setFont(title_font)
        metrics = QFontMetricsF(title_font)
        left = 18.0
        width = self.rect.width() - 2 * left
        sub_h = 0.0
        if scale == 1.0:
            sub_h = 16.0
        title_box = QRectF(left, 5 if big else 10, width, max(26.0, metrics.height() + 2))
        if bet:
            star = QRectF(self.rect.width() - left - 22 * scale, 10, 22 * scale, 26 * scale)
            painter.setPen(style.BET_GOLD)
            painter.drawText(star, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             "\u2605")
            title_box.setWidth(width - 26 * scale)
        painter.setPen(style.INK)
        title = metrics.elidedText(self.cluster.title, Qt.TextElideMode.ElideRight,
                                   title_box.width())
        painter.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        if sub_h and lod >= READABLE_LOD:
            sub_font = QFont()
            sub_font.setPixelSize(12)
            painter.setFont(sub_font)
            painter.setPen(style.BET_GOLD if bet else style.MUTED)
            sub = self.subtitle + (f"  \u00b7  \u2605 {self.initiative}" if bet and
                                   self.initiative else "")
            sub = QFontMetricsF(sub_font).elidedText(sub, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(left, 34 if big else 31, width, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if (change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and not self._moving_members and isinstance(value, QPointF)):
            delta = value - self.pos()
            for note in self.members:
                if not note.isSelected():  # selected notes are moved by the same drag
                    note.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)


class BoardScene(QGraphicsScene):
    """Holds one item per note and cluster and keeps them in step with ``BoardData``."""

    moved = Signal(object, object, object)  # note moves [(id, x, y)], cluster moves, drop point
    context_menu = Signal(object)  # screen position

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive
        self.notes: dict[int, NoteItem] = {}
        self.clusters: dict[int, ClusterItem] = {}
        self.data: bo.BoardData | None = None
        self.show_authors = True
        self._press: dict[QGraphicsItem, QPointF] = {}
        self._hover: ClusterItem | None = None
        self._raised: list[QGraphicsItem] = []
        self.setBackgroundBrush(style.CANVAS)
        self.selectionChanged.connect(self._raise_selected)

    def _raise_selected(self) -> None:
        """Selected notes are drawn above the others (so a drag is never hidden)."""
        for item in self._raised:
            if item.scene() is self and not item.isSelected():
                item.setZValue(1)
        self._raised = [i for i in self.selectedItems() if isinstance(i, NoteItem)]
        for item in self._raised:
            item.setZValue(2)

    # ----- sync -------------------------------------------------------------------
    def set_data(self, data: bo.BoardData, show_authors: bool = True) -> None:
        self.data, self.show_authors = data, show_authors
        people = {p.id: p for p in data.people}
        entries = {(e.kind.value, e.id): e for e in data.entries()}
        direct: dict[int, set[int]] = {}
        for s in data.supports:
            if s.note_id is not None:
                direct.setdefault(s.note_id, set()).add(s.person_id)
        seen: set[int] = set()
        for n in data.notes:
            item = self.notes.get(n.id)
            if item is None:
                item = NoteItem(n)
                if not self.interactive:
                    item.setFlags(QGraphicsItem.GraphicsItemFlag(0))
                self.addItem(item)
                self.notes[n.id] = item
            item.update_from(n, people.get(n.author_id or -1), len(direct.get(n.id, ())),
                             show_authors)
            seen.add(n.id)
        for gone in set(self.notes) - seen:
            self.removeItem(self.notes.pop(gone))
        initiatives = {i.id: i.title for i in data.initiatives}
        frames = dict(zip([c.id for c in data.clusters],
                          bo._frames(data.clusters, data.notes), strict=True))
        unit = "dot" if data.config.mode is TallyMode.DOTS else "supporter"
        seen = set()
        for c in data.clusters:
            item = self.clusters.get(c.id)
            if item is None:
                item = ClusterItem(c)
                if not self.interactive:
                    item.setFlags(QGraphicsItem.GraphicsItemFlag(0))
                    item.projector = True
                self.addItem(item)
                self.clusters[c.id] = item
            members = [self.notes[n.id] for n in data.notes if n.cluster_id == c.id]
            item.members = members
            entry = entries.get(("cluster", c.id))
            count = entry.count if entry else 0
            sub = f"{_plural(len(members), 'note')}  \u00b7  {_plural(count, unit)}"
            item.update_from(c, frames[c.id], sub, initiatives.get(c.initiative_id or -1, ""))
            seen.add(c.id)
        for gone in set(self.clusters) - seen:
            self.removeItem(self.clusters.pop(gone))

    def content_rect(self) -> QRectF:
        rect = self.itemsBoundingRect()
        return rect.adjusted(-40, -40, 40, 40) if not rect.isEmpty() else QRectF(0, 0, 800, 600)

    # ----- selection helpers ------------------------------------------------------
    def selected_note_ids(self) -> list[int]:
        return [i.note.id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def selected_cluster_ids(self) -> list[int]:
        return [i.cluster.id for i in self.selectedItems() if isinstance(i, ClusterItem)]

    def select_only(self, items: Iterable[QGraphicsItem]) -> None:
        self.clearSelection()
        for item in items:
            item.setSelected(True)

    # ----- drag and drop ----------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        self._press = {i: i.pos() for i in self.selectedItems()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if not self._press or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        dragging_notes = any(isinstance(i, NoteItem) for i in self._press) and not any(
            isinstance(i, ClusterItem) for i in self.selectedItems())
        target = self.cluster_item_at(event.scenePos()) if dragging_notes else None
        if target is not self._hover:
            if self._hover is not None:
                self._hover.set_highlight(False)
            if target is not None:
                target.set_highlight(True)
            self._hover = target

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._hover is not None:
            self._hover.set_highlight(False)
            self._hover = None
        press, self._press = self._press, {}
        self.finish_drag(press, event.scenePos())

    def finish_drag(self, start: dict[QGraphicsItem, QPointF], drop: QPointF) -> None:
        """Report which items a drag moved (the view turns this into one undoable edit)."""
        note_moves: list[tuple[int, float, float]] = []
        cluster_moves: list[tuple[int, float, float]] = []
        for item, before in start.items():
            if item.scene() is not self or item.pos() == before:
                continue
            if isinstance(item, NoteItem):
                note_moves.append((item.note.id, item.pos().x(), item.pos().y()))
            elif isinstance(item, ClusterItem):
                delta = item.pos() - before
                cluster_moves.append((item.cluster.id, delta.x(), delta.y()))
        if note_moves or cluster_moves:
            self.moved.emit(note_moves, cluster_moves, drop)

    def cluster_item_at(self, point: QPointF) -> ClusterItem | None:
        best: ClusterItem | None = None
        for item in self.clusters.values():
            frame = item.sceneBoundingRect()
            if frame.contains(point) and (
                best is None or frame.width() * frame.height()
                < best.sceneBoundingRect().width() * best.sceneBoundingRect().height()
            ):
                best = item
        return best

    def contextMenuEvent(self, event: object) -> None:  # noqa: N802
        pos = getattr(event, "scenePos", lambda: QPointF())()
        item = self.itemAt(pos, QTransform())
        if item is not None and not item.isSelected():
            self.select_only([item])
        self.context_menu.emit(getattr(event, "screenPos", lambda: None)())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


PIXMAP_CACHE_KB = 48 * 1024  # note caches of a 1,000-note board fitted on a 1080p screen


class BoardCanvas(QGraphicsView):
    """Zoom (Ctrl+wheel, Ctrl+=/-), pan (middle button or Space+drag), rubber-band select,
    arrows/Tab between notes, F to fit."""

    zoom_changed = Signal(float)
    activated = Signal()  # Enter on a selection

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = scene  # keep a Python reference while the view uses it
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Opportunities whiteboard")
        self.setAccessibleDescription(
            "Sticky notes grouped in frames. Arrow keys or Tab move between notes; "
            "the Notes list beside it shows the same content as text.")
        self._space = False
        self._panning = False
        self.fit_on_next_show = True
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)  # else item caches thrash at 50 %

    # ----- zoom ---------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_center: bool = True) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current <= 0 or math.isclose(current, factor):
            return
        if anchor_center:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor / current, factor / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def fit_all(self) -> None:
        rect = self._scene.content_rect()
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def update_scene_rect(self) -> None:
        self.setSceneRect(self._scene.content_rect().adjusted(-2000, -2000, 2000, 2000))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * (1.15 ** steps)))
                self.scale(factor / self.zoom(), factor / self.zoom())
                self.zoom_changed.emit(self.zoom())
            event.accept()
            return
        super().wheelEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, style.CANVAS)
        if self.zoom() < 0.35:
            return
        step = 40.0
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        points = [
            QPointF(x, y)
            for x in _frange(left, rect.right(), step)
            for y in _frange(top, rect.bottom(), step)
        ]
        painter.setPen(QPen(style.GRID_DOT, 2.0 / max(self.zoom(), 0.2)))
        painter.drawPoints(points)

    # ----- pan ----------------------------------------------------------------
    def mousePressEvent(self, event: object) -> None:  # noqa: N802
        button = getattr(event, "button", lambda: None)()
        if button == Qt.MouseButton.MiddleButton or (self._space and
                                                     button == Qt.MouseButton.LeftButton):
            self._panning = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            # ScrollHandDrag pans on the left button: replay the press as a left press
            from PySide6.QtGui import QMouseEvent

            assert isinstance(event, QMouseEvent)
            fake = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                               Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                               event.modifiers())
            super().mousePressEvent(fake)
            return
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)  # type: ignore[arg-type]
        if self._panning:
            self._panning = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    # ----- keyboard -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_F and mods == Qt.KeyboardModifier.NoModifier:
            self.fit_all()
            return
        directions = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                      Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in directions and mods == Qt.KeyboardModifier.NoModifier:
            self.step(*directions[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._scene.selectedItems():
            self.activated.emit()
            return
        if key == Qt.Key.Key_Escape and self._scene.selectedItems():
            self._scene.clearSelection()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802
        """Tab walks the notes in reading order; past the last one it leaves the board."""
        if self.hasFocus() and self.cycle(1 if next_ else -1):
            return True
        return super().focusNextPrevChild(next_)

    def _ordered_items(self) -> list[QGraphicsItem]:
        """Clusters and their notes in reading order, then loose notes."""
        clusters = sorted(self._scene.clusters.values(),
                          key=lambda c: (round(c.y() / 200), c.x()))
        items: list[QGraphicsItem] = []
        for c in clusters:
            items.append(c)
            items += sorted(c.members, key=lambda n: (round(n.y() / (NOTE_H / 2)), n.x()))
        clustered = {id(n) for c in clusters for n in c.members}
        items += sorted((n for n in self._scene.notes.values() if id(n) not in clustered),
                        key=lambda n: (round(n.y() / (NOTE_H / 2)), n.x()))
        return items

    def _current(self) -> QGraphicsItem | None:
        focus = self._scene.focusItem()
        if focus is not None and focus.isSelected():
            return focus
        selected = self._scene.selectedItems()
        return selected[0] if selected else None

    def cycle(self, direction: int) -> bool:
        items = self._ordered_items()
        if not items:
            return False
        current = self._current()
        if current is None:
            index = 0 if direction > 0 else len(items) - 1
        else:
            try:
                index = items.index(current) + direction
            except ValueError:
                index = 0
            if not 0 <= index < len(items):
                return False
        self.go_to(items[index])
        return True

    def step(self, dx: int, dy: int) -> None:
        current = self._current()
        candidates = [n for n in self._scene.notes.values() if n is not current]
        if current is None:
            self.cycle(1)
            return
        origin = current.sceneBoundingRect().center()
        best: tuple[float, QGraphicsItem] | None = None
        for item in candidates:
            delta = item.sceneBoundingRect().center() - origin
            along = delta.x() * dx + delta.y() * dy
            across = abs(delta.x() * dy) + abs(delta.y() * dx)
            if along <= 1:
                continue
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, item)
        if best is not None:
            self.go_to(best[1])

    def go_to(self, item: QGraphicsItem) -> None:
        self._scene.select_only([item])
        self._scene.setFocusItem(item)
        self.ensureVisible(item, 60, 60)


def _frange(start: float, stop: float, step: float) -> list[float]:
    count = max(0, int((stop - start) / step) + 1)
    return [start + i * step for i in range(min(count, 400))]


def make_projector_view(
    data_source: Callable[[], bo.BoardData | None], show_authors: bool,
    parent: QWidget | None = None,
) -> QGraphicsView:
    """A non-interactive board, fitted to its size (for the audience display)."""
    scene = BoardScene(parent, interactive=False)
    view = _FittedView(scene, data_source, show_authors, parent)
    return view


class _FittedView(QGraphicsView):
    def __init__(self, scene: BoardScene, data_source: Callable[[], bo.BoardData | None],
                 show_authors: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._source = data_source
        self._show_authors = show_authors
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(style.CANVAS))
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
