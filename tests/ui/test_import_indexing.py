"""A big import's search index follows in the window: a file opened with a backlog is indexed
in the background, the status bar says how far, and the index ends whole."""

from __future__ import annotations

from desktop.store.io import apply_import, plan_import
from desktop.store.search import check_index
from desktop.store.search_backlog import indexed_share


def _backlog(store, tmp_path, n=3000):
    lines = ["key,title,date,org"] + [
        f"b{i},Backlog event {i},2024-05-01,Org {i % 5}" for i in range(n)
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = apply_import(store, plan_import(path), defer_index=True)
    assert report.indexing and indexed_share(store) == 0.0


def test_a_file_with_a_backlog_is_indexed_in_the_background(qtbot, seeded_store, tmp_path):
    from desktop.ui.main_window import MainWindow

    _backlog(seeded_store, tmp_path)
    messages: list[str] = []
    win = MainWindow(seeded_store)
    qtbot.addWidget(win)
    win.statusBar().messageChanged.connect(messages.append)
    win.show()
    qtbot.waitUntil(lambda: indexed_share(seeded_store) is None, timeout=60_000)
    qtbot.waitUntil(lambda: "Search index complete" in messages, timeout=10_000)
    assert any(m.startswith("Indexing for search:") and m.endswith("%") for m in messages)
    assert check_index(seeded_store) == []
    win.close()


def test_closing_the_window_stops_indexing_and_keeps_the_file_whole(
    qtbot, seeded_store, tmp_path, monkeypatch
):
    from desktop.store.io import backlog
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(backlog, "FIRST_CHUNK", 100)
    monkeypatch.setattr(backlog, "CHUNK_SECONDS", 0.001)  # many small chunks
    _backlog(seeded_store, tmp_path, n=6000)
    win = MainWindow(seeded_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: (indexed_share(seeded_store) or 1.0) > 0.0, timeout=30_000)
    win.close()  # waits for the chunk being written
    assert check_index(seeded_store) == []  # a backlog left, or none: either way consistent


def test_search_says_how_much_is_indexed_while_a_backlog_waits(
    qtbot, seeded_store, tmp_path, monkeypatch
):
    from desktop.store.io.backlog import index_step
    from desktop.ui.import_dialog.jobs import Indexer
    from desktop.ui.main_window import MainWindow
    from desktop.ui.search import install

    _backlog(seeded_store, tmp_path)
    index_step(seeded_store, 1500)  # half of it indexed
    monkeypatch.setattr(Indexer, "start", lambda self: False)  # the rest waits
    win = MainWindow(seeded_store)
    qtbot.addWidget(win)
    win.show()
    ui = install(win)
    ui.session.field.insert("Backlog event")
    ui.session.run_now()
    assert ui.results.hit_rows()  # answered from what is indexed
    assert ui.results.note == "50 % indexed: the latest import's events are being indexed"
    ui.session.field.setText("zzqqxxnothing")
    ui.session.run_now()
    assert ui.results.note.startswith("50 % indexed")
    win.close()
