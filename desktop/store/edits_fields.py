"""What each editable kind's fields are, and how a form's values become columns (no Qt).

:func:`normalise` turns the values a form (or a script) gives into the columns to write:
text is stripped (empty means NULL), partial dates are read with :meth:`PartialDate.parse` and
stored canonically (events also get their ``[lo, hi)`` interval columns), references must name
an existing row. :func:`field_errors` gives every problem at once, by field, for a form to show
beside each field; the write functions raise the first one as a :class:`FieldError`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.grades import GradeError, parse_credibility, parse_reliability
from desktop.domain.partial_date import DateParseError, PartialDate, parse_span
from desktop.store.errors import ValidationError
from desktop.store.schema import CITATION_TARGETS


class FieldError(ValidationError):
    """A value for one field is not acceptable; ``field`` names it (a column name)."""

    def __init__(self, kind: str, field: str, message: str) -> None:
        self.kind = kind
        self.field = field
        self.message = message
        super().__init__(f"{kind} {LABELS.get(field, field)}: {message}")


@dataclass(frozen=True)
class Field:
    """One editable column: how it is checked and stored, and what a form calls it. This table is
    the one description of each kind's fields: the forms (``desktop.ui.editing.specs``) are
    generated from it, in its order."""

    name: str
    # text, date, ref, int, float, bool, tristate, aliases, choice; reliability (A-F) and
    # credibility (1-6): Admiralty grades, None when not graded
    type: str
    required: bool = False
    default: Any = None
    ref: str | None = None  # table for 'ref'
    choices: tuple[str, ...] = ()
    label: str = ""  # the form's label ('Chinese name')
    hint: str = ""  # the form's placeholder ('e.g. 72B')
    # how a person enters it: '' one line, 'long' several lines, 'suggest' free text offering
    # the values already used, 'span' a date or a range of dates
    entry: str = ""
    choice_labels: tuple[str, ...] = ()  # what each of ``choices`` is called in a form


def _f(name: str, type_: str = "text", **kw: Any) -> Field:
    return Field(name, type_, **kw)


_ORG = "organizations"
_LONG = {"entry": "long"}
_SUGGEST = {"entry": "suggest"}
FIELDS: dict[str, tuple[Field, ...]] = {
    "org": (
        _f("name", required=True, label="Name"),
        _f("name_zh", label="Chinese name"),
        _f("aliases", "aliases", label="Aliases", hint="comma-separated: Qwen, 通义千问"),
        _f("kind", default="company", label="Kind", **_SUGGEST),
        _f("country", label="Country", **_SUGGEST),
        _f("hq", label="HQ"),
        _f("founded", "date", label="Founded"),
        _f("parent_id", "ref", ref=_ORG, label="Parent"),
        _f("summary", label="Summary", **_LONG),
    ),
    "event": (
        _f("title", required=True, label="Title"),
        _f("kind", default="event", label="Kind", **_SUGGEST),
        _f("start", "date", required=True, label="Start", entry="span",
           hint="e.g. early May 2024, or 4–6 Jul 2024"),
        _f("end", "date", label="End", hint="optional"),
        _f("place", label="Place"),
        _f("summary", label="Summary", **_LONG),
        _f("era", "bool", default=False, label="Era", hint="shade as a period on the timeline"),
    ),
    "person": (
        _f("name", required=True, label="Name"),
        _f("name_zh", label="Chinese name"),
        _f("summary", label="Summary", **_LONG),
    ),
    "role": (
        _f("person_id", "ref", required=True, ref="people", label="Person"),
        _f("org_id", "ref", ref=_ORG, label="Organization"),
        _f("title", required=True, label="Title", **_SUGGEST),
        _f("start", "date", label="Start"),
        _f("end", "date", label="End"),
    ),
    "product": (
        _f("name", required=True, label="Name"),
        _f("aliases", "aliases", label="Aliases", hint="comma-separated"),
        _f("owner_id", "ref", ref=_ORG, label="Owner"),
        _f("kind", default="model", label="Kind", **_SUGGEST),
        _f("released", "date", label="Released"),
        _f("parameters", label="Size", hint="e.g. 72B"),
        _f("open_weights", "tristate", label="Open weights"),
        _f("summary", label="Summary", **_LONG),
    ),
    "claim": (
        _f("text", required=True, label="Claim", **_LONG),
        _f("claimant_org_id", "ref", ref=_ORG, label="Claimant"),
        _f("claimant_person_id", "ref", ref="people", label="Claimant"),
        _f("subject_org_id", "ref", ref=_ORG, label="About"),
        _f("subject_person_id", "ref", ref="people", label="About"),
        _f("subject_product_id", "ref", ref="products", label="About"),
        _f("subject_event_id", "ref", ref="events", label="About"),
        _f("measured_against", label="Measured against"),
        _f("status", "choice", default="claimed", choices=("claimed", "verified", "disputed"),
           label="Status"),
        _f("date", "date", label="Date"),
    ),
    "metric": (
        _f("name", required=True, label="Name", hint="e.g. Qwen downloads"),
        _f("value", "float", required=True, label="Value", hint="a number, e.g. 40000000"),
        _f("unit", label="Unit", **_SUGGEST),
        _f("as_of", "date", label="As of"),
        _f("subject_org_id", "ref", ref=_ORG, label="Of"),
        _f("subject_product_id", "ref", ref="products", label="Of"),
        _f("note", label="Note", **_LONG),
    ),
    "relationship": (
        _f("source_id", "ref", required=True, ref=_ORG, label="From"),
        _f("kind", required=True, label="Relationship", **_SUGGEST),
        _f("target_id", "ref", required=True, ref=_ORG, label="To"),
        _f("since", "date", label="Since"),
        _f("summary", label="Summary", **_LONG),
    ),
    "citation": (
        _f("source_id", "ref", required=True, ref="sources", label="Source"),
        _f("target_kind", "choice", required=True, choices=tuple(CITATION_TARGETS),
           label="Cites for"),
        _f("target_id", "int", required=True, label="Cites for"),
        _f("locator", label="Where", hint="page, paragraph, timestamp"),
        _f("quote", label="Quote", **_LONG),
        _f("stance", "choice", default="for", choices=("for", "against"), label="Stance",
           choice_labels=("supports", "contradicts")),
        _f("credibility", "credibility", label="Credibility"),
        _f("credibility_reason", label="Why", hint="one line: why this grade"),
    ),
    "source": (
        _f("title", required=True, label="Title"),
        _f("publisher", label="Publisher", **_SUGGEST),
        _f("kind", default="article", label="Kind", **_SUGGEST),
        _f("url", label="URL"),
        _f("published", "date", label="Published"),
        _f("summary", label="Summary", **_LONG),
        _f("reliability", "reliability", label="Reliability"),
        _f("reliability_reason", label="Why", hint="one line: why this grade"),
    ),
}  # fmt: skip
# a grade's one-line reason: refused without the grade it explains
REASONS = {"credibility_reason": "credibility", "reliability_reason": "reliability"}

LABELS: dict[str, str] = {
    "name_zh": "Chinese name",
    "hq": "HQ",
    "parent_id": "parent",
    "person_id": "person",
    "org_id": "organization",
    "owner_id": "owner",
    "open_weights": "open weights",
    "claimant_org_id": "claimant",
    "claimant_person_id": "claimant",
    "subject_org_id": "subject",
    "subject_person_id": "subject",
    "subject_product_id": "subject",
    "subject_event_id": "subject",
    "measured_against": "measured against",
    "as_of": "as of",
    "source_id": "source",
    "target_id": "target",
    "target_kind": "target kind",
    "start": "start date",
    "end": "end date",
    "credibility_reason": "reason for the credibility",
    "reliability_reason": "reason for the reliability",
}
# the field a new row's key is made from
KEY_FROM = {
    "org": "name",
    "event": "title",
    "person": "name",
    "product": "name",
    "claim": "text",
    "metric": "name",
    "relationship": "kind",
    "source": "title",
}


def parse_date(kind: str, name: str, text: Any) -> PartialDate | None:
    """A partial date from form text (None for empty); FieldError naming the field."""
    if text is None or not str(text).strip():
        return None
    try:
        return PartialDate.parse(str(text))
    except DateParseError as exc:
        raise FieldError(kind, name, str(exc)) from None


def _value(conn: sqlite3.Connection, kind: str, f: Field, raw: Any) -> Any:
    """One field's column value (raises FieldError)."""
    if isinstance(raw, str):
        raw = raw.strip()
    empty = raw is None or raw == "" or (f.type == "aliases" and not raw)
    if empty:
        if f.required and f.default is None:
            raise FieldError(kind, f.name, "is required")
        return json.dumps([]) if f.type == "aliases" else f.default
    if f.type == "text":
        return str(raw)
    if f.type == "date":
        d = parse_date(kind, f.name, raw)
        return d.canonical() if d else None
    if f.type == "aliases":
        items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
        names = [str(a).strip() for a in items if str(a).strip()]
        return json.dumps(names, ensure_ascii=False)
    if f.type in ("bool", "tristate"):
        return int(bool(raw))
    if f.type in ("reliability", "credibility"):
        read = parse_reliability if f.type == "reliability" else parse_credibility
        try:
            return read(raw)
        except GradeError as exc:
            raise FieldError(kind, f.name, str(exc)) from None
    if f.type == "choice":
        if raw not in f.choices:
            raise FieldError(kind, f.name, f"must be one of {', '.join(f.choices)}")
        return raw
    if f.type == "float":
        try:
            return float(str(raw).replace(",", ""))
        except ValueError:
            raise FieldError(kind, f.name, f"{raw!r} is not a number") from None
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise FieldError(kind, f.name, f"{raw!r} is not an id") from None
    if f.type == "ref":
        hit = conn.execute(f"SELECT 1 FROM {f.ref} WHERE id = ?", (number,)).fetchone()
        if not hit:
            raise FieldError(kind, f.name, f"no {LABELS.get(f.name, f.name)} with id {number}")
    return number


