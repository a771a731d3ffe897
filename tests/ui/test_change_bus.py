"""The change bus: what changed reaches only the views that show it, in one order (models,
then views), whatever the order in which features connected."""

from __future__ import annotations

import pytest

from desktop.store import annotations as notes
from desktop.store import edits
from desktop.store.database import Change
from desktop.store.queries import event_orgs, list_events, list_organizations
from desktop.ui.bus import ChangeBus, Changes, describe
from desktop.ui.dossier.widget import NOTE_REFRESH_MS

SEVEN = 7


@pytest.fixture
def seven(window):
    """Seven dossiers open (the organizations with most events), the busiest in front."""
    orgs = sorted(list_organizations(window.store), key=lambda o: -o.event_count)[:SEVEN]
    for org in reversed(orgs):
        window.open_org(org.id)
    views = window.dossiers.views()
    assert len(views) == SEVEN and window.dossiers.current_view().org_id == orgs[0].id
    return views


def renders(views):
    return [v.renders for v in views]


def event_of(store, org_id, *, only=True):
    """An event of ``org_id`` (with ``only``: one no other open dossier's organization has)."""
    for e in list_events(store, org_id):
        if not only or len(event_orgs(store, [e.id]).get(e.id, [])) == 1:
            return e
    raise AssertionError("no such event")


def test_a_note_on_a_background_dossier_renders_nothing_now(window, seven, qtbot):
    behind = seven[3]
    before = renders(seven)
    key = behind.dossier.org.key
    notes.save_annotation(window.store, target=f"org:{key}", body="only this dossier lists it")
    qtbot.wait(NOTE_REFRESH_MS + 100)
    assert renders(seven) == before  # nothing rendered: the one that lists it is behind
    assert [v.stale for v in seven] == [v is behind for v in seven]
    window.dossiers.setCurrentIndex(window.dossiers.indexOf(behind.parent()))
    assert behind.renders == before[seven.index(behind)] + 1
    assert "only this dossier lists it" in behind.toPlainText()


def test_a_note_saved_in_the_editor_renders_only_the_dossier_that_lists_it(window, seven, qtbot):
    front = window.dossiers.current_view()
    event = event_of(window.store, front.org_id)
    editor = window.annotations_ui.editor
    editor.set_target(f"event:{event.key}", event.title)
    before = renders(seven)
    for i in range(3):  # a burst of saves while typing: one render after them
        editor.text.setPlainText(f"typed {i}")
        assert editor.flush()
    assert renders(seven) == before  # the save itself rendered no dossier
    qtbot.waitUntil(lambda: front.renders == before[0] + 1, timeout=NOTE_REFRESH_MS + 2000)
    qtbot.wait(NOTE_REFRESH_MS + 100)
    after = renders(seven)
    assert after[0] == before[0] + 1 and after[1:] == before[1:]
    assert "typed 2" in front.toPlainText()
    assert not any(v.stale for v in seven)  # the others do not list that event's notes


def test_a_note_on_something_no_dossier_lists_renders_none(window, seven, qtbot):
    open_ids = {v.org_id for v in seven}
    claim_free = next(
        e
        for e in list_events(window.store)
        if not {o.org_id for o in event_orgs(window.store, [e.id]).get(e.id, [])} & open_ids
    )
    before = renders(seven)
    notes.save_annotation(window.store, target=f"event:{claim_free.key}", body="elsewhere")
    qtbot.wait(NOTE_REFRESH_MS + 100)
    assert renders(seven) == before and not any(v.stale for v in seven)


def test_an_edit_still_rereads_every_dossier(window, seven):
    front = window.dossiers.current_view()
    before = renders(seven)
    edits.update(window.store, "org", seven[2].org_id, {"summary": "renamed elsewhere"})
    assert front.renders == before[0] + 1  # at once, not after a delay
    assert all(v.stale for v in seven[1:])


def test_the_details_reload_only_for_their_events_notes(window, seven):
    shown = event_of(window.store, seven[0].org_id)
    other = event_of(window.store, seven[1].org_id)
    window.show_event(shown.id)
    calls = []
    original = window.details.reload
    window.details.reload = lambda: (calls.append(1), original())
    notes.save_annotation(window.store, target=f"event:{other.key}", body="not shown here")
    assert calls == []
    notes.save_annotation(window.store, target=f"event:{shown.key}", body="shown here")
    assert calls == [1]
    assert "shown here" in window.details.toPlainText()


