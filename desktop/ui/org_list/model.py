"""The organization list as a Qt model (ids and a small row cache; data from the store)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.model import OrgSummary
from desktop.store.database import Store
from desktop.store.queries import list_organizations
from desktop.ui.i18n import num, translate

OrgIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class OrgListModel(QAbstractListModel):
    def __init__(self, store: Store, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.store = store
        self._rows: list[OrgSummary] = []
        self._counts: dict[int, int] | None = None  # event counts under the timeline's filter
        self.reload()

    def set_counts(self, counts: dict[int, int] | None) -> None:
        """Show these event counts (the timeline filter's) instead of the stored totals; None
        shows the totals again."""
        self._counts = counts
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

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
        n = org.event_count if self._counts is None else self._counts.get(org.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{org.label}  ({num(n)})" if n else org.label
        if role == Qt.ItemDataRole.ToolTipRole:
            if n == 1:
                text = translate("OrgList", "{name}\n{kind}, {n} event")
            else:
                text = translate("OrgList", "{name}\n{kind}, {n} events")
            return text.format(name=org.label, kind=org.kind, n=num(n))

        if role == OrgIdRole:
            return org.id
        return None

    def row_of(self, org_id: int) -> int:
        return next((i for i, o in enumerate(self._rows) if o.id == org_id), -1)

    def org_at(self, row: int) -> OrgSummary:
        return self._rows[row]
