"""The main window's views, built when first needed so the window shows quickly.

The view shown is built with the window; each other view when it is first shown. Once
a file shows, the other views' code is loaded in a background thread, so a first visit
only builds widgets: Python hands the UI thread its turn every few milliseconds, where
building everything on the UI thread after the window showed blocked input for 0.1-0.6 s.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Iterator

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.views.registry import VIEWS, make_view

log = logging.getLogger(__name__)


def _load_code(modules: list[str]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the view's own build reports it, on the UI thread
            log.exception("loading %s ahead of time failed", name)


class LazyViews:
    """One page per view in ``stack``; ``views[key]`` builds the view if it is not yet."""

    def __init__(self, stack: QStackedWidget, context: AppContext, owner: QWidget) -> None:
        self._stack = stack
        self._context = context
        self._owner = owner
        self._built: dict[str, QWidget] = {}
        self.code_loader: threading.Thread | None = None
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
            view = make_view(spec, self._context, self._pages[key])
            self._pages[key].layout().addWidget(view)
            self._built[key] = view
        return self._built[key]

    def get(self, key: str) -> QWidget | None:
        return self[key] if any(s.key == key for s in VIEWS) else None

    def build_at(self, index: int) -> None:
        if 0 <= index < len(VIEWS):
            self[VIEWS[index].key]

    def built(self) -> Iterator[QWidget]:
        return iter(list(self._built.values()))

    def values(self) -> Iterator[QWidget]:
        return self.built()

    def load_rest_in_background(self) -> None:
        """Load the code of the views not built yet, off the UI thread (once)."""
        modules = [s.module for s in VIEWS if s.key not in self._built]
        if self.code_loader is not None or not modules:
            return
        self.code_loader = threading.Thread(target=_load_code, args=(modules,), daemon=True,
                                            name="keeper-view-code")
        self.code_loader.start()

    def build_rest_when_idle(self) -> None:
        """Build the remaining views one per turn of the event loop (the smoke test's
        "every view builds"; a person's session builds each view when it is shown)."""
        missing = [s.key for s in VIEWS if s.key not in self._built]
        if missing:
            self[missing[0]]
            QTimer.singleShot(0, self.build_rest_when_idle)
