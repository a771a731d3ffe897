"""Bundles: the file format, refusals that change nothing, and merge properties (hypothesis)."""

import json
import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.paths import seeds_dir
from desktop.store import annotations as notes
from desktop.store import bundle
from desktop.store.database import Store, memory_store
from desktop.store.errors import ValidationError
from desktop.store.seeds import load_seeds

TARGETS = ["event:waic-2024", "org:sensetime", "claim:china-leads-genai-patents"]
EPOCH = datetime(2024, 7, 4, 9, 0, tzinfo=UTC)
ROW_COLS = "uuid, target, body, tags, starred, colour, author, created_at, updated_at, deleted_at"


def _template() -> Store:
    store = memory_store()
    load_seeds(store, seeds_dir())
    return store


TEMPLATE = _template()


def fork(source: Store) -> Store:
    """An in-memory copy of a store (a 'replica')."""
    conn = sqlite3.connect(":memory:")
    source.conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Store(conn, Path(":memory:"), readonly=False)


def rows(store: Store) -> list[tuple]:
    return store.conn.execute(f"SELECT {ROW_COLS} FROM annotations ORDER BY uuid").fetchall()


def snapshot(store: Store) -> tuple:
    """Everything an import may write: notes, versions, and the import records."""
    versions = store.conn.execute("SELECT * FROM annotation_versions ORDER BY id").fetchall()
    state = store.conn.execute("SELECT key, value FROM app_state ORDER BY key").fetchall()
    return rows(store), versions, state


def at(tick: int) -> str:
    t = EPOCH + timedelta(milliseconds=tick)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class Clock:
    """A settable clock for notes.utc_now (ties between replicas are allowed on purpose)."""

    def __init__(self) -> None:
        self.tick = 0

    def __call__(self) -> str:
        return at(self.tick)


@contextmanager
def clocked():
    clock = Clock()
    with mock.patch.object(notes, "utc_now", clock):
        yield clock


def merge(store: Store, data: dict) -> bundle.ImportReport:
    return bundle.merge_states(store, bundle.parse_bundle(json.loads(json.dumps(data))))


# -- format and simple merges ----------------------------------------------------------------
def test_export_format_round_trips_utf8(mem_seeded, tmp_path):
    note = notes.save_annotation(
        mem_seeded, target="org:sensetime", body="商汤 **重要**", tags=["中国"], author="李"
    )
    gone = notes.save_annotation(mem_seeded, target="event:waic-2024", body="old")
    notes.delete_annotation(mem_seeded, gone.uuid)
    path = tmp_path / "b.json"
    assert bundle.export_bundle(mem_seeded, path) == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "商汤" in path.read_text(encoding="utf-8")
    assert (data["format"], data["version"]) == ("dossier-annotations", 1)
    entry = next(e for e in data["annotations"] if e["uuid"] == note.uuid)
    assert set(bundle.ENTRY_KEYS) <= set(entry)
    assert set(entry["field_times"]) == set(notes.FIELDS)
    assert entry["base"] is None
    assert next(e for e in data["annotations"] if e["uuid"] == gone.uuid)["deleted_at"]

    other = fork(TEMPLATE)
    report = bundle.import_bundle(other, path)
    assert (report.created, report.updated, report.conflicts) == (2, 0, 0)
    assert rows(other) == rows(mem_seeded)
    assert str(bundle.import_bundle(other, path)) == (
        "created 0, updated 0, unchanged 2, conflicts 0"
    )


def test_export_filters(mem_seeded):
    notes.save_annotation(mem_seeded, target="org:sensetime", body="a", tags=["x"])
    notes.save_annotation(mem_seeded, target="org:sensetime", body="b", starred=True)
    assert len(bundle.bundle_data(mem_seeded, tag=["x", "nope"])["annotations"]) == 1
    assert len(bundle.bundle_data(mem_seeded, starred=True)["annotations"]) == 1
    assert len(bundle.bundle_data(mem_seeded, target_prefix="event:")["annotations"]) == 0


def test_export_refuses_to_overwrite_a_database(seeded_path, mem_seeded):
    before = seeded_path.read_bytes()
    with pytest.raises(Exception, match="not an annotations bundle"):
        bundle.export_bundle(mem_seeded, seeded_path)
    assert seeded_path.read_bytes() == before