def _interval(text: str | None) -> tuple[int | None, int | None]:
    return PartialDate.parse(text).interval() if text else (None, None)


def _check_kind(
    conn: sqlite3.Connection, kind: str, cols: dict[str, Any], raw: Mapping[str, Any]
) -> None:
    """Rules that span fields."""
    for reason, grade in REASONS.items():
        if cols.get(reason) is not None and cols.get(grade) is None:
            raise FieldError(kind, reason, f"give the {grade} this reason explains")
    if kind == "event":
        lo, hi = _interval(cols["start"])
        elo, ehi = _interval(cols["end"])
        if ehi is not None and lo is not None and ehi <= lo:
            raise FieldError(kind, "end", "is before the start")
        cols |= {"start_lo": lo, "start_hi": hi, "end_lo": elo, "end_hi": ehi}
    elif kind == "role":
        ends = _interval(cols["end"])[1]
        starts = _interval(cols["start"])[0]
        if ends is not None and starts is not None and ends <= starts:
            raise FieldError(kind, "end", "is before the start")
    elif kind == "claim":
        if cols["claimant_org_id"] is not None and cols["claimant_person_id"] is not None:
            raise FieldError(kind, "claimant_org_id", "is an organization or a person, not both")
        subjects = [c for c in cols if c.startswith("subject_") and cols[c] is not None]
        if len(subjects) > 1:
            raise FieldError(kind, subjects[1], "a claim has one subject")
    elif kind == "metric":
        subjects = [c for c in ("subject_org_id", "subject_product_id") if cols[c] is not None]
        if len(subjects) != 1:
            raise FieldError(kind, "subject_org_id", "give an organization or a product")
    elif kind == "relationship":
        if cols["source_id"] == cols["target_id"]:
            raise FieldError(kind, "target_id", "must be another organization")
    elif kind == "citation":
        table = CITATION_TARGETS[cols["target_kind"]]
        hit = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (cols["target_id"],))
        if not hit.fetchone():
            raise FieldError(
                kind, "target_id", f"no {cols['target_kind']} with id {cols['target_id']}"
            )
    elif kind == "org" and raw.get("id") is not None and cols["parent_id"] == raw.get("id"):
        raise FieldError(kind, "parent_id", "an organization cannot be its own parent")


