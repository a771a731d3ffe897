"""Help ▸ Keyboard shortcuts, Help ▸ About, and the empty-database hint over the timeline."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.store.database import SQLITE_VERSION, Store
from desktop.store.errors import StoreError
from desktop.store.queries import counts
from desktop.ui.context import WindowContext
from desktop.ui.i18n import translate

# The sheet's texts are kept in English here (marked QT_TRANSLATE_NOOP for pyside6-lupdate) and
# translated where they are shown (_sheet_row).

# What each of the timeline canvas's keys does (TimelineCanvas._keys and keyPressEvent).
TIMELINE_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_Plus: QT_TRANSLATE_NOOP("Shortcuts", "Zoom in"),
    Qt.Key.Key_Equal: QT_TRANSLATE_NOOP("Shortcuts", "Zoom in"),
    Qt.Key.Key_Minus: QT_TRANSLATE_NOOP("Shortcuts", "Zoom out"),
    Qt.Key.Key_Home: QT_TRANSLATE_NOOP("Shortcuts", "Fit all events"),
    Qt.Key.Key_Left: QT_TRANSLATE_NOOP("Shortcuts", "Pan to earlier"),
    Qt.Key.Key_Right: QT_TRANSLATE_NOOP("Shortcuts", "Pan to later"),
    Qt.Key.Key_Up: QT_TRANSLATE_NOOP(
        "Shortcuts", "Nearest event in the lane above (no selection: scroll lanes up)"
    ),
    Qt.Key.Key_Down: QT_TRANSLATE_NOOP(
        "Shortcuts", "Nearest event in the lane below (no selection: scroll lanes down)"
    ),
    Qt.Key.Key_O: QT_TRANSLATE_NOOP(
        "Shortcuts", "Open the dossiers of the selected event's organizations"
    ),
    Qt.Key.Key_PageUp: QT_TRANSLATE_NOOP("Shortcuts", "Scroll lanes up a page"),
    Qt.Key.Key_PageDown: QT_TRANSLATE_NOOP("Shortcuts", "Scroll lanes down a page"),
    Qt.Key.Key_N: QT_TRANSLATE_NOOP("Shortcuts", "Next event"),
    Qt.Key.Key_BracketRight: QT_TRANSLATE_NOOP("Shortcuts", "Next event"),
    Qt.Key.Key_P: QT_TRANSLATE_NOOP("Shortcuts", "Previous event"),
    Qt.Key.Key_BracketLeft: QT_TRANSLATE_NOOP("Shortcuts", "Previous event"),
    Qt.Key.Key_Z: QT_TRANSLATE_NOOP("Shortcuts", "Zoom to the selected event"),
    Qt.Key.Key_Escape: QT_TRANSLATE_NOOP("Shortcuts", "Clear the selection"),
    Qt.Key.Key_Return: QT_TRANSLATE_NOOP("Shortcuts", "Open the selected event"),
}


def unique_shortcuts(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Each key once, in order; a standard key brings every binding the platform gives it (on
    some desktops Redo is already Ctrl+Shift+Z: listing it twice makes Qt call the shortcut
    ambiguous and do nothing)."""
    out: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        out += [k for k in found if not k.isEmpty() and k not in out]
    return out


def _plain(text: str) -> str:
    """A menu text without its & accelerator marks."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# menus whose entries are the user's data (files, views), left out of the shortcuts sheet
LISTS = ("menuRecent", "savedViewsMenu")

# mouse gestures and chords the canvas handles itself (not in its plain-key table)
TIMELINE_GESTURES = [
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Select the visible events"),
        "Ctrl+A",
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Add or remove an event from the selection"),
        QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Click"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Select with a rubber band"),
        QT_TRANSLATE_NOOP("Shortcuts", "Shift+Drag"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Star, tag or colour the selection; edit; open a dossier"),
        QT_TRANSLATE_NOOP("Shortcuts", "Right-click"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Edit the event"),
        QT_TRANSLATE_NOOP("Shortcuts", "Double-click"),
    ),
]


# keys that are neither menu actions nor the canvas's (desktop/ui/shell/keyboard.py and Qt's own)
KEYBOARD_KEYS = [
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Anywhere"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Next / previous control (pane after pane, in the order of F6)"
        ),
        "Tab, Shift+Tab",
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Organizations"),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the dossier of the highlighted organization"),
        "Enter",
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "The right-click menu of the selection (star, tag, colour, edit, open)"
        ),
        QT_TRANSLATE_NOOP("Shortcuts", "Menu"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Dossier, event details"),
        QT_TRANSLATE_NOOP("Shortcuts", "Next / previous link; Enter follows it"),
        "Tab, Shift+Tab",
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Note editor"),
        QT_TRANSLATE_NOOP("Shortcuts", "Leave the note (it is saved) and go back where you were"),
        "Esc",
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Search box"),
        QT_TRANSLATE_NOOP("Shortcuts", "Step through the results; open one; close them"),
        QT_TRANSLATE_NOOP("Shortcuts", "Up, Down, Enter, Esc"),
    ),
]


def menu_shortcuts(menus: dict[str, QMenu]) -> list[tuple[str, str, str]]:
    """(menu path, action, shortcuts) for every action in ``menus``, submenus included."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                if sub.objectName() not in LISTS:  # recent files and saved views are not keys
                    walk(sub, f"{where} ▸ {_plain(action.text())}")
                continue
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            rows.append((where, _plain(action.text()), keys))

    for menu in menus.values():
        walk(menu, _plain(menu.title()))
    return rows


