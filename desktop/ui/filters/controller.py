"""Wires the filter bar to the timeline, the organization list's counts and saved views."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from desktop.domain.filters import EventFilter
from desktop.store.errors import StoreError
from desktop.store.filters import filter_choices
from desktop.store.views import SavedView, delete_view, get_view, list_views, save_view
from desktop.ui.bus import Changes
from desktop.ui.context import WindowContext
from desktop.ui.document import words
from desktop.ui.filters.bar import FilterBar
from desktop.ui.i18n import num, translate
from desktop.ui.store_text import store_text


class FilterController(QObject):
    sig_filter_changed = Signal(object)
    """The timeline's filter changed: the new EventFilter."""

    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.store = window.store
        self.timeline = window.timeline
        self.bar = FilterBar(window.qt)
        window.qt.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.show()  # a toolbar added to a window already on screen starts hidden
        self.bar.sig_filter_changed.connect(self.apply)
        self._choices_stale = True
        self.refresh_choices()
        for button in (self.bar.orgs, self.bar.kinds, self.bar.tags):
            button.menu().aboutToShow.connect(self._refresh_if_stale)
        # the bus's second stage: the timeline's model has reloaded (keeping its filter) by now
        window.bus.sig_views.connect(self._on_store_changed)
        self._make_menu()
        self._show()

    @property
    def filter(self) -> EventFilter:
        return self.timeline.model.filter

    # -- filtering -----------------------------------------------------------------------------
    def apply(self, f: EventFilter) -> None:
        """Filter the timeline (lanes without events hidden), update counts and the summary."""
        if f == self.filter:
            self._show()
            return
        self.timeline.model.set_filter(f)
        self.timeline.canvas.reload()
        self._show()
        self.sig_filter_changed.emit(f)

    def clear(self) -> None:
        self.apply(EventFilter())

    def summary(self) -> str:
        # the domain's sentence, in the interface language (its names kept)
        return words.text(self.filter.describe(self.timeline.model.org_labels), meta=True)

    def _show(self) -> None:
        model = self.timeline.model
        text = self.summary()
        if not self.filter.is_empty:
            text += "  —  " + shown_text(model.index.ids, len(model.lanes))
        self.bar.show_filter(self.filter, text)
        self._update_org_counts()
        # the dossiers and the event's details show only the facts the grade keeps (a no-op
        # when the grade is the same)
        self.window.dossiers.set_min_grade(self.filter.min_grade)
        self.window.details.set_min_grade(self.filter.min_grade)

    def _update_org_counts(self) -> None:
        """The organization list's counts follow the filter when it can show them."""
        counts = None if self.filter.is_empty else self.timeline.model.org_counts()
        self.window.org_list.model.set_counts(counts)

    def refresh_choices(self) -> None:
        model = self.timeline.model
        counts = model.org_counts() if model.filter.is_empty else None
        orgs = None
        if counts is not None:
            orgs = sorted(
                ((oid, label, counts.get(oid, 0)) for oid, label in model.org_labels.items()),
                key=lambda o: o[1].casefold(),
            )
        self.bar.set_choices(filter_choices(self.store, kinds=model.kind_counts(), orgs=orgs))
        self._choices_stale = False

    def _refresh_if_stale(self) -> None:
        if self._choices_stale:
            self.refresh_choices()

    def _on_store_changed(self, changes: Changes) -> None:
        # tags, kinds or organizations may have changed: rebuild the popups when next opened
        self._choices_stale = True
        if changes.only_notes and not (self.filter.tags or self.filter.starred):
            return  # a note saved: the events shown, and so the counts, are the same
        self._show()

    # -- saved views ---------------------------------------------------------------------------
    def current_view(self, name: str) -> SavedView:
        canvas = self.timeline.canvas
        return SavedView(name, self.filter, canvas.visible_range(), self.timeline.model.group_by)

    def save_current_view(self, name: str) -> SavedView:
        return save_view(self.store, self.current_view(name))

    def recall_view(self, name: str) -> SavedView | None:
        view = get_view(self.store, name)
        if view is None:
            return None
        self.timeline.model.set_filter(view.filter)  # before regrouping: one rebuild each
        group = self.timeline.group.findData(view.group_by)
        if group >= 0 and group != self.timeline.group.currentIndex():
            self.timeline.group.setCurrentIndex(group)  # regroups and reloads the canvas
        self.timeline.canvas.reload()
        if view.range is not None:
            self.timeline.canvas.set_range(*view.range, animate=False)
        self._show()
        self.sig_filter_changed.emit(view.filter)
        return view

    def _make_menu(self) -> None:
        view_menu: QMenu = self.window.menus["view"]
        view_menu.addSeparator()
        self.clear_action = QAction(translate("Filters", "C&lear filter"), self.window.qt)
        self.clear_action.triggered.connect(lambda _=False: self.bar.clear())
        view_menu.addAction(self.clear_action)
        self.export_action = QAction(
            translate("Filters", "Export timeline &image…"), self.window.qt
        )
        self.export_action.setToolTip(
            translate("Filters", "The timeline as shown (filter, range, lanes) as PNG or SVG")
        )
        self.export_action.triggered.connect(lambda _=False: self._ask_export())
        self.window.add_to_file_menu("exchange", self.export_action)
        self.views_menu = view_menu.addMenu(translate("Filters", "Saved &views"))
        self.views_menu.setObjectName("savedViewsMenu")
        self.views_menu.aboutToShow.connect(self.rebuild_views_menu)
        self.save_action = QAction(translate("Filters", "&Save current view…"), self.window.qt)
        self.save_action.triggered.connect(lambda _=False: self._ask_save())
        self.rebuild_views_menu()

    def rebuild_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        views = list_views(self.store)
        for view in views:
            action = menu.addAction(view.name)
            action.setToolTip(
                words.text(view.filter.describe(self.timeline.model.org_labels), meta=True)
            )
            action.triggered.connect(lambda _=False, n=view.name: self.recall_view(n))
        if not views:
            menu.addAction(translate("Filters", "No saved views")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.save_action)
        delete = menu.addMenu(translate("Filters", "&Delete saved view"))
        delete.setEnabled(bool(views))
        for view in views:
            action = delete.addAction(view.name)
            action.triggered.connect(lambda _=False, n=view.name: self._delete(n))

    # -- image export ------------------------------------------------------------------------------
    def export_current_view(self, path: str, size: tuple[int, int] = (1600, 900)) -> int:
        """Write the timeline as shown (filter, visible range, lane grouping) to ``path``;
        PNG or SVG by its suffix. Returns the number of events drawn."""
        return self.window.export_timeline_image(path, size)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window.qt,
            translate("Filters", "Export timeline image"),
            "timeline.png",
            translate("Filters", "PNG image (*.png);;SVG (*.svg)"),
        )
        if not path:
            return
        try:
            count = self.export_current_view(path)
        except StoreError as exc:
            QMessageBox.warning(
                self.window.qt, translate("Filters", "Export timeline image"), store_text(exc)
            )
            return
        if count == 1:
            message = translate("Filters", "Exported {n} event to {path}")
        else:
            message = translate("Filters", "Exported {n} events to {path}")
        self.window.show_status(message.format(n=num(count), path=path), 5000)

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(
            self.window.qt,
            translate("Filters", "Save current view"),
            translate("Filters", "Name of the view:"),
        )
        if not ok:
            return
        try:
            self.save_current_view(name)
        except StoreError as exc:
            QMessageBox.warning(
                self.window.qt, translate("Filters", "Save current view"), store_text(exc)
            )

    def _delete(self, name: str) -> None:
        try:
            delete_view(self.store, name)
        except StoreError as exc:
            QMessageBox.warning(
                self.window.qt, translate("Filters", "Delete saved view"), store_text(exc)
            )


def plural(n: int, noun: str) -> str:
    """'1 event', '2 events', '1,000 events'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def shown_text(ids: np.ndarray, lanes: int) -> str:
    """'2 events shown in 4 lanes': the timeline draws an event once in each lane it belongs to
    (one row per event and lane), so the events are counted by distinct id."""
    events = 0
    if len(ids):
        seen = np.zeros(int(ids.max()) + 1, dtype=bool)
        seen[ids] = True
        events = int(np.count_nonzero(seen))
    if events == 1:
        shown = translate("Filters", "{n} event shown")
    else:
        shown = translate("Filters", "{n} events shown")
    if lanes == 1:
        where = translate("Filters", "in {n} lane")
    else:
        where = translate("Filters", "in {n} lanes")
    return shown.format(n=num(events)) + " " + where.format(n=num(lanes))
