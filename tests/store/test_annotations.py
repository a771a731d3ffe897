"""Annotations: create, per-field update, tombstones, history, filters, tags, change events."""

import re

import pytest

from desktop.bench.annotations_bench import bench_annotation_save
from desktop.store import annotations as notes
from desktop.store.database import open_store
from desktop.store.errors import ValidationError
from desktop.store.queries import annotations_for
from desktop.store.search import search

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_create_and_read(mem_seeded):
    note = notes.save_annotation(
        mem_seeded,
        target="event:waic-2024",
        body="# Heading\n\n*Markdown* kept as is  ",
        tags=[" #todo", "todo", "", "中国", "#"],
        starred=True,
        colour="Blue",
        author="ann",
    )
    assert UUID_RE.match(note.uuid)
    assert note.body == "# Heading\n\n*Markdown* kept as is  "
    assert note.tags == ("todo", "中国")
    assert (note.starred, note.colour, note.author) == (True, "blue", "ann")
    assert notes.TIME_RE.match(note.updated_at) and note.created_at == note.updated_at
    assert annotations_for(mem_seeded, ["event:waic-2024"]) == [note]
    assert notes.get_annotation(mem_seeded, note.uuid.upper()) == note


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": "event:no-such-event"}, "no event with key 'no-such-event'"),
        ({"target": "org:nobody"}, "no org with key 'nobody'"),
        ({"target": "claim:nothing"}, "no claim"),
        ({"target": "person:x"}, "event:KEY, org:KEY or claim:KEY"),
        ({"target": "waic-2024"}, "event:KEY"),
        ({"target": "event:waic-2024", "colour": "pink"}, "unknown colour 'pink'; choose from"),
        ({"target": "event:waic-2024", "uuid": "not-a-uuid"}, "not a UUID"),
        ({"target": "event:waic-2024", "body": 3}, "must be text"),
    ],
)
def test_bad_input_is_refused_without_writing(mem_seeded, kwargs, message):
    with pytest.raises(ValidationError, match=message) as exc:
        notes.save_annotation(mem_seeded, **kwargs)
    assert "\n" not in str(exc.value)
    assert mem_seeded.query("SELECT count(*) AS n FROM annotations")[0]["n"] == 0


def test_every_colour_is_accepted_and_none_clears(mem_seeded):
    note = notes.save_annotation(mem_seeded, target="org:sensetime")
    for colour in notes.COLOURS:
        assert (
            notes.save_annotation(
                mem_seeded, uuid=note.uuid, target=note.target, colour=colour
            ).colour
            == colour
        )
    cleared = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, colour="none")
    assert cleared.colour is None


def test_per_field_update_keeps_the_rest(mem_seeded):
    note = notes.save_annotation(
        mem_seeded, target="org:sensetime", body="v1", tags=["a"], colour="red", author="ann"
    )
    changed = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, starred=True)
    assert (changed.body, changed.tags, changed.colour, changed.author) == (
        "v1",
        ("a",),
        "red",
        "ann",
    )
    assert changed.starred and changed.updated_at > note.updated_at
    same = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, starred=True)
    assert same == changed  # nothing changed: no write, no new version
    assert len(notes.history(mem_seeded, note.uuid)) == 2
    renamed = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, body="v2")
    assert renamed.author == "ann"
    with pytest.raises(ValidationError, match="belongs to org:sensetime"):
        notes.save_annotation(mem_seeded, uuid=note.uuid, target="event:waic-2024", body="x")


def test_save_with_a_new_uuid_creates_it(mem_seeded):
    uid = "3f1d1a52-0c1b-4b8e-9f5e-6a0c6f0b1a2c"
    note = notes.save_annotation(mem_seeded, uuid=uid.upper(), target="org:sensetime", body="x")
    assert note.uuid == uid


def test_times_only_move_forward_even_if_the_clock_goes_back(mem_seeded, monkeypatch):
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="v1")
    monkeypatch.setattr(notes, "utc_now", lambda: "2001-01-01T00:00:00.000Z")
    later = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, body="v2")
    assert later.updated_at > note.updated_at


def test_delete_is_a_tombstone_and_saving_restores(mem_seeded):
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="secret plan")
    assert search(mem_seeded, "secret plan")
    gone = notes.delete_annotation(mem_seeded, note.uuid)
    assert gone.deleted_at is not None and gone.deleted_at == gone.updated_at
    assert notes.delete_annotation(mem_seeded, note.uuid) == gone  # twice: no-op
    assert notes.list_annotations(mem_seeded) == []
    assert notes.list_annotations(mem_seeded, include_deleted=True) == [gone]
    assert not [h for h in search(mem_seeded, "secret plan") if h.kind == "annotation"]
    back = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target)
    assert back.deleted_at is None and back.body == "secret plan"
    with pytest.raises(ValidationError, match="no annotation"):
        notes.delete_annotation(mem_seeded, "3f1d1a52-0c1b-4b8e-9f5e-6a0c6f0b1a2c")


