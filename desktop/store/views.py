"""Saved views: a name for a filter, the visible time range and the lane grouping, kept in the
database's ``app_state`` table as JSON under ``view:<name>`` (so they travel with the file).

Saving a view announces nothing: views are the analyst's window state, not data, and the
window reads them when its menu opens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.domain.filters import EventFilter
from desktop.store import app_state
from desktop.store.database import Store
from desktop.store.errors import ValidationError

PREFIX = "view:"
GROUPINGS = ("org", "kind", "none")
MAX_NAME = 80


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: EventFilter
    range: tuple[float, float] | None = None  # visible time span, seconds since 1970
    group_by: str = "org"

    def to_json(self) -> str:
        return json.dumps(
            {
                "name": self.name,
                "filter": self.filter.to_dict(),
                "range": list(self.range) if self.range else None,
                "group_by": self.group_by,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, name: str, text: str) -> SavedView:
        """Raises ValueError on a malformed record."""
        data: Any = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a saved view must be an object")
        span = data.get("range")
        group_by = data.get("group_by", "org")
        if group_by not in GROUPINGS:
            raise ValueError(f"unknown grouping {group_by!r}")
        try:
            rng = (float(span[0]), float(span[1])) if span else None
        except (TypeError, IndexError, ValueError) as exc:
            raise ValueError(f"malformed range: {exc}") from None
        return cls(name, EventFilter.from_dict(data.get("filter") or {}), rng, group_by)


def clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise ValidationError("a saved view needs a name")
    if len(text) > MAX_NAME:
        raise ValidationError(f"a view's name is limited to {MAX_NAME} characters")
    return text


def save_view(store: Store, view: SavedView) -> SavedView:
    """Store (or replace) a view under its cleaned name; one transaction."""
    if view.group_by not in GROUPINGS:
        raise ValidationError(f"unknown lane grouping {view.group_by!r}")
    saved = SavedView(clean_name(view.name), view.filter, view.range, view.group_by)
    with store.write():
        app_state.put_value(store, PREFIX + saved.name, saved.to_json())
    return saved


def get_view(store: Store, name: str) -> SavedView | None:
    text = app_state.get_value(store, PREFIX + " ".join(str(name).split()))
    if text is None:
        return None
    try:
        return SavedView.from_json(" ".join(str(name).split()), text)
    except ValueError:
        return None


def list_views(store: Store) -> list[SavedView]:
    """Every readable saved view, by name (a malformed record is skipped)."""
    rows = store.conn.execute(
        "SELECT key, value FROM app_state WHERE substr(key, 1, ?) = ?", (len(PREFIX), PREFIX)
    ).fetchall()
    views = []
    for key, value in rows:
        try:
            views.append(SavedView.from_json(key[len(PREFIX) :], value))
        except ValueError:
            continue
    return sorted(views, key=lambda v: v.name.casefold())


def delete_view(store: Store, name: str) -> bool:
    """Remove a view; False when there was none."""
    key = PREFIX + " ".join(str(name).split())
    with store.write():
        return app_state.delete_value(store, key)
