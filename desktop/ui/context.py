"""What a feature may use of the window it is installed into: :class:`WindowContext`.

Every feature's ``install(window)`` receives a ``WindowContext``, not the main window class:
the store, the change bus, the undo stack, the menus, the three ways to go somewhere
(``open_org``, ``focus_event``, ``show_event``), a status message, the panes through small
protocols naming only what features use of them, and ``qt``, the Qt window itself (the parent
of docks, toolbars and dialogs). ``MainWindow`` is the one implementation (mypy checks that it
is one: tests/ui/test_ui_types.py); this module imports no feature, so a feature importing it
imports no other feature (the independence contract in pyproject.toml). The timeline's canvas
and model and a dossier view are still typed ``Any`` here: their protocols are to come.

Thread: UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QTabBar, QWidget

    from desktop.domain.grades import Grade
    from desktop.store.database import Store
    from desktop.ui.bridge import StoreBridge
    from desktop.ui.bus import ChangeBus

# the File menu's sections, top to bottom: new/open, save/backup, import/export/print, close/quit
FILE_SECTIONS = ("open", "save", "exchange", "close")
# the panes the window itself holds, by the names the keyboard's pane order uses
PANE_WIDGETS = ("organizations", "timeline", "dossier", "details")


class TimelinePane(Protocol):
    """The timeline (desktop/ui/timeline/widget.py): its canvas, model and lane controls."""

    @property
    def canvas(self) -> Any: ...  # TimelineCanvas: selection signals, range, focus

    @property
    def model(self) -> Any: ...  # TimelineModel: filter, lanes, grouping, counts

    @property
    def group(self) -> QComboBox: ...  # lanes by organization, kind or none

    @property
    def order(self) -> QComboBox: ...  # lanes by name, first event or count


class DossierPane(Protocol):
    """The dossier tabs (desktop/ui/dossier/widget.py)."""

    @property
    def sig_current_org(self) -> SignalInstance: ...  # the dossier in front (-1: none)

    @property
    def currentChanged(self) -> SignalInstance: ...

    @property
    def sig_tabs_changed(self) -> SignalInstance: ...  # a tab opened or closed

    def current_view(self) -> Any: ...  # DossierView | None: ``org_id``, ``dossier``

    def step_tab(self, step: int) -> None: ...  # the next (previous) tab, wrapping around

    def tabBar(self) -> QTabBar: ...

    def open_org_ids(self) -> list[int]: ...

    def set_min_grade(self, grade: Grade) -> None: ...  # the filter's grade cuts every dossier


class DetailsPane(Protocol):
    """The event details (desktop/ui/event_details/widget.py)."""

    @property
    def event_id(self) -> int | None: ...

    def set_min_grade(self, grade: Grade) -> None: ...  # only the claims the grade keeps


class OrgCounts(Protocol):
    def set_counts(self, counts: dict[int, int] | None) -> None: ...  # None: every event


class OrgListPane(Protocol):
    """The organization list (desktop/ui/org_list/widget.py); its counts follow the filter."""

    @property
    def model(self) -> OrgCounts: ...

    @property
    def view(self) -> QWidget: ...  # the list itself (where the keyboard focus goes)


@runtime_checkable
class WindowContext(Protocol):
    """The window as features see it."""

    @property
    def store(self) -> Store: ...

    @property
    def bus(self) -> ChangeBus: ...  # what changed, in stages: see desktop/ui/bus.py

    @property
    def bridge(self) -> StoreBridge: ...  # the file watcher under the bus (the shell stops it)

    @property
    def undo_stack(self) -> QUndoStack: ...  # one for every edit in the window

    @property
    def menus(self) -> dict[str, QMenu]: ...  # file, edit, view, go, tools, help

    @property
    def timeline(self) -> TimelinePane: ...

    @property
    def dossiers(self) -> DossierPane: ...

    @property
    def details(self) -> DetailsPane: ...

    @property
    def org_list(self) -> OrgListPane: ...

    @property
    def sig_closing(self) -> SignalInstance: ...  # closeEvent, after the features' filters

    def add_to_file_menu(self, section: str, *items: QAction | QMenu) -> None: ...

    def open_org(self, org_id: int) -> None: ...

    def focus_event(self, event_id: int) -> None: ...

    def show_event(self, event_id: int) -> None: ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None: ...

    def export_timeline_image(self, path: str, size: tuple[int, int] = (1600, 900)) -> int: ...

    @property
    def qt(self) -> QMainWindow: ...  # the Qt window: docks, toolbars, event filters, parent

    def pane_widget(self, name: str) -> QWidget | None: ...  # see PANE_WIDGETS
