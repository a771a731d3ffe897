"""The reading process of a big import (see :mod:`desktop.store.io.parallel`): reads the file
named in its argument and writes its batches, pickled, to standard output; when asked to, it
writes the events into staging files instead and sends where they are
(:mod:`desktop.store.io.stage`)."""

from __future__ import annotations

import itertools
import json
import pickle
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop.store.io import arrowcsv, arrowstage
from desktop.store.io.arrowstage import ArrowStageWriter
from desktop.store.io.fastcsv import FastCsv
from desktop.store.io.formats import open_source
from desktop.store.io.parallel import BATCH_ROWS, END
from desktop.store.io.readers import CsvSource
from desktop.store.io.records import MAX_ORG_NAMES, Skipped
from desktop.store.io.rows import Batch
from desktop.store.io.stage import StageWriter


def main() -> None:
    """The child: every batch of the file, then the end mark (or the exception raised)."""
    args = json.loads(sys.argv[1])
    out = sys.stdout.buffer
    try:
        for item in _items(args):
            pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(END, out)
    except BrokenPipeError:  # the parent stopped reading: nothing to say
        return
    except Exception as exc:
        folder = (args.get("stage") or {}).get("folder")
        out.write(picklable(scratch_error(exc, folder) if folder else exc))
    out.flush()


def _items(args: dict[str, Any]) -> Iterator[Batch]:
    """What this process sends, by its arguments: a plan's counts, a staged import's skipped
    rows, counts and staging files (read with Arrow where it can), or every batch."""
    source = open_source(Path(args["path"]), args["fmt"], args["requested"])
    size = int(args.get("size", BATCH_ROWS))
    start, stop, first_row = args.get("range") or (0, None, 2)
    if args.get("range") and not isinstance(source, CsvSource):
        raise TypeError("only a CSV file is read in parts")
    if args.get("plan"):  # (parallel.plan_in_child: CSV files only)
        assert isinstance(source, CsvSource)
        return plan_items(source, size, start, stop, first_row)
    if args.get("stage") and _arrow(source):
        assert isinstance(source, CsvSource)
        stage = ArrowStageWriter(args["stage"])
        return arrow_items(source, stage, size, start, stop, first_row)
    if isinstance(source, CsvSource) and args.get("range"):
        reader = FastCsv(source)
        reader.first_row = first_row
        batches = reader.batches(size, start, stop)
    else:
        batches = source.batches(size)
    return staged(batches, StageWriter(args["stage"])) if args.get("stage") else batches


def staged(batches: Iterable[Batch], stage: StageWriter) -> Iterator[Batch]:
    """The batches with their events written into staging files: each sent without them, and
    each staging file when it is complete."""
    for batch in batches:
        done = stage.add(batch)
        batch.rows, batch.orgs, batch.where = [], [], []
        yield batch
        yield from (Batch(stage=chunk) for chunk in done)
    yield from (Batch(stage=chunk) for chunk in stage.finish())


def scratch_error(exc: Exception, folder: str) -> Exception:
    """An error writing the staging files (this process holds no other database: any SQLite or
    ADBC error is one) said as such: where, why, and that the database is untouched."""
    if not isinstance(exc, sqlite3.Error) and not type(exc).__module__.startswith("adbc_"):
        return exc
    reason = " ".join(str(exc).split()).rsplit(": ", 1)[-1] or type(exc).__name__
    return OSError(
        f"the import's scratch files in {folder} could not be written ({reason}); is the "
        "temporary folder full? Nothing was written"
    )


def picklable(exc: Exception) -> bytes:
    """The exception pickled for the writing process, or an OSError saying it in one line when
    it cannot be (a library's own exception type may not survive pickling)."""
    try:
        data = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
    except Exception:
        text = " ".join(str(exc).split())
        data = pickle.dumps(OSError(f"the import's reader process failed: {text}"))
    return data


def _arrow(source: object) -> bool:
    """Whether to read with Arrow and stage through ADBC (off with DOSSIER_NO_ARROW=1)."""
    return isinstance(source, CsvSource) and arrowstage.available() and arrowcsv.usable(source)


def plan_items(
    source: CsvSource, size: int, start: int = 0, stop: int | None = None, first_row: int = 2
) -> Iterator[Batch]:
    """What a plan's reading process sends for each block: its skipped rows, how many rows it
    read and how many events it holds, and the organization names not named before (the first
    :data:`MAX_ORG_NAMES`); read with Arrow where it can, else (and from where pyarrow stops)
    with the fast path, between two offsets when the file is read in halves."""
    seen: dict[str, None] = {}

    def tally(skipped: list[Skipped], read: int, events: int, names: Iterable[str]) -> Batch:
        new = []
        if len(seen) < MAX_ORG_NAMES:
            for name in dict.fromkeys(names):
                if name not in seen and len(seen) < MAX_ORG_NAMES:
                    seen[name] = None
                    new.append(name)
        return Batch(skipped=skipped, read=read, counted=events, names=new)

    done = 0
    if _arrow(source):
        try:
            for block in arrowcsv.ArrowCsv(source, hash_keys=False).blocks(start, stop, first_row):
                yield tally(block.skipped, block.read, block.events, block.names())
            return
        except arrowcsv.Fallback as stopped:
            done = stopped.rows
    fast = FastCsv(source)
    fast.first_row = first_row
    for batch in fast.batches(size, start, stop, skip=done):
        names = itertools.chain.from_iterable(batch.orgs)
        yield tally(batch.skipped, batch.read, len(batch.rows), names)


def arrow_items(
    source: CsvSource,
    stage: ArrowStageWriter,
    size: int,
    start: int,
    stop: int | None,
    first_row: int,
) -> Iterator[Batch]:
    """What the child sends for a range read with Arrow: for each block a batch of its skipped
    rows and count, and each staging file when complete; from where pyarrow stops, the fast
    path's batches the same way (:func:`staged`)."""
    try:
        for block in arrowcsv.ArrowCsv(source).blocks(start, stop, first_row):
            done = stage.add_block(block)
            yield Batch(skipped=block.skipped, read=block.read)
            yield from (Batch(stage=chunk) for chunk in done)
    except arrowcsv.Fallback as stopped:
        fast = FastCsv(source)
        fast.first_row = first_row
        yield from staged(fast.batches(size, start, stop, skip=stopped.rows), stage)
        return
    yield from (Batch(stage=chunk) for chunk in stage.finish())


if __name__ == "__main__":
    main()
