"""Full-text search over events, organizations, people, products, claims, sources and notes.

The ``search`` FTS5 table uses the ``trigram`` tokenizer, which matches any substring of three or
more characters, Chinese included (``通义千`` inside 通义千问). Most Chinese names are two
characters, and trigram alone finds nothing for them; since every indexed field ends with two
spaces, every one- or two-character substring starts some trigram, so a short term is answered by
looking up the trigrams that begin with it in the ``search_terms`` vocabulary (a range scan of the
index) and OR-ing them. Whatever a person types is quoted as plain text: no FTS syntax reaches
SQLite, so unbalanced quotes and stray operators never raise.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.store.database import Store
from desktop.store.schema import SEARCH_KINDS, SEARCH_TABLES

MAX_SHORT_TERMS = 400  # trigrams OR-ed for one 1-2 character term
_KIND_BY_CODE = {code: kind for kind, code in SEARCH_KINDS.items()}
_HIT = ("\x02", "\x03")  # highlight markers, never in user text


@dataclass(frozen=True)
class SearchHit:
    kind: str  # event, org, person, product, claim, source, annotation
    id: int
    key: str | None
    title: str
    snippet: str  # with \x02 ... \x03 around the matched text
    rank: float

    @property
    def ref(self) -> str:
        """The stable key as 'kind:key' (or 'annotation:UUID')."""
        return f"{self.kind}:{self.key}"

    def snippet_plain(self, before: str = "[", after: str = "]") -> str:
        return self.snippet.replace(_HIT[0], before).replace(_HIT[1], after)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _terms(text: str) -> list[str]:
    # NUL ends a string inside SQLite's FTS5 query parser; it can never be in indexed text
    return [t for t in text.replace("\x00", " ").lower().split() if t]


def build_match(store: Store, text: str) -> str | None:
    """The FTS5 MATCH expression for what a person typed, or None if nothing can match."""
    parts = []
    for term in _terms(text):
        if len(term) >= 3:
            parts.append(_quote(term))
            continue
        upper = term + "\U0010ffff"
        rows = store.conn.execute(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
            (term, upper, MAX_SHORT_TERMS),
        ).fetchall()
        if not rows:
            return None
        parts.append("(" + " OR ".join(_quote(r[0]) for r in rows) + ")")
    return " AND ".join(parts) if parts else None


RANK_WINDOW = 1000  # matches ranked by bm25: the most recently written ones


def search(
    store: Store, text: str, *, kinds: tuple[str, ...] | None = None, limit: int = 50
) -> list[SearchHit]:
    """Best matches first. Safe for any input; an empty or unmatched query returns [].

    Ranking every match of a common word in a million rows costs hundreds of milliseconds,
    so bm25 ranks the :data:`RANK_WINDOW` most recently written matches (the FTS index walks
    rowids in order and stops there); smaller databases are ranked in full. Snippets are cut
    here from the matched rows only.
    """
    match = build_match(store, text)
    if match is None:
        return []
    where = "search MATCH ?"
    params: list[object] = [match]
    if kinds:
        where += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params += list(kinds)
    rows = store.conn.execute(
        "SELECT rowid, kind, title, body, r FROM (SELECT rowid, kind, title, body,"
        f" bm25(search, 0, 4, 1) AS r FROM search WHERE {where} ORDER BY rowid DESC LIMIT ?)"
        " ORDER BY r LIMIT ?",
        [*params, RANK_WINDOW, limit],
    ).fetchall()
    terms = _terms(text)
    hits = []
    for rowid, kind, title, body, rank in rows:
        row_id = rowid // 16
        key = _key_of(store, kind, row_id)
        name = " ".join(title.split())
        hits.append(SearchHit(kind, row_id, key, name, _snippet(f"{title}  {body}", terms), rank))
    return hits


def _snippet(text: str, terms: list[str], width: int = 90) -> str:
    """A window of ``text`` around the first match, every term marked with \x02...\x03."""
    flat = " ".join(text.split())
    low = flat.lower()
    found = [(low.find(t), t) for t in terms if low.find(t) >= 0]
    if not found:
        return flat[:width]
    first = min(pos for pos, _ in found)
    start = max(0, first - width // 3)
    window = flat[start : start + width]
    out, i, wlow = [], 0, window.lower()
    while i < len(window):
        match = next((t for t in terms if t and wlow.startswith(t, i)), None)
        if match:
            out.append(_HIT[0] + window[i : i + len(match)] + _HIT[1])
            i += len(match)
        else:
            out.append(window[i])
            i += 1
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(flat) else ""
    return prefix + "".join(out) + suffix


def _key_of(store: Store, kind: str, row_id: int) -> str | None:
    table = SEARCH_TABLES[kind]
    col = "uuid" if kind == "annotation" else "key"
    row = store.conn.execute(f"SELECT {col} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None


def check_index(store: Store) -> list[str]:
    """Problems between the search index and its tables (empty when consistent)."""
    problems = []
    if not store.readonly:  # FTS5 runs its check as a (content-neutral) write command
        try:
            store.conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index integrity check failed: {exc}")
    for kind, table in SEARCH_TABLES.items():
        code = SEARCH_KINDS[kind]
        cond = "deleted_at IS NULL" if kind == "annotation" else "1"
        n_rows = store.conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}").fetchone()[0]
        n_index = store.conn.execute(
            "SELECT count(*) FROM search WHERE kind = ? AND rowid % 16 = ?", (kind, code)
        ).fetchone()[0]
        if n_rows != n_index:
            problems.append(f"search index has {n_index} {kind} rows, the table has {n_rows}")
    return problems


def rebuild_index(store: Store) -> None:
    """Re-index every row (after a bulk load that bypassed triggers, or to repair)."""
    with store.write() as db:
        db.execute("DELETE FROM search")
        for table in SEARCH_TABLES.values():
            # an UPDATE that changes nothing still fires the triggers that re-index the row
            db.execute(f"UPDATE {table} SET id = id")
        store.changed("all", "reload")


# kinds are also reported by code for callers that decode rowids themselves
kind_of_code = _KIND_BY_CODE.get
