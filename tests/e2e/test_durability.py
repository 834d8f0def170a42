"""Nothing is lost: a kill mid-stream keeps every acknowledged edit; one writer at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from keeper.store.models import Person
from keeper.store.offsite_file import OffsiteStore

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from keeper.ops import InsertRow, SetFields
    from keeper.store.models import Person, Offsite
    from keeper.store.offsite_file import OffsiteStore
    store = OffsiteStore.open(sys.argv[1])
    offsite = store.current_offsite()
    n = 0
    while True:
        n += 1
        InsertRow(Person, {"name": f"edit-{n}", "role": "rep"}).apply(store)
        SetFields(Offsite, {"id": offsite.id}, {"venue": f"venue-{n}"}).apply(store)
        print(n, flush=True)
""")

HOLDER = textwrap.dedent("""
    import sys
    from keeper.store.offsite_file import OffsiteStore
    store = OffsiteStore.open(sys.argv[1])
    print("writable" if not store.read_only else "read-only", flush=True)
    sys.stdin.readline()
""")


def _spawn(code: str, path: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "KEEPER_DATA_DIR": str(tmp_path / "child-data"),
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_stream_keeps_every_acknowledged_edit(demo_path: Path,
                                                           tmp_path: Path) -> None:
    child = _spawn(WRITER, demo_path, tmp_path)
    assert child.stdout is not None
    acknowledged = 0
    while acknowledged < 300:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else "writer died"
        acknowledged = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    if child.stderr:
        child.stderr.close()
    child.stdout.close()
    if child.stdin:
        child.stdin.close()

    store = OffsiteStore.open(demo_path)
    try:
        names = {n for (n,) in store.session.query(Person.name)}
        missing = [n for n in range(1, acknowledged + 1) if f"edit-{n}" not in names]
        assert missing == []
        offsite = store.current_offsite()
        assert offsite is not None
        venue_n = int((offsite.venue or "venue-0").split("-")[1])
        assert venue_n >= acknowledged
    finally:
        store.close()


def test_second_process_gets_read_only_and_is_told_who(demo_path: Path, tmp_path: Path) -> None:
    holder = _spawn(HOLDER, demo_path, tmp_path)
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "writable"
        second = OffsiteStore.open(demo_path)
        try:
            assert second.read_only
            assert second.held_by is not None and second.held_by.pid == holder.pid
            assert f"process {holder.pid}" in second.held_by.describe()
        finally:
            second.close()
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()
        if holder.stderr:
            holder.stderr.close()
    after = OffsiteStore.open(demo_path)
    assert not after.read_only
    after.close()


def test_a_killed_holder_does_not_leave_the_file_locked(demo_path: Path, tmp_path: Path) -> None:
    holder = _spawn(HOLDER, demo_path, tmp_path)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "writable"
    holder.kill()
    holder.wait(timeout=10)
    for stream in (holder.stdout, holder.stdin, holder.stderr):
        if stream:
            stream.close()
    store = OffsiteStore.open(demo_path)
    assert not store.read_only
    store.close()
