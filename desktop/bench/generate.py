"""Generated data sets for benchmarks: N events over 1,000 organizations, made by code (never
committed). Deterministic for a given N and seed.

Built for size: the columns of each batch of events are drawn with numpy, written with
``executemany`` in one transaction, and the rows' search entries and generation counter are
filled once at the end by the same statements the insert triggers run (the triggers are set
aside during the load and put back exactly as they were), so ten million events take minutes,
not hours.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from desktop.store.database import Store, open_store

KINDS = ("release", "conference", "policy", "market", "statement", "benchmark", "funding", "report")
WORDS = tuple(
    (
        "model launch update benchmark funding round partnership chip cloud agent open weights "
        "regulation approval survey report conference keynote demo leaderboard dataset license "
        "商汤 阿里 通义千问 百度 文心 讯飞 星火 智谱 月之暗面 深度求索 零一万物 大模型 发布 开源"
    ).split()
)
T0 = int(datetime(1995, 1, 1, tzinfo=UTC).timestamp())
T1 = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
DAY = 86400
BATCH = 200_000
#: insert triggers whose work is done once, in bulk, after the load
_DEFERRED = ("_search_ai", "_generation_ai")

Progress = Callable[[int, int], None]


def _strings(seconds: np.ndarray, unit: str) -> list[str]:
    """ISO text of UTC ``seconds`` at ``unit`` ('D': day, 'M': month, 'm': minute)."""
    return np.datetime_as_string(seconds.astype("datetime64[s]"), unit=unit).tolist()  # type: ignore[no-any-return]


def _columns(first: int, n: int, rng: np.random.Generator, n_orgs: int) -> Iterator[tuple]:
    """Rows (id, key, title, kind, start, start_lo, start_hi, end, end_lo, end_hi) and their
    organization for events ``first`` .. ``first + n - 1``: 80 % days, 10 % months, 5 % day
    ranges of 2-40 days, 5 % minutes, uniform over 1995-2024; four random words per title."""
    lo = rng.integers(T0, T1, n, dtype=np.int64)
    r = rng.random(n)
    days = rng.integers(2, 41, n, dtype=np.int64)
    words = rng.integers(0, len(WORDS), (n, 4))
    kinds = rng.integers(0, len(KINDS), n)
    skewed = rng.random(n) < 0.3  # a few organizations have many events
    pareto = np.minimum((rng.pareto(1.1, n) + 1).astype(np.int64) - 1, n_orgs - 1)
    org = np.where(skewed, 1 + pareto, rng.integers(1, n_orgs + 1, n))

    day, month, span = r < 0.80, (r >= 0.80) & (r < 0.90), (r >= 0.90) & (r < 0.95)
    minute = r >= 0.95
    lo = np.where(minute, lo - lo % 60, lo - lo % DAY)
    first_of = lo.astype("datetime64[s]").astype("datetime64[M]")
    lo = np.where(month, first_of.astype("datetime64[s]").astype(np.int64), lo)
    next_month = (first_of + 1).astype("datetime64[s]").astype(np.int64)
    hi = np.select([day, month, span], [lo + DAY, next_month, lo + days * DAY], lo + 60)
    start_hi = np.where(span, lo + DAY, hi)
    text = {u: _strings(lo, u) for u in ("D", "M", "m")}
    ends = _strings(hi - DAY, "D")
    unit = np.select([month, minute], [1, 2], 0).tolist()
    for j, (i, u, s, w, k) in enumerate(
        zip(
            range(first, first + n),
            unit,
            span.tolist(),
            words.tolist(),
            kinds.tolist(),
            strict=True,
        )
    ):
        start = text["DMm"[u]][j]
        end, end_lo, end_hi = (ends[j], int(hi[j]) - DAY, int(hi[j])) if s else (None, None, None)
        title = f"{WORDS[w[0]]} {WORDS[w[1]]} {WORDS[w[2]]} {WORDS[w[3]]} #{i}"
        row = (i + 1, f"gen-{i}", title, KINDS[k], start, int(lo[j]), int(start_hi[j]))
        yield (*row, end, end_lo, end_hi), int(org[j])


def _deferred_triggers(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(name, table, sql) of the insert triggers on events and event_orgs run in bulk later."""
    rows = conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND tbl_name IN ('events', 'event_orgs') ORDER BY rowid"
    ).fetchall()
    return [(n, t, s) for n, t, s in rows if n.endswith(_DEFERRED)]


def _bulk_statement(table: str, sql: str) -> str:
    """A trigger's ``INSERT ... SELECT <over new.> WHERE cond`` body run over every row of
    ``table`` at once (e.g. the search index's insert trigger), or its UPDATE body once."""
    body = sql[sql.index(" BEGIN ") + 7 : sql.rindex(" END")].strip().rstrip(";").strip()
    if ";" in body or "new." not in body:  # several statements, or one that ignores the row
        return body
    head, _, cond = body.rpartition(" WHERE ")
    if not head.startswith("INSERT INTO") or " SELECT " not in head:
        raise ValueError(f"cannot run this trigger in bulk: {sql[:80]}")
    return f"{head.replace('new.', 'n.')} FROM {table} n WHERE {cond}"


def generate(
    path: Path,
    n_events: int,
    n_orgs: int = 1000,
    seed: int = 7,
    progress: Progress | None = None,
) -> Store:
    """Create ``path`` with ``n_orgs`` organizations and ``n_events`` events (one org each)."""
    rng = np.random.default_rng(seed)
    store = open_store(path, create=True)
    # a new file nobody else reads: no write-ahead log (every page would be written twice)
    store.conn.execute("PRAGMA journal_mode = DELETE")
    store.conn.execute("PRAGMA synchronous = OFF")
    store.conn.execute("PRAGMA cache_size = -400000")
    with store.write() as db:
        conn = db.conn
        conn.executemany(
            "INSERT INTO organizations (id, key, name, name_zh, kind) VALUES (?, ?, ?, ?, ?)",
            [
                (k + 1, f"org-{k}", f"Organization {k:04d}", "机构" + str(k), "company")
                for k in range(n_orgs)
            ],
        )
        deferred = _deferred_triggers(conn)
        for name, _table, _sql in deferred:
            conn.execute(f'DROP TRIGGER "{name}"')
        indexes = conn.execute(  # built once at the end (sorting beats random inserts)
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            " AND tbl_name IN ('events', 'event_orgs') ORDER BY rowid"
        ).fetchall()
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for first in range(0, n_events, BATCH):
            n = min(BATCH, n_events - first)
            rows = list(_columns(first, n, rng, n_orgs))
            conn.executemany(
                'INSERT INTO events (id, key, title, kind, start, start_lo, start_hi, "end",'
                " end_lo, end_hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row for row, _ in rows),
            )
            conn.executemany(
                "INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)",
                ((row[0], org) for row, org in rows),
            )
            if progress:
                progress(first + n, n_events)
        for _name, sql in indexes:
            conn.execute(sql)
        done: set[str] = set()
        for _name, table, sql in deferred:
            statement = _bulk_statement(table, sql)
            if statement not in done:  # the generation counter moves once, not per table
                conn.execute(statement)
                done.add(statement)
            conn.execute(sql)
    store.conn.execute("PRAGMA synchronous = FULL")
    store.conn.execute("PRAGMA journal_mode = WAL")
    return store