def test_edit_newer_than_delete_revives_and_delete_newer_wins():
    with clocked() as clock:
        base = fork(TEMPLATE)
        note = notes.save_annotation(base, target="org:sensetime", body="v1")
        a, b = fork(base), fork(base)
        clock.tick = 10
        notes.delete_annotation(a, note.uuid)
        clock.tick = 20
        notes.save_annotation(b, uuid=note.uuid, target="org:sensetime", tags=["later"])
        merge(a, bundle.bundle_data(b))
        revived = notes.get_annotation(a, note.uuid)
        assert revived.deleted_at is None and revived.tags == ("later",)

        c = fork(base)
        clock.tick = 30
        notes.delete_annotation(c, note.uuid)
        merge(a, bundle.bundle_data(c))
        assert notes.get_annotation(a, note.uuid).deleted_at == at(30)
        assert notes.list_annotations(a) == []


def test_conflict_keeps_both_texts():
    with clocked() as clock:
        base = fork(TEMPLATE)
        note = notes.save_annotation(base, target="event:waic-2024", body="start", author="ann")
        a, b = fork(base), fork(base)
        clock.tick = 10
        notes.save_annotation(a, uuid=note.uuid, target="event:waic-2024", body="ours")
        clock.tick = 20
        notes.save_annotation(
            b, uuid=note.uuid, target="event:waic-2024", body="theirs", author="bob"
        )
        report = merge(a, bundle.bundle_data(b))
        assert report.conflicts == 1
        assert notes.get_annotation(a, note.uuid).body == "theirs"  # the newer text
        (copy,) = notes.list_annotations(a, tag="conflict")
        first, _, rest = copy.body.partition("\n\n")
        assert "ann" in first and at(10) in first and rest == "ours"
        assert copy.target == "event:waic-2024"
        assert merge(a, bundle.bundle_data(b)).conflicts == 0  # no duplicate copy
        merge(b, bundle.bundle_data(a))
        assert rows(a) == rows(b)


def test_unchanged_side_is_not_a_conflict():
    with clocked() as clock:
        base = fork(TEMPLATE)
        note = notes.save_annotation(base, target="event:waic-2024", body="start")
        a = fork(base)
        for tick, text in ((10, "one"), (20, "two")):
            clock.tick = tick
            notes.save_annotation(a, uuid=note.uuid, target="event:waic-2024", body=text)
        report = merge(base, bundle.bundle_data(a))
        assert (report.updated, report.conflicts) == (1, 0)
        assert notes.get_annotation(base, note.uuid).body == "two"


GOOD = {
    "uuid": "0b6c2b5e-8d7c-4b7e-9a4f-3f1f2b7c9d10",
    "target": "event:waic-2024",
    "body": "x",
    "tags": [],
    "starred": False,
    "colour": None,
    "author": None,
    "created_at": at(0),
    "updated_at": at(0),
    "deleted_at": None,
    "field_times": dict.fromkeys(notes.FIELDS, at(0)),
    "base": None,
}


def _bundle(*entries) -> dict:
    return {
        "format": "dossier-annotations",
        "version": 1,
        "exported_at": at(0),
        "annotations": [*entries],
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a Dossier annotations bundle"),
        ({**_bundle(), "format": "other"}, "not a Dossier annotations bundle"),
        ({**_bundle(), "version": 2}, "version 2"),
        ({**_bundle(), "annotations": {}}, "must be a list"),
        (_bundle(GOOD, {k: v for k, v in GOOD.items() if k != "body"}), "entry 2 .*'body'"),
        (_bundle({**GOOD, "starred": "yes"}), "entry 1 .*'starred'"),
        (_bundle({**GOOD, "uuid": "nope"}), "not a UUID"),
        (_bundle({**GOOD, "updated_at": "yesterday"}), "'updated_at'"),
        (_bundle({**GOOD, "field_times": {"body": at(0)}}), "field_times"),
        (_bundle({**GOOD, "colour": "pink"}), "unknown colour"),
        (_bundle({**GOOD, "target": "person:x"}), "event:KEY"),
        (_bundle({**GOOD, "tags": ["a", 1]}), "'tags'"),
        (_bundle({**GOOD, "base": "abc"}), "sha256"),
        (_bundle(GOOD, GOOD), "entry 2 .*repeats"),
        (_bundle(GOOD, {**GOOD, "uuid": GOOD["uuid"].upper()}), "repeats"),
        ([1, 2], "not a Dossier annotations bundle"),
        (_bundle("x"), "entry 1 is not an object"),
    ],
)
def test_malformed_bundles_are_refused_whole(mem_seeded, data, message):
    notes.save_annotation(mem_seeded, target="org:sensetime", body="mine")
    before = snapshot(mem_seeded)
    with pytest.raises(ValidationError, match=message):
        merge(mem_seeded, data)
    assert snapshot(mem_seeded) == before


