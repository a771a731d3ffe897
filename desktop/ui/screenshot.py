"""``dossier screenshot``: render the main window offscreen to a PNG."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.files import replacing
from desktop.store.keys import event_id_by_key
from desktop.store.queries import find_organization


def render_screenshot(
    store: Store,
    out: Path,
    *,
    size: tuple[int, int] = (1600, 1000),
    org: str | None = None,
    span: tuple[float, float] | None = None,
    theme: str = "light",
    focus: str | None = None,
    layout: Path | None = None,
) -> Path:
    """Open the main window at ``size`` (offscreen), optionally with a dossier open and a time
    range visible, in the light or dark theme, and save it as PNG. Raises StoreError for an
    unknown organization or event. ``focus`` (an event key) shows that event as "go to event"
    does; ``layout`` names a JSON file to receive what the timeline drew (see
    :mod:`desktop.ui.timeline.layout_report`)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint

    from desktop.ui.app import ensure_app
    from desktop.ui.main_window import MainWindow
    from desktop.ui.shell.theme import apply_theme
    from desktop.ui.timeline.layout_report import frame_layout

    app = ensure_app()
    focus_id = None
    if focus:
        focus_id = event_id_by_key(store, focus)
        if focus_id is None:
            raise StoreError(f"no event with the key {focus!r} (try 'dossier search --json')")
    found = None
    if org:
        found = find_organization(store, org)
        if found is None:
            raise StoreError(f"no organization named {org!r}")
    # neither restore nor save the user's layout; put the app back as it was afterwards
    before = (app.property("dossier_no_persist"), app.property("dossier_theme"))
    app.setProperty("dossier_no_persist", True)
    apply_theme(theme)
    window = MainWindow(store)
    try:
        window.resize(*size)
        window.show()
        app.processEvents()
        if found is not None:
            window.open_org(found.id)
            tabs = window.dossiers
            for i in reversed(range(tabs.count())):  # only the asked-for dossier
                if i != tabs.currentIndex():
                    tabs.tabCloseRequested.emit(i)
        if span is not None:
            window.timeline.canvas.set_range(*span, animate=False)
        elif found is not None:
            window.timeline.canvas.fit_org(found.id)
        canvas = window.timeline.canvas
        if focus_id is not None:
            canvas.focus_event(focus_id, animate=False)  # the view "go to event" gives
        for _ in range(3):
            app.processEvents()
        image = window.grab()
        if layout is not None:
            corner = canvas.mapTo(window, QPoint(0, 0))
            text = json.dumps(frame_layout(canvas, (corner.x(), corner.y())), indent=1)
            with replacing(layout, protect=(store.path,)) as tmp:
                tmp.write_text(text + "\n", encoding="utf-8")
        with replacing(out, protect=(store.path,)) as tmp:  # checked, all or nothing
            if not image.save(str(tmp), "PNG"):
                raise StoreError(f"could not write {out}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        app.setProperty("dossier_no_persist", before[0])
        if before[1]:
            apply_theme(str(before[1]))
    return out
