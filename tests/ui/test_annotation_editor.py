"""The note editor: autosave (timer, focus-out, target change, close), honest saved state,
author, undo/redo of star/tags/colour/delete, history restore."""

import time

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel

from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.errors import LockedError
from desktop.store.queries import find_organization
from desktop.ui.annotations import editor as editor_mod
from desktop.ui.annotations import install, settings
from desktop.ui.annotations.history import HistoryDialog


@pytest.fixture
def ui(window):
    controller = install(window)
    org = find_organization(window.store, "SenseTime")
    window.open_org(org.id)
    controller.org_target = bulk.org_target(window.store, org.id)
    assert controller.editor.target == controller.org_target
    return controller


def live(store, target):
    return bulk.notes_for_target(store, target)


def test_install_is_idempotent(window):
    first = install(window)
    assert install(window) is first
    assert window.annotations_ui is first


def test_typing_autosaves_within_a_second(ui, qtbot):
    assert editor_mod.AUTOSAVE_MS < 1000
    editor = ui.editor
    saved_at = []
    editor.sig_saved.connect(lambda _u: saved_at.append(time.monotonic()))
    editor.text.insertPlainText("日日新")  # keyClicks types ASCII only
    qtbot.keyClicks(editor.text, " needs checking")
    typed_at = time.monotonic()
    assert editor.status.text() == "Unsaved…"
    assert live(ui.store, ui.org_target) == []  # not yet
    qtbot.waitUntil(lambda: bool(live(ui.store, ui.org_target)), timeout=2000)
    (note,) = live(ui.store, ui.org_target)
    assert note.body == "日日新 needs checking"
    assert editor.status.text().startswith("Saved ")
    assert saved_at and saved_at[0] - typed_at < 1.5  # timer 0.8 s; slack for a loaded machine


def test_saved_label_only_after_the_save_returned(ui, qtbot, monkeypatch):
    editor = ui.editor
    seen = []
    real = notes.save_annotation

    def spy(*args, **kwargs):
        seen.append(editor.status.text())
        return real(*args, **kwargs)

    monkeypatch.setattr(notes, "save_annotation", spy)
    editor.text.setPlainText("first")
    assert editor.flush()
    assert seen == ["Unsaved…"]
    assert editor.status.text().startswith("Saved ")


def test_failed_save_says_so_and_keeps_the_text(ui, monkeypatch):
    editor = ui.editor

    def refuse(*_a, **_k):
        raise LockedError("dossier.db is locked by another program")

    monkeypatch.setattr(notes, "save_annotation", refuse)
    editor.text.setPlainText("important")
    assert editor.flush() is False
    assert editor.status.text().startswith("Not saved: ")
    assert "Saved" not in editor.status.text().replace("Not saved", "")
    assert editor.dirty and editor.save_timer.isActive()  # it will try again
    monkeypatch.undo()
    assert editor.flush()
    assert live(ui.store, ui.org_target)[0].body == "important"


def test_focus_out_saves_at_once(ui):
    editor = ui.editor
    editor.text.setPlainText("on focus out")
    assert editor.dirty
    editor.eventFilter(editor.text, QFocusEvent(QEvent.Type.FocusOut))
    assert not editor.dirty
    assert live(ui.store, ui.org_target)[0].body == "on focus out"


def test_selecting_an_event_saves_and_switches(ui, window):
    ui.editor.text.setPlainText("org note")
    event_id, key = window.store.conn.execute("SELECT id, key FROM events LIMIT 1").fetchone()
    window.focus_event(event_id)
    assert live(ui.store, ui.org_target)[0].body == "org note"
    assert ui.editor.target == f"event:{key}"
    assert ui.editor.text.toPlainText() == ""
    assert ui.editor.target_label.text().startswith("Event: ")


def test_closing_the_window_saves(ui, window):
    ui.editor.text.setPlainText("typed just before closing")
    window.close()
    assert live(ui.store, ui.org_target)[0].body == "typed just before closing"


def test_author_from_preferences(ui):
    settings().setValue("author", "王分析师")
    ui.editor.text.setPlainText("by me")
    ui.editor.flush()
    assert live(ui.store, ui.org_target)[0].author == "王分析师"
    assert ui.editor.status.text().startswith("Saved ")
    assert ui.editor.status.text().endswith("by 王分析师")


def test_star_undo_redo(ui, window):
    editor, stack = ui.editor, window.undo_stack
    editor.star.click()
    (note,) = live(ui.store, ui.org_target)
    assert note.starred and editor.star.isChecked()
    assert stack.undoText() == "Star note"
    stack.undo()  # the star created the note: undo removes it
    assert live(ui.store, ui.org_target) == []
    assert not editor.star.isChecked()
    stack.redo()
    assert live(ui.store, ui.org_target)[0].starred and editor.star.isChecked()
    editor.star.click()
    assert not live(ui.store, ui.org_target)[0].starred
    stack.undo()
    assert live(ui.store, ui.org_target)[0].starred


