"""Create, update, delete and restore of every editable kind, at the store level."""

from __future__ import annotations

import pytest

from desktop.store import edits
from desktop.store.check import check_store
from desktop.store.errors import ValidationError

SKIP = ("generations", "timeline_cache")


def dump(store) -> dict[str, list[str]]:
    """Every table's rows (FTS shadow tables as the index's content) - to compare states."""
    out: dict[str, list[str]] = {}
    tables = store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
    ).fetchall()
    for (table,) in tables:
        if table not in SKIP:
            rows = store.conn.execute(f"SELECT rowid, * FROM {table}").fetchall()
            out[table] = sorted(map(repr, rows))
    out["search"] = sorted(
        map(repr, store.conn.execute("SELECT rowid, kind, title, body FROM search"))
    )
    return out


def one(store, sql, params=()):
    return store.conn.execute(sql, params).fetchone()


def org_id(store, key):
    return one(store, "SELECT id FROM organizations WHERE key = ?", (key,))[0]


def consistent(store) -> None:
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert check_store(store).ok, check_store(store).problems


@pytest.fixture
def store(mem_seeded):
    return mem_seeded


def new_fields(store) -> dict[str, dict]:
    st = org_id(store, "sensetime")
    ali = org_id(store, "alibaba-cloud")
    person = one(store, "SELECT id FROM people LIMIT 1")[0]
    product = one(store, "SELECT id FROM products WHERE owner_id = ?", (ali,))[0]
    source = one(store, "SELECT id FROM sources LIMIT 1")[0]
    return {
        "org": {"name": "Zeta Lab", "name_zh": "泽塔", "aliases": "Zeta, ZL", "founded": "c. 2019"},
        "event": {"title": "Zeta launch", "start": "early May 2024", "orgs": [st, ali]},
        "person": {"name": "Li Wei", "roles": [{"org_id": st, "title": "Chief Scientist"}]},
        "role": {"person_id": person, "org_id": ali, "title": "Adviser", "start": "2023"},
        "product": {"name": "Zeta-7B", "owner_id": st, "released": "Q2 2024", "open_weights": 1},
        "claim": {"text": "Beats GPT-4", "claimant_org_id": st, "subject_product_id": product},
        "metric": {"name": "users", "value": "1,200", "as_of": "mid 2024", "subject_org_id": st},
        "relationship": {"source_id": st, "kind": "competes with", "target_id": ali},
        "citation": {"source_id": source, "target_kind": "org", "target_id": st, "quote": "q"},
        "source": {"title": "Zeta annual report", "published": "2024", "reliability": "b"},
    }


@pytest.mark.parametrize("kind", list(edits.EDIT_KINDS))
def test_create_update_delete_restore_round_trip(store, kind):
    fields = new_fields(store)[kind]
    start = dump(store)
    row_id = edits.create(store, kind, fields)
    consistent(store)
    created = dump(store)
    assert created != start

    # update: changed columns come back as previous values; restoring them is exact
    change = {
        "org": {"hq": "Hangzhou", "founded": "2020"},
        "event": {"start": "4-6 Jul 2024", "orgs": [org_id(store, "sensetime")]},
        "person": {"name_zh": "李伟"},
        "role": {"title": "Senior adviser", "end": "2024"},
        "product": {"parameters": "7B", "open_weights": None},
        "claim": {"status": "disputed"},
        "metric": {"value": 3.5},
        "relationship": {"kind": "benchmarks against", "since": "2023"},
        "citation": {"stance": "against", "credibility": "3", "credibility_reason": "one blog"},
        "source": {"reliability": None, "publisher": "Zeta Lab"},
    }[kind]
    previous = edits.update(store, kind, row_id, change)
    assert previous
    edited = dump(store)
    assert edited != created
    replaced = edits.restore_values(store, kind, row_id, previous)
    assert dump(store) == created
    edits.restore_values(store, kind, row_id, replaced)
    assert dump(store) == edited

    # delete + restore leaves every table (and the search index) identical
    snap = edits.delete(store, kind, row_id)
    consistent(store)
    assert dump(store) != edited
    edits.restore_snapshot(store, snap)
    assert dump(store) == edited
    consistent(store)


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        ("events", "event"),
        ("people", "person"),
        ("roles", "role"),
        ("products", "product"),
        ("claims", "claim"),
        ("metrics", "metric"),
        ("relationships", "relationship"),
        ("citations", "citation"),
    ],
)
def test_delete_and_restore_every_seeded_row(store, table, kind):
    start = dump(store)
    for (row_id,) in store.conn.execute(f"SELECT id FROM {table}").fetchall():
        snap = edits.delete(store, kind, row_id)
        assert one(store, f"SELECT count(*) FROM {table} WHERE id = ?", (row_id,))[0] == 0
        edits.restore_snapshot(store, snap)
    assert dump(store) == start


