"""Per-database UI state kept in ``app_state`` (JSON values under ``ui:...`` keys).

What belongs to the data travels with the file: the timeline's visible range and lane grouping
(``ui:timeline``) and the open dossiers (``ui:open-dossiers``). Window geometry belongs to the
machine and lives in QSettings instead. No change events: this is not user data.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.store import app_state
from desktop.store.database import Store
from desktop.store.errors import raises_store_errors

TIMELINE_KEY = "ui:timeline"
OPEN_DOSSIERS_KEY = "ui:open-dossiers"
CURRENT_DOSSIER_KEY = "ui:current-dossier"


def load_ui_state(store: Store, key: str) -> dict[str, Any]:
    """The JSON object saved under ``key``; {} when absent or unreadable."""
    try:
        data = app_state.get_json(store, key)
    except sqlite3.Error:
        return {}
    return data if isinstance(data, dict) else {}


@raises_store_errors
def save_ui_state(store: Store, key: str, value: dict[str, Any]) -> bool:
    """Save ``value`` under ``key`` in its own transaction; False (nothing written) when the
    store is read-only or the value is unchanged."""
    if store.readonly or value == load_ui_state(store, key):
        return False
    with store.write():
        app_state.put_json(store, key, value)
    return True


def open_dossier_keys(store: Store) -> list[str] | None:
    """Organization keys of the dossiers open when the window last changed them, in tab
    order (None: never recorded, e.g. a new database)."""
    value = app_state.get_json(store, OPEN_DOSSIERS_KEY)
    return [str(k) for k in value] if isinstance(value, list) else None


def save_open_dossiers(store: Store, keys: list[str]) -> None:
    """Record the open dossiers (no write when unchanged or read-only)."""
    if store.readonly or open_dossier_keys(store) == keys:
        return
    with store.write():
        app_state.put_json(store, OPEN_DOSSIERS_KEY, keys)


def current_dossier_key(store: Store) -> str | None:
    """The organization key of the dossier tab that was in front (None: not recorded)."""
    value = app_state.get_json(store, CURRENT_DOSSIER_KEY)
    return value if isinstance(value, str) else None


def save_current_dossier(store: Store, key: str) -> None:
    """Record the dossier in front (no write when unchanged or read-only)."""
    if store.readonly or current_dossier_key(store) == key:
        return
    with store.write():
        app_state.put_json(store, CURRENT_DOSSIER_KEY, key)
