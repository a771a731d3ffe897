"""A note's saved versions, each viewable and restorable (as a new, newest version).

Thread: UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.store import annotations as notes
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.document.notes import NoteBrowser
from desktop.ui.i18n import colour_name, translate
from desktop.ui.store_text import store_text


class HistoryDialog(QDialog):
    """Versions oldest first; the selected one is previewed; Restore makes it current."""

    def __init__(self, store: Store, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.annotations.editor import local_time

        self.setWindowTitle(translate("Annotations", "Note history"))
        self.resize(720, 480)
        self.store = store
        self.uuid = uuid
        self.restored: int | None = None
        self.versions = notes.history(store, uuid)
        self.list = QListWidget(self)
        for v in self.versions:
            empty = translate("Annotations", "(empty)")
            first = v.body.strip().splitlines()[0][:50] if v.body.strip() else empty
            colour = f"[{colour_name(v.colour)}] " if v.colour else ""
            marks = ("★ " if v.starred else "") + colour
            state = translate("Annotations", " (deleted)") if v.deleted_at else ""
            who = f" · {v.author}" if v.author else ""
            item = QListWidgetItem(f"{local_time(v.updated_at)}{who}{state}\n{marks}{first}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.list.addItem(item)
        self.preview = NoteBrowser(self)
        self.list.currentRowChanged.connect(self._show)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([280, 440])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(translate("Annotations", "Restore this version"), self)
        self.restore_button.setEnabled(not store.readonly)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        if self.versions:
            self.list.setCurrentRow(len(self.versions) - 1)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            v = self.versions[row]
            tags = ", ".join(v.tags)
            head = (
                translate("Annotations", "Tags: {tags}").format(tags=tags) + "\n\n" if tags else ""
            )
            self.preview.set_markdown(head.replace("#", "\\#") + v.body)

    def restore_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.versions):
            return
        try:
            notes.restore_version(self.store, self.uuid, self.versions[row].id)
        except StoreError as exc:
            self.preview.setPlainText(
                translate("Annotations", "Could not restore: {error}").format(error=store_text(exc))
            )

            return
        self.restored = self.versions[row].id
        self.accept()
