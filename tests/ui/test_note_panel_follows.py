"""The Note panel follows the selection (Esc → the open dossier's note); counts say what is
drawn, with plural forms; notes are shown rendered in the Annotations panel."""

from PySide6.QtCore import Qt

from desktop.store import annotations_bulk as bulk
from desktop.store.annotations import save_annotation
from desktop.store.queries import find_organization
from desktop.ui import filters
from desktop.ui.annotations import install
from desktop.ui.filters.controller import shown_text


def _event_id(store, key):
    return store.conn.execute("SELECT id FROM events WHERE key = ?", (key,)).fetchone()[0]


def test_escape_leaves_the_event_and_shows_the_dossier_note(window, qtbot):
    ui = install(window)
    store = window.store
    org = find_organization(store, "SenseTime")
    window.open_org(org.id)
    org_target = bulk.org_target(store, org.id)
    canvas = window.timeline.canvas
    event_id = _event_id(store, "waic-2024")
    window.focus_event(event_id)  # selects it on the timeline
    assert ui.editor.target == "event:waic-2024"
    assert (
        "waic" in ui.editor.target_label.text().lower() or "Event" in ui.editor.target_label.text()
    )
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert ui.editor.target == org_target  # not the deselected event any more
    assert ui.editor.target_label.text().startswith("Organization:")
    # typing now edits the organization's note, never the event's
    ui.editor.text.setPlainText("about the org")
    assert ui.editor.flush()
    assert bulk.notes_for_target(store, org_target)[0].body == "about the org"
    assert not bulk.notes_for_target(store, "event:waic-2024")


def test_no_selection_and_no_dossier_shows_nothing(window):
    ui = install(window)
    window.dossiers.close_all()
    ui.show_event(_event_id(window.store, "waic-2024"))
    ui.show_event(-1)
    assert ui.editor.target is None
    assert not ui.editor.text.isEnabled()


def test_status_bar_counts_are_plural_aware(window):
    store = window.store
    n = store.conn.execute("SELECT count(*) FROM annotations WHERE deleted_at IS NULL").fetchone()
    assert n[0] == 0
    save_annotation(store, target="event:waic-2024", body="one")
    window._update_status()
    text = window._status.text()
    assert "· 1 note ·" in text and "1 notes" not in text


def test_filter_summary_counts_events_once_and_the_lanes_drawn(window, qtbot):
    ui = filters.install(window)
    store = window.store
    save_annotation(store, target="event:openai-api-cutoff", tags=["watch"])
    save_annotation(store, target="event:waic-2024", tags=["watch"])
    qtbot.waitUntil(lambda: ui._choices_stale, timeout=3000)
    ui.refresh_choices()
    ui.bar.tags.toggle_value("watch")
    model = window.timeline.model
    lanes = len(model.lanes)
    assert len(window.timeline.canvas.lane_layout) == lanes  # the lanes drawn
    lane_word = "lane" if lanes == 1 else "lanes"
    assert f"2 events shown in {lanes} {lane_word}" in ui.bar.summary.text()


def test_shown_text_counts_distinct_events():
    import numpy as np

    assert shown_text(np.array([5, 5, 9, 9]), 4) == "2 events shown in 4 lanes"
    assert shown_text(np.array([7]), 1) == "1 event shown in 1 lane"
    assert shown_text(np.array([], dtype=np.int64), 0) == "0 events shown in 0 lanes"


def test_annotations_panel_shows_the_current_note_rendered(window):
    ui = install(window)
    save_annotation(
        window.store, target="event:waic-2024", body="**bold** and <script>x()</script>"
    )
    save_annotation(window.store, target="event:openai-api-cutoff", body="# Title\n\n- item")
    panel = ui.panel
    panel.reload()
    row = next(i for i, r in enumerate(panel.visible_rows()) if r.note.body.startswith("**bold**"))
    panel.table.setCurrentIndex(panel.proxy.index(row, 2))
    html = panel.preview.last_html
    assert "<strong>bold</strong>" in html and "<script" not in html
    tip = panel.proxy.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "<strong>bold</strong>" in tip and "<script" not in tip
    panel.search.setText("Title")
    assert panel.count.text() == "1 of 2 notes"
