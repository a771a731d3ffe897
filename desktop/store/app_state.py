"""The ``app_state`` table: per-database values that belong to the file but are not facts
(saved views, review marks, open dossiers, the timeline's range, merge records of notes).

Reading is plain; writing is one upsert that the caller runs inside its own transaction
(``with store.write():``), so a value can be written together with the data it goes with.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.store import clock
from desktop.store.database import Store

_UPSERT = (
    "INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key)"
    " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
)


def get_value(store: Store, key: str) -> str | None:
    """The text stored under ``key`` (None when absent)."""
    row = store.conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def get_json(store: Store, key: str) -> Any:
    """The JSON value stored under ``key``; None when absent or unreadable."""
    text = get_value(store, key)
    try:
        return None if text is None else json.loads(text)
    except (TypeError, ValueError):
        return None


def put_value(store: Store, key: str, value: str, at: str | None = None) -> None:
    """Store ``value`` under ``key`` (call inside ``store.write()``); ``at`` is its time."""
    at = at or clock.now_text()
    store.conn.execute(_UPSERT, (key, value, at))


def put_json(store: Store, key: str, value: Any, at: str | None = None) -> None:
    """Store ``value`` as JSON (keys sorted, Chinese kept as is) under ``key``."""
    put_value(store, key, json.dumps(value, sort_keys=True, ensure_ascii=False), at)


def delete_value(store: Store, key: str) -> bool:
    """Remove ``key`` (call inside ``store.write()``); False when it was not there."""
    return store.conn.execute("DELETE FROM app_state WHERE key = ?", (key,)).rowcount > 0
