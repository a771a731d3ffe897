"""BM25-style ranking of a window of search matches, computed in Python.

FTS5's ``bm25()`` computes each phrase's inverse document frequency by running the phrase over the
whole index before the first row is scored: on a million rows a common word costs ~100 ms whatever
the size of the window. Here the window rows are scored from their own text (a match is a
substring, as with the trigram index), with title weighted 4 and body 1 like the old
``bm25(search, 0, 4, 1)``, and the document frequency of each term is counted, capped, in the rowid
range the window spans, so the cost follows the window and not the size of the database.

Before any score, :func:`match_quality` says how well a row matches (the query is a name or
alias, a name begins with it, whole words, word starts, inside a word): the search orders by
that first, so ``API`` finds the API cutoff before Leonis C*api*tal.
"""

from __future__ import annotations

import functools
import math
import re
import sqlite3
from collections.abc import Sequence

K1, B = 1.2, 0.75
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
DF_CAP = 1000  # matches counted per term for its document frequency


def idf_weights(
    conn: sqlite3.Connection, matches: Sequence[str | float], low_rowid: int, high_rowid: int
) -> list[float]:
    """Inverse document frequency of each term among the rows in a rowid range (the window's).

    A term is given as its MATCH expression, or as the share of rows known to contain it. A
    MATCH is counted from the top of the range down, at most :data:`DF_CAP` matches: when it
    stops early, the density of the part counted stands for the whole range. Only relative
    weights matter (every matched row contains every term): one term needs no query at all."""
    if len(matches) < 2:
        return [1.0] * len(matches)
    n_rows = ids_between(low_rowid, high_rowid)
    out = []
    for match in matches:
        if isinstance(match, str):
            lowest, df = conn.execute(
                "SELECT min(rowid), count(*) FROM (SELECT rowid FROM search WHERE search MATCH ?"
                " AND rowid >= ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?)",
                (match, low_rowid, high_rowid, DF_CAP),
            ).fetchone()
            if df == DF_CAP:
                df = df * n_rows / ids_between(lowest, high_rowid)
        else:
            df = match * n_rows
        df = min(df, n_rows)
        out.append(math.log((n_rows - df + 0.5) / (df + 0.5) + 1.0))
    return out


def ids_between(low_rowid: int, high_rowid: int) -> int:
    """About how many rows a rowid range holds (rowid = id * 16 + table code)."""
    return max(1, (high_rowid - low_rowid) // 16 + 1)


def scores(
    rows: Sequence[tuple[str, str]], terms: Sequence[str], weights: Sequence[float]
) -> list[float]:
    """Scores of (title, body) rows for lowercased terms, higher is better."""
    lowered = [(title.lower(), body.lower()) for title, body in rows]
    lengths = [len(t) + len(b) for t, b in lowered]
    avgdl = (sum(lengths) / len(lengths)) if lengths else 1.0
    avgdl = avgdl or 1.0
    out = []
    for (title, body), length in zip(lowered, lengths, strict=True):
        norm = K1 * (1.0 - B + B * length / avgdl)
        total = 0.0
        for term, weight in zip(terms, weights, strict=True):
            tf = TITLE_WEIGHT * title.count(term) + BODY_WEIGHT * body.count(term)
            total += weight * tf * (K1 + 1.0) / (tf + norm)
        out.append(total)
    return out


# -- match quality -------------------------------------------------------------------------------
# How well a row matches, before any BM25 score or recency: lower is better.
EXACT = 0  # a name or alias (a title segment) is the query
NAME_PREFIX = 1  # a name begins with the query (at least 3 characters, or a whole word)
WHOLE_WORD = 2  # every term is a whole word somewhere (Chinese: any match)
WORD_PREFIX = 3  # every term begins a word
INSIDE = 4  # some term is only inside a word (Leonis C[api]tal, Aliy[un])
NO_MATCH = 5
# a tie in quality goes to the kinds that have names, then events, then the rest
KIND_ORDER = {"org": 0, "product": 1, "person": 2, "event": 3, "source": 4, "annotation": 5}
OTHER_KIND = 6  # claims


def _is_word(ch: str) -> bool:
    """A letter or digit that words are made of; Chinese and Japanese characters are words of
    their own (their text has no spaces), so they never join a match to its neighbours."""
    return ch.isalnum() and not ("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")


def term_quality(text: str, term: str) -> int:
    """WHOLE_WORD, WORD_PREFIX, INSIDE or NO_MATCH for a lowercased ``term`` in ``text``."""
    best, start = NO_MATCH, 0
    while (i := text.find(term, start)) >= 0:
        end = i + len(term)
        starts = i == 0 or not _is_word(text[i - 1]) or not _is_word(term[0])
        ends = end >= len(text) or not _is_word(text[end]) or not _is_word(term[-1])
        best = min(best, WHOLE_WORD if starts and ends else WORD_PREFIX if starts else INSIDE)
        if best == WHOLE_WORD:
            break
        start = i + 1
    return best


def names_of(title: str) -> list[str]:
    """The names in an indexed title (name, Chinese name, aliases: separated by two spaces)."""
    return [" ".join(name.split()) for name in title.lower().split("  ") if name.strip()]


# a character words are made of (as _is_word): a letter or digit, not Chinese, Japanese, Korean
_W = "[^\\W_\u2e80-\u9fff\uac00-\ud7af]"


class Matcher:
    """:func:`match_quality` for one query, with its patterns compiled once (a search judges a
    thousand rows or more)."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = [t for t in terms if t]
        self.phrase = " ".join(self.terms)
        # a name is a title segment: the indexed fields end with two spaces
        name = "(?:^|(?<=  ))\\s*" + re.escape(self.phrase)
        self.exact = re.compile(name + "(?=\\s\\s|\\s*$)")
        n = len(self.phrase)
        # a name's start: at least 3 characters of it, or a whole word (UN, not Un-ited)
        self.name_prefix = re.compile(name + ("" if n >= 3 else f"(?!{_W})"))

    def quality(self, title: str, body: str) -> tuple[int, int]:
        """(quality, field): field 0 when the title holds every term, 1 when some term is
        only in the body. Lower is better."""
        if not self.phrase:
            return NO_MATCH, 1
        low_title = title.lower()
        if self.phrase in low_title:
            if self.exact.search(low_title):
                return EXACT, 0
            if self.name_prefix.search(low_title):
                return NAME_PREFIX, 0
        return self._words(low_title, body)

    def _words(self, low_title: str, body: str) -> tuple[int, int]:
        """The quality of the terms as words (title first, else the body)."""
        quality, field = WHOLE_WORD, 0
        low_body: str | None = None
        for term in self.terms:
            best, where = term_quality(low_title, term), 0
            if best != WHOLE_WORD:
                low_body = body.lower() if low_body is None else low_body
                in_body = term_quality(low_body, term)
                if in_body < best:
                    best, where = in_body, 1
            quality, field = max(quality, best), max(field, where)
        return quality, field


@functools.lru_cache(maxsize=64)
def matcher(terms: tuple[str, ...]) -> Matcher:
    """The :class:`Matcher` of ``terms``, compiled once (typing repeats queries)."""
    return Matcher(terms)


def match_quality(title: str, body: str, terms: Sequence[str]) -> tuple[int, int]:
    """(quality, field) of a row for lowercased ``terms`` (see :class:`Matcher`)."""
    return matcher(tuple(terms)).quality(title, body)


def kind_order(kind: str) -> int:
    return KIND_ORDER.get(kind, OTHER_KIND)
