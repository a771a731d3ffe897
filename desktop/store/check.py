"""``dossier check``: is a database whole and consistent?"""

from __future__ import annotations

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


def check_store(store: Store) -> CheckReport:
    """Schema version, integrity_check, foreign_key_check, dangling citations, search index."""
    conn = store.conn
    report = CheckReport(store.schema_version())
    if report.schema_version != migrations.SCHEMA_VERSION:
        report.problems.append(
            f"schema version {report.schema_version}, expected {migrations.SCHEMA_VERSION}"
        )
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        report.problems += [f"integrity: {line}" for line in integrity[:20]]
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        report.problems.append(f"{table} row {rowid} points to a missing {parent} row")
    for kind, table in CITATION_TARGETS.items():
        n = conn.execute(
            f"SELECT count(*) FROM citations c WHERE c.target_kind = ? AND NOT EXISTS"
            f" (SELECT 1 FROM {table} t WHERE t.id = c.target_id)",
            (kind,),
        ).fetchone()[0]
        if n:
            report.problems.append(f"{n} citations point to missing {kind} rows")
    report.problems += check_index(store)
    return report
