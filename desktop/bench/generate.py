"""Generated data sets for benchmarks: N events over 1,000 organizations, made by code (never
committed). Deterministic for a given N and seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from desktop.store.database import Store, open_store

KINDS = ("release", "conference", "policy", "market", "statement", "benchmark", "funding", "report")
WORDS = tuple(
    (
        "model launch update benchmark funding round partnership chip cloud agent open weights "
        "regulation approval survey report conference keynote demo leaderboard dataset license "
        "商汤 阿里 通义千问 百度 文心 讯飞 星火 智谱 月之暗面 深度求索 零一万物 大模型 发布 开源"
    ).split()
)
T0 = datetime(1995, 1, 1, tzinfo=UTC).timestamp()
T1 = datetime(2025, 1, 1, tzinfo=UTC).timestamp()
DAY = 86400


def _event(i: int, rng: random.Random) -> tuple:
    lo = int(rng.uniform(T0, T1))
    r = rng.random()
    if r < 0.80:  # a day
        lo -= lo % DAY
        start, hi, end = datetime.fromtimestamp(lo, UTC).strftime("%Y-%m-%d"), lo + DAY, None
        start_hi = hi
    elif r < 0.90:  # a month
        d = datetime.fromtimestamp(lo, UTC)
        first = datetime(d.year, d.month, 1, tzinfo=UTC)
        nxt = datetime(d.year + (d.month == 12), d.month % 12 + 1, 1, tzinfo=UTC)
        lo, hi, start_hi = int(first.timestamp()), int(nxt.timestamp()), int(nxt.timestamp())
        start, end = first.strftime("%Y-%m"), None
    elif r < 0.95:  # a range of days
        lo -= lo % DAY
        days = rng.randint(2, 40)
        start = datetime.fromtimestamp(lo, UTC).strftime("%Y-%m-%d")
        end = datetime.fromtimestamp(lo + (days - 1) * DAY, UTC).strftime("%Y-%m-%d")
        start_hi, hi = lo + DAY, lo + days * DAY
    else:  # a minute
        lo -= lo % 60
        start = datetime.fromtimestamp(lo, UTC).strftime("%Y-%m-%dT%H:%M")
        start_hi = hi = lo + 60
        end = None
    title = " ".join(rng.choice(WORDS) for _ in range(4)) + f" #{i}"
    kind = KINDS[rng.randrange(len(KINDS))]
    end_lo = hi - DAY if end else None
    return (f"gen-{i}", title, kind, start, lo, start_hi, end, end_lo, hi if end else None)


def generate(path: Path, n_events: int, n_orgs: int = 1000, seed: int = 7) -> Store:
    """Create ``path`` with ``n_orgs`` organizations and ``n_events`` events (one org each)."""
    rng = random.Random(seed)
    store = open_store(path, create=True)
    with store.write() as db:
        db.execute("PRAGMA cache_size = -200000")
        db.conn.executemany(
            "INSERT INTO organizations (id, key, name, name_zh, kind) VALUES (?, ?, ?, ?, ?)",
            [
                (k + 1, f"org-{k}", f"Organization {k:04d}", "机构" + str(k), "company")
                for k in range(n_orgs)
            ],
        )
        batch: list[tuple] = []
        links: list[tuple] = []
        for i in range(n_events):
            batch.append((i + 1, *_event(i, rng)))
            # skewed: a few organizations have many events
            links.append(
                (
                    i + 1,
                    1 + min(int(rng.paretovariate(1.1)) - 1, n_orgs - 1)
                    if rng.random() < 0.3
                    else rng.randrange(1, n_orgs + 1),
                )
            )
            if len(batch) >= 50_000:
                _flush(db.conn, batch, links)
        _flush(db.conn, batch, links)
    return store


def _flush(conn, batch: list[tuple], links: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    conn.executemany(
        'INSERT INTO events (id, key, title, kind, start, start_lo, start_hi, "end", end_lo,'
        " end_hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    conn.executemany("INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)", links)
    batch.clear()
    links.clear()
