"""Opening a database for a window: the refusal as a plain message, the dialog a thin wrapper.

:func:`attempt_open` never raises for a file it will not open and never changes the file: it
returns an :class:`OpenResult` with either an open store (and its lock) or a one-line message
for the person. The window shows the message in :func:`show_refusal`; the command line prints
it and exits 1.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.store.database import Store, open_store
from desktop.store.errors import (
    CorruptDatabaseError,
    ForeignSchemaError,
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
)
from desktop.store.lock import AlreadyOpenError, DatabaseLock, open_locked
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

# titles in English (marked for pyside6-lupdate), translated where a dialog shows them
TITLES: tuple[tuple[type[StoreError], str], ...] = (
    (AlreadyOpenError, QT_TRANSLATE_NOOP("Shell", "Already open")),
    (NewerSchemaError, QT_TRANSLATE_NOOP("Shell", "Made by a newer Dossier")),
    (CorruptDatabaseError, QT_TRANSLATE_NOOP("Shell", "Damaged database")),
    (NotADatabaseError, QT_TRANSLATE_NOOP("Shell", "Not a Dossier database")),
    (ForeignSchemaError, QT_TRANSLATE_NOOP("Shell", "Changed outside Dossier")),
    (ReadOnlyError, QT_TRANSLATE_NOOP("Shell", "Cannot write to this file")),
    (MissingDatabaseError, QT_TRANSLATE_NOOP("Shell", "File not found")),
)

DAMAGED_READ_ONLY = QT_TRANSLATE_NOOP("Shell", "Damaged database: opened read-only")
CANNOT_OPEN = QT_TRANSLATE_NOOP("Shell", "Cannot open the database")
DISK_FULL = QT_TRANSLATE_NOOP("Shell", "The disk is full")


@dataclass
class OpenResult:
    path: Path
    store: Store | None = None
    lock: DatabaseLock | None = None
    message: str | None = None
    title: str = CANNOT_OPEN

    @property
    def ok(self) -> bool:
        return self.store is not None


def refusal_title(exc: StoreError) -> str:
    for kind, title in TITLES:
        if isinstance(exc, kind):
            return title
    if "full" in str(exc).lower():
        return DISK_FULL
    return CANNOT_OPEN


def attempt_open(path: str | os.PathLike[str], *, readonly: bool = False) -> OpenResult:
    """Open ``path`` with its lock, or say in one line why not (the file left as it was)."""
    target = Path(path).expanduser()
    try:
        store, lock = open_locked(target, readonly=readonly)
    except CorruptDatabaseError as exc:
        return _open_damaged(target, exc)
    except StoreError as exc:
        return OpenResult(target, message=str(exc), title=refusal_title(exc))
    except OSError as exc:  # e.g. the lock folder cannot be made
        return OpenResult(target, message=f"{target}: {exc.strerror or exc}")
    return OpenResult(target, store=store, lock=lock)


def _open_damaged(target: Path, exc: CorruptDatabaseError) -> OpenResult:
    """A damaged file is never written to: it opens read-only, with a message saying so (an
    ``ok`` result that carries a message), or is refused if it cannot even be read."""
    try:
        store = open_store(target, readonly=True)
    except StoreError as again:
        return OpenResult(target, message=str(again), title=refusal_title(again))
    why = f" ({store_text(exc.why)})" if exc.why else ""
    message = translate(
        "Shell",
        "{path} is damaged{why}, so it was opened read-only: you can read and export, but"
        " nothing can be changed. Restore a backup, or run 'dossier check' on it.",
    ).format(path=target, why=why)
    return OpenResult(target, store=store, message=message, title=DAMAGED_READ_ONLY)


def show_refusal(parent: QWidget | None, result: OpenResult) -> None:
    """The dialog for a refused open: critical, plain text (a file name is never markup)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    title = translate("Shell", result.title)
    box.setWindowTitle(translate("Shell", "Dossier — {title}").format(title=title))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{title}: {result.path.name}")
    unchanged = translate("Shell", "The file was not changed.")
    box.setInformativeText(f"{store_text(result.message)}\n\n{unchanged}")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    critical(box)


def show_notice(parent: QWidget | None, result: OpenResult) -> None:
    """The warning for a file that opened, but not as asked (a damaged file, read-only)."""
    if not result.message:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    title = translate("Shell", result.title)
    box.setWindowTitle(translate("Shell", "Dossier — {title}").format(title=title))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{title}: {result.path.name}")

    box.setInformativeText(store_text(result.message))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    critical(box)


def critical(box: QMessageBox) -> None:
    """Run the box (tests replace this to collect boxes instead of blocking). Without a screen
    (``offscreen``) nobody could close it: the caller has printed the message already."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return
    box.exec()