def test_the_bus_delivers_models_before_views_whatever_the_connection_order(seeded_store):
    store = seeded_store
    bus = ChangeBus(store)
    seen = []
    bus.sig_views.connect(lambda c: seen.append(("views", c)))  # connected first
    bus.sig_models.connect(lambda c: seen.append(("models", c)))
    changes = bus.publish([Change("event", "update", (1, 2))])
    assert [stage for stage, _ in seen] == ["models", "views"]
    assert all(c is changes for _, c in seen)
    assert changes.ids("event") == {1, 2} and not changes.only_notes
    assert changes.touches("event") and not changes.touches("org")


def test_changes_name_the_notes_targets_and_the_dossiers_listing_them(seeded_store):
    store = seeded_store
    org = list_organizations(store)[0]
    event = event_of(store, org.id, only=False)
    on_org = notes.save_annotation(store, target=f"org:{org.key}", body="a")
    on_event = notes.save_annotation(store, target=f"event:{event.key}", body="b")
    rows = [
        r["id"]
        for r in store.query(
            "SELECT id FROM annotations WHERE uuid IN (?, ?)", (on_org.uuid, on_event.uuid)
        )
    ]
    changes = describe(store, [Change("annotation", "update", tuple(rows))])
    assert changes.only_notes
    assert changes.note_targets == {f"org:{org.key}", f"event:{event.key}"}
    event_org_ids = {o.org_id for o in event_orgs(store, [event.id])[event.id]}
    assert changes.note_orgs == {org.id} | event_org_ids
    assert changes.in_dossier(org.id) and changes.shows_note_of(f"event:{event.key}")
    assert not changes.shows_note_of("event:nothing-like-it")
    everything = Changes((Change("all", "reload"),))
    assert everything.everything and everything.in_dossier(-5) and everything.touches("x")


def test_a_filter_counts_what_the_timeline_reloaded(window, seven):
    """The filter bar's summary reads the timeline's model in the bus's second stage, after
    the window reloaded that model in the first (no reliance on connection order)."""
    from desktop.domain.filters import EventFilter

    ui = window.filters_ui
    ui.apply(EventFilter(kinds={"bench-kind"}))
    assert ui.bar.summary.text().endswith("0 events shown in 0 lanes")
    org = seven[0].org_id
    fields = {"title": "New", "kind": "bench-kind", "start": "2024-07-05", "orgs": [org]}
    edits.create(window.store, "event", fields)
    assert ui.bar.summary.text().endswith("1 event shown in 1 lane"), ui.bar.summary.text()


def test_another_programs_commit_reaches_every_view_through_the_bus(window, seven):
    import sqlite3

    seen = []
    window.bus.sig_views.connect(seen.append)
    front = window.dossiers.current_view()
    before = front.renders
    other = sqlite3.connect(window.store.path)
    other.execute("UPDATE organizations SET summary = 'from outside' WHERE id = ?", (front.org_id,))
    other.commit()
    other.close()
    window.bridge.poll()
    assert len(seen) == 1 and seen[0].everything
    assert front.renders == before + 1 and all(v.stale for v in seven[1:])


def test_the_notes_list_behind_the_editor_is_read_when_its_tab_comes_to_the_front(window, qtbot):
    ui = window.annotations_ui
    ui.editor_dock.raise_()
    qtbot.waitUntil(lambda: not ui._panel_shown)
    reads = []
    original = ui.panel.reload
    ui.panel.reload = lambda: (reads.append(1), original())
    notes.save_annotation(window.store, target="event:waic-2024", body="behind the tab")
    notes.save_annotation(window.store, target="event:waic-2024", body="behind it again")
    assert reads == []
    ui.panel_dock.raise_()
    qtbot.waitUntil(lambda: reads == [1])
    assert any(r.note.body == "behind it again" for r in ui.panel.visible_rows())


def test_a_saved_note_recounts_only_the_notes_in_the_status_line(window, monkeypatch):
    import desktop.ui.main_window as main_window
    from desktop.store.queries import counts

    calls = []
    monkeypatch.setattr(main_window, "counts", lambda store: (calls.append(1), counts(store))[1])
    before = counts(window.store)["annotations"]
    notes.save_annotation(window.store, target="event:waic-2024", body="one more")
    assert calls == []  # the events (up to millions) were not counted again
    assert f"{before + 1:,} note" in window._status.text()
    edits.update(window.store, "org", list_organizations(window.store)[0].id, {"summary": "x"})
    assert calls == [1]