def split_event_span(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An event whose start reads as a range ("4–6 Jul 2024") and whose end is empty gets
    both ends from it."""
    out = dict(fields)
    start, end = out.get("start"), out.get("end")
    if isinstance(start, str) and start.strip() and not (end and str(end).strip()):
        try:
            PartialDate.parse(start)
        except DateParseError:
            try:
                a, b = parse_span(start)
            except DateParseError:
                return out
            out["start"], out["end"] = a.canonical(), b.canonical() if b else None
    return out


def normalise(conn: sqlite3.Connection, kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Columns for ``fields`` (every field of the kind; missing ones take their default)."""
    if kind not in FIELDS:
        raise ValidationError(f"cannot edit a {kind!r}")
    if kind == "event":
        fields = split_event_span(fields)
    cols = {f.name: _value(conn, kind, f, fields.get(f.name)) for f in FIELDS[kind]}
    _check_kind(conn, kind, cols, fields)
    return cols


def field_errors(conn: sqlite3.Connection, kind: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """Every problem of ``fields``, by field name (empty when they can be saved)."""
    errors: dict[str, str] = {}
    if kind == "event":
        fields = split_event_span(fields)
    cols: dict[str, Any] = {}
    for f in FIELDS[kind]:
        try:
            cols[f.name] = _value(conn, kind, f, fields.get(f.name))
        except FieldError as exc:
            errors[f.name] = exc.message
    if not errors:
        try:
            _check_kind(conn, kind, cols, fields)
        except FieldError as exc:
            errors[exc.field] = exc.message
    return errors


def make_key(conn: sqlite3.Connection, table: str, kind: str, text: str | None) -> str:
    """A new unique key (``a-z0-9-``) from a name: 'SenseTime' -> 'sensetime', then '-2'..."""
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:48].strip("-")
    slug = slug or kind
    key, n = slug, 2
    while conn.execute(f"SELECT 1 FROM {table} WHERE key = ?", (key,)).fetchone():
        key, n = f"{slug}-{n}", n + 1
    return key
