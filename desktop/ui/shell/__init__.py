"""The desktop shell around the main window: File menu (new, open, recent, backup, close, drag
and drop), per-database persistence, themes, Help, the empty-database hint.

``install(window)`` is idempotent and returns the :class:`ShellController` (``window.shell``).
A window opened by the shell owns its store and the database's lock (released when the window
closes); the first window gets them through :func:`new_window` (desktop/ui/app.py run_app).
"""

from __future__ import annotations

import contextlib
import functools
import math
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.store.backup import backup_to
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.library import create_empty, create_from_seeds
from desktop.store.lock import DatabaseLock, is_locked
from desktop.store.ui_state import TIMELINE_KEY, load_ui_state, save_ui_state
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate
from desktop.ui.shell import files, help, language, opening, settings, theme

WindowFactory = Callable[[Store], QMainWindow]

# Windows the shell opened: kept alive here until Qt deletes them (WA_DeleteOnClose).
_WINDOWS: set[QMainWindow] = set()


def install(window: QMainWindow) -> ShellController:
    return install_once(window, "shell", ShellController, lambda: ShellController(window))


def new_window(
    store: Store,
    lock: DatabaseLock | None = None,
    *,
    factory: WindowFactory,
    like: QMainWindow | None = None,
) -> QMainWindow:
    """A shown main window (made by ``factory``, e.g. MainWindow) on ``store`` that owns it (and
    ``lock``) from now on. Its layout comes from QSettings for this database, else from ``like``,
    else 1600x1000. The shell imports no window class: it is told which one."""
    try:
        window = factory(store)
    except BaseException:
        store.close()
        if lock:
            lock.release()
        raise
    controller = install(window)
    controller.adopt(store, lock)
    controller.factory = factory
    if not controller.restored_geometry:
        if like is not None:
            window.setGeometry(like.geometry())
        else:
            window.resize(1600, 1000)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _WINDOWS.add(window)
    window.destroyed.connect(lambda *_: _WINDOWS.discard(window))
    window.show()
    return window


def close_all() -> None:
    """Release every store and lock the shell still owns (end of run_app)."""
    for window in list(_WINDOWS):
        controller = getattr(window, "shell", None)
        if isinstance(controller, ShellController):
            controller.release()
    _WINDOWS.clear()


def _is_file_backed(store: Store) -> bool:
    return str(store.path) != ":memory:" and store.path.is_file()


