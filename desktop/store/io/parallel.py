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

When the writer stages the events (:mod:`desktop.store.io.stage`), the child writes them into
staging files and sends only where they are, the skipped rows and how many rows it read; and a
plain CSV file (:func:`split_point`) is read by two children at once, the first from the start
to a line break near :data:`SPLIT_SHARE` % of the file, the second from there (its rows
numbered from the lines before). The first's items are handed on as they come, the second's
(read meanwhile by a thread) after them, in file order; both use one string hash so that the
writer's key check can compare their keys' hashes.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import secrets
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.store.io.rows import Batch

if TYPE_CHECKING:
    from desktop.store.io.stage import Request

PARALLEL_ROWS = 100_000
BATCH_ROWS = 5_000
SPLIT_BYTES = 32 * 1024 * 1024  # a plain CSV file this big is read by two processes
SPLIT_SHARE = 45  # % of the file the first reads: the rest, read meanwhile, is written after it
END = "end"  # the last item the child writes
PEAKS: list[float] = []  # the peak RSS (MB) of each reading process of the last import


def available() -> bool:
    return not getattr(sys, "frozen", False)


def split_point(path: Path, fmt: str | None) -> tuple[int, int] | None:
    """(offset, lines before it): where a second process can start reading a CSV file, the
    start of the line after its middle; None when that may not be a row's start. It is when
    no quote and no carriage return outside a CRLF comes before it: then every line break
    ends a row, and the second half's rows are numbered from the lines before."""
    if fmt not in ("csv", "timesketch"):
        return None
    size = path.stat().st_size
    if size < SPLIT_BYTES:
        return None
    with path.open("rb") as fh:
        if fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16
            return None
        fh.seek(size * SPLIT_SHARE // 100)
        fh.readline()
        middle = fh.tell()
        if middle >= size:
            return None
        fh.seek(0)
        left, lines, tail = middle, 0, b""
        while left > 0:
            block = tail + fh.read(min(left, 8 * 1024 * 1024))
            left -= len(block) - len(tail)
            tail = block[-1:] if block.endswith(b"\r") and left > 0 else b""
            block = block[: len(block) - len(tail)]
            if b'"' in block or block.count(b"\r") != block.count(b"\r\n"):
                return None
            lines += block.count(b"\n")
    return middle, lines


def batches_in_child(
    path: Path,
    fmt: str | None,
    requested: Mapping[str, str],
    staging: Callable[[], Request | None] | None = None,
) -> Iterator[Batch]:
    """The file's batches, read by a child process (see the module doc). ``staging`` is asked
    when the child starts whether it should write the events into staging files; then a big
    plain CSV file is read by two, each from one half (:func:`split_point`)."""
    request = staging() if staging is not None else None
    split = (
        split_point(path, fmt) if request is not None and not _arrow(path, fmt, requested) else None
    )
    PEAKS.clear()
    seed = str(secrets.randbelow(2**32))  # one string hash for both: they compare keys' hashes
    common = {"path": str(path), "fmt": fmt, "requested": dict(requested), "size": BATCH_ROWS}
    if request is None or split is None:
        stage = None if request is None else asdict(request)
        yield from _batches(_start({**common, "stage": stage}, seed), None)
        return
    lines = split[1]
    half = request.chunks // 2
    first = asdict(replace(request, chunks=half, name="a"))
    # the second half's ids follow the first half's rows (a blank or bad row there leaves its
    # ids elsewhere: its files are then written the usual way, see stage.Staging.copyable)
    second = asdict(replace(request, chunks=half, name="b", first_id=request.first_id + lines - 1))
    halves = ({**common, "stage": first}, {**common, "stage": second})
    seen: list[np.ndarray[Any, Any]] = []
    keys = np.zeros(0, dtype=np.int64)
    for later, batch in _halves(*halves, split, seed):
        chunk = batch.stage
        if chunk is not None and chunk.hashes is not None:
            if not later:
                seen.append(chunk.hashes)
            else:
                if seen:  # (the first half is all read by now)
                    keys, seen = np.sort(np.concatenate(seen)), []
                if len(keys):
                    at = np.minimum(np.searchsorted(keys, chunk.hashes), len(keys) - 1)
                    chunk.suspect = chunk.suspect or bool((keys[at] == chunk.hashes).any())
        yield batch


def _halves(
    first: dict[str, Any], second: dict[str, Any], split: tuple[int, int], seed: str
) -> Iterator[tuple[bool, Batch]]:
    """The batches of two readers (started with these arguments) of a file's halves, split at
    ``split`` (:func:`split_point`): the first's as they come and then the second's (read
    meanwhile by a thread), each with whether it is the second's; both ended."""
    middle, lines = split
    a = _start({**first, "range": [0, middle, 2]}, seed)
    try:
        b = _start({**second, "range": [middle, None, lines + 1]}, seed)
    except BaseException:
        _end(a)
        raise
    later: queue.SimpleQueue[object] = queue.SimpleQueue()
    drain = threading.Thread(target=_drain, args=(b, later), daemon=True)
    drain.start()
    try:
        for batch in _batches(a, None):
            yield False, batch
        for batch in _batches(b, later):
            yield True, batch
    finally:
        _end(b)
        drain.join()


def plan_in_child(
    path: Path, fmt: str | None, requested: Mapping[str, str]
) -> Iterator[Batch] | None:
    """A plan's batches, counted by reading processes (skipped rows, counts and new
    organization names, no events): one that reads with Arrow (a file
    :func:`desktop.store.io.fastcsv.arrow_reads` says it does), else two, each half of the
    file, when :func:`split_point` finds its middle; None when neither can (then a plan read
    here is as fast). The processes start when the batches are first asked for."""
    arrow = _arrow(path, fmt, requested)
    split = None if arrow else split_point(path, fmt)
    if split is None and not arrow:
        return None
    return _plan_batches(path, fmt, requested, split)


def _plan_batches(
    path: Path, fmt: str | None, requested: Mapping[str, str], split: tuple[int, int] | None
) -> Iterator[Batch]:
    PEAKS.clear()
    seed = str(secrets.randbelow(2**32))
    args = {"path": str(path), "fmt": fmt, "requested": dict(requested), "size": BATCH_ROWS}
    args["plan"] = True
    if split is None:
        yield from _batches(_start(args, seed), None)
    else:
        yield from (batch for _, batch in _halves(args, args, split, seed))


def _arrow(path: Path, fmt: str | None, requested: Mapping[str, str]) -> bool:
    """Whether the reading process reads with Arrow: then one process reads the whole file
    (it reads a row in about a third of the fast path's time; a second, with pyarrow loaded,
    would take the import's memory over 500 MB)."""
    from desktop.store.io.fastcsv import arrow_reads
    from desktop.store.io.formats import open_source
    from desktop.store.io.readers import CsvSource

    source = open_source(path, fmt, requested)
    return isinstance(source, CsvSource) and arrow_reads(source)


def _start(args: dict[str, Any], seed: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    env["PYTHONHASHSEED"] = seed
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.store.io.child", json.dumps(args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        env=env,
    )


def _drain(child: subprocess.Popen[bytes], into: queue.SimpleQueue[object]) -> None:
    """Read a child's items as they come (it is not held back while the other is read)."""
    assert child.stdout is not None
    while True:
        try:
            item: object = pickle.load(child.stdout)
        except Exception as exc:  # handed to the reading thread
            into.put(OSError(f"the import's reader process stopped ({exc})"))
            return
        into.put(item)
        if not isinstance(item, Batch):
            return


def _batches(
    child: subprocess.Popen[bytes], items: queue.SimpleQueue[object] | None
) -> Iterator[Batch]:
    """A child's batches (from its pipe, or from what :func:`_drain` read of it); its
    exception raised here; the child ended in any case."""
    assert child.stdout is not None
    try:
        while True:
            if items is not None:
                item = items.get()
            else:
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
        _end(child)


def _end(child: subprocess.Popen[bytes]) -> None:
    """Stop the child if it still runs (its output is read or not wanted), and note its peak
    memory. Killed before its pipe is closed: a thread blocked reading the pipe holds it."""
    if child.returncode is not None:
        return
    if not hasattr(os, "wait4"):
        child.kill()
        child.wait()
    else:
        with contextlib.suppress(ProcessLookupError):  # not Popen.kill: it would reap it first
            os.kill(child.pid, signal.SIGKILL)  # (harmless once it has ended)
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except ChildProcessError:
            child.wait()
        else:
            child.returncode = os.waitstatus_to_exitcode(status)
            PEAKS.append(usage.ru_maxrss / 1024)
    if child.stdout is not None:
        child.stdout.close()
