"""Import benchmark (no Qt): write an N-row CSV by code, import it into a fresh database.

``python -m desktop.bench.import_bench --events 1000000`` prints JSON result lines like the
other benchmarks: ``import_csv_rate`` (events/s for :func:`apply_import`: read, written and
committed, so the timeline shows them; target >= 100,000), ``index_rate`` (events/s for the
full-text index that follows, :func:`desktop.store.io.backlog.index_backlog`),
``import_csv_rate_with_plan`` (reading and validating first, as ``dossier import`` does),
``plan_rate`` and ``peak_rss`` (MB, target <= 500, over all of it: this process's peak plus
the reading processes' peaks). The CSV is analyst-like: a title of five words, a one-line
description, day/month/minute/range dates in several spellings, a kind and one or two of 1,000
organizations per row; no key column, so keys are hashed.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from desktop.bench.measure import emit, peak_rss_mb
from desktop.bench.report import Result

KINDS = ("release", "conference", "policy", "market", "statement", "benchmark", "funding")
WORDS = tuple(
    (
        "model launch update benchmark funding round partnership chip cloud agent open weights "
        "regulation approval survey report conference keynote demo leaderboard dataset license "
        "商汤 阿里 通义千问 百度 文心 讯飞 星火 智谱 月之暗面 深度求索 零一万物 大模型 发布 开源"
    ).split()
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
T0 = int(datetime(1995, 1, 1, tzinfo=UTC).timestamp())
T1 = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
DAY = 86_400


def _dates(rng: random.Random) -> tuple[str, str]:
    t = datetime.fromtimestamp(rng.randrange(T0, T1), UTC)
    r = rng.random()
    if r < 0.70:
        return t.strftime("%Y-%m-%d"), ""
    if r < 0.80:
        return f"{MONTHS[t.month - 1]} {t.year}", ""
    if r < 0.88:
        end = datetime.fromtimestamp(t.timestamp() + rng.randint(1, 30) * DAY, UTC)
        return t.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")
    if r < 0.95:
        return t.strftime("%Y-%m-%dT%H:%M"), ""
    return rng.choice(("early ", "mid ", "late ", "Q2 ", "")) + str(t.year), ""


def write_csv(path: Path, n: int, seed: int = 7) -> Path:
    """An analyst-style CSV of ``n`` events (deterministic for a seed)."""
    rng = random.Random(seed)
    orgs = [f"Organization {k:04d}" for k in range(1000)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["title", "date", "end", "kind", "organization", "description"])
        for i in range(n):
            start, end = _dates(rng)
            title = " ".join(rng.choices(WORDS, k=5)) + f" #{i}"
            names = "; ".join(rng.sample(orgs, rng.choice((1, 1, 1, 2))))
            text = " ".join(rng.choices(WORDS, k=10))
            out.writerow([title, start, end, rng.choice(KINDS), names, text])
    return path


def run(n: int = 1_000_000, folder: Path | None = None, source: Path | None = None) -> list[Result]:
    """Generate (or, from ``source``, export that database's events as) a CSV, plan it and
    import it into a fresh database; the figures as benchmark results."""
    from desktop.store.database import open_store
    from desktop.store.io import apply_import, parallel, plan_import
    from desktop.store.io.backlog import ALONE_SECONDS, index_backlog
    from desktop.store.io.exporters import export_csv

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        csv_path = Path(tmp) / "events.csv"
        if source is None:
            write_csv(csv_path, n)
        else:
            copy = Path(tmp) / "source.db"  # a copy: opening may upgrade an older schema
            shutil.copy(source, copy)
            origin = open_store(copy)
            try:
                n = export_csv(origin, csv_path)
            finally:
                origin.close()
        # the CSV just written is flushed to disk first: the import's own commit (fsync)
        # would otherwise write it out too, as ext4 does with a file's neighbours (measured:
        # 15.0 s for the import after a sync, 19.9 s without)
        if hasattr(os, "sync"):
            os.sync()
        store = open_store(Path(tmp) / "import.db", create=True)
        parallel.PEAKS.clear()
        try:
            t0 = time.perf_counter()
            plan = plan_import(csv_path)
            t1 = time.perf_counter()
            report = apply_import(store, plan, partial=source is not None)
            t2 = time.perf_counter()
            events = int(store.query("SELECT count(*) AS n FROM events")[0]["n"])
            t3 = time.perf_counter()
            index_backlog(store, chunk_seconds=ALONE_SECONDS)  # as dossier import does
            t4 = time.perf_counter()
            indexed = int(
                store.query("SELECT count(*) AS n FROM search WHERE rowid % 16 = 1")[0]["n"]
            )
        finally:
            store.close()
    if report.created != n or events != n or indexed != n:
        raise RuntimeError(f"imported {report.created:,} of {n:,} events, indexed {indexed:,}")
    context = {"plan_s": round(t1 - t0, 2), "import_s": round(t2 - t1, 2)}
    # the file is read in one or two other processes: their peaks count too (a bound: all at
    # once); the biggest process this one waited for, if they were not recorded one by one
    main_mb = peak_rss_mb()
    reader_mb = sum(parallel.PEAKS) or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    memory = {"main_mb": round(main_mb, 1), "reader_mb": round(reader_mb, 1)}
    index_context = {"index_s": round(t4 - t3, 2), "deferred": report.indexing}
    return [
        Result("import", "import_csv_rate", n / (t2 - t1), "events/s", n, 100_000.0, True, context),
        Result(
            "import", "index_rate", n / max(t4 - t3, 1e-9), "events/s", n, None, True, index_context
        ),
        Result("import", "import_csv_rate_with_plan", n / (t2 - t0), "events/s", n, None, True),
        Result("import", "plan_rate", n / (t1 - t0), "rows/s", n, None, True),
        Result("import", "peak_rss", main_mb + reader_mb, "MB", n, 500.0, False, memory),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    for result in run(args.events):
        emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
