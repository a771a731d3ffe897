"""Exporting events as Timesketch JSONL: one object per event with ``message`` (the title),
``datetime`` (UTC, to the microsecond), ``timestamp`` (microseconds since 1970) and
``timestamp_desc`` (the kind), then every attribute the event was imported with (the summary's
``extra:`` line, see :mod:`desktop.domain.attributes`), a summary of its own as ``summary`` and
its organizations as ``organizations``. Importing the file again gives the same events with the
same attributes; an imported Timesketch row's ``datetime`` and ``timestamp`` come back as they
were read (in UTC), not rounded to the minute."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.attributes import split_attributes
from desktop.domain.filters import EventFilter
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store.database import Store
from desktop.store.io.exporters import ExportRow, Out, _target, select_events

EPOCH = datetime(1970, 1, 1)


def timesketch_object(e: ExportRow) -> dict[str, Any] | None:
    """The event as one Timesketch object, or None when its start cannot be read or lies
    outside the years 1..9999 (BCE, deep time: no ``datetime`` holds it)."""
    summary, attributes = split_attributes(e.summary)
    try:
        start = PartialDate.parse(e.start)
    except DateParseError:
        return None
    if not 1 <= start.year <= 9999:
        return None
    lo = start.interval()[0]
    obj: dict[str, Any] = {"message": e.title}
    micros = attributes.pop("timestamp", None)
    stamp = attributes.pop("datetime", None)
    if micros is None or not micros.lstrip("-").isdigit():
        micros = str(lo * 1_000_000)
    if stamp is None:
        moment = EPOCH + timedelta(microseconds=int(micros))
        stamp = moment.isoformat(timespec="microseconds") + "+00:00"
    obj["datetime"] = stamp
    obj["timestamp"] = int(micros)
    obj["timestamp_desc"] = e.kind
    for name, value in attributes.items():
        obj.setdefault(name, value)
    if summary:
        obj.setdefault("summary", summary)
    if e.orgs:
        obj.setdefault("organizations", "; ".join(e.orgs))
    return obj


def export_timesketch(
    store: Store,
    out: Out,
    filters: EventFilter | None = None,
    left_out: list[str] | None = None,
) -> int:
    """Write the events as Timesketch JSONL; returns how many. Events no ``datetime`` can hold
    (BCE, deep time) are left out, their titles added to *left_out*."""
    count = 0
    with _target(out, store) as fh:
        for e in select_events(store, filters):
            obj = timesketch_object(e)
            if obj is None:
                if left_out is not None:
                    left_out.append(e.title)
                continue
            fh.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


__all__ = ["export_timesketch", "timesketch_object"]
