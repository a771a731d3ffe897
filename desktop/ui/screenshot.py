"""``dossier screenshot``: render the main window offscreen to a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.queries import find_organization


def render_screenshot(
    store: Store,
    out: Path,
    *,
    size: tuple[int, int] = (1600, 1000),
    org: str | None = None,
    span: tuple[float, float] | None = None,
    theme: str = "light",
) -> Path:
    """Open the main window at ``size`` (offscreen), optionally with a dossier open and a time
    range visible, in the light or dark theme, and save it as PNG. Raises StoreError for an
    unknown organization."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.app import ensure_app
    from desktop.ui.main_window import MainWindow
    from desktop.ui.shell.theme import apply_theme

    app = ensure_app()
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
        for _ in range(3):
            app.processEvents()
        image = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise StoreError(f"could not write {out}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        app.setProperty("dossier_no_persist", before[0])
        if before[1]:
            apply_theme(str(before[1]))
    return out
