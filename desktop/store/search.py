"""Full-text search over events, organizations, people, products, claims, sources and notes.

The ``search`` FTS5 table uses the ``trigram`` tokenizer, which matches any substring of three or
more characters, Chinese included (``通义千`` inside 通义千问). Most Chinese names are two
characters, and trigram alone finds nothing for them; since every indexed field ends with two
spaces, every one- or two-character substring starts some trigram, so a short term is answered by
looking up the trigrams that begin with it in the ``search_terms`` vocabulary (a range scan of the
index) and OR-ing them. Whatever a person types is quoted as plain text: no FTS syntax reaches
SQLite, so unbalanced quotes and stray operators never raise.

Matches are ordered by how well they match first (a name, a name's start, whole words, word
starts, inside a word: ``search_rank.match_quality``), names before claims, then by score and
recency. Every matching organization, product and person is ranked; of the rest only the
:data:`RANK_WINDOW` newest matches (and as many newest title matches), so a query's cost follows
the window and not the size of the database (how many match in all is counted apart, in
``search_count``): a common short term (``a``, ``2``) that would OR hundreds of
trigrams with long doclists is instead checked, as a substring, on the newest rows matching the
rest of the query (``_scan_newest``), which finds the same window; and the ranking is computed
from the window rows (``search_rank``), not by FTS5's ``bm25()``, whose document frequencies scan
every match in the index.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from desktop.store.database import Store
from desktop.store.errors import raises_store_errors
from desktop.store.schema import SEARCH_KINDS, SEARCH_TABLES
from desktop.store.search_backlog import KEY as BACKLOG_KEY
from desktop.store.search_backlog import backlog_problems, read_backlog
from desktop.store.search_rank import (
    idf_weights,
    ids_between,
    kind_order,
    matcher,
    scores,
)

MAX_SHORT_TERMS = 400  # trigrams OR-ed for one 1-2 character term
_KIND_BY_CODE = {code: kind for kind, code in SEARCH_KINDS.items()}
_HIT = ("\x02", "\x03")  # highlight markers, never in user text
Row = tuple[int, str, str, str]  # rowid, kind, title, body


@dataclass(frozen=True)
class SearchHit:
    kind: str  # event, org, person, product, claim, source, annotation
    id: int
    key: str | None
    title: str
    snippet: str  # with \x02 ... \x03 around the matched text
    rank: float
    quality: tuple[int, ...] = ()
    """How well it matches (``search_rank.match_quality`` and the kind's order): lower is
    better, comparable between searches for the same text."""

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


def _short_match(store: Store, term: str) -> str | None:
    """The trigrams a 1-2 character term begins, OR-ed, or None when no trigram begins it."""
    rows = store.conn.execute(
        "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
        (term, term + "\U0010ffff", MAX_SHORT_TERMS),
    ).fetchall()
    return "(" + " OR ".join(_quote(r[0]) for r in rows) + ")" if rows else None


def term_matches(store: Store, text: str) -> tuple[list[str], list[str]] | None:
    """The typed terms and one FTS5 MATCH expression for each, or None if nothing can match."""
    terms, parts = _terms(text), []
    for term in terms:
        part = _quote(term) if len(term) >= 3 else _short_match(store, term)
        if part is None:
            return None
        parts.append(part)
    return (terms, parts) if parts else None


def build_match(store: Store, text: str) -> str | None:
    """The FTS5 MATCH expression for what a person typed, or None if nothing can match."""
    found = term_matches(store, text)
    return " AND ".join(found[1]) if found else None


RANK_WINDOW = 1000  # matches ranked: the most recently written ones (and every named row)
NAMED_KINDS = ("org", "product", "person")
NAMED_CAP = 5000  # named rows (organizations, products, people) ranked at most, newest first


@raises_store_errors
def search(
    store: Store, text: str, *, kinds: tuple[str, ...] | None = None, limit: int = 50
) -> list[SearchHit]:
    """Best matches first. Safe for any input; an empty or unmatched query returns [].

    Matches are ordered by quality first (``search_rank.match_quality``): a name or alias that
    is the query, a name that begins with it, whole words, beginnings of words, and last text
    inside a word; then organizations, products and people before events, sources, notes and
    claims; then BM25-style (titles weighted 4) and the newest first. Every matching
    organization, product and person is ranked, and of everything else the
    ``max(RANK_WINDOW, limit)`` most recently written matches, plus as many of the newest whose
    titles match (a million rows would cost hundreds of milliseconds to rank in full).
    ``rank`` is the hit's place (lower is better). Snippets are cut from the matched rows only.
    """
    terms = _terms(text)
    size = max(RANK_WINDOW, limit)
    found = _window(store, terms, kinds, size)
    if found is None or not found[0]:
        return []
    window, parts = found
    weights = idf_weights(store.conn, parts, window[-1][0], window[0][0])
    rows = list(
        {r[0]: r for r in [*window, *_more_rows(store, terms, parts, kinds, window)]}.values()
    )
    ranks = scores([(r[2], r[3]) for r in rows], terms, weights)
    judge = matcher(tuple(terms)).quality
    quality = [judge(r[2], r[3]) for r in rows]
    order = sorted(
        range(len(rows)),
        key=lambda i: (*quality[i], kind_order(rows[i][1]), -ranks[i], -rows[i][0]),
    )[:limit]
    keys = _keys_of(store, [(rows[i][1], rows[i][0] // 16) for i in order])
    hits = []
    for place, i in enumerate(order):
        rowid, kind, title, body = rows[i]
        row_id = rowid // 16
        name = " ".join(title.split())
        snippet = _snippet(f"{title}  {body}", terms)
        key, quality_i = keys.get((kind, row_id)), (*quality[i], kind_order(kind))
        hits.append(SearchHit(kind, row_id, key, name, snippet, place, quality_i))
    return hits


def _max_id(store: Store, kind: str) -> int:
    row = store.conn.execute(f"SELECT max(id) FROM {SEARCH_TABLES[kind]}").fetchone()
    return int(row[0] or 0)


def _kind_filter(store: Store, kinds: tuple[str, ...] | None) -> str:
    """A condition keeping ``kinds`` by the table code in the rowid, and bounding the rowids
    by their tables' largest id: the index then walks only that range (a million events are
    not read to find the organizations among them). Empty without ``kinds``."""
    if not kinds:
        return ""
    top = max(_max_id(store, k) * 16 + 15 for k in kinds)
    return f" AND rowid <= {top} AND rowid % 16 IN ({_codes(kinds)})"


def _codes(kinds: tuple[str, ...]) -> str:
    return ", ".join(str(SEARCH_KINDS[k]) for k in kinds)


def _more_rows(
    store: Store,
    terms: list[str],
    parts: list[str | float],
    kinds: tuple[str, ...] | None,
    window: list[Row],
) -> list[Row]:
    """Matches the recency ``window`` may have missed: every named row (organization, product,
    person), and the newest rows whose titles hold every long term, as many as the window
    (those in the window are not read again)."""
    # a part may be a share (a term checked on rows, see _window): long terms are quoted again
    longs = list(dict.fromkeys(_quote(t) for t in terms if len(t) >= 3))
    rare = [p for t, p in zip(terms, parts, strict=True) if len(t) < 3 and isinstance(p, str)]
    exprs = longs + list(dict.fromkeys(rare))
    shorts = [t for t in terms if len(t) < 3]
    named = [k for k in NAMED_KINDS if not kinds or k in kinds]
    sql = "SELECT rowid, kind, title, body FROM search WHERE "
    out: list[Row] = []
    if named and exprs:  # named rows have small ids: a short range of rowids to walk
        top = max(_max_id(store, k) * 16 + 15 for k in named)
        out += store.conn.execute(
            sql + f"search MATCH ? AND rowid <= ? AND rowid % 16 IN ({_codes(tuple(named))})"
            f" ORDER BY rowid DESC LIMIT {NAMED_CAP}",
            (" AND ".join(exprs), top),
        ).fetchall()
    elif named:  # common short terms only: the named rows' range, the terms checked in SQL
        top = max(_max_id(store, k) * 16 + 15 for k in named)
        has = " AND ".join("instr(lower(title || char(0) || body), ?)" for _ in shorts)
        out += store.conn.execute(
            sql + f"rowid <= ? AND rowid % 16 IN ({_codes(tuple(named))}) AND {has}"
            f" ORDER BY rowid DESC LIMIT {NAMED_CAP}",
            (top, *shorts),
        ).fetchall()
    # the window holds every title match newer than its oldest row: read only older ones
    long_terms = [t for t in terms if len(t) >= 3]
    in_title = sum(all(t in r[2].lower() for t in long_terms) for r in window)
    if longs and in_title < len(window):
        where = "search MATCH ? AND rowid < ?" + _kind_filter(store, kinds)
        out += store.conn.execute(
            sql + where + " ORDER BY rowid DESC LIMIT ?",
            (" AND ".join(f"title : {p}" for p in longs), window[-1][0], len(window) - in_title),
        ).fetchall()
    if shorts:
        out = [r for r in out if all(t in (r[2] + "\x00" + r[3]).lower() for t in shorts)]
    return out


SCAN_ROWS = 8000  # newest candidate rows read at most to find the window of common short terms
SCAN_PROBE = 400  # every so many rows read, the short terms' rate says if SCAN_ROWS will do


def _window(
    store: Store, terms: list[str], kinds: tuple[str, ...] | None, size: int | None = None
) -> tuple[list[Row], list[str | float]] | None:
    """The newest :data:`RANK_WINDOW` rows matching every term, with each term's MATCH
    expression or share of the rows in the window's range (for :func:`idf_weights`).

    Short terms are first checked on the newest rows matching the long terms; if too rare for
    that, the rare ones are looked up in the vocabulary and the common ones still checked on
    the rows they match; and only then is every short term looked up."""
    if not terms:
        return None
    size = size or RANK_WINDOW
    parts: dict[str, str | float] = {t: _quote(t) for t in terms if len(t) >= 3}
    drivers, checks = list(parts), list(dict.fromkeys(t for t in terms if len(t) < 3))
    while checks:
        match = " AND ".join(str(parts[t]) for t in drivers) or None
        rows, shares, driver_share = _scan_newest(store, match, checks, kinds, size)
        if rows is not None:
            parts.update(shares)
            if len(drivers) == 1:
                parts[drivers[0]] = driver_share
            return rows, [parts[t] for t in terms]
        rare = [t for t in checks if shares[t] * SCAN_ROWS < size]
        if not rare and len(checks) > 1:  # each is common, not together: the rarest drives
            rare = [min(checks, key=shares.__getitem__)]
        if not rare or len(rare) == len(checks):
            break
        for t in rare:
            part = _short_match(store, t)
            if part is None:
                return None
            parts[t] = part
        drivers += rare
        checks = [t for t in checks if t not in rare]
    for t in checks:
        part = _short_match(store, t)
        if part is None:
            return None
        parts[t] = part
    where = "search MATCH ?" + _kind_filter(store, kinds)
    params: list[object] = [" AND ".join(str(parts[t]) for t in dict.fromkeys(terms))]
    rows = store.conn.execute(
        f"SELECT rowid, kind, title, body FROM search WHERE {where} ORDER BY rowid DESC LIMIT ?",
        [*params, size],
    ).fetchall()
    return rows, [parts[t] for t in terms]


def _scan_newest(
    store: Store,
    match: str | None,
    checks: list[str],
    kinds: tuple[str, ...] | None,
    size: int | None = None,
) -> tuple[list[Row] | None, dict[str, float], float]:
    """The window read from the newest rows that match ``match`` (or the newest rows), keeping
    those containing every term in ``checks``; the share of the rows read that contain each of
    those terms; and the share of the window's rowid range that matches ``match``. The window
    is None when the terms are too rare to fill it from :data:`SCAN_ROWS` rows.

    A common short term (``a``, ``2``) expands to many trigrams with long doclists, which
    costs far more to look up and OR than reading the few newest rows that contain it."""
    size = size or RANK_WINDOW
    sql = "SELECT rowid, kind, title, body FROM search WHERE " + (
        "search MATCH ?" if match else "1"
    )
    sql += _kind_filter(store, kinds)
    params: list[object] = [match] if match else []
    cursor = store.conn.execute(sql + " ORDER BY rowid DESC LIMIT ?", [*params, SCAN_ROWS])
    rows: list[Row] = []
    counts, n, n_window, complete = dict.fromkeys(checks, 0), 0, 0, True
    for row in cursor:
        n += 1
        text = (row[2] + "\x00" + row[3]).lower()  # a term has no NUL: never spans both
        has = [t for t in checks if t in text]
        for t in has:
            counts[t] += 1
        if len(has) == len(checks):
            rows.append(row)
            n_window = n  # the candidates read down to the lowest row of the window
            if len(rows) == size:
                break
        # stop as soon as the window would need more than SCAN_ROWS at the rate so far
        if n % SCAN_PROBE == 0 and len(rows) * SCAN_ROWS < size * n:
            complete = False
            break
    cursor.close()
    if len(rows) < size and n == SCAN_ROWS:
        complete = False  # more candidates than read: the window may be incomplete
    # a short term is about as common among all rows as among the candidates read
    shares = {t: c / max(n, 1) for t, c in counts.items()}
    span = ids_between(rows[-1][0], rows[0][0]) if rows else 1
    return (rows if complete else None), shares, n_window / span


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
    # leftmost match, and at one place the first term that matches there, like a regex alternation
    pattern = re.compile("|".join(re.escape(t) for t in terms if t))
    out, i = [], 0
    for found_at in pattern.finditer(window.lower()):
        a, b = found_at.span()
        out += [window[i:a], _HIT[0], window[a:b], _HIT[1]]
        i = b
    out.append(window[i:])
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(flat) else ""
    return prefix + "".join(out) + suffix


def _keys_of(store: Store, refs: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The stable key (or annotation UUID) of each (kind, id), one query per kind."""
    by_kind: dict[str, list[int]] = {}
    for kind, row_id in refs:
        by_kind.setdefault(kind, []).append(row_id)
    keys: dict[tuple[str, int], str] = {}
    for kind, ids in by_kind.items():
        col = "uuid" if kind == "annotation" else "key"
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT id, {col} FROM {SEARCH_TABLES[kind]} WHERE id IN ({marks})"
        keys.update(((kind, row_id), key) for row_id, key in store.conn.execute(sql, ids))
    return keys


