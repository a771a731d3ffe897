"""What every benchmark worker shares: a percentile, the peak memory, and a result printed as
the JSON line that the runner reads."""

from __future__ import annotations

import json
import resource

from desktop.bench.report import Result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: Result) -> None:
    data = {
        "bench": result.bench,
        "name": result.name,
        "value": result.value,
        "unit": result.unit,
        "events": result.events,
        "target": result.target,
        "higher_is_better": result.higher_is_better,
        "context": result.context,
    }
    print(json.dumps(data), flush=True)
