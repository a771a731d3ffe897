"""The organization list as a Qt model (ids and a small row cache; data from the store)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.model import OrgSummary
from desktop.store.database import Store
from desktop.store.queries import list_organizations

OrgIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class OrgListModel(QAbstractListModel):
    def __init__(self, store: Store, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.store = store
        self._rows: list[OrgSummary] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list_organizations(self.store)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        org = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{org.label}  ({org.event_count})" if org.event_count else org.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{org.label}\n{org.kind}, {org.event_count} events"
        if role == OrgIdRole:
            return org.id
        return None

    def row_of(self, org_id: int) -> int:
        return next((i for i, o in enumerate(self._rows) if o.id == org_id), -1)

    def org_at(self, row: int) -> OrgSummary:
        return self._rows[row]
