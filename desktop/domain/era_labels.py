"""Labels of the era strip under the time axis: each era's title in the longest form that fits
its room, measured with the caller's `text_width`, else nothing (never a stub like "Wo…").

Forms, longest first: the title; the title without its parenthesis; the text in the
parenthesis ("WAIC 2024" for "World Artificial Intelligence Conference 2024 (WAIC 2024)"); an
acronym of the capitalised words with the numbers kept ("UNGA 2024"); the acronym alone. A
title none of whose forms fits is elided only if a useful part (`MIN_ELIDED` characters) stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TextWidth = Callable[[str], float]

#: Fewest characters of a title kept before an ellipsis; fewer draws nothing.
MIN_ELIDED = 8
#: How far left of its era a label may start when the era sits at the right edge, in pixels.
MAX_SHIFT = 120.0
_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "de", "du", "la"}
_PAREN = re.compile(r"\s*[(（]([^()（）]+)[)）]\s*")


def era_label_forms(title: str) -> list[str]:
    """The forms of `title` to try, longest first, without repeats or empty ones."""
    title = " ".join(title.split())
    forms = [title]
    inner = [m.strip() for m in _PAREN.findall(title)]
    bare = " ".join(_PAREN.sub(" ", title).split())
    forms.append(bare)
    forms += inner
    words = bare.split()
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in _SMALL_WORDS]
    if len(capitals) >= 2 and not inner:
        letters = "".join(w[0] for w in capitals)
        numbers = [w for w in words if w.isdigit()]
        forms.append(" ".join([letters, *numbers]))
        forms.append(letters)
    out: list[str] = []
    for form in sorted(forms, key=len, reverse=True):
        if form and form not in out:
            out.append(form)
    return out


def elide(text: str, room: float, text_width: TextWidth) -> str:
    """`text` cut to fit `room` with an ellipsis, or '' when fewer than MIN_ELIDED characters
    would stay."""
    if text_width(text) <= room:
        return text
    lo, hi = 0, len(text)  # the most characters that fit with "…"
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…") <= room:
            lo = mid
        else:
            hi = mid - 1
    kept = text[:lo].rstrip()
    return kept + "…" if len(kept.rstrip("…")) >= MIN_ELIDED else ""  # spaces cut do not count


def fit_era_label(title: str, room: float, text_width: TextWidth) -> str:
    """The longest form of `title` that fits `room` pixels, else an elided title, else ''."""
    for form in era_label_forms(title):
        if text_width(form) <= room:
            return form
    return elide(title, room, text_width)


@dataclass(frozen=True)
class EraLabel:
    index: int  # into the eras given
    x: float  # left end of the text
    text: str


def place_era_labels(
    eras: Sequence[tuple[float, float, str]],
    width: float,
    text_width: TextWidth,
    pad: float = 3.0,
    gap: float = 8.0,
) -> list[EraLabel]:
    """Labels for eras given as (x0, x1, title) in view pixels, left to right, inside
    [pad, width - pad] and `gap` apart. A label starts at its era (or the left edge; later
    inside the era after a previous label) and runs at most to the next era's start; where that
    leaves too little room (an era near the right edge) it may start up to MAX_SHIFT pixels
    further left, ending at that limit."""
    shown = [i for i, (x0, x1, t) in enumerate(eras) if x1 >= 0 and x0 <= width and t.strip()]
    order = sorted(shown, key=lambda i: (max(eras[i][0], 0.0), i))
    out: list[EraLabel] = []
    lo = pad
    for k, i in enumerate(order):
        x0, x1, title = eras[i]
        start = max(x0, 0.0) + pad
        if lo > max(start, x1):
            continue  # the previous label covers this whole era
        nxt = next((max(eras[j][0], 0.0) for j in order[k + 1 :] if eras[j][0] > x0), None)
        hi = width - pad if nxt is None else min(width - pad, nxt - gap)
        x = max(lo, start)
        text = fit_era_label(title, hi - x, text_width) if hi > x else ""
        if not text:  # move left, staying close to the era
            x = max(lo, start - MAX_SHIFT)
            text = fit_era_label(title, hi - x, text_width) if hi > x else ""
            if not text:
                continue
            x = max(x, min(start, hi - text_width(text)))
        out.append(EraLabel(i, x, text))
        lo = x + text_width(text) + gap
    return out
