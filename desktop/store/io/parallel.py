"""Reading a big file in a second process while this one writes.

Reading and checking a CSV row costs about as much as SQLite's writing it, and SQLite writes on
one thread. A thread of this process cannot read meanwhile: both need the GIL, and the writer
takes it back after every row. So a big import (:data:`PARALLEL_ROWS` rows or more) reads the
file in a child process (``python -m desktop.store.io.child``, the same on every platform
and whatever the calling program's main module) that writes the pickled
:class:`~desktop.store.io.rows.Batch` es to its standard output; this process only writes to
the database, and the child reads the next batch meanwhile (the pipe holds it back when it is
a batch ahead). The child holds no database connection; if it fails, its exception is raised
here, and stopping early (a refused row, cancel) ends it. A frozen build (PyInstaller) has no
Python to start, and reads in this process.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from desktop.store.io.rows import Batch

PARALLEL_ROWS = 100_000
BATCH_ROWS = 5_000
END = "end"  # the last item the child writes


def available() -> bool:
    return not getattr(sys, "frozen", False)


def batches_in_child(path: Path, fmt: str | None, requested: Mapping[str, str]) -> Iterator[Batch]:
    """The file's batches, read by a child process (see the module doc)."""
    args = json.dumps(
        {"path": str(path), "fmt": fmt, "requested": dict(requested), "size": BATCH_ROWS}
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop.store.io.child", args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    try:
        while True:
            try:
                item = pickle.load(child.stdout)
            except (EOFError, pickle.UnpicklingError) as exc:
                raise OSError(f"the import's reader process stopped ({exc})") from None
            if isinstance(item, Batch):
                yield item
            elif isinstance(item, BaseException):
                raise item
            else:
                return
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.wait()
