"""The main window: assembles the organization list, the timeline and the dossier panes.

It only wires features together; each feature lives in its own folder and receives the window
as a :class:`~desktop.ui.context.WindowContext`. Changes reach the views through the
:class:`~desktop.ui.bus.ChangeBus`: the window reloads its models (timeline, organizations) on
its first stage and its views (dossiers, details, status) on the second.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from desktop.store.annotations_bulk import event_target, live_note_count
from desktop.store.database import Store
from desktop.store.queries import counts, event_orgs
from desktop.ui import annotations as notes_feature
from desktop.ui import editing, filters, import_dialog, search, shell
from desktop.ui.annotations import timeline_bulk
from desktop.ui.bridge import StoreBridge
from desktop.ui.bus import ChangeBus, Changes
from desktop.ui.context import FILE_SECTIONS
from desktop.ui.dossier import controller as dossier_features
from desktop.ui.dossier.widget import DossierTabs
from desktop.ui.event_details.widget import EventDetailsView
from desktop.ui.i18n import num, translate
from desktop.ui.org_list.widget import OrgListWidget
from desktop.ui.shell import keyboard
from desktop.ui.timeline.export import export_timeline_image
from desktop.ui.timeline.widget import TimelineWidget

__all__ = ["FILE_SECTIONS", "MainWindow"]


class MainWindow(QMainWindow):
    sig_closing = Signal()  # from closeEvent, after the window's event filters saw the close

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(f"Dossier — {store.path.name}")
        self.bus = ChangeBus(store, self)
        self.bridge = StoreBridge(store, self.bus, self)
        # one undo stack for every edit in this window (forms, notes, bulk tagging)
        self.undo_stack = QUndoStack(self)

        self.org_list = OrgListWidget(store, self)
        self.timeline = TimelineWidget(store, self)
        self.dossiers = DossierTabs(store, self)
        self.details = EventDetailsView(store, self)
        self.details.setObjectName("eventDetails")

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.dossiers)
        right.addWidget(self.details)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([600, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.org_list)
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([250, 900, 450])
        self.setCentralWidget(self.splitter)

        self.org_list.sig_org_selected.connect(self.open_org)
        self.dossiers.sig_open_org.connect(self.open_org)
        self.details.sig_open_org.connect(self.open_org)
        self.dossiers.sig_focus_event.connect(self.focus_event)
        self.dossiers.sig_current_org.connect(self.timeline.canvas.set_highlight_org)
        self.timeline.canvas.sig_event_selected.connect(self.show_event)
        self.timeline.canvas.sig_lane_activated.connect(self.open_org)
        self.bus.sig_models.connect(self._reload_models)
        self.bus.sig_views.connect(self._reload_views)

        self._status = QLabel(self)
        self.statusBar().addPermanentWidget(self._status)
        self._save_state = QLabel(self)
        self._save_state.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self._save_state)
        self._update_status()
        self._make_menus()
        self._install_features()

    def _install_features(self) -> None:
        """Each feature adds its own actions, docks and connections (see its ``install``)."""
        editing.install(self)
        self.menus["edit"].addSeparator()  # then Find and Preferences
        notes_feature.install(self).editor.sig_status.connect(self._show_save_state)
        self._show_save_state("", False)
        timeline_bulk.install(self)
        search.install(self)
        import_dialog.install(self)
        filters.install(self)
        dossier_features.install(self)  # reopens the dossiers open at the last close
        if not self.dossiers.count():
            self._open_busiest_org()
        shell.install(self)  # last: restoring the window layout needs every feature's docks
        keyboard.install(self)  # Tab order and F6 over every pane, the focus ring

    def _open_busiest_org(self) -> None:
        """Start with a populated dossier: the organization with the most events."""
        orgs = self.org_list.model
        best = max(range(orgs.rowCount()), key=lambda r: orgs.org_at(r).event_count, default=None)
        if best is not None:
            self.open_org(orgs.org_at(best).id)

    def _make_menus(self) -> None:
        """The menu bar; features add their actions to ``self.menus[name]``."""
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {
            name: bar.addMenu(title)
            for name, title in (
                ("file", translate("MainWindow", "&File")),
                ("edit", translate("MainWindow", "&Edit")),
                ("view", translate("MainWindow", "&View")),
                ("go", translate("MainWindow", "&Go")),
                ("tools", translate("MainWindow", "&Tools")),
                ("help", translate("MainWindow", "&Help")),
            )
        }
        # File menu sections, each ended by a separator that features insert before
        file_menu = self.menus["file"]
        self._file_sections = {name: file_menu.addSeparator() for name in FILE_SECTIONS[:-1]}
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Linux
        quit_action.setObjectName("actionQuit")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._file_sections["close"] = quit_action

        undo = self.undo_stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        undo.setShortcuts(shell.help.unique_shortcuts("Ctrl+Z", QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        redo.setShortcuts(
            shell.help.unique_shortcuts("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo)
        )
        undo.setObjectName("actionUndo")
        redo.setObjectName("actionRedo")
        self.menus["edit"].addActions([undo, redo])
        self.menus["edit"].addSeparator()

        for text, shortcut, slot in (
            (
                translate("MainWindow", "Zoom &in"),
                QKeySequence.StandardKey.ZoomIn,
                self.timeline.canvas.zoom_in,
            ),
            (
                translate("MainWindow", "Zoom &out"),
                QKeySequence.StandardKey.ZoomOut,
                self.timeline.canvas.zoom_out,
            ),
            (
                translate("MainWindow", "&Fit all"),
                QKeySequence(Qt.Key.Key_Home),
                self.timeline.canvas.fit_all,
            ),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, slot=slot: slot())
            self.menus["view"].addAction(action)
        self.menus["view"].addAction(self.timeline.hide_empty)
        self.menus["go"].addAction(self.timeline.go_to_lane_action)

    def add_to_file_menu(self, section: str, *items: QAction | QMenu) -> None:
        """Add actions or submenus to a section of the File menu (see FILE_SECTIONS)."""
        anchor = self._file_sections[section]
        menu = self.menus["file"]
        for item in items:
            if isinstance(item, QMenu):
                menu.insertMenu(anchor, item)
            else:
                menu.insertAction(anchor, item)

    # -- actions -------------------------------------------------------------------------------
    def open_org(self, org_id: int) -> None:
        self.dossiers.open_org(org_id)
        self.org_list.select_org(org_id)

    def show_event(self, event_id: int) -> None:
        self.details.show_event(event_id if event_id >= 0 else None)
        if event_id >= 0:
            orgs = event_orgs(self.store, [event_id]).get(event_id, [])
            names = ", ".join(o.name for o in orgs)
            involves = translate("MainWindow", "Involves {names}").format(names=names)
            self.statusBar().showMessage(involves if orgs else "", 5000)

    def focus_event(self, event_id: int) -> None:
        self.timeline.canvas.focus_event(event_id)
        self.details.show_event(event_id)

    @property
    def qt(self) -> QMainWindow:
        """The window as a Qt widget (the WindowContext's parent for docks and dialogs)."""
        return self

    def export_timeline_image(self, path: str, size: tuple[int, int] = (1600, 900)) -> int:
        """The timeline as shown (filter, visible range, lane grouping) as PNG or SVG (by the
        suffix of ``path``); returns the number of events drawn. Raises StoreError."""
        fmt = "svg" if path.lower().endswith(".svg") else "png"
        model = self.timeline.model
        return export_timeline_image(
            self.store,
            path,
            fmt,
            model.filter,
            self.timeline.canvas.visible_range(),
            size,
            group_by=model.group_by,
        )

    def pane_widget(self, name: str) -> QWidget | None:
        panes: dict[str, QWidget] = {
            "organizations": self.org_list,
            "timeline": self.timeline,
            "dossier": self.dossiers,
            "details": self.details,
        }
        return panes.get(name)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _reload_models(self, changes: Changes) -> None:
        """The bus's first stage: the timeline's columns and the organization list."""
        if changes.only_notes:
            # a note saved (often while typing): only the timeline's marks change there
            self.timeline.model.reload_flags()
            self.timeline.canvas.update()
        else:
            self.org_list.reload()
            self.timeline.reload()

    def _reload_views(self, changes: Changes) -> None:
        """The bus's second stage: the dossiers that show what changed, the event details,
        the counts in the status line."""
        self.dossiers.apply(changes)
        shown = self.details.event_id
        if shown is not None and (
            not changes.only_notes or event_target(self.store, shown) in changes.note_targets
        ):
            self.details.reload()
        if changes.only_notes:  # the events and organizations were not counted again
            self._counts["annotations"] = live_note_count(self.store)
            self._show_counts()
        else:
            self._update_status()

    def _update_status(self) -> None:
        self._counts = counts(self.store)
        self._show_counts()

    def _show_counts(self) -> None:
        c = self._counts
        words = {
            "events": (translate("MainWindow", "{n} event"), translate("MainWindow", "{n} events")),
            "organizations": (
                translate("MainWindow", "{n} organization"),
                translate("MainWindow", "{n} organizations"),
            ),
            "annotations": (
                translate("MainWindow", "{n} note"),
                translate("MainWindow", "{n} notes"),
            ),
        }
        n = {
            key: (one if c[key] == 1 else many).format(n=num(c[key]))
            for key, (one, many) in words.items()
        }
        self._status.setText(
            f"{self.store.path} · {n['events']} · {n['organizations']} · {n['annotations']} ·"
        )

    def _show_save_state(self, note_status: str, error: bool) -> None:
        """Every edit commits when it is made; only a note being typed can be unsaved."""
        if self.store.readonly:
            text = translate("MainWindow", "Read-only")
        elif error:
            text = translate("MainWindow", "Note NOT saved")
        elif note_status == translate("Annotations", "Unsaved…"):  # the note editor's status
            text = translate("MainWindow", "Note unsaved…")
        else:
            text = translate("MainWindow", "All changes saved")

        self._save_state.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        # features that act on close in an event filter (autosave, cancelling an import) have
        # run by now; what must come after them (saving the layout, the lock) listens here
        self.sig_closing.emit()
        self.bridge.detach()
        super().closeEvent(event)
