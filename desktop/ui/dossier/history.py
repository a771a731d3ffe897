"""Back/Forward over the dossiers shown (Alt+Left / Alt+Right), like a browser's history.

Every time a dossier becomes the visible one (opened from anywhere, or its tab picked) it is
pushed; going back re-opens a dossier that was closed since. ``install(window)`` adds the
actions to ``window.menus["go"]``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop.store.queries import get_organization
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate

MAX_ENTRIES = 200


def _keys(text: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Alt+Left/Right everywhere, plus the platform's own Back/Forward keys when different."""
    keys = [QKeySequence(text)]
    keys += [k for k in QKeySequence.keyBindings(standard) if k not in keys]
    return keys


class DossierHistory(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.entries: list[int] = []
        self.pos = -1
        self._navigating = False
        self.back_action = QAction(translate("Dossier", "&Back"), window.qt)
        self.back_action.setObjectName("dossierBack")
        self.back_action.setShortcuts(_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.back_action.setStatusTip(translate("Dossier", "The dossier shown before this one"))
        self.back_action.triggered.connect(self.back)
        self.forward_action = QAction(translate("Dossier", "&Forward"), window.qt)
        self.forward_action.setObjectName("dossierForward")
        self.forward_action.setShortcuts(_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        self.forward_action.setStatusTip(translate("Dossier", "The dossier shown after this one"))

        self.forward_action.triggered.connect(self.forward)
        window.dossiers.sig_current_org.connect(self._shown)
        view = window.dossiers.current_view()
        if view is not None:
            self._shown(view.org_id)
        self._update()

    def _shown(self, org_id: int) -> None:
        if self._navigating or org_id < 0:
            return
        if self.pos >= 0 and self.entries[self.pos] == org_id:
            return
        del self.entries[self.pos + 1 :]
        self.entries.append(org_id)
        if len(self.entries) > MAX_ENTRIES:
            del self.entries[0]
        self.pos = len(self.entries) - 1
        self._update()

    def can_go(self, step: int) -> bool:
        return 0 <= self.pos + step < len(self.entries)

    def back(self) -> None:
        self._go(-1)

    def forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        pos = self.pos + step
        # skip organizations deleted since they were shown
        while 0 <= pos < len(self.entries):
            org_id = self.entries[pos]
            if get_organization(self.window.store, org_id) is not None:
                self.pos = pos
                self._navigating = True
                try:
                    self.window.open_org(org_id)
                finally:
                    self._navigating = False
                break
            del self.entries[pos]
            if step < 0:
                pos -= 1
            if pos < self.pos:
                self.pos -= 1
        self._update()

    def _update(self) -> None:
        self.back_action.setEnabled(self.can_go(-1))
        self.forward_action.setEnabled(self.can_go(1))


def install(window: WindowContext) -> DossierHistory:
    """Add Go ▸ Back / Forward for dossiers (idempotent; ``window.dossier_history``)."""
    return install_once(window, "dossier_history", DossierHistory, lambda: _make(window))


def _make(window: WindowContext) -> DossierHistory:
    history = DossierHistory(window)
    menu = window.menus["go"]
    menu.addAction(history.back_action)
    menu.addAction(history.forward_action)
    menu.addSeparator()
    return history
