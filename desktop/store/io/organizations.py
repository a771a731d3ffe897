"""Organizations named by imported rows: found once by key, name, Chinese name or alias
(:func:`desktop.store.queries.find_organization`), or created."""

from __future__ import annotations

import re
import sqlite3

from desktop.store.database import Store
from desktop.store.io.records import hashed_key
from desktop.store.queries import find_organization


class Organizations:
    """Organization ids by the names rows give: found once (key, name, alias), or created."""

    def __init__(self, store: Store, conn: sqlite3.Connection) -> None:
        self.store = store
        self.conn = conn
        self.ids: dict[str, int] = {}
        self.created: list[int] = []
        self.created_names: list[str] = []

    def id_for(self, name: str) -> int:
        oid = self.ids.get(name)
        if oid is None:
            found = find_organization(self.store, name)
            oid = found.id if found is not None else self._create(name)
            self.ids[name] = oid
        return oid

    def _create(self, name: str) -> int:
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-")
        if not base:
            base = "org-" + hashed_key(name).removeprefix("imp-")[:8]
        key, n = base, 1
        while self.conn.execute("SELECT 1 FROM organizations WHERE key = ?", (key,)).fetchone():
            n += 1
            key = f"{base}-{n}"
        cur = self.conn.execute("INSERT INTO organizations (key, name) VALUES (?, ?)", (key, name))
        oid = int(cur.lastrowid or 0)
        self.created.append(oid)
        self.created_names.append(name)
        return oid
