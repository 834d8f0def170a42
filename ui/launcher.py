"""The ``keeper`` entry point, at the top of the arrows.

Window-less commands go to ``keeper.cli`` (and ``exporters`` for ``export``)
without importing Qt; everything else opens the GUI.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path


def _export_handler(args: argparse.Namespace) -> int:
    from exporters.cli import cmd_export

    return cmd_export(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from keeper.cli import COMMANDS

    if argv and (argv[0] in COMMANDS or argv[0] in ("--version", "-h", "--help")):
        from keeper.cli import main as cli_main

        return cli_main(argv, extra={"export": _export_handler})
    parser = argparse.ArgumentParser(prog="keeper", description="Open Keeper's window.")
    parser.add_argument("file", nargs="?", type=Path, help="offsite file to open")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo offsite")
    args = parser.parse_args(argv)
    return _open_window(args.file, args.demo)


def _open_window(file: Path | None, demo: bool) -> int:
    # Start-up makes ~150,000 long-lived objects and collecting them finds nothing: no
    # collection until the file shows (ui/startup.py freezes them then, and turns it on).
    gc.disable()
    # The store stack loads before PySide6: Qt's bindings hook every import made after
    # them (they read each module's source, ~70 ms for SQLAlchemy's ~300 modules).
    import keeper.store.offsite_file  # noqa: F401
    from ui.app import run_gui

    return run_gui(file=file, demo=demo)


if __name__ == "__main__":
    sys.exit(main())
