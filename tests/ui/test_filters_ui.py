"""The filter bar, saved views and timeline image export, in the main window."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.domain.filters import OPEN_HI, EventFilter
from desktop.domain.grades import Grade
from desktop.store.annotations import save_annotation
from desktop.store.errors import StoreError
from desktop.store.queries import find_organization
from desktop.store.views import list_views
from desktop.ui.filters import install
from desktop.ui.timeline.export import export_timeline_image

JUL_2024 = (1719792000.0, 1722470400.0)


def _event_id(store, key):
    return store.conn.execute("SELECT id FROM events WHERE key = ?", (key,)).fetchone()[0]


def _shown_ids(window):
    return {int(i) for i in window.timeline.model.index.ids}


def test_install_is_idempotent_and_shows_the_bar(window):
    ui = install(window)
    assert install(window) is ui and window.filters_ui is ui
    assert ui.bar.isVisible() and ui.bar.summary.isVisible()
    assert ui.bar.summary.text() == "All events"
    assert not ui.bar.clear_button.isEnabled()
    titles = [a.text() for a in window.menus["view"].actions()]
    assert "Saved &views" in titles and "C&lear filter" in titles


def test_org_filter_hides_other_lanes_and_clear_restores(window, qtbot):
    ui = install(window)
    model = window.timeline.model
    lanes_before, rows_before = len(model.lanes), len(model.index)
    sensetime = find_organization(window.store, "sensetime").id
    ui.bar.orgs.toggle_value(sensetime)  # as a click in the popup list
    assert [lane.key for lane in model.lanes] == [f"org:{sensetime}"]
    assert len(model.index) == 5 and set(model.index.lane.tolist()) == {0}
    assert len(window.timeline.canvas.lane_layout) == 1  # the canvas re-laid its lanes
    assert "SenseTime" in ui.bar.summary.text() and ui.bar.summary.isVisible()
    assert ui.bar.orgs.text() == "Organizations (1)"
    assert model.org_counts()[sensetime] == 5
    qtbot.mouseClick(ui.bar.clear_button, Qt.MouseButton.LeftButton)
    assert (len(model.lanes), len(model.index)) == (lanes_before, rows_before)
    assert ui.bar.summary.text() == "All events" and ui.bar.orgs.checked() == frozenset()


def test_org_list_counts_follow_the_filter(window):
    ui = install(window)
    model = window.org_list.model
    openai = find_organization(window.store, "openai").id
    sensetime = find_organization(window.store, "sensetime").id

    def shown(org_id):
        return model.data(model.index(model.row_of(org_id)))

    total = shown(sensetime)
    ui.bar.kinds.toggle_value("policy")
    assert shown(openai).endswith("(2)")
    assert "(" not in shown(sensetime)  # no policy events: no count
    ui.clear()
    assert shown(sensetime) == total


def test_kind_filter(window):
    ui = install(window)
    model = window.timeline.model
    ui.bar.kinds.toggle_value("policy")
    code = model.kind_names.index("policy")
    assert len(model.index) and (model.index.kind == code).all()
    assert _shown_ids(window) == {
        _event_id(window.store, k)
        for k in (
            "new-generation-ai-development-plan",
            "openai-api-cutoff-announcement",
            "un-ga-ai-capacity-building-resolution",
            "openai-api-cutoff",
        )
    }
    assert "Kinds: policy" in ui.bar.summary.text()


def test_tag_and_starred_filters_after_saving_a_note(window, qtbot):
    ui = install(window)
    store = window.store
    save_annotation(store, target="event:openai-api-cutoff", tags=["watch"], starred=False)
    save_annotation(store, target="event:waic-2024", tags=["watch"], starred=True)
    qtbot.waitUntil(lambda: ui._choices_stale, timeout=3000)  # the window reloaded
    ui.refresh_choices()
    ui.bar.tags.toggle_value("watch")
    assert _shown_ids(window) == {
        _event_id(store, "openai-api-cutoff"),
        _event_id(store, "waic-2024"),
    }
    ui.bar.starred.click()
    assert _shown_ids(window) == {_event_id(store, "waic-2024")}
    assert "Starred" in ui.bar.summary.text() and "Tags: watch" in ui.bar.summary.text()
    # a later note is picked up when the window reloads, and the filter stays
    save_annotation(store, target="event:openai-api-cutoff", starred=True)
    qtbot.waitUntil(lambda: len(_shown_ids(window)) == 2, timeout=3000)
    assert window.timeline.model.filter.starred
    ui.clear_action.trigger()  # View ▸ Clear filter
    assert window.timeline.model.filter.is_empty and not ui.bar.starred.isChecked()


def test_date_boxes_accept_partial_dates(window, qtbot):
    ui = install(window)
    ui.bar.date_from.setText("July 2024")
    ui.bar.date_from.editingFinished.emit()
    assert window.timeline.model.filter.range == (JUL_2024[0], OPEN_HI)
    assert "Dates: from 2024-07-01" in ui.bar.summary.text()
    ui.bar.date_to.setText("July 2024")
    ui.bar.date_to.editingFinished.emit()
    assert window.timeline.model.filter.range == JUL_2024
    model = window.timeline.model
    assert ((model.index.lo < JUL_2024[1]) & (model.index.hi > JUL_2024[0])).all()
    ui.bar.date_to.setText("not a date")
    ui.bar.date_to.editingFinished.emit()
    assert window.timeline.model.filter.range == JUL_2024  # unchanged
    assert "B3261E" in ui.bar.date_to.styleSheet()
    assert "not a date" in ui.bar.date_to.toolTip()


def test_saved_view_round_trip(window, qtbot):
    ui = install(window)
    tl = window.timeline
    f = EventFilter(kinds={"release"}, range=JUL_2024)
    ui.apply(f)
    tl.group.setCurrentIndex(tl.group.findData("kind"))
    tl.canvas.set_range(1.6e9, 1.7e9, animate=False)
    ui.save_current_view("Releases · 七月")
    assert [v.name for v in list_views(window.store)] == ["Releases · 七月"]

    ui.clear()
    tl.group.setCurrentIndex(tl.group.findData("org"))
    tl.canvas.fit_all(animate=False)
    assert tl.model.filter.is_empty and tl.model.group_by == "org"

    ui.rebuild_views_menu()
    action = next(a for a in ui.views_menu.actions() if a.text() == "Releases · 七月")
    action.trigger()
    assert tl.model.filter == f and tl.model.group_by == "kind"
    assert tl.group.currentData() == "kind"
    assert [lane.key for lane in tl.model.lanes] == ["kind:release"]
    t0, t1 = tl.canvas.visible_range()
    assert abs(t0 - 1.6e9) < 1e5 and abs(t1 - 1.7e9) < 1e5
    assert ui.bar.kinds.checked() == {"release"} and ui.bar.date_from.text() == "2024-07-01"
    assert ui.recall_view("no such view") is None


def _event_count(store, name):
    """The organization's events in the seed dossier (it grows; the tests need not follow)."""
    org = find_organization(store, name).id
    return store.conn.execute(
        "SELECT count(*) FROM event_orgs WHERE org_id = ?", (org,)
    ).fetchone()[0]


