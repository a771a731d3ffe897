"""A window's life on one database: opened (owning the store and its lock), replaced by a window
on another database (File ▸ Open, New, Open Recent, a dropped file), its state saved per
database when it closes and restored when that database opens again, the store and lock
released once it is gone.

:func:`new_window` makes and shows a window (from a factory: this module imports no window
class) that owns its store from then on; :func:`close_all` releases what every window still
owns (the end of ``run_app``). Each window's :class:`Lifecycle` (``window.lifecycle``, made by
the shell's ``install``) does the rest. The File menu's actions, the theme and Help stay in
``desktop/ui/shell``; the questions to the person (file names, refusals) in its ``files`` and
``opening`` modules. This module sits in the shell's folder so that it imports its siblings
without importing the shell package before it (a package import runs its ``__init__``).

Thread: UI thread.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.store.backup import backup_to
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.library import create_empty, create_from_seeds
from desktop.store.lock import DatabaseLock, is_locked
from desktop.store.ui_state import TIMELINE_KEY, load_ui_state, save_ui_state
from desktop.ui.context import WindowContext
from desktop.ui.i18n import translate
from desktop.ui.shell import files, opening, settings

WindowFactory = Callable[[Store], QMainWindow]

# Windows opened by new_window: kept alive here until Qt deletes them (WA_DeleteOnClose).
WINDOWS: set[QMainWindow] = set()


def is_file_backed(store: Store) -> bool:
    return str(store.path) != ":memory:" and store.path.is_file()


def lifecycle_of(window: object) -> Lifecycle:
    life = getattr(window, "lifecycle", None)
    if not isinstance(life, Lifecycle):
        raise TypeError(f"{type(window).__name__} has no lifecycle (desktop.ui.shell.install)")
    return life


def new_window(
    store: Store,
    lock: DatabaseLock | None = None,
    *,
    factory: WindowFactory,
    like: QMainWindow | None = None,
) -> QMainWindow:
    """A shown main window (made by ``factory``, e.g. MainWindow) on ``store`` that owns it (and
    ``lock``) from now on. Its layout comes from QSettings for this database, else from ``like``,
    else 1600x1000."""
    try:
        window = factory(store)
        life = lifecycle_of(window)
    except BaseException:
        store.close()
        if lock:
            lock.release()
        raise
    life.adopt(store, lock)
    life.factory = factory
    if not life.restored_geometry:
        if like is not None:
            window.setGeometry(like.geometry())
        else:
            window.resize(1600, 1000)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    WINDOWS.add(window)
    window.destroyed.connect(lambda *_: WINDOWS.discard(window))
    window.show()
    return window


def close_all() -> None:
    """Release every store and lock the windows still own (end of run_app)."""
    for window in list(WINDOWS):
        life = getattr(window, "lifecycle", None)
        if isinstance(life, Lifecycle):
            life.release()
    WINDOWS.clear()


class Lifecycle(QObject):
    """One window's database: ownership, replacing it, saving and restoring its state."""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.context = window
        self.window: QMainWindow = window.qt
        self.store: Store = window.store
        # Open/New open a window of this window's own kind (MainWindow); new_window sets it
        self.factory: WindowFactory = type(window.qt)
        self.lock: DatabaseLock | None = None
        self.owns_store = False
        app = QApplication.instance()
        # `dossier screenshot` renders without reading or writing the person's saved layout
        self.persist = not (app is not None and app.property("dossier_no_persist"))
        window.sig_closing.connect(self._on_closing)
        self.restored_geometry = self.restore() if self.persist else False
        if self.persist and is_file_backed(self.store):
            settings.add_recent(self.store.path)

    # -- ownership ------------------------------------------------------------------------------
    def adopt(self, store: Store, lock: DatabaseLock | None) -> None:
        """This window now closes ``store`` and releases ``lock`` when it closes."""
        self.owns_store, self.lock = True, lock

    def release(self) -> None:
        if self.owns_store:
            self.owns_store = False
            with contextlib.suppress(Exception):
                self.context.bridge.detach()
            self.store.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- another database -----------------------------------------------------------------------
    def start_dir(self) -> Path:
        return self.store.path.parent if is_file_backed(self.store) else Path.home()

    def is_current(self, path: Path) -> bool:
        if not is_file_backed(self.store):
            return False
        with contextlib.suppress(OSError):
            return path.expanduser().resolve() == self.store.path.resolve()
        return False

    def open_path(self, path: Path, *, readonly: bool = False) -> QMainWindow | None:
        """Open ``path`` in a new window that replaces this one; on refusal show why and keep
        this window (the file is left as it was). Returns the window showing ``path``."""
        path = Path(path)
        if self.is_current(path):
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        result = opening.attempt_open(path, readonly=readonly)
        if not result.ok:
            opening.show_refusal(self.window, result)
            return None
        assert result.store is not None
        new = new_window(result.store, result.lock, factory=self.factory, like=self.window)
        opening.show_notice(new, result)  # a damaged file opened read-only says so
        settings.add_recent(path)
        self.window.close()
        return new

    def new_database(self) -> QMainWindow | None:
        """Ask seed-or-empty and where, build the file, open it in place of this window."""
        kind = files.ask_new_kind(self.window)
        if kind is None:
            return None
        title = translate("Shell", "New database")
        path = files.ask_save_path(self.window, title, self.start_dir() / "dossier.db")
        if path is None:
            return None
        if self.is_current(path):
            message = translate("Shell", "{path} is the open database.")
            files.show_error(self.window, title, message.format(path=path))
            return None
        held = is_locked(path)
        if held is not None:
            files.show_error(self.window, title, str(held))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if kind == "seed":
                store, _report = create_from_seeds(path, force=True)
            else:
                store = create_empty(path, force=True)
            store.close()
        except StoreError as exc:
            files.show_error(self.window, title, str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        return self.open_path(path)

    def backup(self) -> Path | None:
        target = files.ask_save_path(
            self.window,
            translate("Shell", "Save a copy of the database"),
            files.backup_name(self.store.path),
        )
        if target is None:
            return None
        try:
            written = backup_to(self.store, target)
        except StoreError as exc:
            files.show_error(self.window, translate("Shell", "Save a copy"), str(exc))
            return None
        message = translate("Shell", "Saved a copy to {path}")
        self.context.show_status(message.format(path=written), 8000)
        return written

    # -- state per database ---------------------------------------------------------------------
    def timeline_state(self) -> dict[str, object]:
        tl = self.context.timeline
        t0, t1 = tl.canvas.visible_range()
        return {"range": [t0, t1], "group": tl.model.group_by, "order": tl.model.order_by}

    def save_state(self) -> None:
        if is_file_backed(self.store):
            settings.save_window_layout(
                self.store.path,
                bytes(self.window.saveGeometry().data()),
                bytes(self.window.saveState().data()),
            )
        # read-only, locked or already closed: the layout is not worth an error on closing
        with contextlib.suppress(StoreError):
            save_ui_state(self.store, TIMELINE_KEY, self.timeline_state())

    def restore(self) -> bool:
        """Apply the saved layout and timeline state; True when a geometry was restored."""
        restored = False
        if is_file_backed(self.store):
            geometry, state = settings.window_layout(self.store.path)
            if geometry:
                restored = self.window.restoreGeometry(QByteArray(geometry))
            if state:
                self.window.restoreState(QByteArray(state))
        saved = load_ui_state(self.store, TIMELINE_KEY)
        tl = self.context.timeline
        for combo, key in ((tl.group, "group"), (tl.order, "order")):
            index = combo.findData(saved.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        span = saved.get("range")
        if isinstance(span, list) and len(span) == 2:
            with contextlib.suppress(TypeError, ValueError):
                t0, t1 = float(span[0]), float(span[1])
                if math.isfinite(t0) and math.isfinite(t1) and t1 > t0:
                    tl.canvas.set_range(t0, t1, animate=False)
        return restored

    # -- closing --------------------------------------------------------------------------------
    def _on_closing(self) -> None:
        """From MainWindow.closeEvent, after the features' own close handling (a running
        import is cancelled by then, so saving the layout does not wait for its lock)."""
        if not self.window.isVisible():  # once, not again if hidden
            return
        if self.persist:
            self.save_state()
        QTimer.singleShot(0, functools.partial(_after_close, self))


def _after_close(life: Lifecycle) -> None:
    """Release the store and lock unless the close was refused (the window still shows).
    A plain function: the window may already be deleted (WA_DeleteOnClose)."""
    window = life.window
    if shiboken6.isValid(window) and window.isVisible():
        return
    life.release()
