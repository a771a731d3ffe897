"""Reading the timeline's columns out of SQLite in bulk (for ``store.timeline``).

Python's sqlite3 makes one tuple and one object per value, about a microsecond a row: ten
million rows would take a minute. Here each chunk of about 250,000 events comes back as one
row of comma-joined texts (``group_concat``, in C), parsed by numpy at C speed; columns that
are mostly implied are sent only where they say something (ids when the ids have gaps, ends
of ranges, eras), and the events' organizations are read apart and joined by numpy. Chunks
are read by a few threads, each with its own connection (SQLite works without Python's lock),
all at the same generation of the file. Rows whose dates SQLite could not read (a client
wrote a non-ISO date) come back as NaN and are read the slow way, by id.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np

from desktop.domain.model import Event
from desktop.store.database import Store
from desktop.store.queries import _with_parsed_dates

CHUNK = 250_000
MAX_KINDS = 30_000  # below SQLite's limit on bound parameters
COLUMNS = ("id", "lo", "hi", "start_hi", "kind", "era", "org")
DTYPES: dict[str, Any] = {
    "id": np.int64,
    "lo": np.float64,
    "hi": np.float64,
    "start_hi": np.float64,
    "kind": np.int16,
    "era": np.uint8,
    "org": np.int64,
}
Progress = Callable[[float], None]


def _num(x: str) -> str:
    """A number, else NaN (the dates are then read from the text)."""
    return f"iif(typeof({x}) IN ('integer', 'real'), {x}, 'nan')"


def _chunk_sql(n_kinds: int, with_ids: bool, careful: bool = False) -> str:
    """``careful``: a value of another type (text in a date column, written by another
    client) becomes NaN instead of failing the parse; a little slower, so used only then."""
    # a dense column may never meet NULL (group_concat skips it and the rows would shift);
    # a sparse one pairs each value with its event's id, both NULL together
    case = " ".join(f"WHEN ? THEN {i + 1}" for i in range(n_kinds))
    kind = f"CASE e.kind {case} ELSE 0 END" if n_kinds else "0"
    end = "typeof(e.end_hi) IN ('integer', 'real')" if careful else "e.end_hi IS NOT NULL"

    def num(x: str) -> str:
        return _num(x) if careful else f"ifnull({x}, 'nan')"

    parts = [
        "count(*)",
        "group_concat(e.id, ',')" if with_ids else "''",
        f"group_concat({num('e.start_lo')}, ',')",
        f"group_concat({num('e.start_hi')}, ',')",
        f"group_concat({kind}, ',')",
        f"group_concat(iif({end}, e.id, NULL), ',')",
        f"group_concat(iif({end}, e.end_hi, NULL), ',')",
        "group_concat(iif(e.era IS 1, e.id, NULL), ',')",
    ]
    return f"SELECT {', '.join(parts)} FROM events e WHERE e.id >= ? AND e.id <= ?"


LINKS_SQL = (
    "SELECT group_concat(event_id, ','), group_concat(org_id, ',') FROM event_orgs"
    " WHERE event_id >= ? AND event_id <= ?"
)


def _ints(text: str | None, dtype: Any = np.int64) -> np.ndarray:
    return np.fromstring(text or "", dtype=dtype, sep=",")  # the text form: not deprecated


class Kinds:
    """Kind names in order of first sight (code = position)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._seen: set[str] = set()

    def add(self, names: list[str]) -> None:
        for name in names:
            if name not in self._seen:
                self._seen.add(name)
                self.names.append(name)


class TooManyKinds(Exception):
    """More kind names than one statement can bind: read row by row instead."""


