"""The documented schema of a Dossier database (version 1, and the columns later migrations add:
``created_at`` on the reviewed tables (4), the grades ``sources.reliability`` A–F and
``citations.credibility`` 1–6 with their ``*_reason`` lines (6)).

Every table has an integer ``id`` and, for things a person names, a stable ``key`` (``a-z0-9-``)
by which seeds are reloaded and annotations find their targets. Dates are partial dates: the text
as the source gives it in canonical form (``start``, ``2024-05``) plus the interval it covers in
seconds since 1970 UTC (``start_lo``/``start_hi``, half-open), which triggers fill for the ISO forms
so a row written by any client (the ``sqlite-utils`` CLI, Datasette) is placed on the timeline.

The ``search`` table is an FTS5 index with the ``trigram`` tokenizer over every searchable table,
kept current by triggers (so again any client's writes are indexed). Each field is stored followed
by two spaces: every 1- and 2-character substring then begins some trigram, which is how short
Chinese queries (``千问``, ``商汤``) are answered from the index (see ``store/search.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

# rowid of a search row = id * 16 + code of its table
SEARCH_KINDS: dict[str, int] = {
    "event": 1,
    "org": 2,
    "person": 3,
    "product": 4,
    "claim": 5,
    "source": 6,
    "annotation": 7,
}
SEARCH_TABLES: dict[str, str] = {
    "event": "events",
    "org": "organizations",
    "person": "people",
    "product": "products",
    "claim": "claims",
    "source": "sources",
    "annotation": "annotations",
}

_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

TABLES_V1 = f"""
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    publisher TEXT,
    kind TEXT NOT NULL DEFAULT 'article',
    file TEXT,
    url TEXT,
    published TEXT,
    summary TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_zh TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',      -- JSON list of other names
    kind TEXT NOT NULL DEFAULT 'company',    -- company, lab, government body, investor, ...
    country TEXT,
    hq TEXT,
    founded TEXT,                            -- partial date
    summary TEXT,
    parent_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_zh TEXT,
    summary TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    UNIQUE (person_id, org_id, title)
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    owner_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'model',
    released TEXT,
    parameters TEXT,
    open_weights INTEGER,                    -- 1, 0 or NULL (unknown)
    summary TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT,
    kind TEXT NOT NULL DEFAULT 'event',      -- conference, release, policy, market, statement, ...
    start TEXT NOT NULL,                     -- partial date, canonical text
    start_lo INTEGER,                        -- [lo, hi) of start, seconds since 1970 UTC
    start_hi INTEGER,
    "end" TEXT,                              -- partial date or NULL
    end_lo INTEGER,
    end_hi INTEGER,
    place TEXT,
    era INTEGER NOT NULL DEFAULT 0,          -- 1: shade as a period on the timeline
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE INDEX events_start_lo ON events(start_lo);
CREATE TABLE event_orgs (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'involved',
    PRIMARY KEY (event_id, org_id)
);
CREATE INDEX event_orgs_org ON event_orgs(org_id);
CREATE TABLE event_people (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
);
CREATE TABLE event_products (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, product_id)
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    claimant_org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    claimant_person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
    subject_org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    subject_person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
    subject_product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,
    subject_event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    measured_against TEXT,
    status TEXT NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'verified', 'disputed')),
    date TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    subject_org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    subject_product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    as_of TEXT,
    note TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
