"""Annotation bundles: a JSON file to exchange notes between databases, and its merge (no Qt).

Format (UTF-8 JSON; TIME is ISO UTC with milliseconds)::

    {"format": "dossier-annotations", "version": 1, "exported_at": TIME,
     "annotations": [{"uuid", "target", "body", "tags", "starred", "colour", "author",
                      "created_at", "updated_at", "deleted_at",
                      "field_times": {"body", "tags", "starred", "colour", "deleted": TIME},
                      "base": sha256 of the body this body replaced, or null,
                      "history": [sha256 of every earlier body known]}]}

``history`` is optional on import (an addition to ``base``, which alone names one ancestor).

Merge, per annotation UUID (see ``store/annotations.py`` for field times):

- every field is last-writer-wins on its own time; equal times compare the values' canonical
  text, so the result never depends on the order of imports. ``created_at`` keeps the earliest;
  the target never changes (a bundle that moves a note is refused).
- a tombstone is the ``deleted`` field: the note is deleted when the newest delete is at least
  as new as every edit; an edit newer than the delete revives it.
- a conflict is two different bodies where neither side has the other's body in its history
  (both changed it since they last agreed). The newer body stays on the note (LWW, as above,
  so both databases end the same); the other is kept as a new note on the same target, tagged
  ``conflict``, its body prefixed by one line naming its author and time, with a UUID derived
  from that version, so re-importing never duplicates it. Empty bodies are not copied.
- importing the same bundle twice changes nothing; A then B gives the same notes as B then A.
  (With three or more lines of edits imported out of order, an extra conflict copy of an
  older text can appear; no text is ever lost either way.)

A bundle that is not JSON, not this format or version, or has any bad entry (missing field,
wrong type, bad UUID, bad time, unknown target) is refused whole, naming the first bad entry;
nothing is written.

Thread: any thread, each with its own :class:`Store`.
"""

from __future__ import annotations

import json
import os
import re
import uuid as uuid_mod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.store import annotations as notes
from desktop.store.database import Store
from desktop.store.errors import StoreError, ValidationError
from desktop.store.files import check_output, describe_os_error, replacing

FORMAT = "dossier-annotations"
FORMAT_VERSION = 1
ENTRY_KEYS = tuple(
    "uuid target body tags starred colour author created_at updated_at deleted_at field_times"
    " base".split()
)
CONFLICT_TAG = "conflict"
CONFLICT_NAMESPACE = uuid_mod.UUID("5b0c3e1e-7d2a-4f0e-9a57-d0551e700001")
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")
# stored column -> the field whose time it takes (the author goes with the body)
_COLUMN_FIELDS = {
    "body": "body",
    "author": "body",
    "tags": "tags",
    "starred": "starred",
    "colour": "colour",
    "deleted_at": "deleted",
}


@dataclass(frozen=True)
class ImportReport:
    """What an import did, per annotation in the bundle (conflict copies counted apart)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def __str__(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"conflicts {self.conflicts}"
        )


@dataclass(frozen=True)
class NoteState:
    """One annotation as merged: values, per-field times and the body hashes it knows."""

    uuid: str
    target: str
    body: str
    author: str | None
    tags: tuple[str, ...]
    starred: bool
    colour: str | None
    tombstone: str | None  # the delete's time when the ``deleted`` field says deleted
    created_at: str
    times: dict[str, str]
    known: frozenset[str] = field(default_factory=frozenset)

    def key(self, name: str) -> str:
        """The canonical text of a field's value (compared on equal times)."""
        value = (self.body, self.author) if name == "body" else getattr(self, name, None)
        return notes.value_key(name, self.tombstone if name == "deleted" else value)

    def edited(self) -> str:
        """The time of the newest edit (any field but ``deleted``)."""
        return max(self.times[f] for f in notes.FIELDS if f != "deleted")

    def deleted_now(self) -> bool:
        """Deleted when the newest delete is at least as new as every edit."""
        return self.tombstone is not None and self.times["deleted"] >= self.edited()

    def dead(self) -> bool:
        """A delete overruled by a newer edit: its time no longer matters."""
        return self.tombstone is not None and not self.deleted_now()


