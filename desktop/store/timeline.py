"""The timeline's columns: every dated event once per organization it involves.

Reading a million rows through Python's sqlite3 takes seconds, so the packed columns are kept
in ``timeline_cache`` as one numpy ``.npz`` blob, valid while the ``generations`` counter (moved
by triggers on ``events`` and ``event_orgs``, whichever client writes) is unchanged. A stale or
missing cache is rebuilt from the rows and stored again when the file is writable.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from desktop.domain.model import Event
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.queries import _with_parsed_dates

COLUMNS = ("id", "lo", "hi", "start_hi", "kind", "era", "org")
CACHE_NAME = "columns-v1"


def _generation(store: Store) -> int:
    row = store.conn.execute("SELECT value FROM generations WHERE name = 'timeline'").fetchone()
    return int(row[0]) if row else -1


def _read_rows(store: Store) -> dict[str, np.ndarray]:
    cur = store.conn.execute(
        "SELECT e.id, e.start_lo, coalesce(e.end_hi, e.start_hi), e.start_hi, e.kind, e.era,"
        ' coalesce(eo.org_id, -1), e.start, e."end"'
        " FROM events e LEFT JOIN event_orgs eo ON eo.event_id = e.id"
    )
    kinds: dict[str, int] = {}
    cols: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    appends = [cols[name].append for name in COLUMNS]
    for r in cur:
        eid, lo, hi, start_hi = r[0], r[1], r[2], r[3]
        if lo is None or hi is None:  # a non-ISO date written by another client
            e = _with_parsed_dates(Event(eid, "", "", r[7], end=r[8]))
            if e.lo is None or e.hi is None:
                continue  # undated: listed in dossiers, not drawn
            lo, hi, start_hi = e.lo, e.hi, e.start_hi
        values = (
            eid,
            lo,
            hi if hi > lo else lo + 1,
            start_hi,
            kinds.setdefault(r[4], len(kinds)),
            r[5],
            r[6],
        )
        for append, value in zip(appends, values, strict=True):
            append(value)
    dtypes = (np.int64, np.float64, np.float64, np.float64, np.int16, np.uint8, np.int64)
    out = {name: np.array(cols[name], dtype) for name, dtype in zip(COLUMNS, dtypes, strict=True)}
    out["kind_names"] = np.array(list(kinds), dtype=str)
    return out


def _pack(cols: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    # numpy's stub reads any keyword as possibly its allow_pickle flag (a bool)
    np.savez(buf, **cols)  # type: ignore[arg-type]
    return buf.getvalue()


def _unpack(blob: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(blob), allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def timeline_columns(store: Store) -> dict[str, np.ndarray]:
    """Columns id, lo, hi (half-open), start_hi (end of the start's uncertainty), kind (code
    into ``kind_names``), era, org (-1: none); one row per (event, organization)."""
    generation = _generation(store)
    row = store.conn.execute(
        "SELECT generation, data FROM timeline_cache WHERE name = ?", (CACHE_NAME,)
    ).fetchone()
    if row and row[0] == generation:
        return _unpack(row[1])
    cols = _read_rows(store)
    if not store.readonly and not store.conn.in_transaction:
        try:
            with store.write() as db:
                db.execute(
                    "INSERT OR REPLACE INTO timeline_cache (name, generation, data)"
                    " VALUES (?, ?, ?)",
                    (CACHE_NAME, generation, _pack(cols)),
                )
        except StoreError:  # locked, full disk...: a cache that can't be written is only slower
            pass
    return cols
