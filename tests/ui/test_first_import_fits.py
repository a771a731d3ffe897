"""A timeline that had no events shows what the first import brings (fitted to it), instead of
an empty year around today with counts of events off to the left; later imports keep the range
the person chose."""

from __future__ import annotations

from desktop.store.database import open_store
from desktop.store.io import apply_import, plan_import


def _import(store, path, year):
    path.write_text(
        "key,title,date,org\n"
        + "".join(f"{year}-{i},Event {i},{year}-0{i % 9 + 1}-01,Org {i % 3}\n" for i in range(40)),
        encoding="utf-8",
    )
    apply_import(store, plan_import(path))


def test_the_first_import_into_an_empty_file_is_shown_whole(qtbot, tmp_path):
    from desktop.ui.main_window import MainWindow

    store = open_store(tmp_path / "empty.db", create=True)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    canvas = win.timeline.canvas
    assert not canvas.had_events
    _import(store, tmp_path / "a.csv", 1998)
    qtbot.waitUntil(lambda: canvas.had_events, timeout=10_000)
    start, end = canvas.visible_range()
    lo, hi = canvas.model.index.extent()
    assert start <= lo < hi <= end and end - start < 3 * (hi - lo) + 400 * 86_400

    canvas.set_range(start - 86_400 * 30, end, animate=False)
    chosen = canvas.visible_range()
    _import(store, tmp_path / "b.csv", 2001)  # the timeline had events: the range stays
    qtbot.waitUntil(lambda: canvas.model.index.extent()[1] > hi, timeout=10_000)
    assert canvas.visible_range() == chosen
    win.close()
    store.close()
