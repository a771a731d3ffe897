"""Reading TimelineJS JSON (``events``, ``eras``, ``title``) and the HTML of its text.

Every construct of the TimelineJS3 JSON format is read, as its documentation describes it:

- ``text.headline`` is the title; it is optional: without one the title is the first words of
  ``text.text``, else the media's caption (or title, or URL). A slide with none of these is
  refused ("no headline, text or media").
- ``text.text`` is the summary (HTML becomes plain text: paragraphs and line breaks kept).
- ``start_date``/``end_date`` objects give the precision (a year alone stays a year); their
  ``display_date``, ``second``, ``millisecond`` and ``format`` are kept as attributes
  (``start_date.display_date``...), as are the slide's ``display_date``, ``media`` (``url``,
  ``caption``, ``credit``, ``thumbnail``, ``alt``, ``title``, ``link``, ``link_target``:
  ``media.url``...), ``background`` (``url``, ``alt``, ``color``), ``autolink`` and any other
  value a slide carries: the summary's ``extra:`` line (:mod:`desktop.domain.attributes`),
  listed in the event's details and written back by the export.
- ``group`` names the event's organization (its lane when the timeline is grouped by
  organization); ``unique_id`` is the key.
- ``title`` is the timeline's title slide: metadata, never an event (its dates, with or without
  a year, are not read); the plan's notes name it. ``scale`` is not read: Dossier's timeline
  has one scale from billions of years to minutes; the export writes ``"cosmological"`` when
  a date lies beyond what a JavaScript ``Date`` holds (:func:`tl_scale`).
- ``eras`` become era events (``era = 1``, kind ``era``), as the seed's WAIC era is.
- A slide's ``dossier`` object (written by Dossier's own export) restores kind, organizations,
  place, the partial dates, the summary and the other attributes exactly.

Years beyond 1..9999 are read at year precision; a month, day or time given with them is kept
as an attribute (``start_date.month``...) that the export writes back in place. TimelineJS
writes BCE years as negative numbers and labels ``-3500`` "3500 BCE", so a negative year
``-N`` is N BCE: Dossier's astronomical year ``1 - N`` (canonical "-3499"); the export writes
it back as ``-N``. Year 0, which TimelineJS accepts, is read as 1 BCE (written back as -1).
``-13800000000`` (number or text) is "13.8 billion years ago".
The document is read whole: such files are small (at most 256 MB is accepted).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.domain.deep_time import MAX_YEAR, MIN_YEAR, year_text
from desktop.domain.partial_date import PartialDate
from desktop.store.io.readers import RowSource
from desktop.store.io.records import (
    FIELDS,
    ImportedEvent,
    ImportFileError,
    RowError,
    Skipped,
    build_event,
    text_value,
)
from desktop.store.io.text import not_utf8

MAX_JSON_BYTES = 256 * 1024 * 1024

# -- text --------------------------------------------------------------------------------
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARA = re.compile(r"</p\s*>\s*<p(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(value: str) -> str:
    """TimelineJS text is HTML: line breaks and paragraphs become newlines, tags go."""
    return html.unescape(_TAG.sub("", _PARA.sub("\n\n", _BR.sub("\n", value))))


def text_to_html(value: str) -> str:
    """The inverse of :func:`html_to_text` for plain text (what the export writes)."""
    return html.escape(value, quote=False).replace("\n", "<br>")


def _tl_number(obj: dict[str, Any], name: str, where: str) -> int | None:
    value = obj.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise RowError(f"{where}.{name} should be a number, not true/false")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d{1,30}\s*", value):
        return int(value)
    raise RowError(f"{where}.{name} should be a whole number, not {value!r:.40}")


def _tl_date(obj: Any, where: str) -> Any:
    """A TimelineJS date object as a PartialDate at the precision its fields give."""
    if not isinstance(obj, dict):
        raise RowError(f"{where} should be an object with a year")
    year = _tl_number(obj, "year", where)
    if year is None:
        raise RowError(f"{where} has no year")
    month, day = _tl_number(obj, "month", where), _tl_number(obj, "day", where)
    hour, minute = _tl_number(obj, "hour", where), _tl_number(obj, "minute", where)
    if hour is not None and minute is None:
        minute = 0
    if hour is None:
        minute = None
    year = from_tl_year(year)
    if not 1 <= year <= 9999:  # known to the year; the finer fields stay as attributes
        month = day = hour = minute = None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise RowError(
            f"{where}: the year {year_text(max(min(year, MAX_YEAR), MIN_YEAR))} is as far as"
            " Dossier goes (20 billion years either way)"
        )
    try:
        return PartialDate(year, month, day, hour, minute)
    except ValueError as exc:
        raise RowError(f"{where}: {exc}") from None


def from_tl_year(year: int) -> int:
    """TimelineJS's year (-3500 is 3500 BCE; 0 is taken as 1 BCE) as an astronomical year."""
    return year + 1 if year < 0 else year


