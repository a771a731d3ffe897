"""Edit forms, validation as you type, and undo/redo of each kind of edit in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.editing import install
from tests.store.test_edits import dump


def one(store, sql, params=()):
    return store.conn.execute(sql, params).fetchone()


def org_id(store, key):
    return one(store, "SELECT id FROM organizations WHERE key = ?", (key,))[0]


def undo_text(window) -> str:
    action = next(a for a in window.menus["edit"].actions() if a.text().startswith("&Undo"))
    return action.text()


def click_ok(qtbot, dialog) -> None:
    assert dialog.ok_button.isEnabled(), dialog.errors()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def editing(window):
    controller = install(window)
    window.open_org(org_id(window.store, "sensetime"))
    return controller


def test_install_is_idempotent_and_adds_the_actions(window):
    first = install(window)
    assert install(window) is first and window.editing is first
    texts = [a.text() for a in window.menus["edit"].actions()]
    for wanted in (
        "New &organization…",
        "New &event…",
        "Edit selected event…",
        "Delete selected event",
        "Edit organization…",
        "Delete organization…",
    ):
        assert texts.count(wanted) == 1
    add_menu = window.menus["edit"].findChild(type(window.menus["edit"]), "edit_add_menu")
    assert [a.text() for a in add_menu.actions()][:6] == [
        "Person…",
        "Product…",
        "Claim…",
        "Metric…",
        "Relationship…",
        "Citation…",
    ]


def test_invalid_date_shows_error_and_disables_ok(qtbot, window, editing):
    editing.actions["new_event"].trigger()
    dialog = editing.dialog
    qtbot.keyClicks(dialog.field("title").edit, "Zeta launch")
    qtbot.keyClicks(dialog.field("start").edit, "early Mayy 2024")
    error = dialog.error_labels["start"]
    assert error.isVisible() and "cannot read" in error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.field("start").edit.clear()
    qtbot.keyClicks(dialog.field("start").edit, "early May 2024")
    assert not error.isVisible()
    assert dialog.field("start").hint.text() == "understood: early May 2024 → 1–10 May 2024"
    assert dialog.ok_button.isEnabled()
    dialog.reject()


def test_required_field_error_appears_once_touched(qtbot, window, editing):
    dialog = editing.new("org")
    assert not dialog.ok_button.isEnabled()
    assert not dialog.error_labels["name"].isVisible()  # a fresh form is not covered in red
    qtbot.keyClicks(dialog.field("name").edit, "x")
    dialog.field("name").edit.clear()
    assert dialog.error_labels["name"].text() == "is required"
    dialog.reject()


def test_new_event_undo_redo(qtbot, window, editing):
    store = window.store
    before = dump(store)
    editing.actions["new_event"].trigger()
    dialog = editing.dialog
    qtbot.keyClicks(dialog.field("title").edit, "Zeta ")
    dialog.field("title").edit.insert("大会")  # QTest types ASCII only
    qtbot.keyClicks(dialog.field("start").edit, "4-6 Jul 2024")
    click_ok(qtbot, dialog)
    row = one(store, 'SELECT id, start, "end" FROM events WHERE title = ?', ("Zeta 大会",))
    assert row[1:] == ("2024-07-04", "2024-07-06")
    links = store.conn.execute("SELECT org_id FROM event_orgs WHERE event_id = ?", (row[0],))
    assert [r[0] for r in links] == [org_id(store, "sensetime")]  # the open dossier's org
    assert "Add event “Zeta 大会”" in undo_text(window)
    after = dump(store)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert dump(store) == after


def test_edit_selected_event_undo_redo(qtbot, window, editing):
    store = window.store
    eid = one(store, "SELECT id FROM events WHERE key = 'waic-2024'")[0]
    title = one(store, "SELECT title FROM events WHERE id = ?", (eid,))[0]
    window.focus_event(eid)
    editing.update_actions()
    assert editing.actions["edit_event"].isEnabled()
    before = dump(store)
    editing.actions["edit_event"].trigger()
    dialog = editing.dialog
    assert dialog.field("title").edit.text() == title
    dialog.field("start").edit.setText("early Jul 2024")
    assert "1–10 Jul 2024" in dialog.field("start").hint.text()
    click_ok(qtbot, dialog)
    assert one(store, "SELECT start FROM events WHERE id = ?", (eid,))[0] == "2024-07-early"
    assert f"Edit event “{title[:47]}…”" in undo_text(window)  # long names are shortened
    edited = dump(store)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert dump(store) == edited


def test_double_click_opens_the_event_form(window, editing):
    eid = one(window.store, "SELECT id FROM events WHERE key = 'waic-2024'")[0]
    window.timeline.canvas.sig_event_activated.emit(eid)
    assert editing.dialog.objectName() == "edit_event" and editing.dialog.row_id == eid
    editing.dialog.reject()


def test_delete_selected_event_undo_redo(window, editing):
    store = window.store
    eid = one(store, "SELECT id FROM events WHERE key = 'waic-2024'")[0]
    window.focus_event(eid)
    before = dump(store)
    editing.actions["delete_event"].trigger()
    assert one(store, "SELECT count(*) FROM events WHERE id = ?", (eid,))[0] == 0
    assert "Delete event" in undo_text(window)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert one(store, "SELECT count(*) FROM events WHERE id = ?", (eid,))[0] == 0


@pytest.mark.parametrize("button", ["keepEvents", "deleteEvents"])
def test_delete_organization_asks_about_events(qtbot, window, editing, button):
    store = window.store
    oid = org_id(store, "sensetime")
    own = {
        r[0]
        for r in store.conn.execute(
            "SELECT e.event_id FROM event_orgs e WHERE e.org_id = ? AND NOT EXISTS (SELECT 1"
            " FROM event_orgs o WHERE o.event_id = e.event_id AND o.org_id != e.org_id)",
            (oid,),
        )
    }
    assert own
    before = dump(store)
    editing.actions["delete_org"].trigger()
    box = editing.dialog
    qtbot.mouseClick(box.findChild(type(box.defaultButton()), button), Qt.MouseButton.LeftButton)
    assert one(store, "SELECT count(*) FROM organizations WHERE id = ?", (oid,))[0] == 0
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    left = one(store, f"SELECT count(*) FROM events WHERE id IN ({','.join(map(str, own))})")[0]
    assert left == (len(own) if button == "keepEvents" else 0)
    assert "Delete organization “SenseTime”" in undo_text(window)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert one(store, "SELECT count(*) FROM organizations WHERE id = ?", (oid,))[0] == 0


def test_edit_organization_undo_redo(qtbot, window, editing):
    store = window.store
    before = dump(store)
    editing.actions["edit_org"].trigger()
    dialog = editing.dialog
    dialog.field("founded").edit.setText("sometime")
    assert not dialog.ok_button.isEnabled()
    dialog.field("founded").edit.setText("Oct 2014")
    dialog.field("hq").edit.setText("Hong Kong")
    click_ok(qtbot, dialog)
    row = one(store, "SELECT founded, hq FROM organizations WHERE key = 'sensetime'")
    assert row == ("2014-10", "Hong Kong")
    assert "Edit organization “SenseTime”" in undo_text(window)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert one(store, "SELECT hq FROM organizations WHERE key = 'sensetime'")[0] == "Hong Kong"


def _fill(dialog, kind, store):
    f = dialog.field
    if kind == "person":
        f("name").edit.setText("Li Wei 李伟")
        f("role_title").combo.setEditText("Chief Scientist")
    elif kind == "product":
        f("name").edit.setText("Zeta-7B")
        f("released").edit.setText("mid May 2024")
    elif kind == "claim":
        f("text").edit.setPlainText("Beats GPT-4 on C-Eval")
    elif kind == "metric":
        f("name").edit.setText("Zeta users")
        f("value").edit.setText("oops")
        assert not dialog.ok_button.isEnabled()
        f("value").edit.setText("1200")
    elif kind == "relationship":
        f("kind").combo.setEditText("competes with")
        combo = f("target_id").combo
        combo.setCurrentIndex(combo.findData(org_id(store, "alibaba-cloud")))
    elif kind == "citation":
        f("source_id").combo.setCurrentIndex(1)
        f("quote").edit.setPlainText("a quote")
    elif kind == "event":
        f("title").edit.setText("Zeta day")
        f("start").edit.setText("Q3 2024")


TABLES = {
    "person": "people",
    "product": "products",
    "claim": "claims",
    "metric": "metrics",
    "relationship": "relationships",
    "citation": "citations",
    "event": "events",
}


@pytest.mark.parametrize("kind", list(TABLES))
def test_add_to_this_organization_undo_redo(qtbot, window, editing, kind):
    store = window.store
    table = TABLES[kind]
    count = one(store, f"SELECT count(*) FROM {table}")[0]
    before = dump(store)
    editing.actions[f"add_{kind}"].trigger()
    dialog = editing.dialog
    _fill(dialog, kind, store)
    click_ok(qtbot, dialog)
    assert one(store, f"SELECT count(*) FROM {table}")[0] == count + 1
    if kind == "person":
        role = one(store, "SELECT org_id, title FROM roles ORDER BY id DESC LIMIT 1")
        assert role == (org_id(store, "sensetime"), "Chief Scientist")
    assert undo_text(window).startswith(f"&Undo Add {'organization' if kind == 'org' else kind}")
    after = dump(store)
    window.undo_stack.undo()
    assert dump(store) == before
    window.undo_stack.redo()
    assert dump(store) == after


def test_items_dialog_edits_and_deletes_with_undo(qtbot, window, editing):
    store = window.store
    editing.actions["org_items"].trigger()
    items = editing.dialog
    claim = one(
        store, "SELECT id FROM claims WHERE claimant_org_id = ?", (org_id(store, "sensetime"),)
    )[0]
    assert items.select("claim", claim)
    before = dump(store)
    items.edit_button.click()
    form = editing.dialog
    form.field("status").combo.setCurrentIndex(form.field("status").combo.findData("disputed"))
    click_ok(qtbot, form)
    assert one(store, "SELECT status FROM claims WHERE id = ?", (claim,))[0] == "disputed"
    assert items.select("claim", claim)
    items.delete_button.click()
    assert one(store, "SELECT count(*) FROM claims WHERE id = ?", (claim,))[0] == 0
    assert "Delete claim" in undo_text(window)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert dump(store) == before
    items.reject()


def test_a_step_that_can_no_longer_apply_is_reported(window, editing):
    store = window.store
    from desktop.store import edits

    eid = one(store, "SELECT id FROM events WHERE key = 'waic-2024'")[0]
    editing.delete_event(eid)
    window.undo_stack.undo()
    edits.delete(store, "event", eid)  # another client removes it meanwhile
    window.undo_stack.redo()
    assert "Could not" in window.statusBar().currentMessage()
