"""One undo base class for edits and notes: a refused undo or redo is one clear message, and
the stack stays consistent with the file (the step is dropped, the others keep their place)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from desktop.store import annotations as notes
from desktop.store import edits
from desktop.store.annotations_bulk import NoteState
from desktop.store.errors import StoreError
from desktop.ui.annotations.commands import StatesCommand, push_states
from desktop.ui.editing.commands import CreateCommand, DeleteCommand, UpdateCommand
from desktop.ui.undo import StoreCommand, failure_text


def test_every_undo_step_shares_the_base_class():
    for kind in (StatesCommand, CreateCommand, UpdateCommand, DeleteCommand):
        assert issubclass(kind, StoreCommand)


class Flaky(StoreCommand):
    """Undo fails while ``refuse`` is set; records what ran."""

    def __init__(self, store, text, on_error, log):
        super().__init__(store, text, on_error)
        self.log, self.refuse = log, False

    def _undo(self):
        if self.refuse:
            raise StoreError("/tmp/x.db is open read-only")
        self.log.append(("undo", self.text()))

    def _redo(self):
        self.log.append(("redo", self.text()))


def test_a_refused_undo_is_one_message_and_leaves_the_stack_consistent(qapp, seeded_store):
    messages, log = [], []
    stack = QUndoStack()
    first, second = (Flaky(seeded_store, t, messages.append, log) for t in ("First", "Second"))
    stack.push(first)
    stack.push(second)
    assert log == [] and stack.count() == 2  # pushing does not apply the change again
    second.refuse = True
    stack.undo()
    assert messages == ["Could not undo Second: /tmp/x.db is open read-only"]
    assert second.failed == messages[0]
    # the refused step is gone; the one before it is next to undo, and nothing can be redone
    assert stack.count() == 1 and stack.index() == 1 and stack.undoText() == "First"
    assert not stack.canRedo()
    stack.undo()
    assert log == [("undo", "First")] and len(messages) == 1
    stack.redo()
    assert log[-1] == ("redo", "First") and stack.index() == 1


def test_failure_text_is_one_line():
    text = failure_text("redo", "Tag note", StoreError("disk\nfull"))
    assert text == "Could not redo Tag note: disk full" and "\n" not in text


def test_a_note_step_that_can_no_longer_apply_is_dropped(qapp, seeded_store):
    store = seeded_store
    messages = []
    stack = QUndoStack()
    note = notes.save_annotation(store, target="event:waic-2024", body="first")
    before = NoteState.of(note)
    starred = notes.save_annotation(store, uuid=note.uuid, target=note.target, starred=True)
    push_states(stack, store, "Star note", [before], [NoteState.of(starred)], messages.append)
    assert stack.count() == 1
    store.readonly = True  # the file became read-only meanwhile
    try:
        stack.undo()
    finally:
        store.readonly = False
    assert len(messages) == 1 and messages[0].startswith("Could not undo Star note: ")
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()
    assert notes.get_annotation(store, note.uuid).starred  # nothing was written


def test_an_edit_step_that_can_no_longer_apply_is_dropped(qapp, seeded_store):
    store = seeded_store
    messages = []
    stack = QUndoStack()
    row = edits.create(store, "org", {"name": "Undo Test Org"})
    stack.push(CreateCommand(store, "org", row, "Undo Test Org", messages.append))
    stack.undo()  # deletes it
    assert stack.index() == 0 and stack.canRedo()
    edits.create(store, "org", {"name": "Taken", "key": "undo-test-org"})  # key taken
    stack.redo()
    assert len(messages) == 1
    assert messages[0].startswith("Could not redo Add organization “Undo Test Org”: ")
    assert stack.count() == 0 and not stack.canRedo()


def test_the_annotation_editor_reports_a_refused_undo_once(window):
    """Through the window: the note editor's star, then undo on a read-only file."""
    ui = window.annotations_ui
    ui.editor.set_target("event:waic-2024", "WAIC")
    ui.editor.star.click()
    assert window.undo_stack.count() == 1
    window.store.readonly = True
    try:
        window.undo_stack.undo()
    finally:
        window.store.readonly = False
    assert window.statusBar().currentMessage().startswith("Could not undo Star note")
    assert window.undo_stack.count() == 0
