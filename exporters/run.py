"""One export run: open the file read-only, gather once, write the files asked for."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select

from exporters import gratitude
from exporters.data import ExportData, NoOffsite, gather
from keeper.store.backups import copy_database
from keeper.store.migrations import LATEST_VERSION, apply_migrations
from keeper.store.models import Offsite
from keeper.store.offsite_file import OffsiteStore, probe
from keeper.tables.atomic import ExportError, check_destination

Progress = Callable[[int, str], None]


def export_files(
    path: Path,
    xlsx: Path | None = None,
    pptx: Path | None = None,
    template: Path | None = None,
    names: bool = False,
    *,
    feedback: Path | None = None,
    offsite_id: int | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[str]:
    """Write the workbook and/or the deck for ``path``'s offsite; return lines to show.

    ``feedback`` names a folder for the private Start/Stop/Continue feedback, one
    workbook per person; nothing else ever carries it. The offsite file is opened
    read-only (an export never changes it, and works while the app has the file open).
    ``warn`` hears, before the deck is written, what the Keeper may want to fix first
    (notes of gratitude not written). Raises :class:`ExportError` with a message naming
    the path on any problem; a file already at a destination stays intact.
    """
    if xlsx is None and pptx is None and feedback is None:
        raise ExportError("Nothing to export: give a workbook (.xlsx) and/or a deck (.pptx).")
    if xlsx is not None and Path(xlsx).suffix.lower() != ".xlsx":
        raise ExportError(f"{xlsx}: the workbook's name must end in .xlsx.")
    if pptx is not None and Path(pptx).suffix.lower() != ".pptx":
        raise ExportError(f"{pptx}: the deck's name must end in .pptx.")
    if template is not None and not Path(template).is_file():
        raise ExportError(f"The template {template} does not exist.")
    for dest in (xlsx, pptx):
        if dest is not None:
            check_destination(Path(dest))  # fail before any work
    if feedback is not None:
        check_folder(Path(feedback))
    report = progress or (lambda _pct, _text: None)

    report(5, "Reading the offsite file")
    data = read_offsite(Path(path), offsite_id, now)
    if pptx is not None and warn is not None and (message := gratitude.warning(data)):
        warn(message)
    lines = []
    if xlsx is not None:
        report(30, "Writing the workbook")
        from exporters.xlsx.workbook import write_xlsx

        start = time.perf_counter()
        written = write_xlsx(data, Path(xlsx))
        lines.append(f"wrote {written} ({time.perf_counter() - start:.1f} s)")
    if pptx is not None:
        report(65, "Writing the deck")
        from exporters.pptx.deck import write_pptx

        start = time.perf_counter()
        written = write_pptx(data, Path(pptx), template=template, names=names)
        lines.append(f"wrote {written} ({time.perf_counter() - start:.1f} s)")
    if feedback is not None:
        report(90, "Writing the private feedback files")
        from exporters.xlsx.feedback import write_feedback

        start = time.perf_counter()
        files = write_feedback(data, Path(feedback))
        lines.append(f"wrote {len(files)} private feedback files into {Path(feedback)} "
                     f"({time.perf_counter() - start:.1f} s)")
    report(100, "Done")
    return lines


def check_folder(folder: Path) -> Path:
    """``folder`` if the feedback files can go there (it may not exist yet, its parent must),
    else an ``ExportError`` saying why."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file. Choose a folder for the feedback files.")
    if not folder.exists() and not folder.parent.is_dir():
        raise ExportError(f"The folder {folder.parent} does not exist. Choose another folder.")
    return folder


@contextlib.contextmanager
def _readable(path: Path) -> Iterator[Path]:
    """``path`` itself, or for a file from an older Keeper an upgraded temporary copy:
    an export never changes (or upgrades) the file it reads."""
    if probe(path).version >= LATEST_VERSION:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="keeper-export-"))
    try:
        copy = folder / path.name
        copy_database(path, copy)
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = OFF")
            apply_migrations(conn, probe(copy).version)
        finally:
            conn.close()
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_offsite(path: Path, offsite_id: int | None = None,
                 now: dt.datetime | None = None) -> ExportData:
    """Everything the exports need, read from ``path`` without writing to it."""
    with _readable(path) as readable:
        store = OffsiteStore.open(readable, read_only=True)
        try:
            return gather(store, offsite_id, now)
        except NoOffsite as exc:
            held = "; ".join(f"{o.id} {o.title}" for o in store.session.scalars(
                select(Offsite).order_by(Offsite.id)))
            raise ExportError(f"{path}: {exc}" + (f" It holds: {held}." if held else "")) from exc
        finally:
            store.close()
