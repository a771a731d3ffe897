"""A tool button whose popup is a searchable list of checkable values (multi-select)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.ui.i18n import num, translate

ValueRole = Qt.ItemDataRole.UserRole + 1


class CheckListButton(QToolButton):
    sig_changed = Signal()
    """The set of checked values changed (by the user)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        panel = QWidget(self)
        self.search = QLineEdit(panel)
        self.search.setPlaceholderText(
            translate("Filters", "Find {what}").format(what=title.lower())
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._narrow)
        self.list = QListWidget(panel)
        self.list.setMinimumSize(300, 320)
        self.list.itemChanged.connect(self._item_changed)
        none = QPushButton(translate("Filters", "Select none"), panel)
        none.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(none)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.list)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(panel)
        menu.addAction(action)
        menu.aboutToShow.connect(self.search.setFocus)
        self.setMenu(menu)
        self._checked: set[Hashable] = set()
        self._quiet = False
        self._update_text()

    # -- contents ------------------------------------------------------------------------------
    def set_items(self, items: Iterable[tuple[Hashable, str, int | None]]) -> None:
        """(value, label, count or None) per row; checked values that remain stay checked."""
        self._quiet = True
        try:
            self.list.clear()
            values = set()
            for value, label, count in items:
                text = label if count is None else f"{label}  ({num(count)})"

                item = QListWidgetItem(text)
                item.setData(ValueRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = value in self._checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.list.addItem(item)
                values.add(value)
        finally:
            self._quiet = False
        self._narrow(self.search.text())

    def checked(self) -> frozenset:
        return frozenset(self._checked)

    def set_checked(self, values: Iterable[Hashable]) -> None:
        """Check exactly ``values`` without emitting ``sig_changed``."""
        self._checked = set(values)
        self._quiet = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                on = item.data(ValueRole) in self._checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False
        self._update_text()

    def clear(self) -> None:
        if self._checked:
            self.set_checked(())
            self.sig_changed.emit()

    def toggle_value(self, value: Hashable) -> None:
        """Check or uncheck one value as the user would (emits)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ValueRole) == value:
                on = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
                return
        raise KeyError(value)

    # -- internals -----------------------------------------------------------------------------
    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._quiet:
            return
        value = item.data(ValueRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(value)
        else:
            self._checked.discard(value)
        self._update_text()
        self.sig_changed.emit()

    def _narrow(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            self.list.setRowHidden(i, bool(needle) and needle not in item.text().casefold())

    def _update_text(self) -> None:
        n = len(self._checked)
        self.setText(f"{self.title} ({n})" if n else self.title)
