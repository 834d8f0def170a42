"""The ``keeper`` command line: the commands that need no window.

``ui/launcher.py`` decides between these and the GUI, so that ``check``,
``new``, ``import-people`` and ``export`` start fast and run without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from keeper import __version__

COMMANDS = ("new", "check", "import-people", "export")

IMPORTED_ALL, IMPORTED_SOME, IMPORTED_NONE = 0, 1, 2
IMPORT_EXIT_CODES = """exit codes:
  0  every row is in FILE (added, updated or already up to date)
  1  some rows were rejected (listed with the reason); the others are in FILE
  2  nothing was imported: every row was rejected, or a file could not be read"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keeper",
        description="Keeper: run a sales leadership offsite or a sales kickoff.",
    )
    parser.add_argument("--version", action="version", version=f"Keeper {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="create an offsite file from a template")
    new.add_argument("file", type=Path)
    new.add_argument("--template", default="sales-leadership-offsite",
                     help="template key or name (default: %(default)s)")
    new.add_argument("--demo", action="store_true", help="write the demo offsite into FILE")

    check = sub.add_parser("check", help="print schema version, counts and integrity")
    check.add_argument("file", type=Path)

    imp = sub.add_parser(
        "import-people", help="import or update people from .xlsx or .csv",
        description="Add the roster's new people to FILE and update the people it already "
                    "has (matched by e-mail, else by name; a blank cell keeps what FILE holds).",
        epilog=IMPORT_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", type=Path, metavar="FILE", help="the offsite file (.keeper)")
    imp.add_argument("roster", type=Path, metavar="ROSTER",
                     help="an .xlsx or .csv with a Name column; Role, Manager, Email optional")

    exp = sub.add_parser("export", help="write the tally workbook and/or the deck")
    exp.add_argument("file", type=Path)
    exp.add_argument("--xlsx", type=Path)
    exp.add_argument("--pptx", type=Path)
    exp.add_argument("--template", type=Path, help="your company's .pptx template")
    exp.add_argument("--names", action="store_true",
                     help="show rep names on the quadrant and reality-audit slides "
                          "(anonymous by default)")
    exp.add_argument("--offsite", type=int, metavar="ID",
                     help="the offsite to export, e.g. a kickoff (default: the current one)")
    exp.add_argument("--feedback", type=Path, metavar="DIR",
                     help="also write the private Start/Stop/Continue feedback into DIR, one "
                          "workbook per person holding only what they received (the workbook "
                          "and the deck never carry it)")
    return parser


def _fail(message: str) -> int:
    print(f"keeper: {message}", file=sys.stderr)
    return 1


def cmd_new(args: argparse.Namespace) -> int:
    from keeper.store.files import new_file

    store = new_file(args.file, template_name=args.template, demo=args.demo)
    try:
        offsite = store.current_offsite()
        title = offsite.title if offsite else "(none)"
        print(f"created {args.file} with offsite {title!r}")
    finally:
        store.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from keeper.store.migrations import LATEST_VERSION
    from keeper.store.probe import check_file

    result = check_file(args.file)
    print(f"file: {args.file}")
    note = "" if result.version == LATEST_VERSION else f" (upgrade to {LATEST_VERSION} on open)"
    print(f"schema version: {result.version}{note}")
    for table, count in result.counts.items():
        print(f"{table}: {count}")
    if result.offsites:
        print("offsites (id, kind, date, title; * the one the file opens on):")
    for offsite_id, kind, title, day, default in result.offsites:
        print(f"{'*' if default else ' '} {offsite_id:>3}  {kind:<10} {day or '(no date)':<10}  "
              f"{title}")
    print(f"integrity: {result.integrity}")
    return 0


def cmd_import_people(args: argparse.Namespace) -> int:
    """Exit 0, 1 or 2 as :data:`IMPORT_EXIT_CODES` says."""
    from keeper.people.roster import RosterError, plan_import
    from keeper.people.roster_apply import apply_import
    from keeper.store.kinds import Role
    from keeper.store.offsite_file import OffsiteStore, StoreError

    try:
        store = OffsiteStore.open(args.file)
    except StoreError as exc:
        _fail(str(exc))
        return IMPORTED_NONE
    try:
        store.ensure_writable()
        plan = plan_import(store, args.roster)
        current = store.current_offsite()
        if plan.writes:  # as in the app: new leaders and managers attend the newest offsite
            apply_import(store, plan, current.id if current is not None else None)
        print(plan.report())
        if current is not None and any(r.role != Role.REP for r in plan.accepted):
            print(f"new leaders and managers now attend {current.title!r}")
    except (RosterError, StoreError) as exc:
        _fail(str(exc))
        return IMPORTED_NONE
    except OSError as exc:  # the transaction was rolled back: nothing was imported
        _fail(f"{exc.strerror or exc}: {exc.filename or ''}".strip(": "))
        return IMPORTED_NONE
    finally:
        store.close()
    if not (plan.accepted or plan.changed or plan.unchanged):
        return IMPORTED_NONE
    return IMPORTED_SOME if plan.rejected else IMPORTED_ALL


Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, extra: dict[str, Handler] | None = None) -> int:
    """Run a command. ``extra`` supplies handlers from higher layers (``export``)."""
    args = build_parser().parse_args(argv)
    handlers = {
        "new": cmd_new,
        "check": cmd_check,
        "import-people": cmd_import_people,
        **(extra or {}),
    }
    if args.command not in handlers:
        return _fail(f"the {args.command!r} command is not available in this build")
    try:
        return handlers[args.command](args)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".strip(": "))
    except ValueError as exc:  # templates, rosters and exports word their ValueErrors
        return _fail(str(exc))
    except Exception as exc:
        # Imported here, once something failed: ``--version`` loads no store at all.
        from keeper.store.probe import StoreError
        from keeper.store.write_errors import write_error_message

        if isinstance(exc, StoreError):
            return _fail(str(exc))
        # A failed write (file locked, disk full): one line, never the row's values.
        message = write_error_message(exc, getattr(args, "file", None))
        if message is None:
            raise
        return _fail(message)