CREATE TABLE relationships (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    since TEXT,
    summary TEXT,
    updated_at TEXT NOT NULL DEFAULT {_NOW}
);
-- A citation attaches a source to any fact: target is '<kind>:<id>' of the cited row.
CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL,   -- org, person, role, product, event, claim, metric, relationship
    target_id INTEGER NOT NULL,
    locator TEXT,
    quote TEXT,
    stance TEXT NOT NULL DEFAULT 'for' CHECK (stance IN ('for', 'against'))
);
CREATE INDEX citations_target ON citations(target_kind, target_id);
-- Annotations belong to the analyst, never to the seeds: target is a stable key such as
-- 'event:waic-2024'. Deleting sets deleted_at (a tombstone); every saved state is kept in
-- annotation_versions by trigger, whichever client wrote it.
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    target TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    starred INTEGER NOT NULL DEFAULT 0,
    colour TEXT,
    author TEXT,
    created_at TEXT NOT NULL DEFAULT {_NOW},
    updated_at TEXT NOT NULL DEFAULT {_NOW},
    deleted_at TEXT
);
CREATE INDEX annotations_target ON annotations(target);
CREATE TABLE annotation_versions (
    id INTEGER PRIMARY KEY,
    annotation_uuid TEXT NOT NULL REFERENCES annotations(uuid) ON DELETE CASCADE,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    starred INTEGER NOT NULL,
    colour TEXT,
    author TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX annotation_versions_uuid ON annotation_versions(annotation_uuid);
CREATE TRIGGER annotations_version_ai AFTER INSERT ON annotations BEGIN
    INSERT INTO annotation_versions
        (annotation_uuid, body, tags, starred, colour, author, updated_at, deleted_at)
    VALUES (new.uuid, new.body, new.tags, new.starred, new.colour, new.author,
            new.updated_at, new.deleted_at);
END;
CREATE TRIGGER annotations_version_au AFTER UPDATE ON annotations
WHEN old.body IS NOT new.body OR old.tags IS NOT new.tags OR old.starred IS NOT new.starred
  OR old.colour IS NOT new.colour OR old.deleted_at IS NOT new.deleted_at BEGIN
    INSERT INTO annotation_versions
        (annotation_uuid, body, tags, starred, colour, author, updated_at, deleted_at)
    VALUES (new.uuid, new.body, new.tags, new.starred, new.colour, new.author,
            new.updated_at, new.deleted_at);
END;
"""


def _interval_sql(col: str, bound: str) -> str:
    """SQL for the [lo, hi) bound of a canonical ISO partial date (NULL for other forms)."""
    step = {4: "+1 year", 7: "+1 month", 10: "+1 day", 16: "+1 minute"}
    base = {
        4: f"{col} || '-01-01'",
        7: f"{col} || '-01'",
        10: col,
        16: f"replace({col}, 'T', ' ')",
    }
    cases = []
    for length, expr in base.items():
        value = f"unixepoch({expr})" if bound == "lo" else f"unixepoch({expr}, '{step[length]}')"
        cases.append(f"WHEN {length} THEN {value}")
    return f"CASE length({col}) {' '.join(cases)} END"


def _date_triggers() -> str:
    """Fill start_lo/start_hi/end_lo/end_hi for rows written without them (any client)."""
    end = 'new."end"'
    fill = (
        "UPDATE events SET "
        f"start_lo = coalesce(new.start_lo, {_interval_sql('new.start', 'lo')}), "
        f"start_hi = coalesce(new.start_hi, {_interval_sql('new.start', 'hi')}), "
        f"end_lo = coalesce(new.end_lo, {_interval_sql(end, 'lo')}), "
        f"end_hi = coalesce(new.end_hi, {_interval_sql(end, 'hi')}) "
        "WHERE id = new.id;"
    )
    cond = 'new.start_lo IS NULL OR (new."end" IS NOT NULL AND new.end_lo IS NULL)'
    return (
        f"CREATE TRIGGER events_dates_ai AFTER INSERT ON events WHEN {cond} BEGIN {fill} END;\n"
        f'CREATE TRIGGER events_dates_au AFTER UPDATE OF start, "end" ON events WHEN {cond} '
        f"BEGIN {fill} END;\n"
    )


def _field(expr: str) -> str:
    return f"coalesce({expr}, '') || '  '"


def _aliases(expr: str) -> str:
    return (
        f"CASE WHEN json_valid({expr}) THEN "
        f"(SELECT group_concat(value, '  ') FROM json_each({expr})) ELSE {expr} END"
    )


# kind -> (title expression, body expression, WHEN condition for indexing), over `new.`
_SEARCH_FIELDS: dict[str, tuple[str, str, str]] = {
    "event": (
        _field("new.title"),
        _field("new.summary") + " || " + _field("new.place") + " || " + _field("new.kind"),
        "1",
    ),
    "org": (
        _field("new.name")
        + " || "
        + _field("new.name_zh")
        + " || "
        + _field(_aliases("new.aliases")),
        _field("new.summary") + " || " + _field("new.hq") + " || " + _field("new.country"),
        "1",
    ),
    "person": (_field("new.name") + " || " + _field("new.name_zh"), _field("new.summary"), "1"),
    "product": (
        _field("new.name") + " || " + _field(_aliases("new.aliases")),
        _field("new.summary") + " || " + _field("new.parameters"),
        "1",
    ),
    "claim": (_field("new.text"), _field("new.measured_against"), "1"),
    "source": (_field("new.title"), _field("new.publisher") + " || " + _field("new.summary"), "1"),
    "annotation": (
        _field(_aliases("new.tags")),
        _field("new.body"),
        "new.deleted_at IS NULL",
    ),
}


def _search_triggers() -> str:
    out = [
        "CREATE VIRTUAL TABLE search USING fts5("
        "kind UNINDEXED, title, body, tokenize = 'trigram');",
        "CREATE VIRTUAL TABLE search_terms USING fts5vocab(search, 'row');",
    ]
    for kind, table in SEARCH_TABLES.items():
        code = SEARCH_KINDS[kind]
        title, body, cond = _SEARCH_FIELDS[kind]
        insert = (
            f"INSERT INTO search(rowid, kind, title, body) SELECT new.id * 16 + {code}, "
            f"'{kind}', {title}, {body} WHERE {cond};"
        )
        delete = f"DELETE FROM search WHERE rowid = old.id * 16 + {code};"
        out.append(f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END;")
        out.append(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END;"
        )
        out.append(f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END;")
    return "\n".join(out)


# citation target kind -> table
CITATION_TARGETS: dict[str, str] = {
    "org": "organizations",
    "person": "people",
    "role": "roles",
    "product": "products",
    "event": "events",
    "claim": "claims",
    "metric": "metrics",
    "relationship": "relationships",
}


def _citation_cleanup_triggers() -> str:
    """Citations point at rows of many tables; remove them with their target."""
    targets = CITATION_TARGETS
    return "\n".join(
        f"CREATE TRIGGER {table}_citations_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM citations WHERE target_kind = '{kind}' AND target_id = old.id; END;"
        for kind, table in targets.items()
    )


SCHEMA_V1 = "\n".join(
    [TABLES_V1, _date_triggers(), _search_triggers(), _citation_cleanup_triggers()]
)


# migration 0006 (never change: a released migration's SQL is pinned): grades, NULL when not
# graded. A CHECK on an added column holds for every row written after it.
GRADE_COLUMNS_V6 = (
    "ALTER TABLE sources ADD COLUMN reliability TEXT"
    " CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))",
    "ALTER TABLE sources ADD COLUMN reliability_reason TEXT",
    "ALTER TABLE citations ADD COLUMN credibility INTEGER"
    " CHECK (credibility IN (1, 2, 3, 4, 5, 6))",
    "ALTER TABLE citations ADD COLUMN credibility_reason TEXT",
)


# migration 0007 (never change): events.key unique through a named index instead of the
# table's inline UNIQUE, so that a big import can drop it and build it again with one sort
EVENTS_KEY_INLINE = "key TEXT NOT NULL UNIQUE,"
EVENTS_KEY_INDEX_V7 = "CREATE UNIQUE INDEX events_key ON events(key)"


def statements(script: str) -> Iterator[str]:
    """Split a script into complete statements (so each runs inside the caller's transaction;
    ``executescript`` would commit first)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement: {buf[:60]!r}")
