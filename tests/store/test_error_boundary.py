"""The store's functions the window calls raise the store's own errors, never SQLite's: the
window catches StoreError and knows nothing of sqlite3 (a test scans desktop/ui for it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.store.errors import StoreError
from desktop.store.queries import counts
from desktop.store.search import search
from desktop.store.search_count import count_matches
from desktop.store.search_targets import display_name, target_for
from desktop.store.ui_state import save_ui_state

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


@pytest.mark.parametrize(
    "call",
    [
        lambda s: counts(s),
        lambda s: search(s, "WAIC"),
        lambda s: count_matches(s, "WAIC"),
        lambda s: display_name(s, "org", 1),
        lambda s: target_for(s, "event", 1),
        lambda s: save_ui_state(s, "timeline", {"range": [0, 1]}),
    ],
    ids=["counts", "search", "count_matches", "display_name", "target_for", "save_ui_state"],
)
def test_a_failing_database_raises_a_store_error(seeded_store, call):
    seeded_store.conn.close()  # any query now fails inside SQLite's module
    with pytest.raises(StoreError) as caught:
        call(seeded_store)
    assert "\n" not in str(caught.value) and str(seeded_store.path) in str(caught.value)


def test_the_window_code_does_not_know_sqlite3():
    pattern = re.compile(r"^\s*(import sqlite3|from sqlite3 import)|sqlite3\.\w+Error", re.M)
    offenders = [p.name for p in UI.rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []
