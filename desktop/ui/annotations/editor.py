"""The note editor: Markdown text with a live preview, tags, star and colour for one target.

The text autosaves :data:`AUTOSAVE_MS` after the last keystroke, when the text loses focus,
when the target changes and when the window closes (:meth:`NoteEditor.flush`); each save is
one ``save_annotation`` call (its own transaction) and the label says "Saved hh:mm:ss" only
after that call returned. Text undo is the editor's own, in steps of a word or a pause
(:mod:`text_undo`; saving never merges or drops it); star, tags, colour and delete go on the
window's undo stack.

Thread: UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Annotation
from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store import clock
from desktop.store.annotations_bulk import NoteState
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.annotations.commands import push_states
from desktop.ui.annotations.text_undo import TextUndo
from desktop.ui.colours import error_style
from desktop.ui.document.notes import NoteBrowser
from desktop.ui.i18n import colour_name, date_time, translate
from desktop.ui.store_text import store_text

AUTOSAVE_MS = 800  # after the last keystroke; the save itself takes a few ms: within 1 s
PREVIEW_MS = 150


def split_tags(text: str) -> tuple[str, ...]:
    return notes.normalize_tags(text.replace(";", ",").split(","))


class TagLineEdit(QLineEdit):
    """Comma-separated tags; the completer completes the tag being typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_model = QStringListModel(self)
        self.completer_ = QCompleter(self.tag_model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def set_known_tags(self, tags: list[str]) -> None:
        self.tag_model.setStringList(tags)

    def _current(self) -> str:
        return self.text().rsplit(",", 1)[-1].strip()

    def _complete(self, _text: str) -> None:
        prefix = self._current()
        if not prefix:
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        self.completer_.complete()

    def _insert(self, tag: str) -> None:
        head = self.text().rsplit(",", 1)[0] + ", " if "," in self.text() else ""
        self.setText(head + tag + ", ")
        self.setModified(True)


class NoteEditor(QWidget):
    """Edits the newest live note of one target (a picker appears when it has several)."""

    sig_saved = Signal(str)
    """A save returned (the note's UUID)."""
    sig_error = Signal(str)
    sig_status = Signal(str, bool)
    """The save state shown under the editor (text, is it an error), for the status bar."""
    sig_leave = Signal()
    """Esc in the text or the tags: the person wants to leave the editor (keyboard use)."""

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        author: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.author = author
        self.target: str | None = None
        self.uuid: str | None = None
        self.dirty = False
        self._loading = False
        self.note: Annotation | None = None

        self.target_label = QLabel(
            translate("Annotations", "Select an event or open a dossier to annotate it."), self
        )
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.target_label.setWordWrap(True)
        self.picker = QComboBox(self)
        self.picker.setToolTip(
            translate("Annotations", "This item has several notes (e.g. both sides of a conflict)")
        )
        self.picker.activated.connect(self._pick)
        self.star = QToolButton(self)
        self.star.setCheckable(True)
        self.star.setText("☆")
        self.star.setToolTip(translate("Annotations", "Star this note"))
        self.star.clicked.connect(self._star_clicked)
        self.colour = QComboBox(self)
        self.colour.addItem(translate("Annotations", "No colour"), "none")
        for name in notes.COLOURS:
            self.colour.addItem(colour_name(name), name)
        self.colour.activated.connect(self._colour_chosen)
        self.tags = TagLineEdit(self)
        self.tags.setPlaceholderText(translate("Annotations", "tags, comma separated"))
        self.tags.editingFinished.connect(self._tags_edited)
        self.tags.installEventFilter(self)
        self.history_button = QToolButton(self)
        self.history_button.setText(translate("Annotations", "History…"))
        self.delete_button = QToolButton(self)
        self.delete_button.setText(translate("Annotations", "Delete"))
        self.delete_button.clicked.connect(self.delete_note)
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(translate("Annotations", "Write a note (Markdown)…"))
        self.text.textChanged.connect(self._text_changed)
        self.text.installEventFilter(self)
        self.text.setTabChangesFocus(True)  # Tab moves on (keyboard use): no trap in the note
        self.text_undo = TextUndo(self.text)
        self._history_key: str | None = None
        self.preview = NoteBrowser(self)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(AUTOSAVE_MS)
        self.save_timer.timeout.connect(self.flush)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_MS)
        self.preview_timer.timeout.connect(self._update_preview)

        row = QHBoxLayout()
        row.addWidget(self.star)
        row.addWidget(self.colour)
        row.addWidget(self.tags, 1)
        row.addWidget(self.history_button)
        row.addWidget(self.delete_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)  # text | preview, side by side
        split.addWidget(self.text)
        split.addWidget(self.preview)
        for pane in (self.text, self.preview):
            pane.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.target_label)
        layout.addWidget(self.picker)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._enable()

    # -- target ------------------------------------------------------------------------------
    def set_target(self, target: str | None, label: str = "") -> None:
        """Show ``target``'s note (saving any pending text of the previous one first)."""
        if target == self.target:
            return
        self.flush()
        self.target = target
        self.uuid = None
        self.target_label.setText(label or (target or translate("Annotations", "Nothing selected")))
        self.reload()

    def reload(self) -> None:
        """Re-read the note from the database; typed text that is not saved yet is kept."""
        found = bulk.notes_for_target(self.store, self.target) if self.target else []
        if self.uuid not in {n.uuid for n in found}:
            self.uuid = found[0].uuid if found else None
        self.note = next((n for n in found if n.uuid == self.uuid), None)
        self._loading = True
        try:
            self.picker.clear()
            for i, n in enumerate(found):
                empty = translate("Annotations", "(empty)")
                first = n.body.strip().splitlines()[0][:40] if n.body.strip() else empty
                text = translate("Annotations", "Note {n} of {count}: {first}")
                self.picker.addItem(text.format(n=i + 1, count=len(found), first=first), n.uuid)
            self.picker.setCurrentIndex(max(0, self.picker.findData(self.uuid)))
            self.picker.setVisible(len(found) > 1)
            self._show_fields(self.note)
            body = self.note.body if self.note else ""
            replaced = not self.dirty and self.text.toPlainText() != body
            if replaced:
                self.text.setPlainText(body)
                self._update_preview()
            key = self.target if len(found) <= 1 else f"{self.target}#{self.uuid}"
            if key != self._history_key:  # another note: its own history (kept if unchanged)
                self._history_key = key
                self.text_undo.use(key, self.text.toPlainText())
            elif replaced:  # a restored version or an undone delete: one step, undoable
                self.text_undo.replaced(body)
        finally:
            self._loading = False
        self.tags.set_known_tags([t for t, _n in notes.all_tags(self.store)])
        if not self.dirty:
            self._set_status(self._saved_text(self.note))
        self._enable()

    def _show_fields(self, note: Annotation | None) -> None:
        self.star.setChecked(bool(note and note.starred))
        self.star.setText("★" if note and note.starred else "☆")
        index = self.colour.findData((note.colour if note else None) or "none")
        self.colour.setCurrentIndex(max(0, index))
        if not self.tags.isModified() or not self.tags.hasFocus():
            self.tags.setText(", ".join(note.tags) if note else "")

    def _enable(self) -> None:
        writable = self.target is not None and not self.store.readonly
        for w in (self.text, self.star, self.colour, self.tags):
            w.setEnabled(writable)
        self.history_button.setEnabled(self.uuid is not None)
        self.delete_button.setEnabled(writable and self.note is not None)

    def _pick(self, index: int) -> None:
        self.flush()
        self.uuid = self.picker.itemData(index)
        self.dirty = False
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.reload()

    # -- text and autosave -------------------------------------------------------------------
    def _text_changed(self) -> None:
        if self._loading:
            return
        self.text_undo.typed()
        self.dirty = True
        self._set_status(unsaved_text())
        self.save_timer.start()
        self.preview_timer.start()

    def _update_preview(self) -> None:
        self.preview.set_markdown(self.text.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif (
            watched in (self.text, self.tags)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
            and not self.tags.completer_.popup().isVisible()
        ):
            self.sig_leave.emit()  # Esc leaves the editor (the text saves on focus out)
            return True
        return super().eventFilter(watched, event)

    def flush(self) -> bool:
        """Save typed text now if there is any unsaved; True when nothing is left unsaved."""
        self.save_timer.stop()
        self.text_undo.seal()  # what is typed after a save is a step of its own
        if not self.dirty or self.target is None:
            return True
        body = self.text.toPlainText()
        if self.uuid is None and not body:
            self.dirty = False
            self._set_status("")
            return True
        try:
            saved = notes.save_annotation(
                self.store, uuid=self.uuid, target=self.target, body=body, author=self.author()
            )
        except StoreError as exc:
            self._set_status(not_saved(exc), error=True)
            self.save_timer.start(max(AUTOSAVE_MS, 3000))  # try again
            return False
        self.uuid = saved.uuid
        self.note = saved
        if self.text.toPlainText() == body:  # nothing typed while saving
            self.dirty = False
            self._set_status(self._saved_text(saved))
        self._enable()
        self.sig_saved.emit(saved.uuid)
        return not self.dirty

    def _saved_text(self, note: Annotation | None) -> str:
        if note is None:
            return translate("Annotations", "No note yet") if self.target else ""
        when = local_time(note.updated_at)
        today = local_time(clock.now_text())[:-8]  # the date part
        when = when.removeprefix(today)
        if note.author:
            text = translate("Annotations", "Saved {when} by {author}")
        else:
            text = translate("Annotations", "Saved {when}")
        return text.format(when=when, author=note.author)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(error_style(self) if error else "")
        self.sig_status.emit(text, error)

    # -- undoable fields ---------------------------------------------------------------------
    def _change(self, text: str, **fields: object) -> None:
        if self.target is None:
            return
        self.flush()
        try:
            if self.note is None:
                saved = notes.save_annotation(
                    self.store, target=self.target, body="", author=self.author(), **fields
                )
                before = NoteState(saved.uuid, self.target, False)
            else:
                before = NoteState.of(self.note)
                saved = notes.save_annotation(
                    self.store, uuid=self.note.uuid, target=self.target, **fields
                )
        except StoreError as exc:
            self._set_status(not_saved(exc), error=True)
            self._show_fields(self.note)
            return
        self.uuid = saved.uuid
        push_states(
            self.undo_stack, self.store, text, [before], [NoteState.of(saved)], self.sig_error.emit
        )
        self.reload()

    def _star_clicked(self, checked: bool) -> None:
        if checked:
            text = translate("Annotations", "Star note")
        else:
            text = translate("Annotations", "Unstar note")

        self._change(text, starred=checked)

    def _colour_chosen(self, index: int) -> None:
        colour = self.colour.itemData(index)
        current = (self.note.colour if self.note else None) or "none"
        if colour != current:
            text = translate("Annotations", "Colour note {colour}")
            self._change(text.format(colour=colour_name(colour)), colour=colour)

    def _tags_edited(self) -> None:
        if not self.tags.isModified():
            return
        self.tags.setModified(False)
        wanted = split_tags(self.tags.text())
        if wanted != (self.note.tags if self.note else ()):
            if wanted:
                text = translate("Annotations", "Tag note {tags}").format(tags=", ".join(wanted))
            else:
                text = translate("Annotations", "Clear tags")
            self._change(text, tags=wanted)
        else:
            self.tags.setText(", ".join(wanted))

    def delete_note(self) -> None:
        if self.note is None:
            return
        self.flush()
        before = NoteState.of(self.note)
        try:
            notes.delete_annotation(self.store, self.note.uuid)
        except StoreError as exc:
            text = translate("Annotations", "Not deleted: {error}").format(error=store_text(exc))
            self._set_status(text, error=True)
            return
        after = replace(before, alive=False)
        self.uuid = None
        self.dirty = False
        text = translate("Annotations", "Delete note")
        push_states(self.undo_stack, self.store, text, [before], [after])
        self.reload()


def local_time(stamp: str) -> str:
    """'2024-07-04T09:30:00.123Z' as local 'YYYY-MM-DD HH:MM:SS' (the text itself if odd; the
    date QLocale's way in Chinese: '2024/7/4 09:30:00')."""
    try:
        moment = clock.parse(stamp)
    except (TypeError, ValueError):
        return stamp or ""
    return date_time(moment)


def unsaved_text() -> str:
    """The status while typed text waits to be saved (the window's status bar checks it)."""
    return translate("Annotations", "Unsaved…")


def not_saved(exc: Exception) -> str:
    return translate("Annotations", "Not saved: {error}").format(error=store_text(exc))
