"""The timeline pane: a small toolbar (grouping, order, zoom), the canvas and its lane
scrollbar."""

from __future__ import annotations

import math

from PySide6.QtCore import QDate, QDateTime, QLocale, QStringListModel, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deep_time import compact_year, year_near
from desktop.store.database import Store
from desktop.ui.colours import error_style
from desktop.ui.format import date_text
from desktop.ui.i18n import active_language, translate
from desktop.ui.timeline.canvas import TimelineCanvas
from desktop.ui.timeline.model import TimelineModel


class TimelineWidget(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(store)
        self.canvas = TimelineCanvas(self.model, self)
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.valueChanged.connect(lambda v: self.canvas.set_scroll(float(v)))
        self.canvas.sig_scroll_changed.connect(self._sync_scrollbar)

        self.group = QComboBox(self)
        self.group.addItem(translate("Timeline", "Lanes: organization"), "org")
        self.group.addItem(translate("Timeline", "Lanes: event kind"), "kind")
        self.group.addItem(translate("Timeline", "Lanes: none"), "none")
        self.group.currentIndexChanged.connect(self._regroup)
        self.order = QComboBox(self)
        self.order.addItem(translate("Timeline", "Order: name"), "name")
        self.order.addItem(translate("Timeline", "Order: first event"), "first")
        self.order.addItem(translate("Timeline", "Order: event count"), "count")
        self.order.currentIndexChanged.connect(self._reorder)
        # View ▸ Hide empty lanes and Go ▸ Go to lane… (the window puts them in its menus)
        self.hide_empty = QAction(translate("Timeline", "&Hide empty lanes"), self)
        self.hide_empty.setCheckable(True)
        self.hide_empty.setToolTip(
            translate("Timeline", "Hide the lanes that have nothing in the visible range")
        )
        self.hide_empty.toggled.connect(self.canvas.set_hide_empty)
        self.go_to_lane_action = QAction(translate("Timeline", "Go to &lane…"), self)
        self.go_to_lane_action.setShortcut(QKeySequence("Ctrl+L"))
        self.go_to_lane_action.triggered.connect(self._focus_lane_search)
        self.lane_search = QLineEdit(self)
        self.lane_search.setPlaceholderText(translate("Timeline", "Go to lane (Ctrl+L)"))
        self.lane_search.setClearButtonEnabled(True)
        self.lane_search.setMinimumWidth(120)
        self.lane_search.setMaximumWidth(200)
        self._lane_names = QStringListModel(self)
        completer = QCompleter(self._lane_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.go_to_lane)
        completer.popup().setMinimumWidth(320)
        self.lane_search.setCompleter(completer)
        self.lane_search.returnPressed.connect(lambda: self.go_to_lane(self.lane_search.text()))
        self.range_label = QLabel(self)
        self.range_label.setObjectName("rangeLabel")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.group)
        bar.addWidget(self.order)
        bar.addWidget(self.lane_search)
        bar.addStretch(1)
        bar.addWidget(self.range_label)
        for text, tip, slot in (
            ("−", translate("Timeline", "Zoom out (-)"), self.canvas.zoom_out),
            ("+", translate("Timeline", "Zoom in (+)"), self.canvas.zoom_in),
            (
                translate("Timeline", "Fit"),
                translate("Timeline", "Fit all (Home)"),
                self.canvas.fit_all,
            ),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedWidth(44)
            button.clicked.connect(slot)
            bar.addWidget(button)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.canvas, 1)
        body.addWidget(self.scrollbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.canvas.sig_range_changed.connect(self._show_range)
        self._show_range(*self.canvas.visible_range())
        self._sync_scrollbar()
        self._update_lane_names()

    def reload(self) -> None:
        self.model.reload()
        self.canvas.reload()
        self._update_lane_names()

    def _update_lane_names(self) -> None:
        self._lane_names.setStringList([lane.title for lane in self.model.lanes])

    def _focus_lane_search(self) -> None:
        self.lane_search.setFocus()
        self.lane_search.selectAll()

    def go_to_lane(self, text: str) -> bool:
        """Bring the lane named ``text`` (exactly, else the first whose name contains it) to
        the top of the view and highlight it; False when no lane matches."""
        needle = text.strip().casefold()
        if not needle:
            return False
        titles = [lane.title.casefold() for lane in self.model.lanes]
        match = next((i for i, t in enumerate(titles) if t == needle), None)
        if match is None:
            match = next((i for i, t in enumerate(titles) if needle in t), None)
        if match is None:  # lanes are the organizations with events (that the filter keeps)
            self.lane_search.setStyleSheet(error_style(self))
            self.lane_search.setToolTip(
                translate("Timeline", "No lane named “{name}” has events").format(name=text.strip())
            )
            return False
        self.lane_search.setStyleSheet("")
        self.lane_search.setToolTip("")
        c = self.canvas
        if c.lane_layout.heights[match] == 0:  # hidden as empty: show everything again
            self.hide_empty.setChecked(False)
        c.set_scroll(float(c.lane_layout.offsets[match]))
        org = self.model.lane_org[match]
        if org >= 0:
            c.set_highlight_org(org)
        c.setFocus()
        return True

    def _regroup(self) -> None:
        self.model.set_grouping(self.group.currentData())
        self.canvas.scroll_y = 0.0
        self.canvas.reload()
        self._update_lane_names()

    def _reorder(self) -> None:
        self.model.set_order(self.order.currentData())
        self.canvas.reload()

    def _sync_scrollbar(self) -> None:
        c = self.canvas
        maximum = int(c.lane_layout.max_scroll(c.lanes_height()))
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, maximum)
        self.scrollbar.setPageStep(int(c.lanes_height()))
        self.scrollbar.setSingleStep(int(c.geo.lane_h))
        self.scrollbar.setValue(int(c.scroll_y))
        self.scrollbar.blockSignals(False)
        self.scrollbar.setVisible(maximum > 0)

    def _show_range(self, t0: float, t1: float) -> None:
        from datetime import UTC, datetime

        def fmt(t: float) -> str:
            try:
                d = datetime.fromtimestamp(t, UTC)
            except (OverflowError, OSError, ValueError):  # BCE, deep time: "13.8 Ga", "3500 BCE"
                return compact_year(year_near(t, t1 - t0)) if math.isfinite(t) else "?"
            if t1 - t0 > 3 * 365 * 86400:
                return str(d.year)
            if active_language() != "en":  # the language's own date (a QLocale pattern)
                loc = QLocale()
                when = QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute))
                if t1 - t0 > 3 * 86400:
                    return loc.toString(when.date(), translate("Timeline", "d MMM yyyy"))
                return loc.toString(when, translate("Timeline", "d MMM yyyy HH:mm"))

            if t1 - t0 > 3 * 86400:
                return date_text(d.strftime("%Y-%m-%d"))
            return date_text(d.strftime("%Y-%m-%dT%H:%M"))

        self.range_label.setText(f"{fmt(t0)} – {fmt(t1)}")
