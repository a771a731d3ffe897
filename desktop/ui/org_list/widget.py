"""The organization list on the left: a filter box over the list; activating opens a dossier."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.store.database import Store
from desktop.ui.i18n import translate
from desktop.ui.org_list.model import OrgIdRole, OrgListModel


class OrgListWidget(QWidget):
    sig_org_selected = Signal(int)
    """The id of the organization the user picked."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrgListModel(store, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(translate("OrgList", "Filter organizations"))

        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(self)
        self.view.setObjectName("orgList")
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def _activate(self, index) -> None:  # type: ignore[no-untyped-def]
        org_id = index.data(OrgIdRole)
        if org_id is not None:
            self.sig_org_selected.emit(int(org_id))

    def select_org(self, org_id: int) -> None:
        """Highlight an organization without emitting (the window already opened it)."""
        row = self.model.row_of(org_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        self.view.blockSignals(True)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.blockSignals(False)

    def reload(self) -> None:
        self.model.reload()
