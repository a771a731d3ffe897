"""The Annotations panel (filters, jump to target, bulk with undo), the tag manager, and safe
Markdown (sanitising, links that open only after a yes)."""

from html.parser import HTMLParser

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.domain.event_index import FLAG_ANNOTATED, FLAG_STARRED
from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.queries import find_organization
from desktop.ui.annotations import commands, install
from desktop.ui.annotations.tags import TagManager
from desktop.ui.document import notes as md
from desktop.ui.document.notes import NoteBrowser, render_markdown


@pytest.fixture
def ui(window):
    """Four notes: two events, one organization, one claim."""
    store = window.store
    events = store.conn.execute("SELECT id, key FROM events ORDER BY id LIMIT 3").fetchall()
    org = find_organization(store, "SenseTime")
    claim = store.conn.execute("SELECT key FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    save = notes.save_annotation
    save(store, target=f"event:{events[0][1]}", body="日期待核实", tags=["dates"], starred=True)
    save(store, target=f"event:{events[1][1]}", body="benchmark claim", tags=["bench", "todo"])
    save(store, target=f"org:{org.key}", body="商汤 profile", tags=["todo"], colour="red")
    save(store, target=f"claim:{claim}", body="disputed?", colour="blue")
    controller = install(window)
    controller.panel_dock.raise_()  # its tab in front: the list follows every change
    controller.events = events
    controller.org = org
    controller.free_event = events[2]
    return controller


def shown(panel):
    return sorted(r.note.body for r in panel.visible_rows())


def test_panel_lists_every_note_newest_first(ui):
    rows = ui.panel.visible_rows()
    assert len(rows) == 4
    assert rows[0].note.body == "disputed?"  # sorted by updated, descending
    labels = {r.note.body: r.info.label for r in rows}
    assert "SenseTime" in labels["商汤 profile"] and "商汤科技" in labels["商汤 profile"]
    assert ui.panel.count.text() == "4 notes"


def test_panel_filters(ui):
    panel = ui.panel
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("todo"))
    panel.tag_box.activated.emit(panel.tag_box.currentIndex())
    assert shown(panel) == ["benchmark claim", "商汤 profile"]
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("org"))
    panel.kind_box.activated.emit(panel.kind_box.currentIndex())
    assert shown(panel) == ["商汤 profile"]
    panel.proxy.set_filter(tag="", kind="")
    panel.starred_box.setChecked(True)
    assert shown(panel) == ["日期待核实"]
    panel.starred_box.setChecked(False)
    panel.colour_box.setCurrentIndex(panel.colour_box.findData("none"))
    panel.colour_box.activated.emit(panel.colour_box.currentIndex())
    assert shown(panel) == ["benchmark claim", "日期待核实"]
    panel.proxy.set_filter(colour="")
    panel.search.setText("商汤")  # matches the body and the target's Chinese name
    assert shown(panel) == ["商汤 profile"]
    panel.search.setText("")
    panel.date_box.setCurrentIndex(panel.date_box.findData(1))
    panel.date_box.activated.emit(panel.date_box.currentIndex())
    assert len(shown(panel)) == 4
    assert panel.count.text() == "4 notes"


def test_panel_follows_saves(ui):
    notes.save_annotation(ui.store, target=f"event:{ui.free_event[1]}", body="new one")
    assert "new one" in shown(ui.panel)
    assert ui.panel.count.text() == "5 notes"


def row_of(panel, body):
    return next(i for i, r in enumerate(panel.visible_rows()) if r.note.body == body)


def test_double_click_jumps_to_the_target(ui, window):
    panel = ui.panel
    panel._activated(panel.proxy.index(row_of(panel, "日期待核实"), 1))
    assert window.timeline.canvas.selected == ui.events[0][0]
    assert ui.editor.target == f"event:{ui.events[0][1]}"
    assert ui.editor.text.toPlainText() == "日期待核实"
    other = find_organization(window.store, "Alibaba Cloud")
    window.open_org(other.id)
    panel._activated(panel.proxy.index(row_of(panel, "商汤 profile"), 1))
    assert window.dossiers.current_view().org_id == ui.org.id
    assert ui.editor.text.toPlainText() == "商汤 profile"


def select(panel, bodies):
    sel = panel.table.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for body in bodies:
        sel.select(panel.proxy.index(row_of(panel, body), 0), flags)


def test_bulk_on_selected_rows_is_one_undo_step(ui, window):
    panel, stack = ui.panel, window.undo_stack
    select(panel, ["日期待核实", "商汤 profile"])
    assert len(panel.selected_targets()) == 2
    depth = stack.count()
    panel.bulk_selected(tags_add=["review"], colour="green")
    assert stack.count() == depth + 1
    by_body = {r.note.body: r.note for r in panel.visible_rows()}
    assert by_body["日期待核实"].tags == ("dates", "review")
    assert by_body["商汤 profile"].tags == ("todo", "review")
    assert by_body["商汤 profile"].colour == by_body["日期待核实"].colour == "green"
    assert by_body["benchmark claim"].colour is None
    stack.undo()
    by_body = {r.note.body: r.note for r in panel.visible_rows()}
    assert by_body["日期待核实"].tags == ("dates",) and by_body["日期待核实"].colour is None
    assert by_body["商汤 profile"].colour == "red"
    stack.redo()
    assert {r.note.body: r.note for r in panel.visible_rows()}["商汤 profile"].colour == "green"


