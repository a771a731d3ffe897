"""Multi-selection on the timeline canvas (Ctrl+click, rubber band, Ctrl+A, Esc), its
right-click menu with bulk star/tag/colour as one undo step, and the note badges."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QInputDialog

from desktop.domain.event_index import FLAG_ANNOTATED, FLAG_STARRED
from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.queries import event_colours
from desktop.ui.annotations import timeline_bulk
from desktop.ui.timeline.selection import visible_ids

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def canvas(window):
    """The busiest lane on screen, zoomed so that its events are drawn one by one."""
    c = window.timeline.canvas
    model = c.model
    lane = int(np.argmax([lane.count for lane in model.lanes]))
    pos = np.flatnonzero(model.index.lane == lane)
    lo, hi = float(model.index.lo[pos].min()), float(model.index.hi[pos].max())
    margin = (hi - lo) * 0.08
    c.set_range(lo - margin, hi + margin, animate=False)
    c.scroll_to_lane(lane)
    c.busy_lane = lane
    c.setFocus()
    return c


def lane_rect(c, lane):
    (rect,) = [r for r in c.lane_layout.visible(c.scroll_y, c.lanes_height()) if r.index == lane]
    return rect


def points(c, lane):
    """Event id -> where its mark is drawn, for the marks a click there hits."""
    index = c.model.index
    out = {}
    for p in np.flatnonzero(index.lane == lane):
        eid = int(index.ids[p])
        pt = c.event_point(eid)
        if pt is not None and c.event_at(pt) == eid:
            out[eid] = pt
    return out


def record(c):
    seen = []
    c.sig_selection_changed.connect(seen.append)
    return seen


def flags_of(model, eid):
    return int(model.index.flags[np.flatnonzero(model.index.ids == eid)[0]])


def test_ctrl_click_adds_and_removes(qtbot, canvas):
    pts = points(canvas, canvas.busy_lane)
    assert len(pts) >= 3
    a, b, c = list(pts)[:3]
    seen = record(canvas)
    qtbot.mouseClick(canvas, LEFT, pos=pts[a].toPoint())
    assert canvas.selected == a and list(canvas.selection) == [a]
    qtbot.mouseClick(canvas, LEFT, CTRL, pts[b].toPoint())
    qtbot.mouseClick(canvas, LEFT, CTRL, pts[c].toPoint())
    assert set(canvas.selection) == {a, b, c} and canvas.selected == c  # the last one added
    qtbot.mouseClick(canvas, LEFT, CTRL, pts[a].toPoint())
    assert set(canvas.selection) == {b, c} and canvas.selected == c
    qtbot.mouseClick(canvas, LEFT, CTRL, pts[c].toPoint())  # the primary out: another leads
    assert list(canvas.selection) == [b] and canvas.selected == b
    assert [set(s) for s in seen] == [{a}, {a, b}, {a, b, c}, {b, c}, {b}]
    qtbot.mouseClick(canvas, LEFT, pos=pts[a].toPoint())  # a plain click: one event again
    assert list(canvas.selection) == [a] and canvas.selected == a


def test_rubber_band_selects_the_events_inside(qtbot, canvas):
    lane = canvas.busy_lane
    pts = points(canvas, lane)
    xs = sorted(pt.x() for pt in pts.values())
    assert len(xs) >= 4
    rect = lane_rect(canvas, lane)
    x0, x1 = (xs[0] + xs[1]) / 2, (xs[-2] + xs[-1]) / 2  # leaves the first and last out
    start, end = QPointF(x0, rect.y + 8), QPointF(x1, rect.y + rect.height - 8)
    qtbot.mousePress(canvas, LEFT, SHIFT, start.toPoint())
    qtbot.mouseMove(canvas, end.toPoint())
    assert canvas.band is not None  # drawn while dragging
    canvas.grab()
    qtbot.mouseRelease(canvas, LEFT, SHIFT, end.toPoint())
    assert canvas.band is None
    index, g = canvas.model.index, canvas.geo
    t0, t1 = canvas.scale.t(int(x0) - g.header_w), canvas.scale.t(int(x1) - g.header_w)
    keep = (index.lane == lane) & (index.lo <= t1) & (index.hi >= t0)
    expected = set(index.ids[keep].tolist())
    assert expected and set(canvas.selection) == expected
    assert (canvas.selected_mask(index.ids) == np.isin(index.ids, list(expected))).all()
    assert len(expected) < int((index.lane == lane).sum())
    assert canvas.scale.span > 0 and canvas.selected in expected  # the band did not pan

    # Ctrl+drag from empty space adds a second band to the selection
    other = lane + 1 if lane + 1 < len(canvas.model.lanes) else lane - 1
    canvas.scroll_to_lane(other)
    pts2 = points(canvas, other)
    assert pts2
    eid, pt = next(iter(pts2.items()))
    r2 = lane_rect(canvas, other)
    empty = [QPointF(pt.x() - dx, r2.y + r2.height - 2) for dx in range(8, 300, 4)]
    a = next(q for q in empty if canvas.event_at(q) is None)  # pressed on no event
    b = QPointF(pt.x() + 3, r2.y + 2)
    before = set(canvas.selection)
    qtbot.mousePress(canvas, LEFT, CTRL, a.toPoint())
    qtbot.mouseRelease(canvas, LEFT, CTRL, b.toPoint())
    assert eid in canvas.selection and before <= set(canvas.selection)


def test_escape_clears_and_ctrl_a_selects_the_visible_events(qtbot, canvas):
    seen = record(canvas)
    qtbot.keyClick(canvas, Qt.Key.Key_A, CTRL)
    index = canvas.model.index
    lanes = [r.index for r in canvas.lane_layout.visible(canvas.scroll_y, canvas.lanes_height())]
    t0, t1 = canvas.visible_range()
    keep = np.isin(index.lane, lanes) & (index.lo <= t1) & (index.hi >= t0)
    assert set(canvas.selection) == set(index.ids[keep].tolist()) == set(visible_ids(canvas))
    assert len(canvas.selection) >= 4 and canvas.selected in canvas.selection
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selection == {} and canvas.selected is None
    assert seen[-1] == []


def test_context_menu_bulk_star_is_one_undo_step(qtbot, window, canvas):
    ctrl = timeline_bulk.install(window)
    assert timeline_bulk.install(window) is ctrl and window.timeline_bulk is ctrl
    ids = list(points(canvas, canvas.busy_lane))[:3]
    canvas.set_selection(ids)
    stack, depth = window.undo_stack, window.undo_stack.count()
    menu = canvas.context_menu(QPointF(5, 5))  # on no event: the selection stays
    texts = [a.text() for a in menu.actions()]
    assert "Star 3 events" in texts and "Unstar 3 events" in texts and "Edit event…" in texts
    assert any(t.startswith("Open dossier of ") for t in texts)
    menu.findChild(type(menu.actions()[0]), "timeline_bulk_star").trigger()
    model, store = canvas.model, window.store
    targets = [bulk.event_target(store, i) for i in ids]

    def starred():
        return [any(n.starred for n in bulk.notes_for_target(store, t)) for t in targets]

    assert starred() == [True] * 3 and stack.count() == depth + 1
    qtbot.waitUntil(lambda: all(flags_of(model, i) & FLAG_STARRED for i in ids))
    stack.undo()
    assert starred() == [False] * 3
    qtbot.waitUntil(lambda: not any(flags_of(model, i) & FLAG_STARRED for i in ids))
    stack.redo()
    assert starred() == [True] * 3


def test_tag_and_colour_from_the_menu(qtbot, window, canvas, monkeypatch):
    timeline_bulk.install(window)
    ids = list(points(canvas, canvas.busy_lane))[:2]
    canvas.set_selection(ids)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("check, 待核实", True))
    menu = canvas.context_menu()
    by_name = {a.objectName(): a for a in menu.findChildren(type(menu.actions()[0]))}
    by_name["timeline_bulk_tag"].trigger()
    store = window.store
    for eid in ids:
        (note,) = bulk.notes_for_target(store, bulk.event_target(store, eid))
        assert set(note.tags) == {"check", "待核实"}
    assert window.undo_stack.undoText() == "Tag check, 待核实 2 items"
    by_name["timeline_bulk_colour_blue"].trigger()
    assert {eid: event_colours(store).get(eid) for eid in ids} == dict.fromkeys(ids, "blue")
    qtbot.waitUntil(lambda: all(canvas.model.colour_of(i) == "blue" for i in ids))
    image = canvas.grab().toImage()  # badges drawn from the loaded columns
    assert not image.isNull()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: all(canvas.model.colour_of(i) is None for i in ids))


def test_edit_and_open_dossier_from_the_menu(qtbot, window, canvas):
    pts = points(canvas, canvas.busy_lane)
    eid, pt = next(iter(pts.items()))
    canvas.select_event(None)
    menu = canvas.context_menu(pt)  # right-click on an unselected event selects it
    assert list(canvas.selection) == [eid]
    actions = {a.objectName(): a for a in menu.actions()}
    with qtbot.waitSignal(canvas.sig_event_activated) as blocker:
        actions["timeline_edit_event"].trigger()
    assert blocker.args == [eid]
    if window.editing.dialog is not None:
        assert window.editing.dialog.row_id == eid
        window.editing.dialog.reject()
    org_id = canvas.model.lane_org[canvas.busy_lane]
    actions[f"timeline_open_org_{org_id}"].trigger()
    assert window.dossiers.current_view().org_id == org_id
    canvas.select_event(None)
    assert canvas.context_menu(QPointF(5, 5)) is None  # nothing selected: no menu


def test_badges_reload_after_a_save(qtbot, window, canvas):
    model, store = canvas.model, window.store
    eid = int(model.index.ids[0])
    target = bulk.event_target(store, eid)
    assert not flags_of(model, eid) & (FLAG_ANNOTATED | FLAG_STARRED)
    note = notes.save_annotation(store, target=target, body="note")
    qtbot.waitUntil(lambda: bool(flags_of(model, eid) & FLAG_ANNOTATED))
    assert not flags_of(model, eid) & FLAG_STARRED and model.colour_of(eid) is None
    notes.save_annotation(store, uuid=note.uuid, target=target, starred=True, colour="red")
    qtbot.waitUntil(lambda: bool(flags_of(model, eid) & FLAG_STARRED))
    assert model.colour_of(eid) == "red"
    notes.delete_annotation(store, note.uuid)
    qtbot.waitUntil(lambda: not flags_of(model, eid) & (FLAG_ANNOTATED | FLAG_STARRED))
    assert model.colour_of(eid) is None


def test_ctrl_z_on_the_canvas_reaches_undo(qtbot, window, canvas):
    timeline_bulk.install(window)
    ids = list(points(canvas, canvas.busy_lane))[:2]
    window.timeline_bulk.star(ids, True)
    depth = window.undo_stack.index()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert window.undo_stack.index() == depth - 1
