"""How many rows match a search, by kind: the "20 of 10,520" beside the best hits.

A match is what :func:`desktop.store.search.search` finds: every term a substring of the title
or the body. Counting uses the trigram index wherever it can (long terms, and short terms with
few trigrams); a common one- or two-character term is checked on the rows the rest of the query
matches, exactly up to :data:`EXACT_SCAN_ROWS` rows, estimated beyond (``Count.exact``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.store.batches import id_batches
from desktop.store.database import Store
from desktop.store.errors import raises_store_errors
from desktop.store.schema import SEARCH_KINDS, SEARCH_TABLES
from desktop.store.search import (
    _KIND_BY_CODE,
    SearchHit,
    _kind_filter,
    _max_id,
    _quote,
    _terms,
    search,
)
from desktop.store.search_backlog import indexed_share

SHORT_OR_MAX = 24  # a short term with more trigrams than this is counted by reading rows
EXACT_SCAN_ROWS = 120_000  # rows read at most to count common short terms exactly
COUNT_SAMPLE = 4000  # newest candidate rows read to estimate a count beyond that
COUNT_CAP = 120_000  # matches counted exactly; beyond, estimated (see _capped)
_SPREAD = 2_654_435_761  # Knuth's multiplier: rowid * it mod 2**32 spreads rowids evenly


@dataclass(frozen=True)
class Count:
    """How many rows match a query, by kind; ``exact`` is False for an estimate (more than
    :data:`COUNT_CAP` matches, or common one- or two-character terms over more than
    :data:`EXACT_SCAN_ROWS` candidate rows)."""

    by_kind: dict[str, int]
    exact: bool = True

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True)
class SearchPage:
    """The best ``limit`` hits with the number of every match (see :func:`search_page`)."""

    query: str
    hits: list[SearchHit]
    count: Count
    indexed: float | None = None
    """The share of a big import's events search can find yet (0..1), or None when the index
    is complete (see :mod:`desktop.store.search_backlog`)."""

    @property
    def total(self) -> int:
        return self.count.total


def search_page(
    store: Store, text: str, *, kinds: tuple[str, ...] | None = None, limit: int = 50
) -> SearchPage:
    """:func:`search` with the true number of matches (``count_matches``)."""
    hits = search(store, text, kinds=kinds, limit=limit)
    count = count_matches(store, text, kinds=kinds) if hits else Count({})
    return SearchPage(text, hits, count, indexed_share(store))


@raises_store_errors
def count_matches(store: Store, text: str, *, kinds: tuple[str, ...] | None = None) -> Count:
    """Every row matching ``text`` (each term as a substring of the title or body), by kind:
    exact up to :data:`COUNT_CAP` matches, estimated beyond (``exact`` False).

    Long terms and rare short ones are counted in the index; a common one- or two-character
    term (hundreds of trigrams) is checked on the rows the rest of the query matches, exactly up
    to :data:`EXACT_SCAN_ROWS` of them and estimated from the newest beyond that."""
    terms = list(dict.fromkeys(_terms(text)))
    if not terms:
        return Count({})
    exprs, checks = [], []
    for term in terms:
        if len(term) >= 3:
            exprs.append(_quote(term))
            continue
        if len(term) == 1:  # in most rows, and its trigrams cost more to look up than to read
            checks.append(term)
            continue
        found = store.conn.execute(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
            (term, term + "\U0010ffff", SHORT_OR_MAX + 1),
        ).fetchall()
        if not found:
            return Count({})
        if len(found) <= SHORT_OR_MAX:
            exprs.append("(" + " OR ".join(_quote(r[0]) for r in found) + ")")
        else:
            checks.append(term)
    where, params = [], []
    if exprs:
        where.append("search MATCH ?")
        params.append(" AND ".join(exprs))
    if kinds:
        where.append("1" + _kind_filter(store, kinds))
    if checks:
        if exprs:  # the rows the rest matches, counted up to COUNT_CAP (estimated beyond)
            n = _capped(store, where, params).total
        else:
            n = sum(_max_id(store, k) for k in kinds or SEARCH_TABLES)  # about every row
        if n > EXACT_SCAN_ROWS:
            return _estimate(store, where, params, checks, n, kinds)
        return _checked(store, where, params, checks)
    return _capped(store, where, params)


def _checked(store: Store, where: list[str], params: Sequence[object], checks: list[str]) -> Count:
    """The rows of ``where`` holding every short term, by kind, counted exactly. LIKE folds
    ASCII case (as the index does); the title and body are read from the index's own content
    table (FTS5's ``search_content``: ``c1`` the title, ``c2`` the body), joined by rowid, which
    takes about 60 % of the time reading them through the index does (107,000 rows: 219 ms
    against 357)."""
    inner = "SELECT rowid AS r FROM search" + (" WHERE " + " AND ".join(where) if where else "")
    likes, args = [], list(params)
    for term in checks:
        likes.append("(s.c1 LIKE ? ESCAPE '\\' OR s.c2 LIKE ? ESCAPE '\\')")
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
        args += [pattern, pattern]
    sql = f"SELECT r % 16, count(*) FROM ({inner}) JOIN search_content s ON s.id = r"
    sql += " WHERE " + " AND ".join(likes) + " GROUP BY 1"
    return Count({_KIND_BY_CODE[code]: n for code, n in store.conn.execute(sql, args)})


def _capped(store: Store, where: list[str], params: Sequence[object]) -> Count:
    """The matches of ``where`` by kind, counted exactly up to :data:`COUNT_CAP`. Beyond it the
    count stops (a common word among ten million events is two million matches, seconds to
    count) and each kind's is scaled by how far its ids were read: the index answers in rowid
    order (id * 16 + the kind's code), so a kind whose largest id was reached is exact."""
    inner = "SELECT rowid FROM search" + (" WHERE " + " AND ".join(where) if where else "")
    sql = f"SELECT rowid % 16, count(*), max(rowid) FROM ({inner} LIMIT ?) GROUP BY 1"
    rows = store.conn.execute(sql, [*params, COUNT_CAP + 1]).fetchall()
    by_kind = {_KIND_BY_CODE[code]: n for code, n, _top in rows}
    if sum(by_kind.values()) <= COUNT_CAP:
        return Count(by_kind)
    reached = max(top for _code, _n, top in rows) // 16  # every kind was read up to this id
    for kind, n in by_kind.items():
        last = _max_id(store, kind)
        if last > reached:
            by_kind[kind] = round(n * last / max(reached, 1))
    return Count(by_kind, exact=False)


def _estimate(
    store: Store,
    where: list[str],
    params: Sequence[object],
    checks: list[str],
    n: int,
    kinds: tuple[str, ...] | None,
) -> Count:
    """The share of :data:`COUNT_SAMPLE` candidates, drawn evenly at random (the same draw
    each time: a count does not change between keystrokes), holding every short term, times the
    ``n`` candidates, by kind. The candidates are the rows the rest of the query matches (the
    first :data:`COUNT_CAP` of them in the index's order when there are more), or, for a query
    of short terms only, every row (rowids drawn in each kind's id range, gaps skipped). The
    newest rows alone would not do: a digit's share, for one, changes with the ids."""
    seen: dict[str, int] = {}
    read = 0

    def check(rows: Iterable[tuple[int, str, str]]) -> None:
        nonlocal read
        for code, title, body in rows:
            read += 1
            text = (title + "\x00" + body).lower()
            if all(t in text for t in checks):
                kind = _KIND_BY_CODE[code]
                seen[kind] = seen.get(kind, 0) + 1

    if where:  # rows whose rowid hashes below a bound: spread evenly, about COUNT_SAMPLE of them
        bound = min(2**32, 2**32 * COUNT_SAMPLE // max(min(n, COUNT_CAP), 1))
        sql = "SELECT r % 16, s.c1, s.c2 FROM (SELECT rowid AS r FROM search WHERE "
        sql += " AND ".join(where) + " LIMIT ?) JOIN search_content s ON s.id = r"
        sql += f" WHERE (r * {_SPREAD}) % 4294967296 < ?"
        check(store.conn.execute(sql, [*params, COUNT_CAP, bound]))
        return Count({k: round(v * n / max(read, 1)) for k, v in seen.items()}, exact=False)
    draw = random.Random(7)  # short terms only: rowids drawn in each kind's id range
    tops = {k: _max_id(store, k) for k in kinds or SEARCH_TABLES}
    total = sum(tops.values())
    sample = []
    for kind, top in tops.items():
        share = round(COUNT_SAMPLE * top / max(total, 1))
        ids = draw.sample(range(1, top + 1), min(share, top)) if top else []
        sample += [i * 16 + SEARCH_KINDS[kind] for i in ids]
    for chunk, marks in id_batches(sorted(sample)):
        check(
            store.conn.execute(
                f"SELECT id % 16, c1, c2 FROM search_content WHERE id IN ({marks})", chunk
            )
        )
    scale = n / max(read, 1)
    return Count({k: round(v * scale) for k, v in seen.items()}, exact=False)


def event_times(
    store: Store, ids: list[int]
) -> dict[int, tuple[str | None, str | None, int | None, int | None]]:
    """For event hits: (start and end as written, earliest instant, end of the last instant)
    in seconds since 1970 UTC, half-open; the instants are None for a date no one can place."""
    out: dict[int, tuple[str | None, str | None, int | None, int | None]] = {}
    for chunk, marks in id_batches(ids):
        for row in store.conn.execute(
            f'SELECT id, start, "end", start_lo, coalesce(end_hi, start_hi) FROM events'
            f" WHERE id IN ({marks})",
            chunk,
        ):
            out[int(row[0])] = (row[1], row[2], row[3], row[4])
    return out