def test_event_dates_keep_their_interval_columns(store):
    eid = edits.create(store, "event", {"title": "X", "start": "early May 2024"})
    row = one(store, 'SELECT start, start_lo, start_hi, "end" FROM events WHERE id = ?', (eid,))
    assert row == ("2024-05-early", 1714521600, 1714521600 + 10 * 86400, None)
    edits.update(store, "event", eid, {"start": "9 Jul 2024", "end": "Q3 2024"})
    row = one(
        store, 'SELECT start, start_lo, "end", end_lo, end_hi FROM events WHERE id = ?', (eid,)
    )
    assert row == ("2024-07-09", 1720483200, "2024-Q3", 1719792000, 1727740800)
    # a range typed into the start gives both ends
    edits.update(store, "event", eid, {"start": "4–6 Jul 2024", "end": ""})
    row = one(store, 'SELECT start, "end", end_hi FROM events WHERE id = ?', (eid,))
    assert row == ("2024-07-04", "2024-07-06", 1720310400)


def test_update_without_change_writes_nothing(store):
    st = org_id(store, "sensetime")
    before = dump(store)
    assert edits.update(store, "org", st, {"name": "SenseTime"}) == {}
    assert dump(store) == before


@pytest.mark.parametrize(
    ("kind", "fields", "field", "words"),
    [
        ("event", {"title": "X", "start": "Mayy 2024"}, "start", "cannot read"),
        ("event", {"title": "", "start": "2024"}, "title", "required"),
        ("event", {"title": "X", "start": "2024-07", "end": "2024-05"}, "end", "before"),
        ("org", {"name": "  "}, "name", "required"),
        ("org", {"name": "X", "founded": "sometime"}, "founded", "cannot read"),
        ("metric", {"name": "m", "value": "lots", "subject_org_id": 1}, "value", "number"),
        ("metric", {"name": "m", "value": "1"}, "subject_org_id", "organization or a product"),
        ("claim", {"text": "t", "status": "maybe"}, "status", "one of"),
        ("relationship", {"source_id": 1, "kind": "backs", "target_id": 1}, "target_id", "another"),
        (
            "citation",
            {"source_id": 1, "target_kind": "event", "target_id": 99999},
            "target_id",
            "no",
        ),
        ("product", {"name": "P", "owner_id": 99999}, "owner_id", "no owner"),
        ("role", {"person_id": 1, "title": "CEO", "start": "2024", "end": "2020"}, "end", "before"),
    ],
)
def test_validation_names_the_field_and_writes_nothing(store, kind, fields, field, words):
    before = dump(store)
    with pytest.raises(edits.FieldError) as info:
        edits.create(store, kind, fields)
    assert isinstance(info.value, ValidationError)
    assert info.value.field == field
    assert words in str(info.value)
    assert dump(store) == before
    assert field in edits.check(store, kind, fields)


def test_invalid_update_changes_nothing(store):
    eid = one(store, "SELECT id FROM events WHERE key = 'waic-2024'")[0]
    before = dump(store)
    with pytest.raises(edits.FieldError, match="start date"):
        edits.update(store, "event", eid, {"start": "early Smarch 2024"})
    assert dump(store) == before


