"""Every "go to event" path lands on a view where the event is drawn with its label in a lane
on screen; the wheel, the zoom keys, a drag on the axis, the "+N" pills and "more rows" do what
the README says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl, QVariantAnimation
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from desktop.domain.time_scale import CONTEXT_SPAN
from desktop.store import annotations as notes
from desktop.ui import annotations as annotations_ui
from desktop.ui import search as search_ui
from desktop.ui.timeline import clusters
from desktop.ui.timeline.frame import MAX_LABEL_W
from desktop.ui.timeline.input import WHEEL_ZOOM_PER_DEGREE
from desktop.ui.timeline.layout_report import frame_layout

DAY_2023_03_03 = 1677801600  # 2023-03-03T00:00:00Z


def event_id(window, key: str) -> int:
    return int(
        window.store.conn.execute("SELECT id FROM events WHERE key = ?", (key,)).fetchone()[0]
    )


def settle(qtbot, canvas) -> None:
    """Let a go-to animation finish."""
    qtbot.waitUntil(lambda: canvas._anim.state() != QVariantAnimation.State.Running, timeout=3000)


def assert_labelled(window, eid: int) -> None:
    canvas = window.timeline.canvas
    assert canvas.selected == eid
    key = window.store.conn.execute("SELECT key FROM events WHERE id = ?", (eid,)).fetchone()[0]
    layout = frame_layout(canvas)
    entry = next(e for e in layout["events"] if e["key"] == f"event:{key}")
    lane = next(lane for lane in layout["lanes"] if lane["key"] == entry["lane"])
    assert lane["visible"] and entry["shown"] == "label", entry


@pytest.fixture
def fit(window):
    canvas = window.timeline.canvas
    canvas.fit_all(animate=False)
    canvas.set_scroll(0)
    return canvas


def enter_on_first_event(qtbot, field, results, session, text: str) -> int:
    """Type ``text`` into a search field, arrow down to the first event hit, press Enter."""
    field.setText(text)
    session.run_now()
    hit = next(r for r in results.hit_rows() if r.kind == "event")
    while results.current_hit() != hit:
        qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return hit.id


def test_search_enter_goes_to_the_event(window, qtbot, fit):
    ui = search_ui.install(window)
    eid = enter_on_first_event(qtbot, ui.box, ui.results, ui.session, "Qwen2 models")
    settle(qtbot, fit)
    assert_labelled(window, eid)


def test_palette_enter_goes_to_the_event(window, qtbot, fit):
    palette = search_ui.install(window).open_palette()
    eid = enter_on_first_event(qtbot, palette.field, palette.view, palette.session, "SenseNova 5.5")
    settle(qtbot, fit)
    assert_labelled(window, eid)


def test_dossier_link_goes_to_the_event(window, qtbot, fit):
    eid = event_id(window, "waic-2018")
    org = window.store.conn.execute("SELECT id FROM organizations WHERE key = 'waic'").fetchone()
    view = window.dossiers.open_org(int(org[0]))
    view._on_link(QUrl(f"event:{eid}"))
    settle(qtbot, fit)
    assert_labelled(window, eid)


def test_annotations_double_click_goes_to_the_event(window, qtbot, fit):
    key = "waic-2024"
    notes.save_annotation(window.store, target=f"event:{key}", body="check the dates")
    ui = annotations_ui.install(window)
    ui.panel_dock.raise_()  # its tab in front (behind the note's tab it is read when raised)
    panel = ui.panel
    row = next(i for i, r in enumerate(panel.visible_rows()) if r.note.body == "check the dates")
    panel._activated(panel.proxy.index(row, 1))
    settle(qtbot, fit)
    assert_labelled(window, event_id(window, key))


def test_next_previous_and_z_keys_go_to_events(window, qtbot, fit):
    fit.setFocus()
    first = event_id(window, "waic-2018")
    fit.focus_event(first, animate=False)
    for key in (Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_N):
        before = fit.selected
        qtbot.keyClick(fit, key)
        settle(qtbot, fit)
        assert fit.selected != before
        assert_labelled(window, fit.selected)
    fit.fit_all(animate=False)
    qtbot.keyClick(fit, Qt.Key.Key_Z)
    settle(qtbot, fit)
    assert_labelled(window, fit.selected)


def test_a_wheel_notch_zooms_by_15_to_20_percent(fit, qtbot):
    assert 1.15 <= WHEEL_ZOOM_PER_DEGREE**15 <= 1.20
    span = fit.scale.span
    x = fit.geo.header_w + fit.time_width / 3
    t_under = fit.scale.t(x - fit.geo.header_w)
    fit.zoom(WHEEL_ZOOM_PER_DEGREE**15, x - fit.geo.header_w, animate=False)
    assert span / fit.scale.span == pytest.approx(1.18, rel=0.01)
    assert fit.scale.t(x - fit.geo.header_w) == pytest.approx(t_under, abs=fit.scale.span * 1e-6)


def test_plus_zooms_under_the_cursor_else_at_the_selection(window, fit, qtbot, monkeypatch):
    eid = event_id(window, "waic-2024")
    fit.select_event(eid)
    lo = fit.model.event_span(eid)[0]
    x_before = fit.scale.x(lo)
    monkeypatch.setattr(fit, "underMouse", lambda: False)  # the cursor is elsewhere
    fit.setFocus()
    qtbot.keyClick(fit, Qt.Key.Key_Plus)
    settle(qtbot, fit)
    assert fit.scale.x(lo) == pytest.approx(x_before, abs=1.0)  # the selection stays put
    monkeypatch.setattr(fit, "underMouse", lambda: True)
    at = QPoint(int(fit.geo.header_w + 100), 200)
    monkeypatch.setattr(QCursor, "pos", staticmethod(lambda: fit.mapToGlobal(at)))
    t_under = fit.scale.t(100)
    qtbot.keyClick(fit, Qt.Key.Key_Minus)
    settle(qtbot, fit)
    assert fit.scale.t(100) == pytest.approx(t_under, abs=fit.scale.span * 1e-4)


def test_dragging_on_the_axis_zooms_to_that_range(fit, qtbot):
    x0, x1 = fit.geo.header_w + 100, fit.geo.header_w + 300
    t0, t1 = fit.scale.t(100), fit.scale.t(300)
    y = int(fit.geo.axis_h / 2)
    qtbot.mousePress(fit, Qt.MouseButton.LeftButton, pos=QPoint(int(x0), y))
    qtbot.mouseMove(fit, QPoint(int(x1), y))
    qtbot.mouseRelease(fit, Qt.MouseButton.LeftButton, pos=QPoint(int(x1), y))
    settle(qtbot, fit)
    assert fit.scale.start == pytest.approx(t0, rel=1e-6)
    assert fit.scale.end == pytest.approx(t1, rel=1e-6)


@pytest.fixture
def crowded(window, fit):
    """Twenty events of Alibaba Cloud on one day: more than its ten sub-rows hold, fewer than
    make it a histogram."""
    store = window.store
    org = store.conn.execute("SELECT id FROM organizations WHERE key = 'alibaba-cloud'").fetchone()
    with store.write():
        for i in range(20):
            cur = store.conn.execute(
                "INSERT INTO events (key, title, start, start_lo, start_hi, kind)"
                " VALUES (?, ?, '2023-03-03', ?, ?, 'release')",
                (f"crowd-{i}", f"Crowded release {i:02d}", DAY_2023_03_03, DAY_2023_03_03 + 86400),
            )
            store.conn.execute(
                "INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)", (cur.lastrowid, org[0])
            )
    window.timeline.reload()
    fit.set_range(DAY_2023_03_03 - 3 * 86400, DAY_2023_03_03 + 4 * 86400, animate=False)
    lane = fit.model.lane_of_org(int(org[0]))
    fit.scroll_to_lane(lane)
    fit.planner.invalidate()
    fit.planner.update()
    return lane


def test_a_pill_lists_its_events_and_choosing_one_goes_to_it(window, fit, crowded, qtbot):
    plan = fit.planner.plans[crowded]
    assert plan.stack is not None and plan.stack.pills  # ten rows, then a pill
    pill = plan.stack.pills[0]
    y = fit.lane_layout.y_of(crowded, fit.scroll_y) + plan.row_y(plan.stack.rows) + 10
    pos = QPointF(fit.geo.header_w + (pill.x0 + pill.x1) / 2, y)
    ids = fit.pill_at(pos)
    assert len(ids) == len(pill.ids) and ids
    menu: QMenu = clusters.members_menu(fit, ids)
    actions = [a for a in menu.actions() if a.text() and not a.isSeparator()]
    assert actions[-1].text().startswith(f"Zoom to fit these {len(ids)} events")
    chosen = actions[0]
    title = chosen.text().split(" · ")[0]
    chosen.trigger()
    settle(qtbot, fit)
    (eid,) = window.store.conn.execute("SELECT id FROM events WHERE title = ?", (title,)).fetchone()
    assert_labelled(window, eid)
    fit.fit_all(animate=False)
    clusters.zoom_to(fit, ids)
    settle(qtbot, fit)
    spans = [fit.model.event_span(i) for i in ids]
    assert fit.scale.start <= min(s[0] for s in spans) and max(s[1] for s in spans) <= fit.scale.end
    menu.deleteLater()


def test_more_rows_shows_what_the_pill_held(window, fit, crowded):
    plan = fit.planner.plans[crowded]
    hidden = plan.stack.overflow()
    assert hidden and fit.painter._more_text(crowded) == f"▾ {hidden:,} more"
    fit.toggle_more_rows(crowded)
    fit.planner.update()
    plan = fit.planner.plans[crowded]
    assert not plan.stack.pills and plan.stack.rows > 10
    fit.toggle_more_rows(crowded)
    fit.planner.update()
    assert fit.planner.plans[crowded].stack.pills


def test_typing_a_lane_name_brings_it_to_the_top(window, fit, qtbot):
    widget = window.timeline
    widget.lane_search.setText("intellectual prop")
    qtbot.keyClick(widget.lane_search, Qt.Key.Key_Return)
    lane = next(i for i, x in enumerate(fit.model.lanes) if "Intellectual Property" in x.title)
    top = fit.lane_layout.y_of(lane, fit.scroll_y)  # at the top, or as high as it can go
    assert fit.geo.axis_h - 1 <= top and top + 26 <= fit.geo.axis_h + fit.lanes_height()
    assert top <= fit.geo.axis_h + 1 or fit.scroll_y == fit.lane_layout.max_scroll(
        fit.lanes_height()
    )
    assert fit.highlight_org == fit.model.lane_org[lane]
    assert not widget.go_to_lane("no such lane at all")


def test_hide_empty_lanes_keeps_only_lanes_with_events_in_view(window, fit):
    start = 1719792000  # 2024-07-01
    fit.set_range(start, start + 9 * 86400, animate=False)
    window.timeline.hide_empty.setChecked(True)
    fit.planner.update()
    index = fit.model.index
    in_view = set(index.visible_slice(fit.scale.start, fit.scale.end).take(index.lane).tolist())
    heights = fit.lane_layout.heights
    assert {i for i in range(len(heights)) if heights[i] > 0} == in_view
    window.timeline.hide_empty.setChecked(False)
    fit.planner.update()
    assert (fit.lane_layout.heights > 0).all()


def test_timeline_image_grows_to_hold_every_lane_in_the_range(window, tmp_path):
    from PySide6.QtGui import QImage

    from desktop.ui.timeline.export import export_timeline_image

    start, end = 1711929600, 1727740800  # 2024-04-01 .. 2024-10-01
    out = tmp_path / "tl.png"
    n = export_timeline_image(window.store, out, "png", range=(start, end), size=(1600, 600))
    image = QImage(str(out))
    assert image.width() == 1600 and image.height() > 600
    orgs = window.store.conn.execute(
        "SELECT COUNT(DISTINCT org_id) FROM event_orgs JOIN events ON events.id = event_id"
        " WHERE start_lo < ? AND COALESCE(end_hi, start_hi) > ?",
        (end, start),
    ).fetchone()[0]
    # each lane at least its header's height: the image holds them all
    assert image.height() >= 62 + 44 + orgs * 42
    assert n > 0


def test_up_and_down_move_between_lanes_and_o_opens_the_dossiers(window, fit, qtbot):
    eid = event_id(window, "sensenova-5-5-release")
    fit.focus_event(eid, animate=False)
    lane = fit.current_lane
    fit.setFocus()
    qtbot.keyClick(fit, Qt.Key.Key_Down)
    settle(qtbot, fit)
    below = fit.current_lane
    assert below is not None and below > lane
    assert below in fit.model.lanes_of_event(fit.selected)
    assert_labelled(window, fit.selected)
    qtbot.keyClick(fit, Qt.Key.Key_Up)
    settle(qtbot, fit)
    assert fit.current_lane < below
    opened = []
    fit.sig_lane_activated.connect(opened.append)
    qtbot.keyClick(fit, Qt.Key.Key_O)
    orgs = {fit.model.lane_org[x] for x in fit.model.lanes_of_event(fit.selected)}
    assert set(opened) == orgs and opened
    fit.clear_selection()
    scroll = fit.scroll_y
    qtbot.keyClick(fit, Qt.Key.Key_Down)  # nothing selected: the lanes scroll
    assert fit.scroll_y > scroll or fit.scroll_y == fit.lane_layout.max_scroll(fit.lanes_height())


def test_the_menu_key_opens_the_selections_menu_wherever_the_mouse_is(window, fit):
    from PySide6.QtGui import QContextMenuEvent

    eid = event_id(window, "waic-2024")
    fit.focus_event(eid, animate=False)
    pos = fit.event_point(event_id(window, "sensenova-5-5-release")) or QPointF(300, 300)
    key = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, pos.toPoint(), fit.mapToGlobal(pos.toPoint())
    )
    menu, at = fit.menu_for(key)
    assert menu is not None and fit.selected == eid  # not the event under the mouse
    assert at == fit.mapToGlobal(fit.event_point(eid).toPoint())
    menu.deleteLater()


def test_a_note_that_changes_a_tag_filters_lanes_redraws_them(window, fit):
    from desktop.domain.filters import EventFilter
    from desktop.ui.filters import install as install_filters

    notes.save_annotation(window.store, target="event:waic-2018", body="a", tags=["watch"])
    install_filters(window).apply(EventFilter(tags=frozenset({"watch"})))
    lanes_before = len(fit.model.lanes)
    # a note saved while the filter is on: the model rebuilds its lanes under the canvas
    notes.save_annotation(window.store, target="event:sora-preview", body="b", tags=["watch"])
    fit.grab()  # paints without an index error
    assert len(fit.lane_layout) == len(fit.model.lanes) > lanes_before
    assert_labelled(window, fit.focus_event(event_id(window, "sora-preview"), animate=False) or
                    event_id(window, "sora-preview"))  # fmt: skip


def test_the_selected_event_shows_its_whole_title_where_there_is_room(window, fit):
    eid = event_id(window, "openai-api-cutoff")
    fit.focus_event(eid, animate=False)
    text = fit.model.label(eid)
    full = fit.painter.text_width(text)
    assert full > MAX_LABEL_W  # longer than other events' labels may be
    entry = next(e for e in frame_layout(fit)["events"] if e["key"] == "event:openai-api-cutoff")
    assert entry["shown"] == "label"
    assert entry["label_rect"][2] >= full - 0.5  # not cut
    fit.select_event(None)
    fit.planner.update()
    plan = next(
        p
        for p in fit.planner.plans.values()
        if p.stack and any(fit.model.index.ids[pl.id] == eid for pl in p.stack.placed)
    )
    placed = next(pl for pl in plan.stack.placed if fit.model.index.ids[pl.id] == eid)
    assert placed.label_w <= MAX_LABEL_W  # once deselected, cut like the others


def test_zooming_out_stops_near_the_data(fit):
    for _ in range(60):
        fit.zoom(1 / 1.6, fit.time_width / 2, animate=False)
    extent = fit.model.index.extent()
    assert fit.scale.span <= max(4 * (extent[1] - extent[0]), CONTEXT_SPAN) * (1 + 1e-9)
    assert fit.scale.start <= extent[0] and extent[1] <= fit.scale.end  # all of it in view
    for _ in range(200):
        fit.pan_pixels(-fit.time_width)
    assert fit.scale.start <= extent[1] + fit.scale.span  # not panned off into the far future
