"""View ▸ Language: System, English, 简体中文 — saved in QSettings and applied at once.

Choosing a language installs its translation and rebuilds each window the shell opened, on the
same database (its store and lock move to the new window) with the layout, open dossiers and
timeline it had: every text is drawn again by the code that wrote it, in the new language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.ui import i18n
from desktop.ui.i18n import translate
from desktop.ui.shell.lifecycle import WINDOWS, Lifecycle, lifecycle_of, new_window

if TYPE_CHECKING:
    from desktop.ui.shell import ShellController


def add_language_menu(controller: ShellController) -> None:
    sub = controller.context.menus["view"].addMenu(translate("Shell", "&Language"))
    sub.setObjectName("menuLanguage")
    group = QActionGroup(sub)
    group.setExclusive(True)
    current = i18n.saved_choice()
    names = {"system": translate("Shell", "&System"), **i18n.LANGUAGES}
    for choice in i18n.CHOICES:
        action = QAction(names[choice], sub)
        action.setObjectName(f"action_language_{choice}")
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.triggered.connect(lambda _=False, c=choice: set_language(c))
        group.addAction(action)
        sub.addAction(action)
        controller.actions[f"language_{choice}"] = action


def set_language(choice: str) -> list[QMainWindow]:
    """Save ``choice`` (it replaces a ``--lang`` given for this run) and, when the language
    changes, install it and rebuild the shell's windows in it. Returns the new windows."""
    i18n.save_choice(choice)
    i18n.set_override(None)
    lang = i18n.wanted_language()
    if lang == i18n.active_language():
        return []
    i18n.install(lang)
    rebuilt = []
    for window in list(WINDOWS):
        life = getattr(window, "lifecycle", None)
        # a closed window waits for its deletion in the list: only the shown ones are rebuilt
        if window.isVisible() and isinstance(life, Lifecycle):
            new = reopen(life)
            if new is not None:
                rebuilt.append(new)
    return rebuilt


def reopen(life: Lifecycle) -> QMainWindow | None:
    """A new window on this window's database, built now (so in the language installed now);
    this one closes first, saving its layout for the new one. None when the close is refused
    (the window stays, still owning its database)."""
    old = life.window
    store, lock, owned = life.store, life.lock, life.owns_store
    life.owns_store, life.lock = False, None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the event loop goes on between the two windows
    try:
        old.close()
        if old.isVisible():
            life.owns_store, life.lock = owned, lock
            return None
        new = new_window(store, lock, factory=life.factory, like=old)
    finally:
        app.setQuitOnLastWindowClosed(quits)
    if not owned:  # it was the caller's store: the new window must not close it either
        lifecycle_of(new).owns_store = False
    return new
