"""The import preview's tables: the column mapping, the events to import and the rows skipped.
Every cell is plain text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.store.io import ImportPlan
from desktop.store.io.readers import EXTRA, IGNORE
from desktop.ui.document import words
from desktop.ui.format import date_text
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

KEEP = EXTRA  # a column read as no field: kept in the summary's 'extra:' line
FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    (KEEP, QT_TRANSLATE_NOOP("Import", "keep in summary (extra)")),
    (IGNORE, QT_TRANSLATE_NOOP("Import", "leave out")),
    ("title", QT_TRANSLATE_NOOP("Import", "title")),
    ("start", QT_TRANSLATE_NOOP("Import", "start date")),
    ("end", QT_TRANSLATE_NOOP("Import", "end date")),
    ("summary", QT_TRANSLATE_NOOP("Import", "summary")),
    ("kind", QT_TRANSLATE_NOOP("Import", "kind")),
    ("orgs", QT_TRANSLATE_NOOP("Import", "organizations (; between)")),
    ("place", QT_TRANSLATE_NOOP("Import", "place")),
    ("key", QT_TRANSLATE_NOOP("Import", "key (stable id)")),
    ("era", QT_TRANSLATE_NOOP("Import", "era (yes/no)")),
)
SHOW_SKIPPED = 200


def plain_table(headers: list[str], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


class MappingTable(QTableWidget):
    """Each column of the file with a combo box choosing the field it is read as."""

    sig_requested = Signal(dict)
    """The mapping asked for after a change ({column: field}). A column is asked as KEEP
    ('extra', which no guess takes) only when chosen so, or when its field went to another
    column: columns merely showing KEEP stay open to guesses, so the date can still be guessed
    once a title is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("mappingTable")
        self.setHorizontalHeaderLabels(
            [translate("Import", "Column in the file"), translate("Import", "Read as")]
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(1, 260)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._kept: set[str] = set()  # columns asked to be KEEP

    def fill(self, columns: tuple[str, ...], mapping: dict[str, str]) -> None:
        self._kept = {c for c in columns if mapping.get(c) == KEEP}
        self.setRowCount(len(columns))
        for row, column in enumerate(columns):
            self.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox(self)
            combo.setObjectName(f"map:{column}")
            for value, label in FIELD_CHOICES:
                combo.addItem(translate("Import", label), value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, KEEP))))
            combo.currentIndexChanged.connect(
                lambda _i, c=column, b=combo: self.set_field(c, str(b.currentData()))
            )
            self.setCellWidget(row, 1, combo)
        shown = min(len(columns), 6)
        rows = (
            sum(self.rowHeight(r) for r in range(shown))
            or self.verticalHeader().defaultSectionSize()
        )
        self.setMinimumHeight(rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2)

    def combo(self, column: str) -> QComboBox | None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.text() == column:
                widget = self.cellWidget(row, 1)
                return widget if isinstance(widget, QComboBox) else None
        return None

    def current(self) -> dict[str, str]:
        out = {}
        for row in range(self.rowCount()):
            item, combo = self.item(row, 0), self.cellWidget(row, 1)
            if item is not None and isinstance(combo, QComboBox):
                out[item.text()] = str(combo.currentData())
        return out

    def set_field(self, column: str, fld: str) -> None:
        """Read ``column`` as ``fld`` (KEEP: in the summary's extra line; '-': leave it out),
        taking ``fld`` away from any other column; announce the mapping asked for."""
        current = self.current()
        current[column] = fld
        if fld == KEEP:
            self._kept.add(column)
        elif fld != IGNORE:
            for other, value in current.items():
                if other != column and value == fld:
                    current[other] = KEEP
                    self._kept.add(other)
        self._kept = {c for c in self._kept if current.get(c) == KEEP}
        self.sig_requested.emit({c: f for c, f in current.items() if f != KEEP or c in self._kept})


def fill_events(table: QTableWidget, plan: ImportPlan) -> None:
    table.setRowCount(len(plan.preview))
    for row, event in enumerate(plan.preview):
        when = date_text(event.start)
        if event.end:
            when += " – " + date_text(event.end)
        when = words.dates(when)  # the interface language's way (2024年7月4日)
        values = (event.title, when, event.kind or "", "; ".join(event.orgs), event.place)
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem((value or "")[:300]))
    table.resizeColumnsToContents()
    table.setColumnWidth(0, min(table.columnWidth(0), 360))


def fill_skipped(table: QTableWidget, plan: ImportPlan) -> None:
    shown = plan.skipped[:SHOW_SKIPPED]
    table.setRowCount(len(shown))
    for row, skipped in enumerate(shown):
        table.setItem(row, 0, QTableWidgetItem(store_text(skipped.where)))
        table.setItem(row, 1, QTableWidgetItem(store_text(skipped.reason[:500])))
    table.resizeColumnToContents(0)
