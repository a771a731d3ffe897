"""Annotations in the window: the note editor dock, the Annotations panel dock, the tag
manager, and the analyst's name (Edit ▸ Preferences…). ``install(window)`` adds them.

The note being typed is saved before the window closes: the controller watches the window's
Close event (an event filter, so MainWindow needs no change) and the application's
``aboutToQuit``; :meth:`AnnotationsController.flush` can also be called directly.

Thread: UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog, QMainWindow

from desktop.store import annotations_bulk as bulk
from desktop.ui.annotations import commands
from desktop.ui.annotations.editor import NoteEditor
from desktop.ui.annotations.history import HistoryDialog
from desktop.ui.annotations.panel import AnnotationsPanel
from desktop.ui.annotations.tags import TagManager
from desktop.ui.bus import Changes
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate

AUTHOR_KEY = "author"


def settings() -> QSettings:
    return QSettings("Dossier", "Dossier")


def analyst_name() -> str | None:
    """The analyst's name from preferences (None when not set)."""
    value = settings().value(AUTHOR_KEY, "")
    return str(value).strip() or None


class AnnotationsController(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.store = window.store
        self.editor = NoteEditor(self.store, window.undo_stack, analyst_name, window.qt)
        self.editor.history_button.clicked.connect(self.show_history)
        self.editor.sig_error.connect(self._error)
        self.editor_dock = QDockWidget(translate("Annotations", "Note"), window.qt)
        self.editor_dock.setObjectName("noteEditorDock")
        self.editor_dock.setWidget(self.editor)
        self.panel = AnnotationsPanel(self.store, window.undo_stack, window.qt)
        self.panel.author = analyst_name
        self.panel.sig_jump.connect(self.jump)
        self.panel.sig_note_activated.connect(self.edit_target)
        self.panel.sig_error.connect(self._error)
        self.panel.tags_button.clicked.connect(self.show_tag_manager)
        self.panel_dock = QDockWidget(translate("Annotations", "Annotations"), window.qt)
        self.panel_dock.setObjectName("annotationsDock")
        self.panel_dock.setWidget(self.panel)
        self._panel_stale = False
        # a dock behind another tab stays "visible" (moved out of sight): its tab says it shows
        self._panel_shown = False
        self.panel_dock.visibilityChanged.connect(self._panel_visibility)
        main: QMainWindow = window.qt
        # below the timeline, as two tabs: the timeline and the dossier keep their width
        main.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.editor_dock)
        main.tabifyDockWidget(self.editor_dock, self.panel_dock)
        self.editor_dock.raise_()
        main.resizeDocks([self.editor_dock], [230], Qt.Orientation.Vertical)
        self._make_actions()

        window.timeline.canvas.sig_event_selected.connect(self.show_event)
        window.dossiers.sig_current_org.connect(self.show_org)
        window.bus.sig_views.connect(self._on_changed)
        window.qt.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        view = window.dossiers.current_view()
        if view is not None:
            self.show_org(view.org_id)

    def _make_actions(self) -> None:
        menus = self.window.menus
        menus["view"].addSeparator()
        menus["view"].addAction(self.editor_dock.toggleViewAction())
        menus["view"].addAction(self.panel_dock.toggleViewAction())
        self.prefs_action = QAction(translate("Annotations", "&Preferences…"), self.window.qt)
        self.prefs_action.triggered.connect(self.ask_author)
        menus["edit"].addAction(self.prefs_action)
        self.tags_action = QAction(translate("Annotations", "&Tags…"), self.window.qt)
        self.tags_action.triggered.connect(self.show_tag_manager)
        menus["tools"].addAction(self.tags_action)

    # -- targets -----------------------------------------------------------------------------
    def show_event(self, event_id: int) -> None:
        """Follow the timeline's selection; with none, the open dossier's note (or nothing)."""
        if event_id < 0:
            self.show_current_org()
            return
        target = bulk.event_target(self.store, event_id)
        if target:
            self.editor.set_target(target, self._label(target))

    def show_current_org(self) -> None:
        view = self.window.dossiers.current_view()
        target = bulk.org_target(self.store, view.org_id) if view is not None else None
        if target:
            self.editor.set_target(target, self._label(target))
        else:
            self.editor.set_target(
                None, translate("Annotations", "Select an event or open a dossier to annotate it.")
            )

    def show_org(self, org_id: int) -> None:
        if org_id < 0:
            return
        target = bulk.org_target(self.store, org_id)
        if target:
            self.editor.set_target(target, self._label(target))

    def edit_target(self, target: str) -> None:
        """Show ``target``'s note (``event:KEY``, ``org:KEY`` or ``claim:KEY``) in the editor."""
        self.editor.set_target(target, self._label(target))
        self.editor_dock.show()

    def _label(self, target: str) -> str:
        info = bulk.describe_targets(self.store, [target])[target]
        kinds = {
            "event": translate("Annotations", "Event: {name}"),
            "org": translate("Annotations", "Organization: {name}"),
            "claim": translate("Annotations", "Claim: {name}"),
        }
        return kinds[info.kind].format(name=info.label)

    def jump(self, kind: str, row_id: int) -> None:
        if kind == "event":
            self.window.focus_event(row_id)
        elif kind == "org":
            self.window.open_org(row_id)
        self.editor_dock.show()

    # -- actions -----------------------------------------------------------------------------
    def flush(self) -> bool:
        """Save the note being typed now (True when nothing is left unsaved)."""
        return self.editor.flush()

    def ask_author(self) -> None:
        name, ok = QInputDialog.getText(
            self.window.qt,
            translate("Annotations", "Preferences"),
            translate("Annotations", "Your name (recorded as the author of your notes):"),
            text=analyst_name() or "",
        )
        if ok:
            settings().setValue(AUTHOR_KEY, name.strip())

    def show_history(self) -> HistoryDialog | None:
        if self.editor.uuid is None:
            return None
        self.editor.flush()
        dialog = HistoryDialog(self.store, self.editor.uuid, self.window.qt)
        dialog.finished.connect(lambda _r: self.editor.reload())
        dialog.open()
        return dialog

    def show_tag_manager(self) -> TagManager:
        dialog = TagManager(self.store, self.window.undo_stack, self.window.qt)
        dialog.open()
        return dialog

    def bulk_annotate(self, targets: list[str], **change: Any) -> int:
        """For other features (search results, lists): tag/star/colour targets, one undo step."""
        return commands.bulk_annotate(
            self.store,
            self.window.undo_stack,
            targets,
            author=analyst_name(),
            on_error=self._error,
            **change,
        )

    def _error(self, text: str) -> None:
        self.window.show_status(text, 8000)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches("annotation", "event", "org", "claim"):
            return
        if changes.shows_note_of(self.editor.target):  # not after another target's note
            self.editor.reload()
        self._panel_stale = True
        self._refresh_panel()

    def _panel_visibility(self, shown: bool) -> None:
        self._panel_shown = shown
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        """The list of every note is read again when it can be seen (it is often a tab behind
        the note being typed): now if it shows, else when its tab comes to the front."""
        if self._panel_stale and self._panel_shown:
            self._panel_stale = False
            self.panel.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.qt and event.type() == QEvent.Type.Close:
            self.flush()
        return super().eventFilter(watched, event)


def install(window: WindowContext) -> AnnotationsController:
    """Add the annotation docks, actions and signals to ``window`` (once)."""
    return install_once(
        window, "annotations_ui", AnnotationsController, lambda: AnnotationsController(window)
    )
