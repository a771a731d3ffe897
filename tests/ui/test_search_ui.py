"""The search box (Ctrl+F), its results, and the quick-open palette (Ctrl+K)."""

import pytest
from PySide6.QtCore import Qt

from desktop.store.queries import find_organization
from desktop.store.search_targets import Target, target_for
from desktop.ui.search import install
from desktop.ui.search.results import drop_prefix, highlight, snippet_html

HOSTILE = ['"', "AND", "*", "NEAR(", "'; DROP TABLE events; --", "-", "x" * 5000, "\x00", "( OR"]


def _type(qtbot, session, text):
    """Type into a session's field, then wait for its debounced query to run."""
    field = session.field
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest cannot type characters outside Latin-1: an input method commits them
        field.insert(text)
    # the debounce timer runs the query; wait for it rather than sleeping
    qtbot.waitUntil(
        lambda: not session.pending() and session.last_query == field.text(), timeout=2000
    )


def _org_id(window, name):
    return find_organization(window.store, name).id


def test_install_is_idempotent(window):
    ui = install(window)
    assert install(window) is ui
    assert window.search_ui is ui
    assert sum(a.text() == "&Find…" for a in window.menus["edit"].actions()) == 1


def test_typing_shows_grouped_hits_with_highlight(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Qwen")
    assert ui.dock.isVisible()
    groups = ui.results.group_titles()
    assert groups[:2] == ["Organizations", "Events"]
    assert {"Products", "Claims"} <= set(groups)
    rows = ui.results.hit_rows()
    assert any(r.kind == "event" and "Qwen2" in r.name for r in rows)
    marked = [r for r in rows if "background-color" in r.snippet_html + r.name_html]
    assert marked, "the matched text is highlighted"
    assert "results for" in ui.summary.text()


def test_debounce_runs_one_query_after_typing(window, qtbot):
    ui = install(window)
    ran = []
    ui.session.sig_searched.connect(ran.append)
    qtbot.keyClicks(ui.box, "Alibaba")
    assert ran == []  # nothing ran while typing
    qtbot.waitUntil(lambda: ran == ["Alibaba"], timeout=2000)


@pytest.mark.parametrize("query", ["通义", "千问", "Qwen", "Tongyi Qianwen"])
def test_chinese_and_alias_queries_find_tongyi_qianwen(window, qtbot, query):
    ui = install(window)
    _type(qtbot, ui.session, query)
    rows = ui.results.hit_rows()
    names = {r.name for r in rows}
    assert "Qwen" in names  # the product Tongyi Qianwen (通义千问)
    qwen = next(r for r in rows if r.name == "Qwen")
    assert qwen.target == Target("org", _org_id(window, "Alibaba Cloud"))


def test_chinese_name_finds_alibaba_cloud(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "阿里云")
    assert [r.name for r in ui.results.hit_rows() if r.kind == "org"] == ["Alibaba Cloud"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_or_a_hint(window, qtbot, query):
    ui = install(window)
    ui.box.setText(query)
    ui.session.run_now()  # raises if anything does
    assert ui.results.hit_rows() or ui.results.hint.startswith("No matches for")


def test_no_match_hint_names_the_query(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "zzqqxxnothing")
    assert ui.results.hit_rows() == []
    assert ui.results.hint.startswith("No matches for “zzqqxxnothing”")


def test_enter_on_event_focuses_the_timeline(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Qwen2 models")
    rows = ui.results.hit_rows()
    event = next(r for r in rows if r.kind == "event")
    while ui.results.current_hit() != event:
        qtbot.keyClick(ui.box, Qt.Key.Key_Down)
    qtbot.keyClick(ui.box, Qt.Key.Key_Return)
    assert window.timeline.canvas.selected == event.id
    assert window.details.event_id == event.id
    assert "Qwen2" in window.details.toPlainText()


def test_enter_on_org_opens_its_dossier(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "阿里云")
    assert ui.results.current_hit().kind == "org"  # the first hit is selected
    qtbot.keyClick(ui.box, Qt.Key.Key_Return)
    view = window.dossiers.current_view()
    assert view.org_id == _org_id(window, "Alibaba Cloud")


def test_enter_on_person_opens_the_owning_dossier(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Zhou Jingren")
    person = next(r for r in ui.results.hit_rows() if r.kind == "person")
    while ui.results.current_hit() != person:
        qtbot.keyClick(ui.box, Qt.Key.Key_Down)
    qtbot.keyClick(ui.box, Qt.Key.Key_Return)
    assert window.dossiers.current_view().org_id == _org_id(window, "Alibaba Cloud")


def test_arrows_skip_headers_and_stop_at_the_ends(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Qwen")
    rows = ui.results.hit_rows()
    for _ in range(len(rows) + 3):
        qtbot.keyClick(ui.box, Qt.Key.Key_Down)
    assert ui.results.current_hit() == rows[-1]
    for _ in range(len(rows) + 3):
        qtbot.keyClick(ui.box, Qt.Key.Key_Up)
    assert ui.results.current_hit() == rows[0]


def test_ctrl_f_focuses_the_box_and_esc_clears_it(window, qtbot):
    ui = install(window)
    window.activateWindow()
    window.timeline.canvas.setFocus()
    ui.find_action.trigger()
    assert ui.box.hasFocus()
    assert ui.find_action.shortcut().toString() == "Ctrl+F"
    _type(qtbot, ui.session, "SenseTime")
    assert ui.dock.isVisible()
    qtbot.keyClick(ui.box, Qt.Key.Key_Escape)
    assert ui.box.text() == ""
    assert not ui.dock.isVisible()


def test_ctrl_k_palette_opens_navigates_and_esc_closes(window, qtbot):
    ui = install(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = ui.palette
    assert palette is not None and palette.isVisible()
    assert palette.windowFlags() & Qt.WindowType.FramelessWindowHint
    _type(qtbot, palette.session, "Qwen")
    assert palette.view.group_titles()[0] == "Organizations"
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_palette_enter_opens_and_closes(window, qtbot):
    ui = install(window)
    palette = ui.open_palette()
    _type(qtbot, palette.session, "DeepSeek")
    hit = palette.view.current_hit()
    assert hit.kind == "org"
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.dossiers.current_view().org_id == hit.id


def test_results_follow_store_changes(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Quokka")
    assert ui.results.hit_rows() == []
    with window.store.write() as db:
        db["organizations"].insert({"key": "quokka-ai", "name": "Quokka AI"})
        window.store.changed("org", "add")
    assert [r.name for r in ui.results.hit_rows()] == ["Quokka AI"]


def test_every_source_and_claim_leads_somewhere(window):
    store = window.store
    for kind, table in (("source", "sources"), ("claim", "claims"), ("person", "people")):
        for (row_id,) in store.conn.execute(f"SELECT id FROM {table}"):
            assert target_for(store, kind, row_id) is not None, (kind, row_id)
    assert target_for(store, "event", 10**9) is None


def test_highlighting_escapes_data():
    assert highlight("<b>Qwen</b> & co", ["qwen"]).startswith("&lt;b&gt;<span")
    html = snippet_html("a <i>\x02x\x03</i>")
    assert "<i>" not in html and "&lt;i&gt;" in html and "<span" in html
    assert drop_prefix("Title  the \x02body\x03", "Title") == "the \x02body\x03"
    assert drop_prefix("A long claim that goes o…", "A long claim that goes on and on") == ""
