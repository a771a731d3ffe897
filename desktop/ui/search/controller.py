"""Search in the main window: a search box in a toolbar (Ctrl+F) whose results fill a dock, and
the quick-open palette (Ctrl+K). Enter on an event focuses it on the timeline; on anything else
it opens the dossier it belongs to."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar, QVBoxLayout, QWidget

from desktop.store.search_targets import target_label
from desktop.ui.feature import install_once
from desktop.ui.search.palette import QuickOpen
from desktop.ui.search.results import HitRow, ResultsView
from desktop.ui.search.session import SearchInput, SearchSession

ATTRIBUTE = "search_ui"


class SearchUI(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store

        self.toolbar = QToolBar("Search", window)
        self.toolbar.setObjectName("searchToolbar")
        self.toolbar.setMovable(False)
        self.box = SearchInput(self.toolbar)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search events, organizations, people… (Ctrl+F)")
        self.box.setMinimumWidth(260)
        self.box.setMaximumWidth(560)
        self.toolbar.addWidget(self.box)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.dock = QDockWidget("Search results", window)
        self.dock.setObjectName("searchDock")
        body = QWidget(self.dock)
        self.summary = QLabel(body)
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.results = ResultsView(body)
        self.results.setObjectName("searchResults")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()

        self.session = SearchSession(self.store, self.box, self.results, self, per_group=20)
        self.session.sig_activated.connect(self.open_hit)
        self.session.sig_searched.connect(self._on_searched)
        self.box.sig_escape.connect(self.dismiss)

        self.palette: QuickOpen | None = None

        self.find_action = QAction("&Find…", window)
        self.find_action.setObjectName("actionFind")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_box)
        self.quick_action = QAction("&Quick open…", window)
        self.quick_action.setObjectName("actionQuickOpen")
        self.quick_action.setShortcut(QKeySequence("Ctrl+K"))
        self.quick_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quick_action.triggered.connect(self.open_palette)
        window.addAction(self.find_action)
        window.addAction(self.quick_action)
        menus = getattr(window, "menus", {})
        if "edit" in menus:
            menus["edit"].addAction(self.find_action)
        if "go" in menus:
            menus["go"].addAction(self.quick_action)
        if "view" in menus:
            menus["view"].addAction(self.dock.toggleViewAction())

        window.bridge.sig_changed.connect(self._on_store_changed)

    # -- actions -------------------------------------------------------------------------------
    def focus_box(self) -> None:
        self.toolbar.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def open_palette(self) -> QuickOpen:
        if self.palette is None:
            self.palette = QuickOpen(self.store, self.window)
            self.palette.sig_activated.connect(self.open_hit)
        self.palette.open_over(self.window)
        return self.palette

    def dismiss(self) -> None:
        """Esc in the box: clear it, hide the results and give the timeline the keyboard."""
        self.box.clear()
        self.dock.hide()
        self.window.timeline.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_hit(self, hit: HitRow) -> None:
        target = hit.target
        if target is None:
            self.window.statusBar().showMessage(f"“{hit.name[:80]}” leads nowhere to open", 4000)
            return
        if target.kind == "event":
            self.window.focus_event(target.id)
        else:
            self.window.open_org(target.id)
        if hit.kind not in ("event", "org"):
            self.window.statusBar().showMessage(
                f"Opened {target_label(self.store, target)} for “{hit.name[:80]}”", 4000
            )

    # -- listeners -----------------------------------------------------------------------------
    def _on_searched(self, text: str) -> None:
        if text.strip():
            hits = len(self.results.hit_rows())
            self.summary.setText(f"{hits} result{'s' if hits != 1 else ''} for “{text[:60]}”")
            self.dock.show()
        else:
            self.summary.setText("")

    def _on_store_changed(self, _changes: list) -> None:
        if self.dock.isVisible():
            self.session.reload()
        if self.palette is not None and self.palette.isVisible():
            self.palette.session.reload()


def install(window: Any) -> SearchUI:
    """Add the search box, its results dock and the quick-open palette to ``window`` (once)."""
    return install_once(window, ATTRIBUTE, SearchUI, lambda: SearchUI(window))
