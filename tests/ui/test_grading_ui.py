"""Grading a source and a citation in the edit forms: each one undoable step, the grade shown
beside the citation mark in the dossier pane and the event details."""

from __future__ import annotations

import pytest

from desktop.ui.editing import install
from tests.store.test_edits import dump
from tests.ui.test_editing_ui import click_ok, one, org_id, undo_text


def _choose(field, data):
    combo = field.combo
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_grade_a_source_and_a_citation_with_undo(qtbot, window):
    editing = install(window)
    store = window.store
    sensetime = org_id(store, "sensetime")
    window.open_org(sensetime)
    with store.write() as db:  # start from nothing graded
        db.execute("UPDATE sources SET reliability = NULL, reliability_reason = NULL")
        db.execute("UPDATE citations SET credibility = NULL, credibility_reason = NULL")
    before = dump(store)
    source = one(store, "SELECT id FROM sources WHERE key = 'waic-2024-article'")[0]
    editing.actions["org_items"].trigger()
    items = editing.dialog
    assert items.select("source", source)  # the dossier's sources are listed to grade them
    items.edit_button.click()
    form = editing.dialog
    form.field("reliability_reason").edit.setText("a chamber's round-up of press reports")
    assert not form.ok_button.isEnabled()  # a reason without its grade
    assert "reliability" in form.errors()["reliability_reason"]
    _choose(form.field("reliability"), "B")
    click_ok(qtbot, form)
    assert one(
        store, "SELECT reliability, reliability_reason FROM sources WHERE id = ?", (source,)
    ) == (
        "B",
        "a chamber's round-up of press reports",
    )
    assert "Edit source" in undo_text(window)

    citation = one(
        store,
        "SELECT id FROM citations WHERE source_id = ? AND target_kind = 'product' ORDER BY id",
        (source,),
    )[0]
    assert items.select("citation", citation)
    items.edit_button.click()
    form = editing.dialog
    _choose(form.field("credibility"), 2)
    form.field("credibility_reason").edit.setText("both articles report it")
    click_ok(qtbot, form)
    assert one(store, "SELECT credibility FROM citations WHERE id = ?", (citation,))[0] == 2
    items.reject()

    view = window.dossiers.current_view()
    qtbot.waitUntil(lambda: "· B2]" in view.toPlainText(), timeout=3000)
    assert "· B?]" in view.toPlainText()  # the source's other citations: only the letter
    assert "both articles report it" in view.toPlainText()
    assert "Graded B — usually reliable" in view.toPlainText()

    window.undo_stack.undo()
    assert one(store, "SELECT credibility FROM citations WHERE id = ?", (citation,))[0] is None
    window.undo_stack.undo()
    assert dump(store) == before
    qtbot.waitUntil(lambda: "· B" not in view.toPlainText(), timeout=3000)
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert one(store, "SELECT credibility FROM citations WHERE id = ?", (citation,))[0] == 2


def test_event_details_show_the_grades(qtbot, window):
    store = window.store
    with store.write() as db:
        db.execute("UPDATE sources SET reliability = 'A' WHERE key = 'public-record'")
        db.execute(
            "UPDATE citations SET credibility = 1, credibility_reason = ?"
            " WHERE source_id = (SELECT id FROM sources WHERE key = 'public-record')"
            " AND target_kind = 'event'",
            ("the UN's own record",),
        )
    event = one(
        store,
        "SELECT c.target_id FROM citations c JOIN sources s ON s.id = c.source_id"
        " WHERE s.key = 'public-record' AND c.target_kind = 'event' AND c.stance = 'for'",
    )[0]
    window.details.show_event(event)
    text = window.details.toPlainText()
    assert "· A1]" in text and "the UN's own record" in text
    assert "Graded A — completely reliable" in text


def test_a_bad_grade_is_refused_by_the_store(window):
    from desktop.store import edits
    from desktop.store.errors import StoreError, ValidationError

    store = window.store
    source = one(store, "SELECT id FROM sources LIMIT 1")[0]
    before = dump(store)
    for bad in ("G", "AB", 3):
        with pytest.raises(ValidationError, match="A–F"):
            edits.update(store, "source", source, {"reliability": bad})
    cid = one(store, "SELECT id FROM citations LIMIT 1")[0]
    for bad in ("7", "B", 0):
        with pytest.raises(ValidationError, match="1–6"):
            edits.update(store, "citation", cid, {"credibility": bad})
    # and the schema itself refuses what another program might write
    for sql in ("UPDATE sources SET reliability = 'G'", "UPDATE citations SET credibility = 9"):
        with pytest.raises(StoreError, match=r"CHECK|constraint"), store.write() as db:
            db.execute(sql)
    assert dump(store) == before


def test_a_new_source_to_cite_with_undo(qtbot, window):
    editing = install(window)
    store = window.store
    window.open_org(org_id(store, "sensetime"))
    before = dump(store)
    editing.actions["add_source"].trigger()
    form = editing.dialog
    form.field("title").edit.setText("SenseTime 2024 interim report")
    _choose(form.field("reliability"), "B")
    form.field("reliability_reason").edit.setText("the company's own audited filing")
    click_ok(qtbot, form)
    row = one(store, "SELECT key, reliability FROM sources ORDER BY id DESC LIMIT 1")
    assert row == ("sensetime-2024-interim-report", "B")
    assert undo_text(window).startswith("&Undo Add source")
    editing.actions["add_citation"].trigger()  # the new source can be cited at once
    combo = editing.dialog.field("source_id").combo
    assert any("interim report" in combo.itemText(i) for i in range(combo.count()))
    editing.dialog.reject()
    window.undo_stack.undo()
    assert dump(store) == before
