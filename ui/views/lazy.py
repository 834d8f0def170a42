"""The main window's views, built when first needed so the window shows quickly.

The view shown is built when the window shows; each other view when it is first shown.
Nothing is built behind the Keeper's back: building every view on the UI thread after
the window showed blocked input for 0.1-0.6 s, and loading their code in a background
thread still held the UI thread up 60-130 ms at a time while it ran (bench_startup's
"longest UI-thread block"): it shares the interpreter lock with the UI thread.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.views.registry import VIEWS, make_view


class LazyViews:
    """One page per view in ``stack``; ``views[key]`` builds the view if it is not yet."""

    def __init__(self, stack: QStackedWidget, context: AppContext, owner: QWidget) -> None:
        self._stack = stack
        self._context = context
        self._owner = owner
        self._built: dict[str, QWidget] = {}
        self._building: set[str] = set()
        self._pages: dict[str, QWidget] = {}
        for spec in VIEWS:
            page = QWidget()
            page.setObjectName(f"page-{spec.key}")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self._pages[spec.key] = page
            stack.addWidget(page)
        stack.currentChanged.connect(lambda index: self.build_at(index))

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            spec = next(s for s in VIEWS if s.key == key)
            self._building.add(key)
            try:
                view = make_view(spec, self._context, self._pages[key])
            finally:
                self._building.discard(key)
            self._pages[key].layout().addWidget(view)
            self._built[key] = view
        return self._built[key]

    def wanted(self, key: str) -> None:
        """Build ``key`` unless it is built or being built (a signal its building sent)."""
        if key not in self._built and key not in self._building:
            self[key]

    def get(self, key: str) -> QWidget | None:
        return self[key] if any(s.key == key for s in VIEWS) else None

    def build_at(self, index: int) -> None:
        if 0 <= index < len(VIEWS):
            self[VIEWS[index].key]

    def built(self) -> Iterator[QWidget]:
        return iter(list(self._built.values()))

    def values(self) -> Iterator[QWidget]:
        return self.built()

    def missing(self) -> list[str]:
        """The views not built yet."""
        return [s.key for s in VIEWS if s.key not in self._built]

    def build_rest_when_idle(self) -> None:
        """Build the remaining views one per turn of the event loop (the smoke test's
        "every view builds"; a person's session builds each view when it is shown)."""
        missing = self.missing()
        if missing:
            self[missing[0]]
            QTimer.singleShot(0, self.build_rest_when_idle)
