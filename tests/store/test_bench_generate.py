"""The benchmark generator loads in bulk with its insert triggers set aside: the file it leaves
is what the triggers would have made (schema, search rows, generation counter)."""

import sqlite3

from desktop.bench.generate import generate
from desktop.store import migrations
from desktop.store.search import check_index, rebuild_index
from desktop.store.verify import schema_problems


def test_generated_database_is_as_the_triggers_would_leave_it(tmp_path):
    store = generate(tmp_path / "g.db", 2000, n_orgs=30)
    conn = store.conn
    assert schema_problems(conn, migrations.SCHEMA_VERSION) == []
    assert check_index(store) == []
    assert conn.execute("SELECT value FROM generations WHERE name = 'timeline'").fetchone()[0] > 0
    rows = "SELECT rowid, kind, title, body FROM search ORDER BY rowid"
    bulk = conn.execute(rows).fetchall()
    rebuild_index(store)  # every row re-indexed by its triggers
    assert conn.execute(rows).fetchall() == bulk
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    counts = dict(conn.execute("SELECT length(start), count(*) FROM events GROUP BY 1"))
    assert counts[10] > counts[7] > 0 and counts[16] > 0  # days, months, minutes
    assert conn.execute('SELECT count(*) FROM events WHERE "end" IS NOT NULL').fetchone()[0] > 0
    per_org = [r[0] for r in conn.execute("SELECT count(*) FROM event_orgs GROUP BY org_id")]
    assert sum(per_org) == 2000 and max(per_org) > 5 * min(per_org)  # skewed
    store.close()
    with sqlite3.connect(tmp_path / "g.db") as again:  # triggers back: a new row is indexed
        again.execute("INSERT INTO events (key, title, start) VALUES ('x', 'zebra', '2024')")
        assert (
            again.execute("SELECT count(*) FROM search WHERE title LIKE 'zebra%'").fetchone()[0]
            == 1
        )
