"""The desktop shell around the main window: File menu (new, open, recent, backup, close, drag
and drop), themes, Help, the empty-database hint.

``install(window)`` is idempotent and returns the :class:`ShellController` (``window.shell``);
it also installs the window's :class:`~desktop.ui.shell.lifecycle.Lifecycle` (``window.lifecycle``):
owning the store and the database's lock (released when the window closes), replacing the
window by one on another database, saving and restoring its state per database. The first
window gets its store and lock through :func:`new_window` (desktop/ui/app.py run_app).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.store.database import Store
from desktop.store.lock import DatabaseLock
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate
from desktop.ui.shell import files, help, language, settings, theme
from desktop.ui.shell.lifecycle import (
    WINDOWS,
    Lifecycle,
    WindowFactory,
    close_all,
    is_file_backed,
    new_window,
)

__all__ = [
    "ShellController",
    "WindowFactory",
    "close_all",
    "install",
    "new_window",
]

# the windows new_window opened (the same set as desktop.ui.shell.lifecycle.WINDOWS)
_WINDOWS = WINDOWS


def install(window: WindowContext) -> ShellController:
    return install_once(window, "shell", ShellController, lambda: ShellController(window))


class ShellController(QObject):
    """The File menu, the theme, Help and drops on one window; its database's lifecycle
    (ownership, replacing it, its saved state) is ``self.lifecycle`` (``lifecycle.py``)."""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.context = window
        self.window: QMainWindow = window.qt
        self.actions: dict[str, QAction] = {}
        self._icons: list[tuple[QAction, str]] = []
        app = QApplication.instance()
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
        self.window.setAcceptDrops(True)
        self.window.installEventFilter(self)
        # last: restoring the layout needs every dock
        self.lifecycle = install_once(window, "lifecycle", Lifecycle, lambda: Lifecycle(window))

    # -- the lifecycle's, here too (File menu actions, tests, the language switch) --------------
    @property
    def store(self) -> Store:
        return self.context.store

    @property
    def lock(self) -> DatabaseLock | None:
        return self.lifecycle.lock

    @lock.setter
    def lock(self, lock: DatabaseLock | None) -> None:
        self.lifecycle.lock = lock

    @property
    def owns_store(self) -> bool:
        return self.lifecycle.owns_store

    @owns_store.setter
    def owns_store(self, owns: bool) -> None:
        self.lifecycle.owns_store = owns

    @property
    def factory(self) -> WindowFactory:
        return self.lifecycle.factory

    @factory.setter
    def factory(self, factory: WindowFactory) -> None:
        self.lifecycle.factory = factory

    @property
    def persist(self) -> bool:
        return self.lifecycle.persist

    @property
    def restored_geometry(self) -> bool:
        return self.lifecycle.restored_geometry

    def adopt(self, store: Store, lock: DatabaseLock | None) -> None:
        self.lifecycle.adopt(store, lock)

    def release(self) -> None:
        self.lifecycle.release()

    def open_path(self, path: Path, *, readonly: bool = False) -> QMainWindow | None:
        return self.lifecycle.open_path(path, readonly=readonly)

    def new_database(self) -> QMainWindow | None:
        return self.lifecycle.new_database()

    def backup(self) -> Path | None:
        return self.lifecycle.backup()

    def save_state(self) -> None:
        self.lifecycle.save_state()

    def restore(self) -> bool:
        return self.lifecycle.restore()

    def timeline_state(self) -> dict[str, object]:
        return self.lifecycle.timeline_state()

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
        new = self._action(
            "new", translate("Shell", "&New database…"), lambda: self.new_database(), "Ctrl+N"
        )
        open_ = self._action("open", translate("Shell", "&Open…"), self.open_dialog, "Ctrl+O")
        self.recent_menu = files.RecentMenu(self.window, lambda path: self.open_path(path))
        backup = self._action(
            "backup",
            translate("Shell", "Save a &copy / Backup…"),
            lambda: self.backup(),
            "Ctrl+Shift+S",
        )
        close = self._action("close", translate("Shell", "&Close"), self.window.close, "Ctrl+W")
        add = self.context.add_to_file_menu
        add("open", new, open_, self.recent_menu)
        add("save", backup)
        add("close", close)
        backup.setEnabled(str(self.store.path) != ":memory:")

    def _theme_menu(self) -> None:
        sub = self.context.menus["view"].addMenu(translate("Shell", "&Theme"))
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
        for action in self.context.menus["view"].actions():
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
        if is_file_backed(self.store):
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
    def open_dialog(self) -> QMainWindow | None:
        path = files.ask_open_path(self.window, self.lifecycle.start_dir())
        return self.open_path(path) if path else None

    # -- window events --------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if isinstance(event, QDropEvent) and _dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda: self.open_path(path))
                return True
        return False


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