def test_export_png_and_svg(seeded_store, tmp_path, qapp):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    deepseek = find_organization(seeded_store, "DeepSeek").id
    n = export_timeline_image(seeded_store, png, "png", EventFilter(orgs={deepseek}))
    assert n == _event_count(seeded_store, "DeepSeek") >= 1
    image = QImage(str(png))
    assert not image.isNull() and (image.width(), image.height()) == (1600, 900)
    pixels = np.frombuffer(image.convertToFormat(QImage.Format.Format_RGB32).constBits(), np.uint8)
    assert len(np.unique(pixels.reshape(-1, 4)[:, :3], axis=0)) > 10  # something was drawn

    f = EventFilter(orgs={deepseek})
    export_timeline_image(seeded_store, svg, "svg", f, size=(1200, 700))
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 1200 700"
    text = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "DeepSeek open-sources DeepSeek LLM 67B" in text
    assert "SenseTime" not in text  # other organizations' lanes are not drawn
    assert not list(tmp_path.glob(".*"))  # no temporary file left


def test_export_refuses_bad_format(seeded_store, tmp_path, qapp):
    with pytest.raises(StoreError):
        export_timeline_image(seeded_store, tmp_path / "t.gif", "gif")
    assert not (tmp_path / "t.gif").exists()


def test_export_current_view_keeps_filter_range_and_grouping(window, tmp_path):
    ui = install(window)
    tl = window.timeline
    ui.apply(EventFilter(orgs={find_organization(window.store, "deepseek").id}))
    tl.group.setCurrentIndex(tl.group.findData("kind"))
    tl.canvas.set_range(1.69e9, 1.71e9, animate=False)  # Jul 2023 – Mar 2024
    assert ui.export_current_view(str(tmp_path / "view.svg")) == 1
    root = ET.parse(tmp_path / "view.svg").getroot()
    text = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "Release" in text and "DeepSeek open-sources" in text  # kind lanes, its event
    # the visible range (months under their years), not the whole span
    assert "January" in text and "2024" in text and "2021" not in text
    assert ui.export_action in window.menus["file"].actions()