# -- export ----------------------------------------------------------------------------------
def bundle_data(store: Store, **filters: Any) -> dict[str, Any]:
    """The bundle as a dict; ``filters`` as :func:`list_annotations` (tag may be several), with
    deleted notes included unless ``include_deleted=False`` (tombstones must travel)."""
    filters.setdefault("include_deleted", True)
    entries = []
    for note in notes.list_annotations(store, **filters):
        clock = notes.field_clock(store, note.uuid)
        assert clock is not None
        entry = {k: getattr(note, k) for k in ENTRY_KEYS[:10]} | {"tags": list(note.tags)}
        entry |= {"field_times": clock.times, "base": clock.base}
        entry["history"] = sorted(clock.known - {notes.body_hash(note.body)})
        entries.append(entry)
    head = {"format": FORMAT, "version": FORMAT_VERSION, "exported_at": notes.utc_now()}
    return {**head, "annotations": entries}


def export_bundle(store: Store, path: str | os.PathLike[str], **filters: Any) -> int:
    """Write a bundle file atomically (a temporary file moved into place); returns the number
    of annotations. Refuses to overwrite a file that is not a bundle."""
    # a regular file or none, never a link; anything but a bundle (a database too) is refused
    # just below, by what it holds
    path = check_output(path, protect=(store.path,), database=True)
    if path.exists():
        with path.open("rb") as fh:
            head = fh.read(16).lstrip()
        if head and not head.startswith(b"{"):
            raise StoreError(f"{path} exists and is not an annotations bundle; not overwritten")
    data = bundle_data(store, **filters)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        with replacing(path, protect=(store.path,)) as tmp, tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {describe_os_error(exc)}") from None
    return len(data["annotations"])


# -- reading a bundle ------------------------------------------------------------------------
def _time(value: Any, what: str) -> str:
    if not isinstance(value, str) or not notes.TIME_RE.match(value):
        raise ValueError(f"{what} must be a UTC time like 2024-07-04T09:30:00.000Z")
    return value


_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "uuid": ((str,), "text"),
    "target": ((str,), "text"),
    "body": ((str,), "text"),
    "tags": ((list,), "a list of text"),
    "starred": ((bool,), "true or false"),
    "colour": ((str, type(None)), "text or null"),
    "author": ((str, type(None)), "text or null"),
    "field_times": ((dict,), "an object"),
    "base": ((str, type(None)), "a sha256 hash or null"),
}


def _entry_state(entry: Any) -> NoteState:
    """One bundle entry as a state; ValueError/ValidationError says what is wrong."""
    if not isinstance(entry, dict):
        raise ValueError("is not an object")
    missing = [k for k in ENTRY_KEYS if k not in entry]
    if missing:
        raise ValueError(f"lacks {', '.join(repr(k) for k in missing)}")
    for key, (types, what) in _TYPES.items():
        if not isinstance(entry[key], types):
            raise ValueError(f"{key!r} must be {what}")
    if not all(isinstance(t, str) for t in entry["tags"]):
        raise ValueError("'tags' must be a list of text")
    uid = notes.normalize_uuid(entry["uuid"])
    target = entry["target"].strip()
    notes.parse_target(target)
    created = _time(entry["created_at"], "'created_at'")
    _time(entry["updated_at"], "'updated_at'")
    if entry["deleted_at"] is not None:
        _time(entry["deleted_at"], "'deleted_at'")
    times = {f: _time(entry["field_times"].get(f), f"field_times.{f}") for f in notes.FIELDS}
    history = entry.get("history", [])
    known = ([entry["base"]] if entry["base"] else []) + (history or [])
    if not isinstance(history, list) or not all(
        isinstance(h, str) and _HASH_RE.match(h) for h in known
    ):
        raise ValueError("'base' and 'history' must be sha256 hashes")
    return NoteState(
        uuid=uid,
        target=target,
        body=entry["body"],
        author=entry["author"],
        tags=notes.normalize_tags(entry["tags"]),
        starred=entry["starred"],
        colour=notes.normalize_colour(entry["colour"]),
        tombstone=times["deleted"] if entry["deleted_at"] is not None else None,
        created_at=created,
        times=times,
        known=frozenset(known) | {notes.body_hash(entry["body"])},
    )


