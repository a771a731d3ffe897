"""Bulk annotation from the timeline: the canvas's right-click menu gets Star, Unstar, Tag…
and Colour ▸ for every selected event, each one undoable step through
:meth:`AnnotationsController.bulk_annotate`. ``install(window)`` wires it (once).

Thread: UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.errors import StoreError
from desktop.ui.annotations.editor import split_tags
from desktop.ui.feature import install_once
from desktop.ui.format import COLOUR_HEX

CONFIRM_OVER = 500  # events: a bigger bulk change asks first


def _swatch(hex_colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(hex_colour) if hex_colour else QColor(0, 0, 0, 0))
    return QIcon(pixmap)


class TimelineBulk(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from desktop.ui.annotations import install as install_annotations

        self.window = window
        self.store = window.store
        self.notes_ui = install_annotations(window)  # the existing controller, if installed
        self.canvas = window.timeline.canvas
        self.canvas.sig_context_menu.connect(self.add_actions)

    # -- menu --------------------------------------------------------------------------------
    def add_actions(self, menu: QMenu, ids: list[int]) -> None:
        """Star / Unstar / Tag… / Colour ▸ for ``ids`` at the top of the canvas's menu."""
        if not ids:
            return
        n = len(ids)
        what = "event" if n == 1 else f"{n:,} events"
        for name, text, slot in (
            ("star", f"Star {what}", lambda: self.star(ids, True)),
            ("unstar", f"Unstar {what}", lambda: self.star(ids, False)),
            ("tag", f"Tag {what}…", lambda: self.ask_tags(ids)),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"timeline_bulk_{name}")
            action.triggered.connect(lambda _=False, slot=slot: slot())
        colours = menu.addMenu("Colour")
        colours.setObjectName("timeline_bulk_colour")
        for name in ("none", *notes.COLOURS):
            label = "No colour" if name == "none" else name.capitalize()
            action = colours.addAction(_swatch(COLOUR_HEX.get(name)), label)
            action.setObjectName(f"timeline_bulk_colour_{name}")
            action.triggered.connect(lambda _=False, c=name: self.colour(ids, c))

    # -- actions -----------------------------------------------------------------------------
    def targets(self, ids: list[int]) -> list[str]:
        """'event:KEY' per id (events deleted meanwhile are left out)."""
        return [t for eid in ids if (t := bulk.event_target(self.store, eid))]

    def star(self, ids: list[int], on: bool = True) -> int:
        return self.apply(ids, starred=on)

    def colour(self, ids: list[int], name: str) -> int:
        return self.apply(ids, colour=name)

    def tag(self, ids: list[int], tags: list[str] | tuple[str, ...]) -> int:
        return self.apply(ids, tags_add=tuple(tags)) if tags else 0

    def ask_tags(self, ids: list[int]) -> int:
        text, ok = QInputDialog.getText(
            self.window,
            "Tag events",
            f"Tags to add to {len(ids):,} event{'s' * (len(ids) != 1)} (comma-separated):",
        )
        return self.tag(ids, split_tags(text)) if ok else 0

    def apply(self, ids: list[int], **change: Any) -> int:
        """One undo step for every selected event; returns how many notes changed."""
        if len(ids) > CONFIRM_OVER and not self._confirm(len(ids)):
            return 0
        targets = self.targets(ids)
        if not targets:
            return 0
        try:
            changed = self.notes_ui.bulk_annotate(targets, **change)
        except StoreError as exc:
            self.window.statusBar().showMessage(f"Could not annotate the events: {exc}", 8000)
            return 0
        self.window.statusBar().showMessage(
            f"{changed:,} note{'s' * (changed != 1)} changed on {len(targets):,}"
            f" event{'s' * (len(targets) != 1)}",
            5000,
        )
        return changed

    def _confirm(self, n: int) -> bool:
        answer = QMessageBox.question(
            self.window, "Annotate events", f"Change the notes of {n:,} selected events?"
        )
        return answer == QMessageBox.StandardButton.Yes


def install(window: Any) -> TimelineBulk:
    """Add bulk star/tag/colour to the timeline's right-click menu (once); the controller is
    ``window.timeline_bulk``."""
    return install_once(window, "timeline_bulk", TimelineBulk, lambda: TimelineBulk(window))
