"""Wires the dossier panes into the main window: open tabs restored at the next start and
saved on every change, the *as of* date following the timeline's cursor, the dossiers a
selected event touches highlighted, Back/Forward history and export/print.

``install(window)`` is idempotent and stores the controller as ``window.dossier_ui``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop.store.errors import StoreError
from desktop.store.queries import event_orgs, find_organization
from desktop.store.ui_state import (
    current_dossier_key,
    open_dossier_keys,
    save_current_dossier,
    save_open_dossiers,
)
from desktop.ui.context import WindowContext
from desktop.ui.dossier import export, history
from desktop.ui.dossier.widget import DossierTabs
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text


class DossierController(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        tabs = window.dossiers
        assert isinstance(tabs, DossierTabs)  # this feature's own pane, all of it
        self.tabs = tabs
        self.store = window.store
        self._restoring = False
        app = QApplication.instance()  # screenshots neither restore nor record open tabs
        self.persist = not (app is not None and app.property("dossier_no_persist"))
        if self.persist:
            self.restore_tabs()
        self.tabs.sig_tabs_changed.connect(self.save_tabs)
        self.tabs.currentChanged.connect(lambda _index: self.save_tabs())
        canvas = window.timeline.canvas
        canvas.sig_range_changed.connect(self.tabs.follow_range)
        self.tabs.follow_range(*canvas.visible_range())
        self.tabs.set_follow_available(True)
        canvas.sig_event_selected.connect(self.highlight_event)

    # -- open tabs, per database ---------------------------------------------------------------
    def restore_tabs(self) -> None:
        """Reopen the dossiers that were open last time (the window opened its default one;
        nothing is changed when nothing was recorded)."""
        keys = open_dossier_keys(self.store)
        if keys is None:
            return
        orgs = [o for o in (find_organization(self.store, k) for k in keys) if o is not None]
        self._restoring = True
        try:
            self.tabs.close_all()
            for org in orgs:
                self.window.open_org(org.id)
            front = current_dossier_key(self.store)
            keys_open = self.tabs.open_org_keys()
            if self.tabs.count():
                self.tabs.setCurrentIndex(keys_open.index(front) if front in keys_open else 0)
        finally:
            self._restoring = False

    def save_tabs(self) -> None:
        if self._restoring or not self.persist:
            return
        try:
            save_open_dossiers(self.store, self.tabs.open_org_keys())
            view = self.tabs.current_view()
            if view is not None and view.dossier is not None:
                save_current_dossier(self.store, view.dossier.org.key)
        except StoreError as exc:  # locked by another program: keep working, say so
            message = translate("Dossier", "Could not remember open dossiers: {error}")
            self.window.show_status(message.format(error=store_text(exc)), 5000)

    # -- event selection -----------------------------------------------------------------------
    def highlight_event(self, event_id: int) -> None:
        """Mark the tabs of the dossiers the selected event involves (none: clear)."""
        if event_id < 0:
            self.tabs.set_highlighted(set())
            return
        orgs = event_orgs(self.store, [event_id]).get(event_id, [])
        self.tabs.set_highlighted({o.org_id for o in orgs})


def install(window: WindowContext) -> DossierController:
    """Install the dossier features on the main window (idempotent)."""
    controller = install_once(
        window, "dossier_ui", DossierController, lambda: DossierController(window)
    )
    history.install(window)
    export.install(window)
    return controller