def parse_bundle(data: Any, source: str = "bundle") -> list[NoteState]:
    """Validate a decoded bundle; raises ValidationError naming the first bad entry."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{source} is not a Dossier annotations bundle")
    if data.get("version") != FORMAT_VERSION:
        raise ValidationError(
            f"{source} is a version {data.get('version')!r} bundle; this Dossier reads version "
            f"{FORMAT_VERSION}; nothing was imported"
        )
    entries = data.get("annotations")
    if not isinstance(entries, list):
        raise ValidationError(f"{source}: 'annotations' must be a list; nothing was imported")
    states: list[NoteState] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        label = entry.get("uuid") if isinstance(entry, dict) else None
        where = f"{source}: entry {number}" + (f" ({label})" if isinstance(label, str) else "")
        try:
            state = _entry_state(entry)
        except (ValueError, ValidationError) as exc:
            raise ValidationError(f"{where} {exc}; nothing was imported") from None
        if state.uuid in seen:
            raise ValidationError(
                f"{where} repeats the uuid of entry {seen[state.uuid]}; nothing was imported"
            )
        seen[state.uuid] = number
        states.append(state)
    return states


def read_bundle(path: str | os.PathLike[str]) -> list[NoteState]:
    """Read and validate a bundle file (nothing is written)."""
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not UTF-8 text; nothing was imported") from None
    except RecursionError:
        why = "is nested too deeply to be a bundle"
        raise ValidationError(f"{path} {why}; nothing was imported") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{path} is not a Dossier annotations bundle (not JSON: line {exc.lineno})"
        ) from None
    return parse_bundle(data, str(path))


# -- merging ---------------------------------------------------------------------------------
def _local_state(store: Store, uid: str) -> tuple[int, NoteState] | None:
    row = store.conn.execute("SELECT id FROM annotations WHERE uuid = ?", (uid,)).fetchone()
    note, clock = notes.get_annotation(store, uid), notes.field_clock(store, uid)
    if row is None or note is None or clock is None:
        return None
    values = {k: getattr(note, k) for k in ("uuid", "target", "body", "author", "tags")}
    values |= {"starred": note.starred, "colour": note.colour, "tombstone": note.deleted_at}
    state = NoteState(**values, created_at=note.created_at, times=clock.times, known=clock.known)
    return row[0], state


def _join(ours: NoteState, theirs: NoteState) -> tuple[NoteState, NoteState]:
    """Per-field LWW; returns (merged, the side whose body lost)."""
    won = {
        f: (ours if (ours.times[f], ours.key(f)) >= (theirs.times[f], theirs.key(f)) else theirs)
        for f in notes.FIELDS
    }
    merged = replace(
        ours,
        body=won["body"].body,
        author=won["body"].author,
        tags=won["tags"].tags,
        starred=won["starred"].starred,
        colour=won["colour"].colour,
        tombstone=won["deleted"].tombstone,
        created_at=min(ours.created_at, theirs.created_at),
        times={f: won[f].times[f] for f in notes.FIELDS},
        known=ours.known | theirs.known,
    )
    return merged, (theirs if won["body"] is ours else ours)


def conflict_copy(note: NoteState, loser: NoteState) -> NoteState:
    """The losing body of a conflict as its own note (deterministic: same loser, same copy)."""
    at = loser.times["body"]
    seed = f"{note.uuid}/{notes.body_hash(loser.body)}/{loser.author or ''}/{at}"
    who = loser.author or "an unknown author"
    text = f"Conflicting version by {who} of {at}, kept beside the note's newer text.\n\n"
    return NoteState(
        uuid=str(uuid_mod.uuid5(CONFLICT_NAMESPACE, seed)),
        target=note.target,
        body=text + loser.body,
        author=loser.author,
        tags=(CONFLICT_TAG,),
        starred=False,
        colour=None,
        tombstone=None,
        created_at=at,
        times=dict.fromkeys(notes.FIELDS, at),
    )


def _stored(state: NoteState) -> dict[str, Any]:
    """Column values for a merged state (the tombstone only when it is in force)."""
    return {
        "body": state.body,
        "author": state.author,
        "tags": notes.tags_json(state.tags),
        "starred": int(state.starred),
        "colour": state.colour,
        "deleted_at": state.tombstone if state.deleted_now() else None,
    }


def _record(store: Store, uid: str, state: NoteState) -> None:
    """Keep the field times and known bodies that the version history cannot express."""
    clock = notes.field_clock(store, uid)
    assert clock is not None
    extra = {
        f: [state.times[f], notes.short_hash(clock.keys[f])]
        for f in notes.FIELDS
        if state.times[f] > clock.derived[f] and not (f == "deleted" and state.dead())
    }
    record: dict[str, Any] = {"clock": extra} if extra else {}
    if state.known - clock.own:
        record["known"] = sorted(state.known - clock.own)
    notes.save_merge_record(store, uid, record)


def _row_times(state: NoteState) -> list[str]:
    """Field times that count for the row (a tombstone overruled by newer edits does not)."""
    return [t for f, t in state.times.items() if not (f == "deleted" and state.dead())]


def _insert(store: Store, state: NoteState) -> int:
    """A note new to this database: one version at its oldest field time; later field times
    are kept by :func:`_record`."""
    times = _row_times(state)
    values = {"uuid": state.uuid, "target": state.target, **_stored(state)}
    row_id = notes.insert_row(
        store, {**values, "created_at": state.created_at, "updated_at": min(times)}
    )
    store.conn.execute("UPDATE annotations SET updated_at = ? WHERE id = ?", (max(times), row_id))
    _record(store, state.uuid, state)
    return row_id


def _update(store: Store, row_id: int, ours: NoteState, merged: NoteState) -> bool:
    """Write a merged state: one version per distinct field time, oldest first, so the history
    gives each changed field its merged time. Returns whether the row changed."""
    before, after = _stored(ours), _stored(merged)
    groups: dict[str, dict[str, Any]] = {}
    for name, f in _COLUMN_FIELDS.items():
        if before[name] != after[name]:
            at = merged.edited() if f == "deleted" and merged.dead() else merged.times[f]
            names = ("body", "author") if f == "body" else (name,)
            groups.setdefault(at, {}).update({n: after[n] for n in names})
    start = current = notes.get_annotation(store, ours.uuid)
    for at in sorted(groups):
        assert current is not None
        notes.update_row(store, row_id, current, {**groups[at], "updated_at": at})
        current = notes.get_annotation(store, ours.uuid)
    assert current is not None
    updated = max(_row_times(merged))
    if (current.updated_at, current.created_at) != (updated, merged.created_at):
        store.conn.execute(
            "UPDATE annotations SET updated_at = ?, created_at = ? WHERE id = ?",
            (updated, merged.created_at, row_id),
        )
    _record(store, ours.uuid, merged)
    return notes.get_annotation(store, ours.uuid) != start


def check_states(store: Store, states: Sequence[NoteState]) -> None:
    """Refuse (ValidationError) a target that does not exist here, or that differs from the
    target the same UUID has here. Reads only."""
    for state in states:
        try:
            notes.check_target(store, state.target)
        except ValidationError as exc:
            raise ValidationError(f"annotation {state.uuid}: {exc}; nothing was imported") from None
        row = store.conn.execute(
            "SELECT target FROM annotations WHERE uuid = ?", (state.uuid,)
        ).fetchone()
        if row is not None and row[0] != state.target:
            raise ValidationError(
                f"annotation {state.uuid} belongs to {row[0]} here, not {state.target};"
                " nothing was imported"
            )


def merge_states(store: Store, states: Sequence[NoteState]) -> ImportReport:
    """Merge validated states in one transaction (all or nothing); announces the changes."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, "conflicts": 0}
    added: list[int] = []
    changed: list[int] = []
    with store.write():
        check_states(store, states)
        queue = [(s, True) for s in states]  # (state, from the bundle: not a conflict copy)
        while queue:
            state, original = queue.pop(0)
            local = _local_state(store, state.uuid)
            if local is None:
                added.append(_insert(store, state))
                counts["created"] += original
                continue
            row_id, ours = local
            merged, loser = _join(ours, state)
            if original and _is_conflict(ours, state) and loser.body.strip():
                counts["conflicts"] += 1
                queue.append((conflict_copy(merged, loser), False))
            if _update(store, row_id, ours, merged):
                changed.append(row_id)
                counts["updated"] += original
            else:
                counts["unchanged"] += original
        if added:
            store.changed("annotation", "add", added)
        if changed:
            store.changed("annotation", "update", changed)
    return ImportReport(**counts)


def _is_conflict(ours: NoteState, theirs: NoteState) -> bool:
    """Both changed the body since they last agreed: neither body is in the other's history."""
    if ours.body == theirs.body:
        return False
    return (
        notes.body_hash(ours.body) not in theirs.known
        and notes.body_hash(theirs.body) not in ours.known
    )


def import_bundle(store: Store, path: str | os.PathLike[str]) -> ImportReport:
    """Read, validate and merge a bundle file; a refused bundle changes nothing."""
    return merge_states(store, read_bundle(path))