def timeline_shortcuts(canvas: QObject) -> list[tuple[str, str, str]]:
    """The canvas's own keys (while the timeline has focus), from its key table."""
    keys = [*getattr(canvas, "_keys", dict)().keys(), Qt.Key.Key_Return]
    rows = []
    for key in keys:
        name = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        what = TIMELINE_KEYS.get(key, QT_TRANSLATE_NOOP("Shortcuts", "Timeline action"))
        rows.append(_sheet_row(("Timeline", what, name)))
    return rows + [_sheet_row(row) for row in TIMELINE_GESTURES]


def _sheet_row(row: tuple[str, str, str]) -> tuple[str, str, str]:
    """A row of the sheet's own texts in the interface language (key names stay as Qt
    writes them: translate leaves a text it has no translation for as it is)."""
    return tuple(translate("Shortcuts", text) for text in row)  # type: ignore[return-value]


class ShortcutsDialog(QDialog):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        rows = menu_shortcuts(window.menus)
        rows += timeline_shortcuts(window.timeline.canvas)
        rows += [_sheet_row(row) for row in KEYBOARD_KEYS]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Shortcuts", "Where"),
                translate("Shortcuts", "Action"),
                translate("Shortcuts", "Keys"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # the keys always show in full: Where and Keys fit their text, Action takes the rest
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self._fitting_width(), 620)

    def _fitting_width(self) -> int:
        """Wide enough for every column's text (and the scroll bar), within the screen."""
        t = self.table
        needed = sum(
            max(t.sizeHintForColumn(c), t.horizontalHeader().sectionSizeHint(c)) + 8
            for c in range(3)
        )
        needed += t.verticalScrollBar().sizeHint().width() + 2 * t.frameWidth() + 40
        screen = self.screen().availableGeometry().width() if self.screen() else 1600
        return max(560, min(needed, screen - 80))

    def rows(self) -> list[tuple[str, str, str]]:
        t = self.table
        return [
            tuple(t.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(t.rowCount())
        ]


def about_lines(store: Store) -> list[str]:
    version = store.schema_version()
    schema = (
        translate("Shell", "Schema version: {version} (read-only)")
        if store.readonly
        else translate("Shell", "Schema version: {version}")
    )
    return [
        f"Dossier {__version__}",
        f"Python {platform.python_version()} ({sys.platform})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"SQLite {SQLITE_VERSION}",
        translate("Shell", "Database: {path}").format(path=store.path),
        schema.format(version=version),
    ]


def about_box(window: QWidget, store: Store) -> QMessageBox:
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("Shell", "About Dossier"))
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the path is data, never markup
    box.setText(
        translate(
            "Shell",
            "Dossier: a zoomable timeline of events beside per-organization dossiers, "
            "in one SQLite file.",
        )
    )
    box.setInformativeText("\n".join(about_lines(store)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class EmptyHint(QObject):
    """A centred label over the timeline while the database has no events."""

    TEXT = QT_TRANSLATE_NOOP(
        "Shell",
        "This database has no events yet.\n\n"
        "Import a CSV, TimelineJS or Timesketch file, or start from the seed dossier with "
        "File ▸ New database…",
    )

    def __init__(self, window: WindowContext, store: Store) -> None:
        super().__init__(window.qt)
        self.store = store
        self.canvas: QWidget = window.timeline.canvas
        self.label = QLabel(translate("Shell", self.TEXT), self.canvas)
        self.label.setObjectName("emptyHint")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet(
            "QLabel { background: palette(window); border: 1px solid palette(mid);"
            " border-radius: 6px; padding: 16px; }"
        )
        self.canvas.installEventFilter(self)
        # a note saved does not change how many events there are (a count of 1M rows)
        window.bus.sig_views.connect(lambda changes: changes.only_notes or self.refresh())
        self.refresh()

    def refresh(self) -> None:
        try:
            empty = counts(self.store)["events"] == 0
        except StoreError:
            empty = False
        self.label.setVisible(empty)
        if empty:
            self._place()

    def _place(self) -> None:
        w = min(460, max(200, self.canvas.width() - 40))
        self.label.setFixedWidth(w)
        self.label.adjustSize()
        self.label.move(
            (self.canvas.width() - w) // 2, (self.canvas.height() - self.label.height()) // 2
        )
        self.label.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.canvas and event.type() == QEvent.Type.Resize and not self.label.isHidden():
            self._place()
        return False


def show_dialog(dialog: QDialog) -> None:
    """Run a modal dialog (tests replace this to inspect it instead of blocking)."""
    dialog.exec()


def add_help_actions(window: WindowContext, store: Store) -> dict[str, QAction]:
    menu: QMenu = window.menus["help"]
    shortcuts = QAction(translate("Shell", "&Keyboard shortcuts"), window.qt)
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    shortcuts.setObjectName("actionShortcuts")
    shortcuts.triggered.connect(lambda: show_dialog(ShortcutsDialog(window)))
    about = QAction(translate("Shell", "&About Dossier"), window.qt)

    about.setObjectName("actionAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_dialog(about_box(window.qt, store)))
    menu.addAction(shortcuts)
    menu.addSeparator()
    menu.addAction(about)
    return {"shortcuts": shortcuts, "about": about}