def test_unknown_target_or_moved_note_refuses_everything(mem_seeded):
    mine = notes.save_annotation(mem_seeded, target="org:sensetime", body="mine")
    other = {**GOOD, "uuid": "1b6c2b5e-8d7c-4b7e-9a4f-3f1f2b7c9d10"}
    before = snapshot(mem_seeded)
    with pytest.raises(ValidationError, match="no event with key 'nope'"):
        merge(mem_seeded, _bundle(GOOD, {**other, "target": "event:nope"}))
    with pytest.raises(ValidationError, match="belongs to org:sensetime"):
        merge(mem_seeded, _bundle(GOOD, {**other, "uuid": mine.uuid}))
    assert snapshot(mem_seeded) == before


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"{not json", b""])
def test_unreadable_files_are_refused(tmp_path, mem_seeded, content):
    path = tmp_path / "b.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=r"nothing was imported|not JSON"):
        bundle.import_bundle(mem_seeded, path)
    assert rows(mem_seeded) == []


# -- properties ------------------------------------------------------------------------------
BODIES = st.sampled_from(["", "a", "b", "ab", "Markdown *x*", "千问"])
VALUES = {
    "body": BODIES,
    "tags": st.lists(st.sampled_from(["x", "y", "z"]), max_size=2),
    "star": st.booleans(),
    "colour": st.sampled_from([None, "", "red", "blue"]),
}
OPS = st.sampled_from(["body", "tags", "star", "colour", "delete", "revive", "restore", "create"])
STEP = st.lists(
    st.tuples(st.sampled_from("AB"), st.integers(0, 2), OPS, st.integers(0, 20), st.data()),
    max_size=14,
)


def apply(store: Store, op: str, pick: int, data) -> None:
    """One user action on a replica."""
    live = [r[0] for r in store.conn.execute("SELECT uuid FROM annotations ORDER BY id")]
    if op == "create" or not live:
        target = TARGETS[pick % len(TARGETS)]
        notes.save_annotation(
            store,
            target=target,
            body=data.draw(BODIES),
            author=data.draw(st.sampled_from(["ann", "bob", None])),
        )
        return
    uid = live[pick % len(live)]
    target = notes.get_annotation(store, uid).target
    if op == "delete":
        notes.delete_annotation(store, uid)
    elif op == "revive":
        notes.save_annotation(store, uuid=uid, target=target)
    elif op == "restore":
        versions = notes.history(store, uid)
        notes.restore_version(store, uid, versions[pick % len(versions)].id)
    elif op == "body":
        author = data.draw(st.sampled_from(["ann", "bob", None]))
        notes.save_annotation(store, uuid=uid, target=target, body=data.draw(BODIES), author=author)
    elif op == "tags":
        notes.save_annotation(store, uuid=uid, target=target, tags=data.draw(VALUES["tags"]))
    elif op == "star":
        notes.save_annotation(store, uuid=uid, target=target, starred=data.draw(VALUES["star"]))
    else:
        notes.save_annotation(store, uuid=uid, target=target, colour=data.draw(VALUES["colour"]))


def replicas(base_ops, steps):
    """A base with some notes, then two forks A and B edited in an interleaved order."""
    clock_ctx = clocked()
    clock = clock_ctx.__enter__()
    try:
        base = fork(TEMPLATE)
        for i, (pick, data) in enumerate(base_ops):
            clock.tick += 1
            apply(base, "create" if i < 2 else "body", pick, data)
        reps = {"A": fork(base), "B": fork(base)}
        for who, step, op, pick, data in steps:
            clock.tick += step
            apply(reps[who], op, pick, data)
        clock.tick += 1
        return base, reps["A"], reps["B"], clock_ctx
    except BaseException:
        clock_ctx.__exit__(None, None, None)
        raise


