"""Date columns of a block read by :mod:`desktop.store.io.arrowcsv`: each distinct date cell
read once (ISO days and minutes as column operations, :func:`iso_columns`, hypothesis-tested
against :func:`~desktop.store.io.rows.iso_bits`; the rest by the fast path's reader), then the
six date columns of every row taken from them, with the rows whose dates the fast path cannot
read marked unsure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

try:  # (see arrowcsv)
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - pyarrow is a dependency; a trimmed build may lack it
    pa = pc = None

Ints = np.ndarray[Any, np.dtype[np.int64]]
Flags = np.ndarray[Any, np.dtype[np.bool_]]


@dataclass(slots=True)
class Dates:
    """Distinct date cells read (aligned arrays): whether each could be, whether it was blank,
    its canonical text and [lo, hi), and the last range it gives an event."""

    ok: Flags
    blank: Flags
    text: Any
    lo: Ints
    hi: Ints
    has_last: Flags
    last_text: Any
    last_lo: Ints
    last_hi: Ints


def date_columns(
    start: Any, end: Any, unsure: Flags, read: Callable[[str], Any]
) -> tuple[Any, dict[str, Any]]:
    """The canonical starts (for keys) and the six date columns; rows whose dates the fast
    path cannot read are marked unsure."""
    assert pa is not None and pc is not None
    encoded = pc.dictionary_encode(start)
    at = to_numpy(encoded.indices).astype(np.int64)
    starts = _distinct(encoded.dictionary, True, read)
    unsure |= ~starts.ok[at]
    # the event's last range: the start's own (a range like "4-6 Jul 2024") unless the end
    # column gives one: an index into the starts' lasts, then the ends', then "none"
    which = np.where(starts.has_last[at], at, -1)
    lasts = [starts]
    if end is not None:
        e_encoded = pc.dictionary_encode(end)
        e_at = to_numpy(e_encoded.indices).astype(np.int64)
        ends = _distinct(e_encoded.dictionary, False, read)
        unsure |= (~ends.ok & ~ends.blank)[e_at]
        which = np.where(ends.ok[e_at], len(starts.ok) + e_at, which)
        lasts.append(ends)
    has_last = which >= 0
    last_lo = np.concatenate([d.last_lo for d in lasts] + [ints([0])])[which]
    last_hi = np.concatenate([d.last_hi for d in lasts] + [ints([0])])[which]
    lo = starts.lo[at]
    unsure |= has_last & (last_hi <= lo)
    last_text = pa.concat_arrays([d.last_text for d in lasts] + [pa.nulls(1, pa.string())])
    index = pa.array(np.where(has_last, which, len(last_text) - 1))
    texts = starts.text.take(pa.array(at))
    columns = {
        "start": texts,
        "start_lo": lo,
        "start_hi": starts.hi[at],
        "end": last_text.take(index),
        "end_lo": pa.array(last_lo, mask=~has_last),
        "end_hi": pa.array(last_hi, mask=~has_last),
    }
    return texts, columns


def _distinct(cells: Any, own_end: bool, read: Callable[[str], Any]) -> Dates:
    """Distinct date cells read: ISO dates as columns (:func:`iso_columns`), the rest as the
    fast path reads them. A start's last range is its own (a range's end); an end's is
    the end's range end, or the end itself."""
    assert pa is not None
    iso, text, lo, hi = iso_columns(cells)
    n = len(iso)
    ok = iso.copy()
    has_last = np.zeros(n, dtype=bool) if own_end else iso.copy()
    last_lo, last_hi = (
        (np.zeros(n, np.int64), np.zeros(n, np.int64)) if own_end else (lo.copy(), hi.copy())
    )
    texts = text.to_pylist()
    last_texts: list[str | None] = [None] * n if own_end else list(texts)
    blank = np.zeros(n, dtype=bool)
    values = cells.to_pylist()
    for i in np.flatnonzero(~iso).tolist():
        dates = read(values[i])
        if dates is None:
            blank[i] = not values[i].strip()
            last_texts[i] = None
            continue
        first, last = dates
        if not own_end:
            first, last = last or first, None
            has_last[i] = True
            last_texts[i], last_lo[i], last_hi[i] = first
        elif last is not None:
            has_last[i] = True
            last_texts[i], last_lo[i], last_hi[i] = last
        ok[i] = True
        texts[i], lo[i], hi[i] = first
    return Dates(ok, blank, pa.array(texts, pa.string()), lo, hi, has_last,
                 pa.array(last_texts, pa.string()), last_lo, last_hi)  # fmt: skip


_ISO_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ISO_MINUTE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}$"
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def iso_columns(cells: Any) -> tuple[Flags, Any, Ints, Ints]:
    """:func:`~desktop.store.io.rows.iso_bits` of each (stripped) cell, as columns: whether it
    is an ISO day or minute, its canonical text, lo and hi (zero where it is not)."""
    assert pa is not None and pc is not None
    text = pc.utf8_trim_whitespace(cells)
    day = to_numpy(pc.match_substring_regex(text, _ISO_DAY))
    minute = to_numpy(pc.match_substring_regex(text, _ISO_MINUTE))
    n = len(day)
    if not (day.any() or minute.any()):
        return np.zeros(n, dtype=bool), text, np.zeros(n, np.int64), np.zeros(n, np.int64)
    padded = pc.utf8_rpad(pc.if_else(pa.array(day | minute), text, "0000-00-00T00:00"), 16, "0")

    def number(a: int, b: int) -> Ints:
        return to_numpy(pc.utf8_slice_codeunits(padded, a, b).cast(pa.int64()))  # type: ignore[no-any-return]

    y, m, d, h, mi = number(0, 4), number(5, 7), number(8, 10), number(11, 13), number(14, 16)
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    month = np.clip(m, 0, 12)
    last = _MONTH_DAYS[month] + ((month == 2) & leap)
    valid = (y >= 1) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= last)
    valid &= day | ((h <= 23) & (mi <= 59))
    yy = y - (m <= 2)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    days = era * 146_097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719_468
    lo = np.where(minute, days * 86_400 + h * 3600 + mi * 60, days * 86_400)
    hi = lo + np.where(minute, 60, 86_400)
    canonical = pc.if_else(
        pa.array(minute),
        pc.binary_join_element_wise(
            pc.utf8_slice_codeunits(text, 0, 10), pc.utf8_slice_codeunits(text, 11, 16), "T"
        ),
        text,
    )
    iso = valid & (day | minute)
    return iso, canonical, np.where(iso, lo, 0), np.where(iso, hi, 0)


def to_numpy(array: Any) -> Any:
    return array.to_numpy(zero_copy_only=False)


def fits_int64(value: object) -> bool:
    return isinstance(value, int) and -(2**63) <= value < 2**63


def ints(values: list[int]) -> Ints:
    return np.array(values, dtype=np.int64)
