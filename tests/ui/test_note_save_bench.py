"""The note_save_ui benchmark drives the window's own save path: the dossier in front is
refreshed after the saves of notes it lists, and never after the others (no timings checked)."""

from __future__ import annotations

from desktop.bench.annotations_bench import bench_note_save_ui


def test_the_bench_saves_through_the_window_and_refreshes_only_the_listing_dossier(
    qapp, seeded_path
):
    refreshes: list[float] = []
    views: list[float] = []
    times = bench_note_save_ui(seeded_path, count=4, dossiers=3, refreshes=refreshes, views=views)
    assert len(times) == 4 and all(t > 0 for t in times)
    assert len(views) == 4 and all(0 < v <= t for v, t in zip(views, times, strict=True))
    # saves alternate: a note the front dossier lists, then one no open dossier lists
    assert len(refreshes) == 2
    assert qapp.property("dossier_no_persist") in (None, False)
