"""Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y inside the note text, in small steps (:mod:`text_history`).

The text box's own undo is switched off (Qt merges a whole run of typing into one step and
forgets everything when the text is set again). While the text box has the focus, the undo and
redo keys are claimed in ``ShortcutOverride``, so the window's Edit ▸ Undo/Redo (the
application's undo stack) never sees them; elsewhere those actions act as usual.

Thread: UI thread.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.annotations.text_history import Snapshot, TextHistory, diff

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def undo_key(event: QKeyEvent) -> str | None:
    """'undo', 'redo' or None for a key event (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, or the
    platform's standard keys)."""
    mods = event.modifiers() & (_CTRL | _SHIFT | Qt.KeyboardModifier.AltModifier)
    key = event.key()
    if mods == _CTRL and key == Qt.Key.Key_Z:
        return "undo"
    if (mods == _CTRL | _SHIFT and key == Qt.Key.Key_Z) or (mods == _CTRL and key == Qt.Key.Key_Y):
        return "redo"
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    return None


class TextUndo(QObject):
    """Owns the undo history of a :class:`QPlainTextEdit` (one history per key, e.g. per note)."""

    def __init__(self, text: QPlainTextEdit) -> None:
        super().__init__(text)
        self.text = text
        self.histories: dict[str, TextHistory] = {}
        self.history = TextHistory()
        self.replaying = False
        text.setUndoRedoEnabled(False)
        text.installEventFilter(self)
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    # -- which text ----------------------------------------------------------------------------
    def use(self, key: str | None, text: str) -> None:
        """Show the history of ``key`` whose text is now ``text``: kept when it still ends
        there (coming back to a note), else started afresh."""
        history = self.histories.get(key) if key is not None else None
        if history is None or history.text != text:
            history = TextHistory(text, len(text))
            if key is not None:
                self.histories[key] = history
        self.history = history

    def replaced(self, text: str) -> None:
        """The whole text was set from outside (a restored version): one step of its own."""
        self.history.seal()
        self.history.record(text, len(text), time.monotonic())
        self.history.seal()

    def typed(self) -> None:
        """The text changed by typing (call from textChanged)."""
        if not self.replaying:
            cursor = self.text.textCursor().position()
            self.history.record(self.text.toPlainText(), cursor, time.monotonic())

    def seal(self) -> None:
        self.history.seal()

    # -- undo and redo -------------------------------------------------------------------------
    def undo(self) -> bool:
        return self._apply(self.history.undo())

    def redo(self) -> bool:
        return self._apply(self.history.redo())

    def _apply(self, snap: Snapshot | None) -> bool:
        if snap is None:
            return False
        edit = diff(self.text.toPlainText(), snap.text)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(edit.pos)
        cursor.setPosition(edit.pos + len(edit.removed), QTextCursor.MoveMode.KeepAnchor)
        self.replaying = True
        try:
            cursor.insertText(edit.inserted)
        finally:
            self.replaying = False
        shown = self.text.textCursor()
        shown.setPosition(min(snap.cursor, len(snap.text)))
        self.text.setTextCursor(shown)
        self.text.ensureCursorVisible()
        return True

    # -- keys and the context menu -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.text:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and undo_key(event) is not None:  # type: ignore[arg-type]
            event.accept()  # ours, not the window's Undo/Redo action
            return True
        if kind == QEvent.Type.KeyPress:
            which = undo_key(event)  # type: ignore[arg-type]
            if which is not None:
                if not self.text.isReadOnly() and self.text.isEnabled():
                    self.undo() if which == "undo" else self.redo()
                return True
        if kind == QEvent.Type.ContextMenu:
            self._context_menu(event)  # type: ignore[arg-type]
            return True
        return False

    def _context_menu(self, event: QContextMenuEvent) -> None:
        menu = self.text.createStandardContextMenu(event.pos())
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-undo", "edit-redo"):  # the document's own: replaced by ours
                undo = name == "edit-undo"
                ours = QAction(action.text(), menu)
                ours.setObjectName(f"note-{name}")
                ours.setEnabled(self.history.can_undo() if undo else self.history.can_redo())
                ours.triggered.connect(self.undo if undo else self.redo)
                menu.insertAction(action, ours)
                menu.removeAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
