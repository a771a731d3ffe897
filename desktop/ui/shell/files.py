"""The File menu's dialogs and the Open Recent submenu.

Each question to the person is one small function here (file names, "seed or empty?"), so the
tests can answer it without a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.ui.i18n import translate
from desktop.ui.shell import settings
from desktop.ui.store_text import store_text


def db_filter() -> str:
    return translate("Shell", "Dossier databases (*.db *.sqlite *.sqlite3);;All files (*)")


def ask_open_path(parent: QWidget, start: Path) -> Path | None:
    title = translate("Shell", "Open a Dossier database")
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), db_filter())
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), db_filter())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".db")


def ask_new_kind(parent: QWidget) -> str | None:
    """'seed' (the seed dossier), 'empty', or None (cancelled)."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Shell", "New database"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(translate("Shell", "Start the new database from the seed dossier, or empty?"))
    box.setInformativeText(
        translate(
            "Shell",
            "The seed dossier holds the organizations, events and sources that ship with Dossier.",
        )
    )
    seed = box.addButton(
        translate("Shell", "From the seed dossier"), QMessageBox.ButtonRole.AcceptRole
    )
    empty = box.addButton(translate("Shell", "Empty"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(seed)
    box.exec()
    clicked = box.clickedButton()
    return "seed" if clicked is seed else "empty" if clicked is empty else None


def show_error(parent: QWidget, title: str, text: str) -> None:
    caption = translate("Shell", "Dossier — {title}").format(title=title)
    box = QMessageBox(QMessageBox.Icon.Critical, caption, store_text(text), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def backup_name(db: Path) -> Path:
    return db.with_name(f"{db.stem}-backup-{date.today():%Y-%m-%d}{db.suffix or '.db'}")


class RecentMenu(QMenu):
    """File ▸ Open Recent: up to 10 files, newest first; a missing file is shown greyed out
    with "(missing)" and "Remove missing files" takes them off the list."""

    def __init__(self, parent: QWidget, open_path: Callable[[Path], object]) -> None:
        super().__init__(translate("Shell", "Open &Recent"), parent)
        self.setObjectName("menuRecent")
        self._open_path = open_path
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        items = settings.recent_files()
        for i, text in enumerate(items):
            path = Path(text)
            exists = path.is_file()
            name = settings.recent_label(path).replace("&", "&&")
            if not exists:
                name = translate("Shell", "{name} (missing)").format(name=name)
            action = QAction(f"&{(i + 1) % 10} {name}", self)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.setData(text)
            action.setEnabled(exists)
            action.triggered.connect(lambda _=False, p=path: self._open_path(p))
            self.addAction(action)
        if not items:
            none = self.addAction(translate("Shell", "No recent files"))
            none.setEnabled(False)
        self.addSeparator()
        prune = self.addAction(translate("Shell", "Remove &missing files"))
        prune.setEnabled(any(not Path(p).is_file() for p in items))
        prune.triggered.connect(self.remove_missing)
        clear = self.addAction(translate("Shell", "&Clear list"))

        clear.setEnabled(bool(items))
        clear.triggered.connect(self.clear_list)

    def file_actions(self) -> list[QAction]:
        return [a for a in self.actions() if a.data()]

    def remove_missing(self) -> None:
        settings.set_recent([p for p in settings.recent_files() if Path(p).is_file()])
        self.rebuild()

    def clear_list(self) -> None:
        settings.set_recent([])
        self.rebuild()