def check_index(store: Store) -> list[str]:
    """Problems between the search index and its tables (empty when consistent)."""
    problems = []
    if not store.readonly:  # FTS5 runs its check as a (content-neutral) write command
        try:
            store.conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index integrity check failed: {exc}")
    backlog = read_backlog(store.conn)
    for kind, table in SEARCH_TABLES.items():
        code = SEARCH_KINDS[kind]
        cond = "deleted_at IS NULL" if kind == "annotation" else "1"
        n_rows = store.conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}").fetchone()[0]
        n_index = store.conn.execute(
            "SELECT count(*) FROM search WHERE kind = ? AND rowid % 16 = ?", (kind, code)
        ).fetchone()[0]
        if kind == "event" and backlog is not None:
            problems += backlog_problems(store, backlog, n_rows, n_index)
        elif n_rows != n_index:
            problems.append(f"search index has {n_index} {kind} rows, the table has {n_rows}")
    return problems


def rebuild_index(store: Store) -> None:
    """Re-index every row (after a bulk load that bypassed triggers, or to repair)."""
    with store.write() as db:
        db.execute("DELETE FROM search")
        for table in SEARCH_TABLES.values():
            # an UPDATE that changes nothing still fires the triggers that re-index the row
            db.execute(f"UPDATE {table} SET id = id")
        db.execute("DELETE FROM app_state WHERE key = ?", (BACKLOG_KEY,))  # all indexed now
        store.changed("all", "reload")


# kinds are also reported by code for callers that decode rowids themselves
kind_of_code = _KIND_BY_CODE.get
