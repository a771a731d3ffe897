"""A list of every editable fact of one organization's dossier, with Edit and Delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import edits_choices as choices
from desktop.ui.editing.commands import KIND_NAMES
from desktop.ui.field_words import field_text
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.ui.editing.controller import EditingController


class ItemsDialog(QDialog):
    def __init__(
        self, controller: EditingController, org_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editItems")
        self.controller = controller
        self.org_id = org_id
        store = controller.store
        self.setWindowTitle(
            translate("Editing", "Items of “{name}”").format(
                name=choices.label_of(store, "org", org_id)
            )
        )
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.edit_button = QPushButton(translate("Editing", "Edit…"), self)
        self.delete_button = QPushButton(translate("Editing", "Delete"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(translate("Editing", "Deleting is undoable (Ctrl+Z)."), self)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(620, 480)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for kind, row_id, label in choices.org_items(self.controller.store, self.org_id):
            item = QListWidgetItem(f"{field_text(KIND_NAMES[kind])}: {label}", self.list)

            item.setData(Qt.ItemDataRole.UserRole, (kind, row_id))
        self.list.setCurrentRow(0)

    def current(self) -> tuple[str, int] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        kind, row_id = item.data(Qt.ItemDataRole.UserRole)
        return str(kind), int(row_id)

    def select(self, kind: str, row_id: int) -> bool:
        for i in range(self.list.count()):
            if tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole)) == (kind, row_id):
                self.list.setCurrentRow(i)
                return True
        return False

    def edit_current(self) -> None:
        if (cur := self.current()) is not None:
            dialog = self.controller.edit(cur[0], cur[1], self.org_id)
            dialog.finished.connect(lambda _r: self.reload())

    def delete_current(self) -> None:
        if (cur := self.current()) is not None and self.controller.delete(*cur):
            self.reload()
