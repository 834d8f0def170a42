"""Start the GUI: logging, the crash dialog, then the main window with the file in it."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from keeper import __version__
from keeper.store import paths
from keeper.store.write_errors import write_error_message

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger("keeper")


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """keeper.log and its rotated copies are readable by the owner only."""

    def _open(self) -> TextIO:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a log left by an older Keeper
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging() -> Path:
    log_file = paths.log_dir() / "keeper.log"
    handler = PrivateLogHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def error_box(value: BaseException, log_file: Path) -> QMessageBox:
    """The dialog for an error nobody caught; a failed write says the edit was NOT saved."""
    unsaved = write_error_message(value)
    if unsaved is not None:
        box = QMessageBox(QMessageBox.Icon.Warning, "The change was not saved",
                          unsaved[0].upper() + unsaved[1:] + " Keeper keeps running: "
                          "try the change again in a moment.")
        return box
    box = QMessageBox(QMessageBox.Icon.Critical, "Keeper ran into a problem",
                      f"Something went wrong: {value}\n\nYour earlier edits are saved. "
                      f"Details are in the log:\n{log_file}")
    return box


def install_crash_dialog(log_file: Path) -> None:
    """An unexpected error shows what happened and where the log is; never a silent exit."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        unsaved = write_error_message(value)
        if unsaved is not None:  # the statement and its values stay out of the log
            log.error("edit not saved: %s", unsaved)
        else:
            log.error("unexpected error\n%s",
                      "".join(traceback.format_exception(kind, value, tb)))
        if os.environ.get("KEEPER_EXIT_AFTER_MS"):  # a smoke run: fail fast, nobody to click OK
            sys.__excepthook__(kind, value, tb)
            os._exit(70)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = error_box(value, log_file)
        if unsaved is None:
            box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
        box.exec()

    sys.excepthook = hook


def _close_once_built(window: MainWindow, after_ms: int) -> None:
    """Smoke runs: close after ``after_ms``, and not before every view has been built."""

    def close_if_built() -> None:
        if window.views.missing():
            QTimer.singleShot(100, close_if_built)
        else:
            window.close()

    QTimer.singleShot(after_ms, close_if_built)


def run_gui(file: Path | None = None, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Keeper")
    app.setOrganizationName("Keeper")
    app.setApplicationVersion(__version__)
    log_file = setup_logging()
    install_crash_dialog(log_file)
    log.info("Keeper %s starting (file=%s, demo=%s)", __version__, file, demo)

    from ui.main_window import MainWindow
    from ui.startup import watch_start

    window = MainWindow(log_file=log_file)
    watch_start(window, window.file_ready)
    exit_after = os.environ.get("KEEPER_EXIT_AFTER_MS")  # smoke tests of a built app
    if exit_after:  # every view is built (an error exits 70), then the window closes
        window.file_ready.connect(window.views.build_rest_when_idle)
        _close_once_built(window, int(exit_after))
    window.open_initial(file, demo)  # before showing: the first frame has the file in it
    window.show()
    return app.exec()
