"""One benchmark in one process: ``python -m desktop.bench.worker timeline --events 100000``.

Prints one JSON object per result line. Generated data sets are cached (by size, seed and
schema) in the user's cache folder so repeated runs skip the generation; ``--db`` copies the
given database to a temporary file first, since the benchmarks write (the timeline cache).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import platformdirs

from desktop.bench.measure import emit, peak_rss_mb, percentile
from desktop.bench.report import Result
from desktop.store import migrations

DAY = 86400.0


def dataset(n: int) -> Path:
    """A generated database of ``n`` events, made once and cached."""
    from desktop.bench.generate import generate

    folder = Path(platformdirs.user_cache_dir("Dossier", appauthor=False)) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"events-{n}-seed7-schema{migrations.SCHEMA_VERSION}.db"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        print(f"generating {n:,} events (once; cached in {folder}) ...", file=sys.stderr)
        generate(tmp, n).close()
        os.replace(tmp, path)
    return path


def timeline(path: Path) -> None:
    """Open to first paint, frame time at ten zoom levels, zoom and pan steps, peak RSS."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import shiboken6
    from PySide6.QtGui import QImage

    from desktop.store.database import open_store
    from desktop.store.timeline import timeline_columns
    from desktop.ui.app import ensure_app
    from desktop.ui.timeline.canvas import TimelineCanvas
    from desktop.ui.timeline.model import TimelineModel

    ensure_app()
    progress: list[float] = []  # the first open after an import builds the cache files

    def first_paint() -> tuple[float, TimelineCanvas, object]:
        started = time.perf_counter()
        store = open_store(path)
        timeline_columns(store, progress=progress.append)  # no build when the files are valid
        model = TimelineModel(store)
        canvas = TimelineCanvas(model)
        canvas.resize(1600, 900)
        canvas.fit_all(animate=False)
        image = QImage(1600, 900, QImage.Format.Format_ARGB32_Premultiplied)
        canvas.render(image)
        return (time.perf_counter() - started) * 1000, canvas, store

    cold_ms, canvas, store = first_paint()  # may rebuild the packed-columns cache
    store.close()  # type: ignore[attr-defined]
    shiboken6.delete(canvas)  # one window's worth of memory at a time, as in the app
    del canvas
    gc.collect()
    warm_ms, canvas, store = first_paint()
    n = len(canvas.model.index)
    events = int(store.query("SELECT count(*) AS n FROM events")[0]["n"])  # type: ignore[attr-defined]
    huge = events > 2_000_000  # the targets of the 10M figures (issue: ten million events)
    emit(
        Result("timeline", "open_to_first_paint", warm_ms, "ms", events, 3000.0 if huge else 2000.0)
    )
    emit(
        Result(
            "timeline",
            "open_to_first_paint_cold",
            cold_ms,
            "ms",
            events,
            20000.0 if huge else None,
            context={
                "note": "includes building the cache files (as after an import)",
                "progress_reports": len(progress),
            },
        )
    )

    image = QImage(1600, 900, QImage.Format.Format_ARGB32_Premultiplied)
    extent = canvas.model.index.extent() or (0.0, DAY)
    lo_sorted = canvas.model.index.lo
    centre = float(lo_sorted[len(lo_sorted) // 2]) if n else (extent[0] + extent[1]) / 2
    full = max(extent[1] - extent[0], 3600.0)
    spans = [full * (3600.0 / full) ** (i / 9) for i in range(10)]
    labels = ["all", "", "", "", "", "", "", "", "", "1 hour"]
    for i, span in enumerate(spans):
        canvas.set_range(centre - span / 2, centre + span / 2, animate=False)
        times = []
        for _ in range(12):
            t = time.perf_counter()
            canvas.render(image)
            times.append((time.perf_counter() - t) * 1000)
        zoom = labels[i] or _span_label(span)
        emit(
            Result(
                "timeline",
                "frame_p50",
                statistics.median(times),
                "ms",
                events,
                16.0,
                context={"zoom": zoom},
            )
        )
        emit(
            Result(
                "timeline",
                "frame_p95",
                percentile(times, 95),
                "ms",
                events,
                16.0,
                context={"zoom": zoom},
            )
        )

    canvas.set_range(centre - spans[3] / 2, centre + spans[3] / 2, animate=False)
    zoom_times, pan_times = [], []
    for k in range(20):
        t = time.perf_counter()
        canvas.zoom(1.25 if k % 2 == 0 else 0.8, 800, animate=False)
        canvas.render(image)
        zoom_times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        canvas.pan_pixels(40 if k % 2 == 0 else -40)
        canvas.render(image)
        pan_times.append((time.perf_counter() - t) * 1000)
    emit(Result("timeline", "zoom_step_p95", percentile(zoom_times, 95), "ms", events, 16.0))
    emit(Result("timeline", "pan_step_p95", percentile(pan_times, 95), "ms", events, 16.0))
    # the sweeps zoom about another event than the frames above, so no range repeats
    anchor = float(lo_sorted[len(lo_sorted) * 3 // 5]) if n else centre + 1.0
    _sweeps(canvas, image, anchor, full, spans[3], events)
    emit(Result("timeline", "peak_rss", peak_rss_mb(), "MB", events, 1000.0 if huge else 500.0))
    store.close()  # type: ignore[attr-defined]


def sweep_spans(full: float, steps: int = 60, last: float = 3600.0) -> list[float]:
    """The spans of a zoom sweep: `full` to `last` in `steps` geometric steps, then back out
    through the geometric midpoints of those steps, so that no span repeats."""
    ratio = last / full
    inward = [full * ratio ** (i / (steps - 1)) for i in range(steps)]
    outward = [full * ratio ** ((i + 0.5) / (steps - 1)) for i in range(steps - 2, -1, -1)]
    return inward + outward


def _sweeps(canvas, image, centre: float, full: float, pan_span: float, events: int) -> None:  # type: ignore[no-untyped-def]
    """zoom_sweep_p95 and pan_sweep_p95: every frame paints a range not shown before, so the
    cached layers (axis, ground, composite) are made anew each frame, as in a real sweep."""
    times = []
    for span in sweep_spans(full):
        t = time.perf_counter()
        canvas.set_range(centre - span / 2, centre + span / 2, animate=False)
        canvas.render(image)
        times.append((time.perf_counter() - t) * 1000)
    context = {"zoom": "all → 1 hour → all", "frames": len(times)}
    emit(
        Result(
            "timeline", "zoom_sweep_p95", percentile(times, 95), "ms", events, 16.0, context=context
        )
    )
    canvas.set_range(centre - pan_span / 2, centre + pan_span / 2, animate=False)
    canvas.render(image)
    times = []
    for _ in range(80):
        t = time.perf_counter()
        canvas.pan_pixels(-40)
        canvas.render(image)
        times.append((time.perf_counter() - t) * 1000)
    context = {"zoom": _span_label(pan_span), "frames": len(times)}
    emit(
        Result(
            "timeline", "pan_sweep_p95", percentile(times, 95), "ms", events, 16.0, context=context
        )
    )


def _span_label(span: float) -> str:
    for unit, seconds in (("years", 365.25 * DAY), ("days", DAY), ("hours", 3600.0)):
        if span >= seconds * 1.5 or unit == "hours":
            return f"{span / seconds:.3g} {unit}"
    return f"{span:.0f} s"


SEARCH_QUERIES = (
    "model launch",
    "千问",
    "商汤",
    "benchmark",
    "通义千问",
    "leaderboard 2",
    "a",
    "发布",
)


def search(path: Path) -> None:
    """search_p95 over typed queries (Latin, 1- and 2-character Chinese, several words), the
    counting of their matches (count_p95), then filter_redraw_p95 over a sequence of timeline
    filter changes (``filter_bench``)."""
    from desktop.store.database import open_store
    from desktop.store.search import search as run_search
    from desktop.store.search_count import count_matches

    store = open_store(path, readonly=True)
    events = int(store.query("SELECT count(*) AS n FROM events")[0]["n"])
    run_search(store, "warm up")
    times = []
    for _ in range(5):
        for q in SEARCH_QUERIES:
            t = time.perf_counter()
            run_search(store, q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
    emit(Result("search", "search_p50", statistics.median(times), "ms", events))
    emit(Result("search", "search_p95", percentile(times, 95), "ms", events, 50.0))
    # what the window adds to each query: the number of every match (estimated past a cap)
    counts = []
    for _ in range(5):
        for q in SEARCH_QUERIES:
            t = time.perf_counter()
            count_matches(store, q)
            counts.append((time.perf_counter() - t) * 1000)
    emit(Result("search", "count_p95", percentile(counts, 95), "ms", events))
    store.close()
    from desktop.bench.filter_bench import TARGET_MS, bench_filter_redraw

    redraws, events = bench_filter_redraw(path)  # writes a few notes: after the searches
    emit(
        Result(
            "search",
            "filter_redraw_p95",
            percentile(redraws, 95),
            "ms",
            events,
            TARGET_MS,
            context={"changes": len(redraws), "size": "1600x900"},
        )
    )


def dossier(path: Path) -> None:
    """dossier_open: assemble and show the dossier of the organization whose number of
    events is closest to 10,000 (store query + HTML + QTextBrowser layout)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.store.database import open_store
    from desktop.store.queries import list_organizations
    from desktop.ui.app import ensure_app
    from desktop.ui.dossier.widget import DossierView

    ensure_app()
    store = open_store(path)
    events = int(store.query("SELECT count(*) AS n FROM events")[0]["n"])
    orgs = list_organizations(store)  # the smallest with 10,000 events or more
    big = [o for o in orgs if o.event_count >= 10_000]
    org = min(big, key=lambda o: o.event_count) if big else max(orgs, key=lambda o: o.event_count)
    times = []
    for _ in range(7):
        t = time.perf_counter()
        view = DossierView(store, org.id)
        view.resize(600, 900)
        view.document().size()  # force the layout
        times.append((time.perf_counter() - t) * 1000)
        view.deleteLater()
    emit(
        Result(
            "dossier",
            "dossier_open",
            statistics.median(times),
            "ms",
            events,
            100.0,
            context={"org_events": org.event_count},
        )
    )
    store.close()


def annotations(path: Path) -> None:
    """annotation_save_p95: one durable save (own transaction, synchronous=FULL);
    note_save_ui_p95: the same through the window's note editor with seven dossiers open."""
    from desktop.bench.annotations_bench import TARGET_MS, bench_annotation_save

    conn = sqlite3.connect(path)
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    times = bench_annotation_save(path)
    emit(
        Result("annotations", "annotation_save_p95", percentile(times, 95), "ms", events, TARGET_MS)
    )
    from desktop.bench.annotations_bench import note_save_ui_result

    emit(note_save_ui_result(path, events))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.worker")
    parser.add_argument("bench", choices=("timeline", "search", "dossier", "annotations", "import"))
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--events", type=int)
    group.add_argument("--db")
    args = parser.parse_args(argv)
    if args.bench == "import":  # makes its own CSV (from --db when given) and database
        from desktop.bench import import_bench

        source = Path(args.db) if args.db else None
        for result in import_bench.run(args.events or 0, source=source):
            emit(result)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(args.db) if args.db else dataset(args.events)
        path = Path(tmp) / "bench.db"
        shutil.copy(source, path)
        benches = {
            "timeline": timeline,
            "search": search,
            "dossier": dossier,
            "annotations": annotations,
        }
        benches[args.bench](path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
