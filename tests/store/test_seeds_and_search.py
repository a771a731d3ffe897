"""The seed dossier, full-text search (Chinese included) and the consistency check."""

import json
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.paths import seeds_dir
from desktop.store.check import check_store
from desktop.store.errors import ValidationError
from desktop.store.queries import counts, find_organization, list_events
from desktop.store.search import search
from desktop.store.seeds import load_seeds


def titles(store, query):
    return [h.title for h in search(store, query)]


def refs(store, query):
    return {h.ref for h in search(store, query)}


def test_seed_counts_and_required_records(mem_seeded):
    c = counts(mem_seeded)
    assert c["events"] >= 25 and c["organizations"] >= 27 and c["people"] >= 10
    for name in ("SenseTime", "Alibaba Cloud", "DeepSeek", "01.AI", "Moore Threads", "WIPO"):
        assert find_organization(mem_seeded, name) is not None, name
    waic = mem_seeded.query("SELECT start, \"end\", place FROM events WHERE key = 'waic-2024'")
    assert waic == [{"start": "2024-07-04", "end": "2024-07-06", "place": waic[0]["place"]}]


def test_every_seed_fact_is_cited(mem_seeded):
    for kind, table in (
        ("event", "events"),
        ("org", "organizations"),
        ("claim", "claims"),
        ("metric", "metrics"),
        ("product", "products"),
        ("relationship", "relationships"),
    ):
        uncited = mem_seeded.query(
            f"SELECT key FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM citations c"
            f" WHERE c.target_kind = '{kind}' AND c.target_id = t.id)"
        )
        assert uncited == [], (table, uncited)


def test_disputed_deepseek_date_is_kept(mem_seeded):
    claims = mem_seeded.query("SELECT status FROM claims WHERE key LIKE '%deepseek%may%'")
    assert claims and all(c["status"] == "disputed" for c in claims)


def test_reload_is_idempotent_and_keeps_annotations(mem_seeded):
    with mem_seeded.write() as db:
        db.execute(
            "INSERT INTO annotations (uuid, target, body) VALUES ('u1', 'event:waic-2024', 'mine')"
        )
    before = mem_seeded.query("SELECT key, updated_at FROM events ORDER BY key")
    n = counts(mem_seeded)
    load_seeds(mem_seeded, seeds_dir())
    assert counts(mem_seeded) == n
    assert mem_seeded.query("SELECT key, updated_at FROM events ORDER BY key") == before
    assert mem_seeded.query("SELECT body FROM annotations") == [{"body": "mine"}]


def test_bad_seed_changes_nothing(mem_seeded, tmp_path):
    bad = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), bad)
    events = (bad / "events.toml").read_text(encoding="utf-8")
    (bad / "events.toml").write_text(
        events + '\n[[event]]\nkey = "broken"\ntitle = "x"\nstart = "Mayy 2024"\n'
        'cite = [{ source = "public-record" }]\n',
        encoding="utf-8",
    )
    n = counts(mem_seeded)
    with pytest.raises(ValidationError, match="broken"):
        load_seeds(mem_seeded, bad)
    assert counts(mem_seeded) == n


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("千问", "product:qwen"),  # two Chinese characters, inside 通义千问
        ("通义", "product:qwen"),
        ("Qwen", "product:qwen"),
        ("tongyi qianwen", "product:qwen"),
        ("商汤", "org:sensetime"),  # a two-character name
        ("阿里", "org:alibaba-group"),
        ("sensenova", "product:sensenova-5-5"),
        ("SparkDesk", "event:sparkdesk-v4-0-launch"),
    ],
)
def test_search_finds_names_aliases_and_chinese(mem_seeded, query, expected):
    assert expected in refs(mem_seeded, query)


@pytest.mark.parametrize(
    "query",
    ['"', '"unbalanced', "AND", "OR OR", "NOT", "*", "^", "(", "a:b", "NEAR(", "'", "-", ""],
)
def test_hostile_queries_never_raise(mem_seeded, query):
    search(mem_seeded, query)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_text_is_a_safe_query(mem_seeded, text):
    for hit in search(mem_seeded, text):
        assert hit.kind in {"event", "org", "person", "product", "claim", "source", "annotation"}


def test_search_follows_writes_and_deletes(mem_seeded):
    with mem_seeded.write() as db:
        db.execute(
            "INSERT INTO events (key, title, start) VALUES ('x1', '智谱发布新模型 GLM', '2024-08')"
        )
    assert "event:x1" in refs(mem_seeded, "智谱")
    with mem_seeded.write() as db:
        db.execute("UPDATE events SET title = 'Renamed' WHERE key = 'x1'")
    assert "event:x1" not in refs(mem_seeded, "智谱")
    with mem_seeded.write() as db:
        db.execute("DELETE FROM events WHERE key = 'x1'")
    assert "event:x1" not in refs(mem_seeded, "renamed")
    assert check_store(mem_seeded).problems == []


def test_sqlite_utils_cli_insert_shows_up(seeded_path):
    """A row written by another client (the sqlite-utils CLI) is dated and searchable."""
    from desktop.store.database import open_store

    row = {
        "key": "cli-row",
        "title": "月之暗面 Kimi 长文本",
        "start": "2024-03-18",
        "kind": "release",
    }
    subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "insert", str(seeded_path), "events", "-"],
        input=json.dumps(row),
        text=True,
        check=True,
    )
    store = open_store(seeded_path)
    try:
        assert "event:cli-row" in refs(store, "月之")
        event = next(e for e in list_events(store) if e.key == "cli-row")
        assert event.start_lo == 1710720000 and event.start_hi == 1710720000 + 86400
        assert check_store(store).ok
    finally:
        store.close()


def test_row_with_free_text_date_from_another_client_is_placed(mem_seeded):
    with mem_seeded.write() as db:
        db.execute(
            "INSERT INTO events (key, title, start) VALUES ('fx', 'Fuzzy', 'early May 2024')"
        )
    event = next(e for e in list_events(mem_seeded) if e.key == "fx")
    assert event.start_lo == 1714521600  # 1 May 2024, from the partial-date parser


def test_check_reports_a_stale_index(mem_seeded):
    for trigger in ("events_search_ai", "events_search_au"):
        mem_seeded.conn.execute(f"DROP TRIGGER {trigger}")
    mem_seeded.conn.execute("INSERT INTO events (key, title, start) VALUES ('q', 'Q', '2024')")
    problems = check_store(mem_seeded).problems
    assert any("search index" in p for p in problems)
