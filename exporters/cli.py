"""``keeper export FILE --xlsx OUT.xlsx --pptx OUT.pptx [--template T.pptx] [--names]
[--offsite ID] [--feedback DIR]``."""

from __future__ import annotations

import argparse
import sys

from exporters.run import export_files
from keeper.store.offsite_file import StoreError
from keeper.tables.atomic import ExportError


def cmd_export(args: argparse.Namespace) -> int:
    """Run the export; print what was written, or a clear message and return 1."""
    try:
        lines = export_files(args.file, xlsx=args.xlsx, pptx=args.pptx,
                             template=getattr(args, "template", None),
                             names=bool(getattr(args, "names", False)),
                             offsite_id=getattr(args, "offsite", None),
                             feedback=getattr(args, "feedback", None),
                             warn=lambda text: print(f"keeper: note: {text}", file=sys.stderr))
    except (ExportError, StoreError) as exc:
        print(f"keeper: export failed: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"keeper: export failed: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0
