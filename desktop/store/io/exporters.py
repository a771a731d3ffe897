"""Exporting events: CSV, TimelineJS JSON and iCalendar, filtered in SQL by the one event filter
(:class:`desktop.domain.filters.EventFilter`, its facets from other tables answered by
:func:`desktop.store.filters.facet_ids`, as for the timeline).

Rows stream from the database to the file (memory stays flat). A file path is written to a
temporary file beside it and moved into place when complete, so a failure never leaves half a
file; ``"-"`` or an open binary stream is written directly.

- CSV (UTF-8 with a BOM so spreadsheets read Chinese names; CRLF rows): ``key, title, start,
  end, kind, orgs, summary, place, era, grade`` with dates in canonical form ("2024-05" stays a
  month) and organizations separated by "; " — what :func:`plan_import` reads back as is.
  ``grade`` is the best Admiralty grade of the event's supporting citations ("B2", "B?"; empty
  when none is graded), which an import leaves out (it belongs to the citations).
- TimelineJS: slides with ``unique_id`` (the key), ``start_date``/``end_date`` objects at the
  date's precision (qualified dates such as "Q2 2024" also carry ``display_date``),
  ``text.headline``/``text.text`` as HTML, ``group`` (the first organization), the slide
  attributes an import kept (``media``, ``background``, ``display_date``, ``autolink``, the
  dates' ``display_date``/``second``...) back in place, other attributes as lines of the text,
  and a ``dossier`` object with kind, organizations, place, the partial dates, the plain summary
  and those other attributes, so Dossier reads back every event exactly. Events marked as eras
  go to ``eras``.
- iCalendar: see :mod:`desktop.store.io.ics`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from desktop.domain.attributes import split_attributes
from desktop.domain.filters import EventFilter
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store.database import Store
from desktop.store.errors import ValidationError
from desktop.store.files import describe_os_error, replacing
from desktop.store.filters import facet_ids, kind_codes
from desktop.store.io import ics
from desktop.store.io.timelinejs import date_object, text_to_html, tl_scale

CSV_COLUMNS = ("key", "title", "start", "end", "kind", "orgs", "summary", "place", "era", "grade")
Out = str | os.PathLike[str] | IO[bytes]


class ExportRow(NamedTuple):
    key: str
    title: str
    summary: str | None
    kind: str
    start: str
    end: str | None
    place: str | None
    era: bool
    orgs: tuple[str, ...]
    grade: str = ""  # the best grade of its supporting citations ('B2'; '' when none)


# the best grade of an event's supporting citations, as Grade.rank orders them (A1 first)
_BEST_GRADE = (
    "(SELECT coalesce(s.reliability, '?') || coalesce(c.credibility, '?') FROM citations c"
    " JOIN sources s ON s.id = c.source_id WHERE c.target_kind = 'event' AND c.target_id = e.id"
    " AND c.stance = 'for' AND (s.reliability IS NOT NULL OR c.credibility IS NOT NULL)"
    " ORDER BY coalesce(s.reliability, 'G'), coalesce(c.credibility, 7) LIMIT 1)"
)


def _where(store: Store, filters: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL for ``filters``; the facets kept in other tables come from ``facet_ids`` (the same
    sets the timeline's filter uses), passed as one JSON list each."""
    clauses: list[str] = []
    params: list[Any] = []
    facets = facet_ids(store, filters)
    if facets.orgs is not None:
        clauses.append(
            "e.id IN (SELECT event_id FROM event_orgs WHERE org_id IN"
            " (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(sorted(facets.orgs)))
    if facets.events is not None:
        clauses.append("e.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(facets.events)))
    if filters.kinds:
        names = [str(r[0]) for r in store.conn.execute("SELECT DISTINCT kind FROM events")]
        kinds = [names[i] for i in kind_codes(names, filters.kinds)]
        clauses.append("e.kind IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(kinds))
    if filters.range is not None:
        lo, hi = filters.range
        clauses.append(
            "(e.start_lo IS NULL OR (e.start_lo < ? AND coalesce(e.end_hi, e.start_hi) > ?))"
        )
        params += [hi, lo]
    return clauses, params


def _overlaps(start: str, end: str | None, span: tuple[float, float]) -> bool:
    """For rows another client wrote without an interval: read the dates here."""
    try:
        lo, hi = PartialDate.parse(start).interval()
        if end:
            hi = max(hi, PartialDate.parse(end).interval()[1])
    except DateParseError:
        return False
    return lo < span[1] and hi > span[0]


def select_events(
    store: Store, filters: EventFilter | None = None, *, era: bool | None = None
) -> Iterator[ExportRow]:
    """The events to export, in time order, with their organizations' names and best grade."""
    filters = filters or EventFilter()
    clauses, params = _where(store, filters)
    if era is not None:
        clauses.append("e.era = ?" if era else "e.era = 0 OR e.era IS NULL")
        params += [1] if era else []
    where = " AND ".join(f"({c})" for c in clauses) or "1"
    sql = (
        'SELECT e.key, e.title, e.summary, e.kind, e.start, e."end", e.place, e.era,'
        " e.start_lo, (SELECT json_group_array(name) FROM (SELECT o.name FROM event_orgs eo"
        " JOIN organizations o ON o.id = eo.org_id WHERE eo.event_id = e.id"
        f" ORDER BY o.name COLLATE NOCASE)), {_BEST_GRADE} FROM events e WHERE {where}"
        " ORDER BY e.start_lo IS NULL, e.start_lo, e.id"
    )
    for row in store.conn.execute(sql, params):
        span = filters.range
        if row[8] is None and span is not None and not _overlaps(row[4], row[5], span):
            continue
        key, title, summary, kind, start, end, place = row[:7]
        orgs = tuple(json.loads(row[9] or "[]"))
        era = bool(row[7])
        yield ExportRow(key, title, summary, kind, start, end, place, era, orgs, row[10] or "")


@contextlib.contextmanager
def _target(out: Out, store: Store) -> Iterator[IO[bytes]]:
    """A binary stream to write; a path is checked and written all or nothing by
    :func:`desktop.store.files.replacing` (never ``store``'s own file or its sidecars)."""
    if out == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if not isinstance(out, str | os.PathLike):
        yield out
        return
    path = Path(out).expanduser()
    try:
        with replacing(path, protect=(store.path,)) as tmp, tmp.open("wb") as fh:
            yield fh
    except OSError as exc:
        raise ValidationError(f"cannot write {path}: {describe_os_error(exc)}") from None


# -- CSV -----------------------------------------------------------------------------------------
def export_csv(store: Store, out: Out, filters: EventFilter | None = None) -> int:
    """Write the events as CSV; returns how many."""
    count = 0
    with _target(out, store) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(CSV_COLUMNS)
            for e in select_events(store, filters):
                writer.writerow(
                    [
                        e.key,
                        e.title,
                        e.start,
                        e.end or "",
                        e.kind,
                        "; ".join(e.orgs),
                        e.summary or "",
                        e.place or "",
                        "yes" if e.era else "no",
                        e.grade,
                    ]
                )
                count += 1
            text.flush()
        finally:
            text.detach()
    return count


# -- TimelineJS ------------------------------------------------------------------------------------
def _tl_date(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        return date_object(PartialDate.parse(text))  # BCE and deep time too (timelinejs.py)
    except DateParseError:
        return None


SLIDE_ATTRIBUTES = ("media.", "background.", "start_date.", "end_date.", "text.")
SLIDE_NAMES = frozenset({"display_date", "autolink"})


def _slide_value(name: str, value: str) -> Any:
    """An attribute as the slide held it: numbers and true/false as JSON, text as text."""
    if name.endswith((".second", ".millisecond", ".month", ".day", ".hour", ".minute")) or (
        name == "autolink"
    ):  # a BCE date's month, day and time are attributes (timelinejs.py)
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _split_slide_attributes(attributes: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(what goes back into the slide, nested; the other attributes)."""
    slide: dict[str, Any] = {}
    rest: dict[str, str] = {}
    for name, value in attributes.items():
        if name in SLIDE_NAMES or name.startswith(SLIDE_ATTRIBUTES):
            *parents, leaf = name.split(".")
            node = slide
            for part in parents:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    break
                node = child
            else:
                node[leaf] = _slide_value(name, value)
                continue
        rest[name] = value
    return slide, rest


def _slide(e: ExportRow, era: bool) -> dict[str, Any] | None:
    start = _tl_date(e.start)
    if start is None:
        return None
    summary, attributes = split_attributes(e.summary)
    back, rest = _split_slide_attributes(attributes)
    slide: dict[str, Any] = {"start_date": {**start, **back.pop("start_date", {})}}
    end = _tl_date(e.end)
    if end is not None or era:
        slide["end_date"] = {**(end or start), **back.pop("end_date", {})}
    text = {"headline": text_to_html(e.title), **back.pop("text", {})}
    lines = [text_to_html(summary)] if summary else []
    lines += [f"<b>{text_to_html(k)}</b>: {text_to_html(v)}" for k, v in rest.items()]
    if lines:
        text["text"] = "<br>".join(lines)
    slide["text"] = text
    back.pop("start_date", None), back.pop("end_date", None)
    slide.update(back)  # media, background, display_date, autolink ...
    if not era:
        slide["unique_id"] = e.key
        if e.orgs:
            slide["group"] = e.orgs[0]
    slide["dossier"] = {
        "key": e.key,
        "kind": e.kind,
        "start": e.start,
        "end": e.end,
        "orgs": list(e.orgs),
        "place": e.place,
        "era": e.era,
        "summary": summary,
        "attributes": attributes,
    }
    return slide


def export_timelinejs(
    store: Store, out: Out, filters: EventFilter | None = None, *, title: str = "Dossier"
) -> int:
    """Write the events as a TimelineJS JSON document; returns how many."""
    count = 0
    with _target(out, store) as fh:
        head = {"text": {"headline": text_to_html(title), "text": "Exported from Dossier"}}
        bounds = "SELECT min(start_lo), max(coalesce(end_hi, start_hi)) FROM events"
        lo, hi = store.conn.execute(bounds).fetchone()
        deep = tl_scale(lo, hi) == "cosmological"  # deep time, beyond a JavaScript Date
        scale = b', "scale": "cosmological"' if deep else b""
        fh.write(b'{"title": ' + _json(head) + scale + b',\n"events": [')
        for era, closing in ((False, b'],\n"eras": ['), (True, b"]}\n")):
            first = True
            for e in select_events(store, filters, era=era):
                slide = _slide(e, era)
                if slide is None:
                    continue
                fh.write((b"\n" if first else b",\n") + _json(slide))
                first = False
                count += 1
            fh.write(closing)
    return count


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


# -- iCalendar -------------------------------------------------------------------------------------
def export_ics(
    store: Store,
    out: Out,
    filters: EventFilter | None = None,
    *,
    name: str = "Dossier",
    now: datetime | None = None,
    left_out: list[str] | None = None,
) -> int:
    """Write the events as an iCalendar file; returns how many. Events iCalendar cannot hold
    (BCE, deep time: :func:`ics.holds`) are left out, their titles added to *left_out*."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None, microsecond=0)
    count = 0
    with _target(out, store) as fh:
        fh.write(ics.calendar_head(name))
        for e in select_events(store, filters):
            if not ics.holds(e.start, e.end):
                if left_out is not None:
                    left_out.append(e.title)
                continue
            lines = ics.event_lines(
                key=e.key,
                title=e.title,
                summary=e.summary,
                kind=e.kind,
                start=e.start,
                end=e.end,
                place=e.place,
                orgs=e.orgs,
                stamp=stamp,
            )
            if lines is None:
                continue
            fh.write(b"".join(ics.fold(line) for line in lines))
            count += 1
        fh.write(ics.calendar_tail())
    return count
