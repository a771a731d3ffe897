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
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.format import COLOUR_HEX
from desktop.ui.i18n import colour_name, num, translate
from desktop.ui.store_text import store_text

CONFIRM_OVER = 500  # events: a bigger bulk change asks first


def _swatch(hex_colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(hex_colour) if hex_colour else QColor(0, 0, 0, 0))
    return QIcon(pixmap)


class TimelineBulk(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
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
        if n == 1:
            texts = (
                translate("Annotations", "Star event"),
                translate("Annotations", "Unstar event"),
                translate("Annotations", "Tag event…"),
            )
        else:
            texts = (
                translate("Annotations", "Star {n} events"),
                translate("Annotations", "Unstar {n} events"),
                translate("Annotations", "Tag {n} events…"),
            )
        star, unstar, tag = (t.format(n=num(n)) for t in texts)
        for name, text, slot in (
            ("star", star, lambda: self.star(ids, True)),
            ("unstar", unstar, lambda: self.star(ids, False)),
            ("tag", tag, lambda: self.ask_tags(ids)),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"timeline_bulk_{name}")
            action.triggered.connect(lambda _=False, slot=slot: slot())
        colours = menu.addMenu(translate("Annotations", "Colour"))
        colours.setObjectName("timeline_bulk_colour")
        for name in ("none", *notes.COLOURS):
            label = translate("Annotations", "No colour") if name == "none" else colour_name(name)
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
        if len(ids) == 1:
            prompt = translate("Annotations", "Tags to add to {n} event (comma-separated):")
        else:
            prompt = translate("Annotations", "Tags to add to {n} events (comma-separated):")
        text, ok = QInputDialog.getText(
            self.window.qt,
            translate("Annotations", "Tag events"),
            prompt.format(n=num(len(ids))),
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
            message = translate("Annotations", "Could not annotate the events: {error}")
            self.window.show_status(message.format(error=store_text(exc)), 8000)
            return 0
        notes_text = (
            translate("Annotations", "{n} note changed")
            if changed == 1
            else translate("Annotations", "{n} notes changed")
        ).format(n=num(changed))
        on_text = (
            translate("Annotations", "on {n} event")
            if len(targets) == 1
            else translate("Annotations", "on {n} events")
        ).format(n=num(len(targets)))
        self.window.show_status(f"{notes_text} {on_text}", 5000)
        return changed

    def _confirm(self, n: int) -> bool:
        answer = QMessageBox.question(
            self.window.qt,
            translate("Annotations", "Annotate events"),
            translate("Annotations", "Change the notes of {n} selected events?").format(n=num(n)),
        )

        return answer == QMessageBox.StandardButton.Yes


def install(window: WindowContext) -> TimelineBulk:
    """Add bulk star/tag/colour to the timeline's right-click menu (once); the controller is
    ``window.timeline_bulk``."""
    return install_once(window, "timeline_bulk", TimelineBulk, lambda: TimelineBulk(window))
