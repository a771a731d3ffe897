"""Reading the next rows on a second thread while the writer is inside SQLite.

Parsing and validating a row costs about as much Python time as writing it costs SQLite time.
SQLite releases the GIL while a statement runs, so the reader thread can work during the long
set-based statements (moving a batch into ``events``, linking, indexing). It is paused during
the writer's own Python work: two threads competing for the GIL slow both down (a thread that
wants the GIL back after each ``sqlite3_step`` waits for the other's switch interval).

Thread: created and consumed on the caller's thread; the rows iterator runs on the reader
thread only (and is closed there).
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from typing import Any

CHECK_EVERY = 128  # rows between two looks at the pause flag


class Prefetch:
    """Batches of ``size`` items from ``rows``, read ahead up to ``ahead`` batches."""

    def __init__(self, rows: Iterator[Any], size: int, ahead: int) -> None:
        self._rows = rows
        self._size = size
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=ahead)
        self._running = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._work, name="import-reader", daemon=True)
        self._thread.start()

    def resume(self) -> None:
        """Let the reader work (the caller is about to wait or run a long SQLite statement)."""
        self._running.set()

    def pause(self) -> None:
        """Stop the reader at its next check (the caller runs Python again)."""
        self._running.clear()

    def __iter__(self) -> Iterator[list[Any]]:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                self.resume()  # nothing read ahead: wait, and let the reader work meanwhile
                item = self._queue.get()
                self.pause()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop the reader and wait for it (safe to call more than once)."""
        self._stopped = True
        self._running.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    # -- the reader thread -----------------------------------------------------------------
    def _work(self) -> None:
        try:
            batch: list[Any] = []
            for n, item in enumerate(self._rows, 1):
                batch.append(item)
                if n % CHECK_EVERY == 0 and not self._running.is_set():
                    self._running.wait()
                if self._stopped:
                    return
                if len(batch) >= self._size:
                    self._put(batch)
                    batch = []
            if batch:
                self._put(batch)
            self._put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            self._put(exc)
        finally:
            close = getattr(self._rows, "close", None)
            if close is not None:
                close()

    def _put(self, item: Any) -> None:
        while not self._stopped:
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue
