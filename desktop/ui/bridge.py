"""Turns the store's change events (and other programs' commits) into the change bus's stages
(desktop/ui/bus.py) and, after them, one Qt signal with the raw list."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store.database import Change, Store
from desktop.ui.bus import ChangeBus


class StoreBridge(QObject):
    """Lives on the UI thread beside the Store it watches."""

    sig_changed = Signal(list)
    """list[Change] after a commit of ours, or [Change('all', 'reload')] after another
    program (the sqlite-utils CLI, Datasette) committed to the same file. Emitted after the
    bus delivered both its stages: a listener here sees every model and view reloaded.
    New code listens to the bus (``window.bus.sig_views``), which says what changed."""

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        poll_ms: int = 1000,
        bus: ChangeBus | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.bus = bus
        store.add_listener(self._on_changes)
        self._version = store.data_version()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _on_changes(self, changes: list[Change]) -> None:
        self._version = self.store.data_version()
        self._deliver(changes)

    def _deliver(self, changes: list[Change]) -> None:
        if self.bus is not None:
            self.bus.publish(changes)
        self.sig_changed.emit(changes)

    def poll(self) -> None:
        """Check PRAGMA data_version; it moves only when another connection committed."""
        version = self.store.data_version()
        if version != self._version:
            self._version = version
            self._deliver([Change("all", "reload")])

    def detach(self) -> None:
        self._timer.stop()
        self.store.remove_listener(self._on_changes)
