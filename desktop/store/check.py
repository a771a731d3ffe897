"""``dossier check``: is a database whole and consistent, and as Dossier made it?"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.store import migrations
from desktop.store.database import Store
from desktop.store.schema import CITATION_TARGETS
from desktop.store.search import check_index


@dataclass
class CheckReport:
    schema_version: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _integrity(store: Store) -> list[str]:
    lines = [str(r[0]) for r in store.conn.execute("PRAGMA integrity_check(20)").fetchall()]
    return [] if lines == ["ok"] else [f"integrity: {line}" for line in lines]


def _foreign_keys(store: Store) -> list[str]:
    rows = store.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]
    return [
        f"{table} row {rowid} points to a missing {parent} row" for table, rowid, parent, _ in rows
    ]


def _citations(store: Store) -> list[str]:
    problems = []
    for kind, table in CITATION_TARGETS.items():
        n = store.conn.execute(
            f"SELECT count(*) FROM citations c WHERE c.target_kind = ? AND NOT EXISTS"
            f" (SELECT 1 FROM {table} t WHERE t.id = c.target_id)",
            (kind,),
        ).fetchone()[0]
        if n:
            problems.append(f"{n} citations point to missing {kind} rows")
    return problems


STEPS: tuple[tuple[str, Callable[[Store], list[str]]], ...] = (
    ("integrity", _integrity),
    ("foreign keys", _foreign_keys),
    ("citations", _citations),
    ("search index", check_index),
)


def check_store(store: Store) -> CheckReport:
    """What opening found (damage, schema objects Dossier did not create or missing ones), then
    schema version, integrity_check, foreign_key_check, dangling citations, search index. A step
    the file's damage or missing tables make impossible is reported, not raised."""
    report = CheckReport(store.schema_version())
    if report.schema_version != migrations.SCHEMA_VERSION:
        report.problems.append(
            f"schema version {report.schema_version}, expected {migrations.SCHEMA_VERSION}"
        )
    report.problems += store.problems
    for name, step in STEPS:
        try:
            report.problems += step(store)
        except sqlite3.Error as exc:
            report.problems.append(f"{name}: cannot be checked ({exc})")
    return report
