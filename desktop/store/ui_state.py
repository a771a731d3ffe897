"""Per-database UI state kept in ``app_state`` (JSON values under ``ui:...`` keys).

What belongs to the data travels with the file: the timeline's visible range and lane grouping
(``ui:timeline``). Window geometry belongs to the machine and lives in QSettings instead.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.store.database import Store

TIMELINE_KEY = "ui:timeline"


def load_ui_state(store: Store, key: str) -> dict[str, Any]:
    """The JSON object saved under ``key``; {} when absent or unreadable."""
    try:
        row = store.conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return {}
    try:
        data = json.loads(row[0]) if row else {}
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_state(store: Store, key: str, value: dict[str, Any]) -> bool:
    """Save ``value`` under ``key`` in its own transaction; False (nothing written) when the
    store is read-only or the value is unchanged. No change event: this is not user data."""
    if store.readonly or value == load_ui_state(store, key):
        return False
    with store.write():
        store.conn.execute(
            "INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, "
            "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT(key) DO UPDATE SET "
            "value = excluded.value, updated_at = excluded.updated_at",
            (key, json.dumps(value, sort_keys=True)),
        )
    return True
