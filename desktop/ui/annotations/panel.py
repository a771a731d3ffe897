"""The Annotations panel: every note, filterable, sortable by updated time, each row jumping to
its target; bulk tag/star/colour on the selected rows; a tag manager to rename and merge tags.

Thread: UI thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Annotation
from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.annotations_bulk import TargetInfo
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.annotations import commands
from desktop.ui.annotations.editor import local_time, split_tags
from desktop.ui.document.notes import NoteBrowser, render_markdown
from desktop.ui.format import COLOUR_HEX
from desktop.ui.i18n import colour_name, num, translate
from desktop.ui.store_text import store_text

# in English, marked for pyside6-lupdate; translated where shown
COLUMNS = (
    "★",
    QT_TRANSLATE_NOOP("Annotations", "Target"),
    QT_TRANSLATE_NOOP("Annotations", "Note"),
    QT_TRANSLATE_NOOP("Annotations", "Tags"),
    QT_TRANSLATE_NOOP("Annotations", "Colour"),
    QT_TRANSLATE_NOOP("Annotations", "Author"),
    QT_TRANSLATE_NOOP("Annotations", "Updated"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KINDS = (
    (QT_TRANSLATE_NOOP("Annotations", "Any item"), ""),
    (QT_TRANSLATE_NOOP("Annotations", "Events"), "event"),
    (QT_TRANSLATE_NOOP("Annotations", "Organizations"), "org"),
    (QT_TRANSLATE_NOOP("Annotations", "Claims"), "claim"),
)
DATES = (
    (QT_TRANSLATE_NOOP("Annotations", "Any time"), 0),
    (QT_TRANSLATE_NOOP("Annotations", "Last 24 hours"), 1),
    (QT_TRANSLATE_NOOP("Annotations", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("Annotations", "Last 30 days"), 30),
)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class NoteRow:
    note: Annotation
    info: TargetInfo


class AnnotationsModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[NoteRow] = []

    def reload(self) -> None:
        found = notes.list_annotations(self.store)
        infos = bulk.describe_targets(self.store, [n.target for n in found])
        self.beginResetModel()
        self.rows = [NoteRow(n, infos[n.target]) for n in found]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("Annotations", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        note, col = row.note, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "★" if note.starred else "",
                row.info.label,
                snippet(note.body),
                ", ".join(note.tags),
                colour_name(note.colour) if note.colour else "",
                note.author or "",
                local_time(note.updated_at)[:-3],  # to the minute
            )[col]
        if role == SORT_ROLE:
            return note.updated_at if col == 6 else str(self.data(index) or "").lower()
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return render_markdown(note.body[:2000])  # as the note preview shows it
        if role == Qt.ItemDataRole.BackgroundRole and col == 4 and note.colour:
            return QBrush(QColor(COLOUR_HEX.get(note.colour, "#999999")))
        return None


def snippet(body: str, width: int = 80) -> str:
    """The note's start on one line, without Markdown's heading and emphasis marks."""
    text = " ".join(re.sub(r"(^|\s)[#>*-]+\s|\*\*|__|`", " ", body).split())
    return text if len(text) <= width else text[: width - 1] + "…"


class NoteFilter(QSortFilterProxyModel):
    """Filters on the model's NoteRow: text, tag, starred, colour, target kind, updated since."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.tag = ""
        self.starred_only = False
        self.colour = ""  # '' any, 'none' without, else the colour
        self.kind = ""
        self.days = 0
        self.setSortRole(SORT_ROLE)

    def set_filter(self, **values: Any) -> None:
        modern = hasattr(self, "beginFilterChange")  # Qt >= 6.10; invalidateFilter deprecated
        if modern:
            self.beginFilterChange()
        for key, value in values.items():
            if not hasattr(self, key):
                raise AttributeError(key)
            setattr(self, key, value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AnnotationsModel)
        row = model.rows[source_row]
        note = row.note
        if self.starred_only and not note.starred:
            return False
        if self.tag and self.tag not in note.tags:
            return False
        if self.colour and (note.colour or "none") != self.colour:
            return False
        if self.kind and row.info.kind != self.kind:
            return False
        if self.days:
            since = datetime.now(UTC) - timedelta(days=self.days)
            if note.updated_at < since.strftime("%Y-%m-%dT%H:%M:%S.000Z"):
                return False
        if self.text:
            hay = " ".join((note.body, row.info.label, " ".join(note.tags), note.author or ""))
            if self.text.casefold() not in hay.casefold():
                return False
        return True


