"""The timeline pane: a small toolbar (grouping, order, zoom), the canvas and its lane
scrollbar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from desktop.store.database import Store
from desktop.ui.format import date_text
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
        self.group.addItem("Lanes: organization", "org")
        self.group.addItem("Lanes: event kind", "kind")
        self.group.addItem("Lanes: none", "none")
        self.group.currentIndexChanged.connect(self._regroup)
        self.order = QComboBox(self)
        self.order.addItem("Order: name", "name")
        self.order.addItem("Order: first event", "first")
        self.order.addItem("Order: event count", "count")
        self.order.currentIndexChanged.connect(self._reorder)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("rangeLabel")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.group)
        bar.addWidget(self.order)
        bar.addStretch(1)
        bar.addWidget(self.range_label)
        for text, tip, slot in (
            ("−", "Zoom out (-)", self.canvas.zoom_out),
            ("+", "Zoom in (+)", self.canvas.zoom_in),
            ("Fit", "Fit all (Home)", self.canvas.fit_all),
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

    def reload(self) -> None:
        self.model.reload()
        self.canvas.reload()

    def _regroup(self) -> None:
        self.model.set_grouping(self.group.currentData())
        self.canvas.scroll_y = 0.0
        self.canvas.reload()

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
            except (OverflowError, OSError, ValueError):
                return "?"
            if t1 - t0 > 3 * 365 * 86400:
                return str(d.year)
            if t1 - t0 > 3 * 86400:
                return date_text(d.strftime("%Y-%m-%d"))
            return date_text(d.strftime("%Y-%m-%dT%H:%M"))

        self.range_label.setText(f"{fmt(t0)} – {fmt(t1)}")
