"""Staging files written from Arrow columns through ADBC's SQLite driver.

Python's ``sqlite3`` binds each value from Python (about 4 µs a row of twelve values here);
ADBC's SQLite driver binds an Arrow table's values in C (about 1 µs a row, measured on the same
rows). So when the reading process reads with :mod:`desktop.store.io.arrowcsv`, it writes the
staging files (:mod:`desktop.store.io.stage`, same tables, same ids, same key check) with
:class:`ArrowStageWriter`; rows the fast path read (after :class:`~desktop.store.io.arrowcsv
.Fallback`) are turned into columns first. The files are scratch (journal off) and are read by
this process's own SQLite when attached: only the file format is shared. The driver writes
without holding the GIL, so a thread writes each block while the next one is read.

Without ``pyarrow`` or ``adbc_driver_sqlite`` (:func:`available`), the plain
:class:`~desktop.store.io.stage.StageWriter` writes them.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np

from desktop.store.io.arrowcsv import Block
from desktop.store.io.rows import Batch, StageChunk
from desktop.store.io.stage import StageWriter

try:
    import adbc_driver_sqlite.dbapi as _adbc
    import pyarrow as pa

    adbc: Any = _adbc
except ImportError:  # pragma: no cover - dependencies; a trimmed build may lack them
    adbc = pa = None


def available() -> bool:
    return pa is not None and adbc is not None


class ArrowStageWriter(StageWriter):
    """A :class:`StageWriter` that writes :class:`Block` s (and batches, turned into blocks)."""

    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__(request)
        self.now = str(request["now"])
        self.adbc: Any = None
        self.cursor: Any = None
        # ADBC binds and writes without the GIL: a thread writes one block while the next is
        # read (at most one block waiting, so memory stays at a block or two)
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="stage")
        self.pending: Future[None] | None = None

    def _open_adbc(self) -> None:
        assert adbc is not None
        path, statements = self._new_file()
        self.adbc = adbc.connect(str(path), autocommit=True)
        self.cursor = self.adbc.cursor()
        for sql in statements:
            self.cursor.execute(sql)

    def add(self, batch: Batch) -> list[StageChunk]:
        return self.add_block(Block.from_rows(batch.rows, batch.orgs)) if batch.rows else []

    def add_block(self, block: Block) -> list[StageChunk]:
        """Write a block's events, split where a file is full; the files completed."""
        done = []
        while block.events:
            if self.cursor is None:
                self._open_adbc()
            chunk = self.chunk
            assert chunk is not None
            room = self.chunk_rows - chunk.events if self.made < self.chunks else block.events
            head, block = block.split(max(room, 1))
            self._write(head)
            if chunk.events >= self.chunk_rows and self.made < self.chunks:
                done.append(self.close())
        return [c for c in done if c is not None]

    def _write(self, block: Block) -> None:
        """Hand the block to the writing thread (after the one before it is written)."""
        assert self.chunk is not None
        first = self.next_id
        self.hashes += map(hash, block.keys)
        self.names.update(dict.fromkeys(block.names()))
        self.next_id += block.events
        self.chunk.events += block.events
        self._wait()
        self.pending = self.pool.submit(self._ingest, block, first)

    def _wait(self) -> None:
        """Wait for the block being written (its exception raised here)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()

    def _ingest(self, block: Block, first: int) -> None:
        """(The writing thread) the block's events and links into the file."""
        assert pa is not None
        n = block.events
        stamp = pa.repeat(pa.scalar(self.now, pa.string()), n)
        events = pa.table(
            {
                "id": pa.array(np.arange(first, first + n, dtype=np.int64)),
                **block.columns,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        self.cursor.adbc_ingest("events", events, mode="append")
        if len(block.link_names):
            names = block.link_names
            links = pa.table(
                {
                    "event_id": pa.array(block.link_at + first),
                    "name": names if isinstance(names, pa.Array) else pa.array(names, pa.string()),
                }
            )
            self.cursor.adbc_ingest("links", links, mode="append")

    def close(self) -> StageChunk | None:
        if self.cursor is None:
            return None
        self._wait()
        if self.names:
            names = pa.table({"name": pa.array(list(self.names), pa.string())})
            self.cursor.adbc_ingest("names", names, mode="append")
        self.names = {}
        self.cursor.execute("COMMIT")
        self.cursor.close()
        self.adbc.close()
        self.cursor = self.adbc = None
        return self._complete()
