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
    assert ui.panel.isVisible()
    groups = ui.results.group_titles()
    assert groups[0] == "Products"  # Qwen (Tongyi Qianwen) is the name itself: that group first
    assert {"Organizations", "Events", "Claims"} <= set(groups)
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
    assert ui.panel.isVisible()
    qtbot.keyClick(ui.box, Qt.Key.Key_Escape)
    assert ui.box.text() == ""
    assert not ui.panel.isVisible()


def test_ctrl_k_palette_opens_navigates_and_esc_closes(window, qtbot):
    ui = install(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = ui.palette
    assert palette is not None and palette.isVisible()
    assert palette.windowFlags() & Qt.WindowType.FramelessWindowHint
    _type(qtbot, palette.session, "Qwen")
    assert palette.view.group_titles()[0] == "Products"
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


# -- totals, "Show more", ranking, keys from anywhere, floating results ---------------------------
def _add_events(store, n, title):
    with store.write() as db:
        for i in range(n):
            db.execute(
                "INSERT INTO events (key, title, start) VALUES (?, ?, '2024-01')",
                (f"bulk-{i}", f"{title} {i}"),
            )
        store.changed("event", "add")


def test_summary_and_headers_give_the_true_total_and_show_more_pages(window, qtbot):
    ui = install(window)
    _add_events(window.store, 130, "Zorbex quarterly")
    _type(qtbot, ui.session, "zorbex")
    events = next(g for g in ui.session.groups if g.kind == "event")
    assert (len(events.rows), events.total) == (20, 130)
    assert ui.summary.text() == "20 of 130 results for “zorbex”"
    header = ui.results.item(0).text()
    assert header == "Events  (20 of 130)"
    assert ui.results.more_rows() == ["event"]
    # Enter on the "Show more" row brings 50 more; the list stays where it was
    last = ui.results.hit_rows()[-1]
    for _ in range(30):
        qtbot.keyClick(ui.box, Qt.Key.Key_Down)
    qtbot.keyClick(ui.box, Qt.Key.Key_Return)
    assert len(ui.results.hit_rows()) == 70
    assert ui.results.current_hit() == last
    assert ui.summary.text() == "70 of 130 results for “zorbex”"
    ui.session.more("event")
    assert len(ui.results.hit_rows()) == 120
    ui.session.more("event")
    assert len(ui.results.hit_rows()) == 130
    assert ui.results.more_rows() == []
    assert ui.summary.text() == "130 results for “zorbex”"
    _type(qtbot, ui.session, "zorbex quarterly")  # a new query starts from 20 again
    assert len(ui.results.hit_rows()) == 20


def test_one_result_is_singular(window, qtbot):
    ui = install(window)
    _add_events(window.store, 1, "Wombatron")
    _type(qtbot, ui.session, "Wombatron")
    assert ui.summary.text() == "1 result for “Wombatron”"
    assert ui.results.item(0).text() == "Events  (1)"


def test_api_lists_the_cutoff_events_before_leonis_capital(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "API")
    rows = ui.results.hit_rows()
    assert ui.results.group_titles()[0] == "Events"
    cutoff = max(i for i, r in enumerate(rows) if "API" in r.name and r.kind == "event")
    leonis = next(i for i, r in enumerate(rows) if r.name == "Leonis Capital")
    assert cutoff < leonis


def test_qwen_lists_alibaba_cloud_before_hugging_face(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Qwen")
    orgs = [r.name for r in ui.results.hit_rows() if r.kind == "org"]
    assert orgs.index("Alibaba Cloud") < orgs.index("Hugging Face")


def test_ctrl_k_and_ctrl_f_work_from_the_results_list(window, qtbot):
    ui = install(window)
    window.activateWindow()
    _type(qtbot, ui.session, "Qwen")
    ui.results.setFocus()
    qtbot.waitUntil(ui.results.hasFocus)
    qtbot.keyClick(ui.results, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert ui.palette is not None and ui.palette.isVisible()
    # and Ctrl+F from inside the palette goes back to the search box
    qtbot.keyClick(ui.palette.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not ui.palette.isVisible()
    assert ui.box.hasFocus()
    ui.results.setFocus()
    qtbot.waitUntil(ui.results.hasFocus)
    qtbot.keyClick(ui.results, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ui.box.hasFocus()


def test_letters_typed_in_the_results_go_to_the_box(window, qtbot):
    ui = install(window)
    _type(qtbot, ui.session, "Qwen")
    ui.results.setFocus()
    qtbot.keyClicks(ui.results, "2")
    assert ui.box.text() == "Qwen2" and ui.box.hasFocus()


def test_results_float_over_the_window_without_shrinking_the_timeline(window, qtbot):
    ui = install(window)
    canvas = window.timeline.canvas
    before = canvas.size()
    _type(qtbot, ui.session, "Qwen")
    assert ui.panel.isVisible()
    qtbot.wait(50)
    assert canvas.size() == before
    assert ui.panel.parentWidget() is window and ui.panel.height() > 300
    window.resize(1300, 900)
    qtbot.waitUntil(lambda: ui.panel.geometry().bottom() < window.height())
    ui.panel.close_button.click()
    assert not ui.panel.isVisible()


def test_note_hits_show_their_words_not_markdown_marks(window, qtbot):
    from desktop.store.annotations import save_annotation

    save_annotation(
        window.store, target="event:waic-2024", body="# Plan\n\n- ask **Quixotic** `dates`"
    )
    ui = install(window)
    _type(qtbot, ui.session, "Quixotic")
    (note,) = [r for r in ui.results.hit_rows() if r.kind == "annotation"]
    assert "**" not in note.snippet_html and "`" not in note.snippet_html
    assert "# " not in note.snippet_html and "Quixotic" in note.snippet_html