class AnnotationsPanel(QWidget):
    """The list of every note with its filters and bulk actions."""

    sig_jump = Signal(str, int)
    """('event'|'org', id): show the target of a double-clicked note."""
    sig_note_activated = Signal(str)
    """A note was double-clicked (its target), after sig_jump."""
    sig_error = Signal(str)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.author = lambda: None
        self.model = AnnotationsModel(store, self)
        self.proxy = NoteFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((28, 240, 340, 140, 70, 90, 130)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._activated)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("Annotations", "Filter notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t.strip()))
        self.tag_box = QComboBox(self)
        self.tag_box.activated.connect(
            lambda _i: self.proxy.set_filter(tag=self.tag_box.currentData() or "")
        )
        self.starred_box = QCheckBox(translate("Annotations", "Starred"), self)
        self.starred_box.toggled.connect(lambda on: self.proxy.set_filter(starred_only=on))
        self.colour_box = QComboBox(self)
        self.colour_box.addItem(translate("Annotations", "Any colour"), "")
        self.colour_box.addItem(translate("Annotations", "No colour"), "none")
        for name in notes.COLOURS:
            self.colour_box.addItem(colour_name(name), name)
        self.colour_box.activated.connect(
            lambda _i: self.proxy.set_filter(colour=self.colour_box.currentData())
        )
        self.kind_box = QComboBox(self)
        for text, kind in KINDS:
            self.kind_box.addItem(translate("Annotations", text), kind)
        self.kind_box.activated.connect(
            lambda _i: self.proxy.set_filter(kind=self.kind_box.currentData())
        )
        self.date_box = QComboBox(self)
        for text, days in DATES:
            self.date_box.addItem(translate("Annotations", text), days)
        self.date_box.activated.connect(
            lambda _i: self.proxy.set_filter(days=self.date_box.currentData())
        )
        self.count = QLabel(self)
        self.bulk_button = QToolButton(self)
        self.bulk_button.setText(translate("Annotations", "Selected ▾"))
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.bulk_button)
        menu.addAction(translate("Annotations", "Add tag…"), self.tag_selected)
        menu.addAction(translate("Annotations", "Star"), lambda: self.bulk_selected(starred=True))
        menu.addAction(
            translate("Annotations", "Unstar"), lambda: self.bulk_selected(starred=False)
        )
        colours = menu.addMenu(translate("Annotations", "Colour"))
        for name in ("none", *notes.COLOURS):
            text = translate("Annotations", "No colour") if name == "none" else colour_name(name)
            colours.addAction(text, lambda n=name: self.bulk_selected(colour=n))
        self.bulk_button.setMenu(menu)
        self.tags_button = QToolButton(self)
        self.tags_button.setText(translate("Annotations", "Tags…"))
        self.tags_button.setToolTip(translate("Annotations", "Rename and merge tags"))

        bar = QHBoxLayout()
        for w in (self.search, self.tag_box, self.starred_box, self.colour_box):
            bar.addWidget(w)
        for w in (self.kind_box, self.date_box, self.bulk_button, self.tags_button, self.count):
            bar.addWidget(w)
        bar.setStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        # the current note, rendered (sanitised Markdown, as in the editor's preview)
        self.preview = NoteBrowser(self)
        self.preview.setObjectName("annotationsPreview")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self.reload()

    def reload(self) -> None:
        selected = set(self.selected_targets())
        self.model.reload()
        current = self.tag_box.currentData() or ""
        self.tag_box.clear()
        self.tag_box.addItem(translate("Annotations", "Any tag"), "")
        for tag, n in notes.all_tags(self.store):
            self.tag_box.addItem(f"{tag} ({n})", tag)
        index = self.tag_box.findData(current)
        self.tag_box.setCurrentIndex(max(0, index))
        if index < 0 and current:
            self.proxy.set_filter(tag="")
        self._reselect(selected)
        self._count()
        self._show_current()

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        ok = index.isValid() and index.row() < self.proxy.rowCount()
        self.preview.set_markdown(self.row_at(index.row()).note.body if ok else "")

    def _reselect(self, targets: set[str]) -> None:
        if not targets:
            return
        sel = self.table.selectionModel()
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0))
            if self.model.rows[src.row()].note.target in targets:
                flags = sel.SelectionFlag.Select | sel.SelectionFlag.Rows
                sel.select(self.proxy.index(r, 0), flags)

    def _count(self, *_args: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total and total == 1:
            text = translate("Annotations", "{total} note")
        elif shown == total:
            text = translate("Annotations", "{total} notes")
        elif total == 1:
            text = translate("Annotations", "{shown} of {total} note")
        else:
            text = translate("Annotations", "{shown} of {total} notes")

        self.count.setText(text.format(shown=num(shown), total=num(total)))

    def row_at(self, proxy_row: int) -> NoteRow:
        return self.model.rows[self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()]

    def visible_rows(self) -> list[NoteRow]:
        return [self.row_at(r) for r in range(self.proxy.rowCount())]

    def selected_targets(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return list(dict.fromkeys(self.row_at(r).note.target for r in rows))

    def _activated(self, index: QModelIndex) -> None:
        self.jump_to(self.row_at(index.row()))

    def jump_to(self, row: NoteRow) -> None:
        info = row.info
        if info.id is None:
            self.sig_error.emit(
                translate("Annotations", "{target} no longer exists").format(target=info.target)
            )
            return
        if info.kind == "claim":
            where = bulk.claim_jump(self.store, info.id)
            if where is None:
                self.sig_error.emit(
                    translate(
                        "Annotations", "{target} has no event or organization to show"
                    ).format(target=info.target)
                )
                return
            self.sig_jump.emit(*where)
        else:
            self.sig_jump.emit(info.kind, info.id)
        self.sig_note_activated.emit(info.target)

    # -- bulk --------------------------------------------------------------------------------
    def bulk_selected(self, **change: Any) -> int:
        targets = self.selected_targets()
        if not targets:
            self.sig_error.emit(translate("Annotations", "Select notes first"))
            return 0
        try:
            return commands.bulk_annotate(
                self.store,
                self.undo_stack,
                targets,
                author=self.author(),
                on_error=self.sig_error.emit,
                **change,
            )
        except StoreError as exc:
            self.sig_error.emit(store_text(exc))
            return 0

    def tag_selected(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            translate("Annotations", "Tag selected notes"),
            translate("Annotations", "Add tags (comma separated):"),
        )

        if ok and split_tags(text):
            self.bulk_selected(tags_add=split_tags(text))
