"""The bulk import path gives what the row-by-row triggers give: the timeline's change counter,
links, ids in file order, and the search index."""

import re

import pytest

from desktop.store.database import memory_store
from desktop.store.io import apply_import, generations, plan_import, search_index
from desktop.store.io import writer as writer_module
from tests.store.test_io_roundtrip import (
    assert_search_matches_triggers,
    events_of,
    schema_of,
    write,
)


def generation(store):
    return store.conn.execute("SELECT value FROM generations WHERE name = 'timeline'").fetchone()[0]


def links(store):
    return store.conn.execute(
        "SELECT e.key, o.name FROM event_orgs eo JOIN events e ON e.id = eo.event_id"
        " JOIN organizations o ON o.id = eo.org_id ORDER BY 1, 2"
    ).fetchall()


FILES = [
    # new events, two orgs on some, a key twice in the file with other orgs
    "key,title,date,org\n"
    + "".join(
        f"k{i},Event {i},2024-05-{i % 28 + 1:02d},Org {i % 7}; Org {i % 3}\n" for i in range(300)
    )
    + "".join(f"k{i},Event {i} again,2024-06,Org {i % 5}\n" for i in range(0, 300, 7)),
    # updates (some unchanged), links changed and removed, new events among them
    "key,title,date,org\n"
    + "".join(f"k{i},Event {i},2024-05-{i % 28 + 1:02d},Org {i % 4}\n" for i in range(0, 400, 2)),
    # no organization column: links are left alone
    "key,title,date\n" + "".join(f"k{i},Renamed {i},2023\n" for i in range(0, 450, 5)),
]


@pytest.mark.parametrize("small", [False, True], ids=["default", "small-batches"])
def test_same_result_and_counter_as_the_triggers(tmp_path, monkeypatch, small):
    if small:
        monkeypatch.setattr(writer_module, "FLUSH_ROWS", 40)
        monkeypatch.setattr(writer_module, "FTS_CHUNK_ROWS", 90)
        monkeypatch.setattr(writer_module, "BULK_ROWS", 50)
    bulk, slow = memory_store(), memory_store()
    schema = schema_of(bulk)
    for n, text in enumerate(FILES):
        path = write(tmp_path / f"f{n}.csv", text)
        report = apply_import(bulk, plan_import(path))
        with monkeypatch.context() as m:  # the triggers stay and count row by row
            m.setattr(generations, "_TRIGGER", re.compile("never matches"))
            m.setattr(search_index, "_AI", re.compile("never matches"))
            expected = apply_import(slow, plan_import(path))
        assert (report.created, report.updated, report.unchanged) == (
            expected.created,
            expected.updated,
            expected.unchanged,
        )
        assert generation(bulk) == generation(slow) > 0
        assert events_of(bulk) == events_of(slow)
        assert links(bulk) == links(slow)
        assert schema_of(bulk) == schema
        for store in (bulk, slow):  # (touches every event: the counters move alike)
            assert_search_matches_triggers(store)
    assert events_of(bulk)["k7"][0] == "Event 7 again"  # the last row of a key wins
    assert [o for k, o in links(bulk) if k == "k14"] == ["Org 2"]


def test_new_events_get_ids_in_file_order(tmp_path):
    store = memory_store()
    path = write(tmp_path / "a.csv", "title,date\nZulu,2024\nAlpha,2023\nMike,2025\n")
    apply_import(store, plan_import(path))
    rows = store.conn.execute("SELECT title FROM events ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["Zulu", "Alpha", "Mike"]


def test_new_events_say_when_they_were_created_and_updates_keep_it(tmp_path):
    store = memory_store()
    path = write(tmp_path / "a.csv", "key,title,date\na,Alpha,2023\nb,Bravo,2024\n")
    apply_import(store, plan_import(path))
    created = dict(store.conn.execute("SELECT key, created_at FROM events").fetchall())
    assert set(created) == {"a", "b"} and all(created.values())
    # an update (the staging/upsert path) keeps created_at; a key repeated in the file is new
    write(path, "key,title,date\na,Alpha renamed,2023\nc,Charlie,2024\nc,Charlie 2,2024\n")
    apply_import(store, plan_import(path), partial=True)
    after = dict(store.conn.execute("SELECT key, created_at FROM events").fetchall())
    assert after["a"] == created["a"] and after["b"] == created["b"] and after["c"]


def test_two_names_of_one_organization_make_one_link(tmp_path):
    store = memory_store()
    store.conn.execute(
        "INSERT INTO organizations (key, name, aliases) VALUES ('acme', 'Acme', '[\"ACME Corp\"]')"
    )
    path = write(tmp_path / "a.csv", "title,date,org\nLaunch,2024,Acme; ACME Corp\n")
    report = apply_import(store, plan_import(path))
    assert report.created == 1 and not report.orgs_created
    assert links(store) == [(events_of(store).popitem()[0], "Acme")]


def test_a_failed_import_restores_the_triggers(tmp_path, monkeypatch):
    store = memory_store()
    schema, before = schema_of(store), generation(store)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer_module.Writer, "_index", boom)
    path = write(tmp_path / "a.csv", "title,date,org\nA,2024,X\nB,2024,Y\n")
    with pytest.raises(RuntimeError):
        apply_import(store, plan_import(path))
    assert schema_of(store) == schema and generation(store) == before
    assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