class ShellController(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: Store = window.store  # type: ignore[attr-defined]
        # File ▸ Open/New open a window of this window's own kind (MainWindow); new_window sets it
        self.factory: WindowFactory = type(window)
        self.lock: DatabaseLock | None = None
        self.owns_store = False
        self.actions: dict[str, QAction] = {}
        self._icons: list[tuple[QAction, str]] = []
        app = QApplication.instance()
        # `dossier screenshot` renders without reading or writing the person's saved layout
        self.persist = not (app is not None and app.property("dossier_no_persist"))
        if isinstance(app, QApplication) and app.property("dossier_theme") is None:
            self.set_theme(settings.theme_choice(), save=False)
            hints = QGuiApplication.styleHints()
            if hasattr(hints, "colorSchemeChanged"):
                hints.colorSchemeChanged.connect(_follow_system)
        self._file_menu()
        self._theme_menu()
        self.actions.update(help.add_help_actions(window, self.store))
        self._view_icons()
        self.empty_hint = help.EmptyHint(window, self.store)
        self._update_title()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.sig_closing.connect(self._on_closing)  # type: ignore[attr-defined]
        self.restored_geometry = self.restore() if self.persist else False
        if self.persist and _is_file_backed(self.store):
            settings.add_recent(self.store.path)

    # -- ownership ------------------------------------------------------------------------------
    def adopt(self, store: Store, lock: DatabaseLock | None) -> None:
        """This window now closes ``store`` and releases ``lock`` when it closes."""
        self.owns_store, self.lock = True, lock

    def release(self) -> None:
        if self.owns_store:
            self.owns_store = False
            with contextlib.suppress(Exception):
                self.window.bridge.detach()  # type: ignore[attr-defined]
            self.store.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- menus ----------------------------------------------------------------------------------
    def _action(
        self, key: str, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.actions[key] = action
        return action

    def _file_menu(self) -> None:
        new = self._action("new", translate("Shell", "&New database…"), self.new_database, "Ctrl+N")
        open_ = self._action("open", translate("Shell", "&Open…"), self.open_dialog, "Ctrl+O")
        self.recent_menu = files.RecentMenu(self.window, self.open_path)
        backup = self._action(
            "backup", translate("Shell", "Save a &copy / Backup…"), self.backup, "Ctrl+Shift+S"
        )
        close = self._action("close", translate("Shell", "&Close"), self.window.close, "Ctrl+W")
        add = self.window.add_to_file_menu  # type: ignore[attr-defined]
        add("open", new, open_, self.recent_menu)
        add("save", backup)
        add("close", close)
        backup.setEnabled(str(self.store.path) != ":memory:")

    def _theme_menu(self) -> None:
        sub = self.window.menus["view"].addMenu(translate("Shell", "&Theme"))  # type: ignore[attr-defined]
        sub.setObjectName("menuTheme")
        group = QActionGroup(sub)
        group.setExclusive(True)
        current = settings.theme_choice()
        for choice, text in (
            ("system", translate("Shell", "&System")),
            ("light", translate("Shell", "&Light")),
            ("dark", translate("Shell", "&Dark")),
        ):
            action = QAction(text, sub)
            action.setObjectName(f"action_theme_{choice}")
            action.setCheckable(True)
            action.setChecked(choice == current)
            action.triggered.connect(lambda _=False, c=choice: self.set_theme(c))
            group.addAction(action)
            sub.addAction(action)
            self.actions[f"theme_{choice}"] = action
        language.add_language_menu(self)

    # resources/icons/NAME.svg for each action; a missing file simply means no icon
    ACTION_ICONS: ClassVar[dict[str, str]] = {
        "new": "document-new",
        "open": "document-open",
        "backup": "document-save",
        "close": "window-close",
        "shortcuts": "keyboard",
    }
    # the main window's View actions, by their text (as translated: see _view_icons)
    VIEW_ICONS: ClassVar[dict[str, str]] = {
        "Zoom &in": "zoom-in",
        "Zoom &out": "zoom-out",
        "&Fit all": "fit",
    }

    def _view_icons(self) -> None:
        for key, name in self.ACTION_ICONS.items():
            if key in self.actions:
                self._icons.append((self.actions[key], name))
        icons = {
            help._plain(translate("MainWindow", text)): name
            for text, name in self.VIEW_ICONS.items()
        }
        for action in self.window.menus["view"].actions():  # type: ignore[attr-defined]
            name = icons.get(help._plain(action.text()))
            if name:
                self._icons.append((action, name))
        self.refresh_icons()

    def refresh_icons(self) -> None:
        for action, name in self._icons:
            action.setIcon(theme.themed_icon(name))

    def _update_title(self) -> None:
        if str(self.store.path) == ":memory:":
            name = translate("Shell", "(in memory)")
        else:
            name = self.store.path.name
        if self.store.readonly:
            title = translate("Shell", "Dossier — {name} (read-only)")
        else:
            title = translate("Shell", "Dossier — {name}")
        self.window.setWindowTitle(title.format(name=name))
        if _is_file_backed(self.store):
            self.window.setWindowFilePath(str(self.store.path))

    # -- theme ----------------------------------------------------------------------------------
    def set_theme(self, choice: str, *, save: bool = True) -> bool:
        if save:
            settings.set_theme_choice(choice)
        dark = theme.apply_theme(choice)
        for window in QApplication.topLevelWidgets():
            controller = getattr(window, "shell", None)
            if isinstance(controller, ShellController):
                controller.refresh_icons()
                key = f"theme_{choice}"
                if key in controller.actions:
                    controller.actions[key].setChecked(True)
        return dark

    # -- files ----------------------------------------------------------------------------------
    def _start_dir(self) -> Path:
        return self.store.path.parent if _is_file_backed(self.store) else Path.home()

    def _is_current(self, path: Path) -> bool:
        if not _is_file_backed(self.store):
            return False
        with contextlib.suppress(OSError):
            return path.expanduser().resolve() == self.store.path.resolve()
        return False

    def open_dialog(self) -> QMainWindow | None:
        path = files.ask_open_path(self.window, self._start_dir())
        return self.open_path(path) if path else None

    def open_path(self, path: Path, *, readonly: bool = False) -> QMainWindow | None:
        """Open ``path`` in a new window that replaces this one; on refusal show why and keep
        this window (the file is left as it was). Returns the window showing ``path``."""
        path = Path(path)
        if self._is_current(path):
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
        kind = files.ask_new_kind(self.window)
        if kind is None:
            return None
        title = translate("Shell", "New database")
        path = files.ask_save_path(self.window, title, self._start_dir() / "dossier.db")
        if path is None:
            return None
        if self._is_current(path):
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
        self.window.statusBar().showMessage(message.format(path=written), 8000)

        return written

    # -- persistence ----------------------------------------------------------------------------
    def timeline_state(self) -> dict[str, object]:
        tl = self.window.timeline  # type: ignore[attr-defined]
        t0, t1 = tl.canvas.visible_range()
        return {"range": [t0, t1], "group": tl.model.group_by, "order": tl.model.order_by}

    def save_state(self) -> None:
        if _is_file_backed(self.store):
            settings.save_window_layout(
                self.store.path,
                bytes(self.window.saveGeometry().data()),
                bytes(self.window.saveState().data()),
            )
        # read-only, locked or already closed: the layout is not worth an error on closing
        with contextlib.suppress(StoreError, sqlite3.Error):
            save_ui_state(self.store, TIMELINE_KEY, self.timeline_state())

    def restore(self) -> bool:
        """Apply the saved layout and timeline state; True when a geometry was restored."""
        restored = False
        if _is_file_backed(self.store):
            geometry, state = settings.window_layout(self.store.path)
            if geometry:
                restored = self.window.restoreGeometry(QByteArray(geometry))
            if state:
                self.window.restoreState(QByteArray(state))
        saved = load_ui_state(self.store, TIMELINE_KEY)
        tl = self.window.timeline  # type: ignore[attr-defined]
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

    # -- window events --------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_file(event) is not None:  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            path = _dropped_file(event)  # type: ignore[arg-type]
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                QTimer.singleShot(0, lambda: self.open_path(path))
                return True
        return False

    def _on_closing(self) -> None:
        """From MainWindow.closeEvent, after the features' own close handling (a running
        import is cancelled by then, so saving the layout does not wait for its lock)."""
        if not self.window.isVisible():  # once, not again if hidden
            return
        if self.persist:
            self.save_state()
        QTimer.singleShot(0, functools.partial(_after_close, self))


def _after_close(controller: ShellController) -> None:
    """Release the store and lock unless the close was refused (the window still shows).
    A plain function: the window may already be deleted (WA_DeleteOnClose)."""
    window = controller.window
    if shiboken6.isValid(window) and window.isVisible():
        return
    controller.release()


def _dropped_file(event: QDropEvent) -> Path | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_file():
                return path
    return None


def _follow_system(*_args: object) -> None:
    app = QApplication.instance()
    if app is not None and app.property("dossier_theme") == "system" and not theme.applying():
        theme.apply_theme("system")
        for window in QApplication.topLevelWidgets():
            controller = getattr(window, "shell", None)
            if isinstance(controller, ShellController):
                controller.refresh_icons()
