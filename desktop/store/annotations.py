"""The analyst's annotations on events, organizations and claims (no Qt).

An annotation has a stable UUID and a target given by stable key (``event:KEY``, ``org:KEY``,
``claim:KEY``); its body is Markdown kept as typed. Every write is one transaction; every saved
state lands in ``annotation_versions`` (the schema's trigger), so nothing typed is ever lost.
Deleting sets ``deleted_at`` (a tombstone); saving a deleted note again restores it.

**Field times** (what bundles merge on, see ``store/bundle.py``) for ``body`` (the text with its
``author``, who wrote it), ``tags``, ``starred``, ``colour`` and ``deleted``: the time a field
last changed is the ``updated_at`` of the earliest version after which it stayed equal. A local
save stamps ``max(now, updated_at + 1 ms)``, newer than anything the note has seen. The history
cannot express an import that learns a *later* time for a value we already hold (both sides
starred the note, theirs later), nor a note created by import whose fields have different times;
yet merges commute only if that later time is kept. So imports record it in ``app_state`` under
``annotation-merge:<uuid>``: ``{"clock": {field: [time, value hash]}, "known": [body hashes]}``.
A recorded time counts only while the field holds that value (local edits never touch it);
``known`` lists bodies seen in the other side's history (for conflict detection).

Thread: any thread, each with its own :class:`Store` (sqlite3's rule).
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_mod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from desktop.domain.filters import text_matches
from desktop.domain.model import Annotation
from desktop.store import app_state, clock
from desktop.store.clock import TIME_RE as TIME_RE  # re-exported
from desktop.store.database import Store
from desktop.store.errors import ValidationError

COLOURS = ("red", "orange", "yellow", "green", "blue", "purple", "grey")
TARGET_TABLES = {"event": "events", "org": "organizations", "claim": "claims"}
FIELDS = ("body", "tags", "starred", "colour", "deleted")
MERGE_KEY = "annotation-merge:"
_COLS = "id, uuid, target, body, tags, starred, colour, author, created_at, updated_at, deleted_at"
_VERSION_COLS = "body, tags, starred, colour, author, updated_at, deleted_at"
_UNSET: Any = object()


@dataclass(frozen=True)
class AnnotationVersion:
    """One saved state of an annotation (a row of ``annotation_versions``)."""

    id: int
    uuid: str
    body: str
    tags: tuple[str, ...]
    starred: bool
    colour: str | None
    author: str | None
    updated_at: str
    deleted_at: str | None


# -- values ----------------------------------------------------------------------------------
def utc_now() -> str:
    """The current time as ISO UTC with milliseconds (``2024-07-04T09:30:00.123Z``)."""
    return clock.now_text()


def next_time(after: str | None) -> str:
    """``now``, or 1 ms after ``after`` when the clock is behind it (a local save is newest)."""
    if not after or not TIME_RE.match(after):
        return utc_now()
    return max(utc_now(), clock.stamp(clock.parse(after) + timedelta(milliseconds=1)))


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Strip spaces and leading '#', drop empty tags and repeats (first spelling kept)."""
    if isinstance(tags, str):
        tags = [tags]
    out: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise ValidationError(f"a tag must be text, not {tag!r}")
        clean = tag.strip().lstrip("#").strip()
        if clean and clean not in out:
            out.append(clean)
    return tuple(out)


def normalize_colour(colour: str | None) -> str | None:
    """A colour from :data:`COLOURS` (any case); '' or 'none' clears it."""
    if colour is None:
        return None
    name = str(colour).strip().lower()
    if name in ("", "none"):
        return None
    if name == "gray":
        name = "grey"
    if name not in COLOURS:
        raise ValidationError(f"unknown colour {colour!r}; choose from {', '.join(COLOURS)}")
    return name


def normalize_uuid(value: str) -> str:
    try:
        return str(uuid_mod.UUID(str(value).strip()))
    except ValueError:
        raise ValidationError(f"{value!r} is not a UUID") from None


def parse_target(target: str) -> tuple[str, str]:
    """'event:waic-2024' -> ('event', 'waic-2024'); anything else is a ValidationError."""
    kind, _, key = str(target).strip().partition(":")
    if kind not in TARGET_TABLES or not key:
        raise ValidationError(
            f"annotation target must be event:KEY, org:KEY or claim:KEY, not {target!r}"
        )
    return kind, key