def test_changes_are_announced(store):
    heard = []
    store.add_listener(heard.extend)
    eid = edits.create(store, "event", {"title": "X", "start": "2024"})
    edits.update(store, "event", eid, {"title": "Y"})
    edits.delete(store, "event", eid)
    assert [(c.kind, c.op, c.ids) for c in heard] == [
        ("event", "add", (eid,)),
        ("event", "update", (eid,)),
        ("event", "delete", (eid,)),
    ]


def test_new_keys_are_unique_slugs(store):
    a = edits.create(store, "org", {"name": "SenseTime"})
    b = edits.create(store, "org", {"name": "商汤"})
    keys = [one(store, "SELECT key FROM organizations WHERE id = ?", (i,))[0] for i in (a, b)]
    assert keys == ["sensetime-2", "org"]


@pytest.mark.parametrize("org_key", ["sensetime", "alibaba-cloud", "china", "openai"])
@pytest.mark.parametrize("policy", ["keep", "delete"])
def test_org_delete_policies(store, org_key, policy):
    oid = org_id(store, org_key)
    linked = [
        r[0] for r in store.conn.execute("SELECT event_id FROM event_orgs WHERE org_id = ?", (oid,))
    ]
    shared = {
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT event_id FROM event_orgs WHERE org_id != ?", (oid,)
        )
    }
    total, only = edits.org_event_counts(store, oid)
    assert (total, only) == (len(linked), len([e for e in linked if e not in shared]))
    before = dump(store)
    snap = edits.delete_org(store, oid, events=policy)
    consistent(store)
    assert one(store, "SELECT count(*) FROM event_orgs WHERE org_id = ?", (oid,))[0] == 0
    assert (
        one(
            store, "SELECT count(*) FROM citations WHERE target_kind='org' AND target_id=?", (oid,)
        )[0]
        == 0
    )
    for event_id in linked:
        exists = one(store, "SELECT count(*) FROM events WHERE id = ?", (event_id,))[0]
        # shared events always stay; its own events stay only with 'keep'
        assert exists == (1 if event_id in shared or policy == "keep" else 0)
    assert snap.count("events") == (0 if policy == "keep" else only)
    edits.restore_snapshot(store, snap)
    assert dump(store) == before
    consistent(store)


def test_org_delete_unlinks_products_and_children_and_restores_them(store):
    ali = org_id(store, "alibaba-cloud")
    edits.update(store, "org", org_id(store, "sensetime"), {"parent_id": ali})
    owned = one(store, "SELECT count(*) FROM products WHERE owner_id = ?", (ali,))[0]
    assert owned > 0
    before = dump(store)
    snap = edits.delete_org(store, ali, events="keep")
    assert one(store, "SELECT count(*) FROM products WHERE owner_id IS NULL")[0] >= owned
    assert one(store, "SELECT parent_id FROM organizations WHERE key = 'sensetime'")[0] is None
    edits.restore_snapshot(store, snap)
    assert dump(store) == before


def test_bad_policy_and_missing_rows_are_refused(store):
    with pytest.raises(ValidationError, match="policy"):
        edits.delete_org(store, org_id(store, "sensetime"), events="orphan")
    with pytest.raises(ValidationError, match="no event"):
        edits.delete(store, "event", 99999)
    with pytest.raises(ValidationError, match="no org"):
        edits.update(store, "org", 99999, {"name": "x"})


def test_restore_refuses_a_taken_id_and_changes_nothing(store):
    eid = edits.create(store, "event", {"title": "X", "start": "2024"})
    snap = edits.delete(store, "event", eid)
    other = edits.create(store, "event", {"title": "Y", "start": "2024"})
    assert other == eid  # the id was reused meanwhile
    before = dump(store)
    with pytest.raises(ValidationError, match="cannot restore"):
        edits.restore_snapshot(store, snap)
    assert dump(store) == before


def test_role_titles_are_unique_per_person_and_org(store):
    row = one(store, "SELECT person_id, org_id, title FROM roles WHERE org_id IS NOT NULL")
    fields = {"person_id": row[0], "org_id": row[1], "title": row[2]}
    with pytest.raises(edits.FieldError, match="already has that title"):
        edits.create(store, "role", fields)
