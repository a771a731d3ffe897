"""filter_redraw: from ``TimelineModel.set_filter`` to the canvas having painted a 1600x900
frame, over a sequence of filter changes an analyst makes (organizations, kinds, spans,
countries, note tags and stars, and clearing back to every event).

Runs on a temporary copy of the database (the worker copies it): it writes a few notes with
tags and stars and gives the organizations countries, so those facets filter something.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

TARGET_MS = 100.0
SIZE = (1600, 900)
COUNTRIES = ("China", "United States", "France", "Singapore")


def _t(year: int, month: int = 1) -> float:
    return datetime(year, month, 1, tzinfo=UTC).timestamp()


def _prepare(store) -> None:  # type: ignore[no-untyped-def]
    """Countries for the organizations without one, and ~60 notes (tagged, some starred)."""
    from desktop.store.annotations import save_annotation

    with store.write() as db:
        db.execute(
            "UPDATE organizations SET country = CASE id % 4 WHEN 0 THEN ? WHEN 1 THEN ?"
            " WHEN 2 THEN ? ELSE ? END WHERE country IS NULL",  # --db: real ones stay
            COUNTRIES,
        )
    n = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    rows = store.conn.execute(
        "SELECT key FROM events ORDER BY id LIMIT 60 OFFSET ?", (min(1000, n // 3),)
    )
    keys = [r[0] for r in rows]
    for i, key in enumerate(keys):
        tags = ["reviewed"] + (["follow-up"] if i % 3 == 0 else [])
        save_annotation(
            store, target=f"event:{key}", body="bench note", tags=tags, starred=i % 4 == 0
        )


def filter_sequence(store):  # type: ignore[no-untyped-def]
    """About twenty EventFilters, as an analyst would step through them."""
    from desktop.domain.filters import EventFilter as F

    busiest = [
        r[0]
        for r in store.conn.execute(
            "SELECT org_id FROM event_orgs GROUP BY org_id ORDER BY count(*) DESC LIMIT 100"
        )
    ]
    one, two, ten, hundred = busiest[:1], busiest[:2], busiest[:10], busiest[:100]
    return [
        F(orgs=one),
        F(orgs=two),
        F(orgs=two, kinds={"release"}),
        F(kinds={"release"}),
        F(kinds={"release", "funding"}),
        F(kinds={"release", "funding"}, range=(_t(2020), _t(2025))),
        F(range=(_t(2023), _t(2024))),
        F(range=(_t(2023, 5), _t(2023, 6))),
        F(countries={"China"}),
        F(countries={"United States"}, kinds={"policy"}),
        F(tags={"reviewed"}),
        F(starred=True),
        F(tags={"follow-up"}, range=(_t(1995), _t(2025))),
        F(orgs=ten),
        F(orgs=hundred),
        F(orgs=hundred, range=(_t(2010), _t(2015))),
        F(),
        F(range=(_t(1995), _t(2000))),
        F(orgs=one, range=(_t(2000), _t(2010))),
        F(),
    ]


def bench_filter_redraw(path: Path) -> tuple[list[float], int]:
    """Milliseconds per filter change (set_filter + canvas reload + a full paint), and the
    number of events."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    from desktop.store.database import open_store
    from desktop.ui.app import ensure_app
    from desktop.ui.timeline.canvas import TimelineCanvas
    from desktop.ui.timeline.model import TimelineModel

    ensure_app()
    store = open_store(path)
    try:
        _prepare(store)
        events = int(store.conn.execute("SELECT count(*) FROM events").fetchone()[0])
        model = TimelineModel(store)
        canvas = TimelineCanvas(model)
        canvas.resize(*SIZE)
        canvas.fit_all(animate=False)
        image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        canvas.render(image)  # warm caches (fonts, sprites)
        times = []
        for f in filter_sequence(store):
            started = time.perf_counter()
            model.set_filter(f)
            canvas.reload()
            canvas.render(image)
            times.append((time.perf_counter() - started) * 1000)
        return times, events
    finally:
        store.close()
