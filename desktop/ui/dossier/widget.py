"""Dossier panes: one tab per open organization, each a read-only rich-text view."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QWidget

from desktop.domain.model import Dossier
from desktop.store.database import Store
from desktop.store.dossier import load_dossier
from desktop.ui.dossier.render import render_dossier


class DossierView(QTextBrowser):
    """One organization's dossier. Links: org:ID opens a dossier, event:ID focuses an event."""

    sig_open_org = Signal(int)
    """An organization link was clicked."""
    sig_focus_event = Signal(int)
    """An event link was clicked."""

    def __init__(self, store: Store, org_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.org_id = org_id
        self.dossier: Dossier | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.reload()

    def reload(self) -> None:
        self.dossier = load_dossier(self.store, self.org_id)
        if self.dossier is None:
            self.setPlainText("This organization no longer exists.")
            return
        scroll = self.verticalScrollBar().value()
        self.setHtml(render_dossier(self.dossier))
        self.verticalScrollBar().setValue(scroll)

    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "org" and value.isdigit():
            self.sig_open_org.emit(int(value))
        elif kind == "event" and value.isdigit():
            self.sig_focus_event.emit(int(value))
        elif kind == "source":
            self.scrollToAnchor(url.toString())


class DossierTabs(QTabWidget):
    """Open dossiers as closable, movable tabs."""

    sig_open_org = Signal(int)
    """A dossier asked to open another organization."""
    sig_focus_event = Signal(int)
    """A dossier asked the timeline to focus an event."""
    sig_current_org = Signal(int)
    """The visible dossier changed (its org id, or -1 when none is open)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.tabCloseRequested.connect(self._close)
        self.currentChanged.connect(self._current_changed)

    def open_org(self, org_id: int) -> DossierView:
        for i in range(self.count()):
            view = self.widget(i)
            if isinstance(view, DossierView) and view.org_id == org_id:
                self.setCurrentIndex(i)
                return view
        view = DossierView(self.store, org_id, self)
        view.sig_open_org.connect(self.sig_open_org)
        view.sig_focus_event.connect(self.sig_focus_event)
        title = view.dossier.org.name if view.dossier else str(org_id)
        index = self.addTab(view, title)
        if view.dossier:
            self.setTabToolTip(index, view.dossier.org.label)
        self.setCurrentIndex(index)
        return view

    def current_view(self) -> DossierView | None:
        view = self.currentWidget()
        return view if isinstance(view, DossierView) else None

    def open_org_ids(self) -> list[int]:
        return [
            w.org_id for i in range(self.count()) if isinstance(w := self.widget(i), DossierView)
        ]

    def reload(self) -> None:
        for i in range(self.count()):
            view = self.widget(i)
            if isinstance(view, DossierView):
                view.reload()

    def _close(self, index: int) -> None:
        widget = self.widget(index)
        self.removeTab(index)
        if widget is not None:
            widget.deleteLater()

    def _current_changed(self, _index: int) -> None:
        view = self.current_view()
        self.sig_current_org.emit(view.org_id if view else -1)
