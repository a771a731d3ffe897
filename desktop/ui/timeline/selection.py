"""Multi-selection on the timeline canvas: which events a rubber band or the visible range
holds (from the event index, no SQL), and the canvas's right-click menu.

The menu carries the canvas's own actions ("Edit event…", "Open dossier of …"); features add
theirs (star, tag, colour: ``desktop/ui/annotations/timeline_bulk.py``) through
``TimelineCanvas.sig_context_menu`` before it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QMenu

from desktop.store.queries import event_orgs
from desktop.ui.i18n import num, translate

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

MAX_DOSSIER_ITEMS = 8  # "Open dossier of …" entries in the menu at most
ORG_LOOKUP_LIMIT = 200  # selected events asked for their organizations at most


def ids_in_rect(canvas: TimelineCanvas, rect: QRectF) -> list[int]:
    """Ids of the events drawn in the open lanes the rectangle (canvas coordinates) crosses,
    whose time span meets the rectangle's time span; in start order, each id once."""
    g = canvas.geo
    rect = rect.normalized()
    x0 = max(rect.left(), g.header_w) - g.header_w
    x1 = min(rect.right(), canvas.width()) - g.header_w
    top, bottom = max(rect.top(), g.axis_h), min(rect.bottom(), canvas.height() - g.overview_h)
    if x1 < x0 or bottom < top:
        return []
    t0, t1 = canvas.scale.t(x0), canvas.scale.t(x1)
    model, index = canvas.model, canvas.model.index
    parts = []
    for lane_rect in canvas.lane_layout.visible(canvas.scroll_y, canvas.lanes_height()):
        lane = lane_rect.index
        if model.lanes[lane].collapsed:
            continue
        if lane_rect.y < bottom and lane_rect.y + lane_rect.height > top:
            parts.append(index.lane_visible(lane, t0, t1))
    if not parts:
        return []
    pos = np.concatenate(parts)
    pos.sort(kind="stable")  # positions are in start order
    ids = index.ids[pos]
    _, first = np.unique(ids, return_index=True)
    return [int(x) for x in ids[np.sort(first)]]


def visible_ids(canvas: TimelineCanvas) -> list[int]:
    """Ids of the events in the visible time range of the open lanes on screen."""
    g = canvas.geo
    return ids_in_rect(
        canvas, QRectF(g.header_w, g.axis_h, canvas.time_width, canvas.lanes_height())
    )


def build_menu(canvas: TimelineCanvas) -> QMenu:
    """The right-click menu for the canvas's selection (not shown: the caller execs it)."""
    menu = QMenu(canvas)
    ids = list(canvas.selection)
    primary = canvas.selected
    if len(ids) > 1:
        head = menu.addAction(translate("Timeline", "{n} events selected").format(n=num(len(ids))))
        head.setEnabled(False)
        menu.addSeparator()
    canvas.sig_context_menu.emit(menu, ids)  # features add star / tag / colour here
    if menu.actions() and not menu.actions()[-1].isSeparator():
        menu.addSeparator()
    edit = menu.addAction(translate("Timeline", "Edit event…"))
    edit.setObjectName("timeline_edit_event")
    edit.setEnabled(primary is not None)
    if primary is not None:
        edit.triggered.connect(lambda _=False, eid=primary: canvas.sig_event_activated.emit(eid))
    wanted = ([primary] if primary is not None else []) + [i for i in ids if i != primary]
    orgs = event_orgs(canvas.model.store, wanted[:ORG_LOOKUP_LIMIT])
    seen: dict[int, str] = {}
    for eid in wanted[:ORG_LOOKUP_LIMIT]:
        for org in orgs.get(eid, []):
            seen.setdefault(org.org_id, org.name + (f" {org.name_zh}" if org.name_zh else ""))
    for org_id, name in list(seen.items())[:MAX_DOSSIER_ITEMS]:
        text = translate("Timeline", "Open dossier of {name}").format(name=name.replace("&", "&&"))
        action = menu.addAction(text)
        action.setObjectName(f"timeline_open_org_{org_id}")
        action.triggered.connect(lambda _=False, o=org_id: canvas.sig_lane_activated.emit(o))
    if not seen:
        none = menu.addAction(translate("Timeline", "Open dossier of …"))

        none.setEnabled(False)
    return menu


class SelectionMixin:
    """The canvas's multi-selection state changes (a mixin of ``TimelineCanvas``, which holds
    ``selected``, ``selection`` and the signals)."""

    def set_selection(self, ids: list[int], primary: int | None = None) -> None:
        """Select ``ids``; ``primary`` (the one shown in the details, default: the current one
        if still selected, else the first) gets the single-selection look."""
        self._set_selection(ids, primary)
        self.update()
        self.sig_event_selected.emit(-1 if self.selected is None else self.selected)
        self.sig_selection_changed.emit(list(self.selection))

    def _set_selection(self, ids: list[int], primary: int | None) -> None:
        self.selection = dict.fromkeys(int(i) for i in ids)
        self._selection_array = None
        self.planner.invalidate()  # a selected event is always given a label
        if primary is None or primary not in self.selection:
            keep = self.selected if self.selected in self.selection else None
            primary = keep if keep is not None else next(iter(self.selection), None)
        self.selected = primary

    def toggle_event(self, event_id: int) -> None:
        """Ctrl+click: add the event (it becomes the primary) or take it out."""
        ids = list(self.selection)
        if event_id in self.selection:
            ids.remove(event_id)
            primary = self.selected if self.selected != event_id else (ids[-1] if ids else None)
        else:
            ids.append(event_id)
            primary = event_id
        self.set_selection(ids, primary)

    def select_visible(self) -> None:
        """Ctrl+A: every event in the visible range of the lanes on screen."""
        self.set_selection(visible_ids(self))  # type: ignore[arg-type]

    def clear_selection(self) -> None:
        self.set_selection([], None)

    def selection_array(self) -> np.ndarray:
        """The selected ids, sorted (cached until the selection changes; for painting)."""
        if self._selection_array is None:
            ids = np.fromiter(self.selection, np.int64, len(self.selection))
            self._selection_array = np.sort(ids)
        return self._selection_array

    def selected_mask(self, ids: np.ndarray) -> np.ndarray:
        """Which of ``ids`` are selected (a binary search in the sorted selection, so a
        frame costs no sort even when Ctrl+A selected a million events)."""
        chosen = self.selection_array()
        if not len(chosen):
            return np.zeros(len(ids), bool)
        at = np.minimum(np.searchsorted(chosen, ids), len(chosen) - 1)
        return chosen[at] == ids

    def context_menu(self, pos: QPointF | None = None):  # type: ignore[no-untyped-def]
        """The right-click menu at ``pos`` (an event there that is not selected is selected
        alone first); None when nothing is selected."""
        hit = self.event_at(pos) if pos is not None and not self.in_overview(pos.y()) else None
        if hit is not None and hit not in self.selection:
            self.select_event(hit)
        elif hit is not None and hit != self.selected:
            self.set_selection(list(self.selection), hit)
        if not self.selection:
            return None
        return build_menu(self)  # type: ignore[arg-type]
