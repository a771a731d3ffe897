"""``dossier bench``: each benchmark and size runs in its own process (so peak RSS is its own)
and prints its results as JSON lines, collected here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.bench.report import Result, document, print_table

BENCHES = ("timeline", "search", "dossier", "annotations", "import")
DEFAULT_SIZES = {
    "timeline": [10_000, 100_000, 1_000_000],
    "search": [1_000_000],
    "dossier": [100_000],
    "annotations": [10_000],
    "import": [1_000_000],
}


class BenchError(Exception):
    """A benchmark could not run (bad arguments, a failed child process)."""


def run_one(bench: str, events: int | None, db: str | None) -> list[Result]:
    """Run one benchmark in a child process and return its results."""
    cmd = [sys.executable, "-m", "desktop.bench.worker", bench]
    cmd += ["--db", db] if db else ["--events", str(events)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        raise BenchError(f"bench {bench} ({events or db}): {last}")
    results = []
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            data = json.loads(line)
            context = data.pop("context", {})
            results.append(Result(**data, context=context))
    return results


def run_benchmarks(
    what: list[str] | None, *, sizes: list[int] | None, db: str | None, as_json: bool
) -> int:
    benches = what or list(BENCHES)
    unknown = [b for b in benches if b not in BENCHES]
    if unknown:
        raise BenchError(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHES)}")
    if db and not Path(db).exists():
        raise BenchError(f"{db} does not exist")
    results: list[Result] = []
    for bench in benches:
        runs: list[int | None] = [None] if db else list(sizes or DEFAULT_SIZES[bench])
        for n in runs:
            if n is not None and n < 1:
                raise BenchError("--events must be at least 1")
            print(f"bench {bench}: {n or db} ...", file=sys.stderr, flush=True)
            results += run_one(bench, n, db)
    if as_json:
        json.dump(document(results), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(results)
    return 0
