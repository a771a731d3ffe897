"""Reading TimelineJS JSON (``events``, ``eras``, ``title``) and the HTML of its text.

HTML in ``text.headline`` and ``text.text`` becomes plain text; ``start_date``/``end_date``
objects give the precision (a year alone stays a year); ``group`` names the organization;
``unique_id`` is the key. A slide's ``dossier`` object (written by Dossier's own export)
restores kind, organizations, place and the partial dates exactly; eras become era events.
The document is read whole: such files are small (at most 256 MB is accepted).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,6}\s*", value):
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
    try:
        return PartialDate(year, month, day, hour, minute)
    except ValueError as exc:
        raise RowError(f"{where}: {exc}") from None


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
        if isinstance(title, dict) and "start_date" not in title:
            self.notes.append("the title slide has no date and is not imported")

    def rows(self) -> Iterator[ImportedEvent | Skipped]:
        slides: list[tuple[str, Any, bool]] = []
        title = self.doc.get("title")
        if isinstance(title, dict) and "start_date" in title:
            slides.append(("title", title, False))
        slides += [(f"events[{i}]", s, False) for i, s in enumerate(self.doc.get("events") or [])]
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
        values: dict[str, Any] = {
            "title": html_to_text(text_value(headline, "headline")) if headline else None,
            "summary": None if body is None else html_to_text(text_value(body, "text")),
            "key": meta.get("key", slide.get("unique_id")),
            "kind": meta.get("kind", "era" if is_era else None),
            "place": meta.get("place"),
            "era": meta.get("era", is_era),
        }
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
        return build_event(values, where, dates=dates)
