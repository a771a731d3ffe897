"""Benchmark: how long saving one annotation takes on a real file, in the store and in the
window.

Both copy the database aside first (SQLite's online backup, so the given file is never
written). :func:`bench_annotation_save` times ``save_annotation`` end to end (no Qt): one
transaction with the version and search-index triggers, committed with ``synchronous=FULL``;
reported as ``annotation_save_p95``. :func:`bench_note_save_ui` saves through an offscreen main
window's note editor with seven dossiers open; reported as ``note_save_ui_p95``. Both target
10 ms.

Thread: the store bench any thread (opens its own Store); the window bench the main thread.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop.bench.measure import percentile
from desktop.bench.report import Result
from desktop.store.annotations import save_annotation
from desktop.store.database import Change, open_store

SAVES = 200
TARGET_MS = 10.0


def _targets(conn: sqlite3.Connection) -> list[str]:
    out = [f"event:{k}" for (k,) in conn.execute("SELECT key FROM events ORDER BY id LIMIT 50")]
    out += [f"org:{k}" for (k,) in conn.execute("SELECT key FROM organizations LIMIT 20")]
    out += [f"claim:{k}" for (k,) in conn.execute("SELECT key FROM claims LIMIT 20")]
    return out


def _copy(path: str | os.PathLike[str], copy: Path) -> Path:
    source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(copy)
        source.backup(dest)
        dest.close()
    finally:
        source.close()
    return copy


def bench_annotation_save(path: str | os.PathLike[str], count: int = SAVES) -> list[float]:
    """Save ``count`` annotations (new notes and edits, alternating) on a copy of ``path``;
    returns the milliseconds of each save. Raises ValueError if nothing can be annotated."""
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        copy = _copy(path, Path(folder) / "bench.db")
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


UI_SAVES = 100
UI_WARM_UP = 6  # untimed first saves (first-use imports and caches, as in a running app)
UI_DOSSIERS = 7


def bench_note_save_ui(
    path: str | os.PathLike[str],
    count: int = UI_SAVES,
    dossiers: int = UI_DOSSIERS,
    refreshes: list[float] | None = None,
    views: list[float] | None = None,
) -> list[float]:
    """``note_save_ui_p95``: a note saved through the window's own path with ``dossiers``
    dossiers open. An offscreen main window on a copy of ``path``; the seven organizations with
    the most events are open (the busiest in front); after :data:`UI_WARM_UP` untimed saves,
    each save types into the note editor and
    calls its :meth:`flush` (the autosave's path), timed from the call until it returns: the
    transaction, the commit and the change bus's delivery to every view (the views that show
    the note read it again then; the dossier in front that lists it re-renders
    ``NOTE_REFRESH_MS`` later, and the timeline repaints at its next frame — both after the
    save, between saves here, and not in the figure). The notes alternate between an event of the
    dossier in front (which shows it, so must re-render) and an event none of them involves.
    Returns the milliseconds of each save; ``views`` gets the part of each after the commit
    (the bus's delivery to the views), ``refreshes`` the front dossier's later refreshes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.store.queries import list_organizations
    from desktop.ui.app import ensure_app
    from desktop.ui.main_window import MainWindow

    app = ensure_app()
    persist = app.property("dossier_no_persist")
    app.setProperty("dossier_no_persist", True)  # neither read nor write the saved layout
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        copy = _copy(path, Path(folder) / "bench.db")
        store = open_store(copy)
        window = MainWindow(store)
        try:
            window.resize(1600, 1000)
            window.show()
            orgs = sorted(list_organizations(store), key=lambda o: -o.event_count)[:dossiers]
            if not orgs:
                raise ValueError(f"{path} has no organization to open")
            for org in reversed(orgs):  # the busiest ends in front
                window.open_org(org.id)
            app.processEvents()
            targets = _ui_targets(store.conn, [o.id for o in orgs])
            editor = window.annotations_ui.editor
            times: list[float] = []
            delivered: list[float] = []  # when the commit was done and the bus began
            publish = window.bus.publish

            def timed_publish(items: list[Change]) -> object:
                delivered.append(time.perf_counter())
                return publish(items)

            window.bus.publish = timed_publish  # type: ignore[method-assign]  # a probe
            for i in range(-UI_WARM_UP, count):
                target = targets[i % len(targets)]
                editor.set_target(target, target)
                editor.text.setPlainText(f"Benchmark note {i}: **Markdown** about {target}.")
                app.processEvents()
                delivered.clear()
                started = time.perf_counter()
                editor.flush()
                ended = time.perf_counter()
                elapsed = (ended - started) * 1000
                refreshed: list[float] = []
                _settle(app, window, refreshed)
                if i >= 0:
                    times.append(elapsed)
                    if views is not None and delivered:
                        views.append((ended - delivered[0]) * 1000)
                    if refreshes is not None:
                        refreshes += refreshed
        finally:
            window.bridge.detach()
            window.close()
            window.deleteLater()
            app.processEvents()
            store.close()
            app.setProperty("dossier_no_persist", persist)
    return times


def _settle(app: object, window: object, refreshes: list[float]) -> None:
    """Run the deferred work of a save before the next one, so saves are timed one at a time:
    the timeline's repaint, and the refresh of the dossier in front when it lists the note
    (run now rather than after its timer; its time goes to ``refreshes``)."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    app.processEvents()
    tabs = window.dossiers  # type: ignore[attr-defined]
    current = tabs.current_view()
    if current is not None and current.stale:
        started = time.perf_counter()
        tabs._refresh_current()
        refreshes.append((time.perf_counter() - started) * 1000)
    app.processEvents()


def note_save_ui_result(path: str | os.PathLike[str], events: int) -> Result:
    """The ``note_save_ui_p95`` figure, with the dossier refresh that follows a note the front
    dossier lists (not in the figure: it runs after the save) as context."""
    refreshes: list[float] = []
    views: list[float] = []
    times = bench_note_save_ui(path, refreshes=refreshes, views=views)
    context = {
        "dossiers_open": UI_DOSSIERS,
        "saves": len(times),
        "note_save_ui_p50": round(statistics.median(times), 3),
        "after_commit_p50": round(statistics.median(views), 3) if views else None,
        "after_commit_p95": round(percentile(views, 95), 3) if views else None,
        "front_dossier_refresh_p50": round(statistics.median(refreshes), 3) if refreshes else None,
    }
    return Result(
        "annotations",
        "note_save_ui_p95",
        percentile(times, 95),
        "ms",
        events,
        TARGET_MS,
        context=context,
    )


def _ui_targets(conn: sqlite3.Connection, open_orgs: list[int]) -> list[str]:
    """Events of the front dossier's organization, alternating with events that involve none
    of the open organizations."""
    marks = ",".join("?" * len(open_orgs))
    inside = [
        f"event:{k}"
        for (k,) in conn.execute(
            "SELECT e.key FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
            " WHERE eo.org_id = ? ORDER BY e.id LIMIT 10",
            (open_orgs[0],),
        )
    ]
    outside = [
        f"event:{k}"
        for (k,) in conn.execute(
            "SELECT e.key FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_orgs eo"
            f" WHERE eo.event_id = e.id AND eo.org_id IN ({marks})) ORDER BY e.id LIMIT 10",
            open_orgs,
        )
    ]
    out = [t for pair in zip(inside, outside, strict=False) for t in pair]
    if not out:
        raise ValueError("no event to annotate")
    return out
