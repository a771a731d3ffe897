"""The full-text index after a big import: events committed first, indexed after.

A big import (:data:`DEFER_ROWS` rows or more) commits its events without their ``search`` rows
and records, in the same transaction, which ids are still to be indexed: the ``app_state`` value
``search.backlog``, ``{"start": S, "after": A, "upto": U}`` (events with ids in ``(A, U]`` may
lack their search rows; ``S`` is where the backlog began, for the share done). The event search
triggers are back in place when the import commits, so an event edited or deleted meanwhile is
indexed (or unindexed) as usual.

:func:`index_backlog` then indexes the backlog in chunks, each its own transaction that writes
the chunk's search rows and moves ``after`` on; a crash leaves a consistent file, and the next
``index_backlog`` (the window starts one when it opens a file with a backlog, ``dossier import``
runs one before it returns) carries on where it stopped. A chunk first deletes any search rows
its events already have (an event edited meanwhile), so the index ends the same as if every row
had gone through the triggers. Search answers from what is indexed meanwhile and says how much
that is (:func:`indexed_share`); ``dossier check`` allows the backlog's missing rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.store.app_state import delete_value, put_json
from desktop.store.database import Store
from desktop.store.io.search_index import FTS_DEFAULT_HASHSIZE, event_index_sql
from desktop.store.search_backlog import KEY, Backlog, read_backlog

DEFER_ROWS = 20_000  # imports of this many rows leave their indexing to the backlog
CHUNK_SECONDS = 0.25  # a chunk's transaction aims at this long (other writers wait for it)
ALONE_SECONDS = 3.0  # the same with no one waiting (dossier import)
FIRST_CHUNK = 5_000
MAX_CHUNK = 100_000
HASHSIZE = 64 * 1024 * 1024  # FTS5's pending-terms buffer during a chunk (1 MB by default)


def add_backlog(store: Store, after: int, upto: int) -> None:
    """Record that events with ids in ``(after, upto]`` are to be indexed (inside the import's
    transaction), joined with a backlog still there."""
    if upto <= after:
        return
    old = read_backlog(store.conn)
    if old is not None:  # ids can be given again after the last events were deleted
        after = min(after, old.after)
        value = {"start": min(old.start, after), "after": after, "upto": max(upto, old.upto)}
    else:
        value = {"start": after, "after": after, "upto": upto}
    put_json(store, KEY, value)


def pending(store: Store) -> Backlog | None:
    """The backlog of the file, or None when its index is complete."""
    return read_backlog(store.conn)


def index_step(store: Store, rows: int) -> tuple[Backlog | None, int]:
    """Index the next ``rows`` ids of the backlog in one transaction: (what is left, ids
    indexed)."""
    with store.write() as db:
        backlog = read_backlog(db.conn)
        if backlog is None:
            delete_value(store, KEY)  # a finished or unreadable value
            return None, 0
        upto = min(backlog.after + rows, backlog.upto)
        conn = db.conn
        row = conn.execute("SELECT v FROM search_config WHERE k = 'hashsize'").fetchone()
        conn.execute("INSERT INTO search(search, rank) VALUES ('hashsize', ?)", (HASHSIZE,))
        delete, insert = event_index_sql(conn)
        conn.execute(delete, (backlog.after, upto))
        conn.execute(insert, (backlog.after, upto))
        hashsize = FTS_DEFAULT_HASHSIZE if row is None else int(row[0])
        conn.execute("INSERT INTO search(search, rank) VALUES ('hashsize', ?)", (hashsize,))
        rest = Backlog(backlog.start, upto, backlog.upto)
        if rest.left:
            put_json(store, KEY, rest.as_json())
            return rest, upto - backlog.after
        delete_value(store, KEY)
        return None, upto - backlog.after


Progress = Callable[[float], None]
Cancel = Callable[[], bool]


def index_backlog(
    store: Store,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    chunk_seconds: float | None = None,
) -> int:
    """Index the whole backlog, chunk by chunk (each about ``chunk_seconds``, by default
    :data:`CHUNK_SECONDS`: other writers wait for a chunk; with none waiting, as in
    ``dossier import``, longer chunks make fewer FTS5 segments to merge); returns the ids gone
    through. ``progress(share)`` after each chunk; ``cancel()`` stops between chunks (what is
    indexed stays, the rest waits for the next call)."""
    seconds = CHUNK_SECONDS if chunk_seconds is None else chunk_seconds
    rows, total = FIRST_CHUNK, 0
    if pending(store) is None:
        return 0
    while True:
        if cancel is not None and cancel():
            return total
        t0 = time.perf_counter()
        rest, done = index_step(store, rows)
        total += done
        if progress is not None:
            progress(1.0 if rest is None else rest.share)
        if rest is None:
            return total
        took = time.perf_counter() - t0
        rows = int(
            min(
                MAX_CHUNK * max(seconds / CHUNK_SECONDS, 1),
                max(1000, rows * seconds / max(took, 1e-3)),
            )
        )
