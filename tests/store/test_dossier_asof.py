"""Assembling a dossier: everything about an organization, as of a date, the latest events."""

from datetime import UTC, datetime

import pytest

from desktop.store import dossier as dossier_module
from desktop.store.dossier import known_by, load_dossier
from desktop.store.queries import find_organization
from desktop.store.ui_state import open_dossier_keys, save_open_dossiers


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def org_id(store, name):
    return find_organization(store, name).id


def test_full_dossier_has_every_section(mem_seeded):
    d = load_dossier(mem_seeded, org_id(mem_seeded, "SenseTime"))
    assert d.org.name_zh == "商汤科技"
    assert {r.person.name for r in d.roles} >= {"Xu Li"}
    assert {p.name for p in d.products} >= {"SenseNova 5.0", "SenseNova 5.5"}
    assert d.claims and d.metrics and d.relationships and d.events and d.sources
    assert d.event_count == len(d.events)
    assert d.as_of is None
    cited = {c.source_key for c in d.citations}
    assert cited <= {s.key for s in d.sources}


def test_as_of_hides_later_items_and_keeps_earlier_ones(mem_seeded):
    sid = org_id(mem_seeded, "SenseTime")
    full = load_dossier(mem_seeded, sid)
    d = load_dossier(mem_seeded, sid, ts("2024-06-01T00:00:00"))
    assert d.as_of == ts("2024-06-01T00:00:00")
    products = {p.name for p in d.products}
    assert "SenseNova 5.0" in products and "SenseNova 5.5" not in products
    assert all(e.lo is None or e.lo <= d.as_of for e in d.events)
    assert len(d.events) < len(full.events)
    assert d.event_count == len(d.events)
    assert not any("SenseNova 5.5" in e.title for e in d.events)
    assert all(known_by(c.date, d.as_of) for c in d.claims)
    assert len(d.claims) < len(full.claims)
    assert all(known_by(m.as_of, d.as_of) for m in d.metrics)
    assert len(d.metrics) < len(full.metrics)
    # the organization itself and its own citations stay
    assert d.org == full.org and d.citations == full.citations


def test_as_of_relationships_and_roles_by_their_dates(mem_seeded):
    did = org_id(mem_seeded, "DeepSeek")
    before = load_dossier(mem_seeded, did, ts("2023-08-01T00:00:00"))
    after = load_dossier(mem_seeded, did, ts("2023-12-31T00:00:00"))
    assert all(known_by(r.since, before.as_of) for r in before.relationships)
    assert len(before.relationships) < len(after.relationships)
    assert before.products == () and len(after.products) == 1


def test_items_without_a_date_stay(mem_seeded):
    sid = org_id(mem_seeded, "SenseTime")
    with mem_seeded.write() as db:
        db.execute(
            "INSERT INTO claims (key, text, subject_org_id, status) VALUES"
            " ('undated-claim', 'An undated claim', ?, 'claimed')",
            (sid,),
        )
    d = load_dossier(mem_seeded, sid, ts("2000-01-01T00:00:00"))
    assert "An undated claim" in {c.text for c in d.claims}


def test_events_written_without_interval_are_dated_from_their_text(mem_seeded):
    sid = org_id(mem_seeded, "SenseTime")
    with mem_seeded.write() as db:
        for key, start in (("late-text", "late December 2024"), ("early-text", "early 2020")):
            db.execute("INSERT INTO events (key, title, start) VALUES (?, ?, ?)", (key, key, start))
            db.execute(
                "INSERT INTO event_orgs (event_id, org_id) SELECT id, ? FROM events WHERE key = ?",
                (sid, key),
            )
    lo = mem_seeded.query("SELECT start_lo FROM events WHERE key = 'late-text'")[0]["start_lo"]
    assert lo is None  # not an ISO form: the trigger leaves it for the reader to date
    d = load_dossier(mem_seeded, sid, ts("2024-06-01T00:00:00"))
    keys = [e.key for e in d.events]
    assert "early-text" in keys and "late-text" not in keys
    assert d.event_count == len(d.events)
    full = load_dossier(mem_seeded, sid)
    assert [e.key for e in full.events][-1] == "late-text"  # in time order


@pytest.mark.parametrize("budget", [1.0, 0.0], ids=["index-walk", "join-after-timeout"])
def test_only_the_latest_events_are_assembled_but_all_are_counted(mem_seeded, monkeypatch, budget):
    monkeypatch.setattr(dossier_module, "WALK_BUDGET_S", budget)
    walks = []
    real_walk = dossier_module._walk_latest
    monkeypatch.setattr(
        dossier_module, "_walk_latest", lambda *a: walks.append(r := real_walk(*a)) or r
    )
    oid = org_id(mem_seeded, "DeepSeek")
    seeded = load_dossier(mem_seeded, oid, max_events=None)
    base, latest = seeded.event_count, seeded.events[-1].key  # the seed's own, all after 2010
    with mem_seeded.write() as db:
        db.conn.executemany(
            "INSERT INTO events (key, title, start) VALUES (?, ?, ?)",
            [(f"bulk-{i}", f"Bulk {i}", f"2010-01-{1 + i % 28:02d}") for i in range(700)],
        )
        db.execute(
            "INSERT INTO event_orgs (event_id, org_id) SELECT id, ? FROM events"
            " WHERE key LIKE 'bulk-%'",
            (oid,),
        )
    d = load_dossier(mem_seeded, oid, max_events=50)
    assert base >= 1 and d.event_count == 700 + base and len(d.events) == 50
    los = [e.lo for e in d.events]
    assert los == sorted(los)
    assert d.events[-1].key == latest  # after every 2010 event
    every = load_dossier(mem_seeded, oid, max_events=None)
    assert len(every.events) == 700 + base
    assert [e.id for e in every.events[-50:]] == [e.id for e in d.events]
    cut = load_dossier(mem_seeded, oid, ts("2010-01-10T23:59:59"), max_events=10)
    assert cut.event_count == sum(1 for e in every.events if e.lo <= cut.as_of)
    assert [e.id for e in cut.events] == [e.id for e in every.events if e.lo <= cut.as_of][-10:]
    # a big share of all events: the index walk was tried; it answered unless out of time
    assert walks and (None in walks) == (budget == 0.0)


def test_unknown_organization_is_none(mem_seeded):
    assert load_dossier(mem_seeded, 999_999) is None


def test_open_dossiers_are_remembered(mem_seeded):
    assert open_dossier_keys(mem_seeded) is None
    save_open_dossiers(mem_seeded, ["sensetime", "deepseek"])
    assert open_dossier_keys(mem_seeded) == ["sensetime", "deepseek"]
    save_open_dossiers(mem_seeded, [])
    assert open_dossier_keys(mem_seeded) == []