BASE_OPS = st.lists(st.tuples(st.integers(0, 20), st.data()), min_size=0, max_size=4)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(BASE_OPS, STEP)
def test_merge_is_commutative_idempotent_and_loses_nothing(base_ops, steps):
    base, a, b, clock_ctx = replicas(base_ops, steps)
    try:
        bundle_a, bundle_b = bundle.bundle_data(a), bundle.bundle_data(b)
        ab, ba = fork(base), fork(base)
        merge(ab, bundle_a)
        merge(ab, bundle_b)
        merge(ba, bundle_b)
        merge(ba, bundle_a)
        assert rows(ab) == rows(ba)

        # the two replicas exchanging bundles converge too
        merge(a, bundle_b)
        merge(b, bundle_a)
        assert rows(a) == rows(b) == rows(ab)

        # idempotent: nothing written the second time
        before = snapshot(ab)
        for data in (bundle_a, bundle_b):
            report = merge(ab, data)
            assert (report.created, report.updated, report.conflicts) == (0, 0, 0)
        assert snapshot(ab) == before

        # no note lost: every note is there, and every text is a note's text, in the history,
        # inside a conflict copy, or known to be in the history of a replica that had it
        # (a text the other side had already replaced is not a conflict)
        uuids = {r[0] for r in rows(ab)}
        texts = {r[2] for r in rows(ab)}
        kept = {v[0] for v in ab.conn.execute("SELECT body FROM annotation_versions")}
        for data in (bundle_a, bundle_b):
            for entry in data["annotations"]:
                assert entry["uuid"] in uuids
                body = entry["body"]
                known = notes.field_clock(ab, entry["uuid"]).known
                assert (
                    not body
                    or body in kept
                    or any(t.endswith("\n\n" + body) for t in texts)
                    or notes.body_hash(body) in known
                )
    finally:
        clock_ctx.__exit__(None, None, None)


TIMES = st.integers(0, 6).map(at)
ENTRY = st.fixed_dictionaries(
    {
        "body": BODIES,
        "author": st.sampled_from(["ann", "bob", None]),
        "tags": VALUES["tags"],
        "starred": st.booleans(),
        "colour": st.sampled_from([None, "red", "blue"]),
        "deleted": st.booleans(),
        "times": st.fixed_dictionaries({f: TIMES for f in notes.FIELDS}),
        "created": TIMES,
    }
)
POOL = [f"00000000-0000-4000-8000-00000000000{i}" for i in range(3)]
BUNDLE = st.dictionaries(st.sampled_from(range(3)), ENTRY, max_size=3)


def as_bundle(entries: dict) -> dict:
    out = []
    for i, e in sorted(entries.items()):
        times = e["times"]
        out.append(
            {
                "uuid": POOL[i],
                "target": TARGETS[i],
                "body": e["body"],
                "tags": e["tags"],
                "starred": e["starred"],
                "colour": e["colour"],
                "author": e["author"],
                "created_at": e["created"],
                "updated_at": max(times.values()),
                "deleted_at": times["deleted"] if e["deleted"] else None,
                "field_times": times,
                "base": None,
            }
        )
    return _bundle(*out)


def originals(store: Store) -> list[tuple]:
    return [r for r in rows(store) if r[0] in POOL]


def edit_clocks(store: Store) -> dict:
    out = {}
    for uid in POOL:
        clock = notes.field_clock(store, uid)
        if clock is not None:
            out[uid] = {f: clock.times[f] for f in ("body", "tags", "starred", "colour")}
    return out


@SETTINGS
@given(BUNDLE, BUNDLE, BUNDLE)
def test_any_bundles_merge_field_by_field_in_any_order(first, second, third):
    """Arbitrary field times (ties, equal values with different times, tombstones): the notes
    themselves and their field times end the same in every order."""
    results = []
    for order in ((first, second, third), (third, second, first), (second, first, third)):
        store = fork(TEMPLATE)
        for entries in order:
            merge(store, as_bundle(entries))
        results.append((originals(store), edit_clocks(store)))
        before = snapshot(store)
        for entries in order:
            merge(store, as_bundle(entries))
        assert snapshot(store) == before
    assert results[0] == results[1] == results[2]
    present = {r[0] for r in results[0][0]}
    assert present == {POOL[i] for i in {*first, *second, *third}}
