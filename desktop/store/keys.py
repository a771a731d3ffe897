"""Stable keys (``event:waic-2024``, ``org:sensetime``) and the ids they name, for programs
that address the timeline from outside (``dossier screenshot --focus/--layout``)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.store.batches import id_batches
from desktop.store.database import Store


def event_id_by_key(store: Store, key: str) -> int | None:
    """The id of the event ``key`` names (with or without the ``event:`` prefix)."""
    bare = key.removeprefix("event:")
    row = store.conn.execute("SELECT id FROM events WHERE key = ?", (bare,)).fetchone()
    return None if row is None else int(row[0])


def event_keys(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """id -> ``event:KEY`` for the given events."""
    ids = list(ids)
    out: dict[int, str] = {}
    for chunk, marks in id_batches(ids):
        for eid, key in store.conn.execute(
            f"SELECT id, key FROM events WHERE id IN ({marks})", chunk
        ):
            out[int(eid)] = f"event:{key}"
    return out


def organization_keys(store: Store) -> dict[int, str]:
    """id -> ``org:KEY`` for every organization."""
    return {
        int(oid): f"org:{key}"
        for oid, key in store.conn.execute("SELECT id, key FROM organizations")
    }
