"""How search finds and ranks its window: short terms read the newest rows or ask the vocabulary
(the same window either way), and the ranking in Python weighs titles, repeats and rare terms."""

import pytest

import desktop.store.search as search_mod
from desktop.store.search import build_match, search


def add_events(store, titles, bodies=None):
    bodies = bodies or [""] * len(titles)
    with store.write() as db:
        for i, (title, body) in enumerate(zip(titles, bodies, strict=True)):
            db.execute(
                "INSERT INTO events (key, title, summary, start) VALUES (?, ?, ?, '2024-01')",
                (f"e{i}", title, body),
            )


@pytest.fixture
def small_window(monkeypatch):
    monkeypatch.setattr(search_mod, "RANK_WINDOW", 20)
    monkeypatch.setattr(search_mod, "SCAN_ROWS", 100)
    monkeypatch.setattr(search_mod, "SCAN_PROBE", 20)


def brute_count(store, text, kinds=None):
    """Matches counted by reading every row (a term matches any part of the title or body)."""
    terms = search_mod._terms(text)
    n = 0
    for kind, title, body in store.conn.execute("SELECT kind, title, body FROM search"):
        hay = (title + "\x00" + body).lower()
        n += bool(terms) and all(t in hay for t in terms) and (not kinds or kind in kinds)
    return n


def scan(store, text):
    """The window read from the newest rows (short terms checked there), or None."""
    terms = search_mod._terms(text)
    longs = " AND ".join(search_mod._quote(t) for t in terms if len(t) >= 3)
    return search_mod._scan_newest(store, longs, [t for t in terms if len(t) < 3], None)[0]


def vocab_window(store, text):
    match = build_match(store, text)
    rows = store.conn.execute(
        "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
        (match, search_mod.RANK_WINDOW),
    ).fetchall()
    return [r[0] for r in rows]


@pytest.mark.parametrize("text", ["a", "2", "Launch 2", "a 2", "发布 a"])
def test_common_short_terms_read_the_same_window_as_the_vocabulary(empty_store, small_window, text):
    titles = [
        f"{'Alpha' if i % 3 else 'omega'} launch {i} {'发布' if i % 2 else ''}" for i in range(300)
    ]
    add_events(empty_store, titles)
    scanned = scan(empty_store, text)
    assert scanned is not None
    assert [r[0] for r in scanned] == vocab_window(empty_store, text)
    assert len(search(empty_store, text, limit=10)) == 10
    # asking for more than the window reads a larger window: every match can be paged to
    assert len(search(empty_store, text, limit=500)) == brute_count(empty_store, text)


def test_rare_short_terms_ask_the_vocabulary(empty_store, small_window):
    add_events(empty_store, [f"model {i}" for i in range(200)] + ["千问 model"] * 2)
    with empty_store.write() as db:
        for i in range(200):  # newer rows without the term: reading them finds too few
            db.execute(
                "INSERT INTO events (key, title, start) VALUES (?, ?, '2024-02')",
                (f"x{i}", f"model later {i}"),
            )
    assert scan(empty_store, "千问") is None
    hits = search(empty_store, "千问")
    assert len(hits) == 2 and all("千问" in h.title for h in hits)
    assert search(empty_store, "千问 model", kinds=("event",))
    assert search(empty_store, "问千") == []


def test_title_matches_and_repeats_rank_first(empty_store):
    add_events(
        empty_store,
        ["quarterly report", "sensor launch", "other news", "sensor sensor sensor"],
        ["sensor mentioned in passing here", "", "nothing", ""],
    )
    titles = [h.title for h in search(empty_store, "sensor")]
    assert titles[:2] == ["sensor sensor sensor", "sensor launch"]
    assert titles[-1] == "quarterly report"
    ranks = [h.rank for h in search(empty_store, "sensor")]
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1]


def test_the_rarer_term_weighs_more(empty_store):
    common = [f"cloud update {i}" for i in range(60)]
    add_events(
        empty_store,
        [*common, "cloud cloud cloud zhipu", "cloud zhipu zhipu zhipu"],
    )
    titles = [h.title for h in search(empty_store, "cloud zhipu")]
    assert titles == ["cloud zhipu zhipu zhipu", "cloud cloud cloud zhipu"]


@pytest.mark.parametrize("text", ['"', "a\x00", "(", "* a", "-", "a:b 2", "ǅ", "İ"])
def test_short_hostile_terms_never_raise(empty_store, small_window, text):
    add_events(empty_store, [f'a "quoted" (x) * - a:b {i} İ ǅ' for i in range(50)])
    for hit in search(empty_store, text):
        assert hit.kind == "event"


def test_rare_and_common_short_terms_split_between_vocabulary_and_rows(
    empty_store, small_window, monkeypatch
):
    titles = [f"alpha {i} {'千问' if i % 10 == 0 else '模型'}" for i in range(600)]
    add_events(empty_store, titles)
    looked_up = []
    real = search_mod._short_match
    monkeypatch.setattr(
        search_mod, "_short_match", lambda store, t: looked_up.append(t) or real(store, t)
    )
    rows, _ = search_mod._window(empty_store, ["千问", "a"], None)
    assert looked_up == ["千问"]  # "a" is checked on the rows, never expanded
    assert [r[0] for r in rows] == vocab_window(empty_store, "千问 a")
    assert all("千问" in h.title for h in search(empty_store, "a 千问"))


def test_names_matching_only_some_terms_are_not_hits(empty_store, small_window):
    """A long term that drove the scan of the newest rows still filters the names."""
    add_events(empty_store, [f"alpha launch 2-{i}" for i in range(15)])
    with empty_store.write() as db:
        db.execute("INSERT INTO organizations (key, name) VALUES ('b2', 'Beta 2 Corp')")
        db.execute("INSERT INTO organizations (key, name) VALUES ('l2', 'Launch 2 Labs')")
    assert scan(empty_store, "launch 2") is not None  # the window comes from the newest rows
    hits = search(empty_store, "launch 2", limit=50)
    refs = {h.ref for h in hits}
    assert "org:b2" not in refs and "org:l2" in refs
    assert len(hits) == brute_count(empty_store, "launch 2") == 16
