"""Hands the store's change events, and other programs' commits, to the change bus
(desktop/ui/bus.py), the one channel through which views hear of changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.store.database import Change, Store
from desktop.ui.bus import ChangeBus


class StoreBridge(QObject):
    """Lives on the UI thread beside the Store it watches."""

    def __init__(
        self,
        store: Store,
        bus: ChangeBus,
        parent: QObject | None = None,
        poll_ms: int = 1000,
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
        """Our commits as the store announced them; another program's as one
        ``Change('all', 'reload')`` (the sqlite-utils CLI, Datasette)."""
        self.bus.publish(changes)

    def poll(self) -> None:
        """Check PRAGMA data_version; it moves only when another connection committed."""
        version = self.store.data_version()
        if version != self._version:
            self._version = version
            self._deliver([Change("all", "reload")])

    def detach(self) -> None:
        self._timer.stop()
        self.store.remove_listener(self._on_changes)