def check_target(store: Store, target: str) -> None:
    """Raise ValidationError unless ``target`` names an existing event, organization or claim."""
    kind, key = parse_target(target)
    table = TARGET_TABLES[kind]
    if store.conn.execute(f"SELECT 1 FROM {table} WHERE key = ?", (key,)).fetchone() is None:
        raise ValidationError(f"no {kind} with key {key!r} (target {target})")


def tags_json(tags: Sequence[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def parse_tags(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def value_key(field: str, value: Any) -> str:
    """Canonical text of a field's value: equality and tie-breaks compare these."""
    if field == "body":
        body, author = value
        return json.dumps([body, author or ""], ensure_ascii=False)
    if field == "tags":
        return tags_json(value)
    if field == "starred":
        return "1" if value else "0"
    return value or ""  # colour; deleted (the tombstone time, '' when alive)


def row_keys(row: Sequence[Any]) -> dict[str, str]:
    """Field keys of a (body, tags, starred, colour, author, updated_at, deleted_at) row."""
    body, tags, starred, colour, author, _updated, deleted_at = row
    return {
        "body": value_key("body", (body, author)),
        "tags": value_key("tags", parse_tags(tags)),
        "starred": value_key("starred", starred),
        "colour": value_key("colour", colour),
        "deleted": value_key("deleted", deleted_at),
    }


# -- reading ---------------------------------------------------------------------------------
def _annotation(row: Sequence[Any]) -> Annotation:
    return Annotation(
        row[1], row[2], row[3], parse_tags(row[4]), bool(row[5]), row[6], row[7], *row[8:11]
    )


def _fetch(store: Store, uid: str) -> tuple[int, Annotation] | None:
    row = store.conn.execute(f"SELECT {_COLS} FROM annotations WHERE uuid = ?", (uid,)).fetchone()
    return (row[0], _annotation(row)) if row else None


def get_annotation(store: Store, uuid: str) -> Annotation | None:
    """The annotation with this UUID (deleted ones too), or None."""
    found = _fetch(store, normalize_uuid(uuid))
    return found[1] if found else None


def _require(store: Store, uuid: str) -> tuple[int, Annotation]:
    uid = normalize_uuid(uuid)
    found = _fetch(store, uid)
    if found is None:
        raise ValidationError(f"no annotation {uid}")
    return found


def list_annotations(
    store: Store,
    *,
    tag: str | Sequence[str] | None = None,
    starred: bool | None = None,
    colour: str | None = None,
    target_prefix: str | None = None,
    include_deleted: bool = False,
) -> list[Annotation]:
    """Annotations, most recently updated first. ``tag`` may be several (any of them, matched
    as the timeline's filter matches them: ``desktop.domain.filters.text_matches``);
    ``colour='none'`` lists those without a colour."""
    where: list[str] = []
    params: list[Any] = []
    if not include_deleted:
        where.append("deleted_at IS NULL")
    wanted = normalize_tags([tag] if isinstance(tag, str) else tag) if tag else ()
    if starred is not None:
        where.append("starred = ?")
        params.append(int(bool(starred)))
    if colour is not None:
        name = normalize_colour(colour)
        where.append("colour IS ?")
        params.append(name)
    if target_prefix:
        where.append("substr(target, 1, ?) = ?")
        params += [len(target_prefix), target_prefix]
    sql = f"SELECT {_COLS} FROM annotations"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = store.conn.execute(sql + " ORDER BY updated_at DESC, id DESC", params).fetchall()
    notes = [_annotation(r) for r in rows]
    if wanted:  # the one rule for tags (the timeline's filter uses it too): case folded
        notes = [a for a in notes if text_matches(a.tags, wanted)]
    return notes


def history(store: Store, uuid: str) -> list[AnnotationVersion]:
    """Every saved state of one annotation, oldest first (ids for :func:`restore_version`)."""
    _row_id, note = _require(store, uuid)
    rows = store.conn.execute(
        f"SELECT id, {_VERSION_COLS} FROM annotation_versions WHERE annotation_uuid = ?"
        " ORDER BY id",
        (note.uuid,),
    ).fetchall()
    return [
        AnnotationVersion(r[0], note.uuid, r[1], parse_tags(r[2]), bool(r[3]), r[4], r[5], *r[6:])
        for r in rows
    ]


def all_tags(store: Store) -> list[tuple[str, int]]:
    """(tag, number of live annotations carrying it), most used first."""
    rows = store.conn.execute(
        "SELECT j.value, count(*) FROM annotations a, json_each(CASE WHEN json_valid(a.tags)"
        " THEN a.tags ELSE '[]' END) j WHERE a.deleted_at IS NULL"
        " GROUP BY j.value ORDER BY count(*) DESC, j.value"
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


# -- writing ---------------------------------------------------------------------------------
def _record_version(store: Store, row_id: int) -> None:
    """Add a version by hand when only the author changed (the trigger ignores that)."""
    store.conn.execute(
        "INSERT INTO annotation_versions (annotation_uuid, body, tags, starred, colour, author,"
        " updated_at, deleted_at) SELECT uuid, body, tags, starred, colour, author, updated_at,"
        " deleted_at FROM annotations WHERE id = ?",
        (row_id,),
    )


def insert_row(store: Store, values: dict[str, Any]) -> int:
    """INSERT one annotation row (the trigger records its first version); returns its id."""
    cols = ", ".join(values)
    marks = ", ".join("?" * len(values))
    sql = f"INSERT INTO annotations ({cols}) VALUES ({marks})"
    return int(store.conn.execute(sql, list(values.values())).lastrowid or 0)


def update_row(store: Store, row_id: int, old: Annotation, changes: dict[str, Any]) -> None:
    """UPDATE one annotation row; record a version if only its author changed."""
    sets = ", ".join(f"{k} = ?" for k in changes)
    store.conn.execute(f"UPDATE annotations SET {sets} WHERE id = ?", [*changes.values(), row_id])
    watched = {"body": old.body, "tags": tags_json(old.tags), "starred": int(old.starred)}
    watched |= {"colour": old.colour, "deleted_at": old.deleted_at}
    only_author = all(changes[k] == v for k, v in watched.items() if k in changes)
    if "author" in changes and changes["author"] != old.author and only_author:
        _record_version(store, row_id)


def save_annotation(
    store: Store,
    *,
    uuid: str | None = None,
    target: str,
    body: str | None = None,
    tags: Iterable[str] | None = None,
    starred: bool | None = None,
    colour: str | None = None,
    author: str | None = None,
) -> Annotation:
    """Create an annotation (new or unknown ``uuid``) or change the fields given (None = keep).

    ``colour`` '' or 'none' clears the colour; ``author`` is recorded with a new body. Saving a
    deleted annotation restores it. One transaction; announces ('annotation', 'add'|'update').
    Raises ValidationError (bad target, colour, UUID) with nothing written.
    """
    if body is not None and not isinstance(body, str):
        raise ValidationError("an annotation's body must be text")
    new_tags = None if tags is None else normalize_tags(tags)
    new_colour = _UNSET if colour is None else normalize_colour(colour)
    uid = str(uuid_mod.uuid4()) if uuid is None else normalize_uuid(uuid)
    target = str(target).strip()
    parse_target(target)
    with store.write():
        found = _fetch(store, uid)
        if found is None:
            check_target(store, target)
            now = utc_now()
            values: dict[str, Any] = {"uuid": uid, "target": target, "body": body or ""}
            values["author"] = author
            values |= {"tags": tags_json(new_tags or ()), "starred": int(bool(starred))}
            values |= {"colour": None if new_colour is _UNSET else new_colour}
            row_id = insert_row(store, {**values, "created_at": now, "updated_at": now})
            op = "add"
        else:
            row_id, old = found
            if old.target != target:
                raise ValidationError(f"annotation {uid} belongs to {old.target}, not {target}")
            changes: dict[str, Any] = {}
            if body is not None and (body, author or old.author) != (old.body, old.author):
                changes["body"] = body
                if author is not None:
                    changes["author"] = author
            if new_tags is not None and new_tags != old.tags:
                changes["tags"] = tags_json(new_tags)
            if starred is not None and bool(starred) != old.starred:
                changes["starred"] = int(bool(starred))
            if new_colour is not _UNSET and new_colour != old.colour:
                changes["colour"] = new_colour
            if old.deleted_at is not None:
                changes["deleted_at"] = None
            if not changes:
                return old
            changes["updated_at"] = next_time(old.updated_at)
            update_row(store, row_id, old, changes)
            op = "update"
        store.changed("annotation", op, [row_id])
    return _require(store, uid)[1]


def delete_annotation(store: Store, uuid: str) -> Annotation:
    """Soft-delete: set ``deleted_at`` (a tombstone that bundles carry). Deleting twice is a
    no-op. Announces ('annotation', 'delete')."""
    with store.write():
        row_id, old = _require(store, uuid)
        if old.deleted_at is not None:
            return old
        now = next_time(old.updated_at)
        update_row(store, row_id, old, {"deleted_at": now, "updated_at": now})
        store.changed("annotation", "delete", [row_id])
    return _require(store, uuid)[1]


def restore_version(store: Store, uuid: str, version_id: int) -> Annotation:
    """Make an earlier saved state current again (as a new, newest version; undeletes)."""
    with store.write():
        row_id, old = _require(store, uuid)
        row = store.conn.execute(
            "SELECT body, tags, starred, colour, author FROM annotation_versions"
            " WHERE id = ? AND annotation_uuid = ?",
            (version_id, old.uuid),
        ).fetchone()
        if row is None:
            raise ValidationError(f"annotation {old.uuid} has no version {version_id}")
        body, tags, starred, colour, author = row
        state = (body, author, parse_tags(tags), bool(starred), colour, None)
        if state == (old.body, old.author, old.tags, old.starred, old.colour, old.deleted_at):
            return old
        changes = {"body": body, "author": author, "tags": tags_json(parse_tags(tags))}
        changes |= {"starred": int(bool(starred)), "colour": colour, "deleted_at": None}
        changes["updated_at"] = next_time(old.updated_at)
        update_row(store, row_id, old, changes)
        store.changed("annotation", "update", [row_id])
    return _require(store, uuid)[1]


def rename_tag(store: Store, old: str, new: str) -> int:
    """Rename a tag on every live annotation (merging into ``new`` where it is already there).
    Returns how many annotations changed; one transaction."""
    (old_tag,) = normalize_tags([old]) or ("",)
    new_tags = normalize_tags([new])
    if not old_tag or not new_tags:
        raise ValidationError("rename_tag needs two non-empty tags")
    if old_tag == new_tags[0]:
        return 0
    ids: list[int] = []
    with store.write():
        for note in list_annotations(store, tag=old_tag):
            row_id, current = _require(store, note.uuid)
            renamed = normalize_tags(new_tags[0] if t == old_tag else t for t in current.tags)
            changes = {"tags": tags_json(renamed), "updated_at": next_time(current.updated_at)}
            update_row(store, row_id, current, changes)
            ids.append(row_id)
        if ids:
            store.changed("annotation", "update", ids)
    return len(ids)


# -- field times (for bundles) ---------------------------------------------------------------
def merge_record(store: Store, uid: str) -> dict[str, Any]:
    """What imports recorded for this annotation in app_state (see the module docstring)."""
    data = app_state.get_json(store, MERGE_KEY + uid)
    return data if isinstance(data, dict) else {}


def save_merge_record(store: Store, uid: str, record: dict[str, Any]) -> None:
    """Store (or with an empty record remove) the import record; no write when unchanged."""
    if record == merge_record(store, uid):
        return
    if not record:
        app_state.delete_value(store, MERGE_KEY + uid)
        return
    app_state.put_json(store, MERGE_KEY + uid, record, utc_now())


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FieldClock:
    """An annotation's field times: from history alone, and with recorded import times."""

    keys: dict[str, str]  # current value key per field
    derived: dict[str, str]  # from annotation_versions only
    times: dict[str, str]  # derived, raised by valid recorded times
    own: frozenset[str]  # hashes of the bodies in our version history (and the current one)
    known: frozenset[str]  # own, and those recorded by imports
    base: str | None  # hash of the body the current body replaced


def field_clock(store: Store, uid: str) -> FieldClock | None:
    """Field times of one annotation (None if there is no such annotation)."""
    row = store.conn.execute(
        f"SELECT {_VERSION_COLS} FROM annotations WHERE uuid = ?", (uid,)
    ).fetchone()
    if row is None:
        return None
    versions = store.conn.execute(
        f"SELECT {_VERSION_COLS} FROM annotation_versions WHERE annotation_uuid = ? ORDER BY id",
        (uid,),
    ).fetchall()
    keys = row_keys(row)
    derived: dict[str, str] = {}
    for field in FIELDS:
        at = row[5]
        for version in reversed(versions):
            if row_keys(version)[field] != keys[field]:
                break
            at = version[5]
        derived[field] = at
    record = merge_record(store, uid)
    times = dict(derived)
    for field, entry in (record.get("clock") or {}).items():
        ok = isinstance(entry, list) and len(entry) == 2 and field in keys
        if ok and entry[1] == short_hash(keys[field]) and str(entry[0]) > times[field]:
            times[field] = str(entry[0])
    own = frozenset({body_hash(v[0]) for v in versions} | {body_hash(row[0])})
    known = own | {str(h) for h in record.get("known") or ()}
    base = None
    for version in reversed(versions):
        if version[0] != row[0]:
            base = body_hash(version[0])
            break
    return FieldClock(keys, derived, times, own, known, base)