def to_tl_year(year: int) -> int:
    """An astronomical year as TimelineJS writes it (3500 BCE is -3500)."""
    return year - 1 if year <= 0 else year


#: The first and last instants a JavaScript ``Date`` holds (±8.64e15 ms from 1970): TimelineJS's
#: "human" scale ends there, its "cosmological" one goes on (to the year).
JS_DATE_LIMIT = 8_640_000_000_000


def tl_scale(lo: float | None, hi: float | None) -> str:
    """``"cosmological"`` when ``[lo, hi)`` (seconds) goes beyond a JavaScript ``Date``."""
    if lo is not None and hi is not None and (lo < -JS_DATE_LIMIT or hi > JS_DATE_LIMIT):
        return "cosmological"
    return "human"


def date_object(d: PartialDate) -> dict[str, Any]:
    """A TimelineJS date object at *d*'s precision (the export's ``start_date``/``end_date``);
    qualified, approximate and BCE/deep-time dates also carry ``display_date``."""
    obj: dict[str, Any] = {"year": to_tl_year(d.year)}
    if d.month is not None:
        obj["month"] = d.month
    elif d.part is not None and d.part[0] in "QH":  # the first month of the quarter or half
        obj["month"] = (int(d.part[1]) - 1) * (3 if d.part[0] == "Q" else 6) + 1
    if d.day is not None:
        obj["day"] = d.day
    if d.hour is not None:
        obj["hour"], obj["minute"] = d.hour, d.minute
    if d.part is not None or d.approximate or not 1 <= d.year <= 9999:
        obj["display_date"] = d.display()
    return obj


