"""A lane with more events in view than labels could ever hold is drawn as a histogram: one
bar per pixel column, as tall as the events starting there, relative to the busiest column."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop.domain.lane_plan import DENSITY_H

DAY = 86400
DAY_A = 1677801600 + 13 * 3600 + 7 * 60  # 2023-03-03T13:07Z: off the axis grid lines
DAY_B = DAY_A + 10 * DAY
BAR_H = int(DENSITY_H - 22)


def add_events(store, org_key: str, day: int, n: int, tag: str) -> None:
    (org,) = store.conn.execute("SELECT id FROM organizations WHERE key = ?", (org_key,)).fetchone()
    with store.write():
        for i in range(n):
            cur = store.conn.execute(
                "INSERT INTO events (key, title, start, start_lo, start_hi, kind)"
                " VALUES (?, ?, '2023-03-03', ?, ?, 'release')",
                (f"{tag}-{i}", f"Dense {tag} {i}", day, day + DAY),
            )
            store.conn.execute(
                "INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)", (cur.lastrowid, org)
            )


def bar_height(image: QImage, x: int, top: int, background: int) -> int:
    """Pixels of column x, from the bar area's bottom up, that differ from the lane's ground."""
    return sum(1 for y in range(top, top + BAR_H) if image.pixel(x, y) != background)


def test_a_dense_lane_is_a_histogram_of_its_events(window):
    store = window.store
    add_events(store, "alibaba-cloud", DAY_A, 120, "a")
    add_events(store, "alibaba-cloud", DAY_B, 40, "b")
    window.timeline.reload()
    canvas = window.timeline.canvas
    canvas.set_range(DAY_A - 5 * DAY, DAY_A + 15 * DAY, animate=False)
    (org,) = store.conn.execute(
        "SELECT id FROM organizations WHERE key = 'alibaba-cloud'"
    ).fetchone()
    lane = canvas.model.lane_of_org(int(org))
    canvas.scroll_to_lane(lane)
    canvas.planner.invalidate()
    canvas.planner.update()
    plan = canvas.planner.plans[lane]
    assert plan.mode == "density" and plan.count >= 160

    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.render(image)
    top = int(canvas.lane_layout.y_of(lane, canvas.scroll_y)) + 4
    header = canvas.geo.header_w
    x_a = header + int(canvas.scale.x(DAY_A))
    x_b = header + int(canvas.scale.x(DAY_B))
    x_none = header + int(canvas.scale.x(DAY_A + 5 * DAY))
    background = image.pixel(x_none, top + BAR_H - 1)
    assert bar_height(image, x_none, top, background) == 0
    assert bar_height(image, x_a, top, background) == BAR_H  # the busiest column: full height
    # 40 of 120 (plus whatever the seed has on those days): a third of the bar, give or take
    assert abs(bar_height(image, x_b, top, background) - BAR_H // 3) <= 2