def test_history_and_restore_version(mem_seeded):
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="one", author="ann")
    notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, body="two", author="bob")
    notes.delete_annotation(mem_seeded, note.uuid)
    versions = notes.history(mem_seeded, note.uuid)
    assert [v.body for v in versions] == ["one", "two", "two"]
    assert versions[-1].deleted_at is not None and versions[0].author == "ann"
    restored = notes.restore_version(mem_seeded, note.uuid, versions[0].id)
    assert (restored.body, restored.author, restored.deleted_at) == ("one", "ann", None)
    assert len(notes.history(mem_seeded, note.uuid)) == 4
    other = notes.save_annotation(mem_seeded, target="org:sensetime", body="other")
    with pytest.raises(ValidationError, match="has no version"):
        notes.restore_version(mem_seeded, other.uuid, versions[0].id)


def test_author_only_change_is_recorded(mem_seeded):
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="text", author="ann")
    notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, body="text", author="bob")
    assert [v.author for v in notes.history(mem_seeded, note.uuid)] == ["ann", "bob"]


def test_list_filters_and_order(mem_seeded, monkeypatch):
    ticks = iter(range(10, 60))
    monkeypatch.setattr(notes, "utc_now", lambda: f"2024-07-04T09:00:00.{next(ticks):03d}Z")
    a = notes.save_annotation(mem_seeded, target="org:sensetime", tags=["x"], colour="red")
    b = notes.save_annotation(mem_seeded, target="event:waic-2024", tags=["y"], starred=True)
    c = notes.save_annotation(mem_seeded, target="claim:china-leads-genai-patents", tags=["x", "y"])
    uuids = lambda **kw: [n.uuid for n in notes.list_annotations(mem_seeded, **kw)]  # noqa: E731
    assert uuids() == [c.uuid, b.uuid, a.uuid]
    assert uuids(tag="x") == [c.uuid, a.uuid]
    assert uuids(tag="#y") == [c.uuid, b.uuid]
    assert uuids(starred=True) == [b.uuid]
    assert uuids(starred=False) == [c.uuid, a.uuid]
    assert uuids(colour="red") == [a.uuid]
    assert uuids(colour="none") == [c.uuid, b.uuid]
    assert uuids(target_prefix="event:") == [b.uuid]
    assert uuids(target_prefix="org:sense") == [a.uuid]
    notes.save_annotation(mem_seeded, uuid=a.uuid, target=a.target, body="edited")
    assert uuids()[0] == a.uuid


def test_tags_rename_merge_and_counts(mem_seeded):
    a = notes.save_annotation(mem_seeded, target="org:sensetime", tags=["todo", "later"])
    b = notes.save_annotation(mem_seeded, target="org:sensetime", tags=["later", "check"])
    gone = notes.save_annotation(mem_seeded, target="org:sensetime", tags=["later"])
    notes.delete_annotation(mem_seeded, gone.uuid)
    assert notes.all_tags(mem_seeded) == [("later", 2), ("check", 1), ("todo", 1)]
    assert notes.rename_tag(mem_seeded, "#later", "todo") == 2
    assert notes.get_annotation(mem_seeded, a.uuid).tags == ("todo",)
    assert notes.get_annotation(mem_seeded, b.uuid).tags == ("todo", "check")
    assert notes.get_annotation(mem_seeded, gone.uuid).deleted_at is not None
    assert notes.all_tags(mem_seeded) == [("todo", 2), ("check", 1)]
    assert notes.rename_tag(mem_seeded, "todo", "todo") == 0
    with pytest.raises(ValidationError):
        notes.rename_tag(mem_seeded, "todo", " # ")


def test_change_events_after_commit(mem_seeded):
    heard = []
    mem_seeded.add_listener(lambda changes: heard.extend(changes))
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="x")
    notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, body="y")
    notes.delete_annotation(mem_seeded, note.uuid)
    assert [(c.kind, c.op) for c in heard] == [
        ("annotation", "add"),
        ("annotation", "update"),
        ("annotation", "delete"),
    ]
    assert len({c.ids for c in heard}) == 1
    heard.clear()
    with pytest.raises(ValidationError):
        notes.save_annotation(mem_seeded, target="org:nobody", body="x")
    assert heard == []


def test_one_transaction_inside_an_outer_write(mem_seeded):
    with pytest.raises(RuntimeError), mem_seeded.write():
        notes.save_annotation(mem_seeded, target="org:sensetime", body="x")
        raise RuntimeError("undo the whole action")
    assert notes.list_annotations(mem_seeded, include_deleted=True) == []


def test_field_times_come_from_the_history(mem_seeded):
    note = notes.save_annotation(mem_seeded, target="org:sensetime", body="a", tags=["t"])
    second = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, tags=["u"])
    third = notes.save_annotation(mem_seeded, uuid=note.uuid, target=note.target, tags=["t"])
    clock = notes.field_clock(mem_seeded, note.uuid)
    assert clock.times["body"] == note.updated_at
    assert clock.times["tags"] == third.updated_at > second.updated_at
    assert clock.times["starred"] == note.updated_at


def test_read_only_store_refuses(seeded_path):
    store = open_store(seeded_path, readonly=True)
    try:
        with pytest.raises(Exception, match="read-only"):
            notes.save_annotation(store, target="org:sensetime", body="x")
    finally:
        store.close()


def test_bench_annotation_save_leaves_the_file_alone(seeded_path):
    before = seeded_path.read_bytes()
    times = bench_annotation_save(seeded_path, count=20)
    assert len(times) == 20 and all(t > 0 for t in times)
    assert seeded_path.read_bytes() == before