class TimelineJsSource(RowSource):
    """A TimelineJS JSON document, read whole (such files are small)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.fmt = "timelinejs"
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ImportFileError(f"{path.name} is larger than {MAX_JSON_BYTES // 2**20} MB")
        raw = path.read_bytes()
        try:
            doc = json.loads(raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
        except UnicodeDecodeError as exc:
            bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
            raise ImportFileError(f"{path.name} {not_utf8(exc, bom)}; save it as UTF-8") from None
        except RecursionError:
            raise ImportFileError(f"{path.name} is nested too deeply to be TimelineJS") from None
        except ValueError as exc:
            raise ImportFileError(f"{path.name} is not valid JSON ({str(exc)[:80]})") from None
        if not isinstance(doc, dict) or not any(
            isinstance(doc.get(k), list) for k in ("events", "eras")
        ):
            raise ImportFileError(f"{path.name} is not a TimelineJS file: it has no 'events' list")
        for name in ("events", "eras"):
            if name in doc and not isinstance(doc[name], list):
                raise ImportFileError(f"{path.name}: '{name}' should be a list")
        self.doc = doc
        self.columns = ("events", "eras", "title")
        self.provided = frozenset(set(FIELDS) - {"key"})
        title = doc.get("title")
        if isinstance(title, dict):
            text = title.get("text")
            headline = text.get("headline") if isinstance(text, dict) else None
            name = headline if isinstance(headline, str) else ""
            named = f" {html_to_text(name).strip()[:80]!r}" if name.strip() else ""
            self.notes.append(f"the title slide{named} is the timeline's title, not an event")

    def rows(self) -> Iterator[ImportedEvent | Skipped]:
        slides = [(f"events[{i}]", s, False) for i, s in enumerate(self.doc.get("events") or [])]
        slides += [(f"eras[{i}]", s, True) for i, s in enumerate(self.doc.get("eras") or [])]
        for where, slide, is_era in slides:
            try:
                yield self._slide(slide, where, is_era)
            except RowError as exc:
                yield Skipped(where, str(exc))

    def _slide(self, slide: Any, where: str, is_era: bool) -> ImportedEvent:
        if not isinstance(slide, dict):
            raise RowError("a slide should be an object")
        text = slide.get("text") or {}
        if not isinstance(text, dict):
            raise RowError("'text' should be an object with a headline")
        meta = slide.get("dossier")
        meta = meta if isinstance(meta, dict) else {}
        headline = text.get("headline")
        body = text.get("text")
        summary = None if body in (None, "") else html_to_text(text_value(body, "text"))
        attributes = slide_attributes(slide)
        title = html_to_text(text_value(headline, "headline")).strip() if headline else ""
        values: dict[str, Any] = {
            "title": title or _fallback_title(summary, attributes),
            "summary": meta["summary"] if isinstance(meta.get("summary"), str) else summary,
            "key": meta.get("key", slide.get("unique_id")),
            "kind": meta.get("kind", "era" if is_era else None),
            "place": meta.get("place"),
            "era": meta.get("era", is_era),
        }
        kept = meta.get("attributes")
        if isinstance(kept, dict):  # Dossier's own export: every attribute, exactly
            attributes = kept
        orgs = meta.get("orgs")
        if orgs is not None and not isinstance(orgs, list):
            raise RowError("dossier.orgs should be a list of names")
        values["orgs"] = orgs if orgs is not None else slide.get("group")
        dates = None
        if meta.get("start"):
            values["start"], values["end"] = meta["start"], meta.get("end")
        else:
            first = _tl_date(slide.get("start_date"), "start_date")
            end = slide.get("end_date")
            last = None if end in (None, {}) else _tl_date(end, "end_date")
            dates = (first, None if last == first else last)
            for name, d in (("start_date", first), ("end_date", last)):
                shown = attributes.get(f"{name}.display_date")
                if d is not None and shown and date_object(d).get("display_date") == shown:
                    del attributes[f"{name}.display_date"]  # what the export writes anyway
        return build_event(values, where, dates=dates, extra=attributes)


# -- what a slide carries beyond Dossier's fields -------------------------------------------
DATE_FIELDS = frozenset({"year", "month", "day", "hour", "minute"})
READ = frozenset({"start_date", "end_date", "text", "unique_id", "group", "dossier"})
TITLE_WORDS = 10
TITLE_CHARS = 80


FLAT_DEPTH = 4  # deeper objects are kept as JSON text


def _flatten(name: str, value: Any, out: dict[str, str], depth: int = 0) -> None:
    if isinstance(value, dict) and depth < FLAT_DEPTH:
        for k, v in value.items():
            _flatten(f"{name}.{k}", v, out, depth + 1)
    elif value is None or value == "":
        return
    elif isinstance(value, str):
        out[name] = value
    else:  # numbers, true/false, lists, deep objects: as JSON, read back by the export
        try:
            out[name] = json.dumps(value, ensure_ascii=False)
        except (RecursionError, ValueError):
            raise RowError(f"'{name}' is nested too deeply to keep") from None


def slide_attributes(slide: dict[str, Any]) -> dict[str, str]:
    """What a slide carries that no field takes, as flat attributes: ``media.url``,
    ``background.color``, ``display_date``, ``start_date.display_date``, ``autolink``..."""
    out: dict[str, str] = {}
    for name in ("start_date", "end_date"):
        date = slide.get(name)
        if isinstance(date, dict):
            try:
                year = _tl_number(date, "year", name)
            except RowError:
                year = None
            deep = year is not None and not 1 <= from_tl_year(year) <= 9999
            for k, v in date.items():
                if k not in DATE_FIELDS or (deep and k != "year"):  # "44 BCE": 15 March kept
                    _flatten(f"{name}.{k}", v, out)
    for name, value in slide.items():
        if name not in READ:
            _flatten(name, value, out)
    text = slide.get("text")
    if isinstance(text, dict):
        for k, v in text.items():
            if k not in ("headline", "text"):
                _flatten(f"text.{k}", v, out)
    return out


def _fallback_title(summary: str | None, attributes: dict[str, str]) -> str | None:
    """A headline-less slide's title: the first words of its text, else its media's caption
    (or title, or URL)."""
    words = (summary or "").split()
    if words:
        title = " ".join(words[:TITLE_WORDS])
        cut = len(words) > TITLE_WORDS or len(title) > TITLE_CHARS
        return title[:TITLE_CHARS].rstrip() + "…" if cut else title
    for name in ("media.caption", "media.title", "media.url"):
        caption = html_to_text(attributes.get(name, "")).strip()
        if caption:
            return " ".join(caption.split())[:TITLE_CHARS]
    raise RowError("no headline, text or media to name the event")