class _Reader:
    """Chunks of one snapshot: the ranges, the statement, and the raw texts of a chunk."""

    def __init__(self, store: Store, kinds: Kinds) -> None:
        self.store, self.kinds = store, kinds
        self.lock = threading.Lock()
        conn = store.conn
        lo, hi = conn.execute("SELECT min(id), max(id) FROM events").fetchone()
        self.ranges: list[tuple[int, int]] = []
        if lo is not None:  # ranges of CHUNK ids (gaps are counted chunk by chunk)
            lo, hi = int(lo), int(hi)
            step = CHUNK
            if (hi - lo) // CHUNK > 2000:  # ids far apart: ranges of about CHUNK events
                n = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
                step = CHUNK * max(1, -(-(hi - lo + 1) // n))
            self.ranges = [(a, min(a + step - 1, hi)) for a in range(lo, hi + 1, step)]
        kinds.add(
            [
                str(r[0])
                for r in conn.execute(
                    "SELECT DISTINCT kind FROM (SELECT kind FROM events ORDER BY id LIMIT 5000)"
                )
            ]
        )

    def fetch(
        self, conn: sqlite3.Connection, a: int, b: int, dense: bool, careful: bool = False
    ) -> dict[str, Any]:
        """One chunk's texts, parsed (in a reader thread: numpy's parsing overlaps SQLite's);
        read again carefully when a value is not a number."""
        with self.lock:
            names = list(self.kinds.names)
        if len(names) > MAX_KINDS:
            raise TooManyKinds
        row = conn.execute(_chunk_sql(len(names), not dense, careful), (*names, a, b)).fetchone()
        links = conn.execute(LINKS_SQL, (a, b)).fetchone()
        try:
            out: dict[str, Any] = {
                "n": int(row[0]),
                "id": None if dense else _ints(row[1]),
                "lo": _ints(row[2], np.float64),
                "start_hi": _ints(row[3], np.float64),
                "kind": _ints(row[4], np.int16),
                "end_ids": _ints(row[5]),
                "ends": _ints(row[6], np.float64),
                "era_ids": _ints(row[7]),
                "link_event": _ints(links[0]),
                "link_org": _ints(links[1]),
            }
            n = out["n"]
            if not (len(out["lo"]) == len(out["start_hi"]) == len(out["kind"]) == n):
                raise ValueError("the timeline's columns were read with different lengths")
            if len(out["end_ids"]) != len(out["ends"]):
                raise ValueError("the timeline's ends were read with different lengths")
        except ValueError:
            if careful:
                raise
            return self.fetch(conn, a, b, dense, careful=True)
        return out

    def columns(self, conn: sqlite3.Connection, a: int, b: int) -> dict[str, np.ndarray]:
        """One chunk's columns, sorted by start (stable); read on ``conn``, again if it met
        kinds not seen before. Runs in a reader thread (numpy and SQLite let go of the GIL)."""
        count = conn.execute("SELECT count(*) FROM events WHERE id >= ? AND id <= ?", (a, b))
        dense = count.fetchone()[0] == b - a + 1  # no gaps: the ids need not be sent
        raw = self.fetch(conn, a, b, dense)
        kind = raw["kind"]
        if len(kind) and (kind == 0).any():  # kinds not seen before: learn them, read again
            names = conn.execute(
                "SELECT DISTINCT kind FROM events WHERE id >= ? AND id <= ?", (a, b)
            ).fetchall()
            with self.lock:
                self.kinds.add([str(r[0]) for r in names])
            raw = self.fetch(conn, a, b, dense)
            kind = raw["kind"]
        n = raw["n"]
        ids = np.arange(a, a + n, dtype=np.int64) if dense else raw["id"]
        lo, start_hi = raw["lo"], raw["start_hi"]
        if len(ids) != n:
            raise ValueError("the timeline's ids were read with another length")

        def at(some: np.ndarray) -> np.ndarray:  # positions of some of the chunk's ids
            return some - a if dense else np.searchsorted(ids, some)

        hi = start_hi.copy()
        hi[at(raw["end_ids"])] = raw["ends"]
        era = np.zeros(n, np.uint8)
        era[at(raw["era_ids"])] = 1
        cols = {"id": ids, "lo": lo, "hi": hi, "start_hi": start_hi, "kind": kind - 1, "era": era}
        return _by_start(_with_orgs(cols, raw["link_event"], raw["link_org"], a if dense else None))


def _by_start(cols: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The chunk sorted by start, stable (so the final sort only merges sorted runs)."""
    lo = cols["lo"]
    if len(lo) < 2 or bool((lo[1:] >= lo[:-1]).all()):
        return cols
    order = np.argsort(lo, kind="stable")
    return {name: col[order] for name, col in cols.items()}


def _with_orgs(
    cols: dict[str, np.ndarray], link_event: np.ndarray, link_org: np.ndarray, first: int | None
) -> dict[str, np.ndarray]:
    """One row per (event, organization), organizations ascending; -1 for an event without.
    ``first``: the chunk's ids are ``first``, ``first + 1``, ... (no gaps)."""
    ids = cols["id"]
    n = len(ids)
    if len(link_event) > 1 and not (np.diff(link_event) >= 0).all():  # the index's order
        order = np.lexsort((link_org, link_event))
        link_event, link_org = link_event[order], link_org[order]
    if first is not None:  # every link of the range has its event
        count = np.bincount(link_event - first, minlength=n)[:n]
    else:
        if n:  # a link to a missing event (foreign keys off) is dropped
            at = np.minimum(np.searchsorted(ids, link_event), n - 1)
            known = ids[at] == link_event
            if not known.all():
                link_event, link_org = link_event[known], link_org[known]
        else:
            link_event, link_org = link_event[:0], link_org[:0]
        count = np.searchsorted(link_event, ids, "right") - np.searchsorted(link_event, ids)
    if len(link_org) == n and (count == 1).all():  # one organization each: no repeat
        return {**cols, "org": link_org}
    rep = np.maximum(count, 1)
    out = {name: np.repeat(col, rep) for name, col in cols.items()}
    org = np.full(len(out["id"]), -1, np.int64)
    org[np.repeat(count > 0, rep)] = link_org
    out["org"] = org
    return out


def _slow_dates(store: Store, ids: np.ndarray) -> dict[int, tuple[float, float, float]]:
    """(lo, hi, start_hi) of events whose stored interval is missing, parsed from the text;
    events whose date cannot be read are absent (undated: listed, not drawn)."""
    out: dict[int, tuple[float, float, float]] = {}
    for eid in np.unique(ids).tolist():
        row = store.conn.execute('SELECT start, "end" FROM events WHERE id = ?', (eid,)).fetchone()
        e = _with_parsed_dates(Event(eid, "", "", row[0], end=row[1]))
        if e.lo is not None and e.hi is not None and e.start_hi is not None:
            out[eid] = (float(e.lo), float(e.hi), float(e.start_hi))
    return out


def _fix_dates(store: Store, cols: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Rows without a stored interval: parsed from their text, or dropped when unreadable
    (then the dict returned is a new one); an end not after the start becomes the start plus
    one second (or the next float)."""
    lo, hi, start_hi = cols["lo"], cols["hi"], cols["start_hi"]
    bad = ~(np.isfinite(lo) & np.isfinite(hi) & np.isfinite(start_hi))
    if bad.any():
        cols = dict(cols)  # a new dict: the caller sorts the chunk again
        lo, hi, start_hi = cols["lo"], cols["hi"], cols["start_hi"]
        where = np.flatnonzero(bad)
        parsed = _slow_dates(store, cols["id"][where])
        keep = np.ones(len(lo), bool)
        for i, eid in zip(where.tolist(), cols["id"][where].tolist(), strict=True):
            if eid in parsed:
                lo[i], hi[i], start_hi[i] = parsed[eid]
            else:
                keep[i] = False
        if not keep.all():
            cols = {name: col[keep] for name, col in cols.items()}
            lo, hi = cols["lo"], cols["hi"]
    short = ~(hi > lo)
    if short.any():
        hi[short] = np.maximum(lo[short] + 1, np.nextafter(lo[short], np.inf))
    return cols


def _connections(store: Store, generation: int, k: int) -> list[sqlite3.Connection]:
    """Up to ``k`` extra read connections, each in a read transaction at ``generation``."""
    out: list[sqlite3.Connection] = []
    if store.readonly or str(store.path) == ":memory:" or not store.path.is_file():
        return out  # read-only (maybe immutable), or in memory: its one connection only
    for _ in range(k):
        try:
            conn = sqlite3.connect(
                f"{store.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            conn.execute("BEGIN")
            row = conn.execute("SELECT value FROM generations WHERE name = 'timeline'").fetchone()
        except sqlite3.Error:
            break
        if row is None or int(row[0]) != generation:  # changed meanwhile: read on one
            conn.close()
            break
        out.append(conn)
    return out


def read_chunks(
    store: Store, generation: int, kinds: Kinds, progress: Progress | None = None
) -> Iterator[dict[str, np.ndarray]]:
    """The columns, chunk by chunk in id order (one row per event and organization); ``kind``
    is a code into ``kinds.names``. Call inside one read transaction at ``generation``."""
    reader = _Reader(store, kinds)
    if not reader.ranges:
        return
    threads = max(0, min(3, os.cpu_count() or 1, len(reader.ranges) - 1))
    conns = _connections(store, generation, threads)
    free: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
    for conn in conns:
        free.put(conn)

    def work(a: int, b: int) -> dict[str, np.ndarray]:
        conn = free.get()  # as many workers as connections: one is always free
        try:
            return reader.columns(conn, a, b)
        finally:
            free.put(conn)

    span = reader.ranges[-1][1] - reader.ranges[0][0] + 1
    pending: deque[tuple[int, int, Future[dict[str, np.ndarray]]]] = deque()
    ranges = iter(reader.ranges)
    pool = ThreadPoolExecutor(max_workers=len(conns)) if conns else None
    try:
        while True:
            while pool and len(pending) <= len(conns):  # a few chunks ahead, no more
                nxt = next(ranges, None)
                if nxt is None:
                    break
                pending.append((*nxt, pool.submit(work, *nxt)))
            if pending:
                a, b, fut = pending.popleft()
                cols = fut.result()
            else:
                nxt = next(ranges, None)
                if nxt is None:
                    break
                a, b = nxt
                cols = reader.columns(store.conn, a, b)
            fixed = _fix_dates(store, cols)
            if fixed is not cols:  # dates read from their text: sort again, ties as before
                order = np.lexsort((fixed["org"], fixed["id"], fixed["lo"]))
                fixed = {name: col[order] for name, col in fixed.items()}
            yield {name: fixed[name].astype(DTYPES[name], copy=False) for name in COLUMNS}
            if progress:
                progress(min(1.0, (b - reader.ranges[0][0] + 1) / span))
    finally:
        for _a, _b, fut in pending:
            fut.cancel()
        if pool:
            pool.shutdown(wait=True)
        for conn in conns:
            conn.close()


def read_rows_slowly(store: Store) -> tuple[dict[str, np.ndarray], list[str]]:
    """The columns through Python, row by row (for more kinds than a statement can bind)."""
    cur = store.conn.execute(
        "SELECT e.id, e.start_lo, coalesce(e.end_hi, e.start_hi), e.start_hi, e.kind, e.era,"
        " coalesce(eo.org_id, -1) FROM events e LEFT JOIN event_orgs eo ON eo.event_id = e.id"
        " ORDER BY e.id, eo.org_id"
    )
    kinds: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    for r in cur:
        code = kinds.setdefault(str(r[4]), len(kinds))
        nums = [v if isinstance(v, int | float) else np.nan for v in r[1:4]]
        rows.append((r[0], *nums, code, r[5] == 1, r[6]))
    cols = {name: np.array([r[i] for r in rows], DTYPES[name]) for i, name in enumerate(COLUMNS)}
    return _fix_dates(store, cols), list(kinds)
