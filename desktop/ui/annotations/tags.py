"""The tag manager: every tag with its count; rename one, or merge it into another (one undo
step each, through ``rename_tag``).

Thread: UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import annotations as notes
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.annotations import commands
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text


class TagManager(QDialog):
    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Annotations", "Tags"))
        self.resize(380, 420)
        self.store = store
        self.undo_stack = undo_stack
        self.list = QListWidget(self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        rename = QPushButton(translate("Annotations", "Rename…"), self)
        rename.clicked.connect(self._ask_rename)
        merge = QPushButton(translate("Annotations", "Merge into…"), self)
        merge.clicked.connect(self._ask_merge)
        for b in (rename, merge):
            b.setEnabled(not store.readonly)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(rename)
        row.addWidget(merge)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for tag, count in notes.all_tags(self.store):
            item = QListWidgetItem(f"{tag}  ({count})")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            self.list.addItem(item)

    def tags(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current_tag(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def rename(self, old: str, new: str) -> int:
        """Rename ``old`` to ``new`` (a merge when ``new`` exists); one undo step."""
        try:
            count = commands.rename_tag(self.store, self.undo_stack, old, new)
        except StoreError as exc:
            self.message.setText(store_text(exc))
            return 0
        if count == 1:
            text = translate("Annotations", "{count} note changed")
        else:
            text = translate("Annotations", "{count} notes changed")
        self.message.setText(text.format(count=count))
        self.reload()
        return count

    def _ask_rename(self) -> None:
        old = self.current_tag()
        if old is None:
            return
        new, ok = QInputDialog.getText(
            self,
            translate("Annotations", "Rename tag"),
            translate("Annotations", "New name for {tag}:").format(tag=old),
            text=old,
        )
        if ok and new.strip():
            self.rename(old, new)

    def _ask_merge(self) -> None:
        old = self.current_tag()
        others = [t for t in self.tags() if t != old]
        if old is None or not others:
            return
        new, ok = QInputDialog.getItem(
            self,
            translate("Annotations", "Merge tag"),
            translate("Annotations", "Merge {tag} into:").format(tag=old),
            others,
            0,
            False,
        )

        if ok and new:
            self.rename(old, new)
