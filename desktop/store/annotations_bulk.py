"""Many annotations changed in one transaction, and what the annotation UI needs to name and
find a note's target (no Qt).

:func:`bulk_annotate` tags, stars or colours many targets at once; :func:`apply_states` puts
notes back into given states (what undo and redo do). Both are one transaction each and go
through :func:`desktop.store.annotations.save_annotation` / ``delete_annotation``, so every
change is versioned and announced like any other save.

Thread: any thread, each with its own :class:`Store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.domain.model import Annotation
from desktop.domain.text import date_text
from desktop.store import annotations as notes
from desktop.store.database import Store
from desktop.store.errors import ValidationError


@dataclass(frozen=True)
class NoteState:
    """The undoable fields of one note; ``alive`` False means deleted (or not yet created)."""

    uuid: str
    target: str
    alive: bool
    tags: tuple[str, ...] = ()
    starred: bool = False
    colour: str | None = None

    @classmethod
    def of(cls, note: Annotation) -> NoteState:
        alive = note.deleted_at is None
        return cls(note.uuid, note.target, alive, note.tags, note.starred, note.colour)


@dataclass(frozen=True)
class TargetInfo:
    """A note's target resolved for display: ``id`` is the row id (None when it is gone)."""

    target: str
    kind: str
    id: int | None
    label: str


# -- targets ---------------------------------------------------------------------------------
def event_target(store: Store, event_id: int) -> str | None:
    row = store.conn.execute("SELECT key FROM events WHERE id = ?", (event_id,)).fetchone()
    return f"event:{row[0]}" if row else None


def org_target(store: Store, org_id: int) -> str | None:
    row = store.conn.execute("SELECT key FROM organizations WHERE id = ?", (org_id,)).fetchone()
    return f"org:{row[0]}" if row else None


def describe_targets(store: Store, targets: Iterable[str]) -> dict[str, TargetInfo]:
    """target -> TargetInfo for every target given (unknown ones labelled as missing)."""
    by_kind: dict[str, list[str]] = {"event": [], "org": [], "claim": []}
    wanted = list(dict.fromkeys(targets))
    for target in wanted:
        kind, _, key = target.partition(":")
        if kind in by_kind and key:
            by_kind[kind].append(key)
    sql = {
        "event": "SELECT key, id, title, start FROM events",
        "org": "SELECT key, id, name || coalesce(' ' || name_zh, '') FROM organizations",
        "claim": "SELECT key, id, text FROM claims",
    }
    found: dict[str, TargetInfo] = {}
    for kind, keys in by_kind.items():
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, row_id, label, *start in store.conn.execute(
                f"{sql[kind]} WHERE key IN ({marks})", chunk
            ):
                if start:  # an event: its date as people read it ('3500 BCE', 'Jul 2024')
                    label = f"{label} ({date_text(start[0])})"
                found[f"{kind}:{key}"] = TargetInfo(f"{kind}:{key}", kind, row_id, str(label))
    out = {}
    for target in wanted:
        kind = target.partition(":")[0]
        out[target] = found.get(target) or TargetInfo(target, kind, None, f"{target} (missing)")
    return out