def test_tags_and_colour_undo_redo(ui, window):
    editor, stack = ui.editor, window.undo_stack
    editor.text.setPlainText("tagged")
    editor.flush()
    editor.tags.setText("todo, #dates, todo")
    editor.tags.setModified(True)
    editor.tags.editingFinished.emit()
    assert live(ui.store, ui.org_target)[0].tags == ("todo", "dates")
    editor.colour.setCurrentIndex(editor.colour.findData("green"))
    editor.colour.activated.emit(editor.colour.currentIndex())
    assert live(ui.store, ui.org_target)[0].colour == "green"
    stack.undo()
    assert live(ui.store, ui.org_target)[0].colour is None
    assert editor.colour.currentData() == "none"
    stack.undo()
    note = live(ui.store, ui.org_target)[0]
    assert note.tags == () and note.body == "tagged"
    assert editor.tags.text() == ""
    stack.redo()
    stack.redo()
    note = live(ui.store, ui.org_target)[0]
    assert note.tags == ("todo", "dates") and note.colour == "green"


def test_tag_completer_offers_known_tags(ui):
    bulk.bulk_annotate(ui.store, [ui.org_target], tags_add=["benchmark", "policy"])
    ui.editor.reload()
    ui.editor.tags.setText("x, ben")
    ui.editor.tags.textEdited.emit("x, ben")
    completer = ui.editor.tags.completer_
    assert completer.completionPrefix() == "ben"
    assert completer.currentCompletion() == "benchmark"
    completer.activated.emit("benchmark")
    assert ui.editor.tags.text() == "x, benchmark, "


def test_delete_undo(ui, window):
    ui.editor.text.setPlainText("to delete")
    ui.editor.flush()
    ui.editor.delete_button.click()
    assert live(ui.store, ui.org_target) == []
    assert ui.editor.text.toPlainText() == ""
    window.undo_stack.undo()
    assert live(ui.store, ui.org_target)[0].body == "to delete"
    assert ui.editor.text.toPlainText() == "to delete"


def test_pending_text_survives_an_outside_change(ui):
    ui.editor.text.setPlainText("v1")
    ui.editor.flush()
    ui.editor.text.setPlainText("v2 still typing")
    uid = ui.editor.uuid
    notes.save_annotation(ui.store, uuid=uid, target=ui.org_target, starred=True)
    assert ui.editor.star.isChecked()  # the outside change is shown
    assert ui.editor.text.toPlainText() == "v2 still typing"  # typing is not thrown away
    assert ui.editor.dirty


def test_history_restores_an_earlier_version(ui, qtbot):
    editor = ui.editor
    for text in ("first draft", "second draft"):
        editor.text.setPlainText(text)
        editor.flush()
    dialog = HistoryDialog(ui.store, editor.uuid)
    qtbot.addWidget(dialog)
    assert [v.body for v in dialog.versions] == ["first draft", "second draft"]
    dialog.list.setCurrentRow(0)
    assert "first draft" in dialog.preview.toPlainText()
    dialog.restore_selected()
    assert live(ui.store, ui.org_target)[0].body == "first draft"
    assert editor.text.toPlainText() == "first draft"
    assert len(notes.history(ui.store, editor.uuid)) == 3


def test_preview_follows_the_text(ui, qtbot):
    ui.editor.text.setPlainText("**粗体** and <b>raw</b>")
    qtbot.waitUntil(lambda: "<strong>粗体</strong>" in ui.editor.preview.last_html, timeout=1000)
    assert "<b>" not in ui.editor.preview.last_html


def test_read_only_database_disables_editing(seeded_path, qtbot):
    from desktop.store.database import open_store
    from desktop.ui.main_window import MainWindow

    store = open_store(seeded_path, readonly=True)
    try:
        win = MainWindow(store)
        qtbot.addWidget(win)
        controller = install(win)
        assert controller.editor.target is not None  # the busiest org's note is shown
        assert not controller.editor.text.isEnabled()
        assert not controller.editor.star.isEnabled()
        assert controller.panel.bulk_selected(starred=True) == 0  # nothing selected, no crash
        win.close()
    finally:
        store.close()


def test_status_bar_says_when_a_note_is_unsaved(ui, qtbot, window):
    state = window.findChild(QLabel, "saveState")
    assert state.text() == "All changes saved"
    ui.editor.text.insertPlainText("draft")
    assert state.text() == "Note unsaved…"
    qtbot.waitUntil(lambda: state.text() == "All changes saved", timeout=2000)
    assert live(window.store, ui.org_target)[0].body == "draft"