def test_bulk_creates_notes_and_undo_removes_them(ui, window):
    targets = [f"event:{ui.free_event[1]}", f"event:{ui.events[0][1]}"]
    commands.bulk_annotate(ui.store, window.undo_stack, targets, starred=True)
    assert bulk.notes_for_target(ui.store, targets[0])[0].starred
    window.undo_stack.undo()
    assert bulk.notes_for_target(ui.store, targets[0]) == []
    assert bulk.notes_for_target(ui.store, targets[1])[0].starred  # it was starred before
    window.undo_stack.redo()
    assert bulk.notes_for_target(ui.store, targets[0])[0].starred


def test_bulk_refuses_an_unknown_target_and_writes_nothing(ui, window):
    before = notes.list_annotations(ui.store)
    with pytest.raises(notes.ValidationError):
        commands.bulk_annotate(
            ui.store, window.undo_stack, [f"event:{ui.free_event[1]}", "event:nope"], starred=True
        )
    assert notes.list_annotations(ui.store) == before
    assert window.undo_stack.count() == 0


def test_tag_manager_rename_and_merge_with_undo(ui, window, qtbot):
    dialog = TagManager(ui.store, window.undo_stack)
    qtbot.addWidget(dialog)
    assert set(dialog.tags()) == {"dates", "bench", "todo"}
    assert dialog.rename("bench", "benchmark") == 1
    assert set(dialog.tags()) == {"dates", "benchmark", "todo"}
    assert dialog.rename("todo", "benchmark") == 2  # a merge
    assert set(dialog.tags()) == {"dates", "benchmark"}
    by_body = {n.body: n for n in notes.list_annotations(ui.store)}
    assert by_body["benchmark claim"].tags == ("benchmark",)
    assert by_body["商汤 profile"].tags == ("benchmark",)
    window.undo_stack.undo()  # un-merge
    by_body = {n.body: n for n in notes.list_annotations(ui.store)}
    assert by_body["benchmark claim"].tags == ("benchmark", "todo")
    assert by_body["商汤 profile"].tags == ("todo",)
    window.undo_stack.undo()
    assert {t for t, _ in notes.all_tags(ui.store)} == {"dates", "bench", "todo"}
    assert ui.panel.tag_box.findData("bench") >= 0  # the panel's tag filter follows


# -- Markdown ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="http://example.com/x.png" onerror="alert(1)">',
        "![remote](http://example.com/a.png)",
        "[js](javascript:alert(1))",
        '<a href="http://x" onclick="alert(1)">x</a>',
        "<style>body{background:url(http://x/y)}</style>",
        "<iframe src='http://example.com'></iframe>",
    ],
)
def test_markdown_is_sanitised(text):
    """Only harmless tags survive; no event handlers; links only to http(s)/mailto."""
    parser = TagCollector()
    parser.feed(render_markdown(text))
    for tag, attrs in parser.tags:
        assert tag in md.ALLOWED_TAGS
        assert tag not in ("img", "script", "style", "iframe")
        for name, value in attrs:
            assert not name.startswith("on")
            if name == "href":
                assert value.split(":", 1)[0] in ("http", "https", "mailto")


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_markdown_keeps_formatting_and_links():
    out = render_markdown(
        "# 标题\n\n**b** _i_ `c`\n\n- [site](https://example.com)\n\n![pic](http://e/a.png)"
    )
    assert "<h1>标题</h1>" in out and "<strong>b</strong>" in out and "<em>i</em>" in out
    assert '<a href="https://example.com">site</a>' in out
    assert '<a href="http://e/a.png">[image: pic]</a>' in out


def test_links_open_only_after_asking(qtbot, monkeypatch):
    browser = NoteBrowser()
    qtbot.addWidget(browser)
    assert not browser.openLinks() and not browser.openExternalLinks()
    opened, asked = [], []
    monkeypatch.setattr(md.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answer = [QMessageBox.StandardButton.Cancel]

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(md.QMessageBox, "question", question)
    browser.anchorClicked.emit(QUrl("https://example.com/path"))
    assert "https://example.com/path" in asked[0]
    assert opened == []
    answer[0] = QMessageBox.StandardButton.Open
    browser.anchorClicked.emit(QUrl("https://example.com/path"))
    assert [u.toString() for u in opened] == ["https://example.com/path"]
    monkeypatch.setattr(md.QMessageBox, "information", lambda *a: asked.append("refused"))
    assert browser.confirm_open(QUrl("file:///etc/passwd")) is False
    assert len(opened) == 1 and asked[-1] == "refused"


def test_claim_note_jumps_to_where_the_claim_is_shown(ui, window):
    panel = ui.panel
    row = panel.visible_rows()[row_of(panel, "disputed?")]
    where = bulk.claim_jump(ui.store, row.info.id)
    assert where is not None
    panel._activated(panel.proxy.index(row_of(panel, "disputed?"), 1))
    if where[0] == "event":
        assert window.timeline.canvas.selected == where[1]
    else:
        assert window.dossiers.current_view().org_id == where[1]
    assert ui.editor.target == row.note.target  # the claim's own note is in the editor
    assert ui.editor.text.toPlainText() == "disputed?"


def test_timeline_badges_follow_saves(ui, window):
    model = window.timeline.model
    event_id, key = ui.free_event

    def flags():
        row = int(np.flatnonzero(model.index.ids == event_id)[0])
        return int(model.index.flags[row])

    assert not flags() & (FLAG_ANNOTATED | FLAG_STARRED)
    commands.bulk_annotate(ui.store, window.undo_stack, [f"event:{key}"], starred=True)
    assert flags() & FLAG_ANNOTATED and flags() & FLAG_STARRED
    window.undo_stack.undo()
    assert not flags() & (FLAG_ANNOTATED | FLAG_STARRED)
