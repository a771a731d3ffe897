"""Benchmark: how long saving one annotation takes on a real file (no Qt).

:func:`bench_annotation_save` copies the database aside (SQLite's online backup, so the given
file is never written) and times ``save_annotation`` end to end: one transaction with the
version and search-index triggers, committed with ``synchronous=FULL``. Reported as
``annotation_save_p95`` with a target of 10 ms.

Thread: any thread (opens its own Store).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

from desktop.store.annotations import save_annotation
from desktop.store.database import open_store

SAVES = 200
TARGET_MS = 10.0


def _targets(conn: sqlite3.Connection) -> list[str]:
    out = [f"event:{k}" for (k,) in conn.execute("SELECT key FROM events ORDER BY id LIMIT 50")]
    out += [f"org:{k}" for (k,) in conn.execute("SELECT key FROM organizations LIMIT 20")]
    out += [f"claim:{k}" for (k,) in conn.execute("SELECT key FROM claims LIMIT 20")]
    return out


def bench_annotation_save(path: str | os.PathLike[str], count: int = SAVES) -> list[float]:
    """Save ``count`` annotations (new notes and edits, alternating) on a copy of ``path``;
    returns the milliseconds of each save. Raises ValueError if nothing can be annotated."""
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        copy = Path(folder) / "bench.db"
        source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(copy)
            source.backup(dest)
            dest.close()
        finally:
            source.close()
        store = open_store(copy)
        try:
            targets = _targets(store.conn)
            if not targets:
                raise ValueError(f"{path} has no event, organization or claim to annotate")
            times: list[float] = []
            last = None
            for i in range(count):
                target = targets[i % len(targets)]
                body = f"Benchmark note {i}: **Markdown** text about {target}."
                started = time.perf_counter()
                if last is not None and i % 2:
                    save_annotation(store, uuid=last.uuid, target=last.target, body=body)
                else:
                    last = save_annotation(store, target=target, body=body, tags=["bench"])
                times.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    return times
