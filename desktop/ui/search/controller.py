"""Search in the main window: a search box in a toolbar (Ctrl+F) whose results float over the
left of the window (the timeline keeps its size), and the quick-open palette (Ctrl+K). Enter on
an event focuses it on the timeline; on anything else it opens the dossier it belongs to.
Ctrl+F and Ctrl+K work wherever the focus is in the window, the palette and results included;
letters typed in the results list go to the search box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.search_targets import target_label
from desktop.ui.bus import Changes
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate
from desktop.ui.search.palette import QuickOpen
from desktop.ui.search.results import HitRow, ResultsView, summary_text
from desktop.ui.search.session import SearchInput, SearchSession

ATTRIBUTE = "search_ui"
PANEL_WIDTH = 520


class ResultsPanel(QFrame):
    """The results, floating over the left of the window below the toolbars (not a dock:
    showing them takes no room from the timeline)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("searchResultsPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#searchResultsPanel { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(
            translate("Search", "Hide the results (Esc in the search box)")
        )
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self.results = ResultsView(self)
        self.results.setObjectName("searchResults")
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        self.hide()

    def place(self) -> None:
        """Over the left of the central area, as tall as it allows."""
        window = self.parentWidget()
        central = window.centralWidget() if hasattr(window, "centralWidget") else None
        area = central.geometry() if central is not None else window.rect()
        width = min(PANEL_WIDTH, max(240, area.width() // 2))
        self.setGeometry(area.left() + 4, area.top() + 4, width, max(160, area.height() - 8))
        self.raise_()

    def show_over(self) -> None:
        self.place()
        self.show()
        self.raise_()


class SearchUI(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.store = window.store
        host = window.qt

        self.toolbar = QToolBar(translate("Search", "Search"), host)
        self.toolbar.setObjectName("searchToolbar")
        self.toolbar.setMovable(False)
        self.box = SearchInput(self.toolbar)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(
            translate("Search", "Search events, organizations, people… (Ctrl+F)")
        )
        self.box.setMinimumWidth(260)
        self.box.setMaximumWidth(560)
        self.toolbar.addWidget(self.box)
        host.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.panel = ResultsPanel(host)
        self.dock = self.panel  # the name older callers know
        self.summary = self.panel.summary
        self.results = self.panel.results
        self.results.installEventFilter(self)
        host.installEventFilter(self)

        self.session = SearchSession(self.store, self.box, self.results, self, per_group=20)
        self.session.sig_activated.connect(self.open_hit)
        self.session.sig_searched.connect(self._on_searched)
        self.box.sig_escape.connect(self.dismiss)

        self.palette: QuickOpen | None = None

        self.find_action = QAction(translate("Search", "&Find…"), host)
        self.find_action.setObjectName("actionFind")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_box)
        self.quick_action = QAction(translate("Search", "&Quick open…"), host)
        self.quick_action.setObjectName("actionQuickOpen")
        self.quick_action.setShortcut(QKeySequence("Ctrl+K"))
        self.quick_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quick_action.triggered.connect(self.open_palette)
        self.show_action = QAction(translate("Search", "Search &results"), host)
        self.show_action.setObjectName("actionSearchResults")
        self.show_action.triggered.connect(self.show_results)
        host.addAction(self.find_action)
        host.addAction(self.quick_action)
        window.menus["edit"].addAction(self.find_action)
        window.menus["go"].addAction(self.quick_action)
        window.menus["view"].addAction(self.show_action)

        window.bus.sig_views.connect(self._on_store_changed)

    # -- actions -------------------------------------------------------------------------------
    def focus_box(self) -> None:
        if self.palette is not None and self.palette.isVisible():
            self.palette.reject()
        self.window.qt.activateWindow()
        self.toolbar.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def show_results(self) -> None:
        if self.session.last_query:
            self.panel.show_over()

    def open_palette(self) -> QuickOpen:
        if self.palette is None:
            self.palette = QuickOpen(self.store, self.window.qt)
            self.palette.sig_activated.connect(self.open_hit)
            # the palette is a window of its own: the keys must work there too
            self.palette.addAction(self.find_action)
            self.palette.addAction(self.quick_action)
            # closed (Esc, Enter): the keyboard goes back to the window it floats over
            self.palette.finished.connect(lambda _r: self.window.qt.activateWindow())
        self.palette.open_over(self.window.qt)
        return self.palette

    def dismiss(self) -> None:
        """Esc in the box: clear it, hide the results and give the timeline the keyboard."""
        self.box.clear()
        self.panel.hide()
        self.window.timeline.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_hit(self, hit: HitRow) -> None:
        target = hit.target
        if target is None:
            message = translate("Search", "“{name}” leads nowhere to open")
            self.window.show_status(message.format(name=hit.name[:80]), 4000)
            return
        if target.kind == "event":
            self.window.focus_event(target.id)
        else:
            self.window.open_org(target.id)
        if hit.kind not in ("event", "org"):
            message = translate("Search", "Opened {target} for “{name}”").format(
                target=target_label(self.store, target), name=hit.name[:80]
            )
            self.window.show_status(message, 4000)

    # -- listeners -----------------------------------------------------------------------------
    def _on_searched(self, text: str) -> None:
        if text.strip():
            groups = self.session.groups
            no_matches = translate("Search", "No matches")
            self.summary.setText(summary_text(groups, text) if groups else no_matches)

            if not self.panel.isVisible():
                self.panel.show_over()
        else:
            self.summary.setText("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window.qt and kind == QEvent.Type.Resize and self.panel.isVisible():
            self.panel.place()
        elif watched is self.results and kind == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            text = key_event.text()
            plain = not key_event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if key_event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if text and text.isprintable() and plain:  # typing goes on in the search box
                self.box.setFocus(Qt.FocusReason.OtherFocusReason)
                self.box.insert(text)
                return True
        return False

    def _on_store_changed(self, _changes: Changes) -> None:
        if self.panel.isVisible():
            self.session.reload()
        if self.palette is not None and self.palette.isVisible():
            self.palette.session.reload()


def install(window: WindowContext) -> SearchUI:
    """Add the search box, its results dock and the quick-open palette to ``window`` (once)."""
    return install_once(window, ATTRIBUTE, SearchUI, lambda: SearchUI(window))