def test_read_span_accepts_partial_dates_and_ranges():
    from desktop.domain.partial_date import DateParseError
    from desktop.ui.filters.bar import read_span

    assert read_span("July 2024", "July 2024") == JUL_2024
    assert read_span("", "") is None
    assert read_span("Jul–Aug 2024", "")[0] == JUL_2024[0]
    assert read_span("Jul–Aug 2024", "")[1] == 1725148800.0  # 1 Sep 2024
    assert read_span("", "July 2024")[1] == JUL_2024[1]
    with pytest.raises(DateParseError):
        read_span("2025", "2024")
    with pytest.raises(DateParseError):
        read_span("soon", "")


def test_filter_bench_runs_on_a_small_generated_database(tmp_path, qapp):
    from desktop.bench.filter_bench import bench_filter_redraw
    from desktop.bench.generate import generate

    generate(tmp_path / "g.db", 3000, n_orgs=50).close()
    times, events = bench_filter_redraw(tmp_path / "g.db")
    assert events == 3000 and len(times) == 20 and all(t > 0 for t in times)


def test_grade_filter_on_the_bar(window):
    ui = install(window)
    store = window.store
    with store.write() as db:  # public record A1, the articles ungraded
        db.execute("UPDATE sources SET reliability = NULL")
        db.execute("UPDATE citations SET credibility = NULL")
        db.execute("UPDATE sources SET reliability = 'A' WHERE key = 'public-record'")
        db.execute(
            "UPDATE citations SET credibility = 1"
            " WHERE source_id = (SELECT id FROM sources WHERE key = 'public-record')"
        )
    window.timeline.model.reload()
    graded = {
        r[0]
        for r in store.conn.execute(
            "SELECT c.target_id FROM citations c JOIN sources s ON s.id = c.source_id"
            " WHERE c.target_kind = 'event' AND c.stance = 'for' AND s.key = 'public-record'"
        )
    }
    everything = _shown_ids(window)
    assert graded and graded < everything
    bar = ui.bar
    bar.grade.setCurrentIndex(bar.grade.findData("B2"))  # as a choice in the list
    assert _shown_ids(window) == graded
    assert "graded at least B2 (ungraded left out)" in bar.summary.text()
    assert ui.filter.min_grade == Grade("B", 2) and bar.clear_button.isEnabled()
    tip = bar.grade.itemData(bar.grade.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert "usually reliable" in tip and "ungraded" not in tip and "left out" in bar.grade.toolTip()
    bar.clear()
    assert _shown_ids(window) == everything and bar.grade.currentData() == ""
    ui.apply(EventFilter(min_grade="C"))  # a saved view's grade the list does not offer
    assert bar.grade.currentData() == "C?" and _shown_ids(window) == graded
