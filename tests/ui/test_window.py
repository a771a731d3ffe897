"""The first window: opens on the seeds, dossiers, timeline zoom/pan, event details."""

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.store.queries import find_organization
from desktop.ui.dossier.widget import DossierView


def test_window_opens_on_seeds_with_a_dossier(window):
    assert window.org_list.model.rowCount() >= 27
    assert len(window.timeline.model.lanes) >= 20
    view = window.dossiers.current_view()
    assert isinstance(view, DossierView) and view.dossier is not None
    assert "events" in view.toPlainText()


def test_selecting_an_organization_shows_its_dossier(window, qtbot):
    org = find_organization(window.store, "SenseTime")
    lst = window.org_list
    row = lst.proxy.mapFromSource(lst.model.index(lst.model.row_of(org.id)))
    rect = lst.view.visualRect(row)
    qtbot.mouseClick(lst.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.dossiers.current_view()
    assert view.org_id == org.id
    text = view.toPlainText()
    assert "商汤" in text and "Xu Li" in text and "SenseNova 5.5" in text
    assert "disputed" in text or "claimed" in text
    assert window.dossiers.tabText(window.dossiers.currentIndex()) == "SenseTime"


def test_relationship_link_opens_another_dossier(window):
    org = find_organization(window.store, "Alibaba Cloud")
    window.open_org(org.id)
    view = window.dossiers.current_view()
    parent = view.dossier.parent
    assert parent is not None
    view.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl(f"org:{parent.id}"))
    assert window.dossiers.current_view().org_id == parent.id


def wheel(widget, pos, dy, modifiers=Qt.KeyboardModifier.NoModifier):
    global_pos = widget.mapToGlobal(pos.toPoint())
    event = QWheelEvent(
        pos,
        QPointF(global_pos),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_zoom_keeps_time_under_cursor(window):
    canvas = window.timeline.canvas
    x = canvas.geo.header_w + 300.0
    t_before = canvas.scale.t(300.0)
    span = canvas.scale.span
    wheel(canvas, QPointF(x, 200), 240)
    assert canvas.scale.span < span
    assert abs(canvas.scale.t(300.0) - t_before) < canvas.scale.seconds_per_pixel
    wheel(canvas, QPointF(x, 200), -240)
    assert abs(canvas.scale.span - span) / span < 1e-6


def test_keys_zoom_pan_and_fit(window, qtbot):
    canvas = window.timeline.canvas
    canvas.setFocus()
    span = canvas.scale.span
    canvas._anim.setDuration(0)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: canvas.scale.span < span * 0.9)
    start = canvas.scale.start
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.scale.start > start
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: abs(canvas.scale.span - span) / span < 1e-6)


def test_drag_pans(window, qtbot):
    canvas = window.timeline.canvas
    start = canvas.scale.start
    y = canvas.geo.axis_h + 30
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(800, y))
    qtbot.mouseMove(canvas, QPoint(700, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, y))
    assert canvas.scale.start > start  # content moved left: later times now visible


def test_clicking_an_event_shows_its_details(window, qtbot):
    canvas = window.timeline.canvas
    model = canvas.model
    org = find_organization(window.store, "iFlytek")
    lane = model.lane_of_org(org.id)
    canvas.scroll_to_lane(lane)
    pos = model.index.lane_visible(lane, -np.inf, np.inf)[0]
    event_id = int(model.index.ids[pos])
    point = canvas.event_point(event_id)
    assert point is not None
    with qtbot.waitSignal(canvas.sig_event_selected) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert blocker.args == [event_id]
    text = window.details.toPlainText()
    assert "SparkDesk" in text and "iFlytek" in text


def test_dossier_event_link_focuses_the_timeline(window):
    org = find_organization(window.store, "SenseTime")
    view = window.dossiers.open_org(org.id)
    event = view.dossier.events[-1]
    view.sig_focus_event.emit(event.id)
    canvas = window.timeline.canvas
    assert canvas.selected == event.id
    assert canvas.scale.start <= event.start_lo <= canvas.scale.end
    assert event.title in window.details.toPlainText()


def test_next_event_key_walks_in_time(window, qtbot):
    canvas = window.timeline.canvas
    canvas.setFocus()
    seen = []
    canvas.sig_event_selected.connect(seen.append)
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_N)
    starts = [canvas.model.event_span(e)[0] for e in seen if e >= 0]
    assert len(starts) == 3 and starts == sorted(starts)


def test_minimap_drag_moves_the_view(window, qtbot):
    canvas = window.timeline.canvas
    canvas.set_range(canvas.scale.start, canvas.scale.start + canvas.scale.span / 8, animate=False)
    full = canvas.painter.overview_scale()
    x0 = canvas.geo.header_w + full.x(canvas.scale.start) + 5
    y = canvas.height() - canvas.geo.overview_h / 2
    start = canvas.scale.start
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x0) + 3, int(y)))
    qtbot.mouseMove(canvas, QPoint(int(x0) + 103, int(y)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x0) + 103, int(y)))
    assert canvas.scale.start > start


def test_external_write_is_picked_up(window, seeded_path):
    import sqlite3

    conn = sqlite3.connect(seeded_path)
    conn.execute("INSERT INTO events (key, title, start) VALUES ('ext', 'External row', '2024-01')")
    conn.commit()
    conn.close()
    n = len(window.timeline.model.index)
    window.bridge.poll()
    assert len(window.timeline.model.index) == n + 1