def note_targets(store: Store, row_ids: Iterable[int]) -> dict[int, str]:
    """The target of each annotation row (deleted ones too: a tombstone keeps its target)."""
    out: dict[int, str] = {}
    ids = list(dict.fromkeys(row_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for row_id, target in store.conn.execute(
            f"SELECT id, target FROM annotations WHERE id IN ({marks})", chunk
        ):
            out[int(row_id)] = str(target)
    return out


def live_note_count(store: Store) -> int:
    """How many notes are not deleted (what ``queries.counts`` says under 'annotations')."""
    row = store.conn.execute("SELECT count(*) FROM annotations WHERE deleted_at IS NULL")
    return int(row.fetchone()[0])


def dossier_orgs(store: Store, targets: Iterable[str]) -> set[int]:
    """The organizations whose dossiers list notes on these targets: an ``org:KEY`` note is in
    its organization's dossier, an ``event:KEY`` note in the dossiers of the event's
    organizations (store/dossier.py), a ``claim:KEY`` note in none."""
    keys: dict[str, list[str]] = {"event": [], "org": []}
    for target in dict.fromkeys(targets):
        kind, _, key = target.partition(":")
        if kind in keys and key:
            keys[kind].append(key)
    sql = {
        "org": "SELECT id FROM organizations WHERE key IN ({})",
        "event": "SELECT eo.org_id FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
        " WHERE e.key IN ({})",
    }
    out: set[int] = set()
    for kind, wanted in keys.items():
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = store.conn.execute(sql[kind].format(",".join("?" * len(chunk))), chunk)
            out.update(int(r[0]) for r in rows)
    return out


def claim_jump(store: Store, claim_id: int) -> tuple[str, int] | None:
    """Where a claim is shown: ('event', id) for its event, else ('org', id) of the
    organization it is about, its claimant, its product's owner or its person's organization;
    None when it has none of these."""
    row = store.conn.execute(
        "SELECT c.subject_event_id, coalesce(c.subject_org_id, c.claimant_org_id,"
        " (SELECT owner_id FROM products WHERE id = c.subject_product_id),"
        " (SELECT org_id FROM roles WHERE org_id IS NOT NULL"
        "  AND person_id = coalesce(c.subject_person_id, c.claimant_person_id)"
        "  ORDER BY id LIMIT 1)) FROM claims c WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        return None
    if row[0] is not None:
        return "event", int(row[0])
    return ("org", int(row[1])) if row[1] is not None else None


def notes_for_target(store: Store, target: str) -> list[Annotation]:
    """The live notes on exactly this target, most recently updated first."""
    rows = store.conn.execute(
        "SELECT uuid FROM annotations WHERE target = ? AND deleted_at IS NULL"
        " ORDER BY updated_at DESC, id DESC",
        (target,),
    ).fetchall()
    return [n for (uid,) in rows if (n := notes.get_annotation(store, uid)) is not None]


# -- writing ---------------------------------------------------------------------------------
def _apply(store: Store, state: NoteState) -> None:
    current = notes.get_annotation(store, state.uuid)
    if not state.alive:
        if current is not None and current.deleted_at is None:
            notes.delete_annotation(store, state.uuid)
        return
    notes.save_annotation(
        store,
        uuid=state.uuid,
        target=state.target,
        tags=state.tags,
        starred=state.starred,
        colour=state.colour or "none",
    )


def apply_states(store: Store, states: Sequence[NoteState]) -> None:
    """Put each note into its given state (creating, restoring or deleting it); one
    transaction. Bodies are left as they are."""
    with store.write():
        for state in states:
            _apply(store, state)


def bulk_annotate(
    store: Store,
    targets: Iterable[str],
    *,
    tags_add: Iterable[str] = (),
    tags_remove: Iterable[str] = (),
    starred: bool | None = None,
    colour: str | None = None,
    author: str | None = None,
) -> tuple[list[NoteState], list[NoteState]]:
    """Tag, star and/or colour every target's newest live note (a new, empty note where it has
    none) in one transaction. ``colour`` 'none' clears it. Returns (before, after) states of
    the notes touched, for :func:`apply_states` to undo and redo. Raises ValidationError with
    nothing written (unknown target, bad colour)."""
    add = notes.normalize_tags(tags_add)
    remove = set(notes.normalize_tags(tags_remove))
    new_colour = None if colour is None else (notes.normalize_colour(colour) or "none")
    wanted = [str(t).strip() for t in dict.fromkeys(targets)]
    if not wanted:
        return [], []
    before: list[NoteState] = []
    after: list[NoteState] = []
    with store.write():
        for target in wanted:
            notes.parse_target(target)
            existing = notes_for_target(store, target)
            if existing:
                note = existing[0]
                before.append(NoteState.of(note))
                tags = notes.normalize_tags([*(t for t in note.tags if t not in remove), *add])
                saved = notes.save_annotation(
                    store,
                    uuid=note.uuid,
                    target=target,
                    tags=tags,
                    starred=starred,
                    colour=new_colour,
                )
            else:
                notes.check_target(store, target)
                tags = tuple(t for t in add if t not in remove)
                saved = notes.save_annotation(
                    store,
                    target=target,
                    body="",
                    tags=tags,
                    starred=bool(starred),
                    colour=new_colour,
                    author=author,
                )
                before.append(NoteState(saved.uuid, target, False))
            after.append(NoteState.of(saved))
    return before, after


def states_with_tag(store: Store, tag: str) -> list[NoteState]:
    """States of the live notes carrying ``tag`` (for undoing a tag rename or merge)."""
    (clean,) = notes.normalize_tags([tag]) or ("",)
    if not clean:
        raise ValidationError("a tag cannot be empty")
    return [NoteState.of(n) for n in notes.list_annotations(store, tag=clean)]


def current_states(store: Store, uuids: Iterable[str]) -> list[NoteState]:
    out = []
    for uid in uuids:
        note = notes.get_annotation(store, uid)
        if note is not None:
            out.append(NoteState.of(note))
    return out
