"""Undo in the note editor with real key events: small steps, redo both ways, the window's undo
stack untouched while the note has the focus, autosave and reloads never losing the history;
and no keyboard shortcut registered twice in the main window."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from desktop.store import annotations_bulk as bulk
from desktop.store.queries import find_organization
from desktop.ui.annotations import install
from desktop.ui.shell.help import unique_shortcuts

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def ui(window, qtbot):
    controller = install(window)
    org = find_organization(window.store, "SenseTime")
    window.open_org(org.id)
    assert controller.editor.target == bulk.org_target(window.store, org.id)
    controller.editor_dock.show()
    controller.editor_dock.raise_()
    text = controller.editor.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    return controller


def type_text(qtbot, widget, text):
    """Latin text as key clicks; Chinese as an input method commits it (QTest has no keys
    for it)."""
    run = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def undo(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def redo_shift(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL | SHIFT)


def redo_y(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Y, CTRL)


def text_of(ui):
    return ui.editor.text.toPlainText()


def test_reported_case_undo_takes_back_only_the_recent_text(ui, window, qtbot):
    editor, stack = ui.editor, window.undo_stack
    editor.star.click()  # something on the window's stack that Ctrl+Z must not touch
    assert stack.undoText() == "Star note"
    index = stack.index()
    box = editor.text
    box.setFocus()
    type_text(qtbot, box, "- compare 文心 benchmark")
    assert text_of(ui) == "- compare 文心 benchmark"
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)  # the autosave ran
    saved = bulk.notes_for_target(window.store, editor.target)[0].body
    assert saved == "- compare 文心 benchmark"
    qtbot.keyClicks(box, " EXTRA")
    assert text_of(ui) == "- compare 文心 benchmark EXTRA"

    undo(qtbot, box)
    assert text_of(ui) == "- compare 文心 benchmark "
    undo(qtbot, box)
    assert text_of(ui) == "- compare 文心 benchmark"  # the line typed before the save is kept
    redo_shift(qtbot, box)
    assert text_of(ui) == "- compare 文心 benchmark "
    redo_y(qtbot, box)
    assert text_of(ui) == "- compare 文心 benchmark EXTRA"
    redo_y(qtbot, box)  # nothing more to redo
    assert text_of(ui) == "- compare 文心 benchmark EXTRA"
    assert stack.index() == index and stack.undoText() == "Star note"
    assert editor.star.isChecked()
    assert editor.flush()
    assert bulk.notes_for_target(window.store, editor.target)[0].body.endswith("EXTRA")


def test_undo_and_redo_in_several_orders(ui, qtbot):
    box = ui.editor.text
    qtbot.keyClicks(box, "alpha beta gamma")
    undo(qtbot, box)
    assert text_of(ui) == "alpha beta "
    undo(qtbot, box)
    assert text_of(ui) == "alpha "
    redo_shift(qtbot, box)
    assert text_of(ui) == "alpha beta "
    undo(qtbot, box)
    undo(qtbot, box)
    assert text_of(ui) == ""
    undo(qtbot, box)  # nothing left to undo: stays empty, no error
    assert text_of(ui) == ""
    redo_y(qtbot, box)
    redo_shift(qtbot, box)
    redo_y(qtbot, box)
    assert text_of(ui) == "alpha beta gamma"
    undo(qtbot, box)
    qtbot.keyClicks(box, "delta")  # typing after an undo drops the redo steps
    assert text_of(ui) == "alpha beta delta"
    redo_y(qtbot, box)
    assert text_of(ui) == "alpha beta delta"
    undo(qtbot, box)
    assert text_of(ui) == "alpha beta "


def test_deleting_is_undone_as_its_own_step(ui, qtbot):
    box = ui.editor.text
    qtbot.keyClicks(box, "hello world")
    for _ in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert text_of(ui) == "hello wo"
    undo(qtbot, box)
    assert text_of(ui) == "hello world"
    redo_shift(qtbot, box)
    assert text_of(ui) == "hello wo"


def test_saves_and_reloads_keep_the_history(ui, qtbot):
    editor = ui.editor
    box = editor.text
    qtbot.keyClicks(box, "one two")
    assert editor.flush()
    editor.reload()  # what a store change does
    qtbot.keyClicks(box, " three")
    assert editor.flush()
    editor.reload()
    undo(qtbot, box)
    assert text_of(ui) == "one two "
    undo(qtbot, box)
    assert text_of(ui) == "one two"
    undo(qtbot, box)
    assert text_of(ui) == "one "
    redo_y(qtbot, box)
    redo_y(qtbot, box)
    redo_y(qtbot, box)
    assert text_of(ui) == "one two three"


def test_undo_survives_leaving_and_coming_back(ui, window, qtbot):
    editor = ui.editor
    box = editor.text
    qtbot.keyClicks(box, "first note")
    org = find_organization(window.store, "Zhipu AI") or find_organization(window.store, "Baidu")
    ui.show_org(org.id)
    assert text_of(ui) != "first note"
    ui.show_org(find_organization(window.store, "SenseTime").id)
    assert text_of(ui) == "first note"
    box.setFocus()
    undo(qtbot, box)
    assert text_of(ui) == "first "


def test_elsewhere_ctrl_z_acts_on_the_window_stack(ui, window, qtbot):
    editor = ui.editor
    editor.star.click()
    assert editor.star.isChecked()
    canvas = window.timeline.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert not editor.star.isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.star.isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    assert editor.star.isChecked()


def test_context_menu_undo_uses_the_same_history(ui, qtbot):
    box = ui.editor.text
    qtbot.keyClicks(box, "red green")
    assert ui.editor.text_undo.history.can_undo()
    ui.editor.text_undo.undo()
    assert text_of(ui) == "red "
    assert not box.document().isUndoAvailable()  # Qt's own history is off: one history only


def _shortcuts(window):
    found = []
    for action in window.findChildren(QAction):
        found += [(k.toString(), f"action {action.text()!r}") for k in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.keys()
        found += [(k.toString(), f"shortcut {shortcut.objectName()!r}") for k in keys]
    return found


def test_no_shortcut_is_registered_twice(window):
    install(window)
    owners: dict[str, list[str]] = {}
    for key, owner in _shortcuts(window):
        owners.setdefault(key, []).append(owner)
    twice = {key: who for key, who in owners.items() if len(who) > 1}
    assert not twice, f"shortcuts registered more than once: {twice}"
    assert "Ctrl+Shift+Z" in owners and "Ctrl+Y" in owners and "Ctrl+Z" in owners


def test_unique_shortcuts_drops_repeats():
    keys = unique_shortcuts("Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Shift+Z", QKeySequence.StandardKey.Redo)
    texts = [k.toString() for k in keys]
    assert len(texts) == len(set(texts))
    assert texts[:2] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    bindings = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert all(b.toString() in texts for b in bindings)
